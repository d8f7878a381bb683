"""Fixtures of the 测算单 tests."""

from __future__ import annotations

import pytest
from sheet_helpers import build_sheets

from kiosk import resources
from kiosk.content.texts import Texts, load_texts
from kiosk.present import Sheet
from kiosk.rules import RulesData


@pytest.fixture(scope="session")
def catalogue() -> Texts:
    return load_texts(resources.text_dir())


@pytest.fixture(scope="session")
def sheets(catalogue: Texts, rules: RulesData) -> dict[str, Sheet]:
    return build_sheets(catalogue, rules)
