"""The live design: the document, its component graph, operations and change events.

``Design`` is the single source of truth that the window, the command line and the tests
share. Every change goes through :meth:`Design.apply`, which keeps the networkx graph
consistent with the document's components and connections and then tells subscribers.
The graph is built when first asked for (or before the first edit of a component or
connection): importing networkx costs about 0.2 s, which the first window need not spend.

Each leaf operation is checked before it changes anything, so that applying an operation
and then its inverse restores the document exactly (order and ids included): a removal
must name the item really found at its index, an insertion is validated against the
list's item type, ids never change, and a connection always joins two components.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from studio.model.document import DesignDocument
from studio.model.integrity import document_problems, item_adapter, list_item_type, subtree_problems
from studio.model.operations import Batch, InsertItem, MoveItem, Operation, Path, RemoveItem, SetField, leaves
from studio.model.paths import PathError, field_name, index_of, resolve, resolve_list
from studio.model.system import Component, Connection

if TYPE_CHECKING:
    import networkx as nx

log = logging.getLogger(__name__)

Listener = Callable[[Operation], None]

#: Lists whose items are nodes and edges of the graph.
_GRAPH_LISTS = (("components",), ("connections",))


class ModelError(ValueError):
    """An operation that would break the document's consistency."""


def _copy(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_copy(deep=True)
    if isinstance(value, (list, dict)):
        return copy.deepcopy(value)
    return value


def _dotted(path: Path) -> str:
    return ".".join(path) or "the document"


def _item_id(item: Any) -> str | None:
    return item.get("id") if isinstance(item, dict) else getattr(item, "id", None)


class Design:
    def __init__(self, document: DesignDocument | None = None) -> None:
        self.document = document if document is not None else DesignDocument()
        self._graph: nx.MultiDiGraph | None = None  # see the ``graph`` property
        self._listeners: list[Listener] = []
        self.revision = 0
        self._rebuild_graph()

    @property
    def graph(self) -> nx.MultiDiGraph:
        """Components as nodes, connections as edges keyed by connection id.

        Built from the document when first asked for; from then on ``apply`` keeps it in step.
        """
        if self._graph is None:
            import networkx as nx

            graph = nx.MultiDiGraph()
            graph.add_nodes_from(c.id for c in self.document.components)
            graph.add_edges_from((c.source, c.target, c.id) for c in self.document.connections)
            self._graph = graph
        return self._graph

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
        except Exception as exc:
            for leaf in reversed(done):
                self._apply_leaf(leaf.inverse())
            if isinstance(exc, ModelError):
                raise
            raise ModelError(str(exc)) from exc
        self.revision += 1
        for leaf in done:
            self._emit(leaf)

    def _apply_leaf(self, op: Operation) -> None:
        if getattr(op, "path", ())[:1] in _GRAPH_LISTS:
            self.graph  # noqa: B018 - built from the document as it is before this leaf
        if isinstance(op, SetField):
            self._set(op)
        elif isinstance(op, InsertItem):
            self._insert(op)
        elif isinstance(op, RemoveItem):
            self._remove(op)
        elif isinstance(op, MoveItem):
            items = resolve_list(self.document, op.path)
            if not (0 <= op.old_index < len(items) and 0 <= op.new_index < len(items)):
                raise ModelError(f"move out of range in {_dotted(op.path)}")
            items.insert(op.new_index, items.pop(op.old_index))
        else:
            raise ModelError(f"unknown operation {op!r}")

    def _set(self, op: SetField) -> None:
        if not op.path:
            raise ModelError("an edit needs a path")
        if op.path[-1] == "id":
            raise ModelError(f"{_dotted(op.path)}: ids never change")
        parent = resolve(self.document, op.path[:-1])
        if not isinstance(parent, BaseModel):
            raise ModelError(f"cannot replace list item {_dotted(op.path)}")
        name = field_name(parent, op.path[-1])
        before = getattr(parent, name)
        setattr(parent, name, _copy(op.new))  # validated: a wrong type raises and changes nothing
        try:
            self._check_replaced(op.path, getattr(parent, name))
            if op.path in _GRAPH_LISTS:
                self._rebuild_graph()
            elif op.path[0] == "connections" and len(op.path) == 3 and name in ("source", "target"):
                self._reconnect(parent, name, before)
        except Exception:
            setattr(parent, name, before)
            raise

    def _check_replaced(self, path: Path, value: Any) -> None:
        """Refuse a replaced subtree that holds duplicate ids."""
        problems = subtree_problems(value, _dotted(path))
        if problems:
            raise ModelError(f"{problems[0].where}: {problems[0].what}")

    def _reconnect(self, conn: Connection, end: str, before: str) -> None:
        self._check_endpoint(getattr(conn, end))
        source, target = (before, conn.target) if end == "source" else (conn.source, before)
        self.graph.remove_edge(source, target, key=conn.id)
        self.graph.add_edge(conn.source, conn.target, key=conn.id)

    def _coerce_item(self, list_path: Path, item: Any) -> Any:
        """A private, validated copy of ``item`` as the list at ``list_path`` holds it."""
        if not list_path:
            raise ModelError("the document is not a list")
        parent = resolve(self.document, list_path[:-1])
        if not isinstance(parent, BaseModel):
            raise ModelError(f"{_dotted(list_path)} is not a list")
        item_type = list_item_type(type(parent), field_name(parent, list_path[-1]))
        if item_type is None:
            raise ModelError(f"{_dotted(list_path)} is not a list")
        if isinstance(item_type, type) and isinstance(item, item_type):
            return _copy(item)
        return item_adapter(item_type).validate_python(_copy(item))

    def _insert(self, op: InsertItem) -> None:
        items = resolve_list(self.document, op.path)
        item = self._coerce_item(op.path, op.item)
        if not 0 <= op.index <= len(items):
            raise ModelError(f"index {op.index} out of range for {_dotted(op.path)}")
        item_id = _item_id(item)
        if item_id is not None and any(getattr(i, "id", None) == item_id for i in items):
            raise ModelError(f"duplicate id {item_id!r} in {_dotted(op.path)}")
        problems = subtree_problems(item, f"{_dotted(op.path)}[{op.index}]")
        if problems:
            raise ModelError(f"{problems[0].where}: {problems[0].what}")
        if op.path == ("connections",):
            self._check_endpoint(item.source)
            self._check_endpoint(item.target)
        items.insert(op.index, item)
        if op.path == ("components",):
            self.graph.add_node(item.id)
        elif op.path == ("connections",):
            self.graph.add_edge(item.source, item.target, key=item.id)

    def _remove(self, op: RemoveItem) -> None:
        items = resolve_list(self.document, op.path)
        item = self._coerce_item(op.path, op.item)
        if not 0 <= op.index < len(items) or items[op.index] != item:
            found = f"{_item_id(items[op.index])!r}" if 0 <= op.index < len(items) else "nothing"
            wanted = _item_id(item) or "item"
            raise ModelError(
                f"stale edit: {_dotted(op.path)}[{op.index}] holds {found}, not the {wanted!r} the edit "
                "removes (build removals from the current design, last index first)"
            )
        if op.path == ("components",) and self.graph.degree(item.id):
            raise ModelError(f"component {item.id!r} still has connections")
        removed = items.pop(op.index)
        if op.path == ("components",):
            self.graph.remove_node(removed.id)
        elif op.path == ("connections",):
            self.graph.remove_edge(removed.source, removed.target, key=removed.id)

    def _check_endpoint(self, component_id: str) -> None:
        if component_id not in self.graph:
            raise ModelError(f"no component {component_id!r} to connect")

    def _rebuild_graph(self) -> None:
        problems = document_problems(self.document)
        if problems:
            raise ModelError(f"{problems[0].where}: {problems[0].what}")
        self._graph = None  # built afresh from the checked document when next asked for

    # -- building operations ---------------------------------------------------------
    def set_op(self, path: Path, value: Any, label: str = "") -> SetField:
        return SetField(path, _copy(self.get(path)), _copy(value), label)

    def insert_op(self, list_path: Path, item: Any, index: int | None = None, label: str = "") -> InsertItem:
        """Insert ``item`` (a model or its dict) at ``index``, by default at the end."""
        items = resolve_list(self.document, list_path)
        try:
            item = self._coerce_item(list_path, item)
        except ValueError:  # kept as given: applying it is refused with the model's reason
            item = _copy(item)
        return InsertItem(list_path, len(items) if index is None else index, item, label)

    def remove_op(self, item_path: Path, label: str = "") -> Operation:
        """Remove the item at ``item_path``; a component takes its connections along."""
        if item_path[:1] == ("components",) and len(item_path) == 2:
            return self.remove_components_op([item_path[1]], label)
        items = resolve_list(self.document, item_path[:-1])
        index = index_of(items, item_path[-1])
        return RemoveItem(item_path[:-1], index, _copy(items[index]), label)

    def remove_items_op(self, list_path: Path, ids: Iterable[str], label: str = "") -> Batch:
        """Remove several items of one list as one edit (indices recorded last first)."""
        if list_path == ("components",):
            return self.remove_components_op(ids, label)
        doomed = set(ids)
        items = resolve_list(self.document, list_path)
        missing = doomed - {getattr(i, "id", None) for i in items}
        if missing:
            raise PathError(f"no item with id {sorted(missing)[0]!r} in {_dotted(list_path)}")
        ops = tuple(
            RemoveItem(list_path, i, _copy(items[i]))
            for i in range(len(items) - 1, -1, -1)
            if items[i].id in doomed
        )
        return Batch(ops, label)

    def move_op(self, list_path: Path, old_index: int, new_index: int, label: str = "") -> MoveItem:
        return MoveItem(list_path, old_index, new_index, label)

    def remove_components_op(self, ids: Iterable[str], label: str = "") -> Batch:
        """Remove components with their connections and every reference to them.

        Group memberships and scaling phases drop the ids; tables and endpoints owned by a
        removed service become unowned. One batch, so one undo brings all of it back.
        """
        doomed = set(ids)
        doc = self.document
        ops: list[Operation] = []
        for group in doc.groups:
            if doomed & set(group.members):
                kept = [m for m in group.members if m not in doomed]
                ops.append(SetField(("groups", group.id, "members"), list(group.members), kept))
        for phase in doc.scaling_phases:
            if doomed & set(phase.adds_components):
                kept = [m for m in phase.adds_components if m not in doomed]
                ops.append(
                    SetField(
                        ("scaling_phases", phase.id, "adds_components"), list(phase.adds_components), kept
                    )
                )
        ops += [
            SetField(("schema", "tables", t.id, "service"), t.service, "")
            for t in doc.schema_.tables
            if t.service in doomed
        ]
        ops += [
            SetField(("api", "endpoints", e.id, "service"), e.service, "")
            for e in doc.api.endpoints
            if e.service in doomed
        ]
        # Remove from the end so that each recorded index is right when applied in order.
        conns = doc.connections
        for i in range(len(conns) - 1, -1, -1):
            if conns[i].source in doomed or conns[i].target in doomed:
                ops.append(RemoveItem(("connections",), i, _copy(conns[i])))
        comps = doc.components
        for i in range(len(comps) - 1, -1, -1):
            if comps[i].id in doomed:
                ops.append(RemoveItem(("components",), i, _copy(comps[i])))
        n = len(doomed)
        return Batch(tuple(ops), label or (f"Delete {n} components" if n > 1 else "Delete component"))
