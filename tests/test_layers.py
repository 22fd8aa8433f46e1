"""The layer rule of DESIGN.md, checked on the import statements of every module under studio/.

model -> domain (sql, lint, capacity, layout) -> io -> export -> ui -> cli: each layer
imports only from itself and the layers before it; model, domain and io import no Qt;
export may use Qt to render images (QtCore/QtGui/QtSvg) but never QtWidgets nor studio.ui.
Packages that do not exist yet are simply not there to check.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

STUDIO = Path(__file__).resolve().parents[1] / "studio"

#: Layer rank of each top-level part of ``studio``; equal ranks may import each other.
RANK: dict[str, int] = {
    "model": 0,
    "sql": 1,
    "lint": 1,
    "capacity": 1,
    "layout": 1,
    "io": 2,
    "export": 3,
    "ui": 4,
    "headless": 5,
    "cli": 5,
    "__main__": 5,
}
#: Shared helpers any layer may use (they import nothing of the studio's layers).
NEUTRAL = {"__init__", "resources"}
NO_QT = {"model", "sql", "lint", "capacity", "layout", "io", "headless"}
#: What studio/headless may start lazily: it runs without a window, but export may render images.
QT_FOR_IMAGES = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtSvg", "PySide6"}


def _imports(path: Path, root: Path) -> list[tuple[int, str]]:
    """``(line, module)`` for every import in the file, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = ".".join(("studio", *path.relative_to(root).with_suffix("").parts[:-1]))
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            out.append((node.lineno, module))
            if module in ("studio", "PySide6"):  # from studio import io / from PySide6 import QtWidgets
                out += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return out


MODULES = sorted(p for p in STUDIO.rglob("*.py") if "__pycache__" not in p.parts)


def _problems(path: Path, root: Path = STUDIO) -> list[str]:
    part = path.relative_to(root).parts[0].removesuffix(".py")
    if part in NEUTRAL:
        return []
    rank = RANK.get(part)
    where = path.relative_to(root.parent)
    problems = []
    if rank is None:
        return [f"{where}: studio/{part} has no layer in tests/test_layers.py (add it to RANK)"]
    for line, module in _imports(path, root):
        top = module.split(".")
        if top[0] in ("PySide6", "shiboken6"):
            if part in NO_QT and not (part == "headless" and module in QT_FOR_IMAGES):
                problems.append(f"{where}:{line}: the {part} layer imports Qt ({module})")
            if part == "export" and module not in QT_FOR_IMAGES and not module.startswith("PySide6.QtSvg"):
                problems.append(f"{where}:{line}: export may render images with Qt but imports {module}")
        elif top[0] == "studio" and len(top) > 1:
            target = top[1]
            if target in NEUTRAL or target not in RANK:
                continue
            if RANK[target] > rank:
                problems.append(
                    f"{where}:{line}: the {part} layer imports the later layer {target} ({module})"
                )
    return problems


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(STUDIO)) for p in MODULES])
def test_module_respects_the_layers(path: Path) -> None:
    if not path.exists():  # others work in the same tree: a module may go away mid-run
        pytest.skip(f"{path.name} was removed after collection")
    assert _problems(path) == []


def test_the_checker_catches_violations(tmp_path: Path) -> None:
    """The rule can fail: a model module importing Qt and the ui, an export module using widgets."""
    fake = tmp_path / "studio"
    (fake / "model").mkdir(parents=True)
    (fake / "export").mkdir()
    (fake / "model" / "bad.py").write_text(
        "from PySide6.QtCore import QObject\nfrom ..ui import main_window\n"
    )
    (fake / "export" / "bad.py").write_text("from PySide6 import QtWidgets\nimport studio.ui.canvas\n")
    model_problems = _problems(fake / "model" / "bad.py", fake)
    export_problems = _problems(fake / "export" / "bad.py", fake)
    assert any("imports Qt" in p for p in model_problems)
    assert any("later layer ui" in p for p in model_problems)
    assert any("QtWidgets" in p for p in export_problems)
    assert any("later layer ui" in p for p in export_problems)
