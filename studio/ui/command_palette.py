"""The command palette (Ctrl+K): every action of the window by fuzzy name, and quick adds.

Typing part of an action's name finds it wherever it lives (menus, docks, shortcuts);
typing a component kind and a name (``db Orders``, ``svc Payments``, ``queue events``,
``cache Sessions``) adds that component at the centre of the canvas view, or at the
nearest free spot, as one undoable edit through ``session.push``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from studio.model import Component, ComponentKind, new_id

translate = QCoreApplication.translate  # the name lupdate looks for

#: Words that name a component kind at the start of a palette line.
KIND_WORDS: dict[str, ComponentKind] = {
    **{kind.value: kind for kind in ComponentKind},
    "db": ComponentKind.DATABASE,
    "sql": ComponentKind.DATABASE,
    "svc": ComponentKind.SERVICE,
    "module": ComponentKind.SERVICE,
    "ms": ComponentKind.SERVICE,
    "q": ComponentKind.QUEUE,
    "stream": ComponentKind.QUEUE,
    "topic": ComponentKind.QUEUE,
    "bus": ComponentKind.QUEUE,
    "job": ComponentKind.WORKER,
    "gw": ComponentKind.API_GATEWAY,
    "gateway": ComponentKind.API_GATEWAY,
    "lb": ComponentKind.LOAD_BALANCER,
    "balancer": ComponentKind.LOAD_BALANCER,
    "app": ComponentKind.CLIENT,
    "web": ComponentKind.CLIENT,
    "mobile": ComponentKind.CLIENT,
    "storage": ComponentKind.OBJECT_STORAGE,
    "bucket": ComponentKind.OBJECT_STORAGE,
    "blob": ComponentKind.OBJECT_STORAGE,
    "s3": ComponentKind.OBJECT_STORAGE,
    "ext": ComponentKind.EXTERNAL,
    "3rd": ComponentKind.EXTERNAL,
}
#: Kind names as the palette shows them; marked so that lupdate offers them to translators.
KIND_NAMES: dict[ComponentKind, str] = {
    ComponentKind.CLIENT: QT_TRANSLATE_NOOP("Kinds", "Client"),
    ComponentKind.CDN: QT_TRANSLATE_NOOP("Kinds", "CDN"),
    ComponentKind.LOAD_BALANCER: QT_TRANSLATE_NOOP("Kinds", "Load balancer"),
    ComponentKind.API_GATEWAY: QT_TRANSLATE_NOOP("Kinds", "API gateway"),
    ComponentKind.SERVICE: QT_TRANSLATE_NOOP("Kinds", "Service"),
    ComponentKind.WORKER: QT_TRANSLATE_NOOP("Kinds", "Worker"),
    ComponentKind.DATABASE: QT_TRANSLATE_NOOP("Kinds", "Database"),
    ComponentKind.CACHE: QT_TRANSLATE_NOOP("Kinds", "Cache"),
    ComponentKind.QUEUE: QT_TRANSLATE_NOOP("Kinds", "Queue"),
    ComponentKind.OBJECT_STORAGE: QT_TRANSLATE_NOOP("Kinds", "Object storage"),
    ComponentKind.SEARCH: QT_TRANSLATE_NOOP("Kinds", "Search"),
    ComponentKind.EXTERNAL: QT_TRANSLATE_NOOP("Kinds", "External system"),
}
#: How many matches the palette shows before it scrolls.
VISIBLE_ROWS = 12
#: The footprint assumed for a component when looking for free space (scene units).
NODE_SIZE = (180.0, 90.0)


@dataclass(frozen=True)
class AddCommand:
    kind: ComponentKind
    name: str

    @property
    def label(self) -> str:
        kind = translate("Kinds", KIND_NAMES[self.kind])
        return translate("CommandPalette", "Add %1 “%2”").replace("%1", kind).replace("%2", self.name)


def parse_add(text: str) -> AddCommand | None:
    """``db Orders`` -> add a database named Orders; None when the first word is no kind."""
    words = text.strip().split(maxsplit=1)
    if not words:
        return None
    kind = KIND_WORDS.get(words[0].lower())
    if kind is None:
        return None
    name = words[1].strip() if len(words) > 1 else KIND_NAMES[kind]
    return AddCommand(kind, name[:120])


def fuzzy_score(query: str, text: str) -> int | None:
    """Higher is better; None when the query's letters do not appear in order in ``text``."""
    query, text = query.lower().replace(" ", ""), text.lower()
    if not query:
        return 0
    score, pos, previous = 0, 0, -2
    for char in query:
        found = text.find(char, pos)
        if found < 0:
            return None
        score += 1
        if found == previous + 1:
            score += 5  # consecutive letters
        if found == 0 or not text[found - 1].isalnum():
            score += 8  # start of a word
        previous, pos = found, found + 1
    return score * 10 - len(text)


def action_paths(window: QMainWindow) -> dict[QAction, str]:
    """Every useful action of the window with where it lives (``File › Save``)."""
    found: dict[QAction, str] = {}

    def walk(menu: QMenu, prefix: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            text = _clean(action.text())
            if action.menu() is not None:
                walk(action.menu(), f"{prefix}{text} › ")
            elif text:
                found.setdefault(action, prefix + text)

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), f"{_clean(top.text())} › ")
    for action in window.findChildren(QAction):
        if action not in found and not action.isSeparator() and action.menu() is None:
            label = _label(action)
            if label:
                found[action] = label
    return found


