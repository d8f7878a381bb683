"""Spoken summaries (语音播报): at most three short sentences written for the ear, in every
journey and language, and the one the issue names."""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stdout
from datetime import date

import pytest

from kiosk import resources
from kiosk.cli import main as calc
from kiosk.content.texts import LANGUAGES, load_texts
from kiosk.rules import RulesData
from tests.present.test_english import presentations

SENTENCE_ENDS = re.compile(r"[。！？.!?](?=\s|$)")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_result_has_a_short_summary_for_the_ear(rules: RulesData, language: str) -> None:
    texts = load_texts(resources.text_dir(), language)
    for case, shown in presentations(rules, texts):
        spoken = shown.spoken
        assert spoken and "{" not in spoken, case
        assert 1 <= len(SENTENCE_ENDS.findall(spoken)) <= 3, (case, spoken)
        # no separators or symbols a speech engine reads out (a comma between clauses is fine)
        assert not re.search(r"\d,\d", spoken), (case, spoken)
        assert not re.search(r"[（）()《》〔〕/%·≈×÷=]", spoken), (case, spoken)


def test_kiosk_calc_speaks_the_retirement_of_the_issue() -> None:
    """A woman born 1971-03, 原55岁退休: 55岁4个月 and 2026年7月."""
    out = io.StringIO()
    with redirect_stdout(out):
        assert (
            calc(
                [
                    "retirement",
                    "--birth",
                    "1971-03",
                    "--category",
                    "female-55",
                    "--as-of",
                    "2026-03-01",
                ]
            )
            == 0
        )
    data = json.loads(out.getvalue())
    assert "55岁4个月" in data["spoken_summary"] and "2026年7月" in data["spoken_summary"]
    assert data["spoken_summary"] == data["presentation"]["spoken_summary"]


@pytest.mark.parametrize(
    "argv",
    [
        ["contribution", "--kind", "employee", "--year", "2026", "--wage", "12345.67"],
        ["pension", "--retirement-year", "2025", "--index", "0.682", "--contribution-months", "492",
         "--pre-account-months", "169", "--account-balance", "95061.63", "--retirement-age-months", "722"],
    ],
)  # fmt: skip
def test_every_journey_command_prints_its_spoken_summary(argv: list[str]) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert calc([*argv, "--as-of", date(2026, 12, 7).isoformat()]) == 0
    spoken = json.loads(out.getvalue())["spoken_summary"]
    assert spoken and not re.search(r"\d,\d", spoken)
