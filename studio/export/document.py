"""The design document from jinja2 templates: Markdown, HTML (and the HTML the PDF prints).

Templates come from the studio's ``templates/`` folder, or first from a user's folder
(``--templates DIR``) holding copies of some of them. The environment is sandboxed (a
template can read the design, not run code); HTML templates are autoescaped; Markdown
ones escape with the ``md`` filter, and Mermaid text arrives already escaped by
:mod:`studio.export.mermaid`.

Headings and fixed words come in the design's own language (``doc.language``, see
:mod:`studio.export.i18n`). Besides the design (``doc``), a template sees: ``language``
(``"en"`` or ``"ko"``, for ``<html lang>``), ``title``, ``sections`` (``(key, heading)``
pairs in order), ``headings`` (section key -> heading), ``labels`` (fixed words; some are
``str.format`` patterns: fill them, then escape the result with ``md`` in Markdown), the
lookups ``kind_label``, ``protocol_label``, ``component_name``, ``groups_of``, and
``findings``, ``ddl``, ``dialect_label``, ``mermaid_system``, ``mermaid_erd``,
``design_name``. Filters: ``md``, ``md_block``, ``fence``, ``thousands``, ``slug``
(GitHub's heading anchor, Hangul kept) and, in HTML, ``code``. Write ``labels["keys"]``
(``labels.keys`` is the dict's method).
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from studio.export import mermaid
from studio.export.i18n import labels, section_headings
from studio.export.pack import ExportContext
from studio.export.text import one_line, strip_controls
from studio.model import COMPONENT_KIND_LABELS, PROTOCOL_LABELS, DesignDocument
from studio.resources import templates_dir

#: The reference document's seven sections, in its order, then the extras it carries
#: (key, English heading); a design's own headings come from ``section_headings``.
SECTIONS: list[tuple[str, str]] = list(section_headings("en").items())

_MD_ALWAYS = re.compile(r"([\\`*\[\]{}#|~!]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")
_MD_LINE_START = re.compile(r"^(\s*)([-+>=]|\d+[.)])")


def md(value: Any) -> str:
    """Markdown-escape one line of user text (HTML-significant characters as entities)."""
    text = one_line(strip_controls(str(value)))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_ALWAYS.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def md_block(value: Any) -> str:
    """Several lines of user text: each paragraph escaped, line breaks kept."""
    lines = [md(line) for line in strip_controls(str(value)).splitlines()]
    return "  \n".join(line for line in lines if line)


def fence(text: str, info: str = "") -> str:
    """A fenced code block whose fence is longer than any backtick run inside."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{info}\n{text.rstrip()}\n{ticks}"


def slug(heading: Any) -> str:
    """The anchor GitHub gives a Markdown heading: lower case, punctuation dropped (letters
    of every script kept, Hangul included), spaces as hyphens; so the contents list links."""
    kept = (ch for ch in str(heading).lower() if ch in " -_" or unicodedata.category(ch)[0] in "LNM")
    return "".join(kept).replace(" ", "-")


@dataclass(frozen=True)
class Figure:
    """A diagram for the HTML document: inline SVG markup, or the reason it is missing."""

    svg: Markup | None
    problem: str = ""


_UNSAFE_SVG_ELEMENTS = ("script", "foreignObject")


