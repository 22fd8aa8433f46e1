"""The ``studio`` command: ``studio [FILE]`` opens the window, subcommands run headless.

Each subcommand lives in ``studio/headless/<name>.py`` with ``register(parser)`` and
``run(args) -> int``; it is imported only when used, so starting the window stays fast.
Errors are one line on stderr; exit codes: 0 success, 1 problems found, 2 usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from studio import __version__

#: subcommand name -> (module in studio.headless, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "new": ("new", "create a design file from a template"),
    "validate": ("validate", "check a design file; exit 1 if it has problems"),
    "fmt": ("fmt", "rewrite design files in canonical form (--check only reports)"),
    "ddl": ("ddl", "print the schema as DDL for one SQL dialect (--dialect)"),
    "import-sql": ("import_sql", "import SQL DDL into a new (-o) or existing (--into) design"),
    "config": ("config", "print the design's .agentconfig.json section, or merge it into a file (--write)"),
    "lint": ("lint", "check a design against the architecture and schema rules; exit 1 on errors"),
    "render": ("render", "draw a diagram of a design to SVG, PNG or PDF (--view, --scale, --transparent)"),
    "export": ("export", "write the design pack (document, diagrams, DDL, API, config) to a folder or zip"),
}


class UsageError(Exception):
    """Wrong arguments: exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def _subcommand_parser(name: str) -> tuple[argparse.ArgumentParser, object]:
    module_name, help_text = SUBCOMMANDS[name]
    module = importlib.import_module(f"studio.headless.{module_name}")
    parser = _Parser(prog=f"studio {name}", description=help_text)
    module.register(parser)
    return parser, module


def _window_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="studio",
        description="Backend Architect Studio. Without a subcommand, opens the design window.",
        epilog="subcommands:\n" + "\n".join(f"  {n:<12} {h}" for n, (_, h) in SUBCOMMANDS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", help="design file to open (default: the last one)")
    parser.add_argument("--version", action="version", version=f"studio {__version__}")
    # Hidden: close the window this long after it is shown (tests and start-up benchmarks).
    parser.add_argument("--quit-after-ms", type=int, default=None, help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else argv
    try:
        if args_list and args_list[0] in SUBCOMMANDS:
            parser, module = _subcommand_parser(args_list[0])
            args = parser.parse_args(args_list[1:])
            return int(module.run(args))  # type: ignore[attr-defined]
        args = _window_parser().parse_args(args_list)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    from studio.ui.app import run_app

    return run_app(args.file, quit_after_ms=args.quit_after_ms)
