"""The editors of the document's sections, each a page built from the generic pieces.

A page is a short declaration: scalar fields through the :class:`FormBinder`, lists through
:class:`TableEditor` column specs, master-detail where an item owns a list of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio.export.i18n import DOCUMENT_LANGUAGES
from studio.model import (
    KNOWN_ARCHITECTURE_STYLES,
    KNOWN_VALUES,
    CacheLayer,
    Consideration,
    Decision,
    MetricGroup,
    Milestone,
    Path,
    PerformanceTarget,
    RateLimit,
    ScalingPhase,
    StackItem,
    Task,
    new_id,
)
from studio.ui.sections.binder import FormBinder
from studio.ui.sections.columns import ColumnSpec
from studio.ui.sections.component_checklist import ComponentChecklist
from studio.ui.sections.table_editor import TableEditor
from studio.ui.session import DocumentSession

TEXT_ITEM = [ColumnSpec(None, "Text")]


@dataclass
class SectionPage:
    """A built page; ``editors`` names its parts so tests and the outline can reach them."""

    widget: QWidget
    binder: FormBinder
    editors: dict[str, QWidget]


def _page(parent: QWidget | None) -> tuple[QWidget, QVBoxLayout]:
    page = QWidget(parent)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(6, 6, 6, 6)
    return page, layout


def _text_list(
    session: DocumentSession, path: tuple[str, ...] | None, title: str, parent: QWidget
) -> TableEditor:
    editor = TableEditor(
        session, path, [ColumnSpec(None, title)], lambda: f"New {title.lower().rstrip('s')}", title, parent
    )
    editor.view.horizontalHeader().hide()
    return editor


Detail = tuple[str, QWidget, Callable[[Path | None], None]]


def _master_detail(master: TableEditor, list_path: Path, details: list[Detail]) -> QSplitter:
    """Master table above; beside each other below, the lists owned by its current item.

    Each detail is (field of the item, widget, how to point the widget at a path).
    """
    splitter = QSplitter(Qt.Orientation.Vertical, master.parentWidget())
    splitter.addWidget(master)
    lower = QSplitter(Qt.Orientation.Horizontal, splitter)
    for _, widget, _ in details:
        lower.addWidget(widget)
    splitter.addWidget(lower)

    def follow(item_id: object) -> None:
        for field, _, set_path in details:
            set_path((*list_path, str(item_id), field) if item_id is not None else None)

    def first_if_none() -> None:  # after a new document, show the first item's lists
        if master.current_id() is None and master.model.rowCount():
            master.select_row(0)

    master.current_changed.connect(follow)
    master.model.modelReset.connect(first_if_none)
    first_if_none()
    follow(master.current_id())
    return splitter


def overview(session: DocumentSession, parent: QWidget | None = None) -> SectionPage:
    page, layout = _page(parent)
    binder = FormBinder(session, (), page)
    form = QFormLayout()
    title = binder.line_edit(("overview", "title"), page)
    summary = binder.text_edit(("overview", "summary"), page)
    launch = binder.spin(("overview", "users_at_launch"), page, suffix=" users")
    target = binder.spin(("overview", "users_target"), page, suffix=" users")
    language = binder.choice(("language",), [(name, code) for code, name in DOCUMENT_LANGUAGES.items()], page)
    language.setToolTip(
        "The language of the exported document's headings and labels (Markdown, HTML, PDF),"
        " kept with this design. The interface language is set in Preferences."
    )
    form.addRow("Title", title)
    form.addRow("Summary", summary)
    form.addRow("Users at launch", launch)
    form.addRow("Users targeted", target)
    form.addRow("Document language", language)
    summary.setMaximumHeight(160)
    layout.addLayout(form)
    layout.addStretch(1)
    editors: dict[str, QWidget] = {
        "title": title,
        "summary": summary,
        "users_at_launch": launch,
        "users_target": target,
        "language": language,
    }
    return SectionPage(page, binder, editors)


def architecture(session: DocumentSession, parent: QWidget | None = None) -> SectionPage:
    page, layout = _page(parent)
    binder = FormBinder(session, (), page)
    form = QFormLayout()
    style = binder.combo(("architecture", "style"), KNOWN_ARCHITECTURE_STYLES, page)
    form.addRow("Architecture style", style)
    layout.addLayout(form)
    rationale = _text_list(session, ("architecture", "rationale"), "Rationale", page)
    layout.addWidget(rationale)
    return SectionPage(page, binder, {"style": style, "rationale": rationale})


def caching(session: DocumentSession, parent: QWidget | None = None) -> SectionPage:
    page, layout = _page(parent)
    binder = FormBinder(session, (), page)
    form = QFormLayout()
    technology = binder.combo(("caching", "technology"), ("Redis 7", "Memcached", "CDN", "In-process"), page)
    pattern = binder.text_edit(("caching", "pattern"), page)
    pattern.setMaximumHeight(70)
    form.addRow("Technology", technology)
    form.addRow("Pattern", pattern)
    layout.addLayout(form)
    layers = TableEditor(
        session,
        ("caching", "layers"),
        [
            ColumnSpec("name", "Layer", width=150),
            ColumnSpec("key_pattern", "Key pattern", width=150),
            ColumnSpec("ttl_seconds", "TTL (s)", "int", tooltip="Time to live in seconds"),
            ColumnSpec("purpose", "Purpose"),
        ],
        lambda: CacheLayer(id=new_id("cache"), name="New cache"),
        "Cache layers",
        page,
    )
    layout.addWidget(layers)
    return SectionPage(page, binder, {"technology": technology, "pattern": pattern, "layers": layers})


def scaling(session: DocumentSession, parent: QWidget | None = None) -> SectionPage:
    page, layout = _page(parent)
    phases = TableEditor(
        session,
        ("scaling_phases",),
        [ColumnSpec("name", "Phase", width=200), ColumnSpec("user_threshold", "From users", "int")],
        lambda: ScalingPhase(id=new_id("phase"), name="New phase"),
        "Scaling phases",
        page,
    )
    actions = _text_list(session, None, "Actions", page)
    adds = QGroupBox("Components this phase adds", page)
    checklist = ComponentChecklist(session, None, adds)
    QVBoxLayout(adds).addWidget(checklist)
    details: list[Detail] = [
        ("actions", actions, actions.set_path),
        ("adds_components", adds, checklist.set_path),
    ]
    layout.addWidget(_master_detail(phases, ("scaling_phases",), details))
    return SectionPage(
        page,
        FormBinder(session, (), page),
        {"phases": phases, "actions": actions, "adds_components": checklist},
    )


def security(session: DocumentSession, parent: QWidget | None = None) -> SectionPage:
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    page, layout = _page(scroll)
    binder = FormBinder(session, (), page)
    form = QFormLayout()
    s = ("security",)
    auth = binder.combo((*s, "auth_kind"), KNOWN_VALUES["authentication"], page)
    access = binder.spin((*s, "access_token_minutes"), page, suffix=" min")
    refresh = binder.spin((*s, "refresh_token_days"), page, suffix=" days")
    size = binder.double_spin((*s, "request_size_limit_mb"), page, suffix=" MB")
    credentials = binder.check((*s, "cors", "credentials"), "Allow credentials", page)
    for label, widget in (
        ("Authentication", auth),
        ("Access token lifetime", access),
        ("Refresh token lifetime", refresh),
        ("Request size limit", size),
        ("CORS", credentials),
    ):
        form.addRow(label, widget)
    layout.addLayout(form)
    claims = _text_list(session, (*s, "token_claims"), "Token claims", page)
    limits = TableEditor(
        session,
        (*s, "rate_limits"),
        [
            ColumnSpec(
                "role",
                "Role",
                "choice",
                (("anonymous", "anonymous"), ("authenticated", "authenticated"), ("admin", "admin")),
                free_text=True,
                width=140,
            ),
            ColumnSpec("requests", "Requests", "int"),
            ColumnSpec(
                "per",
                "Per",
                "choice",
                tuple((p, p) for p in ("second", "minute", "hour", "day")),
                free_text=True,
            ),
        ],
        lambda: RateLimit(id=new_id("rl"), role="role", requests=100),
        "Rate limits per role",
        page,
    )
    origins = _text_list(session, (*s, "cors", "origins"), "CORS origins", page)
    methods = _text_list(session, (*s, "cors", "methods"), "CORS methods", page)
    protections = _text_list(session, (*s, "protections"), "Protections", page)
    for row in ((claims, protections), (limits,), (origins, methods)):
        line = QHBoxLayout()
        for editor in row:
            editor.setMinimumHeight(160)
            line.addWidget(editor)
        layout.addLayout(line)
    scroll.setWidget(page)
    editors: dict[str, QWidget] = {
        "auth_kind": auth,
        "access_token_minutes": access,
        "refresh_token_days": refresh,
        "request_size_limit_mb": size,
        "credentials": credentials,
        "token_claims": claims,
        "rate_limits": limits,
        "origins": origins,
        "methods": methods,
        "protections": protections,
    }
    return SectionPage(scroll, binder, editors)


def monitoring(session: DocumentSession, parent: QWidget | None = None) -> SectionPage:
    page, layout = _page(parent)
    groups = TableEditor(
        session,
        ("monitoring",),
        [ColumnSpec("name", "Metric group")],
        lambda: MetricGroup(id=new_id("mon"), name="New group"),
        "Metric groups",
        page,
    )
    metrics = _text_list(session, None, "Metrics", page)
    layout.addWidget(_master_detail(groups, ("monitoring",), [("metrics", metrics, metrics.set_path)]))
    return SectionPage(page, FormBinder(session, (), page), {"groups": groups, "metrics": metrics})


def stack(session: DocumentSession, parent: QWidget | None = None) -> SectionPage:
    page, layout = _page(parent)
    items = TableEditor(
        session,
        ("stack",),
        [
            ColumnSpec("layer", "Layer", width=160),
            ColumnSpec("choice", "Choice", width=200),
            ColumnSpec("alternatives", "Alternatives", "list", tooltip="Comma separated"),
        ],
        lambda: StackItem(id=new_id("stk"), layer="Layer", choice="Choice"),
        "Technology stack",
        page,
    )
    layout.addWidget(items)
    return SectionPage(page, FormBinder(session, (), page), {"stack": items})


def roadmap(session: DocumentSession, parent: QWidget | None = None) -> SectionPage:
    page, layout = _page(parent)
    milestones = TableEditor(
        session,
        ("roadmap",),
        [
            ColumnSpec("name", "Milestone", width=220),
            ColumnSpec("start_week", "From week", "int"),
            ColumnSpec("end_week", "To week", "int"),
        ],
        lambda: Milestone(id=new_id("ms"), name="New milestone"),
        "Milestones",
        page,
    )
    tasks = TableEditor(
        session,
        None,
        [ColumnSpec("done", "Done", "bool"), ColumnSpec("title", "Task")],
        lambda: Task(id=new_id("task"), title="New task"),
        "Tasks",
        page,
    )
    layout.addWidget(_master_detail(milestones, ("roadmap",), [("tasks", tasks, tasks.set_path)]))
    warning = QLabel(page)
    warning.setWordWrap(True)
    warning.setTextFormat(Qt.TextFormat.PlainText)
    warning.setStyleSheet("color: #b71c1c")
    layout.addWidget(warning)

    def check_weeks(*_: object) -> None:  # a week range the wrong way round is a typo worth showing
        wrong = [m for m in session.design.document.roadmap if m.end_week < m.start_week]
        warning.setText(
            "\n".join(
                f"{m.name}: ends in week {m.end_week}, before it starts (week {m.start_week})" for m in wrong
            )
        )
        warning.setVisible(bool(wrong))

    milestones.model.dataChanged.connect(check_weeks)
    milestones.model.modelReset.connect(check_weeks)
    check_weeks()
    return SectionPage(page, FormBinder(session, (), page), {"milestones": milestones, "tasks": tasks})


def decisions(session: DocumentSession, parent: QWidget | None = None) -> SectionPage:
    page, layout = _page(parent)
    items = TableEditor(
        session,
        ("decisions",),
        [ColumnSpec("title", "Decision", width=200), ColumnSpec("rationale", "Why")],
        lambda: Decision(id=new_id("dec"), title="New decision"),
        "Key decisions",
        page,
    )
    layout.addWidget(items)
    return SectionPage(page, FormBinder(session, (), page), {"decisions": items})


def considerations(session: DocumentSession, parent: QWidget | None = None) -> SectionPage:
    page, layout = _page(parent)
    items = TableEditor(
        session,
        ("considerations",),
        [ColumnSpec("title", "Consideration", width=200), ColumnSpec("detail", "Detail")],
        lambda: Consideration(id=new_id("con"), title="New consideration"),
        "Considerations",
        page,
    )
    layout.addWidget(items)
    return SectionPage(page, FormBinder(session, (), page), {"considerations": items})


def performance(session: DocumentSession, parent: QWidget | None = None) -> SectionPage:
    page, layout = _page(parent)
    items = TableEditor(
        session,
        ("performance_targets",),
        [ColumnSpec("metric", "Metric", width=220), ColumnSpec("target", "Target")],
        lambda: PerformanceTarget(id=new_id("perf"), metric="Metric", target="Target"),
        "Performance targets",
        page,
    )
    layout.addWidget(items)
    hint = QLabel(
        "Targets such as p95 latency, throughput per instance, database queries/s, cache hit rate.", page
    )
    hint.setWordWrap(True)
    layout.addWidget(hint)
    return SectionPage(page, FormBinder(session, (), page), {"targets": items})


#: name -> (title, builder), in the order of the design document.
SECTIONS: dict[str, tuple[str, Callable[[DocumentSession, QWidget | None], SectionPage]]] = {
    "overview": ("Overview", overview),
    "architecture": ("Architecture style", architecture),
    "caching": ("Caching", caching),
    "scaling": ("Scaling phases", scaling),
    "security": ("Security", security),
    "monitoring": ("Monitoring", monitoring),
    "stack": ("Technology stack", stack),
    "roadmap": ("Roadmap", roadmap),
    "decisions": ("Key decisions", decisions),
    "considerations": ("Considerations", considerations),
    "performance": ("Performance targets", performance),
}
