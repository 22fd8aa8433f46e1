"""The design pack: a table of small writers, written to a folder or one zip.

Each :class:`Writer` turns the design into one or more files. The pack first produces
every file in memory (so a cancelled or failed export leaves nothing half-written), then
writes them: into a folder, each file atomically, or as one zip replaced atomically.
File names come from the table, never from user strings, and every target is checked to
stay inside the output folder.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from studio.export.text import slug
from studio.io.atomic import write_atomic
from studio.io.design_file import dumps
from studio.model import DesignDocument

_SAFE_PART = re.compile(r"\.?[A-Za-z0-9][A-Za-z0-9._-]*")

#: progress(done, total, file name); return False to cancel.
Progress = Callable[[int, int, str], bool | None]


class ExportError(Exception):
    """An export that cannot run as asked (bad ``--only``, unwritable target...)."""


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


@dataclass
class ExportContext:
    """What writers share: the document, options, and a memo of costly intermediate results
    (the diagrams' SVG is painted once and used by ``system.svg``, HTML and PDF)."""

    document: DesignDocument
    templates: Path | None = None
    design_name: str = "design.json"
    memo: dict[str, Any] = field(default_factory=dict)
    #: The kinds of the writers this pack runs (a writer may start work for another early).
    kinds: tuple[str, ...] = ()
    cleanups: list[Callable[[], None]] = field(default_factory=list)

    def cached(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]

    def on_close(self, cleanup: Callable[[], None]) -> None:
        """Run ``cleanup`` when the pack is done (helper processes, temporary folders)."""
        self.cleanups.append(cleanup)

    def close(self) -> None:
        while self.cleanups:
            self.cleanups.pop()()


#: A writer's output: (file name inside the pack, content) pairs; empty when not applicable.
Files = list[tuple[str, bytes]]


@dataclass(frozen=True)
class Writer:
    kind: str
    group: str
    description: str
    produce: Callable[[ExportContext], Files]
    #: Other names ``--only`` accepts for this writer (``svg`` selects every SVG writer).
    aliases: tuple[str, ...] = ()
    #: Called for every chosen writer before any runs: starts slow work in the background.
    prefetch: Callable[[ExportContext], None] | None = None


@dataclass
class WriterFailure:
    kind: str
    message: str


@dataclass
class PackResult:
    files: list[str]
    failures: list[WriterFailure]
    target: Path


def _utf8(name: str, text: str) -> Files:
    return [(name, text.encode("utf-8"))]


def writers() -> list[Writer]:
    """The writer table, in the order files are produced and listed."""
    from studio.export import writers as w

    return w.WRITERS


def kinds() -> list[str]:
    return [w.kind for w in writers()]


def groups() -> list[str]:
    return list(dict.fromkeys(w.group for w in writers()))


def select(only: Iterable[str] | None) -> list[Writer]:
    """The writers named by kind or group (``--only svg,schema``); all when ``only`` is empty."""
    table = writers()
    wanted = [s.strip().lower() for s in (only or []) if s.strip()]
    if not wanted:
        return table
    known = {w.kind for w in table} | {w.group for w in table} | {a for w in table for a in w.aliases}
    unknown = [s for s in wanted if s not in known]
    if unknown:
        raise ExportError(
            f"unknown kind {', '.join(repr(u) for u in unknown)}; choose from: {', '.join(kinds())} "
            f"or the groups {', '.join(groups())}"
        )
    return [w for w in table if w.kind in wanted or w.group in wanted or set(w.aliases) & set(wanted)]


def safe_member(name: str) -> str:
    """A pack member name that cannot leave the pack: plain relative POSIX parts only."""
    parts = [p for p in PurePosixPath(name.replace("\\", "/")).parts if p not in ("", ".", "..", "/")]
    if not parts:
        raise ExportError(f"refusing to write a file with the empty name {name!r}")
    return "/".join(p if _SAFE_PART.fullmatch(p) else slug(p, "file") for p in parts)


def produce(
    document: DesignDocument,
    only: Iterable[str] | None = None,
    *,
    templates: Path | None = None,
    design_name: str = "design.json",
    progress: Progress | None = None,
) -> tuple[list[tuple[str, bytes]], list[WriterFailure]]:
    """Run the selected writers in memory. A writer that raises is reported, not fatal.

    They run one after another on the calling thread: PySide6 holds the GIL while Qt
    paints or prints, so worker threads measured no faster (and QTextDocument warns
    about its layout timers off the main thread). A writer's ``prefetch`` may start a
    helper process first (the PNGs of a large design).
    """
    chosen = select(only)
    context = ExportContext(
        document=document, templates=templates, design_name=design_name, kinds=tuple(w.kind for w in chosen)
    )
    files: dict[str, bytes] = {}
    failures: list[WriterFailure] = []
    try:
        for writer in chosen:
            if writer.prefetch is not None:
                try:
                    writer.prefetch(context)
                except Exception:  # noqa: S112  # only a head start: the writer itself reports
                    continue
        # Writers with a head start run last, giving their background work the most time.
        order = [w for w in chosen if w.prefetch is None] + [w for w in chosen if w.prefetch is not None]
        produced: dict[str, Files] = {}
        for done, writer in enumerate(order):
            if progress is not None and progress(done, len(chosen), writer.kind) is False:
                raise ExportCancelled()
            try:
                produced[writer.kind] = writer.produce(context)
            except ExportCancelled:
                raise
            except Exception as exc:  # one broken writer must not lose the rest of the pack
                message = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                failures.append(WriterFailure(writer.kind, message))
        if progress is not None and progress(len(chosen), len(chosen), "") is False:
            raise ExportCancelled()
    finally:
        context.close()
    for writer in chosen:  # files and failures in the table's order
        for name, data in produced.get(writer.kind, []):
            files[safe_member(name)] = data
    failures.sort(key=lambda f: [w.kind for w in chosen].index(f.kind))
    return list(files.items()), failures


def write_folder(folder: Path, files: list[tuple[str, bytes]]) -> list[str]:
    root = folder.resolve()
    root.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in files:
        target = (root / name).resolve()
        if root != target and root not in target.parents:
            raise ExportError(f"refusing to write {name!r} outside {folder}")
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
        written.append(name)
    return written


def write_zip(path: Path, files: list[tuple[str, bytes]]) -> list[str]:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(
                zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED
            )
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, buffer.getvalue())
    return [name for name, _ in files]


def export_pack(
    document: DesignDocument,
    target: str | os.PathLike[str],
    *,
    as_zip: bool = False,
    only: Iterable[str] | None = None,
    templates: str | os.PathLike[str] | None = None,
    design_name: str = "design.json",
    progress: Progress | None = None,
) -> PackResult:
    """Export the pack to ``target`` (a folder, or a ``.zip`` file with ``as_zip``)."""
    template_dir = Path(templates) if templates is not None else None
    if template_dir is not None and not template_dir.is_dir():
        raise ExportError(f"templates folder {template_dir} does not exist")
    files, failures = produce(
        document, only, templates=template_dir, design_name=design_name, progress=progress
    )
    path = Path(target)
    try:
        written = write_zip(path, files) if as_zip else write_folder(path, files)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    return PackResult(written, failures, path)


def design_text(context: ExportContext) -> str:
    """The design file's text, made once (the SVG writers scan it for CJK characters)."""
    return context.cached("design-text", lambda: dumps(context.document))


def design_file(context: ExportContext) -> Files:
    return _utf8(context.design_name, design_text(context))
