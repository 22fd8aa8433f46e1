"""The pack's writer table: one small function per artifact.

Writers that build on other engineers' modules import them when they run; if such a
module is missing the writer raises, the pack reports it by kind, and the tests fail
(they assert a pack without failures) rather than skip.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from studio.export import dbml, dot, drawio, mermaid, plantuml, structurizr
from studio.export.pack import ExportContext, Files, Writer, design_file, design_text


def _text(name: str, text: str) -> Files:
    return [(name, text.encode("utf-8"))]


# -- the document ---------------------------------------------------------------------------
def write_markdown(context: ExportContext) -> Files:
    from studio.export.document import render_markdown

    return _text("design.md", render_markdown(context))


def write_html(context: ExportContext) -> Files:
    from studio.export.document import render_html

    return _text("design.html", render_html(context))


def write_pdf(context: ExportContext) -> Files:
    from studio.export.pdf import render_pdf

    return [("design.pdf", render_pdf(context))]


# -- diagrams as images ---------------------------------------------------------------------
def prepare_qt() -> None:
    """What painting needs before the first diagram: a QGuiApplication (created on the calling
    thread, which must be the main one) and the studio's fonts."""
    from studio.export.diagrams.fonts import register_fonts
    from studio.export.diagrams.system_render import ensure_gui

    ensure_gui()
    register_fonts()


def rendered(context: ExportContext, diagram: str, suffix: str) -> bytes:
    """``system`` or ``erd`` painted to ``.svg`` or ``.png``, once per pack (HTML and PDF reuse
    the SVG); a large design's PNGs come from a helper process when it has made them."""

    def make() -> bytes:
        if suffix == ".png":
            from studio.export.png_process import painted

            data = painted(context, diagram)
            if data is not None:
                return data
        return paint(context, diagram, suffix)

    return context.cached(f"{diagram}{suffix}", make)


def paint(context: ExportContext, diagram: str, suffix: str) -> bytes:
    """``system`` or ``erd`` painted to ``.svg`` or ``.png`` here; both formats paint the
    same placed drawing."""
    prepare_qt()
    if diagram == "system":
        from studio.export.diagrams.system_render import SystemDrawing, render_system

        drawing = context.cached("system-drawing", lambda: SystemDrawing(context.document, None))
        bounds = drawing.bounds()
        render = partial(render_system, drawing=drawing)
    else:
        from studio.export.diagrams.erd_layout import layout_erd
        from studio.export.diagrams.erd_render import render_erd as render  # type: ignore[assignment]

        bounds = layout_erd(context.document).bounds()  # its layouts are cached for the render
    with tempfile.TemporaryDirectory(prefix="studio-export-") as tmp:
        out = Path(tmp) / f"{diagram}{suffix}"
        if suffix == ".png":
            render(context.document, out, scale=png_scale(bounds.width(), bounds.height()))
            return out.read_bytes()
        render(context.document, out)
        return with_embedded_font(context, out.read_bytes())


def with_embedded_font(context: ExportContext, svg: bytes) -> bytes:
    """The SVG with a subset of a CJK font inside when the design has Korean or Japanese
    text: an SVG viewer may have no such font, a PNG and the PDF carry their glyphs anyway."""
    from studio.export.diagrams.fonts import embed_cjk_font
    from studio.export.diagrams.system_style import FONT_FAMILIES

    return embed_cjk_font(svg, design_text(context), list(FONT_FAMILIES))


#: A PNG is painted at twice its size (sharp on high-density screens) up to this many pixels.
HIGH_DPI_PIXELS = 8_000_000


def png_scale(width: float, height: float) -> float:
    """2x for ordinary diagrams, 1x for huge ones (painting cost grows with the pixel count)."""
    return 2.0 if width * height * 4 <= HIGH_DPI_PIXELS else 1.0


def svg_size(svg: bytes) -> tuple[float, float]:
    """The size an SVG's root declares (its viewBox, else width and height), read from its
    head only: parsing a 10 MB drawing to learn its size would cost seconds."""
    head = svg[:4096].decode("utf-8", "replace")
    box = re.search(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)', head)
    if box:
        return float(box.group(1)), float(box.group(2))
    width = re.search(r'<svg[^>]*\swidth="([\d.]+)', head)
    height = re.search(r'<svg[^>]*\sheight="([\d.]+)', head)
    return (float(width.group(1)) if width else 1000.0), (float(height.group(1)) if height else 1000.0)


def image_writer(diagram: str, suffix: str) -> Callable[[ExportContext], Files]:
    def write(context: ExportContext) -> Files:
        return [(f"{diagram}{suffix}", rendered(context, diagram, suffix))]

    write.__name__ = f"write_{diagram}_{suffix[1:]}"
    return write


