"""Replacing only the changed statements of a long script in a QTextDocument.

Setting the whole text of a 500-table script re-lays out and re-highlights every line;
replacing just the statements that differ keeps one edit within a frame.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

SEPARATOR = "\n\n"


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def sync_text(document: QTextDocument, old: str, new: str) -> None:
    """Make ``document`` (which shows ``old``) show ``new``, editing only the changed middle."""
    if old == new:
        return
    if not old or not new:
        document.setPlainText(new)
        return
    a, b = old.split(SEPARATOR), new.split(SEPARATOR)
    prefix = 0
    limit = min(len(a), len(b))
    while prefix < limit and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    start = sum(_utf16_len(chunk) + len(SEPARATOR) for chunk in a[:prefix])
    old_mid, new_mid = a[prefix : len(a) - suffix], b[prefix : len(b) - suffix]
    old_len = _utf16_len(SEPARATOR.join(old_mid))
    text = SEPARATOR.join(new_mid)
    sep = len(SEPARATOR)
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
