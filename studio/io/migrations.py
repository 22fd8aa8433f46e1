"""Upgrades of older design files, one step per version.

``MIGRATIONS[n]`` turns the raw JSON of a version-``n`` file into version ``n + 1``. Each
step works on plain dicts so it never depends on today's model classes. Register a step
with :func:`migration` when the format changes and ``FORMAT_VERSION`` goes up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Raw = dict[str, Any]
Step = Callable[[Raw], Raw]

MIGRATIONS: dict[int, Step] = {}


class MigrationError(Exception):
    """An older file that cannot be brought up to date."""


def migration(from_version: int) -> Callable[[Step], Step]:
    """Decorator: register the step that upgrades ``from_version`` to the next version."""

    def register(step: Step) -> Step:
        MIGRATIONS[from_version] = step
        return step

    return register


def migrate(raw: Raw, from_version: int, to_version: int) -> Raw:
    """Apply every step from ``from_version`` up to ``to_version``."""
    for version in range(from_version, to_version):
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError(f"no migration from format version {version}")
        try:
            raw = step(raw)
        except Exception as exc:  # a step meeting data it did not expect
            raise MigrationError(f"cannot migrate from format version {version}: {exc}") from exc
        if not isinstance(raw, dict):
            raise MigrationError(f"the migration from format version {version} did not give a design")
        raw["version"] = version + 1
    return raw
