"""Recovery copies of unsaved designs: written beside the user's data, never over a design file.

One running window keeps one entry, a single JSON file named after the entry's id in the
recovery folder (the folder is passed in: the window takes it from QStandardPaths, tests
from a temporary directory). The entry holds the design itself, the file it came from, when
it was written, a short list of what changed since the last save (the undo history texts)
and the process that owns it. Each write replaces the whole entry atomically, so a kill at
any moment leaves the previous copy or the new one, and the design file itself is never
touched: restoring is the user's choice.
"""

from __future__ import annotations

import json
import os
import socket
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from studio.io.atomic import write_atomic
from studio.io.design_file import DesignFileError, from_raw
from studio.model import DesignDocument

RECOVERY_FORMAT = "backend-architect-studio-recovery"
RECOVERY_VERSION = 1
SUFFIX = ".recovery.json"
#: The summary keeps the latest changes; a long session does not need all of them listed.
MAX_CHANGES = 50


@dataclass(frozen=True)
class RecoveryEntry:
    """What the start-up dialog offers: where the design came from, when, and what changed."""

    entry_id: str
    file: Path
    original_path: Path | None
    saved_at: datetime
    changes: tuple[str, ...]
    pid: int
    host: str
    title: str = ""

    def describe_changes(self, limit: int = 8) -> str:
        if not self.changes:
            return "unsaved changes"
        shown = list(self.changes[-limit:])
        more = len(self.changes) - len(shown)
        return "; ".join(shown) + (f" (and {more} earlier)" if more > 0 else "")


@dataclass
class RecoveryListing:
    """Entries that can be offered, and one line per recovery file that could not be read."""

    entries: list[RecoveryEntry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class RecoveryStore:
    """The recovery folder: write, list, load and discard entries."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    @staticmethod
    def new_entry_id() -> str:
        return uuid.uuid4().hex[:16]

    def path_of(self, entry_id: str) -> Path:
        if not entry_id.isalnum():
            raise ValueError(f"not a recovery entry id: {entry_id!r}")
        return self.folder / f"{entry_id}{SUFFIX}"

    def write(
        self,
        entry_id: str,
        document: DesignDocument,
        original_path: Path | None,
        changes: list[str] | tuple[str, ...],
        *,
        now: datetime | None = None,
    ) -> Path:
        """Replace the entry atomically; raises OSError when the folder cannot be written."""
        target = self.path_of(entry_id)
        if original_path is not None and _same_file(target, original_path):
            raise OSError(f"refusing to write a recovery copy over the design file {original_path}")
        self.folder.mkdir(parents=True, exist_ok=True)
        meta = {
            "format": RECOVERY_FORMAT,
            "version": RECOVERY_VERSION,
            "original_path": str(original_path) if original_path is not None else None,
            "saved_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
            "changes": list(changes)[-MAX_CHANGES:],
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "title": document.overview.title,
        }
        # The design is serialised once, compactly, by pydantic's own JSON writer: autosave
        # runs on the UI thread, and a 1,000-component design must not stall it.
        header = json.dumps(meta, ensure_ascii=False)
        text = f'{header[:-1]}, "design": {document.model_dump_json(by_alias=True)}}}\n'
        write_atomic(target, text.encode("utf-8"))
        return target

    def discard(self, entry_id: str) -> None:
        """Remove the entry; an entry that is already gone is fine."""
        try:
            self.path_of(entry_id).unlink()
        except FileNotFoundError:
            pass

    def list(self, *, include_live: bool = False) -> RecoveryListing:
        """Entries left by studios that are no longer running, newest first.

        An entry whose process still runs on this host belongs to another open window and is
        skipped unless ``include_live``; unreadable files are reported, never deleted.
        """
        listing = RecoveryListing()
        if not self.folder.is_dir():
            return listing
        for file in sorted(self.folder.glob(f"*{SUFFIX}")):
            try:
                entry = _read_meta(file)
            except (OSError, DesignFileError) as exc:
                listing.problems.append(f"{file.name}: {exc}")
                continue
            if not include_live and entry.host == socket.gethostname() and _process_alive(entry.pid):
                continue
            listing.entries.append(entry)
        listing.entries.sort(key=lambda e: e.saved_at, reverse=True)
        return listing

    def load(self, entry: RecoveryEntry) -> DesignDocument:
        """The recovered design; raises DesignFileError with the recovery file's name."""
        raw = _read_json(entry.file)
        return from_raw(raw.get("design"), entry.file.name)


def _read_json(file: Path) -> dict[str, Any]:
    try:
        raw = json.loads(file.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise DesignFileError(file.name, "", "not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise DesignFileError(file.name, f"line {exc.lineno} column {exc.colno}", exc.msg) from None
    if not isinstance(raw, dict) or raw.get("format") != RECOVERY_FORMAT:
        raise DesignFileError(file.name, "format", "not a recovery file of this studio")
    if raw.get("version") != RECOVERY_VERSION:
        raise DesignFileError(file.name, "version", f"unknown recovery file version {raw.get('version')!r}")
    return raw


def _read_meta(file: Path) -> RecoveryEntry:
    raw = _read_json(file)
    try:
        saved_at = datetime.fromisoformat(str(raw["saved_at"]))
        original = raw.get("original_path")
        changes = raw.get("changes") or []
        if not isinstance(changes, list):
            raise ValueError("changes is not a list")
        return RecoveryEntry(
            entry_id=file.name.removesuffix(SUFFIX),
            file=file,
            original_path=Path(original) if original else None,
            saved_at=saved_at if saved_at.tzinfo else saved_at.replace(tzinfo=UTC),
            changes=tuple(str(c) for c in changes),
            pid=int(raw.get("pid") or 0),
            host=str(raw.get("host") or ""),
            title=str(raw.get("title") or ""),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DesignFileError(file.name, "", f"damaged recovery file ({exc})") from None


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    except OSError:
        return False
    return not _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    """A killed process not yet reaped by its parent still answers kill(pid, 0)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[:1] == ["Z"]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == Path(b).resolve()
    except OSError:
        return False
