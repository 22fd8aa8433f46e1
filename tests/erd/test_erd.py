"""The ERD: layout, headless files (checked by an XML parser), and the dock's interaction."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from benchmarks.large_design import make_large_design
from studio.cli import main
from studio.export.diagrams import ensure_gui
from studio.export.diagrams.erd_layout import ErdOptions, layout_erd
from studio.export.diagrams.erd_render import render_erd
from studio.export.diagrams.image_file import RenderError
from studio.io.design_file import save_design
from studio.model import Column, DesignDocument, ForeignKey, Schema, Table

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def gui(qapp) -> None:  # type: ignore[no-untyped-def]
    """pytest-qt's QApplication (a QGuiApplication alone would break later widget tests)."""
    assert ensure_gui() is qapp


def _svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_cli_svg_has_every_table(ecommerce: DesignDocument, tmp_path: Path) -> None:
    design = tmp_path / "shop.json"
    save_design(ecommerce, design)
    out = tmp_path / "erd.svg"
    assert main(["render", str(design), "--view", "erd", "-o", str(out)]) == 0
    texts = _svg_texts(out)
    for table in ecommerce.schema.tables:
        assert table.name in texts
    assert {"Users module", "Products module", "Orders module"} <= set(texts)
    assert "category_id" in texts and "PK" in texts and "FK" in texts


def test_names_are_escaped_in_svg(tmp_path: Path) -> None:
    odd = 'a<b & "c" --; 表'
    doc = DesignDocument(
        schema=Schema(
            tables=[
                Table(id="t1", name=odd, columns=[Column(id="c1", name="x>y", type="INT", primary_key=True)]),
            ]
        )
    )
    out = tmp_path / "odd.svg"
    render_erd(doc, out)
    texts = _svg_texts(out)  # parsing at all proves the escaping
    # Qt writes a run per font, so the CJK character may be its own <text>.
    assert odd in "".join(texts) and "x>y" in texts


def test_png_and_pdf(ecommerce: DesignDocument, tmp_path: Path) -> None:
    size = render_erd(ecommerce, tmp_path / "erd.png", scale=2)
    assert (tmp_path / "erd.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert size.width() > 600
    render_erd(ecommerce, tmp_path / "erd.pdf")
    assert (tmp_path / "erd.pdf").read_bytes()[:5] == b"%PDF-"
    with pytest.raises(RenderError, match="unknown image format"):
        render_erd(ecommerce, tmp_path / "erd.gif")


def test_boxes_do_not_overlap_and_frames_hold_their_tables(ecommerce: DesignDocument) -> None:
    layout = layout_erd(ecommerce)
    boxes = list(layout.tables.values())
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.rect.intersects(b.rect), (a.name, b.name)
    frames = {g.service_id: g.rect for g in layout.groups}
    for table in ecommerce.schema.tables:
        assert frames[table.service].contains(layout.tables[table.id].rect)
    for a in layout.groups:
        for b in layout.groups:
            assert a is b or not a.rect.intersects(b.rect)


def test_relations_carry_cardinality(ecommerce: DesignDocument) -> None:
    ecommerce.schema.tables.append(
        Table(
            id="tbl-profile",
            name="profiles",
            service="cmp-users",
            columns=[Column(id="p1", name="user_id", type="UUID", primary_key=True, nullable=False)],
            foreign_keys=[
                ForeignKey(id="fk-profile", columns=["user_id"], ref_table="users", ref_columns=["id"])
            ],
        )
    )
    relations = {r.fk_id: r for r in layout_erd(ecommerce).relations}
    assert relations["fk-orders-user"].optional and not relations["fk-orders-user"].one_to_one
    assert relations["fk-profile"].one_to_one and not relations["fk-profile"].optional
    assert (
        relations["fk-categories-parent"].parent
        == relations["fk-categories-parent"].child
        == "tbl-categories"
    )


def test_missing_targets_are_not_drawn(ecommerce: DesignDocument) -> None:
    ecommerce.schema.tables = [t for t in ecommerce.schema.tables if t.name != "categories"]
    assert "fk-products-category" not in {r.fk_id for r in layout_erd(ecommerce).relations}


def test_big_schemas_collapse_to_key_columns() -> None:
    document = make_large_design(components=60, connections=0, tables=120, endpoints=0)
    layout = layout_erd(document)
    assert layout.collapsed
    box = next(iter(layout.tables.values()))
    assert [r.name for r in box.rows if not r.summary] == ["id", "parent_id"]
    assert box.rows[-1].summary and box.rows[-1].name == "+ 8 more columns"
    assert not layout_erd(document, ErdOptions(collapse=False)).collapsed


def test_ungrouped_layout_has_no_frames(ecommerce: DesignDocument) -> None:
    layout = layout_erd(ecommerce, ErdOptions(group_by_service=False))
    assert layout.groups == [] and len(layout.tables) == 4


def test_large_schema_renders_in_a_fresh_process(tmp_path: Path) -> None:
    """500 tables through ``studio render`` in its own interpreter: every table drawn, and
    the process exits cleanly (PySide6 6.12 on Python 3.11 used to abort at exit)."""
    import subprocess
    import sys

    design = tmp_path / "large.json"
    save_design(make_large_design(components=100, connections=0, tables=500, endpoints=0), design)
    out = tmp_path / "large.svg"
    done = subprocess.run(
        [sys.executable, "-m", "studio", "render", str(design), "--view", "erd", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    texts = set(_svg_texts(out))
    assert {f"table_{n:03d}" for n in range(500)} <= texts
