"""Headless rendering: the same drawing code writes SVG, PNG and PDF files."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from studio.cli import main
from studio.export.diagrams import RenderError, render_system
from studio.io.design_file import save_design

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def design_file(tmp_path: Path, ecommerce) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "shop.json"
    save_design(ecommerce, path)
    return path


def _svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()  # a real XML parser: escaping must be right
    return ["".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")]


def test_svg_holds_every_component_name_as_text(qapp, design_file: Path, ecommerce, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "system.svg"
    assert main(["render", str(design_file), "-o", str(out)]) == 0
    texts = _svg_texts(out)
    for component in ecommerce.components:
        assert component.name in texts, component.name
    assert "Web & mobile clients" in texts  # an ampersand survives as text, escaped in the XML
    assert "Modular monolith" in texts and "static assets" in texts


def test_png_has_the_requested_scale(qapp, design_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    one, three = tmp_path / "one.png", tmp_path / "three.png"
    assert main(["render", str(design_file), "-o", str(one)]) == 0
    assert main(["render", str(design_file), "-o", str(three), "--scale", "3", "--transparent"]) == 0
    a, b = QImage(str(one)), QImage(str(three))
    assert not a.isNull() and not b.isNull()
    assert (abs(b.width() - 3 * a.width()) <= 1, abs(b.height() - 3 * a.height()) <= 1) == (True, True)
    assert a.pixelColor(2, 2).alpha() == 255 and b.pixelColor(2, 2).alpha() == 0
    # The drawing spans the design: 12 components laid out over about 1,400 x 800 units.
    assert 1300 < a.width() < 1700 and 700 < a.height() < 1000


def test_pdf_and_selection(qapp, ecommerce, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "part.pdf"
    render_system(ecommerce, out, ids={"cmp-pg", "cmp-replicas"})
    assert out.read_bytes().startswith(b"%PDF")
    svg = tmp_path / "part.svg"
    render_system(ecommerce, svg, ids={"cmp-pg", "cmp-replicas"})
    texts = _svg_texts(svg)
    assert "PostgreSQL primary" in texts and "Redis" not in texts


def test_bad_requests_are_one_line_errors(qapp, design_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["render", str(design_file), "-o", str(tmp_path / "x.gif")]) == 2
    assert main(["render", str(design_file), "-o", str(tmp_path / "x.png"), "--scale", "9"]) == 2
    assert main(["render", str(tmp_path / "missing.json"), "-o", str(tmp_path / "x.svg")]) == 1
    assert main(["render", str(design_file), "-o", str(tmp_path / "no" / "x.svg")]) == 1
    assert main(["render", str(design_file), "-o", str(tmp_path / "x.svg"), "--view", "nope"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 5
    with pytest.raises(RenderError):
        from studio.io.gallery import load_template

        render_system(load_template("blank"), tmp_path / "x.bmp")


def test_render_in_a_fresh_process_without_display(design_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "fresh.png"
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "studio", "render", str(design_file), "-o", str(out), "--scale", "2"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    assert QImage(str(out)).width() > 2000


def test_export_dialog_writes_the_selection(qtbot, ecommerce, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

    from studio.ui.canvas import export_dialog

    target = tmp_path / "chosen"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG image (*.png)"))

    def accept(dialog: export_dialog.ExportOptions) -> int:
        dialog.scale.setValue(2)
        dialog.selection_only.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(export_dialog.ExportOptions, "exec", accept)
    parent = QWidget()
    qtbot.addWidget(parent)
    written = export_dialog.export_diagram(parent, ecommerce, ["cmp-pg", "cmp-replicas"])
    assert written == tmp_path / "chosen.png"
    whole = tmp_path / "whole.png"
    render_system(ecommerce, whole, scale=2)
    part = QImage(str(written))
    assert 0 < part.width() < QImage(str(whole)).width() / 2
