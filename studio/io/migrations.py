"""Upgrades of older design files, one step per version.

``MIGRATIONS[n]`` turns the raw JSON of a version-``n`` file into version ``n + 1``. Each
step works on plain dicts so it never depends on today's model classes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Raw = dict[str, Any]

MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {}


def migrate(raw: Raw, from_version: int, to_version: int) -> Raw:
    """Apply every step from ``from_version`` up to ``to_version``."""
    for version in range(from_version, to_version):
        step = MIGRATIONS.get(version)
        if step is None:
            raise KeyError(version)
        raw = step(raw)
        raw["version"] = version + 1
    return raw
