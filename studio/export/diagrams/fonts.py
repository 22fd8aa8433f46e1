"""Fonts for diagrams and documents: names in Korean, Japanese or with emoji must render.

The studio relies on the Noto families (``fonts-noto-cjk`` and ``fonts-noto-color-emoji``
on Debian; OFL-licensed) and registers any font files shipped in ``resources/fonts/``.
``FALLBACK_FAMILIES`` is appended to a painter's own family list so Qt picks a face with
the glyph; ``uncovered(text)`` tells which characters no available family can draw.
"""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

#: Families tried after a painter's own, in order: Latin, CJK (one face covers JP/KR/SC), emoji.
FALLBACK_FAMILIES = ["Noto Sans", "DejaVu Sans", "Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Color Emoji"]
#: The same as a CSS ``font-family`` value, for SVG and HTML.
CSS_FAMILIES = (
    "'Noto Sans', 'DejaVu Sans', 'Noto Sans CJK JP', 'Noto Sans CJK KR', 'Apple SD Gothic Neo', "
    "'Hiragino Sans', 'Microsoft YaHei', 'Malgun Gothic', 'Apple Color Emoji', 'Segoe UI Emoji', "
    "'Noto Color Emoji', sans-serif"
)


def with_fallbacks(families: list[str]) -> list[str]:
    return list(dict.fromkeys([*families, *FALLBACK_FAMILIES]))


@cache
def register_fonts() -> tuple[str, ...]:
    """Register the fonts in ``resources/fonts/`` with Qt (once); returns their families.

    Needs a QGuiApplication.
    """
    from PySide6.QtGui import QFontDatabase

    from studio.resources import resource

    families: list[str] = []
    folder = resource("fonts")
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in (".ttf", ".otf", ".ttc"):
                font_id = QFontDatabase.addApplicationFont(str(path))
                if font_id >= 0:
                    families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return tuple(families)


def uncovered(text: str, families: list[str] | None = None) -> set[str]:
    """Characters of ``text`` that no installed family of the stack has a glyph for."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    register_fonts()
    installed = set(QFontDatabase.families())
    metrics = [QFontMetrics(QFont(f)) for f in with_fallbacks(families or []) if f in installed]
    missing = set()
    for ch in text:
        if ch.isspace() or ord(ch) in (0x200D, 0xFE0F):  # joiners and selectors have no glyph
            continue
        if not any(m.inFontUcs4(ord(ch)) for m in metrics):
            missing.add(ch)
    return missing


# -- embedding in SVG -----------------------------------------------------------------------
#: The family name an embedded subset gets inside an SVG.
EMBEDDED_FAMILY = "Studio Embedded CJK"
_CJK_FAMILY = "Noto Sans CJK JP"


#: Scripts the Latin faces lack: Hangul Jamo, CJK radicals to ideographs (kana included),
#: Hangul Jamo Extended-A, Hangul syllables, CJK compatibility ideographs, full-width forms.
_CJK = re.compile("[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef]+")


def needs_cjk(text: str) -> str:
    """The distinct characters of ``text`` from scripts the Latin faces lack (Hangul, kana,
    CJK ideographs and their punctuation), in order; empty when there are none.
    A regex scan: a large design's text is megabytes, a Python loop over it takes seconds."""
    return "".join(dict.fromkeys("".join(_CJK.findall(text))))


def cjk_font_file() -> Path | None:
    """A font file with Korean and Japanese glyphs: one shipped in ``resources/fonts/`` or
    the system's Noto Sans CJK (found with fontconfig)."""
    from studio.resources import resource

    folder = resource("fonts")
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if "cjk" in path.name.lower() and path.suffix.lower() in (".ttf", ".otf", ".ttc"):
                return path
    if shutil.which("fc-match"):
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", _CJK_FAMILY], capture_output=True, text=True, timeout=10
        ).stdout.strip()
        if found and "cjk" in found.lower() and Path(found).is_file():
            return Path(found)
    return None


@cache
def cjk_subset_woff(chars: str) -> bytes | None:
    """A WOFF font holding only ``chars`` (a few KB), or None without fontTools or a font."""
    source = cjk_font_file()
    if source is None or not chars:
        return None
    try:
        from fontTools import subset
        from fontTools.ttLib import TTFont
    except ImportError:
        return None
    font = (
        TTFont(str(source), fontNumber=0, lazy=True)
        if source.suffix.lower() == ".ttc"
        else TTFont(str(source))
    )
    options = subset.Options()
    options.flavor = "woff"
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def embed_cjk_font(svg: bytes, text: str, families: list[str]) -> bytes:
    """``svg`` with a subset of a CJK font embedded (``@font-face``, data URL) and appended
    to the text's family list, so Korean and Japanese names render in any SVG viewer."""
    font = cjk_subset_woff(needs_cjk(text))
    if font is None:
        return svg
    stack = ", ".join(f"'{f}'" for f in [*families, EMBEDDED_FAMILY]) + ", sans-serif"
    style = (
        "<style>@font-face { font-family: '" + EMBEDDED_FAMILY + "'; "
        "src: url(data:font/woff;base64," + base64.b64encode(font).decode("ascii") + ") format('woff'); } "
        "text, tspan { font-family: " + stack + "; }</style>"
    ).encode("ascii")
    match = re.search(rb"<svg\b[^>]*>", svg)
    if match is None:
        return svg
    return svg[: match.end()] + b"\n" + style + svg[match.end() :]
