"""The one table that words the rules' choices (category, payment period, shortfall option, kind
of retirement): every member of each has its own text in every language."""

from __future__ import annotations

import pytest

from kiosk import resources
from kiosk.content.texts import LANGUAGES, load_texts
from kiosk.present.common import WORDING, name_of


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(WORDING), ids=lambda kind: kind.__name__)
def test_every_choice_is_worded(language: str, kind: type) -> None:
    texts = load_texts(resources.text_dir(), language)
    worded = [name_of(texts, member) for member in kind]
    assert all(text.strip() and "{" not in text for text in worded), worded
    assert len(set(worded)) == len(worded), worded
