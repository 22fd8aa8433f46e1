"""Reading ``.agentconfig.json`` and merging the studio's section back into it.

The file belongs to the user and to other assistants: saving must change the values of
the ``backend-architect`` section that really changed and leave every other byte alone
(other sections, unknown and nested keys, unicode and its escapes, key order, indentation,
line endings). So the merge edits the text, not a re-serialised object: the JSON is parsed
once to learn where each value of the two levels that matter starts and ends, then only
those spans are replaced. A malformed file is reported with its line and column and is
never written.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from studio.io.atomic import write_atomic
from studio.model import SECTION_KEY, AgentConfig

#: Config files are small; anything bigger is refused before it is parsed.
MAX_FILE_BYTES = 4 * 1024 * 1024
_WS = " \t\r\n"
_DECODER = json.JSONDecoder()


class AgentConfigFileError(Exception):
    """A config file that cannot be read or merged, with the place of the problem."""

    def __init__(self, source: str, problem: str, line: int = 0, column: int = 0) -> None:
        self.source, self.problem, self.line, self.column = source, problem, line, column
        where = f"line {line} column {column}: " if line else ""
        super().__init__(f"{source}: {where}{problem}")


@dataclass
class Member:
    """One ``"key": value`` of an object, with the offsets of its key and value text."""

    key: str
    key_start: int
    value_start: int
    value_end: int
    value: Any


@dataclass
class ObjectSpan:
    start: int  # offset of '{'
    end: int  # offset just after '}'
    members: list[Member] = field(default_factory=list)

    def member(self, key: str) -> Member | None:
        """The member JSON parsers keep: the last one with that key."""
        found = [m for m in self.members if m.key == key]
        return found[-1] if found else None


@dataclass
class AgentConfigFile:
    """A parsed config file: its text, its data and the studio's section (if any)."""

    text: str
    data: dict[str, Any]
    section: AgentConfig | None
    bom: str = ""


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WS:
        i += 1
    return i


def scan_object(text: str, start: int) -> ObjectSpan:
    """The members of the JSON object at ``start``; the text must already be valid JSON."""
    assert text[start] == "{"
    span = ObjectSpan(start, start)
    i = _skip_ws(text, start + 1)
    if text[i] == "}":
        span.end = i + 1
        return span
    while True:
        key_start = i
        key, i = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
        i = _skip_ws(text, i)
        i = _skip_ws(text, i + 1)  # past ':'
        value, end = _DECODER.raw_decode(text, i)
        span.members.append(Member(key, key_start, i, end, value))
        i = _skip_ws(text, end)
        if text[i] == "}":
            span.end = i + 1
            return span
        i = _skip_ws(text, i + 1)  # past ','


