"""Take the README screenshots of the dark theme and workshop mode from a real window.

Run under a real X server (not offscreen), in a throw-away home so no user settings leak in::

    xvfb-run -a -s "-screen 0 1600x1000x24" python packaging/screenshots.py resources/screenshots
    xvfb-run -a -s "-screen 0 1600x1000x24" python packaging/screenshots.py resources/screenshots \
        --theme high-contrast --language ko --name high-contrast-ko.png --no-workshop

The studio starts as ``studio`` does (``prepare_application``, the window, the e-commerce
example); the screen is grabbed with ``QScreen.grabWindow`` so popups such as the command
palette are in the picture.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

home = Path(tempfile.mkdtemp(prefix="studio-shots-"))
os.environ.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
os.environ.pop("QT_QPA_PLATFORM", None)  # a real window on the X server

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from studio.io.gallery import load_template  # noqa: E402


def main(out: Path, theme: str, language: str, name: str, workshop_shot: bool) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Backend Architect Studio")
    app.setOrganizationName("BackendArchitectStudio")
    from studio.ui.desktop import prepare_application
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import app_settings

    app_settings().set("theme", theme)
    app_settings().set("language", language)
    prepare_application(app)
    window = MainWindow()
    window.session.load(load_template("ecommerce"), None)
    screen = app.primaryScreen().geometry()
    window.setGeometry(screen)
    window.show()

    def grab(name: str) -> None:
        pixmap = app.primaryScreen().grabWindow(0)
        path = out / name
        pixmap.save(str(path))
        print(f"wrote {path} ({path.stat().st_size // 1024} KB)")

    def workshop() -> None:
        window.workshop.enter()

    def palette() -> None:
        from studio.ui.command_palette import show_palette

        dialog = show_palette(window)
        dialog.line.setText("db Orders")

    def finish() -> None:
        window.workshop.leave()
        window.session.undo_stack.setClean()
        window.close()
        app.quit()

    def fit() -> None:
        from PySide6.QtGui import QAction

        from studio.ui.command_palette import run_palette_text

        fit = [a for a in window.findChildren(QAction) if a.shortcut().toString() == "Ctrl+1"]
        if fit:  # the canvas's Fit Drawing, found by its key so any language works
            fit[0].trigger()
        else:
            run_palette_text(window, "Fit Drawing")

    steps: list[tuple[int, object]] = [(2000, fit), (800, lambda: grab(name))]
    if workshop_shot:
        steps += [(500, workshop), (2000, palette), (1200, lambda: grab("workshop.png"))]
    steps.append((300, finish))
    delay = 0
    for wait, action in steps:
        delay += wait
        QTimer.singleShot(delay, action)  # type: ignore[arg-type]
    code = app.exec()
    window.session.close()
    return code


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="README screenshots from a real window")
    parser.add_argument("out", nargs="?", default="resources/screenshots", type=Path)
    parser.add_argument("--theme", default="dark", choices=["light", "dark", "high-contrast"])
    parser.add_argument("--language", default="en", choices=["en", "ko"])
    parser.add_argument("--name", default="dark.png", help="file name of the main-window shot")
    parser.add_argument("--no-workshop", action="store_true", help="skip workshop.png")
    args = parser.parse_args()
    raise SystemExit(main(args.out, args.theme, args.language, args.name, not args.no_workshop))
