"""The live design: the document, its component graph, operations and change events.

``Design`` is the single source of truth that the window, the command line and the tests
share. Every change goes through :meth:`Design.apply`, which keeps the networkx graph
consistent with the document's components and connections and then tells subscribers.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx
from pydantic import BaseModel

from studio.model.document import DesignDocument
from studio.model.operations import (
    Batch,
    InsertItem,
    MoveItem,
    Operation,
    Path,
    RemoveItem,
    SetField,
    leaves,
)
from studio.model.paths import PathError, field_name, index_of, resolve, resolve_list
from studio.model.system import Component, Connection

log = logging.getLogger(__name__)

Listener = Callable[[Operation], None]


class ModelError(ValueError):
    """An operation that would break the document's consistency."""


def _copy(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_copy(deep=True)
    if isinstance(value, (list, dict)):
        return copy.deepcopy(value)
    return value


class Design:
    def __init__(self, document: DesignDocument | None = None) -> None:
        self.document = document if document is not None else DesignDocument()
        self.graph: nx.MultiDiGraph = nx.MultiDiGraph()
        self._listeners: list[Listener] = []
        self.revision = 0
        self._rebuild_graph()

    # -- events --------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(op)`` after each applied leaf operation; returns an unsubscriber."""
        self._listeners.append(listener)
        return lambda: self.unsubscribe(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, op: Operation) -> None:
        for listener in list(self._listeners):
            try:
                listener(op)
            except Exception:  # a broken view must not corrupt the model
                log.exception("change listener %r failed", listener)

    # -- reading -------------------------------------------------------------------
    def get(self, path: Path) -> Any:
        return resolve(self.document, path)

    def component(self, component_id: str) -> Component:
        return resolve(self.document, ("components", component_id))

    def connection(self, connection_id: str) -> Connection:
        return resolve(self.document, ("connections", connection_id))

    def connections_of(self, component_id: str) -> list[Connection]:
        """Connections touching a component, in document order."""
        if component_id not in self.graph:
            return []
        ids = {k for _, _, k in self.graph.in_edges(component_id, keys=True)}
        ids |= {k for _, _, k in self.graph.out_edges(component_id, keys=True)}
        return [c for c in self.document.connections if c.id in ids]

    # -- applying ------------------------------------------------------------------
    def apply(self, op: Operation) -> None:
        """Apply ``op`` completely or not at all, then emit one event per leaf."""
        done: list[Operation] = []
        try:
            for leaf in leaves(op):
                self._apply_leaf(leaf)
                done.append(leaf)
        except (PathError, ModelError, ValueError, IndexError) as exc:
            for leaf in reversed(done):
                self._apply_leaf(leaf.inverse())
            raise ModelError(str(exc)) from exc
        self.revision += 1
        for leaf in done:
            self._emit(leaf)

    def _apply_leaf(self, op: Operation) -> None:
        if isinstance(op, SetField):
            parent = resolve(self.document, op.path[:-1])
            if isinstance(parent, list):
                raise ModelError(f"cannot replace list item {'.'.join(op.path)}")
            name = field_name(parent, op.path[-1])
            if op.path[:1] == ("connections",) and name in ("source", "target"):
                self._check_endpoint(op.new)
            setattr(parent, name, _copy(op.new))
            if op.path[:1] == ("connections",) and name in ("source", "target"):
                self._rebuild_graph()
        elif isinstance(op, InsertItem):
            items = resolve_list(self.document, op.path)
            if not 0 <= op.index <= len(items):
                raise ModelError(f"index {op.index} out of range for {'.'.join(op.path)}")
            item = _copy(op.item)
            item_id = getattr(item, "id", None)
            if item_id is not None and any(getattr(i, "id", None) == item_id for i in items):
                raise ModelError(f"duplicate id {item_id!r} in {'.'.join(op.path)}")
            if op.path == ("connections",):
                self._check_endpoint(item.source)
                self._check_endpoint(item.target)
            items.insert(op.index, item)
            if op.path == ("components",):
                self.graph.add_node(item.id)
            elif op.path == ("connections",):
                self.graph.add_edge(item.source, item.target, key=item.id)
        elif isinstance(op, RemoveItem):
            items = resolve_list(self.document, op.path)
            item_id = getattr(op.item, "id", None)
            index = op.index
            if not (0 <= index < len(items) and getattr(items[index], "id", None) == item_id):
                index = index_of(items, item_id) if item_id is not None else items.index(op.item)
            if op.path == ("components",) and self.connections_of(item_id):
                raise ModelError(f"component {item_id!r} still has connections")
            removed = items.pop(index)
            if op.path == ("components",):
                self.graph.remove_node(removed.id)
            elif op.path == ("connections",):
                self.graph.remove_edge(removed.source, removed.target, key=removed.id)
        elif isinstance(op, MoveItem):
            items = resolve_list(self.document, op.path)
            if not (0 <= op.old_index < len(items) and 0 <= op.new_index < len(items)):
                raise ModelError(f"move out of range in {'.'.join(op.path)}")
            items.insert(op.new_index, items.pop(op.old_index))
        else:  # pragma: no cover - Batch never reaches here
            raise ModelError(f"unknown operation {op!r}")

    def _check_endpoint(self, component_id: str) -> None:
        if component_id not in self.graph:
            raise ModelError(f"no component {component_id!r} to connect")

    def _rebuild_graph(self) -> None:
        graph = nx.MultiDiGraph()
        graph.add_nodes_from(c.id for c in self.document.components)
        for conn in self.document.connections:
            if conn.source not in graph or conn.target not in graph:
                raise ModelError(f"connection {conn.id!r} joins a missing component")
            graph.add_edge(conn.source, conn.target, key=conn.id)
        self.graph = graph

    # -- building operations ---------------------------------------------------------
    def set_op(self, path: Path, value: Any, label: str = "") -> SetField:
        return SetField(path, _copy(self.get(path)), _copy(value), label)

    def insert_op(self, list_path: Path, item: Any, index: int | None = None, label: str = "") -> InsertItem:
        items = resolve_list(self.document, list_path)
        return InsertItem(list_path, len(items) if index is None else index, _copy(item), label)

    def remove_op(self, item_path: Path, label: str = "") -> Operation:
        """Remove the item at ``item_path``; a component takes its connections along."""
        if item_path[:1] == ("components",) and len(item_path) == 2:
            return self.remove_components_op([item_path[1]], label)
        items = resolve_list(self.document, item_path[:-1])
        index = index_of(items, item_path[-1])
        return RemoveItem(item_path[:-1], index, _copy(items[index]), label)

    def move_op(self, list_path: Path, old_index: int, new_index: int, label: str = "") -> MoveItem:
        return MoveItem(list_path, old_index, new_index, label)

    def remove_components_op(self, ids: Iterable[str], label: str = "") -> Batch:
        """Remove components with their connections and group memberships."""
        doomed = set(ids)
        ops: list[Operation] = []
        for group in self.document.groups:
            if doomed & set(group.members):
                kept = [m for m in group.members if m not in doomed]
                ops.append(SetField(("groups", group.id, "members"), list(group.members), kept))
        # Remove from the end so that each recorded index is right when applied in order.
        conns = self.document.connections
        for i in range(len(conns) - 1, -1, -1):
            if conns[i].source in doomed or conns[i].target in doomed:
                ops.append(RemoveItem(("connections",), i, _copy(conns[i])))
        comps = self.document.components
        for i in range(len(comps) - 1, -1, -1):
            if comps[i].id in doomed:
                ops.append(RemoveItem(("components",), i, _copy(comps[i])))
        n = len(doomed)
        return Batch(tuple(ops), label or (f"Delete {n} components" if n > 1 else "Delete component"))
