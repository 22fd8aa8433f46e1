"""The pack's mechanics: selection, zip output, cancellation, the command line, fonts."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from studio.cli import main
from studio.export.pack import ExportCancelled, ExportError, export_pack, select
from studio.io.design_file import save_design
from studio.io.gallery import load_template


def test_only_selects_by_kind_group_and_alias() -> None:
    assert [w.kind for w in select(["dbml", "api"])] == ["dbml", "openapi", "graphql"]
    assert [w.kind for w in select(["svg"])] == ["system-svg", "erd-svg"]
    with pytest.raises(ExportError, match="unknown kind 'nope'"):
        select(["nope"])


def test_zip_holds_the_selected_files(tmp_path: Path) -> None:
    result = export_pack(
        load_template("ecommerce"), tmp_path / "pack.zip", as_zip=True, only=["mermaid", "design"]
    )
    with zipfile.ZipFile(tmp_path / "pack.zip") as archive:
        assert sorted(archive.namelist()) == sorted(
            ["system.mmd", "c4-container.mmd", "erd.mmd", "design.json"]
        )
    assert result.failures == []


def test_cancel_writes_nothing(tmp_path: Path, qapp: object) -> None:
    calls: list[str] = []

    def progress(done: int, total: int, kind: str) -> bool:
        calls.append(kind)
        return done < 2

    with pytest.raises(ExportCancelled):
        export_pack(load_template("ecommerce"), tmp_path / "out", progress=progress)
    assert not (tmp_path / "out").exists()
    assert calls == ["md", "html", "pdf"]


def test_user_templates_override_the_shipped_ones(tmp_path: Path) -> None:
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "lint.md.j2").write_text("Custom risks for {{ title | md }}\n", "utf-8")
    export_pack(load_template("ecommerce"), tmp_path / "out", only=["lint"], templates=tmp_path / "tpl")
    assert (tmp_path / "out" / "lint.md").read_text("utf-8") == "Custom risks for E-commerce backend\n"


def test_user_templates_cannot_run_code(tmp_path: Path) -> None:
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "lint.md.j2").write_text("{{ doc.__class__.__mro__ }}", "utf-8")
    result = export_pack(
        load_template("ecommerce"), tmp_path / "out", only=["lint"], templates=tmp_path / "tpl"
    )
    assert [f.kind for f in result.failures] == ["lint"] and "unsafe" in result.failures[0].message.lower()


def test_cli_exports_and_reports_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    design = tmp_path / "shop.json"
    save_design(load_template("ecommerce"), design)
    assert main(["export", str(design), "-o", str(tmp_path / "out"), "--only", "dot,dbml"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["schema.dbml", "system.dot"]
    assert main(["export", str(design), "-o", str(tmp_path / "z"), "--zip", "--only", "design"]) == 0
    assert zipfile.ZipFile(tmp_path / "z.zip").namelist() == ["shop.json"]
    assert main(["export", str(design), "-o", str(tmp_path / "o2"), "--only", "bogus"]) == 2
    assert main(["export", str(tmp_path / "missing.json"), "-o", str(tmp_path / "o3")]) == 1
    err = capsys.readouterr().err
    assert "unknown kind 'bogus'" in err and "no such file" in err and "Traceback" not in err


def test_cjk_and_emoji_have_glyphs(qapp: object) -> None:
    from studio.export.diagrams.fonts import uncovered

    assert uncovered("주문 서비스 注文サービス 🚀 데이터베이스 日本語") == set()


def test_markdown_keeps_the_reference_sections_in_order(ecommerce_pack) -> None:  # type: ignore[no-untyped-def]
    from studio.export.document import SECTIONS

    md = (ecommerce_pack.target / "design.md").read_text("utf-8")
    headings = [line[3:] for line in md.splitlines() if line.startswith("## ") and line[3:4].isdigit()]
    assert headings == [f"{n}. {title}" for n, (_, title) in enumerate(SECTIONS, start=1)]
    html = (ecommerce_pack.target / "design.html").read_text("utf-8")
    positions = [html.index(f'<section id="{key}">') for key, _ in SECTIONS]
    assert positions == sorted(positions)


def test_member_names_cannot_climb_out_of_the_pack() -> None:
    from studio.export.pack import safe_member

    assert safe_member("../../x") == "x"
    assert safe_member("/etc/passwd") == "etc/passwd"
    assert safe_member("a\\..\\..\\b.sql") == "a/b.sql"
    assert safe_member(".agentconfig.json") == ".agentconfig.json"
    assert safe_member("주문 <1>.md") == "1-.md"
    with pytest.raises(ExportError):
        safe_member("../..")


def test_painting_many_items_does_not_drain_none() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call (and so
    aborts a large export); pyproject.toml excludes that release, and this proves the one installed."""
    import subprocess
    import sys

    script = (
        "from PySide6.QtGui import QColor, QPen\n"
        "pen = QPen(QColor('#000'))\n"
        "for _ in range(200_000):\n"
        "    pen.setWidthF(1.5)\n"
        "print('ok')\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=Path.cwd()
    )
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr[-500:]
