"""Layered (Sugiyama-style) auto-layout of the system diagram. No Qt.

``layout_system(document)`` returns new positions for components and frames for groups;
the canvas turns them into one undoable batch. Graphviz ``dot`` is used where installed
(``engine="auto"``), otherwise the pure-Python layered engine in :mod:`studio.layout.layered`.
"""

from studio.layout.crossings import count_crossings
from studio.layout.layered import LayeredLayout, layered_positions
from studio.layout.system import GroupFrame, SystemLayout, layout_system

__all__ = [
    "GroupFrame",
    "LayeredLayout",
    "SystemLayout",
    "count_crossings",
    "layered_positions",
    "layout_system",
]
