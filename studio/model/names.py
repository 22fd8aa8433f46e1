"""Choosing a name (or id) that is not taken yet: ``Orders``, ``Orders 2``, ``Orders 3``..."""

from __future__ import annotations

from collections.abc import Container


def unique_name(base: str, taken: Container[str], separator: str = " ", *, keep_base: bool = True) -> str:
    """``base`` if free (and ``keep_base``), else ``base{separator}2``, ``...3``, the first one free."""
    if keep_base and base not in taken:
        return base
    n = 2
    while f"{base}{separator}{n}" in taken:
        n += 1
    return f"{base}{separator}{n}"
