"""The pack's fast paths give the same results as the slow ways they replace."""

from __future__ import annotations

import re

import pytest

from studio.export.diagrams.system_render import ensure_gui


@pytest.fixture(scope="module", autouse=True)
def _gui() -> None:
    ensure_gui()


@pytest.mark.parametrize("alpha", [False, True])
def test_png_encoder_round_trips_every_pixel(alpha: bool) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from studio.export.diagrams.png import encode_png

    image = QImage(37, 23, QImage.Format.Format_ARGB32_Premultiplied)  # odd width: row padding
    image.fill(QColor(0, 0, 0, 0) if alpha else QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(200, 30, 90, 255))
    painter.drawEllipse(QRectF(3, 2, 30, 18))
    painter.end()
    decoded = QImage.fromData(encode_png(image, alpha=alpha), "PNG")
    assert not decoded.isNull() and decoded.size() == image.size()
    assert decoded.hasAlphaChannel() == alpha
    wanted = QImage.Format.Format_RGBA8888 if alpha else QImage.Format.Format_RGB888
    assert decoded.convertToFormat(wanted) == image.convertToFormat(wanted)


def test_compact_tables_keep_every_cell_in_order() -> None:
    from studio.export.pdf import compact_tables

    html = (
        "<html><head><style>p {}</style></head><body>"
        '<table border="1"><thead><tr><th>Name</th><th>Type</th><th>Comment</th></tr></thead>'
        "<tbody><tr><td>id</td><td><code>uuid</code></td><td></td></tr>"
        '<tr><td class="x">total &amp; tax</td><td>numeric</td><td>money</td></tr></tbody></table>'
        "<p>after</p></body></html>"
    )
    out = compact_tables(html)
    assert "<table" not in out and "<td" not in out
    assert "<b>Name · Type · Comment</b>" in out
    assert "id · <code>uuid</code> · –" in out
    assert "total &amp; tax · numeric · money" in out
    assert out.index("Name") < out.index("uuid") < out.index("money") < out.index("after")
    assert "p.row" in out.split("</style>")[0]


def test_large_pdf_prints_tables_compactly_and_keeps_every_table_name() -> None:
    from benchmarks.large_design import make_large_design
    from studio.export import pdf
    from studio.export.document import render_print_html
    from studio.export.pack import ExportContext

    context = ExportContext(document=make_large_design())
    html = render_print_html(context, {})
    assert len(re.findall(r"<tr\b", html)) > pdf.COMPACT_TABLE_ROWS
    compact = pdf.compact_tables(html)
    for table in context.document.schema.tables[::50]:
        assert table.name in compact
    for component in context.document.components[::100]:
        assert (component.name or component.id) in compact


def test_small_designs_keep_real_tables(ecommerce) -> None:  # type: ignore[no-untyped-def]
    from studio.export import pdf
    from studio.export.document import render_print_html
    from studio.export.pack import ExportContext

    html = render_print_html(ExportContext(document=ecommerce), {})
    assert "<table" in html and len(re.findall(r"<tr\b", html)) <= pdf.COMPACT_TABLE_ROWS


@pytest.mark.parametrize(
    "svg",
    [
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- <x --><svg xmlns="http://www.w3.org/2000/svg"><text>a</text></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg"><s:script>x</s:script></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect\nonclick="x()"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>Connection one=two</text></svg>',
        b'<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg"><FOREIGNOBJECT/></svg>',
    ],
)
def test_svg_fast_check_agrees_with_the_element_walk(svg: bytes) -> None:
    from xml.parsers import expat

    from studio.export import document

    parser = expat.ParserCreate(namespace_separator=" ")
    found: dict[str, object] = {"root": None, "unsafe": False}

    def start(name: str, attrs: dict[str, str]) -> None:
        if found["root"] is None:
            found["root"] = parser.CurrentByteIndex
        local = name.rsplit(" ", 1)[-1]
        if local in ("script", "foreignObject") or any(a.rsplit(" ", 1)[-1].startswith("on") for a in attrs):
            found["unsafe"] = True

    parser.StartElementHandler = start
    parser.Parse(svg, True)
    assert document._svg_is_plain(svg) == (None if found["unsafe"] else found["root"])


def test_remembered_sandbox_verdicts_still_refuse_internals(ecommerce) -> None:  # type: ignore[no-untyped-def]
    from jinja2.exceptions import SecurityError, UndefinedError

    from studio.export.document import environment
    from studio.export.pack import ExportContext

    env = environment(ExportContext(document=ecommerce), html=False)
    assert env.from_string("{{ doc.overview.title }}{{ doc.overview.title }}").render(doc=ecommerce)
    for source in ("{{ doc.__class__ }}", "{{ doc._private }}", "{{ f.__globals__ }}", "{{ f.__code__ }}"):
        with pytest.raises((SecurityError, UndefinedError)):
            env.from_string(source).render(doc=ecommerce, f=test_compact_tables_keep_every_cell_in_order)
    with pytest.raises(SecurityError):
        env.from_string("{{ ''.__class__.mro() }}").render()


def test_strip_controls_drops_exactly_the_control_characters_but_tab_and_newline() -> None:
    import unicodedata

    from studio.export.text import strip_controls

    text = "".join(chr(c) for c in range(0x300)) + "한국어 \u200d\u2028\ufeff\U0001f600"
    kept = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    assert strip_controls(text) == kept
