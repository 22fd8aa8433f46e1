"""``studio new``, ``validate`` and ``fmt``: exit codes 0/1/2, one-line errors, failed files untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio import __version__
from studio.cli import main
from studio.io.design_file import dumps, load_design
from studio.io.gallery import load_template


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / "shop.json"
    path.write_text(dumps(load_template("ecommerce")), encoding="utf-8")
    return path


def test_new_validate_fmt_check_succeed_on_a_template(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "new.json"
    assert _run(capsys, "new", "--template", "migration", "-o", str(out)) == (0, "", "")
    assert _run(capsys, "validate", str(out)) == (0, "", "")
    assert _run(capsys, "fmt", "--check", str(out)) == (0, "", "")
    assert load_design(out) == load_template("migration")


def test_new_refuses_to_overwrite_and_unknown_templates(
    capsys: pytest.CaptureFixture[str], shop: Path
) -> None:
    before = shop.read_bytes()
    code, _, err = _run(capsys, "new", "--template", "blank", "-o", str(shop))
    assert code == 2 and "already exists" in err and err.count("\n") == 1
    assert shop.read_bytes() == before
    code, _, err = _run(capsys, "new", "--template", "nope", "-o", str(shop.with_name("x.json")))
    assert code == 2 and "invalid choice" in err


def test_validate_reports_each_bad_file_on_one_line(
    capsys: pytest.CaptureFixture[str], shop: Path, tmp_path: Path
) -> None:
    raw = json.loads(shop.read_text())
    del raw["schema"]["tables"][2]["columns"][0]["type"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(raw))
    before = bad.read_bytes()
    code, out, err = _run(capsys, "validate", str(shop), str(bad), str(tmp_path / "gone.json"))
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[0] == "studio: bad.json: schema.tables[2].columns[0].type: field required"
    assert lines[1].endswith("gone.json: no such file") and len(lines) == 2
    assert bad.read_bytes() == before


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "validate")
    assert code == 2 and "the following arguments are required" in err
    code, _, err = _run(capsys, "fmt", "--bogus", "x.json")
    assert code == 2 and err.count("\n") == 1


def test_fmt_check_finds_a_non_canonical_file_and_fmt_fixes_it(
    capsys: pytest.CaptureFixture[str], shop: Path
) -> None:
    compact = json.dumps(json.loads(shop.read_text()))
    shop.write_text(compact)
    mtime = shop.stat().st_mtime_ns
    code, _, err = _run(capsys, "fmt", "--check", str(shop))
    assert code == 1 and "not in canonical form" in err
    assert shop.read_text() == compact and shop.stat().st_mtime_ns == mtime
    assert _run(capsys, "fmt", str(shop)) == (0, "", "")
    assert shop.read_text() == dumps(load_template("ecommerce"))
    assert _run(capsys, "fmt", "--check", str(shop)) == (0, "", "")


def test_fmt_leaves_an_invalid_file_alone(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"format": "backend-architect-studio", "version": 9}')
    before = bad.read_bytes()
    code, _, err = _run(capsys, "fmt", str(bad))
    assert code == 1 and "newer studio" in err and err.count("\n") == 1
    assert bad.read_bytes() == before


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--version")
    assert code == 0 and out.strip() == f"studio {__version__}"