# -- diagrams as text -----------------------------------------------------------------------
def write_mermaid(context: ExportContext) -> Files:
    from studio.export.document import mermaid_text

    return [
        *_text("system.mmd", mermaid_text(context, "system")),
        *_text("c4-container.mmd", mermaid.c4_container(context.document)),
        *_text("erd.mmd", mermaid_text(context, "erd")),
    ]


def write_plantuml(context: ExportContext) -> Files:
    return _text("system.puml", plantuml.system_puml(context.document))


def write_dot(context: ExportContext) -> Files:
    return _text("system.dot", dot.system_dot(context.document))


def write_drawio(context: ExportContext) -> Files:
    return _text("system.drawio", drawio.system_drawio(context.document))


def write_structurizr(context: ExportContext) -> Files:
    return _text("workspace.dsl", structurizr.workspace_dsl(context.document))


# -- the schema -----------------------------------------------------------------------------
def ddl_scripts(context: ExportContext) -> dict[str, str]:
    def make() -> dict[str, str]:
        from studio.sql.ddl import schema_ddl
        from studio.sql.dialects import DIALECTS

        return {name: schema_ddl(context.document.schema, name).text for name in DIALECTS}

    return context.cached("ddl", make)


def write_sql(context: ExportContext) -> Files:
    return [(f"schema.{name}.sql", text.encode("utf-8")) for name, text in ddl_scripts(context).items()]


def write_dbml(context: ExportContext) -> Files:
    from studio.sql.dialects import UnknownDialect, dialect

    try:
        database = dialect(context.document.agent_config.database).name
    except UnknownDialect:  # e.g. mongodb: DBML still describes the relational schema
        database = "postgres"
    return _text("schema.dbml", dbml.schema_dbml(context.document, database))


# -- the API --------------------------------------------------------------------------------
def write_openapi(context: ExportContext) -> Files:
    from studio.export.openapi import openapi_yaml

    return _text("openapi.yaml", openapi_yaml(context.document))


def write_graphql(context: ExportContext) -> Files:
    sdl = context.document.api.graphql_sdl.strip()
    if not sdl:
        return []
    from studio.export.graphql import check_sdl

    problems = check_sdl(sdl)
    if problems:
        raise ValueError(f"the GraphQL schema has {len(problems)} problem(s), first: {problems[0]}")
    return _text("schema.graphql", sdl + "\n")


# -- configuration, the design file, lint ----------------------------------------------------
def write_agent_config(context: ExportContext) -> Files:
    from studio.io.agent_config_file import new_config_text

    return _text(".agentconfig.json", new_config_text(context.document.agent_config.section()))


def write_lint(context: ExportContext) -> Files:
    from studio.export.document import render_lint

    return _text("lint.md", render_lint(context))


def _png_head_start(context: ExportContext) -> None:
    from studio.export.png_process import start

    start(context)


WRITERS: list[Writer] = [
    Writer(
        "md", "document", "design.md: the design document in Markdown, diagrams as Mermaid", write_markdown
    ),
    Writer(
        "html", "document", "design.html: self-contained HTML with inline SVG and a contents list", write_html
    ),
    Writer("pdf", "document", "design.pdf: the document as PDF with selectable text", write_pdf),
    Writer("system-svg", "diagrams", "system.svg", image_writer("system", ".svg"), ("svg",)),
    Writer("system-png", "diagrams", "system.png", image_writer("system", ".png"), ("png",), _png_head_start),
    Writer("erd-svg", "diagrams", "erd.svg", image_writer("erd", ".svg"), ("svg",)),
    Writer("erd-png", "diagrams", "erd.png", image_writer("erd", ".png"), ("png",), _png_head_start),
    Writer("mermaid", "diagrams", "system.mmd, c4-container.mmd and erd.mmd", write_mermaid),
    Writer("plantuml", "diagrams", "system.puml (C4-PlantUML)", write_plantuml),
    Writer("dot", "diagrams", "system.dot (Graphviz)", write_dot),
    Writer("drawio", "diagrams", "system.drawio (diagrams.net)", write_drawio),
    Writer("structurizr", "diagrams", "workspace.dsl (Structurizr DSL)", write_structurizr),
    Writer("sql", "schema", "schema.<dialect>.sql for every dialect", write_sql),
    Writer("dbml", "schema", "schema.dbml", write_dbml),
    Writer("openapi", "api", "openapi.yaml (OpenAPI 3.1)", write_openapi),
    Writer("graphql", "api", "schema.graphql, when the design has a GraphQL schema", write_graphql),
    Writer("agentconfig", "config", ".agentconfig.json", write_agent_config),
    Writer("design", "config", "the design file itself", design_file),
    Writer("lint", "config", "lint.md: the lint findings as a risk list", write_lint),
]
