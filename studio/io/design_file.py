"""Loading and saving design files: versioned, canonical JSON, atomic writes, clear errors.

The canonical form is the model's field order, two-space indentation, UTF-8 without
escaping, and a final newline, so two versions of a design diff cleanly in git and a
load followed by a save reproduces a canonical file byte for byte.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from studio.io.atomic import write_atomic
from studio.io.migrations import migrate
from studio.model import FORMAT_NAME, FORMAT_VERSION, DesignDocument

#: Designs are small text files; anything bigger is refused before it is parsed.
MAX_FILE_BYTES = 32 * 1024 * 1024
#: Deeper than any design needs, shallow enough to stay far from recursion limits.
MAX_DEPTH = 64


class DesignFileError(Exception):
    """A design file that cannot be read, with the file and the place inside it."""

    def __init__(self, source: str, where: str, problem: str) -> None:
        self.source, self.where, self.problem = source, where, problem
        super().__init__(f"{source}: {where}: {problem}" if where else f"{source}: {problem}")


def dumps(document: DesignDocument) -> str:
    data = document.model_dump(mode="json", by_alias=True)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def loads(text: str | bytes, source: str = "<design>") -> DesignDocument:
    """Parse, migrate and validate a design; raise :class:`DesignFileError` on any problem."""
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise DesignFileError(source, "", f"file is {len(text) / 1e6:.1f} MB, more than the {MAX_FILE_BYTES // 2**20} MiB a design may have")
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = text[: exc.start].count(b"\n") + 1
            raise DesignFileError(source, f"line {line}", f"not UTF-8 text (byte {exc.start})") from None
    text = text.removeprefix("\ufeff")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DesignFileError(source, f"line {exc.lineno} column {exc.colno}", f"not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise DesignFileError(source, "", f"nested too deeply (more than {MAX_DEPTH} levels)") from None
    depth_path = _too_deep(raw)
    if depth_path is not None:
        raise DesignFileError(source, depth_path, f"nested too deeply (more than {MAX_DEPTH} levels)")
    return from_raw(raw, source)


def from_raw(raw: Any, source: str) -> DesignDocument:
    if not isinstance(raw, dict):
        raise DesignFileError(source, "", "a design file holds a JSON object")
    if raw.get("format") != FORMAT_NAME:
        raise DesignFileError(source, "format", f'not a design file (expected "format": "{FORMAT_NAME}")')
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DesignFileError(source, "version", f"a positive whole number is required, found {version!r}")
    if version > FORMAT_VERSION:
        raise DesignFileError(
            source, "version",
            f"written by a newer studio (format version {version}; this one reads up to {FORMAT_VERSION})",
        )
    if version < FORMAT_VERSION:
        try:
            raw = migrate(raw, version, FORMAT_VERSION)
        except KeyError as exc:
            raise DesignFileError(source, "version", f"no migration from version {exc.args[0]}") from None
    try:
        return DesignDocument.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise DesignFileError(source, format_location(first["loc"]), first["msg"].lower() + more) from None


def format_location(loc: tuple[Any, ...]) -> str:
    """``('schema', 'tables', 2, 'columns', 0, 'type')`` -> ``schema.tables[2].columns[0].type``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _too_deep(raw: Any) -> str | None:
    stack: list[tuple[Any, int, str]] = [(raw, 0, "")]
    while stack:
        node, depth, where = stack.pop()
        if depth > MAX_DEPTH:
            return where
        if isinstance(node, dict):
            stack.extend((v, depth + 1, f"{where}.{k}" if where else str(k)) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, depth + 1, f"{where}[{i}]") for i, v in enumerate(node))
    return None


def load_design(path: str | os.PathLike[str]) -> DesignDocument:
    source = Path(path)
    name = source.name
    try:
        size = source.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DesignFileError(name, "", f"file is {size / 1e6:.1f} MB, more than the {MAX_FILE_BYTES // 2**20} MiB a design may have")
        data = source.read_bytes()
    except FileNotFoundError:
        raise DesignFileError(str(source), "", "no such file") from None
    except IsADirectoryError:
        raise DesignFileError(str(source), "", "is a folder, not a design file") from None
    except PermissionError:
        raise DesignFileError(str(source), "", "permission denied") from None
    return loads(data, name)


def save_design(document: DesignDocument, path: str | os.PathLike[str]) -> None:
    """Write the canonical form atomically; on failure the old file is left as it was."""
    write_atomic(path, dumps(document).encode("utf-8"))


def is_canonical(data: bytes, source: str = "<design>") -> bool:
    return dumps(loads(data, source)).encode("utf-8") == data
