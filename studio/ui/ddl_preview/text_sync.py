"""Replacing only the changed statements of a long script in a QTextDocument.

Setting the whole text of a 500-table script re-lays out and re-highlights every line;
replacing just the statements that differ keeps one edit within a frame.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

SEPARATOR = "\n\n"


def _utf16_len(text: str) -> int:
    """Qt positions count UTF-16 code units: a character beyond the BMP takes two."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def sync_text(document: QTextDocument, old: str, new: str, old_chunks: list[str] | None = None) -> list[str]:
    """Make ``document`` (which shows ``old``) show ``new``, editing only the changed middle.

    Returns ``new`` split into statements; pass it back as ``old_chunks`` next time to save
    splitting the old text again.
    """
    b = new.split(SEPARATOR)
    if old == new:
        return b
    if not old or not new:
        document.setPlainText(new)
        return b
    a = old_chunks if old_chunks is not None else old.split(SEPARATOR)
    prefix = 0
    limit = min(len(a), len(b))
    while prefix < limit and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    sep = len(SEPARATOR)
    start_chars = sum(map(len, a[:prefix])) + sep * prefix
    # After the last statement the separator is virtual: it counts but is not in ``old``.
    clipped = min(start_chars, len(old))
    start = _utf16_len(old[:clipped]) + start_chars - clipped
    old_mid, new_mid = a[prefix : len(a) - suffix], b[prefix : len(b) - suffix]
    old_len = _utf16_len(SEPARATOR.join(old_mid))
    text = SEPARATOR.join(new_mid)
    if old_mid and new_mid:
        lo, hi = start, start + old_len
    elif new_mid:  # statements inserted: the separator goes on the side that has a neighbour
        lo = hi = start - sep if prefix else 0
        text = SEPARATOR + text if prefix else text + SEPARATOR
    else:  # statements removed, with one separator
        lo, hi = (start - sep, start + old_len) if prefix else (0, old_len + sep)
    cursor = QTextCursor(document)
    cursor.setPosition(lo)
    cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text)
    return b
