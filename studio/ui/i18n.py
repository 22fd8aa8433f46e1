"""The interface language: Qt translators for the studio and for Qt's own dialogs.

English is the source language. Other languages ship as compiled Qt Linguist files,
``resources/i18n/studio_<lang>.qm`` (sources: the ``.ts`` beside them, refreshed by
``packaging/update_translations.sh``). The language follows the system locale unless
Preferences names one; the choice is read before the first window is built, so a change
takes effect on the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from studio.resources import resource

#: Interface languages the studio ships, by code.
LANGUAGES: dict[str, str] = {"en": "English", "ko": "한국어"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Languages", text)


def language_labels() -> dict[str, str]:
    return {"system": _tr("Follow the system"), **LANGUAGES}


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
    for old in app.findChildren(QTranslator, "studio-translator"):
        app.removeTranslator(old)
        old.deleteLater()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return language
    QLocale.setDefault(QLocale(language))
    studio = QTranslator(app)
    if not studio.load(str(resource("i18n", f"studio_{language}.qm"))):
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
