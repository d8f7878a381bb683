"""退休年龄与资格: category, birth month and (optionally) contribution years -> the statutory
retirement age and month in the official calculator's words, the window and the verdict."""

from __future__ import annotations

from kiosk.present import Presentation, present_retirement
from kiosk.rules import InputError, RetirementResult
from kiosk.ui.pages.journey import CalculationJourney, Question
from kiosk.ui.pages.person import PersonQuestions
from kiosk.ui.pages.question import choice_question
from kiosk.ui.widgets.option_group import Option, OptionGroup
from kiosk.ui.widgets.result_view import ResultView
from kiosk.ui.widgets.style import button

PENSION_JOURNEY = "pension"  # the journey the result offers next
INSURED_BEFORE, INSURED_AFTER, INSURED_UNSURE = "before", "after", "unsure"


class RetirementJourney(CalculationJourney):
    """Three questions (a fourth, about 2011-07-01, only for those the lump sum may help), then
    the result; its 接着估算养老金 carries the answers on to the pension journey
    (``continue_requested``)."""

    def _setup_ui(self) -> None:
        texts, t = self.texts, self.texts.retirement
        self._contribution_given = False
        self.result: RetirementResult | None = None
        self.person = PersonQuestions(texts=texts, rules=self._rules.retirement, today=self._today)
        self.category, self.birth, self.years = (
            self.person.category,
            self.person.birth,
            self.person.years,
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
                self.person.category_question(),
                self.person.birth_question(),
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
                choice_question(
                    "insured",
                    t.insured_question,
                    self.insured,
                    missing=t.insured_missing,
                    help=t.insured_help,
                    relevant=self._lump_sum_may_apply,
                ),
            ]
        )

    # Journey ------------------------------------------------------------------------------------

    def present(self) -> Presentation:
        months = self.years.total_months() if self._contribution_given else None
        insured = {INSURED_BEFORE: True, INSURED_AFTER: False}.get(self.insured.value() or "")
        if not self._lump_sum_may_apply():
            insured = None
        result = self.person.window(months, first_insured=insured)
        assert result is not None  # category and birth: validated by the questions
        self.result = result
        self.person.remember(self._session, months, insured)
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
        if not self._contribution_given:
            return False
        try:
            result = self.person.window(self.years.total_months())
        except InputError:
            return False
        extension = self._rules.retirement.shortfall.lump_sum_after_extension_years * 12
        return result is not None and (result.shortfall_months or 0) > extension

    def reset(self) -> None:
        self.result = None
        super().reset()

    # helpers ------------------------------------------------------------------------------------

    def _mark_years_given(self) -> str | None:
        """Given (and no more than can have been paid since the 16th birthday): 下一步 takes the
        years shown only once they have been chosen (跳过 is the other way)."""
        if self.years.value() is None:
            return self.texts.retirement.years_missing
        self._contribution_given = True
        return self.person.years_error()

    def _skip_years(self) -> None:
        self._contribution_given = False

    def _clear_years(self) -> None:
        self._contribution_given = False
        self.years.clear()
