"""Fixtures for the desktop-application tests: isolated settings, recovery folder and user dirs."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from studio.ui import autosave, settings

REPO = Path(__file__).resolve().parents[2]
#: QSettings on Linux: $XDG_CONFIG_HOME/<organisation>/<application>.conf (the names app.py sets).
SETTINGS_RELATIVE = Path("BackendArchitectStudio") / "Backend Architect Studio.conf"


@pytest.fixture
def user_dirs(tmp_path: Path) -> dict[str, str]:
    """An environment for a studio subprocess whose home, config and data are all temporary."""
    home = tmp_path / "home"
    for sub in ("config", "data", "cache", "runtime"):
        (home / sub).mkdir(parents=True)
    os.chmod(home / "runtime", 0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STUDIO_", "XDG_"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(REPO) + os.pathsep + env.get("PYTHONPATH", ""),
        PYTHONUNBUFFERED="1",
        LANG="C.UTF-8",
    )
    return env


def write_settings(env: dict[str, str], text: str) -> Path:
    path = Path(env["XDG_CONFIG_HOME"]) / SETTINGS_RELATIVE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def studio_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "studio", *args]


@pytest.fixture
def isolated_settings(tmp_path: Path) -> Iterator[settings.Settings]:
    """The process-wide settings, backed by a temporary INI file for this test."""
    store = QSettings(str(tmp_path / "settings.conf"), QSettings.Format.IniFormat)
    instance = settings.Settings(store)
    settings._instance = instance
    yield instance
    settings.reset_app_settings()


@pytest.fixture
def recovery_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "recovery"
    monkeypatch.setattr(autosave, "recovery_folder", lambda: folder)
    return folder
