"""Bad design files: one clear line naming the file and the place, and the file left untouched."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from studio.io.design_file import DesignFileError, dumps, load_design
from studio.model import DesignDocument

Mutation = Callable[[dict[str, Any]], Any]


def _without_column_type(raw: dict[str, Any]) -> dict[str, Any]:
    del raw["schema"]["tables"][2]["columns"][0]["type"]
    return raw


def _set(path: tuple[Any, ...], value: Any) -> Mutation:
    def mutate(raw: dict[str, Any]) -> dict[str, Any]:
        node = raw
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
        return raw

    return mutate


def _duplicate_table(raw: dict[str, Any]) -> dict[str, Any]:
    raw["schema"]["tables"].append(dict(raw["schema"]["tables"][0]))
    return raw


CASES: list[tuple[str, Mutation, str]] = [
    ("missing field", _without_column_type, "shop.json: schema.tables[2].columns[0].type: field required"),
    (
        "string for a number",
        _set(("components", 1, "instances"), "3"),
        'shop.json: components[1].instances: input should be a valid integer (found "3")',
    ),
    ("object for a list", _set(("components",), {}), "shop.json: components: input should be a valid"),
    (
        "unknown kind",
        _set(("components", 0, "kind"), "spaceship"),
        "shop.json: components[0].kind: input should be",
    ),
    ("unknown field", _set(("overview", "titel"), "x"), "shop.json: overview.titel: unknown field"),
    (
        "negative count",
        _set(("overview", "users_target"), -5),
        "shop.json: overview.users_target: input should be greater",
    ),
    (
        "unknown version",
        _set(("version",), "one"),
        'shop.json: version: a positive whole number is required, found "one"',
    ),
    (
        "zero version",
        _set(("version",), 0),
        "shop.json: version: a positive whole number is required, found 0",
    ),
    (
        "newer version",
        _set(("version",), 99),
        "shop.json: version: written by a newer studio (format version 99",
    ),
    ("other format", _set(("format",), "drawio"), 'shop.json: format: not a design file (expected "format"'),
    (
        "dangling connection",
        _set(("connections", 2, "target"), "cmp-gone"),
        "shop.json: connections[2].target: no component 'cmp-gone'",
    ),
    (
        "duplicate id",
        _duplicate_table,
        "shop.json: schema.tables[{tables}].id: duplicate id 'tbl-categories' (also schema.tables[0])",
    ),
]


def _write(tmp_path: Path, data: bytes) -> tuple[Path, bytes, int]:
    path = tmp_path / "shop.json"
    path.write_bytes(data)
    return path, data, path.stat().st_mtime_ns


def _assert_refused(path: Path, data: bytes, mtime: int, expected: str) -> str:
    with pytest.raises(DesignFileError) as caught:
        load_design(path)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith(expected), message
    assert path.read_bytes() == data and path.stat().st_mtime_ns == mtime
    return message


@pytest.mark.parametrize(("mutate", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_wrong_content_is_named_by_its_place(
    tmp_path: Path, ecommerce: DesignDocument, mutate: Mutation, expected: str
) -> None:
    raw = json.loads(dumps(ecommerce))
    expected = expected.format(tables=len(raw["schema"]["tables"]))
    path, data, mtime = _write(tmp_path, json.dumps(mutate(raw), indent=2).encode())
    _assert_refused(path, data, mtime, expected)


def test_truncated_file(tmp_path: Path, ecommerce: DesignDocument) -> None:
    text = dumps(ecommerce).encode()
    path, data, mtime = _write(tmp_path, text[: len(text) // 3])
    message = _assert_refused(path, data, mtime, "shop.json: line ")
    assert "not valid JSON" in message


def test_non_utf8_file(tmp_path: Path, ecommerce: DesignDocument) -> None:
    text = dumps(ecommerce).encode()
    cut = text.index(b"E-commerce")
    path, data, mtime = _write(tmp_path, text[:cut] + "Café".encode("latin-1") + text[cut:])
    line = text[:cut].count(b"\n") + 1
    _assert_refused(path, data, mtime, f"shop.json: line {line}: not UTF-8 text")


def test_fifty_megabyte_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "shop.json"
    with path.open("wb") as handle:
        handle.write(b'{"format": "backend-architect-studio", "version": 1, "overview": {"summary": "')
        handle.write(b"x" * (50 * 2**20))
        handle.write(b'"}}')
    data, mtime = path.read_bytes(), path.stat().st_mtime_ns
    message = _assert_refused(path, data, mtime, "shop.json: file is 50.0 MiB")
    assert "32 MiB" in message


@pytest.mark.parametrize("depth", [70, 100_000])
def test_deeply_nested_file(tmp_path: Path, depth: int) -> None:
    nested = "[" * depth + "]" * depth
    text = f'{{"format": "backend-architect-studio", "version": 1, "overview": {{"summary": {nested}}}}}'
    path, data, mtime = _write(tmp_path, text.encode())
    message = _assert_refused(path, data, mtime, "shop.json: ")
    assert "nested too deeply" in message and len(message) < 200


@pytest.mark.parametrize("content", [b"", b"[]", b"null", b'{"x": NaN}', b"\x00\x01"])
def test_not_a_design_at_all(tmp_path: Path, content: bytes) -> None:
    path, data, mtime = _write(tmp_path, content)
    _assert_refused(path, data, mtime, "shop.json: ")


def test_nan_in_a_number_field(tmp_path: Path, ecommerce: DesignDocument) -> None:
    text = dumps(ecommerce).replace('"x": 0.0', '"x": NaN', 1).encode()
    path, data, mtime = _write(tmp_path, text)
    _assert_refused(path, data, mtime, "shop.json: not valid JSON: NaN")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DesignFileError, match="no such file"):
        load_design(tmp_path / "nope.json")
    with pytest.raises(DesignFileError, match="is a folder"):
        load_design(tmp_path)
