"""The inspector: every field of the selection, editable; a multi-selection edits shared fields.

Fields are described once (``FIELDS``) and widgets are generated from the description.
Typing in a single selection merges into one undo step; a multi-selection edit is one
batch over all selected items. Widgets are refreshed from the model with signals
blocked, so the inspector never echoes its own edits back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.model import (
    COMPONENT_KIND_LABELS,
    PROTOCOL_LABELS,
    Batch,
    ComponentKind,
    GroupKind,
    Operation,
    Protocol,
    SetField,
)
from studio.ui.session import DocumentSession

MIXED = "(mixed)"


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    widget: str  # line | text | tags | combo | int | float | check | ref | members
    options: tuple[tuple[str, Any], ...] = ()


FIELDS: dict[str, tuple[Field, ...]] = {
    "components": (
        Field("name", "Name", "line"),
        Field("kind", "Kind", "combo", tuple((COMPONENT_KIND_LABELS[k], k) for k in ComponentKind)),
        Field("technology", "Technology", "line"),
        Field("instances", "Instances", "int"),
        Field("tags", "Tags", "tags"),
        Field("description", "Description", "text"),
        Field("x", "X", "float"),
        Field("y", "Y", "float"),
        Field("pinned", "Pinned", "check"),
    ),
    "connections": (
        Field("source", "From", "ref"),
        Field("target", "To", "ref"),
        Field("protocol", "Protocol", "combo", tuple((PROTOCOL_LABELS[p], p) for p in Protocol)),
        Field("asynchronous", "Asynchronous", "check"),
        Field("label", "Label", "line"),
        Field("description", "Description", "text"),
    ),
    "groups": (
        Field("name", "Name", "line"),
        Field(
            "kind",
            "Kind",
            "combo",
            (("Bounded context", GroupKind.BOUNDED_CONTEXT), ("Zone", GroupKind.ZONE)),
        ),
        Field("description", "Description", "text"),
        Field("members", "Members", "members"),
        Field("x", "X", "float"),
        Field("y", "Y", "float"),
        Field("width", "Width", "float"),
        Field("height", "Height", "float"),
    ),
}
NOUNS = {"components": "component", "connections": "connection", "groups": "group"}


class _TextEdit(QPlainTextEdit):
    """A description box that reports when the user leaves it."""

    left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.left.emit()
        super().focusOutEvent(event)


class Inspector(QWidget):
    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("canvasInspector")
        self.session = session
        self.section = ""
        self.ids: list[str] = []
        self._widgets: dict[str, QWidget] = {}
        self._shown: dict[str, Any] = {}
        self._loading = False
        self._refresh = QTimer(self, singleShot=True, interval=0)
        self._refresh.timeout.connect(self._load)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.header = QLabel("Nothing selected")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.header)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(self._scroll, 1)
        session.changed.connect(self._on_changed)
        session.replaced.connect(self.clear_selection)
        self._scene: object = None

    def follow(self, scene: object) -> None:
        """Show whatever is selected in ``scene`` (a CanvasScene)."""
        self._scene = scene
        scene.selectionChanged.connect(self.scene_selection_changed)  # type: ignore[attr-defined]

    def scene_selection_changed(self) -> None:
        if self._scene is not None:
            self.show_selection(*self._scene.selected_ids())  # type: ignore[attr-defined]

    def clear_selection(self) -> None:
        self.show_selection([], [], [])

    # -- selection -----------------------------------------------------------------------
    def show_selection(self, components: list[str], connections: list[str], groups: list[str]) -> None:
        """Edit components first, else groups, else connections; say what else is selected."""
        chosen = [("components", components), ("groups", groups), ("connections", connections)]
        section, ids = next(((s, i) for s, i in chosen if i), ("", []))
        others = [f"{len(i)} {NOUNS[s]}{'s' if len(i) > 1 else ''}" for s, i in chosen if i and s != section]
        if not section:
            self.header.setText("Nothing selected. Select a component, connection or group to edit it.")
        else:
            if len(ids) > 1:
                what = f"{len(ids)} {NOUNS[section]}s (shared fields)"
            else:
                item = self.session.design.get((section, ids[0]))
                title = getattr(item, "name", "") or item.id
                what = f"{NOUNS[section].capitalize()}: {title}"
            self.header.setText(what + (f"; also selected: {', '.join(others)}" if others else ""))
        if (section, ids) != (self.section, self.ids):
            self.section, self.ids = section, list(ids)
            self._build()
        self._load()

    def _build(self) -> None:
        form_host = QWidget()
        column = QVBoxLayout(form_host)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._widgets = {}
        for f in FIELDS.get(self.section, ()):
            if f.widget == "members" and len(self.ids) > 1:
                continue
            widget = self._make(f)
            self._widgets[f.name] = widget
            form.addRow(f.label, widget)
        old = self._scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self._scroll.setWidget(form_host)

    def _make(self, f: Field) -> QWidget:
        single = len(self.ids) == 1
        if f.widget in ("line", "tags"):
            w = QLineEdit()
            w.setObjectName(f"inspector_{f.name}")
            if single:
                w.textEdited.connect(lambda text, f=f: self._edit(f, self._parse(f, text), merge=True))
                w.editingFinished.connect(self.session.end_merge)  # leaving the field ends the step
            else:
                w.editingFinished.connect(lambda w=w, f=f: self._edit_if_changed(f, w.text()))
            return w
        if f.widget == "text":
            t = _TextEdit()
            t.setObjectName(f"inspector_{f.name}")
            t.setTabChangesFocus(True)
            t.setFixedHeight(72)
            if single:
                t.textChanged.connect(
                    lambda t=t, f=f: self._loading or self._edit(f, t.toPlainText(), merge=True)
                )
                t.left.connect(self.session.end_merge)
            else:
                t.left.connect(lambda t=t, f=f: self._edit_if_changed(f, t.toPlainText()))
            return t
        if f.widget in ("combo", "ref"):
            c = QComboBox()
            c.setObjectName(f"inspector_{f.name}")
            options = (
                f.options
                if f.widget == "combo"
                else tuple(
                    (comp.name or comp.id, comp.id) for comp in self.session.design.document.components
                )
            )
            for label, value in options:
                c.addItem(label, value)
            values = [value for _, value in options]
            c.activated.connect(lambda index, f=f, values=values: index >= 0 and self._edit(f, values[index]))
            return c
        if f.widget == "int":
            s = QSpinBox()
            s.setObjectName(f"inspector_{f.name}")
            s.setRange(0, 100_000)
            s.valueChanged.connect(lambda v, f=f: self._loading or self._edit(f, v, merge=True))
            s.editingFinished.connect(self.session.end_merge)
            return s
        if f.widget == "float":
            d = QDoubleSpinBox()
            d.setObjectName(f"inspector_{f.name}")
            d.setRange(-1e6, 1e6)
            d.setDecimals(0)
            d.editingFinished.connect(lambda d=d, f=f: self._edit_if_changed(f, float(d.value())))
            return d
        if f.widget == "check":
            b = QCheckBox()
            b.setObjectName(f"inspector_{f.name}")
            if f.name == "pinned":
                b.setText("keep in place")
                b.setToolTip("Auto-layout leaves pinned components where they are")
            b.clicked.connect(lambda checked, f=f: self._edit(f, bool(checked)))
            return b
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    # -- loading values from the model ------------------------------------------------------
    def _on_changed(self, op: Operation) -> None:
        path = getattr(op, "path", ())
        if self.section and path[:1] == (self.section,) and (len(path) == 1 or path[1] in self.ids):
            self._refresh.start()

    def _values(self, name: str) -> list[Any]:
        out = []
        for item_id in self.ids:
            try:
                out.append(self.session.design.get((self.section, item_id, name)))
            except LookupError:
                pass
        return out

    def _load(self) -> None:
        self._loading = True
        try:
            for f in FIELDS.get(self.section, ()):
                widget = self._widgets.get(f.name)
                if widget is None:
                    continue
                values = self._values(f.name)
                if not values:
                    continue
                same = all(v == values[0] for v in values)
                self._shown[f.name] = values[0] if same else MIXED
                self._show(f, widget, values[0] if same else None)
        finally:
            self._loading = False

    def _show(self, f: Field, widget: QWidget, value: Any) -> None:
        widget.blockSignals(True)
        try:
            if isinstance(widget, QLineEdit):
                text = "" if value is None else (", ".join(value) if f.widget == "tags" else str(value))
                if widget.text() != text:
                    widget.setText(text)
                widget.setPlaceholderText(MIXED if value is None else "")
            elif isinstance(widget, QPlainTextEdit):
                text = "" if value is None else str(value)
                if widget.toPlainText() != text:
                    widget.setPlainText(text)
                widget.setPlaceholderText(MIXED if value is None else "")
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(-1 if value is None else widget.findData(value))
            elif isinstance(widget, QSpinBox):
                widget.setSpecialValueText(MIXED if value is None else "")
                widget.setValue(widget.minimum() if value is None else int(value))
            elif isinstance(widget, QDoubleSpinBox):
                widget.setSpecialValueText(MIXED if value is None else "")
                widget.setValue(widget.minimum() if value is None else float(value))
            elif isinstance(widget, QCheckBox):
                widget.setTristate(value is None)
                widget.setCheckState(
                    Qt.CheckState.PartiallyChecked
                    if value is None
                    else Qt.CheckState.Checked
                    if value
                    else Qt.CheckState.Unchecked
                )
            elif isinstance(widget, QLabel) and f.widget == "members":
                names = {c.id: c.name or c.id for c in self.session.design.document.components}
                widget.setText(
                    "\n".join(names.get(m, m) for m in value or [])
                    or "(none; drop components into the frame)"
                )
        finally:
            widget.blockSignals(False)

    # -- writing edits back ------------------------------------------------------------------
    @staticmethod
    def _parse(f: Field, text: str) -> Any:
        if f.widget == "tags":
            return [t.strip() for t in text.split(",") if t.strip()]
        return text

    def _edit_if_changed(self, f: Field, raw: Any) -> None:
        value = self._parse(f, raw) if isinstance(raw, str) else raw
        if f.widget in ("line", "tags", "text") and raw == "" and self._shown.get(f.name) == MIXED:
            return  # left a mixed field untouched
        self._edit(f, value)

    def _edit(self, f: Field, value: Any, merge: bool = False) -> None:
        if self._loading or not self.ids:
            return
        design = self.session.design
        ops: list[Operation] = []
        for item_id in self.ids:
            path = (self.section, item_id, f.name)
            old = design.get(path)
            if old != value:
                ops.append(SetField(path, old, value))
        if f.name == "protocol" and isinstance(value, Protocol):  # async follows the protocol by default
            from studio.model import ASYNC_PROTOCOLS

            for item_id in self.ids:
                path = (self.section, item_id, "asynchronous")
                if design.get(path) != (value in ASYNC_PROTOCOLS):
                    ops.append(SetField(path, design.get(path), value in ASYNC_PROTOCOLS))
        if not ops:
            return
        if len(ops) == 1:
            self.session.push(ops[0], merge=merge)
        else:
            self.session.push(Batch(tuple(ops), f"Change {f.label.lower()}"))
        self._refresh.start()
