"""PNG encoding of painted diagrams, several times faster than ``QImage.save``.

Qt's PNG writer runs libpng's adaptive row filters and zlib at level 6: about 6 s for the
31-megapixel drawing of a 1,000-component design. A diagram is mostly flat colour, which
zlib compresses well without filters, and at level 1 in a seventh of that time while
still yielding a smaller file than Qt's (no alpha channel for an opaque drawing). zlib
releases the GIL, so another writer's Python work proceeds meanwhile.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PySide6.QtGui import QImage

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Above this many pixels zlib runs at its fastest level (a few per cent larger files).
FAST_ABOVE_PIXELS = 4_000_000


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def encode_png(image: QImage, *, alpha: bool) -> bytes:
    """``image`` as PNG bytes: 8-bit RGB, or RGBA (straight alpha) when ``alpha``."""
    source = image.convertToFormat(QImage.Format.Format_RGBA8888 if alpha else QImage.Format.Format_RGB888)
    width, height, stride = source.width(), source.height(), source.bytesPerLine()
    row_bytes = width * (4 if alpha else 3)
    pixels = memoryview(source.constBits()).cast("B")
    # Each row starts with its filter type: 0, "none".
    rows = b"".join(b"\x00" + pixels[y * stride : y * stride + row_bytes].tobytes() for y in range(height))
    level = 1 if width * height > FAST_ABOVE_PIXELS else 6
    header = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
    return (
        _SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows, level))
        + _chunk(b"IEND", b"")
    )


def save_png(image: QImage, out: Path, *, alpha: bool) -> bool:
    """Write ``image`` to ``out`` as PNG; False when the file cannot be written."""
    try:
        Path(out).write_bytes(encode_png(image, alpha=alpha))
    except OSError:
        return False
    return True
