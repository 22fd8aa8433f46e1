"""Loading and saving design files: versioned, canonical JSON, atomic writes, clear errors.

The canonical form is the model's field order, two-space indentation, UTF-8 without
escaping, and a final newline, so two versions of a design diff cleanly in git and a
load followed by a save reproduces a canonical file byte for byte.

Loading takes a fast path for the common case (a valid file of the current version:
pydantic parses and validates the bytes in one pass) and falls back to a careful path
that migrates older versions and explains exactly what and where a problem is.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from studio.io import migrations
from studio.io.atomic import write_atomic
from studio.model import FORMAT_NAME, FORMAT_VERSION, DesignDocument, document_problems

#: Designs are small text files; anything bigger is refused before it is parsed.
MAX_FILE_BYTES = 32 * 1024 * 1024
#: Deeper than any design needs, shallow enough to stay far from recursion limits.
MAX_DEPTH = 64


class DesignFileError(Exception):
    """A design file that cannot be read, with the file and the place inside it."""

    def __init__(self, source: str, where: str, problem: str) -> None:
        self.source, self.where, self.problem = source, where, problem
        super().__init__(f"{source}: {where}: {problem}" if where else f"{source}: {problem}")


@contextmanager
def _no_gc() -> Iterator[None]:
    """Building ~20k objects triggers collections that only scan them; skip those."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def dumps(document: DesignDocument) -> str:
    """The canonical text of a design (what :func:`save_design` writes)."""
    return document.model_dump_json(indent=2, by_alias=True) + "\n"


def loads(text: str | bytes, source: str = "<design>") -> DesignDocument:
    """Parse, migrate and validate a design; raise :class:`DesignFileError` on any problem."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if len(data) > MAX_FILE_BYTES:
        raise DesignFileError(source, "", _too_big(len(data)))
    try:
        with _no_gc():
            document = DesignDocument.model_validate_json(data, strict=True)
    except ValueError:
        document = None
    if document is None or document.version != FORMAT_VERSION:
        document = _careful_load(data, source)
    problems = document_problems(document)
    if problems:
        raise DesignFileError(source, problems[0].where, _with_more(problems[0].what, len(problems)))
    return document


def _careful_load(data: bytes, source: str) -> DesignDocument:
    """The slow path: find the first problem and name its place, or migrate an old file."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DesignFileError(source, f"line {line}", f"not UTF-8 text (byte {exc.start})") from None
    text = text.removeprefix("\ufeff")
    try:
        raw = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise DesignFileError(
            source, f"line {exc.lineno} column {exc.colno}", f"not valid JSON: {exc.msg}"
        ) from None
    except RecursionError:
        raise DesignFileError(source, "", f"nested too deeply (more than {MAX_DEPTH} levels)") from None
    except ValueError as exc:
        raise DesignFileError(source, "", str(exc)) from None
    depth_path = _too_deep(raw)
    if depth_path is not None:
        depth_path = depth_path if len(depth_path) <= 60 else depth_path[:57] + "..."
        raise DesignFileError(source, depth_path, f"nested too deeply (more than {MAX_DEPTH} levels)")
    return from_raw(raw, source)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"not valid JSON: {name} is not a number JSON allows")


def from_raw(raw: Any, source: str) -> DesignDocument:
    """Check the header, migrate an older version, then validate strictly."""
    if not isinstance(raw, dict):
        raise DesignFileError(source, "", "a design file holds a JSON object")
    if raw.get("format") != FORMAT_NAME:
        raise DesignFileError(source, "format", f'not a design file (expected "format": "{FORMAT_NAME}")')
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DesignFileError(
            source, "version", f"a positive whole number is required, found {json.dumps(version)}"
        )
    if version > FORMAT_VERSION:
        raise DesignFileError(
            source,
            "version",
            f"written by a newer studio (format version {version}; this one reads up to {FORMAT_VERSION})",
        )
    if version < FORMAT_VERSION:
        try:
            raw = migrations.migrate(raw, version, FORMAT_VERSION)
        except migrations.MigrationError as exc:
            raise DesignFileError(source, "version", str(exc)) from None
    try:
        with _no_gc():
            # Through JSON text so that strict mode judges values as the file holds them.
            return DesignDocument.model_validate_json(json.dumps(raw), strict=True)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        raise DesignFileError(
            source, format_location(first["loc"]), _with_more(_problem(first), exc.error_count())
        ) from None


def _problem(error: Any) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown field (not part of a design file; misspelt?)"
    message = str(error["msg"])
    message = message[:1].lower() + message[1:]
    if error["type"] not in ("missing", "extra_forbidden") and not isinstance(
        error.get("input"), (dict, list)
    ):
        found = json.dumps(error.get("input"), ensure_ascii=False)
        message += f" (found {found[:40] + '...' if len(found) > 40 else found})"
    return message


def _with_more(problem: str, count: int) -> str:
    if count <= 1:
        return problem
    return f"{problem} (and {count - 1} more problem{'s' if count > 2 else ''})"


def _too_big(size: int) -> str:
    return f"file is {size / 2**20:.1f} MiB, more than the {MAX_FILE_BYTES // 2**20} MiB a design may have"


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
    """Read a design file; never writes to it, whatever its content."""
    source = Path(path)
    try:
        size = source.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DesignFileError(source.name, "", _too_big(size))
        data = source.read_bytes()
    except FileNotFoundError:
        raise DesignFileError(str(source), "", "no such file") from None
    except IsADirectoryError:
        raise DesignFileError(str(source), "", "is a folder, not a design file") from None
    except PermissionError:
        raise DesignFileError(str(source), "", "permission denied") from None
    except OSError as exc:
        raise DesignFileError(str(source), "", exc.strerror or str(exc)) from None
    return loads(data, source.name)


def save_design(document: DesignDocument, path: str | os.PathLike[str]) -> None:
    """Write the canonical form atomically; on failure the old file is left as it was."""
    write_atomic(path, dumps(document).encode("utf-8"))


def is_canonical(data: bytes, source: str = "<design>") -> bool:
    return dumps(loads(data, source)).encode("utf-8") == data
