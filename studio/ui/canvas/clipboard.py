"""Copy and paste of components through the system clipboard, so it works between windows.

The clipboard holds JSON under a private MIME type: the copied components, the
connections between them and any copied groups. Pasting gives everything new ids and an
offset, validates each item with the model's own types, and is one undo step.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TypeVar

from pydantic import ValidationError
from PySide6.QtCore import QMimeData

from studio.model import Batch, Component, Connection, Design, Group, Operation, new_id

T = TypeVar("T", Component, Connection, Group)
MIME_TYPE = "application/x-backend-architect-studio-components+json"
FORMAT = "backend-architect-studio/components"
PASTE_OFFSET = 40.0


class ClipboardError(ValueError):
    """Clipboard content that is not a usable set of components."""


def copy_payload(design: Design, component_ids: Iterable[str], group_ids: Iterable[str] = ()) -> bytes:
    ids = set(component_ids)
    groups = [g for g in design.document.groups if g.id in set(group_ids)]
    for g in groups:  # copying a frame copies what it holds
        ids |= set(g.members)
    comps = [c for c in design.document.components if c.id in ids]
    conns = [c for c in design.document.connections if c.source in ids and c.target in ids]
    data = {
        "format": FORMAT,
        "version": 1,
        "components": [c.model_dump(mode="json") for c in comps],
        "connections": [c.model_dump(mode="json") for c in conns],
        "groups": [
            g.model_copy(update={"members": [m for m in g.members if m in ids]}).model_dump(mode="json")
            for g in groups
        ],
    }
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def mime_data(payload: bytes) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, payload)
    return mime


def _validate(model: type[T], data: dict, key: str) -> list[T]:
    items = data.get(key, [])
    if not isinstance(items, list):
        raise ClipboardError(f"pasted data is invalid at {key}: not a list")
    out = []
    for i, raw in enumerate(items):
        try:
            out.append(model.model_validate(raw))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ClipboardError(f"pasted data is invalid at {key}[{i}].{where}: {first['msg']}") from exc
    return out


def paste_op(design: Design, payload: bytes, offset: float = PASTE_OFFSET) -> tuple[Batch, list[str]]:
    """The paste as one batch, and the new ids to select."""
    try:
        data = json.loads(payload.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ClipboardError("the clipboard does not hold studio components")
        comps = _validate(Component, data, "components")
        conns = _validate(Connection, data, "connections")
        groups = _validate(Group, data, "groups")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ClipboardError(f"the clipboard content is not valid JSON: {exc}") from exc
    new_ids = {c.id: new_id("cmp") for c in comps}
    ops: list[Operation] = []
    for c in comps:
        clone = c.model_copy(update={"id": new_ids[c.id], "x": c.x + offset, "y": c.y + offset})
        ops.append(design.insert_op(("components",), clone, len(design.document.components) + len(ops)))
    kept = 0
    for conn in conns:
        if conn.source in new_ids and conn.target in new_ids:
            clone = conn.model_copy(
                update={"id": new_id("con"), "source": new_ids[conn.source], "target": new_ids[conn.target]}
            )
            ops.append(design.insert_op(("connections",), clone, len(design.document.connections) + kept))
            kept += 1
    selected = list(new_ids.values())
    for k, g in enumerate(groups):
        clone = g.model_copy(
            update={
                "id": new_id("grp"),
                "x": g.x + offset,
                "y": g.y + offset,
                "members": [new_ids[m] for m in g.members if m in new_ids],
            }
        )
        ops.append(design.insert_op(("groups",), clone, len(design.document.groups) + k))
        selected.append(clone.id)
    n = len(comps)
    return Batch(tuple(ops), "Paste" if n != 1 else "Paste component"), selected
