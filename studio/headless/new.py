"""``studio new --template NAME -o FILE``."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio.headless import fail
from studio.io.design_file import DesignFileError, save_design
from studio.io.gallery import load_template, template_names


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--template", "-t", default="blank", choices=template_names())
    parser.add_argument("-o", "--output", required=True, help="design file to create")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")


def run(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.exists() and not args.force:
        return fail(f"{out}: already exists (use --force to overwrite)", 2)
    try:
        document = load_template(args.template)
        save_design(document, out)
    except DesignFileError as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"{out}: {exc.strerror or exc}")
    return 0
