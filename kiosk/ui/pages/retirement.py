"""退休年龄与资格: category, birth month and (optionally) contribution years -> the statutory
retirement age and month in the official calculator's words, the window and the verdict."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from kiosk.content.texts import Texts
from kiosk.present import Presentation, present_retirement
from kiosk.rules import Category, InputError, RetirementResult, RulesData, YearMonth, retirement
from kiosk.ui.pages.journey import Journey, Question
from kiosk.ui.session import SessionAnswers
from kiosk.ui.widgets.category_chooser import CategoryChooser
from kiosk.ui.widgets.duration_picker import DurationPicker
from kiosk.ui.widgets.option_group import Option, OptionGroup
from kiosk.ui.widgets.result_view import ResultView
from kiosk.ui.widgets.style import button
from kiosk.ui.widgets.year_month_picker import YearMonthPicker

PENSION_JOURNEY = "pension"  # the journey the result offers next
INSURED_BEFORE, INSURED_AFTER, INSURED_UNSURE = "before", "after", "unsure"
EARLIEST_BIRTH = YearMonth(1950, 1)
YOUNGEST_AGE_YEARS = 16
FIRST_TOUCH_AGE_YEARS = 60  # the birth year's first − or + counts from today's 60-year-olds


class RetirementJourney(Journey):
    """Three questions, then the result; its 接着估算养老金 carries the answers on to the
    pension journey (``continue_requested``)."""

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
        self.insured = OptionGroup(
            [
                Option(INSURED_BEFORE, t.insured_before, t.insured_before_detail),
                Option(INSURED_AFTER, t.insured_after, t.insured_after_detail),
                Option(INSURED_UNSURE, t.insured_unsure, t.insured_unsure_detail),
            ],
            texts=texts.common,
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
                Question(
                    "insured",
                    t.insured_question,
                    self.insured,
                    help=t.insured_help,
                    validate=lambda: self._required(self.insured.value(), t.insured_missing),
                    clear=self.insured.clear,
                    relevant=self._lump_sum_may_apply,
                    changed=(self.insured.chosen,),
                ),
            ]
        )

    # Journey ------------------------------------------------------------------------------------

    def present(self) -> Presentation:
        birth, category = self.birth.value(), self.category.value()
        assert birth is not None and category is not None  # validated by the questions
        months = self.years.total_months() if self._contribution_given else None
        insured = {INSURED_BEFORE: True, INSURED_AFTER: False}.get(self.insured.value() or "")
        result = retirement(
            birth,
            Category(category),
            self._rules.retirement,
            as_of=self._today(),
            contribution_months=months,
            first_insured_before_2011_07=insured if self._lump_sum_may_apply() else None,
        )
        self.result = result
        self._session.birth, self._session.category = birth, Category(category)
        self._session.contribution_months = months
        return present_retirement(result, self.texts)

    def decorate(self, view: ResultView) -> None:
        pension = button(self.texts.retirement.pension_button, "primary", name="to_pension")
        pension.clicked.connect(lambda: self.continue_requested.emit(PENSION_JOURNEY))
        view.add_action(pension)

    def question_for_field(self, field_name: str) -> str | None:
        return {"birth": "birth", "contribution_months": "years"}.get(field_name)

    def _lump_sum_may_apply(self) -> bool:
        """Only someone still short after the years of extension may pay the rest in one sum,
        and only if insured before 2011-07-01: the question is asked only then."""
        birth, category = self.birth.value(), self.category.value()
        if not self._contribution_given or birth is None or category is None:
            return False
        try:
            result = retirement(
                birth,
                Category(category),
                self._rules.retirement,
                as_of=self._today(),
                contribution_months=self.years.total_months(),
            )
        except InputError:
            return False
        extension = self._rules.retirement.shortfall.lump_sum_after_extension_years * 12
        return (result.shortfall_months or 0) > extension

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
        """Given (and no more than can have been paid since the 16th birthday): 下一步 takes the
        years shown only once they have been chosen (跳过 is the other way)."""
        if self.years.value() is None:
            return self.texts.retirement.years_missing
        self._contribution_given = True
        birth, category = self.birth.value(), self.category.value()
        if birth is None or category is None:
            return None
        try:
            retirement(
                birth,
                Category(category),
                self._rules.retirement,
                as_of=self._today(),
                contribution_months=self.years.total_months(),
            )
        except InputError as exc:
            return self.error_text(exc)
        return None

    def _skip_years(self) -> None:
        self._contribution_given = False

    def _clear_years(self) -> None:
        self._contribution_given = False
        self.years.clear()
