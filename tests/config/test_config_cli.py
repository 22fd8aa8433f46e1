"""``studio config FILE [--write PATH]``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.cli import main
from studio.io.design_file import save_design
from studio.io.gallery import load_template


@pytest.fixture
def design_file(tmp_path: Path) -> Path:
    document = load_template("ecommerce")
    document.agent_config.database = "mysql"
    path = tmp_path / "shop.json"
    save_design(document, path)
    return path


def test_prints_config_json(design_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", str(design_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["backend-architect"]["database"] == "mysql"
    assert list(data["backend-architect"])[:2] == ["preferredFramework", "database"]


def test_write_merges_into_existing_file(design_file: Path, tmp_path: Path) -> None:
    target = tmp_path / ".agentconfig.json"
    original = (
        '{\n  "devops-architect": {"ci": "gitlab"},\n'
        '  "backend-architect": {"database": "postgresql", "x": 1}\n}\n'
    )
    target.write_text(original, "utf-8")
    assert main(["config", str(design_file), "--write", str(target)]) == 0
    text = target.read_text("utf-8")
    assert text.startswith(
        '{\n  "devops-architect": {"ci": "gitlab"},\n  "backend-architect": {"database": "mysql", "x": 1, '
    )
    assert json.loads(text)["backend-architect"]["architectureStyle"] == "modular-monolith"


def test_malformed_target_is_one_line_error(
    design_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / ".agentconfig.json"
    target.write_text('{"a": }', "utf-8")
    assert main(["config", str(design_file), "--write", str(target)]) == 1
    err = capsys.readouterr().err
    assert "line 1 column 7" in err and "nothing written" in err and "Traceback" not in err
    assert target.read_text("utf-8") == '{"a": }'


def test_bad_design_and_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", str(tmp_path / "nope.json")]) == 1
    assert "no such file" in capsys.readouterr().err
    assert main(["config"]) == 2
