"""The pack's PNG images painted in a second process while this one writes everything else.

PySide6 keeps the GIL while Qt paints, so a worker thread overlaps nothing (measured);
a process does: on a large design the PNGs are a third of the pack's work. Starting one
costs about a second, so small designs paint in-process, and so does a frozen application
(its executable is not a Python interpreter). Any failure of the helper (it crashed, hung,
wrote nothing) falls back to painting in-process: the pack never depends on it.

Run as ``python -m studio.export.png_process FOLDER DIAGRAM...``: reads ``FOLDER/design.json``,
writes ``FOLDER/<diagram>.png`` for each diagram.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import studio
from studio.export.pack import ExportContext, design_text

#: A design with at least this many components and tables together gets a helper process.
MIN_ELEMENTS = 300
#: The longest the pack waits for the helper before painting the images itself.
TIMEOUT_S = 300.0
#: The PNG writer of each diagram.
PNG_KINDS = {"system": "system-png", "erd": "erd-png"}


@dataclass
class PngJob:
    """A running helper process and the temporary folder it writes into."""

    process: subprocess.Popen[bytes]
    folder: tempfile.TemporaryDirectory[str]

    def result(self, diagram: str) -> bytes | None:
        """The diagram's PNG bytes, or None if the helper did not make them."""
        try:
            self.process.wait(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.close()
            return None
        path = Path(self.folder.name) / f"{diagram}.png"
        if self.process.returncode != 0 or not path.is_file():
            return None
        return path.read_bytes()

    def close(self) -> None:
        """Stop the helper if it still runs and remove its folder."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.folder.cleanup()


def worth_a_process(context: ExportContext) -> bool:
    doc = context.document
    return (
        not getattr(sys, "frozen", False)
        and len(doc.components) + len(doc.schema.tables) >= MIN_ELEMENTS
        and (os.cpu_count() or 1) > 1
    )


def start(context: ExportContext) -> None:
    """Start the helper for the PNGs this pack will contain (once per pack; a no-op when
    the design is small or a helper cannot run here)."""

    def make() -> PngJob | None:
        diagrams = [d for d, kind in PNG_KINDS.items() if kind in context.kinds]
        if not diagrams or not worth_a_process(context):
            return None
        folder = tempfile.TemporaryDirectory(prefix="studio-png-")
        (Path(folder.name) / "design.json").write_text(design_text(context), encoding="utf-8")
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # The helper imports this very studio package, wherever it was imported from.
        package_root = str(Path(studio.__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", "studio.export.png_process", folder.name, *diagrams],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
            )
        except OSError:
            folder.cleanup()
            return None
        job = PngJob(process, folder)
        context.on_close(job.close)
        return job

    context.cached("png-process", make)


def painted(context: ExportContext, diagram: str) -> bytes | None:
    """The helper's PNG of ``diagram``, or None when there is no helper or it failed."""
    job: PngJob | None = context.memo.get("png-process")
    return job.result(diagram) if job is not None else None


def main(argv: list[str]) -> int:
    from studio.export.writers import paint
    from studio.io.design_file import load_design

    folder = Path(argv[0])
    context = ExportContext(document=load_design(folder / "design.json"))
    for diagram in argv[1:]:
        part = folder / f"{diagram}.png.part"
        part.write_bytes(paint(context, diagram, ".png"))
        part.replace(folder / f"{diagram}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
