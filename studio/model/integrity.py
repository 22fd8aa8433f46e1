"""Rules a document must satisfy for the live model to hold it: unique ids, joined graph.

Pydantic checks each value; these checks span values: every list of items with ids has
no duplicate id (paths address items by id), and every connection joins two existing
components (the networkx graph mirrors them). The file loader reports these as errors
with their place; :class:`~studio.model.design.Design` refuses a document that breaks them.
"""

from __future__ import annotations

from functools import cache
from typing import Any, get_args, get_origin

from pydantic import BaseModel, TypeAdapter

from studio.model.document import DesignDocument


class Problem(tuple[str, str]):
    """``(where, what)``, where is a dotted path such as ``connections[3].target``."""

    __slots__ = ()

    @property
    def where(self) -> str:
        return self[0]

    @property
    def what(self) -> str:
        return self[1]


@cache
def list_item_type(model: type[BaseModel], field: str) -> Any:
    """The item type of the list field ``field`` of ``model`` (None if it is no list)."""
    annotation = model.model_fields[field].annotation
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        return item
    return None


@cache
def item_adapter(item_type: Any) -> TypeAdapter[Any]:
    return TypeAdapter(item_type)


@cache
def _id_list_fields(model: type[BaseModel]) -> tuple[tuple[str, str, bool], ...]:
    """``(attr, name in the file, items have ids)`` for each field holding models or lists of them."""
    out = []
    for attr, info in model.model_fields.items():
        annotation = info.annotation
        name = info.alias or attr
        item = list_item_type(model, attr)
        if isinstance(item, type) and issubclass(item, BaseModel):
            out.append((attr, name, "id" in item.model_fields))
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            out.append((attr, name, False))
    return tuple(out)


def _walk(node: BaseModel, where: str, problems: list[Problem]) -> None:
    for attr, name, has_ids in _id_list_fields(type(node)):
        value = getattr(node, attr)
        here = f"{where}.{name}" if where else name
        if isinstance(value, BaseModel):
            _walk(value, here, problems)
            continue
        seen: dict[str, int] = {}
        for i, item in enumerate(value):
            if has_ids:
                first = seen.setdefault(item.id, i)
                if first != i:
                    problems.append(
                        Problem((f"{here}[{i}].id", f"duplicate id {item.id!r} (also {here}[{first}])"))
                    )
            if _id_list_fields(type(item)):
                _walk(item, f"{here}[{i}]", problems)


def _has_duplicates(node: BaseModel) -> bool:
    """The fast check (no paths built): does any id list under ``node`` repeat an id?"""
    for attr, _name, has_ids in _id_list_fields(type(node)):
        value = getattr(node, attr)
        if isinstance(value, BaseModel):
            if _has_duplicates(value):
                return True
            continue
        if has_ids and len({item.id for item in value}) != len(value):
            return True
        if value and _id_list_fields(type(value[0])) and any(_has_duplicates(item) for item in value):
            return True
    return False


def subtree_problems(value: Any, where: str) -> list[Problem]:
    """Duplicate ids inside a model or a list of models that an edit puts at ``where``."""
    problems: list[Problem] = []
    if isinstance(value, BaseModel):
        _walk(value, where, problems)
    elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
        seen: dict[Any, int] = {}
        for i, item in enumerate(value):
            item_id = getattr(item, "id", None)
            if item_id is not None and seen.setdefault(item_id, i) != i:
                problems.append(
                    Problem((f"{where}[{i}].id", f"duplicate id {item_id!r} (also {where}[{seen[item_id]}])"))
                )
            _walk(item, f"{where}[{i}]", problems)
    return problems


def document_problems(document: DesignDocument) -> list[Problem]:
    """Every duplicate id and every connection to a missing component, in document order."""
    problems: list[Problem] = []
    if _has_duplicates(document):
        _walk(document, "", problems)
    ids = {c.id for c in document.components}
    for i, conn in enumerate(document.connections):
        for end in ("source", "target"):
            if getattr(conn, end) not in ids:
                problems.append(Problem((f"connections[{i}].{end}", f"no component {getattr(conn, end)!r}")))
    return problems
