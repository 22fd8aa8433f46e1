"""``studio export FILE -o DIR [--zip] [--only KIND,...] [--templates DIR]``: the design pack."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studio.headless import fail
from studio.io.design_file import DesignFileError, load_design


def register(parser: argparse.ArgumentParser) -> None:
    from studio.export.pack import groups, writers

    kinds = ", ".join(w.kind for w in writers())
    parser.add_argument("file", metavar="FILE", help="the design file")
    parser.add_argument(
        "-o", "--output", required=True, metavar="DIR", help="folder to write (or the zip file with --zip)"
    )
    parser.add_argument("--zip", action="store_true", help="write one zip file instead of a folder")
    parser.add_argument(
        "--only",
        metavar="KIND,...",
        default="",
        help=f"export only these kinds ({kinds}), groups ({', '.join(groups())}), or svg/png",
    )
    parser.add_argument(
        "--templates", metavar="DIR", help="folder with your own copies of the document templates"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")


def run(args: argparse.Namespace) -> int:
    from studio.export.pack import ExportError, export_pack

    try:
        document = load_design(args.file)
    except DesignFileError as exc:
        return fail(str(exc))
    target = Path(args.output)
    if args.zip and target.suffix.lower() != ".zip":
        target = target.with_name(target.name + ".zip")
    if not args.zip and target.exists() and not target.is_dir():
        return fail(f"{target} exists and is not a folder", 2)
    only = [s for s in args.only.split(",") if s.strip()]
    try:
        result = export_pack(
            document,
            target,
            as_zip=args.zip,
            only=only,
            templates=args.templates,
            design_name=Path(args.file).name,
        )
    except ExportError as exc:
        return fail(str(exc), 2 if "unknown kind" in str(exc) or "templates folder" in str(exc) else 1)
    for failure in result.failures:
        fail(f"{failure.kind}: not exported: {failure.message}")
    if not args.quiet:
        print(f"wrote {len(result.files)} files to {result.target}", file=sys.stdout)
    return 1 if result.failures else 0
