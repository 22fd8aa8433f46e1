"""Test configuration: Qt runs offscreen, and designs come from the gallery or are built in code."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from studio.io.gallery import load_template  # noqa: E402
from studio.model import Design, DesignDocument  # noqa: E402


@pytest.fixture
def ecommerce() -> DesignDocument:
    return load_template("ecommerce")


@pytest.fixture
def ecommerce_design(ecommerce: DesignDocument) -> Design:
    return Design(ecommerce)
