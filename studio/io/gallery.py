"""The templates gallery: example designs shipped in ``resources/gallery/``."""

from __future__ import annotations

from studio.io.design_file import load_design
from studio.model import DesignDocument
from studio.resources import resource

TEMPLATE_TITLES = {
    "blank": "Blank design",
    "ecommerce": "E-commerce backend (100k to 1M users)",
    "migration": "Monolith to microservices (strangler fig)",
}


def template_names() -> list[str]:
    return list(TEMPLATE_TITLES)


def load_template(name: str) -> DesignDocument:
    if name not in TEMPLATE_TITLES:
        raise KeyError(f"no template {name!r}; choose one of: {', '.join(TEMPLATE_TITLES)}")
    if name == "blank":
        return DesignDocument()
    return load_design(resource("gallery", f"{name}.json"))
