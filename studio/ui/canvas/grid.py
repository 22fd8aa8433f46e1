"""A coarse grid of component rectangles: which components lie near a point, in O(1).

Connection labels ask it for free space while the scene is built and while nodes are
dragged; Qt's own index would be rebuilt on each such query.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF

CELL = 400.0
Cell = tuple[int, int]


def cells(rect: QRectF) -> list[Cell]:
    return [
        (i, j)
        for i in range(int(rect.left() // CELL), int(rect.right() // CELL) + 1)
        for j in range(int(rect.top() // CELL), int(rect.bottom() // CELL) + 1)
    ]


class ComponentGrid:
    def __init__(self) -> None:
        self._grid: dict[Cell, set[str]] = {}
        self._cells_of: dict[str, list[Cell]] = {}
        self._rect_of: dict[str, tuple[float, float, float, float]] = {}

    def clear(self) -> None:
        self._grid.clear()
        self._cells_of.clear()
        self._rect_of.clear()

    def place(self, component_id: str, rect: QRectF | None) -> None:
        """Record where a component is now (None: it is gone)."""
        for cell in self._cells_of.pop(component_id, ()):
            self._grid[cell].discard(component_id)
        self._rect_of.pop(component_id, None)
        if rect is None:
            return
        self._rect_of[component_id] = (rect.left(), rect.top(), rect.right(), rect.bottom())
        where = cells(rect)
        self._cells_of[component_id] = where
        for cell in where:
            self._grid.setdefault(cell, set()).add(component_id)

    def hits(self, box: QRectF) -> bool:
        """Does ``box`` overlap any component?"""
        bx0, by0, bx1, by1 = box.left(), box.top(), box.right(), box.bottom()
        for cell in cells(box):
            for cid in self._grid.get(cell, ()):
                x0, y0, x1, y1 = self._rect_of[cid]
                if x0 < bx1 and bx0 < x1 and y0 < by1 and by0 < y1:
                    return True
        return False
