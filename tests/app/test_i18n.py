"""Korean through Qt's translation system, the locale rule, and the export headings dictionary."""

from __future__ import annotations

import string
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from studio.export.i18n import LABELS, SECTION_HEADINGS, labels, section_headings
from studio.resources import resource
from studio.ui.i18n import install_translators, resolve_language, translate_window
from studio.ui.main_window import MainWindow


@pytest.fixture
def korean(qapp):  # type: ignore[no-untyped-def]
    assert install_translators(qapp, "ko") == "ko"
    yield qapp
    install_translators(qapp, "en")


def test_locale_decides_unless_the_user_chose() -> None:
    assert resolve_language("system", QLocale("ko_KR")) == "ko"
    assert resolve_language("system", QLocale("de_DE")) == "en"
    assert resolve_language("en", QLocale("ko_KR")) == "en"
    assert resolve_language("ko", QLocale("en_US")) == "ko"


def test_studio_and_qt_dialogs_speak_korean(korean) -> None:  # type: ignore[no-untyped-def]
    assert QCoreApplication.translate("RecoveryDialog", "&Restore") == "복원(&R)"
    assert QCoreApplication.translate("RecoveryDialog", "%n minute(s) ago", None, 3) == "3분 전"
    # Qt's own strings (standard buttons) come from qtbase_ko shipped with Qt.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"


def test_window_menus_are_translated(korean, qtbot, isolated_settings, recovery_dir) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    try:
        assert translate_window(window) > 0
        titles = [a.text() for a in window.menuBar().actions()]
        assert "파일(&F)" in titles and "편집(&E)" in titles and "&File" not in titles
    finally:
        window.session.close()
        window.deleteLater()


def test_english_leaves_texts_alone(qapp, qtbot, isolated_settings, recovery_dir) -> None:  # type: ignore[no-untyped-def]
    install_translators(qapp, "en")
    window = MainWindow()
    try:
        assert translate_window(window) == 0
        assert "&File" in [a.text() for a in window.menuBar().actions()]
    finally:
        window.session.close()
        window.deleteLater()


@pytest.mark.parametrize("name", ["studio_ko.ts", "window_ko.ts"])
def test_every_shipped_message_is_translated_with_its_placeholders(name: str) -> None:
    for message in ET.parse(resource("i18n", name)).getroot().iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        assert node is not None
        text = "".join(node.itertext())
        if node.get("type") == "unfinished":
            assert source.strip(" +−↑↓") == "", f"{name}: {source!r} is not translated"
            continue
        for placeholder in ("%s", "%n", "%1", "%2"):
            assert (placeholder in source) == (placeholder in text), f"{name}: {source!r} -> {text!r}"


def test_export_headings_exist_in_both_languages_with_the_same_fields() -> None:
    assert SECTION_HEADINGS["ko"].keys() == SECTION_HEADINGS["en"].keys()
    assert LABELS["ko"].keys() == LABELS["en"].keys()
    fields = lambda text: sorted(f for _, f, _, _ in string.Formatter().parse(text) if f)  # noqa: E731
    for key, english in LABELS["en"].items():
        assert fields(LABELS["ko"][key]) == fields(english), key
    assert section_headings("ko")["schema"] == "데이터베이스 스키마"
    assert section_headings("fr") == section_headings("en")
    assert labels("ko")["phase"].format(n=1, name="MVP", users="100,000") == "1단계: MVP (사용자 100,000명)"
