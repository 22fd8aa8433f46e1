"""Every exported file, opened by the real tool that its readers use."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import yaml
from graphql import build_schema
from openapi_spec_validator import validate
from pydbml import PyDBML
from pypdf import PdfReader

from studio.io.design_file import load_design

TOOLS = Path(__file__).resolve().parents[1] / "tools"
EXPECTED = [
    "design.md",
    "design.html",
    "design.pdf",
    "system.svg",
    "system.png",
    "erd.svg",
    "erd.png",
    "system.mmd",
    "c4-container.mmd",
    "erd.mmd",
    "system.puml",
    "system.dot",
    "system.drawio",
    "workspace.dsl",
    "schema.postgres.sql",
    "schema.sqlite.sql",
    "schema.duckdb.sql",
    "schema.dbml",
    "openapi.yaml",
    "schema.graphql",
    ".agentconfig.json",
    "lint.md",
]


def need(tool: str) -> str:
    path = shutil.which(tool)
    assert path, f"{tool} is not installed (.ci/run installs it)"
    return path


def test_every_artifact_is_there(pack: Path) -> None:
    names = {p.name for p in pack.iterdir()}
    assert set(EXPECTED) <= names, set(EXPECTED) - names


def test_openapi_validates(pack: Path) -> None:
    spec = yaml.safe_load((pack / "openapi.yaml").read_text("utf-8"))
    validate(spec)
    assert spec["openapi"].startswith("3.1")


def test_graphql_builds(pack: Path) -> None:
    schema = build_schema((pack / "schema.graphql").read_text("utf-8"))
    assert schema.query_type is not None


def test_dbml_parses_with_every_table_and_reference(pack: Path) -> None:
    parsed = PyDBML((pack / "schema.dbml").read_text("utf-8"))
    design = load_design(pack / "design.json")
    assert len(parsed.tables) == len(design.schema.tables)
    assert len(parsed.refs) == sum(len(t.foreign_keys) for t in design.schema.tables)
    names = {t.name for t in parsed.tables}
    assert {t.name.replace('"', "\uff02") for t in design.schema.tables} == names


def test_graphviz_lays_out_the_dot_file(pack: Path) -> None:
    run = subprocess.run(
        [need("dot"), "-Tsvg", str(pack / "system.dot")], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    svg = ET.fromstring(run.stdout)
    titles = [e.text for e in svg.iter("{http://www.w3.org/2000/svg}title")]
    design = load_design(pack / "design.json")
    assert sum(1 for t in titles if t and re.fullmatch(r"c\d+", t)) == len(design.components)


def test_plantuml_accepts_the_c4_file(pack: Path) -> None:
    source = (pack / "system.puml").read_text("utf-8")
    run = subprocess.run(
        [need("plantuml"), "-syntax"], input=source, capture_output=True, text=True, timeout=120
    )
    first = run.stdout.strip().splitlines()[0] if run.stdout.strip() else ""
    assert run.returncode == 0 and first == "DESCRIPTION", run.stdout + run.stderr


def test_mermaid_parses_every_diagram(pack: Path) -> None:
    assert (TOOLS / "node_modules" / "mermaid").is_dir(), "run npm install in tests/tools (.ci/run does)"
    files = [str(pack / n) for n in ("system.mmd", "c4-container.mmd", "erd.mmd")]
    run = subprocess.run(
        [need("node"), str(TOOLS / "mermaid-parse.mjs"), *files], capture_output=True, text=True, timeout=180
    )
    results = {Path(r["file"]).name: r for r in map(json.loads, run.stdout.splitlines())}
    design = load_design(pack / "design.json")
    for name, result in results.items():
        assert result["ok"], f"{name}: {result.get('error')}"
    assert results["system.mmd"]["type"].startswith("flowchart")
    assert len(results["system.mmd"]["nodes"]) == len(design.components)
    assert len(results["system.mmd"]["edges"]) == len(design.connections)
    assert results["c4-container.mmd"]["type"] == "c4"
    assert len(results["c4-container.mmd"]["nodes"]) == len(design.components)
    assert results["erd.mmd"]["type"] == "er"
    assert sorted(results["erd.mmd"]["nodes"]) == sorted(t.name for t in design.schema.tables)


def test_sqlite_runs_its_ddl(pack: Path) -> None:
    con = sqlite3.connect(":memory:")
    con.executescript((pack / "schema.sqlite.sql").read_text("utf-8"))
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    design = load_design(pack / "design.json")
    assert tables == {t.name for t in design.schema.tables}


def test_duckdb_runs_its_ddl(pack: Path) -> None:
    con = duckdb.connect(":memory:")
    con.execute((pack / "schema.duckdb.sql").read_text("utf-8"))
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    design = load_design(pack / "design.json")
    assert tables == {t.name for t in design.schema.tables}


def test_drawio_is_well_formed_with_groups_and_positions(pack: Path) -> None:
    root = ET.parse(pack / "system.drawio").getroot()
    cells = root.findall(".//mxCell")
    ids = [c.get("id") for c in cells]
    assert len(ids) == len(set(ids)), "duplicate cell ids"
    known = set(ids)
    edges = [c for c in cells if c.get("edge") == "1"]
    for edge in edges:
        assert edge.get("source") in known and edge.get("target") in known
    for cell in cells:
        assert cell.get("parent") is None or cell.get("parent") in known
    design = load_design(pack / "design.json")
    vertices = [c for c in cells if c.get("vertex") == "1"]
    assert len(vertices) == len(design.components) + len(design.groups)
    assert len(edges) == len(design.connections)
    grouped = [c for c in vertices if c.get("parent", "1").startswith("g")]
    assert grouped, "grouped components are children of their boundary"
    assert all(c.find("mxGeometry") is not None for c in vertices)


def test_pdf_has_the_title_as_text(pack: Path) -> None:
    design = load_design(pack / "design.json")
    reader = PdfReader(pack / "design.pdf")
    # NFKC: Qt's ToUnicode map may name a CJK glyph by its Kangxi radical twin (U+2F42 for 文).
    first = unicodedata.normalize("NFKC", reader.pages[0].extract_text())
    words = [w for w in design.overview.title.split() if w.isalnum()]
    compact = "".join(first.split())  # Qt may break a CJK run across lines
    assert words and all(w in compact for w in words), first[:300]
    assert " ".join(reader.metadata.title.split()) == " ".join(design.overview.title.split())


def test_design_file_round_trips(pack: Path) -> None:
    assert load_design(pack / "design.json").components


def test_agent_config_is_json_with_the_section(pack: Path) -> None:
    data = json.loads((pack / ".agentconfig.json").read_text("utf-8"))
    assert "backend-architect" in data
