"""Typed user settings kept in QSettings, with defaults for anything missing or damaged.

The values live in a pydantic model, so each one has a type, bounds and a default in one
place; QSettings is only the storage (an INI file under the user's config folder on Linux).
A value that fails validation, or a settings file Qt cannot parse, falls back to the
default and leaves a one-line problem for the window to show: a hand-edited or damaged
settings file never stops the studio from starting.

Other views read the live values through :func:`app_settings` and follow ``changed``.
Keys that other parts of the studio store themselves (for example the recent files list)
share the same QSettings file and are left alone here.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

Theme = Literal["system", "light", "dark", "high-contrast"]
Language = Literal["system", "en", "ko"]
Template = Literal["blank", "ecommerce", "migration"]


class StudioSettings(BaseModel):
    """Every preference the user can change, with its default and its allowed values."""

    model_config = ConfigDict(validate_assignment=True, extra="ignore")

    theme: Theme = "system"
    language: Language = "system"
    autosave_interval_s: int = Field(default=30, ge=1, le=3600)
    grid_size: int = Field(default=20, ge=4, le=200)
    snap_to_grid: bool = False
    show_grid: bool = True
    last_template: Template = "ecommerce"
    default_export_folder: str = ""
    workshop_font_scale: float = Field(default=1.4, ge=1.0, le=3.0)


#: StudioSettings field -> QSettings key.
KEYS: dict[str, str] = {
    "theme": "appearance/theme",
    "language": "appearance/language",
    "autosave_interval_s": "autosave/interval_s",
    "grid_size": "canvas/grid_size",
    "snap_to_grid": "canvas/snap_to_grid",
    "show_grid": "canvas/show_grid",
    "last_template": "documents/last_template",
    "default_export_folder": "export/default_folder",
    "workshop_font_scale": "workshop/font_scale",
}
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"


class Settings(QObject):
    """The studio's settings: read once, validated, written back on every change."""

    #: The name of the StudioSettings field that changed.
    changed = Signal(str)

    def __init__(self, store: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store if store is not None else QSettings()
        self.problems: list[str] = []
        self.values = self._load()

    # -- loading ---------------------------------------------------------------------
    def _load(self) -> StudioSettings:
        if self.store.status() == QSettings.Status.FormatError:
            backup = _keep_damaged_copy(self.store.fileName())
            # Start a clean file so that new choices are stored again.
            Path(self.store.fileName()).unlink(missing_ok=True)
            self.store = QSettings(self.store.fileName(), self.store.format())
            self.problems.append(
                f"The settings file {self.store.fileName()} could not be read; defaults are used"
                + (f" (the damaged file was kept as {backup})." if backup else ".")
            )
            return StudioSettings()
        raw: dict[str, Any] = {}
        for name, key in KEYS.items():
            if self.store.contains(key):
                raw[name] = self.store.value(key)
        while True:
            try:
                return StudioSettings.model_validate(raw)
            except ValidationError as exc:
                bad = {str(err["loc"][0]) for err in exc.errors() if err["loc"]}
                if not bad:  # pragma: no cover - every field error has a location
                    return StudioSettings()
                for err in exc.errors():
                    name = str(err["loc"][0])
                    if name in raw:
                        default = StudioSettings.model_fields[name].default
                        self.problems.append(
                            f"Setting {KEYS[name]} = {raw[name]!r} is not valid ({err['msg'].lower()}); "
                            f"using the default {default!r}."
                        )
                        raw.pop(name)

    # -- values ----------------------------------------------------------------------
    def get(self, name: str) -> Any:
        return getattr(self.values, name)

    def set(self, name: str, value: Any) -> None:
        """Validate, store and announce one value; raises ValueError for an invalid value."""
        if name not in KEYS:
            raise KeyError(f"no setting {name!r}")
        if getattr(self.values, name) == value:
            return
        try:
            setattr(self.values, name, value)
        except ValidationError as exc:
            raise ValueError(f"{name}: {exc.errors()[0]['msg'].lower()}") from None
        self.store.setValue(KEYS[name], getattr(self.values, name))
        self.store.sync()
        self.changed.emit(name)

    # -- window layout -----------------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        return self._bytes(GEOMETRY_KEY)

    def window_state(self) -> QByteArray | None:
        return self._bytes(STATE_KEY)

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue(GEOMETRY_KEY, geometry)
        self.store.setValue(STATE_KEY, state)
        self.store.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        if value is not None:
            self.problems.append(f"Setting {key} is damaged; the default window layout is used.")
            self.store.remove(key)
        return None


def _keep_damaged_copy(file_name: str) -> str:
    """Copy a settings file Qt could not parse aside before it is rewritten."""
    source = Path(file_name)
    if not source.is_file():
        return ""
    target = source.with_name(source.name + ".damaged")
    try:
        shutil.copyfile(source, target)
    except OSError:
        return ""
    return str(target)


_instance: Settings | None = None


def app_settings() -> Settings:
    """The settings of this process (created on first use, after the QApplication)."""
    global _instance
    if _instance is None:
        _instance = Settings()
    return _instance


def reset_app_settings() -> None:
    """Forget the process-wide instance (tests use a fresh settings file each)."""
    global _instance
    _instance = None
