"""退休年龄与资格: category, birth month and (optionally) contribution years -> the statutory
retirement age and month in the official calculator's words, the window and the verdict."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.rules import (
    Category,
    RetirementResult,
    RulesData,
    ShortfallOption,
    YearMonth,
    retirement,
)
from kiosk.sheet import Sheet, retirement_sheet
from kiosk.ui.pages.journey import Journey, Question
from kiosk.ui.session import SessionAnswers
from kiosk.ui.widgets.category_chooser import CategoryChooser
from kiosk.ui.widgets.duration_picker import DurationPicker
from kiosk.ui.widgets.results import BasisView, Card, DetailList, FigureGrid, StepsView, notice
from kiosk.ui.widgets.style import button, label
from kiosk.ui.widgets.year_month_picker import YearMonthPicker

EARLIEST_BIRTH = YearMonth(1950, 1)
YOUNGEST_AGE_YEARS = 16
FIRST_TOUCH_AGE_YEARS = 60  # the birth year's first − or + counts from today's 60-year-olds


class RetirementJourney(Journey):
    """Three questions, then the result. ``pension_requested`` carries the answers onward."""

    pension_requested = Signal()

    def __init__(
        self,
        *,
        texts: Texts,
        rules: RulesData,
        today: Callable[[], date],
        session: SessionAnswers,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(texts=texts, parent=parent)
        self._rules = rules
        self._today = today
        self._session = session
        self._contribution_given = False
        self.result: RetirementResult | None = None
        t = texts.retirement
        self.category = CategoryChooser(texts=texts)

        latest = YearMonth.of(today())
        latest = YearMonth(latest.year - YOUNGEST_AGE_YEARS, latest.month)
        self.birth = YearMonthPicker(
            texts=texts.common,
            earliest=EARLIEST_BIRTH,
            latest=latest,
            start_year=today().year - FIRST_TOUCH_AGE_YEARS,
        )
        self.years = DurationPicker(
            texts=texts.common, years_caption=t.years_label, months_caption=t.months_label
        )
        self.add_questions(
            [
                Question(
                    "category",
                    t.category_question,
                    self.category,
                    validate=lambda: self._required(self.category.value(), t.category_missing),
                    clear=self.category.clear,
                    changed=(self.category.chosen,),
                ),
                Question(
                    "birth",
                    t.birth_question,
                    self.birth,
                    help=t.birth_help,
                    validate=self._validate_birth,
                    clear=self.birth.clear,
                    changed=(self.birth.changed,),
                ),
                Question(
                    "years",
                    t.years_question,
                    self.years,
                    help=t.years_help,
                    optional=True,
                    validate=self._mark_years_given,
                    skip=self._skip_years,
                    clear=self._clear_years,
                    changed=(self.years.changed,),
                ),
            ]
        )

    # Journey ------------------------------------------------------------------------------------

    def build_result(self) -> QWidget:
        birth, category = self.birth.value(), self.category.value()
        assert birth is not None and category is not None  # validated by the questions
        months = self.years.total_months() if self._contribution_given else None
        result = retirement(
            birth,
            Category(category),
            self._rules.retirement,
            as_of=self._today(),
            contribution_months=months,
        )
        self.result = result
        self._session.birth, self._session.category = birth, Category(category)
        self._session.contribution_months = months
        return self._result_view(result)

    def question_for_field(self, field_name: str) -> str | None:
        return {"birth": "birth", "contribution_months": "years"}.get(field_name)

    def sheet(self, created: datetime) -> Sheet | None:
        if self.result is None:
            return None
        return retirement_sheet(
            self.texts, self.result, created=created, rules_updated=self._rules.updated
        )

    def reset(self) -> None:
        self.result = None
        super().reset()

    # helpers ------------------------------------------------------------------------------------

    def _validate_birth(self) -> str | None:
        r = self.texts.retirement
        return self.birth.error(
            missing_year=r.birth_missing_year, missing_month=r.birth_missing_month
        )

    def _mark_years_given(self) -> str | None:
        """下一步 takes the years shown only once she has chosen some (跳过 is the other way)."""
        if self.years.value() is None:
            return self.texts.retirement.years_missing
        self._contribution_given = True
        return None

    def _skip_years(self) -> None:
        self._contribution_given = False

    def _clear_years(self) -> None:
        self._contribution_given = False
        self.years.clear()

    def _ym(self, month: YearMonth) -> str:
        return fmt.year_month(self.texts.common, month)

    def _age(self, months: int) -> str:
        return fmt.age(self.texts.common, months)

    def _duration(self, months: int) -> str:
        return fmt.duration(self.texts.common, months)

    def _result_view(self, r: RetirementResult) -> QWidget:
        t = self.texts.retirement
        view = QWidget()
        column = QVBoxLayout(view)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(20)
        column.addWidget(label(t.title, "heading"))
        column.addWidget(
            FigureGrid(
                [
                    (t.statutory_age, self._age(r.statutory_age_months)),
                    (t.statutory_month, self._ym(r.statutory_retirement_month)),
                    (t.delay, t.delay_value.format(months=r.delay_months)),
                ]
            )
        )
        column.addWidget(self._eligibility_card(r))
        time_left = (
            t.time_reached.format(month=self._ym(r.statutory_retirement_month))
            if r.reached
            else t.time_left_value.format(duration=self._duration(r.months_until_retirement))
        )
        column.addWidget(
            DetailList(
                t.details_title,
                [
                    (
                        t.original,
                        t.original_value.format(
                            age=self._age(r.original_age_months),
                            month=self._ym(r.original_retirement_month),
                        ),
                    ),
                    (
                        t.minimum_years,
                        t.minimum_value.format(
                            minimum=self._duration(r.minimum_contribution_months),
                            year=r.statutory_retirement_month.year,
                        ),
                    ),
                    (
                        t.flexible_early,
                        t.flexible_value.format(
                            age=self._age(r.earliest_flexible_age_months),
                            month=self._ym(r.earliest_flexible_retirement_month),
                        ),
                    ),
                    (
                        t.flexible_late,
                        t.flexible_value.format(
                            age=self._age(r.latest_flexible_age_months),
                            month=self._ym(r.latest_flexible_retirement_month),
                        ),
                    ),
                    (t.time_left, time_left),
                ],
            )
        )
        column.addWidget(label(t.flexible_note, "muted"))
        pension = button(t.pension_button, "primary", name="to_pension")
        pension.clicked.connect(self.pension_requested)
        column.addWidget(pension)
        column.addWidget(StepsView(self.texts, r.steps))
        column.addWidget(BasisView(self.texts, r.legal_basis))
        column.addWidget(notice(self.texts.common.disclaimer))
        return view

    def _eligibility_card(self, r: RetirementResult) -> QWidget:
        t = self.texts.retirement
        card = Card()
        card.setObjectName("eligibility")
        card.add(label(t.eligibility_title, "subheading"))
        minimum = self._duration(r.minimum_contribution_months)
        if r.contribution_months is None:
            card.add(label(t.eligibility_unknown.format(minimum=minimum)))
        elif r.meets_minimum:
            card.add(
                label(
                    t.eligibility_meets.format(
                        total=self._duration(r.contribution_months), minimum=minimum
                    )
                )
            )
        else:
            card.add(
                label(
                    t.eligibility_short.format(
                        total=self._duration(r.contribution_months),
                        shortfall=self._duration(r.shortfall_months or 0),
                        minimum=minimum,
                    ),
                    "error",
                )
            )
            wording = {
                ShortfallOption.EXTEND: t.option_extend,
                ShortfallOption.LUMP_SUM: t.option_lump_sum,
                ShortfallOption.TRANSFER: t.option_transfer,
                ShortfallOption.TERMINATE: t.option_terminate,
            }
            for option in r.options:
                card.add(label(f"· {wording[option]}"))
        return card
