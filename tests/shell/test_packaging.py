"""The wheel ships the package data, and an installed (non-editable) studio works from any folder.

Both tests build a real wheel with pip; the second installs it with its dependencies into a
fresh venv (no system site-packages), which needs the package registry (about a minute
with a warm pip cache).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)], out)
    assert result.returncode == 0, result.stderr[-2000:]
    (built,) = out.glob("backend_architect_studio-*.whl")
    return built


def test_wheel_contains_resources_templates_and_the_script(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "studio/resources/gallery/ecommerce.json" in names
    assert "studio/resources/gallery/migration.json" in names
    assert any(n.startswith("studio/templates/") and n.endswith(".j2") for n in names)
    assert "studio/cli.py" in names and "studio/__main__.py" in names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "studio = studio.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)


def test_installed_wheel_runs_new_validate_fmt_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    assert _run([sys.executable, "-m", "venv", str(venv)], tmp_path).returncode == 0
    install = _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], tmp_path)
    assert install.returncode == 0, install.stderr[-2000:]
    elsewhere = tmp_path / "designs"
    elsewhere.mkdir()
    studio = str(venv / "bin" / "studio")
    for args in (
        ["new", "--template", "ecommerce", "-o", "shop.json"],
        ["validate", "shop.json"],
        ["fmt", "--check", "shop.json"],
    ):
        result = _run([studio, *args], elsewhere, timeout=120)
        assert result.returncode == 0, f"studio {' '.join(args)}: {result.stderr}"
    where = _run(
        [str(venv / "bin" / "python"), "-c", "import studio.resources as r; print(r.resources_dir())"],
        elsewhere,
    )
    assert where.stdout.strip().startswith(str(venv)), where.stdout  # the installed copy, not the checkout
