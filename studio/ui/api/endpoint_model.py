"""The endpoints as a two-level tree: owning service, then its endpoints in document order.

Like every view it holds ids only. Edits become operations on
``("api", "endpoints", <id>, ...)``; structure (groups, membership) is rebuilt from the
document whenever an endpoint is added, removed, moved or changes service.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from studio.model import AuthLevel, Design, Endpoint, HttpMethod, Operation, Payload, SetField
from studio.ui.api.problems import OWNER_KINDS, EndpointProblem, endpoint_problems
from studio.ui.sections.columns import ColumnSpec, plain_tooltip
from studio.ui.session import DocumentSession

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
ENDPOINTS = ("api", "endpoints")
NO_SERVICE = ""
_METHOD_COLOURS = {
    "GET": "#2e7d32",
    "POST": "#1565c0",
    "PUT": "#ef6c00",
    "PATCH": "#6a1b9a",
    "DELETE": "#c62828",
}


def payload_summary(payload: Payload) -> str:
    """``products[]``, ``{email, password}``, ``users + {note}``: a body in a few characters."""
    parts = []
    if payload.table:
        parts.append(payload.table)
    if payload.fields:
        names = ", ".join(f.name for f in payload.fields[:4]) + (", ..." if len(payload.fields) > 4 else "")
        parts.append("{" + names + "}")
    text = " + ".join(parts)
    return f"{text}[]" if text and payload.is_list else text


def _services(design: Design) -> list[tuple[str, str]]:
    return [("", "(none)")] + [
        (c.id, c.name or c.id) for c in design.document.components if c.kind in OWNER_KINDS
    ]


def _tables(design: Design) -> list[tuple[str, str]]:
    return [("", "(none)")] + [(t.name, t.name) for t in design.document.schema.tables]


def _rate_classes(design: Design) -> list[tuple[str, str]]:
    return [("", "")] + [(r.role, r.role) for r in design.document.security.rate_limits]


COLUMNS: list[ColumnSpec] = [
    ColumnSpec("method", "Method", "choice", tuple((m.value, m.value) for m in HttpMethod), width=104),
    ColumnSpec("path", "Path", width=190),
    ColumnSpec("summary", "Summary", width=180),
    ColumnSpec(
        "service", "Service", "choice", _services, width=130, tooltip="The owning service, from the canvas"
    ),
    ColumnSpec("auth", "Auth", "choice", tuple((a.value, a.value) for a in AuthLevel), width=64),
    ColumnSpec("rate_limit_class", "Rate limit", "choice", _rate_classes, free_text=True, width=96),
    ColumnSpec(
        "request.table",
        "Request",
        "choice",
        _tables,
        free_text=True,
        width=130,
        render=lambda e, _d: payload_summary(e.request),
        tooltip="Request body: a schema table and/or fields",
    ),
    ColumnSpec(
        "response.table",
        "Response",
        "choice",
        _tables,
        free_text=True,
        width=130,
        render=lambda e, _d: payload_summary(e.response),
        tooltip="Response body: a schema table and/or fields",
    ),
    ColumnSpec("tags", "Tags", "list", tooltip="Comma separated"),
]


class EndpointTreeModel(QAbstractItemModel):
    #: The problem list was recomputed (once per change, not once per row).
    problems_changed = Signal()

    def __init__(self, session: DocumentSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.columns = COLUMNS
        self.groups: list[tuple[str, str]] = []  # (service id, title)
        self.members: list[list[str]] = []  # endpoint ids per group
        self.problems: dict[str, list[EndpointProblem]] = {}
        self.all_problems: list[EndpointProblem] = []
        self._endpoints: dict[str, Endpoint] = {}
        self._places: dict[str, tuple[int, int]] = {}
        self._rebuild()
        session.changed.connect(self._on_changed)
        session.replaced.connect(self.reset)

    @property
    def design(self) -> Design:
        return self.session.design

    # -- structure --------------------------------------------------------------------------
    def _rebuild(self) -> None:
        document = self.design.document
        self._endpoints = {e.id: e for e in document.api.endpoints}
        names = {c.id: c.name or c.id for c in document.components}
        order = [c.id for c in document.components]
        by_service: dict[str, list[str]] = {}
        for endpoint in document.api.endpoints:
            by_service.setdefault(endpoint.service, []).append(endpoint.id)
        keys = [k for k in order if k in by_service]
        keys += [k for k in by_service if k not in names and k != NO_SERVICE]
        if NO_SERVICE in by_service:
            keys.append(NO_SERVICE)
        self.groups = [
            (k, names.get(k, f"unknown service {k!r}") if k else "No owning service") for k in keys
        ]
        self.members = [by_service[k] for k in keys]
        self._places = {e: (g, r) for g, ids in enumerate(self.members) for r, e in enumerate(ids)}
        self._check()

    def _check(self) -> set[str]:
        """Recompute the problems; the ids of endpoints whose problems changed."""
        old = self.problems
        self.all_problems = endpoint_problems(self.design.document)
        self.problems = {}
        for problem in self.all_problems:
            self.problems.setdefault(problem.endpoint_id, []).append(problem)
        self.problems_changed.emit()
        return {i for i in old.keys() | self.problems.keys() if old.get(i) != self.problems.get(i)}

    def reset(self) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    # -- Qt model -----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = _ROOT) -> QModelIndex:
        if not parent.isValid():
            return self.createIndex(row, column, 0) if 0 <= row < len(self.groups) else QModelIndex()
        group = parent.row()
        if parent.internalId() != 0 or not 0 <= row < len(self.members[group]):
            return QModelIndex()
        return self.createIndex(row, column, group + 1)

    def parent(self, index: _Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.members[parent.row()])
        return 0

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.columns[section].tooltip or None
        return None

    def endpoint_id(self, index: _Index) -> str | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.members[index.internalId() - 1][index.row()]

    def group_service(self, index: _Index) -> str | None:
        """The service id of a group row (or of an endpoint row's group)."""
        if not index.isValid():
            return None
        group = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self.groups[group][0]

    def index_of(self, endpoint_id: str, column: int = 0) -> QModelIndex:
        place = self._places.get(endpoint_id)
        if place is None:
            return QModelIndex()
        return self.createIndex(place[1], column, place[0] + 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index, role)
        endpoint = self._endpoints.get(self.endpoint_id(index) or "")
        if endpoint is None:
            return None
        spec = self.columns[index.column()]
        problems = self.problems.get(endpoint.id, [])
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.display(endpoint, self.design)
        if role == Qt.ItemDataRole.EditRole:
            return spec.edit_value(endpoint)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip("\n".join(p.message for p in problems)) if problems else None
        if role == Qt.ItemDataRole.ForegroundRole and spec.key == "method":
            return QBrush(QColor(_METHOD_COLOURS.get(endpoint.method.value, "#37474f")))
        if role == Qt.ItemDataRole.FontRole and spec.key == "method":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            error = any(p.severity == "error" for p in problems)
            return QBrush(QColor(255, 205, 210, 150) if error else QColor(255, 236, 179, 150))
        return None

    def _group_data(self, index: _Index, role: int) -> Any:
        if index.column() != 0:
            return None
        service, title = self.groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{title}  ({len(self.members[index.row()])})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(
                f"Endpoints owned by {title}" if service else "Endpoints without an owning service"
            )
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if index.internalId() == 0 else base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        endpoint_id = self.endpoint_id(index)
        if endpoint_id is None or role != Qt.ItemDataRole.EditRole:
            return False
        spec = self.columns[index.column()]
        try:
            new = spec.parse(value)
        except (TypeError, ValueError):
            return False
        endpoint = self._endpoints[endpoint_id]
        if (
            str(getattr(spec.value_of(endpoint), "value", spec.value_of(endpoint))) == str(new)
            and spec.kind != "list"
        ):
            return False
        if spec.kind == "list" and spec.value_of(endpoint) == new:
            return False
        path = (*ENDPOINTS, endpoint_id, *spec.field_path)
        return self.session.push(self.design.set_op(path, new, f"Change endpoint {spec.title.lower()}"))

    # -- following the model --------------------------------------------------------------------
    def _on_changed(self, op: Operation) -> None:
        path = op.path  # type: ignore[union-attr]
        structural = path[:1] == ("components",) and (len(path) == 1 or path[-1] in ("name", "kind"))
        if path[:2] == ENDPOINTS:
            edit_inside = isinstance(op, SetField) and len(path) > 3 and path[3] != "service"
            structural = structural or not edit_inside
        if structural or path[:1] == ("api",) and len(path) < 2:
            self.reset()
            return
        if path[:2] == ENDPOINTS or path[:1] in (("schema",), ("security",)):
            self._endpoints = {e.id: e for e in self.design.document.api.endpoints}
            touched = self._check()
            if path[:2] == ENDPOINTS:
                touched.add(path[2])
            elif path[:1] == ("schema",):
                touched = set(self._endpoints)  # table names show in the body columns
            self._repaint(touched)

    def _repaint(self, endpoint_ids: set[str]) -> None:
        last = len(self.columns) - 1
        for endpoint_id in endpoint_ids:
            first = self.index_of(endpoint_id)
            if first.isValid():
                self.dataChanged.emit(first, first.siblingAtColumn(last))
