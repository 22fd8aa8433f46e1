"""The views the main window installs, in order.

Each entry is ``"module:function"``; the function takes the main window and adds its
central widget, docks, menus or actions. One line per view keeps the window shell free of
knowledge about any editor.
"""

from __future__ import annotations

VIEW_INSTALLERS: list[str] = [
    "studio.ui.canvas:install",  # service canvas (central), component palette and inspector docks
    "studio.ui.desktop:install",  # settings, theme, autosave, workshop, palette
    "studio.ui.schema.install:install",  # schema dock, DDL preview with Problems
    "studio.ui.api.dock:install",  # API dock: endpoints by service, problems, GraphQL SDL, OpenAPI preview
    "studio.ui.sections.dock:install",  # Sections dock: overview ... performance targets
    "studio.ui.config.panel:install",  # Agent config panel (.agentconfig.json)
    "studio.ui.export_dialog:install",  # File > Export Design Pack
    "studio.ui.import_sql:install",  # File > Import SQL...
]
