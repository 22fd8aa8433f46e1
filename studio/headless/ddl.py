"""``studio ddl FILE [--dialect D] [-o OUT]``: the design's schema as DDL for one dialect.

Without ``--dialect`` the design's ``.agentconfig.json`` database decides (PostgreSQL when
it names none). Conversion notes go to the top of the script as SQL comments.
"""

from __future__ import annotations

import argparse
import sys

from studio.headless import fail
from studio.io.atomic import write_atomic
from studio.io.design_file import DesignFileError, load_design
from studio.model.config_defaults import dialect_for_database
from studio.sql.dialects import DEFAULT_DIALECT, DIALECTS, UnknownDialect, dialect


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="design file")
    parser.add_argument(
        "--dialect", "-d", help=f"one of {', '.join(DIALECTS)} (default: the config's database)"
    )
    parser.add_argument("--output", "-o", metavar="OUT", help="write the script here instead of stdout")


def run(args: argparse.Namespace) -> int:
    try:
        document = load_design(args.file)
    except DesignFileError as exc:
        return fail(str(exc))
    name = args.dialect or dialect_for_database(document.agent_config.database) or DEFAULT_DIALECT
    try:
        d = dialect(name)
    except UnknownDialect as exc:
        return fail(str(exc), 2)
    from studio.sql.ddl import schema_ddl

    script = schema_ddl(document.schema, d.name)
    if args.output:
        try:
            write_atomic(args.output, script.text.encode("utf-8"))
        except OSError as exc:
            return fail(f"{args.output}: cannot write: {exc.strerror or exc}")
        return 0
    sys.stdout.write(script.text)
    return 0