#: What could make an SVG unsafe to inline, searched in its lower-cased bytes: the words
#: script or foreignObject anywhere, a DOCTYPE, an attribute named on... A hit only means
#: "check element by element"; no hit on well-formed XML means the SVG is plain.
_UNSAFE_WORDS = (b"script", b"foreignobject", b"<!doctype")
_EVENT_ATTRIBUTE = re.compile(rb"[\s:]on[\w.:-]*\s*=")
#: What may precede the root element: a BOM, the XML declaration, processing instructions,
#: comments and white space (a DOCTYPE sends the SVG down the careful path).
_PROLOGUE = re.compile(rb"(?:\xef\xbb\xbf)?(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
#: The fast check reads bytes as ASCII: only for UTF-8 (no NUL bytes, no other encoding).
_OTHER_ENCODING = re.compile(rb"\A\s*<\?xml[^>]*encoding=[\"'](?!utf-8[\"'])", re.IGNORECASE)


def _svg_is_plain(data: bytes) -> int | None:
    """The byte offset of the root element if ``data`` is well-formed SVG with no script,
    foreign content, event handler or DTD subset (what a painter writes); else None.
    expat without Python callbacks checks a 10 MB drawing in a tenth of a second; the
    element-by-element check runs only when a pattern above hints at unsafe content."""
    from xml.parsers import expat

    ascii_readable = b"\x00" not in data and _OTHER_ENCODING.match(data) is None
    lower = data.lower()
    maybe_unsafe = any(word in lower for word in _UNSAFE_WORDS) or _EVENT_ATTRIBUTE.search(lower)
    if ascii_readable and not maybe_unsafe:
        expat.ParserCreate().Parse(data, True)  # raises ExpatError on broken XML
        root = _PROLOGUE.match(data).end()  # type: ignore[union-attr]  # it matches empty text
        return root if data[root : root + 1] == b"<" else None
    parser = expat.ParserCreate(namespace_separator=" ")
    state: dict[str, int | bool] = {"root": -1, "unsafe": False}

    def start(name: str, attrs: dict[str, str]) -> None:
        if state["root"] == -1:
            state["root"] = parser.CurrentByteIndex
        if name.rsplit(" ", 1)[-1] in _UNSAFE_SVG_ELEMENTS or any(
            a.rsplit(" ", 1)[-1].lower().startswith("on") for a in attrs
        ):
            state["unsafe"] = True

    def doctype(_name: str, _sys: str | None, _pub: str | None, internal: int) -> None:
        if internal:
            state["unsafe"] = True

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = doctype
    parser.Parse(data, True)  # raises ExpatError on broken XML
    root = int(state["root"])
    return None if state["unsafe"] or root < 0 else root


def inline_svg(data: bytes) -> Markup:
    """SVG bytes as markup to inline in HTML: checked as XML (broken SVG cannot break the
    page), without its prologue; scripts and event handlers, if any, are dropped."""
    root_at = _svg_is_plain(data)
    if root_at is not None:
        text = data[root_at:].decode("utf-8")
        return Markup('<svg role="img" style="max-width:100%;height:auto"' + text[len("<svg") :])
    ET.register_namespace("", "http://www.w3.org/2000/svg")
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ET.fromstring(data)
    for parent in root.iter():
        for child in list(parent):
            if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] in _UNSAFE_SVG_ELEMENTS:
                parent.remove(child)
        for attr in [a for a in parent.attrib if a.lower().startswith("on")]:
            del parent.attrib[attr]
    root.set("role", "img")
    root.set("style", "max-width:100%;height:auto")
    return Markup(ET.tostring(root, encoding="unicode"))


class _Sandbox(SandboxedEnvironment):
    """jinja2's sandbox with its verdict on each attribute remembered per (type, name): the
    verdict depends on nothing else, and a large design's templates ask 250,000 times."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._verdicts: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = super().is_safe_attribute(obj, attr, value)
        return verdict


def environment(context: ExportContext, *, html: bool) -> SandboxedEnvironment:
    loaders = [FileSystemLoader(str(templates_dir()))]
    if context.templates is not None:
        loaders.insert(0, FileSystemLoader(str(context.templates)))
    env = _Sandbox(
        loader=ChoiceLoader(loaders),
        autoescape=html,  # the templates are *.html.j2: decided by the caller, not the extension
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md
    env.filters["md_block"] = md_block
    env.filters["fence"] = fence
    env.filters["thousands"] = lambda n: f"{int(n):,}"
    env.filters["slug"] = slug
    if html:  # for filling labels with Markup.format: (labels.x | e).format(name=value | code)
        env.filters["code"] = lambda value: Markup("<code>{}</code>").format(value)
    return env


def _findings(context: ExportContext) -> list[Any]:
    def make() -> list[Any]:
        from studio.lint import lint_design

        findings = lint_design(context.document, None)
        return sorted(findings, key=lambda f: (f.severity.rank, f.rule_id, f.element_label))

    return context.cached("lint", make)


def _ddl(context: ExportContext) -> tuple[str, str]:
    """(dialect label, DDL text) for the design's configured database."""
    from studio.export.writers import ddl_scripts
    from studio.sql.dialects import DEFAULT_DIALECT, UnknownDialect, dialect

    try:
        chosen = dialect(context.document.agent_config.database)
    except UnknownDialect:
        chosen = dialect(DEFAULT_DIALECT)
    return chosen.label, ddl_scripts(context)[chosen.name]


