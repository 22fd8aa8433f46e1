"""``design.pdf``: the document printed by Qt (QTextDocument onto QPdfWriter).

Text stays text (selectable, searchable); Qt embeds subsets of the fonts it uses, so
Korean and Japanese names need no font on the reader's machine. Colour emoji fonts cannot
be embedded in a PDF, so each emoji is painted to a small image and placed inline.
Diagrams are the pack's SVG drawings painted at twice the page width.
"""

from __future__ import annotations

import re

from studio.export.document import render_print_html
from studio.export.pack import ExportContext
from studio.export.text import one_line

#: Emoji and pictographs with their modifiers, joiners and variation selectors.
_EMOJI = re.compile(
    "(?:[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff]"
    "[\ufe0f\U0001f3fb-\U0001f3ff]*(?:\u200d[\U0001f000-\U0001faff\u2600-\u27bf][\ufe0f]?)*)"
)
_TEXT_OR_TAG = re.compile(r"(<[^>]*>)")
PAGE_WIDTH_PX = 680
#: A diagram larger than this (in drawing units squared, about 4000 x 3000) would be
#: unreadable at page width; the PDF then points at the pack's SVG and PNG instead.
MAX_FIGURE_AREA = 12_000_000


#: A document with more table rows than this prints its tables as one line per row: Qt lays
#: out a table cell by cell (a 1,000-component design has 40,000 cells and takes seconds
#: per hundred pages), a paragraph in one pass. Real designs stay far below and keep tables.
COMPACT_TABLE_ROWS = 1000
_TABLE = re.compile(r"<table\b[^>]*>(?:(?!<table\b).)*?</table>", re.DOTALL | re.IGNORECASE)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.DOTALL | re.IGNORECASE)
_CELL = re.compile(r"<t([dh])\b[^>]*>(.*?)</t[dh]>", re.DOTALL | re.IGNORECASE)
_COMPACT_STYLE = (
    "p.row { margin-top: 0; margin-bottom: 1pt; }\n"
    "p.row-head { margin-top: 6pt; margin-bottom: 2pt; background-color: #f1f5f9; }\n"
)


def compact_tables(html: str) -> str:
    """Every (innermost) table as paragraphs, cells joined by middle dots: the header row in
    bold, an empty cell as a dash so each value keeps its column's place. Same facts, same
    order, a tenth of the layout time; applied only above :data:`COMPACT_TABLE_ROWS` rows."""

    def table(match: re.Match[str]) -> str:
        lines = []
        for row in _ROW.finditer(match.group(0)):
            cells = _CELL.findall(row.group(1))
            if not cells:
                continue
            text = " · ".join(content.strip() or "–" for _, content in cells)
            if all(kind.lower() == "h" for kind, _ in cells):
                lines.append(f'<p class="row-head"><b>{text}</b></p>')
            else:
                lines.append(f'<p class="row">{text}</p>')
        return "\n".join(lines)

    html = _TABLE.sub(table, html)
    return html.replace("</style>", _COMPACT_STYLE + "</style>", 1)


def _emoji_image(sequence: str):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QFont, QImage, QPainter

    image = QImage(72, 72, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    font = QFont()
    font.setFamilies(["Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji"])
    font.setPixelSize(56)
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, 72, 72), int(Qt.AlignmentFlag.AlignCenter), sequence)
    painter.end()
    return image


def _with_emoji_images(html: str, document) -> str:  # type: ignore[no-untyped-def]
    """Replace emoji in text (not in tags or the head) by ``<img src="emoji:N">``."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    start = html.find("<body")
    head, body = html[:start], html[start:]
    names: dict[str, str] = {}

    def swap(match: re.Match[str]) -> str:
        seq = match.group(0)
        if seq not in names:
            names[seq] = f"emoji:{len(names)}"
            document.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(names[seq]), _emoji_image(seq)
            )
        return f'<img src="{names[seq]}" width="14" height="14">'

    parts = _TEXT_OR_TAG.split(body)
    body = "".join(p if p.startswith("<") else _EMOJI.sub(swap, p) for p in parts)
    return head + body


def figure_image(svg: bytes):  # type: ignore[no-untyped-def]
    """A diagram's SVG painted for the page: twice the page width at most, so a huge
    design prints in seconds and stays sharp enough to zoom."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(svg)
    if not renderer.isValid():
        raise ValueError("the diagram's SVG cannot be read")
    box = renderer.viewBoxF()
    width = max(1, min(2 * PAGE_WIDTH_PX, round(box.width() * 2)))
    height = max(1, round(box.height() * width / max(box.width(), 1.0)))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return image


def render_pdf(context: ExportContext) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, QUrl
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    from studio.export.diagrams.fonts import FALLBACK_FAMILIES, register_fonts
    from studio.export.diagrams.system_render import ensure_gui
    from studio.export.writers import rendered, svg_size

    ensure_gui()
    register_fonts()
    document = QTextDocument()
    base = QFont()
    base.setFamilies(FALLBACK_FAMILIES)
    base.setPointSizeF(10)
    document.setDefaultFont(base)
    images: dict[str, int] = {}
    for name in ("system", "erd"):
        try:
            svg = rendered(context, name, ".svg")
            width, height = svg_size(svg)
            if width * height > MAX_FIGURE_AREA:  # unreadable on A4; the pack has it full size
                continue
            image = figure_image(svg)
        except Exception:  # the pack reports the failing image writer; the PDF still prints
            continue
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"figure:{name}"), image)
        images[name] = min(PAGE_WIDTH_PX, image.width() // 2)
    html = render_print_html(context, images)
    if len(re.findall(r"<tr\b", html, re.IGNORECASE)) > COMPACT_TABLE_ROWS:
        html = compact_tables(html)
    document.setHtml(_with_emoji_images(html, document))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, context.document.overview.title)

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(96)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(one_line(context.document.overview.title) or "Design")
    writer.setCreator("Backend Architect Studio")
    document.setPageSize(QSizeF(writer.pageLayout().paintRectPixels(writer.resolution()).size()))
    document.print_(writer)
    del writer
    buffer.close()
    return bytes(data.data())
