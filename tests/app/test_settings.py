"""Settings survive a restart of the process, and damaged settings fall back to defaults with a message."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from studio.ui.settings import Settings, StudioSettings
from tests.app.conftest import SETTINGS_RELATIVE, studio_command, write_settings

#: One start of the studio's window machinery as app.py does it, driven by a mode argument:
#: "write" changes settings and the window size through the UI objects, then closes cleanly;
#: "read" prints what a fresh process finds.
DRIVER = r"""
import json, sys
from PySide6.QtWidgets import QApplication, QDockWidget
app = QApplication([])
app.setApplicationName("Backend Architect Studio")
app.setOrganizationName("BackendArchitectStudio")
from studio.ui.main_window import MainWindow
from studio.ui.settings import app_settings
settings = app_settings()
window = MainWindow()
window.open_initial(None)
if sys.argv[1] == "write":
    for name, value in json.loads(sys.argv[2]).items():
        settings.set(name, value)
    window.show()
    hint = window.minimumSizeHint()  # the docks decide how small the window can be
    window.resize(hint.width() + 37, hint.height() + 23)
    docks = sorted(d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible())
    if docks:
        window.findChild(QDockWidget, docks[0]).hide()
    app.processEvents()
    print(json.dumps([[window.width(), window.height()], docks[:1]]))
    window.close()
    app.processEvents()
else:
    window.show()
    app.processEvents()
    values = settings.values.model_dump()
    values["window_size"] = [window.width(), window.height()]
    hidden = [d.objectName() for d in window.findChildren(QDockWidget) if not d.isVisible()]
    values["hidden_docks"] = sorted(hidden)
    values["problems"] = settings.problems
    print(json.dumps(values))
    window.session.undo_stack.setClean()
    window.close()
window.session.close()
"""


def _drive(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, *args], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result


def test_settings_survive_a_restart(user_dirs: dict[str, str], tmp_path: Path) -> None:
    chosen = {
        "theme": "dark",
        "language": "ko",
        "autosave_interval_s": 45,
        "grid_size": 40,
        "snap_to_grid": True,
        "last_template": "migration",
        "default_export_folder": user_dirs["HOME"],
    }
    # Offscreen's default screen is 800x800, smaller than the window: Qt would clamp the
    # restored geometry to it. A bigger virtual screen lets the size round-trip.
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps({"screens": [{"name": "wall", "x": 0, "y": 0, "width": 2560, "height": 1600}]})
    )
    user_dirs = {**user_dirs, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
    output = _drive(user_dirs, "write", json.dumps(chosen)).stdout.strip().splitlines()[-1]
    size, hidden = json.loads(output)
    assert size != [1400, 900]  # the window's default size, so a restored size is visible
    assert (Path(user_dirs["XDG_CONFIG_HOME"]) / SETTINGS_RELATIVE).is_file()
    found = json.loads(_drive(user_dirs, "read").stdout.strip().splitlines()[-1])
    assert {k: found[k] for k in chosen} == chosen
    assert found["window_size"] == size
    assert set(hidden) <= set(found["hidden_docks"])  # the dock layout came back too
    assert found["problems"] == []


def test_invalid_values_fall_back_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "s.conf"
    path.write_text(
        "[appearance]\ntheme=purple\n[autosave]\ninterval_s=-5\n[canvas]\ngrid_size=32\nsnap_to_grid=false\n",
        encoding="utf-8",
    )
    settings = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    defaults = StudioSettings()
    assert settings.get("theme") == defaults.theme
    assert settings.get("autosave_interval_s") == defaults.autosave_interval_s
    assert settings.get("grid_size") == 32 and settings.get("snap_to_grid") is False  # the good ones stay
    assert len(settings.problems) == 2
    assert any("appearance/theme" in p and "'purple'" in p for p in settings.problems)
    assert any("autosave/interval_s" in p for p in settings.problems)


def test_setting_an_invalid_value_is_refused(tmp_path: Path) -> None:
    settings = Settings(QSettings(str(tmp_path / "s.conf"), QSettings.Format.IniFormat))
    with pytest.raises(ValueError, match="grid_size"):
        settings.set("grid_size", 1)
    with pytest.raises(ValueError, match="theme"):
        settings.set("theme", "neon")
    assert settings.get("grid_size") == 20


def test_studio_starts_with_damaged_settings_and_says_so(user_dirs: dict[str, str]) -> None:
    path = write_settings(user_dirs, "[appearance\ntheme=dark\n[window]\ngeometry=@ByteArray(\x01\x02)\n")
    result = subprocess.run(
        studio_command("--quit-after-ms", "300"), env=user_dirs, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "could not be read; defaults are used" in result.stderr
    assert "Traceback" not in result.stderr
    damaged = path.with_name(path.name + ".damaged")
    assert damaged.read_text(encoding="utf-8").startswith("[appearance\n")
    # The next start finds a clean file: no message.
    again = subprocess.run(
        studio_command("--quit-after-ms", "300"), env=user_dirs, capture_output=True, text=True, timeout=60
    )
    assert (
        again.returncode == 0 and "defaults are used" not in again.stderr and "not valid" not in again.stderr
    )


def test_studio_reports_an_invalid_value_and_uses_the_default(user_dirs: dict[str, str]) -> None:
    write_settings(user_dirs, "[autosave]\ninterval_s=soon\n[appearance]\ntheme=high-contrast\n")
    result = subprocess.run(
        studio_command("--quit-after-ms", "300"), env=user_dirs, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "autosave/interval_s = 'soon' is not valid" in result.stderr
    assert "using the default 30" in result.stderr