def view(context: ExportContext) -> dict[str, Any]:
    """What every document template sees (names resolved, lookups done, words in the
    design's language); the module docstring lists the names for users' own templates.
    Made once per pack: the Markdown, HTML, print and lint templates share it."""
    return context.cached("view", lambda: _make_view(context))


def mermaid_text(context: ExportContext, diagram: str) -> str:
    """The Mermaid ``system`` flowchart or ``erd``, made once (documents and ``*.mmd`` share it)."""
    make = mermaid.system_flowchart if diagram == "system" else mermaid.erd
    return context.cached(f"mermaid-{diagram}", lambda: make(context.document))


def _make_view(context: ExportContext) -> dict[str, Any]:
    doc: DesignDocument = context.document
    names = {c.id: c.name or c.id for c in doc.components}
    groups_of: dict[str, list[str]] = {}
    for group in doc.groups:
        for member in group.members:
            groups_of.setdefault(member, []).append(group.name)
    dialect_label, ddl = _ddl(context)
    headings = section_headings(doc.language)
    words = labels(doc.language)
    return {
        "doc": doc,
        "language": doc.language,
        "title": doc.overview.title or words["untitled"],
        "sections": [(key, headings[key]) for key, _ in SECTIONS],
        "headings": headings,
        "labels": words,
        "kind_label": {k.value: v for k, v in COMPONENT_KIND_LABELS.items()},
        "protocol_label": {k.value: v for k, v in PROTOCOL_LABELS.items()},
        "component_name": names,
        "groups_of": groups_of,
        "findings": _findings(context),
        "ddl": ddl,
        "dialect_label": dialect_label,
        "mermaid_system": mermaid_text(context, "system").rstrip(),
        "mermaid_erd": mermaid_text(context, "erd").rstrip(),
        "design_name": context.design_name,
    }


def _figure(context: ExportContext, diagram: str) -> Figure:
    from studio.export.writers import rendered

    try:
        return Figure(inline_svg(rendered(context, diagram, ".svg")))
    except Exception as exc:  # the document still reads without one diagram; the pack reports it
        return Figure(None, f"{type(exc).__name__}: {exc}")


def render_markdown(context: ExportContext) -> str:
    return environment(context, html=False).get_template("design.md.j2").render(view(context))


def render_html(context: ExportContext) -> str:
    figures = {"system": _figure(context, "system"), "erd": _figure(context, "erd")}
    return (
        environment(context, html=True).get_template("design.html.j2").render(view(context), figures=figures)
    )


def render_print_html(context: ExportContext, images: dict[str, int]) -> str:
    """The HTML that Qt's QTextDocument prints to PDF (its HTML subset: tables, no flexbox);
    ``images`` maps the figures available as ``figure:NAME`` resources to their width."""
    return (
        environment(context, html=True)
        .get_template("design.print.html.j2")
        .render(view(context), images=images)
    )


def render_lint(context: ExportContext) -> str:
    return environment(context, html=False).get_template("lint.md.j2").render(view(context))
