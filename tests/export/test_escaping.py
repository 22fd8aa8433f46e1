"""Hostile names (markup, quotes, comment ends, backticks, newlines, path tricks) export
without breaking a file or appearing unescaped; each format's own escaping is checked."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from studio.export.pack import PackResult

RAW = ["<script>", "</script>", "]]>", "-->"]


def test_hostile_pack_writes_nothing_outside_its_folder(hostile_pack: PackResult) -> None:
    assert hostile_pack.failures == [], hostile_pack.failures
    parent = hostile_pack.target.parent
    assert sorted(p.name for p in parent.iterdir()) == [hostile_pack.target.name]
    assert not (parent.parent / "x").exists() and not (parent.parent.parent / "x").exists()
    for name in hostile_pack.files:
        assert "/" not in name and ".." not in name


def _text(pack: PackResult, name: str) -> str:
    return (pack.target / name).read_text("utf-8")


def test_html_has_no_script_and_escapes_every_name(hostile_pack: PackResult) -> None:
    html = _text(hostile_pack, "design.html")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[str] = []
            self.text: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append(tag)
            assert not any(k.startswith("on") for k, _ in attrs), (tag, attrs)

        def handle_data(self, data: str) -> None:
            self.text.append(data)

    parser = Collect()
    parser.feed(html)
    assert "script" not in parser.tags
    assert "svg" in parser.tags and "nav" in parser.tags  # inline diagrams and a contents list
    assert "<script>alert(1)</script>" in "".join(parser.text)  # shown as text, as typed


def test_inline_svg_and_diagram_files_parse_as_xml(hostile_pack: PackResult) -> None:
    for name in ("system.svg", "erd.svg", "system.drawio"):
        root = ET.parse(hostile_pack.target / name).getroot()
        assert not any(e.tag.endswith("script") for e in root.iter())


def test_markdown_escapes_names_and_keeps_fences_closed(hostile_pack: PackResult) -> None:
    md = _text(hostile_pack, "design.md")
    outside = re.sub(r"(?ms)^(`{3,})[^\n]*\n.*?^\1$", "", md)  # drop fenced blocks
    assert "`{3,}" not in outside and "```" not in outside, "an unclosed fence"
    for raw in RAW + ["`tick`"]:
        assert raw not in outside
    assert "&lt;script&gt;" in outside and "\\`tick\\`" in outside
    assert md.count("```mermaid") == 2


def test_mermaid_text_has_entities_only(hostile_pack: PackResult) -> None:
    for name in ("system.mmd", "c4-container.mmd", "erd.mmd"):
        text = _text(hostile_pack, name)
        labels = "".join(re.findall(r'"([^"\n]*)"', text))
        for raw in ["<script", "`", "&", "-->", "]]>", "$x", "#h;"]:
            assert raw not in labels, (name, raw)
        assert "#60;script#62;" in text


def test_plantuml_has_no_preprocessor_or_markup_left(hostile_pack: PackResult) -> None:
    text = _text(hostile_pack, "system.puml")
    labels = "".join(re.findall(r'"([^"\n]*)"', text))
    for raw in ["<script", "%date()", "$x", "`", "&", "-->", "\\n"]:
        assert raw not in labels, raw
    assert "<U+003C>script<U+003E>" in text


def test_dot_and_structurizr_quote_and_escape(hostile_pack: PackResult) -> None:
    dot = _text(hostile_pack, "system.dot")
    assert '\\"q\\"' in dot and "\\\\n" in dot
    dsl = _text(hostile_pack, "workspace.dsl")
    assert '\\"q\\"' in dsl and "\\n" not in dsl.replace("\\\\n", "")
    for line in dsl.splitlines():  # quotes balance on every line once escapes are removed
        assert line.replace('\\"', "").count('"') % 2 == 0, line


def test_openapi_yaml_and_sql_keep_names_inside_strings(hostile_pack: PackResult) -> None:
    import yaml

    spec = yaml.safe_load(_text(hostile_pack, "openapi.yaml"))
    summaries = [
        op["summary"]
        for path in spec["paths"].values()
        for op in path.values()
        if isinstance(op, dict) and "summary" in op
    ]
    assert summaries and all("<script>" in s for s in summaries)


def test_design_file_keeps_the_names_exactly(hostile_pack: PackResult) -> None:
    from studio.io.design_file import load_design
    from tests.export.conftest import hostile_design

    assert load_design(hostile_pack.target / "design.json") == hostile_design()


def test_cjk_and_emoji_names_are_text_in_svg_and_embedded_in_pdf(hostile_pack: PackResult) -> None:
    from pypdf import PdfReader

    svg = _text(hostile_pack, "system.svg")
    assert "주문 서비스" in svg and "注文サービス" in svg
    reader = PdfReader(hostile_pack.target / "design.pdf")
    fonts = {str(font.get_object()["/BaseFont"]) for font in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any("CJK" in name for name in fonts), fonts  # the glyphs travel inside the PDF
    xobjects = reader.pages[0]["/Resources"].get("/XObject", {})
    assert len(xobjects) >= 2  # the diagram and the emoji, painted as images


def test_structurizr_blocks_balance_outside_strings(hostile_pack: PackResult) -> None:
    """Structurizr's tokenizer: a string runs to the next unescaped quote."""
    depth = 0
    for line in _text(hostile_pack, "workspace.dsl").splitlines():
        bare = re.sub(r'"(?:\\"|[^"])*"', '""', line)
        assert '"' not in bare.replace('""', ""), line
        depth += bare.count("{") - bare.count("}")
        assert depth >= 0
    assert depth == 0


def test_inline_svg_drops_scripts_and_refuses_broken_xml() -> None:
    from xml.parsers.expat import ExpatError

    import pytest

    from studio.export.document import inline_svg

    plain = inline_svg(
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>&lt;b&gt;</text></svg>'
    )
    assert plain.startswith('<svg role="img"') and "&lt;b&gt;" in plain and "<?xml" not in plain
    hostile = inline_svg(
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect onclick="x()"/></svg>'
    )
    assert "script" not in hostile and "onclick" not in hostile and "<rect" in hostile
    with pytest.raises(ExpatError):
        inline_svg(b"<svg><text>unclosed</svg>")


def test_svg_embeds_a_cjk_subset_that_has_every_korean_and_japanese_glyph(hostile_pack: PackResult) -> None:
    import base64
    import io

    from fontTools.ttLib import TTFont

    from studio.export.diagrams.fonts import EMBEDDED_FAMILY, needs_cjk
    from tests.export.conftest import CJK

    for name in ("system.svg", "erd.svg"):
        svg = _text(hostile_pack, name)
        found = re.search(r"url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)", svg)
        assert found and EMBEDDED_FAMILY in svg, name
        font = TTFont(io.BytesIO(base64.b64decode(found.group(1))))
        cmap = font.getBestCmap()
        assert all(ord(ch) in cmap for ch in needs_cjk(CJK)), name
        ET.fromstring(svg.encode("utf-8"))  # still well-formed
    html = _text(hostile_pack, "design.html")
    assert html.count(EMBEDDED_FAMILY) >= 2  # the inline diagrams carry it too
