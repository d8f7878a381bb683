"""The English catalogue mirrors the Chinese one: the same keys (the pydantic models), the same
named placeholders per string, every string filled, and no Chinese except official names in
brackets, e.g. "Weihai Municipal Social Insurance Centre (威海市社会保险事业中心)"."""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import Iterator
from dataclasses import asdict

import pytest

from kiosk import resources
from kiosk.content.texts import DEFAULT_LANGUAGE, LANGUAGES, SECTIONS, Texts, load_texts

CJK = re.compile("[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
BRACKETED = re.compile(r"\([^()]*\)")
# The home screen's switch names the other language in that language.
CJK_ALLOWED = {"common.language_switch"}


@pytest.fixture(scope="module")
def catalogues() -> dict[str, Texts]:
    return {language: load_texts(resources.text_dir(), language) for language in LANGUAGES}


def flat(value: object, key: str = "") -> Iterator[tuple[str, str]]:
    """``(dotted.key, text)`` of every string of a model dump."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from flat(item, f"{key}.{name}" if key else name)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from flat(item, f"{key}[{i}]")


def strings(texts: Texts, section: str) -> dict[str, str]:
    return {f"{section}.{k}": v for k, v in flat(asdict(getattr(texts, section)))}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def unbracketed_cjk(text: str) -> str:
    """The Chinese characters outside ``(...)``: an official name in brackets is allowed."""
    return "".join(CJK.findall(BRACKETED.sub("", text)))


GLOSSES = "common.basis_glosses"  # the documents' glosses: only languages other than theirs


def test_every_document_has_an_english_gloss(catalogues: dict[str, Texts], rules) -> None:
    """政策依据 keeps each document's Chinese title; English adds a gloss for every one."""
    cited = {
        f"{basis.section}.{name}"
        for basis in (
            rules.retirement.legal_basis,
            rules.contribution.legal_basis,
            rules.rates.legal_basis,
            rules.pension.legal_basis,
        )
        for name in (field.name for field in dataclasses.fields(basis))
    }
    assert set(catalogues["en"].common.basis_glosses) == cited
    assert catalogues[DEFAULT_LANGUAGE].common.basis_glosses == {}


def test_every_language_of_the_settings_is_bundled() -> None:
    from typing import get_args

    from kiosk.settings import Language

    assert set(get_args(Language)) == set(LANGUAGES)
    assert DEFAULT_LANGUAGE in LANGUAGES


@pytest.mark.parametrize("section", list(SECTIONS))
def test_same_keys_and_placeholders(catalogues: dict[str, Texts], section: str) -> None:
    zh, en = (
        {k: v for k, v in strings(catalogues[lang], section).items() if not k.startswith(GLOSSES)}
        for lang in (DEFAULT_LANGUAGE, "en")
    )
    assert set(zh) == set(en)
    differ = {
        key: (placeholders(zh[key]), placeholders(en[key]))
        for key in zh
        if placeholders(zh[key]) != placeholders(en[key])
    }
    assert differ == {}


@pytest.mark.parametrize("section", list(SECTIONS))
def test_english_is_filled_and_not_chinese(catalogues: dict[str, Texts], section: str) -> None:
    en = strings(catalogues["en"], section)
    assert [key for key, text in en.items() if not text.strip()] == []
    chinese = {
        key: text for key, text in en.items() if key not in CJK_ALLOWED and unbracketed_cjk(text)
    }
    assert chinese == {}


def test_the_bracket_rule() -> None:
    assert unbracketed_cjk("Weihai Centre (威海市社会保险事业中心)") == ""
    assert unbracketed_cjk("退休 (retirement)") == "退休"
    assert unbracketed_cjk("Back（返回）") != ""  # full-width brackets are not the rule's


def test_the_language_switch_names_the_other_language(catalogues: dict[str, Texts]) -> None:
    assert catalogues[DEFAULT_LANGUAGE].common.language_switch == "English"
    assert catalogues["en"].common.language_switch == "中文"


def test_the_bundle_loads_both(bundle) -> None:
    assert set(bundle.catalogues) == set(LANGUAGES)
    assert bundle.texts is bundle.catalogues[DEFAULT_LANGUAGE]
    assert bundle.catalogue("en").language == "en"
