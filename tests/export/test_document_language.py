"""The exported document speaks the design's language: headings, labels and contents links."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from studio.export.document import slug
from studio.export.i18n import DOCUMENT_LANGUAGES, labels, section_headings
from studio.export.pack import export_pack
from studio.io.gallery import load_template


@pytest.fixture(scope="module", params=sorted(DOCUMENT_LANGUAGES))
def language_pack(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, qapp: object
) -> tuple[str, Path]:
    language: str = request.param
    document = load_template("ecommerce")
    document.language = language  # type: ignore[assignment]
    out = tmp_path_factory.mktemp(f"lang-{language}") / "pack"
    result = export_pack(document, out, only=["md", "html", "pdf", "lint"])
    assert result.failures == [], [f"{f.kind}: {f.message}" for f in result.failures]
    return language, out


def _squeezed(text: str) -> str:
    """Text without whitespace or ligatures: pypdf breaks CJK runs into words and lines."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def test_every_format_carries_the_headings_of_the_design_language(language_pack: tuple[str, Path]) -> None:
    language, out = language_pack
    other = next(code for code in DOCUMENT_LANGUAGES if code != language)
    md = (out / "design.md").read_text("utf-8")
    html = (out / "design.html").read_text("utf-8")
    pdf = _squeezed("".join(page.extract_text() for page in PdfReader(out / "design.pdf").pages))
    headings = list(section_headings(language).values())
    md_headings = [line[3:] for line in md.splitlines() if line.startswith("## ") and line[3:4].isdigit()]
    assert md_headings == [f"{n}. {heading}" for n, heading in enumerate(headings, start=1)]
    html_headings = re.findall(r"<h2>(\d+\. [^<]+)</h2>", html)
    assert html_headings == md_headings
    assert f'<html lang="{language}">' in html
    for heading in headings:
        assert _squeezed(heading) in pdf, heading
    words = labels(language)
    foreign = section_headings(other)["system"]
    assert f"## {words['contents']}" in md and f"## 1. {foreign}" not in md
    assert f"<h2>{words['contents']}</h2>" in html and f"<h2>1. {foreign}</h2>" not in html
    assert _squeezed(words["contents"]) in pdf
    lint = (out / "lint.md").read_text("utf-8")
    assert lint.startswith("# " + words["risks_title"].format(title="E-commerce backend"))


def test_contents_links_reach_their_headings_by_githubs_anchor_rule(language_pack: tuple[str, Path]) -> None:
    _, out = language_pack
    md = (out / "design.md").read_text("utf-8")
    links = re.findall(r"^\d+\. \[[^\]]+\]\(#([^)]+)\)$", md, flags=re.MULTILINE)
    anchors = [slug(line[3:]) for line in md.splitlines() if line.startswith("## ") and line[3:4].isdigit()]
    assert len(links) == 13 and links == anchors


def test_slug_follows_github_keeping_hangul_and_dropping_punctuation() -> None:
    assert slug("1. System diagram") == "1-system-diagram"
    assert slug("3. API 명세") == "3-api-명세"
    assert slug("13. 린트가 찾은 위험") == "13-린트가-찾은-위험"
    assert slug("Weeks 1–2: Core (setup)!") == "weeks-12-core-setup"
