"""Fonts for diagrams and documents: names in Korean, Japanese or with emoji must render.

The studio relies on the Noto families (``fonts-noto-cjk`` and ``fonts-noto-color-emoji``
on Debian; OFL-licensed) and registers any font files shipped in ``resources/fonts/``.
``FALLBACK_FAMILIES`` is appended to a painter's own family list so Qt picks a face with
the glyph; ``uncovered(text)`` tells which characters no available family can draw.
"""

from __future__ import annotations

from functools import cache

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
