"""The per-design document language: a file key with a default, validated, reversible."""

from __future__ import annotations

import json
from typing import get_args

import pytest

from studio.export.i18n import DOCUMENT_LANGUAGES
from studio.io.design_file import DesignFileError, dumps, loads
from studio.model import Design, DesignDocument, DocumentLanguage


def test_the_model_knows_exactly_the_languages_the_export_has_words_for() -> None:
    assert set(get_args(DocumentLanguage)) == set(DOCUMENT_LANGUAGES)


def test_a_file_without_the_key_loads_as_english(ecommerce: DesignDocument) -> None:
    raw = json.loads(dumps(ecommerce))
    del raw["language"]
    assert loads(json.dumps(raw)).language == "en"


def test_the_key_follows_the_overview_and_round_trips(ecommerce: DesignDocument) -> None:
    ecommerce.language = "ko"
    text = dumps(ecommerce)
    assert list(json.loads(text))[:4] == ["format", "version", "overview", "language"]
    assert loads(text).language == "ko" and dumps(loads(text)) == text


def test_an_unknown_language_is_refused_with_its_place(ecommerce: DesignDocument) -> None:
    raw = json.loads(dumps(ecommerce))
    raw["language"] = "fr"
    with pytest.raises(DesignFileError, match=r"^shop\.json: language: .*'en' or 'ko'"):
        loads(json.dumps(raw), "shop.json")


def test_setting_the_language_is_an_operation_with_an_exact_inverse(ecommerce_design: Design) -> None:
    op = ecommerce_design.set_op(("language",), "ko")
    ecommerce_design.apply(op)
    assert ecommerce_design.document.language == "ko"
    ecommerce_design.apply(op.inverse())
    assert ecommerce_design.document.language == "en"
