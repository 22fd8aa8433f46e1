"""The interface language: Qt translators for the studio and for Qt's own dialogs.

English is the source language. Other languages ship as compiled Qt Linguist files,
``resources/i18n/studio_<lang>.qm`` (sources: the ``.ts`` beside them, refreshed by
``packaging/update_translations.sh``). The language follows the system locale unless
Preferences names one; the choice is read before the first window is built, so a change
takes effect on the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTabWidget, QToolBar

from studio.resources import resource

translate = QCoreApplication.translate  # the name lupdate looks for

#: The QApplication property that names the interface language in use.
LANGUAGE_PROPERTY = "studioLanguage"
#: Interface languages the studio ships, by code.
LANGUAGES: dict[str, str] = {"en": "English", "ko": "한국어"}


def language_labels() -> dict[str, str]:
    return {"system": translate("Languages", "Follow the system"), **LANGUAGES}


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """The language to use for a setting: ``system`` maps the locale to one we ship."""
    if choice in LANGUAGES:
        return choice
    locale = system if system is not None else QLocale.system()
    for name in locale.uiLanguages():
        code = name.split("-")[0].split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def install_translators(app: QCoreApplication, choice: str = "system") -> str:
    """Load the studio's and Qt's translations for ``choice``; returns the language used."""
    language = resolve_language(choice)
    app.setProperty(LANGUAGE_PROPERTY, language)
    for old in app.findChildren(QTranslator, "studio-translator"):
        app.removeTranslator(old)
        old.deleteLater()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return language
    QLocale.setDefault(QLocale(language))
    studio = QTranslator(app)
    if not studio.load(str(resource("i18n", f"studio_{language}.qm"))):
        app.setProperty(LANGUAGE_PROPERTY, "en")
        return "en"  # a missing file leaves the interface in English rather than half-translated
    qt_own = QTranslator(app)
    for translator in (studio, qt_own):
        translator.setObjectName("studio-translator")
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
    app.installTranslator(studio)
    return language


def install_for_settings(app: QCoreApplication) -> str:
    """Called by the app before the first window: the language from the saved settings."""
    from studio.ui.settings import app_settings

    return install_translators(app, str(app_settings().get("language")))


#: The context under which texts that other views set without tr() are translated.
WINDOW_CONTEXT = "Window"


def window_texts(window: QMainWindow) -> list[str]:
    """Menu, action, dock and tab texts of the window, as the views set them (in English)."""
    texts: list[str] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.text() and not action.isSeparator():
                texts.append(action.text())
            if action.menu() is not None:
                walk(action.menu())

    for action in window.menuBar().actions():
        texts.append(action.text())
        if action.menu() is not None:
            walk(action.menu())
    for action in window.findChildren(QAction):
        texts.extend(t for t in (action.text(), action.toolTip(), action.statusTip()) if t)
    for dock in window.findChildren(QDockWidget):
        texts.append(dock.windowTitle())
    for toolbar in window.findChildren(QToolBar):
        texts.append(toolbar.windowTitle())
    for tabs in window.findChildren(QTabWidget):
        texts.extend(tabs.tabText(i) for i in range(tabs.count()))
    return list(dict.fromkeys(t for t in texts if t.strip()))


def translate_window(window: QMainWindow) -> int:
    """Translate texts that views set in English (without tr()) through the Window context.

    Returns how many texts changed. Run once after every view is installed; texts a view
    changes later (for example undo labels) stay as the view sets them.
    """
    changed = 0

    def tr(text: str) -> str:
        nonlocal changed
        if not text:
            return text
        translated = QCoreApplication.translate(WINDOW_CONTEXT, text)
        changed += translated != text
        return translated

    for action in window.findChildren(QAction):
        if action.text():
            action.setText(tr(action.text()))
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            action.setToolTip(tr(action.toolTip()))
        if action.statusTip():
            action.setStatusTip(tr(action.statusTip()))
    for menu in window.menuBar().findChildren(QMenu):
        menu.setTitle(tr(menu.title()))
    for dock in window.findChildren(QDockWidget):
        dock.setWindowTitle(tr(dock.windowTitle()))
    for toolbar in window.findChildren(QToolBar):
        toolbar.setWindowTitle(tr(toolbar.windowTitle()))
    for tabs in window.findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setTabText(i, tr(tabs.tabText(i)))
    return changed
