"""A large design's PNGs come from a helper process, byte for byte what the pack paints itself."""

from __future__ import annotations

import sys

import pytest

from studio.export import pack, png_process
from studio.export.diagrams.system_render import ensure_gui


@pytest.fixture(autouse=True)
def _gui() -> None:
    ensure_gui()


def _pngs(document, monkeypatch, *, helper: bool) -> tuple[dict[str, bytes], list[str]]:  # type: ignore[no-untyped-def]
    """The pack's PNGs, and which diagrams the helper delivered."""
    monkeypatch.setattr(png_process, "MIN_ELEMENTS", 0 if helper else 10**9)
    delivered: list[str] = []
    real = png_process.painted

    def spy(context: pack.ExportContext, diagram: str) -> bytes | None:
        data = real(context, diagram)
        if data is not None:
            delivered.append(diagram)
        return data

    monkeypatch.setattr(png_process, "painted", spy)
    files, failures = pack.produce(document, ["png"])
    assert not failures
    return dict(files), delivered


def test_helper_paints_the_same_pngs(ecommerce, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    by_helper, delivered = _pngs(ecommerce, monkeypatch, helper=True)
    assert delivered == ["system", "erd"]
    here, delivered_here = _pngs(ecommerce, monkeypatch, helper=False)
    assert delivered_here == []
    assert by_helper.keys() == here.keys() == {"system.png", "erd.png"}
    assert by_helper == here
    assert not any(p.name.startswith("studio-png-") for p in tmp_path.iterdir())  # cleaned up


def test_failed_helper_falls_back_to_painting_here(ecommerce, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "executable", "/bin/false")
    files, delivered = _pngs(ecommerce, monkeypatch, helper=True)
    assert delivered == []
    assert files["system.png"].startswith(b"\x89PNG") and files["erd.png"].startswith(b"\x89PNG")


def test_only_the_chosen_pngs_are_painted(ecommerce, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(png_process, "MIN_ELEMENTS", 0)
    files, failures = pack.produce(ecommerce, ["erd-png"])
    assert not failures and [name for name, _ in files] == ["erd.png"]
