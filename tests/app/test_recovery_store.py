"""The recovery store without Qt: entries round-trip, damage is reported, live sessions are skipped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from studio.io.design_file import DesignFileError
from studio.io.recovery import RecoveryStore
from studio.model import Component, DesignDocument


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _write_as(store: RecoveryStore, pid: int, document: DesignDocument, **kwargs) -> str:  # type: ignore[no-untyped-def]
    entry_id = store.new_entry_id()
    path = store.write(entry_id, document, **kwargs)
    record = json.loads(path.read_text(encoding="utf-8"))
    record["pid"] = pid
    path.write_text(json.dumps(record), encoding="utf-8")
    return entry_id


def test_entry_round_trips_with_path_time_and_changes(tmp_path: Path, ecommerce: DesignDocument) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    ecommerce.components.append(Component(id="cmp-new", name="Orders DB"))
    when = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    entry_id = _write_as(
        store,
        _dead_pid(),
        ecommerce,
        original_path=tmp_path / "shop.json",
        changes=["Add component"],
        now=when,
    )
    [entry] = store.list().entries
    assert (entry.entry_id, entry.original_path, entry.saved_at) == (entry_id, tmp_path / "shop.json", when)
    assert entry.changes == ("Add component",)
    assert entry.title == ecommerce.overview.title
    assert store.load(entry) == ecommerce
    assert [p.name for p in store.folder.iterdir()] == [entry.file.name]  # no temporary left behind
    store.discard(entry_id)
    store.discard(entry_id)  # twice is fine
    assert store.list().entries == []


def test_entries_of_running_studios_are_not_offered(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write(store.new_entry_id(), DesignDocument(), original_path=None, changes=[])  # this process: alive
    assert store.list().entries == []
    assert len(store.list(include_live=True).entries) == 1


def test_newest_first_and_damaged_files_reported_not_deleted(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    dead = _dead_pid()
    old = _write_as(
        store, dead, DesignDocument(), original_path=None, changes=["a"], now=datetime(2026, 1, 1, tzinfo=UTC)
    )
    new = _write_as(
        store, dead, DesignDocument(), original_path=None, changes=["b"], now=datetime(2026, 2, 1, tzinfo=UTC)
    )
    damaged = tmp_path / "0123abcd.recovery.json"
    damaged.write_text('{"format": "backend-architect-studio-recovery", "version": 1', encoding="utf-8")
    listing = store.list()
    assert [e.entry_id for e in listing.entries] == [new, old]
    assert len(listing.problems) == 1 and "0123abcd.recovery.json" in listing.problems[0]
    assert damaged.exists()


def test_a_recovered_design_that_no_longer_validates_is_refused_clearly(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    entry_id = _write_as(store, _dead_pid(), DesignDocument(), original_path=None, changes=[])
    path = store.path_of(entry_id)
    record = json.loads(path.read_text(encoding="utf-8"))
    record["design"]["components"] = [{"id": "c1", "kind": "teapot"}]
    path.write_text(json.dumps(record), encoding="utf-8")
    [entry] = store.list().entries
    with pytest.raises(DesignFileError, match=r"components\[0\]\.kind"):
        store.load(entry)


def test_never_writes_over_the_design_file(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    target = store.path_of("abc123")
    target.write_text("the user's design", encoding="utf-8")
    with pytest.raises(OSError, match="refusing"):
        store.write("abc123", DesignDocument(), original_path=target, changes=[])
    assert target.read_text(encoding="utf-8") == "the user's design"


def test_entry_ids_cannot_escape_the_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        RecoveryStore(tmp_path).path_of("../../etc/passwd")


def test_unwritable_folder_raises_oserror(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        blocker = tmp_path / "file"
        blocker.write_text("x")
        store = RecoveryStore(blocker / "recovery")  # a folder below a file cannot exist
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        store = RecoveryStore(locked / "recovery")
    with pytest.raises(OSError):
        store.write(store.new_entry_id(), DesignDocument(), original_path=None, changes=[])
