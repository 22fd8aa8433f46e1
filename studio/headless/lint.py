"""``studio lint FILE... [--dialect D]``: print findings; exit 1 when any is an error."""

from __future__ import annotations

import argparse

from studio.headless import fail
from studio.io.design_file import DesignFileError, load_design
from studio.lint import Severity, lint_design
from studio.lint.dialect import DialectError, resolve_dialect


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="design files to lint")
    parser.add_argument(
        "--dialect",
        metavar="D",
        help="SQL dialect for type and reserved-word rules (default: the design's configured database)",
    )
    parser.add_argument("--warnings-as-errors", action="store_true", help="exit 1 on warnings too")


def run(args: argparse.Namespace) -> int:
    status = 0
    for name in args.files:
        try:
            document = load_design(name)
        except DesignFileError as exc:
            status = fail(str(exc))
            continue
        try:
            dialect = resolve_dialect(args.dialect, document)
        except DialectError as exc:
            return fail(str(exc), 2)
        for finding in lint_design(document, dialect):
            print(finding.format(name))
            if finding.severity is Severity.ERROR or (
                args.warnings_as_errors and finding.severity is Severity.WARNING
            ):
                status = 1
    return status
