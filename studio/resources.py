"""Where the shipped ``resources/`` and ``templates/`` folders are.

In a wheel they live inside the package (``studio/resources``); in a source checkout they
sit beside it at the top of the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _folder(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the studio's {name}/ folder is missing from the installation")


def resources_dir() -> Path:
    return _folder("resources")


def templates_dir() -> Path:
    return _folder("templates")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
