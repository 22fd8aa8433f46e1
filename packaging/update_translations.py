"""Refresh the Qt Linguist files and compile them: ``python packaging/update_translations.py``.

Two sources of text feed ``resources/i18n/``:

* ``studio_<lang>.ts``: every ``tr()`` / ``translate()`` / ``QT_TRANSLATE_NOOP`` in
  ``studio/``, extracted by ``pyside6-lupdate`` (existing translations are kept);
* ``window_<lang>.ts``: the menu, action, dock and tab texts the views set in plain English,
  collected from a real window (offscreen) under the ``Window`` context that
  ``studio.ui.i18n.translate_window`` looks them up in.

New texts arrive as unfinished; a translator fills them in Qt Linguist
(``pyside6-linguist resources/i18n/studio_ko.ts``) or from a JSON map with
``--fill map.json`` (source text -> translation). Finally ``pyside6-lrelease`` compiles
both into ``studio_<lang>.qm``, the file the studio loads.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
I18N = REPO / "resources" / "i18n"
LANGUAGES = ("ko",)


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        raise SystemExit(f"update_translations: {name} not found (it ships with PySide6)")
    return found


def collect_window_texts() -> list[str]:
    """Start a window offscreen in a temporary home and list its English texts."""
    code = (
        "import json, tempfile, os\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "app.setApplicationName('Backend Architect Studio')\n"
        "app.setOrganizationName('BackendArchitectStudio')\n"
        "from studio.ui.main_window import MainWindow\n"
        "from studio.ui.i18n import window_texts\n"
        "w = MainWindow(); w.open_initial(None); w.show(); app.processEvents()\n"
        "print(json.dumps(window_texts(w)))\n"
        "w.session.undo_stack.setClean(); w.close(); w.session.close()\n"
    )
    home = Path(os.environ.get("TMPDIR", "/tmp")) / "studio-i18n-home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "PYTHONPATH": str(REPO),
        "LANG": "C.UTF-8",
    }
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def write_window_ts(path: Path, language: str, texts: list[str]) -> None:
    """Merge ``texts`` into the Window context, keeping translations already made."""
    known: dict[str, ET.Element] = {}
    if path.exists():
        for message in ET.parse(path).getroot().iter("message"):
            known[message.findtext("source") or ""] = message
    root = ET.Element("TS", version="2.1", language=f"{language}_KR" if language == "ko" else language)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = "Window"
    for text in sorted(set(texts) | {s for s, m in known.items() if (m.findtext("translation") or "")}):
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        old = known.get(text)
        translation = ET.SubElement(message, "translation")
        if old is not None and (old.findtext("translation") or ""):
            translation.text = old.findtext("translation")
        else:
            translation.set("type", "unfinished")
    _write(root, path)


def fill(path: Path, translations: dict[str, str]) -> int:
    """Fill unfinished messages whose source text the map knows; returns how many."""
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        if node is None or source not in translations or node.get("type") not in ("unfinished", None):
            continue
        if node.get("type") is None and node.text:
            continue
        if message.get("numerus") == "yes":
            for old in list(node):
                node.remove(old)
            ET.SubElement(node, "numerusform").text = translations[source]
        else:
            node.text = translations[source]
        node.attrib.pop("type", None)
        filled += 1
    _write(tree.getroot(), path)
    return filled


def _drop_code_comments(path: Path) -> None:
    """lupdate takes the code's ``#:`` documentation comments for translator notes: drop them."""
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        for note in message.findall("extracomment"):
            message.remove(note)
    _write(tree.getroot(), path)


def _write(root: ET.Element, path: Path) -> None:
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--fill", type=Path, help="JSON map of source text -> translation (Korean)")
    parser.add_argument("--no-window", action="store_true", help="skip collecting texts from a window")
    args = parser.parse_args()
    I18N.mkdir(parents=True, exist_ok=True)
    texts = [] if args.no_window else collect_window_texts()
    for language in LANGUAGES:
        studio_ts, window_ts = I18N / f"studio_{language}.ts", I18N / f"window_{language}.ts"
        subprocess.run(
            [_tool("pyside6-lupdate"), "-extensions", "py", "-no-obsolete", "-locations", "none",
             "-target-language", f"{language}_KR", str(REPO / "studio"), "-ts", str(studio_ts)],
            check=True, cwd=REPO,
        )  # fmt: skip
        _drop_code_comments(studio_ts)
        if texts:
            write_window_ts(window_ts, language, texts)
        if args.fill:
            mapping = json.loads(args.fill.read_text(encoding="utf-8"))
            print(f"filled {fill(studio_ts, mapping)} + {fill(window_ts, mapping)} messages")
        subprocess.run(
            [
                _tool("pyside6-lrelease"),
                str(studio_ts),
                str(window_ts),
                "-qm",
                str(I18N / f"studio_{language}.qm"),
            ],
            check=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
