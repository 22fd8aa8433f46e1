"""``studio fmt [--check] FILE...``: canonical form for design repositories in git."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio.headless import fail
from studio.io.design_file import DesignFileError, dumps, loads, save_design


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true", help="report files not in canonical form; change nothing")
    parser.add_argument("files", nargs="+", metavar="FILE")


def run(args: argparse.Namespace) -> int:
    status = 0
    for name in args.files:
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            status = fail(f"{path}: {exc.strerror or exc}")
            continue
        try:
            document = loads(data, path.name)
        except DesignFileError as exc:
            status = fail(str(exc))
            continue
        if dumps(document).encode("utf-8") == data:
            continue
        if args.check:
            status = fail(f"{path}: not in canonical form (run: studio fmt {path})")
        else:
            save_design(document, path)
    return status
