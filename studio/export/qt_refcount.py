"""A guard against PySide6 6.12.0 on Python 3.11 draining ``None``'s reference count.

That PySide6 build returns ``None`` from every void method without taking a reference
(correct only on Python 3.12+, where ``None`` is immortal), so each ``painter.drawLine()``
lowers ``None``'s count by one; a large diagram makes about 10^5 such calls and the
interpreter aborts with "none_dealloc". Painting a pack first gives ``None`` a count that
no run can exhaust, which is what Python 3.12 does for every immortal object.
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40
_done = False


def protect_none() -> None:
    """Raise ``None``'s reference count once per process (no-op on Python 3.12+)."""
    global _done
    if _done or sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return
    _done = True
    # ob_refcnt is the first field of every object in a release build of CPython.
    ctypes.c_ssize_t.from_address(id(None)).value += _RESERVE
