"""``studio render FILE -o OUT [--view system] [--scale N] [--transparent]``.

The format comes from the output's suffix (.svg, .png, .pdf). Views are looked up in
``RENDERERS`` (view name -> "module:function"); a renderer is called as
``function(document, out_path, scale=..., transparent=...)`` after a QGuiApplication
exists, and raises ValueError with a clear message for what it cannot draw.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from studio.headless import fail
from studio.io.design_file import DesignFileError, load_design

#: One line per view; other editors add theirs (e.g. "erd").
RENDERERS: dict[str, str] = {
    "system": "studio.export.diagrams.system_render:render_system",
    "erd": "studio.export.diagrams.erd_render:render_erd",
}


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="design file")
    parser.add_argument("-o", "--output", required=True, help="image to write: .svg, .png or .pdf")
    parser.add_argument(
        "--view", default="system", choices=sorted(RENDERERS), help="which diagram (default: system)"
    )
    parser.add_argument("--scale", type=float, default=1.0, help="pixel scale for PNG, 1-4 (default 1)")
    parser.add_argument("--transparent", action="store_true", help="no background fill")


def run(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.suffix.lower() not in (".svg", ".png", ".pdf"):
        return fail(f"{out}: unknown image format {out.suffix or '(none)'!r}; use .svg, .png or .pdf", 2)
    if not 1 <= args.scale <= 4:
        return fail(f"--scale {args.scale:g} is out of range 1-4", 2)
    if not out.parent.is_dir():
        return fail(f"{out}: folder {out.parent} does not exist")
    try:
        document = load_design(Path(args.file))
    except DesignFileError as exc:
        return fail(str(exc))
    module_name, func_name = RENDERERS[args.view].split(":")
    from studio.export.diagrams import ensure_gui

    ensure_gui()
    renderer = getattr(importlib.import_module(module_name), func_name)
    try:
        renderer(document, out, scale=args.scale, transparent=args.transparent)
    except ValueError as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"{out}: {exc.strerror or exc}")
    return 0
