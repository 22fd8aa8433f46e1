"""``studio validate FILE...``: exit 0 if every file is a valid design, 1 otherwise."""

from __future__ import annotations

import argparse

from studio.headless import fail
from studio.io.design_file import DesignFileError, load_design


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE")


def run(args: argparse.Namespace) -> int:
    status = 0
    for name in args.files:
        try:
            load_design(name)
        except DesignFileError as exc:
            status = fail(str(exc))
    return status
