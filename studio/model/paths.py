"""Resolving operation paths against the document tree."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from studio.model.operations import Path


class PathError(LookupError):
    """A path that does not lead to anything in the document."""


def field_name(model: BaseModel, name: str) -> str:
    """The attribute name of the field called ``name`` (by name or by alias)."""
    fields = type(model).model_fields
    if name in fields:
        return name
    for attr, info in fields.items():
        if info.alias == name:
            return attr
    raise PathError(f"{type(model).__name__} has no field {name!r}")


def index_of(items: list[Any], item_id: str) -> int:
    for i, item in enumerate(items):
        if getattr(item, "id", None) == item_id:
            return i
    raise PathError(f"no item with id {item_id!r}")


def step(node: Any, name: str) -> Any:
    if isinstance(node, list):
        return node[index_of(node, name)]
    if isinstance(node, BaseModel):
        return getattr(node, field_name(node, name))
    raise PathError(f"cannot descend into {type(node).__name__} with {name!r}")


def resolve(root: Any, path: Path) -> Any:
    node = root
    for name in path:
        node = step(node, name)
    return node


def resolve_list(root: Any, path: Path) -> list[Any]:
    node = resolve(root, path)
    if not isinstance(node, list):
        raise PathError(f"{'.'.join(path)} is not a list")
    return node
