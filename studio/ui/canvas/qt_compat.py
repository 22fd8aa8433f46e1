"""A guard against a reference-count bug in shiboken 6.12 (PySide6 6.12.0) on Python 3.11.

Every virtual call that shiboken dispatches for a Python subclass of ``QGraphicsItem``
(``setPos`` calling ``itemChange``, adding to a scene, ...) releases one reference to
``None`` that it never took. On Python 3.11 ``None`` is an ordinary counted object, so a
canvas with a few thousand items drives its count to zero and the interpreter aborts
("none_dealloc"), usually at exit. Python 3.12 made ``None`` immortal (PEP 683); here we
do the same by hand: a very large count that no session can use up.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40
_done = False


def keep_none_alive() -> None:
    """Give ``None`` a reference count that the leak cannot exhaust (no-op on 3.12+)."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    ctypes.c_ssize_t.from_address(id(None)).value += _HEADROOM
    _done = True
