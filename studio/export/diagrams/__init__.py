"""Diagram painting shared by the canvas (ui) and headless file rendering (export).

QtGui and QtSvg only, never QtWidgets: a QPainter drawing function per element, called by
canvas items on screen and by :func:`render_system` onto SVG, PNG and PDF devices.
"""

from studio.export.diagrams.image_file import RenderError
from studio.export.diagrams.system_edges import ConnectionLook, edge_points, paint_connection, parallel_offset
from studio.export.diagrams.system_groups import GroupLook, paint_group
from studio.export.diagrams.system_nodes import ComponentLook, icon_renderer, paint_component, shape_path
from studio.export.diagrams.system_render import ensure_gui, render_system
from studio.export.diagrams.system_style import DARK, KIND_COLORS, LIGHT, NODE_HEIGHT, NODE_WIDTH, Theme

__all__ = [
    "DARK",
    "KIND_COLORS",
    "LIGHT",
    "NODE_HEIGHT",
    "NODE_WIDTH",
    "ComponentLook",
    "ConnectionLook",
    "GroupLook",
    "RenderError",
    "Theme",
    "edge_points",
    "ensure_gui",
    "icon_renderer",
    "paint_component",
    "paint_connection",
    "paint_group",
    "parallel_offset",
    "render_system",
    "shape_path",
]
