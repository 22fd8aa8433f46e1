"""The studio as a user runs it: edit, get killed, start again, and be offered the work back.

The edit is made through the command palette's automation line (``STUDIO_PALETTE_RUN``), the
same code path as typing ``db Orders`` and Enter; the second start answers the recovery
offer through ``STUDIO_RECOVERY_ANSWER`` and reports what was offered on stdout.
"""

from __future__ import annotations

import queue
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from studio.io.design_file import load_design
from studio.io.recovery import RecoveryStore
from tests.app.conftest import studio_command, write_settings

pytestmark = pytest.mark.slow
TIMEOUT_S = 40.0


class Studio:
    """A studio subprocess whose stdout lines are collected as they arrive."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Path) -> None:
        self.proc = subprocess.Popen(
            studio_command(*args),
            env=env,
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for_line(self, prefix: str) -> str:
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.proc.poll() is not None and self.lines.empty():
                    break
                continue
            self.seen.append(line)
            if line.startswith(prefix):
                return line
        raise AssertionError(f"no line starting {prefix!r}; output was:\n" + "\n".join(self.seen))

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)  # reaped: no zombie that still looks alive


def _wait_for_entry(store: RecoveryStore, predicate) -> list:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        entries = [e for e in store.list(include_live=True).entries if predicate(e)]
        if entries:
            return entries
        time.sleep(0.2)
    raise AssertionError(f"no matching recovery entry in {store.folder}")


def _recovery_store(env: dict[str, str]) -> RecoveryStore:
    """The folder the studio chose under the temporary XDG_DATA_HOME (found, not assumed)."""
    deadline = time.monotonic() + TIMEOUT_S
    data = Path(env["XDG_DATA_HOME"])
    while time.monotonic() < deadline:
        files = list(data.rglob("*.recovery.json"))
        if files:
            return RecoveryStore(files[0].parent)
        time.sleep(0.2)
    raise AssertionError(f"no recovery file appeared under {data}")


def test_killed_studio_offers_its_edit_back(user_dirs: dict[str, str], tmp_path: Path, ecommerce) -> None:  # type: ignore[no-untyped-def]
    write_settings(user_dirs, "[autosave]\ninterval_s=1\n")
    design = tmp_path / "shop.json"
    shutil.copyfile(Path(__file__).resolve().parents[2] / "resources" / "gallery" / "ecommerce.json", design)
    before = design.read_bytes()

    first = Studio([str(design)], {**user_dirs, "STUDIO_PALETTE_RUN": "db Orders"}, tmp_path)
    try:
        added = first.wait_for_line("palette: ")
        assert "Orders" in added and "-> cmp-" in added, added
        store = _recovery_store(user_dirs)
        _wait_for_entry(store, lambda e: e.pid == first.proc.pid)
    finally:
        first.kill()

    # The design file is untouched; the recovery copy holds the edit and where it came from.
    assert design.read_bytes() == before
    listing = store.list()
    assert listing.problems == []
    [entry] = listing.entries
    assert entry.original_path == design
    assert any("Orders" in change for change in entry.changes), entry.changes
    recovered = store.load(entry)
    assert [c.name for c in recovered.components].count("Orders") == 1
    assert len(recovered.components) == len(load_design(design).components) + 1
    assert store.folder.resolve() != design.parent.resolve()

    second = Studio([], {**user_dirs, "STUDIO_RECOVERY_ANSWER": "restore"}, tmp_path)
    try:
        offered = second.wait_for_line("recovery offered: ")
        assert str(design) in offered and "Orders" in offered, offered
        restored = second.wait_for_line("recovery restored: ")
        assert entry.entry_id in restored
        # The restored design is unsaved work of the new process: it keeps its own copy at once.
        [mine] = _wait_for_entry(store, lambda e: e.pid == second.proc.pid)
        assert "Orders" in [c.name for c in store.load(mine).components]
        assert not entry.file.exists()
    finally:
        second.kill()
    assert design.read_bytes() == before
