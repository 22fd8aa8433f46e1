"""The API dock through its widgets: grouped endpoints, live problems, GraphQL, OpenAPI."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from studio.io.gallery import load_template
from studio.model import DesignDocument
from studio.model.config_defaults import config_value_ops
from studio.ui.api.dock import ApiPanel
from studio.ui.api.problems import endpoint_problems
from studio.ui.session import DocumentSession


@pytest.fixture
def session(qtbot: QtBot) -> Iterator[DocumentSession]:
    s = DocumentSession()
    s.load(load_template("ecommerce"), None)
    yield s
    s.close()


@pytest.fixture
def panel(qtbot: QtBot, session: DocumentSession) -> ApiPanel:
    widget = ApiPanel(session)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    return widget


def _snapshot(session: DocumentSession) -> DesignDocument:
    return session.design.document.model_copy(deep=True)


def _undo_all(session: DocumentSession, before: DesignDocument) -> None:
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert session.design.document == before


def _edit(qtbot: QtBot, panel: ApiPanel, endpoint_id: str, column: int, text: str) -> None:
    panel.select_endpoint(endpoint_id, column)
    panel.tree.setFocus()
    panel.tree.edit(panel.tree.currentIndex())
    editor = QApplication.focusWidget()
    assert isinstance(editor, QWidget) and editor is not panel.tree
    line = getattr(editor, "lineEdit", lambda: None)() or editor
    if hasattr(editor, "findText") and not editor.isEditable():  # a fixed choice: pick it like a user
        editor.setCurrentIndex(editor.findText(text))
    else:
        line.selectAll()
        qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    QApplication.processEvents()


def _group_titles(panel: ApiPanel) -> list[str]:
    return [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]


def test_endpoints_grouped_by_service_and_filterable(qtbot: QtBot, panel: ApiPanel) -> None:
    assert _group_titles(panel) == ["Users module  (4)", "Products module  (5)", "Orders module  (4)"]
    qtbot.keyClicks(panel.filter, "status")
    assert _group_titles(panel) == ["Orders module  (4)"]
    group = panel.proxy.index(0, 0)
    assert panel.proxy.rowCount(group) == 1 and panel.proxy.index(0, 1, group).data() == "/orders/{id}/status"
    panel.filter.clear()
    assert panel.proxy.rowCount() == 3


def test_edit_cells_change_model_and_undo(qtbot: QtBot, panel: ApiPanel, session: DocumentSession) -> None:
    before = _snapshot(session)
    _edit(qtbot, panel, "ep-get-user", 1, "/users/{userId}")
    _edit(qtbot, panel, "ep-get-user", 2, "Fetch one user")
    _edit(qtbot, panel, "ep-get-user", 4, "admin")
    _edit(qtbot, panel, "ep-get-user", 8, "users, admin")
    endpoint = session.design.document.api.endpoints[2]
    assert (endpoint.path, endpoint.summary, endpoint.auth.value, endpoint.tags) == (
        "/users/{userId}",
        "Fetch one user",
        "admin",
        ["users", "admin"],
    )
    _edit(qtbot, panel, "ep-get-user", 3, "Orders module")  # changes group
    assert session.design.document.api.endpoints[2].service == "cmp-orders"
    assert _group_titles(panel)[2] == "Orders module  (5)" and panel.current_endpoint() == "ep-get-user"
    _undo_all(session, before)
    assert _group_titles(panel)[0] == "Users module  (4)"


def test_add_remove_and_reorder_within_service(
    qtbot: QtBot, panel: ApiPanel, session: DocumentSession
) -> None:
    before = _snapshot(session)
    panel.select_endpoint("ep-get-product")
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Insert)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "/products/{id}/reviews")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    ids = [e.id for e in session.design.document.api.endpoints]
    new = session.design.document.api.endpoints[ids.index("ep-get-product") + 1]
    assert new.path == "/products/{id}/reviews" and new.service == "cmp-products"
    panel.select_endpoint("ep-put-product")
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    order = [e.id for e in session.design.document.api.endpoints if e.service == "cmp-products"]
    assert order.index("ep-put-product") < order.index("ep-post-product")
    panel.select_endpoint("ep-delete-product")
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert "ep-delete-product" not in [e.id for e in session.design.document.api.endpoints]
    _undo_all(session, before)


def test_live_problems(qtbot: QtBot, panel: ApiPanel, session: DocumentSession) -> None:
    assert endpoint_problems(session.design.document) == []
    _edit(qtbot, panel, "ep-get-order", 1, "/orders/{orderId")  # malformed
    _edit(qtbot, panel, "ep-put-user", 1, "/users/{userId}")  # same route as GET? no: PUT vs GET
    _edit(qtbot, panel, "ep-put-user", 0, "GET")  # now duplicates GET /users/{id}
    _edit(qtbot, panel, "ep-list-products", 1, "/admin/products")  # admin path, public auth
    design = session.design
    session.push(design.set_op(("api", "endpoints", "ep-login", "service"), "cmp-gone"))
    messages = [panel.problem_list.item(i).text() for i in range(panel.problem_list.count())]
    joined = "\n".join(messages)
    assert "malformed parameter" in joined and "same method and path as GET /users/{id}" in joined
    assert "admin endpoint without admin authentication" in joined and "unknown service 'cmp-gone'" in joined
    assert panel.tabs.tabText(panel.tabs.indexOf(panel.problem_list)) == f"Problems ({len(messages)})"
    tip = panel.model.data(panel.model.index_of("ep-get-order", 1), Qt.ItemDataRole.ToolTipRole)
    assert "malformed parameter" in tip and tip.startswith("<qt>")
    assert _group_titles(panel)[-1].startswith("unknown service 'cmp-gone'")


def test_request_body_from_table_and_fields(qtbot: QtBot, panel: ApiPanel, session: DocumentSession) -> None:
    before = _snapshot(session)
    panel.select_endpoint("ep-post-order")
    request = panel.request
    request.table.lineEdit().selectAll()
    qtbot.keyClicks(request.table.lineEdit(), "orders")
    request.is_list.click()
    request.fields.select_row(1)
    request.fields.add_row()
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "couponCode")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    payload = session.design.document.api.endpoints[9].request
    assert (
        payload.table == "orders" and payload.is_list and [f.name for f in payload.fields][-1] == "couponCode"
    )
    assert panel.model.index_of("ep-post-order", 6).data().startswith("orders + {items")
    _undo_all(session, before)


def test_graphql_editor_validates_live(qtbot: QtBot, panel: ApiPanel, session: DocumentSession) -> None:
    editor = panel.graphql
    editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.editor, "type Review { rating: Stars }")
    problems = editor.validate()
    line = session.design.document.api.graphql_sdl.count("\n") + 1  # the typed line is the last
    assert [(p.line, p.column) for p in problems] == [(line, 23)]  # 'Stars' starts at column 23
    assert "Unknown type 'Stars'" in editor.list.item(0).text() and len(editor.editor.extraSelections()) == 1
    assert session.design.document.api.graphql_sdl.endswith("rating: Stars }")
    assert session.undo_stack.count() == 1  # typing merged into one step
    session.undo_stack.undo()
    assert editor.editor.toPlainText() == load_template("ecommerce").api.graphql_sdl
    assert editor.validate() == []


def test_openapi_preview_is_valid_and_follows_edits(
    qtbot: QtBot, panel: ApiPanel, session: DocumentSession
) -> None:
    panel.tabs.setCurrentWidget(panel.openapi)
    text = panel.openapi.refresh()
    validate(yaml.safe_load(text), cls=OpenAPIV31SpecValidator)
    _edit(qtbot, panel, "ep-get-product", 2, "Read one product: name & price")
    qtbot.waitUntil(
        lambda: "Read one product: name & price" in panel.openapi.text.toPlainText(), timeout=2000
    )
    spec = yaml.safe_load(panel.openapi.text.toPlainText())
    assert spec["paths"]["/products/{id}"]["get"]["summary"] == "Read one product: name & price"


def test_documentation_config_decides_leading_description(panel: ApiPanel, session: DocumentSession) -> None:
    assert panel.tabs.tabText(2).startswith("OpenAPI") and "leading" in panel.tabs.tabText(2)
    session.push(config_value_ops(session.design, "documentation", "graphql"))
    assert panel.tabs.widget(2) is panel.graphql and "leading" in panel.tabs.tabText(2)
    session.undo_stack.undo()
    assert panel.tabs.widget(2) is panel.openapi


def test_new_document_rebuilds(panel: ApiPanel, session: DocumentSession) -> None:
    session.load(DesignDocument(), None)
    assert panel.proxy.rowCount(QModelIndex()) == 0 and not panel.request.fields.isEnabled()
    assert panel.graphql.editor.toPlainText() == ""


def test_selecting_an_endpoint_scrolls_the_preview_to_it(panel: ApiPanel) -> None:
    panel.tabs.setCurrentWidget(panel.openapi)
    panel.select_endpoint("ep-order-status")
    assert panel.openapi.text.textCursor().block().text() == "  /orders/{id}/status:"


def test_graphql_problems_appear_when_the_tab_is_shown(
    qtbot: QtBot, panel: ApiPanel, session: DocumentSession
) -> None:
    session.push(session.design.set_op(("api", "graphql_sdl"), "type Query {\n  me: Me\n}\n"))
    assert panel.graphql.editor.toPlainText() == "type Query {\n  me: Me\n}\n"  # follows the model
    panel.tabs.setCurrentWidget(panel.graphql)
    qtbot.waitUntil(lambda: bool(panel.graphql.problems), timeout=3000)
    assert str(panel.graphql.problems[0]) == "line 2, column 7: Unknown type 'Me'."
    assert "1 problem" in panel.graphql.status.text()
