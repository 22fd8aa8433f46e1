"""The component graph is built when first asked for and is then the same as if built eagerly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from studio.model import Batch, Component, Connection, Design, DesignDocument, ModelError

ROOT = Path(__file__).resolve().parents[2]


def _edges(design: Design) -> list[tuple[str, str, str]]:
    return sorted(design.graph.edges(keys=True))


def _expected(design: Design) -> list[tuple[str, str, str]]:
    return sorted((c.source, c.target, c.id) for c in design.document.connections)


def test_edits_before_the_graph_exists_leave_it_consistent(ecommerce: DesignDocument) -> None:
    design = Design(ecommerce)
    first, second = design.document.components[0].id, design.document.components[1].id
    design.apply(design.insert_op(("components",), Component(id="cmp-lazy", name="Lazy")))
    joined = Connection(id="conn-lazy", source=first, target="cmp-lazy")
    design.apply(design.insert_op(("connections",), joined))
    moved = design.document.connections[0]
    design.apply(design.set_op(("connections", moved.id, "target"), second))
    assert set(design.graph) == {c.id for c in design.document.components}
    assert _edges(design) == _expected(design)


def test_a_refused_edit_before_the_graph_exists_changes_nothing(ecommerce: DesignDocument) -> None:
    design = Design(ecommerce)
    first = design.document.components[0].id
    wrong = Batch(
        (
            design.insert_op(("connections",), Connection(id="conn-ok", source=first, target=first)),
            design.insert_op(("connections",), Connection(id="conn-bad", source=first, target="cmp-missing")),
        )
    )
    with pytest.raises(ModelError):
        design.apply(wrong)
    assert "cmp-missing" not in design.graph
    assert _edges(design) == _expected(design)


def test_replacing_the_component_list_rebuilds_on_next_use(ecommerce: DesignDocument) -> None:
    design = Design(ecommerce)
    assert design.graph.number_of_edges() == len(ecommerce.connections)
    design.apply(design.set_op(("connections",), []))
    design.apply(design.set_op(("components",), []))
    assert len(design.graph) == 0 and design.graph.number_of_edges() == 0


def test_opening_a_design_does_not_import_networkx() -> None:
    code = (
        "import sys\n"
        "from studio.io.gallery import load_template\n"
        "from studio.model import Design\n"
        "design = Design(load_template('ecommerce'))\n"
        "assert 'networkx' not in sys.modules, 'imported before the graph was asked for'\n"
        "assert design.graph.number_of_edges() == len(design.document.connections)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-1500:]
