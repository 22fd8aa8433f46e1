"""Conversion notes: what the DDL generator changed or left out for a dialect, and why.

Every downgrade the generator makes is reported here and written as a comment block at
the top of the script, so nothing the model says disappears silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ConversionNote:
    #: Name of the table concerned, or "" for the whole schema.
    table: str
    message: str

    def __str__(self) -> str:
        return f"{self.table}: {self.message}" if self.table else self.message


def comment_block(notes: Iterable[ConversionNote], dialect_label: str) -> str:
    """The notes as ``--`` comment lines (newlines in names cannot break out of a comment)."""
    lines = [f"-- Conversion notes for {dialect_label}:"]
    for note in notes:
        text = " ".join(str(note).split())
        lines.append(f"--   {text}")
    return "\n".join(lines) if len(lines) > 1 else ""
