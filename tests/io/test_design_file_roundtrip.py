"""Load + save reproduces a design byte for byte; migrations run on older files; saving is atomic."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.large_design import make_large_design
from studio.io import design_file, migrations
from studio.io.atomic import write_atomic
from studio.io.design_file import DesignFileError, dumps, load_design, loads, save_design
from studio.io.gallery import TEMPLATE_TITLES, load_template
from studio.model import Component, DesignDocument, Overview
from studio.resources import resource


@pytest.mark.parametrize("name", [n for n in TEMPLATE_TITLES if n != "blank"])
def test_gallery_files_round_trip_byte_for_byte(tmp_path: Path, name: str) -> None:
    shipped = resource("gallery", f"{name}.json").read_bytes()
    out = tmp_path / f"{name}.json"
    save_design(load_design(resource("gallery", f"{name}.json")), out)
    assert out.read_bytes() == shipped


def test_blank_template_round_trips(tmp_path: Path) -> None:
    out = tmp_path / "blank.json"
    save_design(load_template("blank"), out)
    first = out.read_bytes()
    save_design(load_design(out), out)
    assert out.read_bytes() == first


def test_large_design_round_trips_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "large.json"
    document = make_large_design()
    save_design(document, out)
    first = out.read_bytes()
    loaded = load_design(out)
    assert loaded == document
    save_design(loaded, out)
    assert out.read_bytes() == first


def test_canonical_form_is_pretty_sorted_by_model_and_utf8(ecommerce: DesignDocument) -> None:
    text = dumps(ecommerce)
    assert text.endswith("}\n") and text.startswith(
        '{\n  "format": "backend-architect-studio",\n  "version": 1,'
    )
    # The same bytes the standard library writes for the same data, so other tools agree.
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"


@settings(max_examples=60, deadline=None)
@given(title=st.text(), summary=st.text(), x=st.floats(allow_nan=False, allow_infinity=False))
def test_any_text_and_number_round_trip(title: str, summary: str, x: float) -> None:
    document = DesignDocument(
        overview=Overview(title=title, summary=summary), components=[Component(id="c", x=x)]
    )
    text = dumps(document)
    again = loads(text.encode("utf-8"))
    assert again == document
    assert dumps(again) == text


def _old_file(tmp_path: Path, ecommerce: DesignDocument) -> tuple[Path, bytes]:
    """A version-1 file whose overview still says ``name`` where today's says ``title``."""
    raw = json.loads(dumps(ecommerce))
    raw["overview"]["name"] = raw["overview"].pop("title")
    path = tmp_path / "old.json"
    path.write_text(json.dumps(raw, indent=2))
    return path, path.read_bytes()


def test_an_older_version_is_migrated_on_load_and_the_file_left_alone(
    tmp_path: Path, ecommerce: DesignDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    def rename_name_to_title(raw: dict[str, Any]) -> dict[str, Any]:
        raw["overview"]["title"] = raw["overview"].pop("name")
        return raw

    monkeypatch.setattr(design_file, "FORMAT_VERSION", 2)
    monkeypatch.setattr(migrations, "MIGRATIONS", {})
    migrations.migration(1)(rename_name_to_title)
    path, data = _old_file(tmp_path, ecommerce)
    mtime = path.stat().st_mtime_ns
    document = load_design(path)
    assert document.overview.title == ecommerce.overview.title
    assert document.version == 2
    assert path.read_bytes() == data and path.stat().st_mtime_ns == mtime


def test_a_missing_or_failing_migration_is_a_clear_error(
    tmp_path: Path, ecommerce: DesignDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(design_file, "FORMAT_VERSION", 2)
    monkeypatch.setattr(migrations, "MIGRATIONS", {})
    path, data = _old_file(tmp_path, ecommerce)
    with pytest.raises(DesignFileError, match=r"^old.json: version: no migration from format version 1$"):
        load_design(path)

    def broken(raw: dict[str, Any]) -> dict[str, Any]:
        return raw["no such key"]

    migrations.MIGRATIONS[1] = broken
    with pytest.raises(
        DesignFileError, match=r"^old.json: version: cannot migrate from format version 1: 'no such key'"
    ):
        load_design(path)
    assert path.read_bytes() == data


def test_a_failed_save_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, ecommerce: DesignDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shop.json"
    path.write_bytes(b"old content")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        save_design(ecommerce, path)
    assert path.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.json"]


def test_saving_into_a_missing_or_unwritable_folder_fails_cleanly(
    tmp_path: Path, ecommerce: DesignDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(FileNotFoundError):
        save_design(ecommerce, tmp_path / "nowhere" / "shop.json")
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "shop.json").write_bytes(b"old")
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):  # root ignores the mode: refuse as the kernel would

            def refuse(*args: object, **kwargs: object) -> None:
                raise PermissionError(13, "Permission denied")

            monkeypatch.setattr("tempfile.mkstemp", refuse)
        with pytest.raises(PermissionError):
            save_design(ecommerce, folder / "shop.json")
        assert (folder / "shop.json").read_bytes() == b"old"
    finally:
        folder.chmod(0o700)


def test_atomic_write_keeps_permissions_follows_symlinks_and_uses_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_bytes(b"a")
    target.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    write_atomic(link, b"b")
    assert link.is_symlink() and target.read_bytes() == b"b"
    assert target.stat().st_mode & 0o777 == 0o640
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.json", b"c")
    finally:
        os.umask(old)
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o640
