"""The API dock: endpoints grouped by service, their problems, bodies, GraphQL and OpenAPI.

Which description leads (comes first) follows the config's ``documentation`` key.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from studio.model import Batch, Endpoint, HttpMethod, Operation, new_id
from studio.model.api_paths import normalise_path
from studio.model.config_defaults import leading_api_description
from studio.ui.api.endpoint_model import ENDPOINTS, EndpointTreeModel
from studio.ui.api.graphql_editor import GraphqlEditor
from studio.ui.api.openapi_preview import OpenApiPreview
from studio.ui.api.payload_editor import PayloadEditor
from studio.ui.sections.columns import ColumnDelegate
from studio.ui.session import DocumentSession


class ApiPanel(QWidget):
    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = EndpointTreeModel(session, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter endpoints (method, path, summary, service, tag...)")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setItemDelegate(ColumnDelegate(self._spec, lambda: session.design, self.tree))
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        for i, spec in enumerate(self.model.columns):
            if spec.width:
                self.tree.setColumnWidth(i, spec.width)
        buttons = QHBoxLayout()
        buttons.addWidget(self.filter, 1)
        for text, tip, slot in (
            ("Add", "Add an endpoint to the current service (Insert)", self.add_endpoint),
            ("Remove", "Remove the selected endpoints (Delete)", self.remove_selected),
            ("Up", "Move up within its service (Ctrl+Up)", lambda: self.move_current(-1)),
            ("Down", "Move down within its service (Ctrl+Down)", lambda: self.move_current(1)),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        for keys, slot in (
            (Qt.Key.Key_Insert, self.add_endpoint),
            (Qt.Key.Key_Delete, self.remove_selected),
            ("Ctrl+Up", lambda: self.move_current(-1)),
            ("Ctrl+Down", lambda: self.move_current(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        # Lower half: the selected endpoint's bodies, the problems, the descriptions.
        self.request = PayloadEditor(session, "request", self)
        self.response = PayloadEditor(session, "response", self)
        bodies = QWidget(self)
        bodies_layout = QHBoxLayout(bodies)
        bodies_layout.setContentsMargins(0, 0, 0, 0)
        bodies_layout.addWidget(self.request)
        bodies_layout.addWidget(self.response)
        self.problem_list = QListWidget(self)
        self.problem_list.itemActivated.connect(self._reveal_problem)
        self.problem_list.itemClicked.connect(self._reveal_problem)
        self.graphql = GraphqlEditor(session, self)
        self.openapi = OpenApiPreview(session, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(bodies, "Bodies")
        self.tabs.addTab(self.problem_list, "Problems")
        self._place_descriptions()
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(buttons)
        upper_layout.addWidget(self.tree, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._kept: str | None = None
        self.model.modelAboutToBeReset.connect(self._remember)
        self.model.modelReset.connect(self._restore)
        self.model.problems_changed.connect(self._show_problems)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        session.changed.connect(self._on_changed)
        session.replaced.connect(self._place_descriptions)
        self._restore()

    def _spec(self, column: int):  # type: ignore[no-untyped-def]
        return self.model.columns[column] if 0 <= column < len(self.model.columns) else None

    # -- selection ----------------------------------------------------------------------------
    def current_endpoint(self) -> str | None:
        return self.model.endpoint_id(self.proxy.mapToSource(self.tree.currentIndex()))

    def select_endpoint(self, endpoint_id: str, column: int = 1) -> None:
        index = self.proxy.mapFromSource(self.model.index_of(endpoint_id, column))
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.tree.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        endpoint_id = self.model.endpoint_id(self.proxy.mapToSource(current))
        self.request.set_endpoint(endpoint_id)
        self.response.set_endpoint(endpoint_id)
        endpoint = self.session.design.document.api.endpoints
        found = next((e for e in endpoint if e.id == endpoint_id), None)
        if found is not None and self.openapi.isVisible():
            self.openapi.reveal_path(normalise_path(found.path.strip()))

    def _remember(self) -> None:
        self._kept = self.current_endpoint()

    def _restore(self) -> None:
        self.tree.expandAll()
        for row in range(self.proxy.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        if self._kept is not None and self.model.index_of(self._kept).isValid():
            self.select_endpoint(self._kept)
        elif self.model.groups:  # a new document, or the current endpoint was deleted
            self.select_endpoint(self.model.members[0][0])
        self._current_changed(self.tree.currentIndex(), QModelIndex())
        self._show_problems()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.tree.expandAll()

    # -- gestures -------------------------------------------------------------------------------
    def add_endpoint(self) -> None:
        self.filter.clear()  # the new endpoint must be visible to be edited
        design = self.session.design
        endpoints = design.document.api.endpoints
        current = self.current_endpoint()
        service = self.model.group_service(self.proxy.mapToSource(self.tree.currentIndex())) or ""
        index = next((i + 1 for i, e in enumerate(endpoints) if e.id == current), len(endpoints))
        endpoint = Endpoint(id=new_id("ep"), method=HttpMethod.GET, path="/new-endpoint", service=service)
        if self.session.push(design.insert_op(ENDPOINTS, endpoint, index, "Add endpoint")):
            self.select_endpoint(endpoint.id, 1)
            self.tree.edit(self.tree.currentIndex())

    def selected_endpoints(self) -> list[str]:
        ids = {
            self.model.endpoint_id(self.proxy.mapToSource(i))
            for i in self.tree.selectionModel().selectedIndexes()
        }
        ids.discard(None)
        return [e.id for e in self.session.design.document.api.endpoints if e.id in ids]

    def remove_selected(self) -> None:
        ids = self.selected_endpoints() or ([self.current_endpoint()] if self.current_endpoint() else [])
        if not ids:
            return
        design = self.session.design
        ops = tuple(design.remove_op((*ENDPOINTS, i)) for i in reversed(ids))  # type: ignore[arg-type]
        self.session.push(Batch(ops, f"Delete {len(ops)} endpoint{'s' if len(ops) > 1 else ''}"))

    def move_current(self, step: int) -> None:
        """Move the current endpoint past its neighbour in the same service group."""
        current = self.current_endpoint()
        if current is None:
            return
        group = next(ids for ids in self.model.members if current in ids)
        at = group.index(current) + step
        if not 0 <= at < len(group):
            return
        endpoints = [e.id for e in self.session.design.document.api.endpoints]
        old, new = endpoints.index(current), endpoints.index(group[at])
        if self.session.push(self.session.design.move_op(ENDPOINTS, old, new, "Reorder endpoint")):
            self.select_endpoint(current)

    # -- problems and descriptions ----------------------------------------------------------------
    def _show_problems(self) -> None:
        self.problem_list.clear()
        for problem in self.model.all_problems:
            item = QListWidgetItem(
                ("Error: " if problem.severity == "error" else "Warning: ") + problem.message
            )
            item.setData(Qt.ItemDataRole.UserRole, problem.endpoint_id)
            self.problem_list.addItem(item)
        n = len(self.model.all_problems)
        self.tabs.setTabText(self.tabs.indexOf(self.problem_list), f"Problems ({n})" if n else "Problems")

    def _reveal_problem(self, item: QListWidgetItem) -> None:
        self.filter.clear()
        self.select_endpoint(item.data(Qt.ItemDataRole.UserRole))

    def leading(self) -> str:
        return leading_api_description(self.session.design.document.agent_config)

    def _place_descriptions(self) -> None:
        """Put the leading API description first after the endpoint tabs."""
        order = [self.graphql, self.openapi] if self.leading() == "graphql" else [self.openapi, self.graphql]
        titles = {id(self.graphql): "GraphQL SDL", id(self.openapi): "OpenAPI 3.1"}
        current = self.tabs.currentWidget()
        for widget in order:
            at = self.tabs.indexOf(widget)
            if at >= 0:
                self.tabs.removeTab(at)
        for widget in order:
            suffix = " (leading)" if widget is order[0] else ""
            self.tabs.addTab(widget, titles[id(widget)] + suffix)
        if current is not None:
            self.tabs.setCurrentWidget(current)

    def _on_changed(self, op: Operation) -> None:
        if op.path[:1] == ("agent_config",):  # type: ignore[union-attr]
            self._place_descriptions()


def install(window) -> None:  # type: ignore[no-untyped-def]
    dock = QDockWidget("API", window)
    dock.setObjectName("ApiDock")
    panel = ApiPanel(window.session, dock)
    dock.setWidget(panel)
    window.add_dock(dock, Qt.DockWidgetArea.BottomDockWidgetArea)
    window.api_panel = panel

    def reveal(widget: QWidget | None = None) -> None:
        dock.show()
        dock.raise_()
        if widget is not None:
            panel.tabs.setCurrentWidget(widget)
        panel.tree.setFocus()

    register = getattr(window, "register_section", None)
    if callable(register):
        register("endpoints", reveal)
        register("api", reveal)
        register("graphql", lambda: reveal(panel.graphql))
        register("openapi", lambda: reveal(panel.openapi))
