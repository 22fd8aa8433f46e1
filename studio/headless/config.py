"""``studio config FILE [--write PATH]``: the design's ``.agentconfig.json`` section.

Without ``--write`` the config JSON is printed; with it the ``backend-architect`` section
is merged into PATH (created if missing), leaving every other byte of PATH as it was.
"""

from __future__ import annotations

import argparse
import json
import sys

from studio.headless import fail
from studio.io.agent_config_file import AgentConfigFileError, write_agent_config
from studio.io.design_file import DesignFileError, load_design
from studio.model import SECTION_KEY


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="design file")
    parser.add_argument("--write", metavar="PATH", help="merge the section into this .agentconfig.json")


def run(args: argparse.Namespace) -> int:
    try:
        document = load_design(args.file)
    except DesignFileError as exc:
        return fail(str(exc))
    section = document.agent_config.section()
    if not args.write:
        sys.stdout.write(json.dumps({SECTION_KEY: section}, indent=2, ensure_ascii=False) + "\n")
        return 0
    try:
        changed = write_agent_config(args.write, section)
    except AgentConfigFileError as exc:
        return fail(f"{exc} (nothing written)")
    except OSError as exc:
        return fail(f"{args.write}: {exc.strerror or exc} (nothing written)")
    print(f"{args.write}: {'updated' if changed else 'already up to date'}", file=sys.stderr)
    return 0
