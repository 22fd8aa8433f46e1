"""Subcommands of ``studio`` that run without a window (for CI of design repositories)."""

from __future__ import annotations

import sys


def fail(message: str, code: int = 1) -> int:
    """Print one clear line on stderr and return the exit code."""
    print(f"studio: {message}", file=sys.stderr)
    return code
