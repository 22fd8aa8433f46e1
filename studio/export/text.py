"""Small text helpers shared by the writers: one-line labels and safe file names.

Each format has its own escaping in its own module; what is shared is only what every
format agrees on: a label is one line, and a file name never comes from a user string
without being reduced to a harmless slug.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_SLUG_BAD = re.compile(r"[^A-Za-z0-9._-]+")


def one_line(text: str) -> str:
    """Collapse newlines, tabs and runs of spaces into single spaces (labels are one line)."""
    return _SPACE.sub(" ", text).strip()


#: Unicode's control characters (category Cc: C0, DEL and C1) except tab and newline.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """Drop control characters other than newline and tab: no format accepts them."""
    return _CONTROLS.sub("", text)


def slug(text: str, fallback: str = "design") -> str:
    """A file-name-safe ASCII slug: no separators, no leading dots, never empty."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = _SLUG_BAD.sub("-", ascii_text).strip(".-_")[:80]
    return cleaned or fallback


def numbered_ids(prefix: str, ids: list[str]) -> dict[str, str]:
    """Map user ids to ``prefix1, prefix2, ...``: formats whose identifiers are restricted
    (Mermaid, PlantUML, Structurizr) never see a user-written id."""
    return {item_id: f"{prefix}{n}" for n, item_id in enumerate(ids, start=1)}
