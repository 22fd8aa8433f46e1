"""The service canvas: palette, scene, inspector, minimap and find, installed into the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget

if TYPE_CHECKING:
    from studio.ui.main_window import MainWindow


def install(window: MainWindow) -> None:
    """The canvas is the central widget; the palette and the inspector are docks."""
    from studio.ui.canvas.editor import CanvasEditor
    from studio.ui.canvas.export_dialog import export_diagram
    from studio.ui.canvas.inspector import Inspector
    from studio.ui.canvas.palette import Palette

    editor = CanvasEditor(window.session, window)
    window.canvas = editor  # type: ignore[attr-defined]  # other views (lint) reach the scene here
    window.setCentralWidget(editor.view)
    editor.status = lambda message: window.statusBar().showMessage(
        message, 6000
    )  # plain attribute, no signal

    palette = Palette()
    palette.add_requested.connect(editor.add_component)
    palette_dock = QDockWidget("Components", window)
    palette_dock.setObjectName("PaletteDock")
    palette_dock.setWidget(palette)
    window.add_dock(palette_dock, Qt.DockWidgetArea.LeftDockWidgetArea)

    inspector = Inspector(window.session)
    inspector.setMinimumWidth(260)
    inspector_dock = QDockWidget("Inspector", window)
    inspector_dock.setObjectName("InspectorDock")
    inspector_dock.setWidget(inspector)
    window.add_dock(inspector_dock, Qt.DockWidgetArea.RightDockWidgetArea)
    inspector.follow(editor.scene)
    editor.inspector = inspector  # type: ignore[attr-defined]
    editor.palette = palette  # type: ignore[attr-defined]

    a = editor.actions
    window.edit_menu.addSeparator()
    for key in ("cut", "copy", "paste", "duplicate", "delete", "select_all", "rename", "find"):
        window.edit_menu.addAction(a[key])
    window.view_menu.addSeparator()
    for key in ("zoom_in", "zoom_out", "zoom_100", "fit", "snap", "minimap"):
        window.view_menu.addAction(a[key])
    arrange = window.menuBar().addMenu("&Arrange")
    for key in ("align_left", "align_hcenter", "align_right", "align_top", "align_vcenter", "align_bottom"):
        arrange.addAction(a[key])
    arrange.addSeparator()
    arrange.addAction(a["distribute_x"])
    arrange.addAction(a["distribute_y"])
    arrange.addSeparator()
    arrange.addAction(a["group_context"])
    arrange.addAction(a["group_zone"])
    arrange.addSeparator()
    arrange.addAction(a["layout"])
    export = window.file_menu.addAction("Export &Diagram...")
    export.triggered.connect(
        lambda: export_diagram(window, window.session.design.document, sum(editor.scene.selected_ids(), []))
    )
    for section in ("components", "connections", "groups"):  # the outline's rows drawn on the canvas
        window.register_section(section, editor.view.setFocus)
    app = QCoreApplication.instance()
    if app is not None:  # the window shell does not tear views down; do it as the loop ends
        app.aboutToQuit.connect(editor.teardown)
    editor.view.setFocus()
