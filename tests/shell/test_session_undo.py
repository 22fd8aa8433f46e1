"""Undo and redo through the QUndoStack give back exactly what the model had, typing merges included."""

from __future__ import annotations

from studio.io.gallery import load_template
from studio.ui.session import DocumentSession


def _dump(session: DocumentSession) -> str:
    return session.design.document.model_dump_json(by_alias=True)


def test_typing_merges_into_one_step_that_undoes_exactly(qtbot) -> None:  # type: ignore[no-untyped-def]
    session = DocumentSession()
    session.load(load_template("ecommerce"), None)
    original = _dump(session)
    path = ("overview", "title")
    for text in ("S", "Sh", "Sho", "Shop"):
        assert session.push(session.design.set_op(path, text), merge=True)
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert _dump(session) == original
    session.undo_stack.redo()
    assert session.design.get(path) == "Shop"
    session.close()


def test_deleting_components_undoes_through_the_stack_with_the_graph(qtbot) -> None:  # type: ignore[no-untyped-def]
    session = DocumentSession()
    session.load(load_template("ecommerce"), None)
    original, edges = _dump(session), sorted(session.design.graph.edges(keys=True))
    changes: list[object] = []
    session.changed.connect(changes.append)
    ids = [c.id for c in session.design.document.components[:4]]
    assert session.push(session.design.remove_components_op(ids))
    assert not set(ids) & set(session.design.graph)
    session.undo_stack.undo()
    assert _dump(session) == original
    assert sorted(session.design.graph.edges(keys=True)) == edges
    session.undo_stack.redo()
    assert not set(ids) & set(session.design.graph)
    assert changes  # one signal per leaf change reached the views
    session.close()


def test_a_new_typing_session_on_the_same_field_is_a_new_undo_step(qtbot) -> None:  # type: ignore[no-untyped-def]
    session = DocumentSession()
    session.load(load_template("ecommerce"), None)
    path = ("overview", "title")
    original = session.design.get(path)
    for text in ("A", "AB"):
        session.push(session.design.set_op(path, text), merge=True)
    session.end_merge()  # the user left the field
    for text in ("ABC", "ABCD"):
        session.push(session.design.set_op(path, text), merge=True)
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert session.design.get(path) == "AB"
    session.undo_stack.redo()  # undo/redo end the typing session too: no merge into the redone step
    session.push(session.design.set_op(path, "ABCDE"), merge=True)
    assert session.undo_stack.count() == 3
    session.undo_stack.undo()
    assert session.design.get(path) == "ABCD"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert session.design.get(path) == original
    session.close()
