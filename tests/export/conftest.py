"""Fixtures for the export tests: packs of the e-commerce design and of a hostile design,
each exported once per test session (exporting runs every writer, the PDF included)."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.export.pack import PackResult, export_pack
from studio.io.gallery import load_template
from studio.model import DesignDocument, Group

#: Every character sequence that has broken some format somewhere, in one string.
NASTY = 'Ev<script>alert(1)</script> "q" & ]]> --> `tick` $x %date() \\n {b} |p| #h;\nsecond line'
CJK = "주문 서비스 注文サービス 🚀"


def hostile_design() -> DesignDocument:
    """The e-commerce design with hostile, CJK and emoji text in every kind of name."""
    doc = load_template("ecommerce")
    doc.overview.title = f"Title {NASTY} {CJK}"
    doc.overview.summary = f"Summary {NASTY}"
    for n, component in enumerate(doc.components):
        component.name = f"C{n} {NASTY}" if n % 2 else f"C{n} {CJK}"
        component.technology = f"Tech {NASTY}"
        component.description = f"Desc {NASTY}"
    doc.components[0].name = "../../x"
    for group in doc.groups:
        group.name = f"G {NASTY}"
    for connection in doc.connections:
        connection.label = f"L {NASTY}"
    doc.groups.append(Group(id="grp-all", name="Overlap", members=[c.id for c in doc.components[:3]]))
    for table in doc.schema.tables:
        table.comment = f"T {NASTY}"
        for column in table.columns:
            column.comment = f"K {NASTY} {CJK}"
    doc.schema.tables[0].name = 'cat"eg <ories> & `x`'
    for table in doc.schema.tables:
        for fk in table.foreign_keys:
            if fk.ref_table == "categories":
                fk.ref_table = doc.schema.tables[0].name
    for endpoint in doc.api.endpoints:
        endpoint.summary = f"S {NASTY}"
    for item in doc.stack:
        item.choice = f"Choice {NASTY}"
    return doc


@pytest.fixture(scope="session")
def ecommerce_pack(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> PackResult:
    """(``qapp`` first: painting would otherwise start a QGuiApplication, and the dialog
    tests need a QApplication.)"""
    out = tmp_path_factory.mktemp("pack") / "ecommerce"
    return export_pack(load_template("ecommerce"), out)


@pytest.fixture(scope="session")
def hostile_pack(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> PackResult:
    out = tmp_path_factory.mktemp("hostile") / "inner" / "pack"
    return export_pack(hostile_design(), out)


@pytest.fixture(params=["ecommerce", "hostile"])
def pack(request: pytest.FixtureRequest) -> Path:
    """Each pack's folder; a pack with a failed writer fails every test that uses it."""
    result: PackResult = request.getfixturevalue(f"{request.param}_pack")
    assert result.failures == [], [f"{f.kind}: {f.message}" for f in result.failures]
    return result.target
