"""Colours, fonts and sizes of the system diagram, shared by the canvas and file rendering."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QColor, QFont, QFontMetricsF

from studio.layout.system import NODE_HEIGHT, NODE_WIDTH
from studio.model import ComponentKind, GroupKind, Protocol

__all__ = ["NODE_HEIGHT", "NODE_WIDTH"]

#: One hue per component kind, mid-tone so that it reads on light and dark backgrounds.
KIND_COLORS: dict[ComponentKind, str] = {
    ComponentKind.CLIENT: "#4F46E5",
    ComponentKind.CDN: "#0284C7",
    ComponentKind.LOAD_BALANCER: "#0D9488",
    ComponentKind.API_GATEWAY: "#7C3AED",
    ComponentKind.SERVICE: "#2563EB",
    ComponentKind.WORKER: "#C026D3",
    ComponentKind.DATABASE: "#16A34A",
    ComponentKind.CACHE: "#DC2626",
    ComponentKind.QUEUE: "#EA580C",
    ComponentKind.OBJECT_STORAGE: "#CA8A04",
    ComponentKind.SEARCH: "#DB2777",
    ComponentKind.EXTERNAL: "#64748B",
}

#: Edge colours by protocol family: calls, data access, cache, messages.
PROTOCOL_COLORS: dict[Protocol, str] = {
    Protocol.REST: "#475569",
    Protocol.GRAPHQL: "#BE185D",
    Protocol.GRPC: "#0F766E",
    Protocol.WEBSOCKET: "#6D28D9",
    Protocol.ASYNC_MESSAGE: "#C2410C",
    Protocol.DB_READ: "#15803D",
    Protocol.DB_WRITE: "#15803D",
    Protocol.CACHE: "#B91C1C",
}

GROUP_COLORS: dict[GroupKind, str] = {
    GroupKind.BOUNDED_CONTEXT: "#2563EB",
    GroupKind.ZONE: "#D97706",
}

GROUP_CAPTIONS: dict[GroupKind, str] = {
    GroupKind.BOUNDED_CONTEXT: "BOUNDED CONTEXT",
    GroupKind.ZONE: "ZONE",
}

FONT_FAMILIES = [
    "Inter",
    "Segoe UI",
    "Helvetica Neue",
    "Liberation Sans",
    "Arial",
    "Nimbus Sans",
    "DejaVu Sans",
]
NAME_PX = 13
NAME_MIN_PX = 10
DETAIL_PX = 11
LABEL_PX = 11
ICON_SIZE = 30.0


@dataclass(frozen=True)
class Theme:
    """Colours that change between light and dark windows (files always use LIGHT)."""

    name: str
    background: str
    grid: str
    node_fill: str
    tint: float  # how much of the kind colour goes into a node's fill
    text: str
    subtext: str
    label_fill: str
    selection: str
    group_fill_alpha: int


LIGHT = Theme("light", "#F8FAFC", "#E2E8F0", "#FFFFFF", 0.07, "#0F172A", "#475569", "#FFFFFF", "#2563EB", 18)
DARK = Theme("dark", "#161B22", "#262D38", "#1F2630", 0.16, "#E6EDF3", "#9AA6B2", "#1F2630", "#58A6FF", 34)


@cache
def font(pixel_size: int, bold: bool = False) -> QFont:
    """Fonts sized in pixels (scene units), so screen, SVG, PNG and PDF agree."""
    f = QFont()
    f.setFamilies(FONT_FAMILIES)
    f.setPixelSize(pixel_size)
    f.setBold(bold)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


@cache
def metrics(pixel_size: int, bold: bool = False) -> QFontMetricsF:
    """Shared metrics per font: building one per call costs more than the measuring."""
    return QFontMetricsF(font(pixel_size, bold))


def mix(color: str, base: str, amount: float) -> QColor:
    """``amount`` of ``color`` over ``base`` (a tint that works on both themes)."""
    a, b = QColor(color), QColor(base)
    return QColor(
        round(b.red() + (a.red() - b.red()) * amount),
        round(b.green() + (a.green() - b.green()) * amount),
        round(b.blue() + (a.blue() - b.blue()) * amount),
    )