def _decode(data: bytes, source: str) -> tuple[str, str]:
    if len(data) > MAX_FILE_BYTES:
        raise AgentConfigFileError(source, f"file is {len(data) / 1e6:.1f} MB, too big for a config file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise AgentConfigFileError(source, f"not UTF-8 text (byte {exc.start})", line, 1) from None
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    return bom, text[len(bom) :]


def parse_agent_config(data: bytes | str, source: str = ".agentconfig.json") -> AgentConfigFile:
    """Parse a config file; raise :class:`AgentConfigFileError` naming line and column."""
    bom, text = _decode(data, source) if isinstance(data, bytes) else ("", data)
    if isinstance(data, str) and text.startswith("\ufeff"):
        bom, text = "\ufeff", text[1:]
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AgentConfigFileError(source, f"not valid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise AgentConfigFileError(source, "nested too deeply") from None
    if not isinstance(raw, dict):
        line, col = _position(text, _skip_ws(text, 0))
        raise AgentConfigFileError(source, "the file must hold a JSON object", line, col)
    top = scan_object(text, _skip_ws(text, 0))
    member = top.member(SECTION_KEY)
    section: AgentConfig | None = None
    if member is not None:
        if not isinstance(member.value, dict):
            line, col = _position(text, member.value_start)
            raise AgentConfigFileError(source, f'"{SECTION_KEY}" must be an object', line, col)
        try:
            section = AgentConfig.model_validate(member.value)
        except ValidationError as exc:
            first = exc.errors()[0]
            key = str(first["loc"][0]) if first["loc"] else ""
            inner = scan_object(text, member.value_start).member(key)
            line, col = _position(text, inner.value_start if inner else member.value_start)
            raise AgentConfigFileError(
                source, f'"{SECTION_KEY}.{key}": {first["msg"].lower()}', line, col
            ) from None
    return AgentConfigFile(text, raw, section, bom)


def read_agent_config(path: str | os.PathLike[str]) -> AgentConfigFile:
    source = Path(path)
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise AgentConfigFileError(str(source), "no such file") from None
    except IsADirectoryError:
        raise AgentConfigFileError(str(source), "is a folder, not a config file") from None
    except PermissionError:
        raise AgentConfigFileError(str(source), "permission denied") from None
    return parse_agent_config(data, str(source))


# -- merging ------------------------------------------------------------------------------
def _same(a: Any, b: Any) -> bool:
    """Equal as JSON (``True`` is not ``1``, ``1.0`` is not ``1``)."""
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def _line_indent(text: str, offset: int) -> str:
    """The whitespace that starts the line holding ``offset``."""
    line_start = text.rfind("\n", 0, offset) + 1
    j = line_start
    while j < len(text) and text[j] in " \t":
        j += 1
    return text[line_start:j]


def _dump(value: Any, indent_unit: str, base: str, newline: str, ascii_only: bool) -> str:
    """``value`` as JSON in the file's style, its inner lines starting with ``base``."""
    if not indent_unit:
        return json.dumps(value, ensure_ascii=ascii_only, separators=(", ", ": "))
    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent_unit)
    return text.replace("\n", newline + base)


@dataclass
class _Style:
    newline: str
    unit: str  # one level of indentation ("" for a one-line file)
    ascii_only: bool


def _style(text: str, top: ObjectSpan) -> _Style:
    newline = "\r\n" if "\r\n" in text else "\n"
    unit = "  "
    if top.members:
        first = top.members[0].key_start
        between = text[top.start + 1 : first]
        unit = between.rsplit("\n", 1)[1] if "\n" in between else ""
    ascii_only = "\\u" in text and all(ord(ch) < 128 for ch in text)
    return _Style(newline, unit, ascii_only)


def _inline(text: str, obj: ObjectSpan) -> bool:
    """True for an object written on one line (``{"a": 1, "b": 2}``)."""
    return bool(obj.members) and "\n" not in text[obj.start : obj.members[0].key_start]


def _insert_members(text: str, obj: ObjectSpan, items: dict[str, Any], style: _Style) -> tuple[int, int, str]:
    """The edit that appends ``items`` to the object ``obj`` in the file's own layout."""
    unit = "" if _inline(text, obj) else style.unit
    if obj.members:
        indent = _line_indent(text, obj.members[0].key_start) if unit else ""
    else:
        indent = _line_indent(text, obj.start) + unit if unit else ""
    parts = [
        json.dumps(k, ensure_ascii=style.ascii_only)
        + ": "
        + _dump(v, unit, indent, style.newline, style.ascii_only)
        for k, v in items.items()
    ]
    sep = f",{style.newline}{indent}" if unit else ", "
    if obj.members:
        end = obj.members[-1].value_end
        return end, end, sep + sep.join(parts)
    if not unit:
        return obj.start, obj.end, "{" + sep.join(parts) + "}"
    outer = _line_indent(text, obj.start)
    return obj.start, obj.end, f"{{{style.newline}{indent}{sep.join(parts)}{style.newline}{outer}}}"


def merge_section_text(text: str, section: dict[str, Any], source: str = ".agentconfig.json") -> str:
    """``text`` with the studio's section merged in, every other byte kept.

    Keys of ``section`` whose values differ replace only their value's text; keys the file
    lacks are appended to the section; keys only the file has are kept. If the file has no
    section it is appended to the top-level object in the file's own indentation.
    """
    parsed = parse_agent_config(text, source)
    body = parsed.text
    top = scan_object(body, _skip_ws(body, 0))
    style = _style(body, top)
    edits: list[tuple[int, int, str]] = []
    member = top.member(SECTION_KEY)
    if member is None:
        edits.append(_insert_members(body, top, {SECTION_KEY: section}, style))
    else:
        obj = scan_object(body, member.value_start)
        for key, value in section.items():
            existing = obj.member(key)
            if existing is not None and not _same(existing.value, value):
                unit = "" if _inline(body, obj) else style.unit
                indent = _line_indent(body, existing.key_start) if unit else ""
                new = _dump(value, unit, indent, style.newline, style.ascii_only)
                edits.append((existing.value_start, existing.value_end, new))
        missing = {k: v for k, v in section.items() if obj.member(k) is None}
        if missing:
            edits.append(_insert_members(body, obj, missing, style))
    for start, end, new in sorted(edits, key=lambda e: e[0], reverse=True):
        body = body[:start] + new + body[end:]
    return parsed.bom + body


def new_config_text(section: dict[str, Any]) -> str:
    """A fresh ``.agentconfig.json`` holding only the studio's section."""
    return json.dumps({SECTION_KEY: section}, indent=2, ensure_ascii=False) + "\n"


def merged_config_text(path: str | os.PathLike[str], section: dict[str, Any]) -> str:
    """What saving ``section`` into ``path`` would write (a new file if there is none)."""
    target = Path(path)
    if not target.exists():
        return new_config_text(section)
    data = target.read_bytes() if target.is_file() else b""
    if not target.is_file():
        raise AgentConfigFileError(str(target), "is a folder, not a config file")
    bom, text = _decode(data, str(target))
    return merge_section_text(bom + text, section, str(target))


def write_agent_config(path: str | os.PathLike[str], section: dict[str, Any]) -> bool:
    """Merge ``section`` into ``path`` atomically; False if nothing needed to change.

    Raises :class:`AgentConfigFileError` (file untouched) if the existing file is malformed.
    """
    target = Path(path)
    if target.is_symlink():  # update the file the link points at; the link stays a link
        target = target.resolve()
    new = merged_config_text(target, section)
    if target.is_file() and target.read_bytes() == new.encode("utf-8"):
        return False
    write_atomic(target, new.encode("utf-8"))
    return True
