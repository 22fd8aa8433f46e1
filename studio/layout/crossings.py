"""Counting edge crossings of a drawing, the measure the layout is judged by."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

Point = tuple[float, float]


def _orient(a: Point, b: Point, c: Point) -> float:
    return (c[1] - a[1]) * (b[0] - a[0]) - (b[1] - a[1]) * (c[0] - a[0])


def count_crossings(centres: Mapping[str, Point], edges: Iterable[tuple[str, str]]) -> int:
    """Proper crossings of straight edges drawn between node centres.

    Edges sharing an end never count, so the same measure applies to any layout engine.
    A bounding-box test keeps the quadratic loop cheap enough for a few thousand edges.
    """
    segs = []
    for a, b in edges:
        if a == b:
            continue
        p, q = centres[a], centres[b]
        segs.append((p, q, a, b, min(p[0], q[0]), max(p[0], q[0]), min(p[1], q[1]), max(p[1], q[1])))
    segs.sort(key=lambda s: s[4])
    total = 0
    for i, (p1, p2, a1, b1, _x0, x1, y0, y1) in enumerate(segs):
        for q1, q2, a2, b2, u0, _u1, v0, v1 in segs[i + 1 :]:
            if u0 > x1:
                break
            if v0 > y1 or v1 < y0 or a2 in (a1, b1) or b2 in (a1, b1):
                continue
            d1, d2 = _orient(p1, p2, q1), _orient(p1, p2, q2)
            if d1 * d2 >= 0:
                continue
            if _orient(q1, q2, p1) * _orient(q1, q2, p2) < 0:
                total += 1
    return total
