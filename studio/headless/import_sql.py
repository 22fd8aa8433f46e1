"""``studio import-sql FILE --dialect D (-o DESIGN | --into DESIGN)``: DDL into a design.

Warnings (statements skipped or broken) go to stderr as ``FILE:LINE: warning: ...``; the
exit code is 1 only when nothing could be imported. ``--into`` merges into an existing
design (same-named tables are replaced, keeping their ids); ``-o`` writes a new one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studio.headless import fail
from studio.io.design_file import DesignFileError, load_design, save_design
from studio.model import DesignDocument, Overview
from studio.sql.dialects import DEFAULT_DIALECT, DIALECTS, UnknownDialect, dialect


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="SQL file to read ('-' for stdin)")
    parser.add_argument(
        "--dialect",
        "-d",
        default=DEFAULT_DIALECT,
        help=f"one of {', '.join(DIALECTS)} (default: {DEFAULT_DIALECT})",
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--output", "-o", metavar="DESIGN", help="write a new design file")
    target.add_argument("--into", metavar="DESIGN", help="merge into this existing design file")
    parser.add_argument("--force", action="store_true", help="let -o replace an existing file")


def _read(name: str) -> str:
    data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    return data.decode("utf-8-sig")


def run(args: argparse.Namespace) -> int:
    try:
        d = dialect(args.dialect)
    except UnknownDialect as exc:
        return fail(str(exc), 2)
    source = "<stdin>" if args.file == "-" else args.file
    try:
        text = _read(args.file)
    except OSError as exc:
        return fail(f"{source}: cannot read: {exc.strerror or exc}")
    except UnicodeDecodeError as exc:
        return fail(f"{source}: not UTF-8 text (byte {exc.start})")
    if args.output and Path(args.output).exists() and not args.force:
        return fail(f"{args.output} exists; use --into to merge into it or --force to replace it")
    document = DesignDocument(overview=Overview(title=Path(source).stem or "Imported schema"))
    if args.into:
        try:
            document = load_design(args.into)
        except DesignFileError as exc:
            return fail(str(exc))

    from studio.sql.importer import import_sql, merge_into

    result = import_sql(text, d.name)
    for warning in result.warnings:
        print(f"{source}:{warning.line}: warning: {warning.message}", file=sys.stderr)
    if not result.tables and not result.enums:
        return fail(f"{source}: no CREATE TABLE or CREATE TYPE statement could be imported")
    merged = merge_into(document, result)
    target = args.into or args.output
    try:
        save_design(merged, target)
    except OSError as exc:
        return fail(f"{target}: cannot write: {exc.strerror or exc}")
    print(
        f"{target}: {len(result.tables)} tables, {sum(len(t.indexes) for t in result.tables)} indexes, "
        f"{len(result.enums)} enums imported ({len(result.warnings)} warnings)",
        file=sys.stderr,
    )
    return 0
