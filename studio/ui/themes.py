"""Light, dark and high-contrast themes: a Fusion palette plus a stylesheet from resources/themes.

``system`` (the default) follows the desktop's colour scheme through
``QStyleHints.colorScheme`` and switches when the desktop does. The palette carries the
colours every widget (and any view painting with ``palette()``) uses; the stylesheet adds
only what a palette cannot express, such as dock titles and focus rings. Icons drawn by the
studio should take their colour from ``QPalette.WindowText`` so they stay legible in each.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from studio.resources import resource

translate = QCoreApplication.translate  # the name lupdate looks for

THEMES = ("light", "dark", "high-contrast")

Role = QPalette.ColorRole
#: The colours of each theme by palette role; disabled text is derived.
PALETTES: dict[str, dict[QPalette.ColorRole, str]] = {
    "light": {
        Role.Window: "#f4f6f9",
        Role.WindowText: "#1d2330",
        Role.Base: "#ffffff",
        Role.AlternateBase: "#f0f3f7",
        Role.Text: "#1d2330",
        Role.Button: "#eceff3",
        Role.ButtonText: "#1d2330",
        Role.Highlight: "#2f6fdb",
        Role.HighlightedText: "#ffffff",
        Role.ToolTipBase: "#fffbe6",
        Role.ToolTipText: "#1d2330",
        Role.Link: "#1f5fc4",
        Role.PlaceholderText: "#6b7483",
        Role.Mid: "#c4cad3",
        Role.Dark: "#9aa4b2",
        Role.Light: "#ffffff",
        Role.Shadow: "#5b6372",
        Role.BrightText: "#c4002b",
    },
    "dark": {
        Role.Window: "#1b1f26",
        Role.WindowText: "#d9dee7",
        Role.Base: "#14171c",
        Role.AlternateBase: "#1f242d",
        Role.Text: "#e3e7ee",
        Role.Button: "#262c36",
        Role.ButtonText: "#d9dee7",
        Role.Highlight: "#2f68d0",
        Role.HighlightedText: "#ffffff",
        Role.ToolTipBase: "#2b3240",
        Role.ToolTipText: "#e8ecf2",
        Role.Link: "#7fb0ff",
        Role.PlaceholderText: "#8a93a3",
        Role.Mid: "#3a4252",
        Role.Dark: "#0e1116",
        Role.Light: "#3a4252",
        Role.Shadow: "#000000",
        Role.BrightText: "#ff6b81",
    },
    "high-contrast": {
        Role.Window: "#000000",
        Role.WindowText: "#ffffff",
        Role.Base: "#000000",
        Role.AlternateBase: "#1a1a1a",
        Role.Text: "#ffffff",
        Role.Button: "#000000",
        Role.ButtonText: "#ffffff",
        Role.Highlight: "#ffff00",
        Role.HighlightedText: "#000000",
        Role.ToolTipBase: "#ffff00",
        Role.ToolTipText: "#000000",
        Role.Link: "#00ffff",
        Role.PlaceholderText: "#c0c0c0",
        Role.Mid: "#ffffff",
        Role.Dark: "#ffffff",
        Role.Light: "#ffffff",
        Role.Shadow: "#ffffff",
        Role.BrightText: "#ff4040",
    },
}
DISABLED_TEXT = {"light": "#9aa1ac", "dark": "#5d6675", "high-contrast": "#9a9a9a"}


def theme_labels() -> dict[str, str]:
    return {
        "system": translate("Themes", "Follow the system"),
        "light": translate("Themes", "Light"),
        "dark": translate("Themes", "Dark"),
        "high-contrast": translate("Themes", "High contrast (projectors)"),
    }


def resolve_theme(choice: str) -> str:
    """The concrete theme for a setting: ``system`` becomes light or dark."""
    if choice in THEMES:
        return choice
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication) and app.styleHints().colorScheme() == Qt.ColorScheme.Dark:
        return "dark"
    return "light"


def build_palette(theme: str) -> QPalette:
    palette = QPalette()
    for role, colour in PALETTES[theme].items():
        palette.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT[theme]))
    return palette


def stylesheet(theme: str) -> str:
    path = resource("themes", f"{theme}.qss")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""  # the palette alone still gives a usable theme


class ThemeManager:
    """Applies the chosen theme to the application and follows the system when asked to."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.choice = "system"
        self.current = ""
        app.styleHints().colorSchemeChanged.connect(self._on_system_scheme)

    def apply(self, choice: str) -> str:
        """Apply ``choice`` (a theme or ``system``); returns the theme now in use."""
        self.choice = choice if choice in (*THEMES, "system") else "system"
        theme = resolve_theme(self.choice)
        if theme == self.current:
            return theme
        if self.app.style().name().lower() != "fusion":
            self.app.setStyle("Fusion")
        self.app.setPalette(build_palette(theme))
        self.app.setStyleSheet(stylesheet(theme))
        self.app.setProperty("studioTheme", theme)
        self.current = theme
        return theme

    def _on_system_scheme(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == "system":
            self.apply("system")


def current_theme() -> str:
    """The theme in use (``light``, ``dark`` or ``high-contrast``), for views that paint."""
    app = QCoreApplication.instance()
    value = app.property("studioTheme") if app is not None else None
    return str(value) if value else "light"
