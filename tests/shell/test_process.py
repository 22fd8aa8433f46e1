"""The studio as a process: it starts, shows a design, quits and exits cleanly (no crash at exit)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from studio.io.design_file import save_design
from studio.io.gallery import load_template

ROOT = Path(__file__).resolve().parents[2]
CRASH_SIGNS = (
    "Traceback",
    "Fatal Python error",
    "Segmentation fault",
    "none_dealloc",
    "Aborted",
    "QObject::",
)


def _run_studio(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
        PYTHONFAULTHANDLER="1",
    )
    return subprocess.run(
        [sys.executable, "-m", "studio", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("template", ["ecommerce", "migration"])
def test_opens_a_design_and_exits_cleanly(tmp_path: Path, template: str) -> None:
    path = tmp_path / f"{template}.json"
    save_design(load_template(template), path)
    before = path.read_bytes()
    result = _run_studio(tmp_path, str(path), "--quit-after-ms", "300")
    assert result.returncode == 0, result.stderr
    assert not any(sign in result.stderr for sign in CRASH_SIGNS), result.stderr
    assert path.read_bytes() == before


def test_a_broken_file_at_start_up_is_reported_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "backend-architect-studio", "version": 1, "components": 3}')
    result = _run_studio(tmp_path, str(bad), "--quit-after-ms", "500")
    assert result.returncode == 0, result.stderr
    assert not any(sign in result.stderr for sign in CRASH_SIGNS), result.stderr


def test_usage_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    result = _run_studio(tmp_path, "--no-such-flag")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
