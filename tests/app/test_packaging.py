"""Desktop integration files: the menu entry, the MIME type and the icon agree with each other.

The PyInstaller build itself takes minutes and is a documented manual check
(``packaging/build.sh``, output in the README); these tests keep its inputs honest.
"""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from studio.io.design_file import dumps
from studio.model import DesignDocument

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(PACKAGING / "backend-architect-studio.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def _mime_type() -> ET.Element:
    root = ET.parse(PACKAGING / "backend-architect-studio-mime.xml").getroot()
    node = root.find("m:mime-type", MIME_NS)
    assert node is not None
    return node


def test_desktop_entry_opens_design_files_with_the_app_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application" and entry["Exec"].split()[0] == "studio"
    assert "%f" in entry["Exec"]
    assert entry["MimeType"].rstrip(";") == _mime_type().get("type")
    assert entry["Icon"] == "backend-architect-studio"
    assert (REPO / "resources" / "icons" / "app.svg").is_file()


def test_mime_magic_recognises_a_saved_design() -> None:
    magic = _mime_type().find("m:magic/m:match", MIME_NS)
    assert magic is not None
    start, end = (int(n) for n in magic.get("offset", "0:0").split(":"))
    head = dumps(DesignDocument())[: end + len(magic.get("value", ""))]
    assert magic.get("value", "") in head[start:]
    glob = _mime_type().find("m:glob", MIME_NS)
    assert glob is not None and re.fullmatch(
        glob.get("pattern", "").replace(".", r"\.").replace("*", ".*"), "shop.bas.json"
    )


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / "backend-architect-studio.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_spec_ships_resources_where_the_package_looks_for_them() -> None:
    spec = (PACKAGING / "studio.spec").read_text(encoding="utf-8")
    assert '"studio/resources"' in spec and '"studio/templates"' in spec
    assert (PACKAGING / "build.sh").stat().st_mode & 0o111
