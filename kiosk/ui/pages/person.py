"""Who the person is, asked alike by 退休年龄与资格 and 养老金测算: 人员类型 (category), 出生年月
(birth) and the contribution years paid so far (累计缴费年限), which the rules check as soon as
the birth month is known (no more months than since the 16th birthday). The answers carry over
from one journey to the other within a visit (:class:`~kiosk.ui.session.SessionAnswers`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.rules import (
    Category,
    InputError,
    RetirementResult,
    YearMonth,
    retirement,
)
from kiosk.rules.models import RetirementData
from kiosk.ui.pages.question import Question, always, choice_question
from kiosk.ui.session import SessionAnswers
from kiosk.ui.widgets.category_chooser import CategoryChooser
from kiosk.ui.widgets.duration_picker import DurationPicker
from kiosk.ui.widgets.year_month_picker import YearMonthPicker

EARLIEST_BIRTH = YearMonth(1950, 1)
YOUNGEST_AGE_YEARS = 16
FIRST_TOUCH_AGE_YEARS = 60  # the birth year's first − or + counts from today's 60-year-olds


class PersonQuestions:
    """The category chooser, the birth-month picker and the years picker, with their questions
    and their checks against the rules."""

    def __init__(self, *, texts: Texts, rules: RetirementData, today: Callable[[], date]) -> None:
        t, common = texts.retirement, texts.common
        self._texts = texts
        self._rules = rules
        self._today = today
        self.category = CategoryChooser(texts=texts)
        now = YearMonth.of(today())
        self.birth = YearMonthPicker(
            texts=common,
            earliest=EARLIEST_BIRTH,
            latest=YearMonth(now.year - YOUNGEST_AGE_YEARS, now.month),
            start_year=now.year - FIRST_TOUCH_AGE_YEARS,
        )
        self.years = DurationPicker(
            texts=common, years_caption=t.years_label, months_caption=t.months_label
        )

    def category_question(self, *, relevant: Callable[[], bool] = always) -> Question:
        t = self._texts.retirement
        return choice_question(
            "category",
            t.category_question,
            self.category,
            missing=t.category_missing,
            relevant=relevant,
        )

    def birth_question(self, *, relevant: Callable[[], bool] = always) -> Question:
        t = self._texts.retirement
        return Question(
            "birth",
            t.birth_question,
            self.birth,
            help=t.birth_help,
            validate=lambda: self.birth.error(
                missing_year=t.birth_missing_year, missing_month=t.birth_missing_month
            ),
            clear=self.birth.clear,
            relevant=relevant,
            changed=(self.birth.changed,),
        )

    def known(self) -> tuple[YearMonth, Category] | None:
        """Birth month and category, once both are answered."""
        birth, category = self.birth.value(), self.category.value()
        if birth is None or category is None:
            return None
        return birth, Category(category)

    def window(
        self, contribution_months: int | None = None, *, first_insured: bool | None = None
    ) -> RetirementResult | None:
        """The rules' retirement result for the answers so far (None until birth and category
        are known); raises InputError for years this person cannot have paid."""
        known = self.known()
        if known is None:
            return None
        birth, category = known
        return retirement(
            birth,
            category,
            self._rules,
            as_of=self._today(),
            contribution_months=contribution_months,
            first_insured_before_2011_07=first_insured,
        )

    def years_error(self) -> str | None:
        """What is wrong with the years chosen for this person, in the catalogue's words (more
        than can have been paid since the 16th birthday); None when nothing is."""
        try:
            self.window(self.years.total_months())
        except InputError as exc:
            return fmt.error_text(self._texts, exc)
        return None

    def remember(
        self, session: SessionAnswers, months: int | None, first_insured: bool | None
    ) -> None:
        """Keep what was answered for the next journey of this visit."""
        known = self.known()
        session.birth, session.category = known if known is not None else (None, None)
        session.contribution_months = months
        session.first_insured_before_2011_07 = first_insured

    def recall(self, session: SessionAnswers) -> tuple[bool, bool]:
        """Fill in what an earlier journey of this visit learnt; whether category and birth
        came from it."""
        if session.category is not None:
            self.category.set_value(session.category.value)
        if session.birth is not None:
            self.birth.set_value(session.birth)
        if session.contribution_months is not None:
            self.years.set_total_months(session.contribution_months)
        return session.category is not None, session.birth is not None
