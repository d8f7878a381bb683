"""A fourth journey that exists only for tests: 工龄换算 (a number of months -> years and months).

It has its own module (this one: rules, presenter, page, walks, registration) and its own texts
(below); it touches no other journey's file. ``DEMO`` is its registration: tests pass
``(*JOURNEYS, DEMO)`` wherever the kiosk takes its journeys.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.journeys import CliCommand, CliRun, JourneySpec, Tile
from kiosk.present import Line, Presentation
from kiosk.rules import ErrorCode, InputError, RulesData
from kiosk.ui.pages.journey import Journey, Question
from kiosk.ui.session import SessionAnswers
from kiosk.ui.walks import Walk
from kiosk.ui.widgets.duration_picker import DurationPicker

ID = "demo-years"
# its texts: the journey's own (a real journey keeps them in resources/text/<language>/)
WORDS = {
    "zh_CN": {"title": "工龄换算", "line": "把缴费月数换成年和月", "question": "缴了几个月？"},
    "en": {
        "title": "Months to years",
        "line": "Months paid as years and months",
        "question": "How many months?",
    },
}


def convert(months: int) -> int:
    """The journey's rule: months must be 1..840."""
    if not 1 <= months <= 840:
        raise InputError("contribution_months", ErrorCode.REQUIRED)
    return months


def present(months: int, texts: Texts) -> Presentation:
    words = WORDS[texts.language]
    text = fmt.duration(texts.common, months)
    return Presentation(
        journey=ID,
        title=words["title"],
        sheet_title=words["title"],
        headline=text,
        spoken=text,
        figures=(Line("duration", words["title"], text),),
        parts=(),
        notices=(),
        answers=(Line("months", words["question"], str(months)),),
        details_title=words["title"],
        details=(),
        parameters=(),
        steps=(),
        basis=(),
        disclaimer=texts.common.disclaimer,
        provisional=False,
    )


class DemoJourney(Journey):
    def __init__(
        self,
        *,
        texts: Texts,
        rules: RulesData,
        today: Callable[[], date],
        session: SessionAnswers,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(texts=texts, rules_updated=rules.updated, parent=parent)
        common = texts.common
        self.months = DurationPicker(texts=common, years_caption="", months_caption="")
        self.add_questions(
            [
                Question(
                    "months",
                    WORDS[texts.language]["question"],
                    self.months,
                    validate=lambda: None,
                    clear=self.months.clear,
                )
            ]
        )

    def present(self) -> Presentation:
        return present(convert(self.months.total_months()), self.texts)


def _answer(journey: Journey) -> None:
    assert isinstance(journey, DemoJourney)
    journey.months.set_total_months(30)
    journey.next()


WALKS = (Walk(ID, ID, (_answer,), lambda context: [fmt.duration(context.texts.common, 30)]),)


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--months", type=int, required=True)


def _run(ns: argparse.Namespace, rules: RulesData, today: date, texts: Texts) -> CliRun:
    months = convert(ns.months)
    return CliRun({"months": months, "years": months // 12}, present(months, texts))


DEMO = JourneySpec(
    id=ID,
    icon="guide.svg",
    tile=lambda texts: Tile(WORDS[texts.language]["title"], WORDS[texts.language]["line"]),
    page=f"{__name__}:DemoJourney",
    walks=f"{__name__}:WALKS",
    cli=(CliCommand(ID, "工龄换算（测试用）", _arguments, _run),),
)
