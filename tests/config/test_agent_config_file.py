"""Merging the studio's section into ``.agentconfig.json`` changes only the edited values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.io.agent_config_file import (
    AgentConfigFileError,
    merge_section_text,
    parse_agent_config,
    read_agent_config,
    write_agent_config,
)
from studio.model import AgentConfig

RICH = (
    "{\n"
    '    "frontend-architect": {"framework": "react", "nested": {"a": [1, 2.50, {"b": null}]}},\n'
    '    "backend-architect": {\n'
    '        "architectureStyle": "modular-monolith",\n'
    '        "database": "postgresql",\n'
    '        "note": "naïve café ☕ \\u00e9 日本語",\n'
    '        "preferredFramework": "express",\n'
    '        "x-team": {"owners": ["ана", "李"], "deep": {"level": {"n": 1e3}}},\n'
    '        "caching": "redis",\n'
    '        "authentication": "jwt",\n'
    '        "documentation": "openapi"\n'
    "    },\n"
    '    "devops-architect": {"ci": "github-actions", "regions": ["eu-west-1"]}\n'
    "}\n"
)


def test_only_edited_values_change_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / ".agentconfig.json"
    path.write_bytes(RICH.encode("utf-8"))
    config = read_agent_config(path).section
    assert config is not None and config.database == "postgresql"
    section = config.section()
    section["database"] = "mysql"
    section["architectureStyle"] = "microservices"
    assert write_agent_config(path, section)
    expected = RICH.replace('"database": "postgresql"', '"database": "mysql"').replace(
        '"architectureStyle": "modular-monolith"', '"architectureStyle": "microservices"'
    )
    assert path.read_bytes() == expected.encode("utf-8")
    # Unknown keys came through the model unchanged and stay where they were.
    assert json.loads(path.read_text("utf-8"))["backend-architect"]["x-team"]["deep"] == {
        "level": {"n": 1000.0}
    }


def test_unchanged_section_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / ".agentconfig.json"
    path.write_bytes(RICH.encode("utf-8"))
    stat = path.stat()
    assert not write_agent_config(path, read_agent_config(path).section.section())  # type: ignore[union-attr]
    assert path.read_bytes() == RICH.encode("utf-8") and path.stat().st_mtime_ns == stat.st_mtime_ns


def test_crlf_bom_and_ascii_escapes_are_kept() -> None:
    text = (
        '\ufeff{\r\n\t"other": "\\u00e9",\r\n\t"backend-architect": {\r\n\t\t"database": "sqlite"\r\n\t}\r\n}'
    )
    section = AgentConfig(database="mysql", caching="memcached").section()
    out = merge_section_text(text, section)
    assert out.startswith(
        '\ufeff{\r\n\t"other": "\\u00e9",\r\n\t"backend-architect": {\r\n\t\t"database": "mysql",\r\n'
    )
    assert '\r\n\t\t"caching": "memcached",\r\n' in out and "\n\t}\r\n}" in out
    assert json.loads(out[1:])["backend-architect"]["caching"] == "memcached"
    assert all(ord(ch) < 128 for ch in out[1:])  # the file's ASCII-only style is kept


@pytest.mark.parametrize(
    "text",
    ['{"a": 1}', '{\n  "a": {"x": [1, 2]}\n}\n', "{}", '{\n    "backend-architect": {}\n}\n'],
)
def test_absent_or_empty_section_is_inserted(text: str) -> None:
    section = AgentConfig(database="sqlserver").section()
    out = merge_section_text(text, section)
    data = json.loads(out)
    assert data["backend-architect"] == section
    for key, value in json.loads(text).items():
        if key != "backend-architect":
            assert data[key] == value
    head = text.rstrip().rstrip("}")
    if "backend-architect" not in text and text != "{}":
        assert out.startswith(head.rstrip())  # the existing members are untouched


def test_missing_keys_are_appended_in_order_and_file_only_keys_kept() -> None:
    text = '{\n  "backend-architect": {\n    "legacy": true,\n    "database": "x"\n  }\n}\n'
    out = merge_section_text(text, AgentConfig().section())
    data = json.loads(out)["backend-architect"]
    assert list(data) == [
        "legacy",
        "database",
        "preferredFramework",
        "caching",
        "authentication",
        "documentation",
        "architectureStyle",
    ]
    assert data["legacy"] is True and data["database"] == "postgresql"
    assert out.startswith(
        '{\n  "backend-architect": {\n    "legacy": true,\n    "database": "postgresql",\n    "pre'
    )


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ('{\n  "a": 1,\n}', 3, 1, "not valid JSON"),
        ("[1, 2]", 1, 1, "must hold a JSON object"),
        ('{\n  "backend-architect": "jwt"\n}', 2, 24, "must be an object"),
        ('{"backend-architect": {\n  "database": 5}}', 2, 15, "backend-architect.database"),
    ],
)
def test_malformed_file_is_reported_and_never_written(
    tmp_path: Path, text: str, line: int, column: int, words: str
) -> None:
    path = tmp_path / ".agentconfig.json"
    path.write_text(text, "utf-8")
    with pytest.raises(AgentConfigFileError) as info:
        write_agent_config(path, AgentConfig().section())
    assert (info.value.line, info.value.column) == (line, column)
    assert words in str(info.value) and f"line {line} column {column}" in str(info.value)
    assert path.read_text("utf-8") == text
    assert [p.name for p in tmp_path.iterdir()] == [".agentconfig.json"]  # no temporary left over


def test_not_utf8_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_bytes(b'{"a": "\xff"}')
    with pytest.raises(AgentConfigFileError, match="not UTF-8"):
        parse_agent_config(path.read_bytes())
    with pytest.raises(AgentConfigFileError, match="no such file"):
        read_agent_config(tmp_path / "missing.json")


def test_new_file_is_created(tmp_path: Path) -> None:
    path = tmp_path / ".agentconfig.json"
    assert write_agent_config(path, AgentConfig(database="mysql").section())
    assert json.loads(path.read_text("utf-8"))["backend-architect"]["database"] == "mysql"


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=6),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)
_value = st.sampled_from(["postgresql", "mysql", 'ünï"code\\', "日本", ""])


@settings(max_examples=60, deadline=None)
@given(
    others=st.dictionaries(st.text(max_size=8).filter(lambda k: k != "backend-architect"), _json, max_size=4),
    existing=st.dictionaries(
        st.sampled_from(["database", "caching", "x-extra", "documentation"]), _value, max_size=4
    ),
    new=st.dictionaries(
        st.sampled_from(["database", "caching", "authentication", "x-extra"]), _value, max_size=4
    ),
    indent=st.sampled_from([None, 2, 4, "\t"]),
    ascii_only=st.booleans(),
    section_first=st.booleans(),
)
def test_merge_keeps_everything_outside_the_changed_values(
    others: dict,
    existing: dict,
    new: dict,
    indent: object,
    ascii_only: bool,
    section_first: bool,  # type: ignore[type-arg]
) -> None:
    items = list(others.items())
    items.insert(0 if section_first else len(items), ("backend-architect", existing))
    text = json.dumps(dict(items), indent=indent, ensure_ascii=ascii_only)  # type: ignore[arg-type]
    out = merge_section_text(text, new)
    data = json.loads(out)
    assert data["backend-architect"] == {**existing, **new}
    assert list(data) == [k for k, _ in items] and all(data[k] == v for k, v in others.items())
    assert list(data["backend-architect"])[: len(existing)] == list(existing)  # the file's key order first
    section_at = text.index('"backend-architect"')
    assert out[:section_at] == text[:section_at]  # everything before the section is untouched
    tail = text[text.index("}", section_at) + 1 :] if not existing else None
    if tail is not None:
        assert out.endswith(tail)
    if all(existing.get(k) == v for k, v in new.items()):
        assert out == text  # nothing changed: not one byte rewritten


def test_a_symlinked_config_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "agentconfig.json"
    real.parent.mkdir()
    real.write_text('{"backend-architect": {"database": "mysql"}}', "utf-8")
    link = tmp_path / ".agentconfig.json"
    link.symlink_to(real)
    assert write_agent_config(link, {"database": "sqlite"})
    assert link.is_symlink() and real.read_text("utf-8") == '{"backend-architect": {"database": "sqlite"}}'