def _label(action: QAction) -> str:
    """The action's text, or its tooltip when the text is a symbol such as "+" on a button."""
    text = _clean(action.text())
    if any(ch.isalnum() for ch in text):
        return text
    tip = _clean(action.toolTip())
    return tip if any(ch.isalnum() for ch in tip) else ""


def _clean(text: str) -> str:
    return re.sub(r"&(?!&)", "", text).replace("&&", "&").replace("...", "").replace("…", "").strip()


def add_component(window: QMainWindow, command: AddCommand) -> str | None:
    """Push the component as one undo step; returns its id, or None if the model refused."""
    session = window.session  # type: ignore[attr-defined]
    x, y = free_spot(window)
    component = Component(id=new_id("cmp"), kind=command.kind, name=command.name, x=x, y=y)
    op = session.design.insert_op(("components",), component, label=command.label)
    return component.id if session.push(op) else None


def free_spot(window: QMainWindow) -> tuple[float, float]:
    """The view's centre, or the nearest grid spot around it that no component covers."""
    centre = _view_centre(window)
    components = window.session.design.document.components  # type: ignore[attr-defined]
    width, height = NODE_SIZE
    step = 20.0
    cx, cy = round((centre.x() - width / 2) / step) * step, round((centre.y() - height / 2) / step) * step

    def free(x: float, y: float) -> bool:
        return all(abs(c.x - x) >= width + step or abs(c.y - y) >= height + step for c in components)

    for ring in range(0, 40):
        for dx in range(-ring, ring + 1):
            for dy in range(-ring, ring + 1):
                if max(abs(dx), abs(dy)) != ring:
                    continue
                x, y = cx + dx * (width + step) / 2, cy + dy * (height + step) / 2
                if free(x, y):
                    return x, y
    right = max((c.x for c in components), default=cx)
    return right + width + 2 * step, cy


def _view_centre(window: QMainWindow) -> QPointF:
    views = [v for v in window.findChildren(QGraphicsView) if v.isVisible()] or window.findChildren(
        QGraphicsView
    )
    if not views:
        return QPointF(0.0, 0.0)
    view = max(views, key=lambda v: v.width() * v.height())
    return view.mapToScene(view.viewport().rect().center())


class CommandPalette(QDialog):
    """A popup: a line to type in, and the matching commands below it."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("CommandPalette")
        self.window_ = window
        self.actions_ = action_paths(window)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(self.tr("Type a command, or a kind and a name: db Orders, svc Payments"))
        self.list = QListWidget(self)
        layout.addWidget(self.line)
        layout.addWidget(self.list)
        self.line.textChanged.connect(self.refresh)
        self.line.returnPressed.connect(self.run_current)
        self.list.itemActivated.connect(lambda _item: self.run_current())
        self.line.installEventFilter(self)
        width = max(520, window.width() // 2)
        self.setFixedWidth(width)
        top_left = window.mapToGlobal(window.rect().topLeft())
        self.move(top_left.x() + (window.width() - width) // 2, top_left.y() + 60)
        self.refresh("")

    def refresh(self, text: str) -> None:
        self.list.clear()
        add = parse_add(text)
        if add is not None:
            item = QListWidgetItem(add.label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, add)
        scored = []
        for action, path in self.actions_.items():
            score = fuzzy_score(text, path)
            if score is not None and action.isVisible():
                scored.append((score, path, action))
        scored.sort(key=lambda t: (-t[0], t[1]))
        for _score, path, action in scored[:60]:
            shortcut = action.shortcut().toString(action.shortcut().SequenceFormat.NativeText)
            item = QListWidgetItem(f"{path}    {shortcut}".rstrip(), self.list)
            item.setData(Qt.ItemDataRole.UserRole, action)
            if not action.isEnabled():
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        self.list.setCurrentRow(0)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the matches (up to a dozen rows), so the canvas stays visible below."""
        rows = max(1, min(self.list.count(), VISIBLE_ROWS))
        row = self.list.sizeHintForRow(0) if self.list.count() else self.list.fontMetrics().height() + 4
        self.list.setFixedHeight(rows * row + 2 * self.list.frameWidth() + 2)
        self.list.setVisible(self.list.count() > 0)
        self.adjustSize()

    def run_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        target = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
        if isinstance(target, AddCommand):
            add_component(self.window_, target)
        elif isinstance(target, QAction) and target.isEnabled():
            target.trigger()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Up, Down and Page keys move in the list while the typing stays in the line."""
        if watched is self.line and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                QCoreApplication.sendEvent(self.list, event)
                return True
        return False


def run_palette_text(window: QMainWindow, text: str) -> str:
    """Do what Enter in the palette would do with ``text``; returns what was done."""
    add = parse_add(text)
    if add is not None:
        component_id = add_component(window, add)
        return f"{add.label} -> {component_id}" if component_id else f"{add.label} refused"
    best = max(
        ((fuzzy_score(text, path), action) for action, path in action_paths(window).items()),
        key=lambda t: -1_000_000 if t[0] is None else t[0],
        default=(None, None),
    )
    if best[0] is None or best[1] is None or not best[1].isEnabled():
        return f"no command matches {text!r}"
    best[1].trigger()
    return f"ran {_clean(best[1].text())}"


def show_palette(window: QMainWindow, parent: QWidget | None = None) -> CommandPalette:
    palette = CommandPalette(window)
    palette.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    palette.show()
    palette.line.setFocus()
    return palette
