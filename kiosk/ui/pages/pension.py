"""养老金测算 (pension estimate): category, birth month, contribution years so far (累计, deemed years
included), retirement age among the months a pension can start, years before the account (建账前),
the contribution level and the personal account (known, or estimated) -> the monthly basic
pension in its three parts, with its steps; 比较不同退休时间 from there.

Category and birth are skipped when the retirement journey has just asked them
(:meth:`PensionJourney.start_from_session`). Someone whose pension can only start past the
计发月数 table is not asked the rest: the result says why there is no estimate and what to do.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import format as fmt
from kiosk.content.texts.pension import LevelText
from kiosk.present import Presentation, present_pension
from kiosk.present.compare import present_comparison
from kiosk.present.no_estimate import present_no_estimate
from kiosk.present.pension import level_text
from kiosk.rules import YearMonth
from kiosk.rules.compare import Comparison, compare_retirement
from kiosk.rules.estimate import PensionEstimate, estimate_pension
from kiosk.ui.after_paint import after_first_paint
from kiosk.ui.pages.journey import CalculationJourney, Question
from kiosk.ui.pages.pension_age import RetirementAgeQuestion
from kiosk.ui.pages.person import PersonQuestions
from kiosk.ui.pages.question import choice_question
from kiosk.ui.widgets.duration_picker import DurationPicker
from kiosk.ui.widgets.keypad import NumericKeypad
from kiosk.ui.widgets.option_group import Option, OptionGroup
from kiosk.ui.widgets.result_view import ResultView
from kiosk.ui.widgets.style import button, label

BALANCE_KNOWN = "known"
BALANCE_ESTIMATE = "estimate"
BALANCE_MAX_DIGITS = 7  # up to 9,999,999.99 元
LEVEL_COLUMNS = 2  # tiers to a row when they fit side by side (landscape), else one


class PensionJourney(CalculationJourney):
    """Eight questions (two skipped after the retirement journey), then the estimate."""

    def _setup_ui(self) -> None:
        texts, t, r = self.texts, self.texts.pension, self.texts.retirement
        self._category_from_session = False
        self._birth_from_session = False
        self._first_insured: bool | None = None  # told in the retirement journey, if asked
        self.result: PensionEstimate | None = None
        self.comparison: Comparison | None = None  # 比较不同退休时间, once opened
        # the comparison for the answers it was worked out from, while their estimate shows
        self._ahead: tuple[dict[str, Any], Comparison, Presentation] | None = None
        common = texts.common
        self.person = PersonQuestions(texts=texts, rules=self._rules.retirement, today=self._today)
        self.category, self.birth, self.total = (
            self.person.category,
            self.person.birth,
            self.person.years,
        )
        self.age_question = RetirementAgeQuestion(
            texts=texts,
            rules=self._rules,
            today=self._today,
            person=self.person,
            first_insured=lambda: self._first_insured,
        )
        self.age = self.age_question.picker
        self.age_kind, self.age_window = self.age_question.kind, self.age_question.range
        self.prefilled = label("", "muted")
        self.prefilled_change = button(t.prefilled_change, "link", name="prefilled_change")
        self.pre_account = DurationPicker(
            texts=common, years_caption=r.years_label, months_caption=r.months_label
        )
        self.level = OptionGroup(
            [Option(key, text.title, text.detail) for key, text in self._levels().items()],
            texts=common,
            columns=LEVEL_COLUMNS,
        )
        self.balance = OptionGroup(
            [
                Option(BALANCE_KNOWN, t.balance_known, t.balance_known_detail),
                Option(BALANCE_ESTIMATE, t.balance_estimate, t.balance_estimate_detail),
            ],
            texts=common,
        )
        self.amount = NumericKeypad(
            texts=common, max_digits=BALANCE_MAX_DIGITS, decimals=2, unit=t.amount_unit
        )
        estimable = self.age_question.estimable
        self.add_questions(
            [
                self.person.category_question(relevant=lambda: not self._category_from_session),
                self.person.birth_question(relevant=lambda: not self._birth_from_session),
                Question(
                    "total",
                    t.total_question,
                    self._total_body(),
                    help=t.total_help,
                    validate=self._validate_total,
                    clear=self.total.clear,
                    changed=(self.total.changed,),
                ),
                self.age_question.question(relevant=estimable),
                Question(
                    "pre_account",
                    t.pre_question,
                    self.pre_account,
                    help=t.pre_help,
                    validate=self._validate_pre_account,
                    clear=self.pre_account.clear,
                    relevant=estimable,
                    changed=(self.pre_account.changed,),
                ),
                choice_question(
                    "level",
                    t.level_question,
                    self.level,
                    missing=t.level_missing,
                    help=t.level_help,
                    relevant=estimable,
                ),
                choice_question(
                    "balance",
                    t.balance_question,
                    self.balance,
                    missing=t.balance_missing,
                    help=t.balance_help,
                    relevant=estimable,
                ),
                Question(
                    "amount",
                    t.amount_question,
                    self.amount,
                    validate=lambda: self._required(self._amount(), t.amount_missing),
                    clear=self.amount.clear,
                    relevant=lambda: estimable() and self.balance.value() == BALANCE_KNOWN,
                    notes=(label(t.amount_help, "muted"),),
                    changed=(self.amount.textChanged,),
                ),
            ]
        )

    def _total_body(self) -> QWidget:
        """The years paid so far, under what was carried over from the retirement journey."""
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self.prefilled_row = QWidget()
        row = QHBoxLayout(self.prefilled_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addWidget(self.prefilled, 1)
        row.addWidget(self.prefilled_change)
        self.prefilled_row.hide()
        column.addWidget(self.prefilled_row)
        column.addWidget(self.total)
        return body

    def _connect_signals(self) -> None:
        self.category.chosen.connect(lambda _key: self._on_person_changed())
        self.birth.changed.connect(self._on_person_changed)
        self.prefilled_change.clicked.connect(self._on_change_prefilled)
        self.stack.currentChanged.connect(lambda _index: self._on_screen_changed())

    # public API -------------------------------------------------------------------------------

    def start_from_session(self) -> None:
        """Start afresh with what the retirement journey learnt; show the first question left."""
        self.reset()
        self._category_from_session, self._birth_from_session = self.person.recall(self._session)
        self._first_insured = self._session.first_insured_before_2011_07
        self._on_person_changed()
        self._show_screen(self._relevant_indexes()[0])

    def retirement_month(self) -> YearMonth | None:
        """The month the chosen retirement age is reached (None until birth is known)."""
        return self.age_question.month()

    # Journey ----------------------------------------------------------------------------------

    def present(self) -> Presentation:
        choices = self.age_question.update()
        if choices is not None and not choices.estimable:
            self.result = None
            return present_no_estimate(choices, self.texts, service_window=self.service_window())
        known, level = self.person.known(), self.level.value()
        assert known is not None and level is not None  # validated by the questions
        birth, category = known
        estimated = self.balance.value() == BALANCE_ESTIMATE
        amount = None if estimated else self._amount()
        assert estimated or amount is not None  # validated by the amount question
        self.result = estimate_pension(
            self._rules,
            birth=birth,
            category=category,
            retirement_age_months=self.age.value(),
            contribution_months=self.total.total_months(),
            pre_account_months=self.pre_account.total_months(),
            average_index=Decimal(level),
            account_balance=amount,
            as_of=self._today(),
        )
        return present_pension(self.result, self.texts)

    def question_for_field(self, field_name: str) -> str | None:
        return {
            "retirement_year": "age",
            "retirement_age_months": "age",
            "contribution_months": "total",
            "pre_account_months": "pre_account",
            "account_months": "pre_account",
            "index": "level",
            "account_balance": "amount",
        }.get(field_name)

    def decorate(self, view: ResultView) -> None:
        """比较不同退休时间 under an estimate, when there is more than one month to retire in."""
        choices = self.age_question.choices
        if view.presentation.journey != "pension" or self.result is None or choices is None:
            return
        if choices.first == choices.last:
            return
        compare = button(self.texts.pension.compare_button, "primary", name="to_compare")
        compare.clicked.connect(self.show_comparison)
        view.add_action(compare)
        after_first_paint(view, self._compare_ahead)

    def show_comparison(self) -> None:
        """The pension for every month the person can retire in, over the estimate (返回 goes
        back to it)."""
        comparison, presentation = self._compared()
        self.comparison = comparison
        self.show_presentation(presentation, on_top=True)
        chosen = next(
            (i for i, o in enumerate(comparison.yearly()) if o.age_months == self.age.value()),
            None,
        )
        if chosen is not None and self.result_view is not None and self.result_view.chart:
            self.result_view.chart.choose(chosen)

    def _compared(self) -> tuple[Comparison, Presentation]:
        """The comparison for the answers now: the one worked out ahead if it was worked out
        from the same answers (and day), else worked out now."""
        known, level = self.person.known(), self.level.value()
        assert known is not None and level is not None
        birth, category = known
        estimated = self.balance.value() == BALANCE_ESTIMATE
        answers: dict[str, Any] = {
            "birth": birth,
            "category": category,
            "contribution_months": self.total.total_months(),
            "pre_account_months": self.pre_account.total_months(),
            "average_index": Decimal(level),
            "account_balance": None if estimated else self._amount(),
            "as_of": self._today(),
        }
        if self._ahead is None or self._ahead[0] != answers:
            comparison = compare_retirement(self._rules, **answers)
            self._ahead = (answers, comparison, present_comparison(comparison, self.texts))
        return self._ahead[1], self._ahead[2]

    def _compare_ahead(self) -> None:
        """While the estimate is read: its comparison, so 比较不同退休时间 only shows it."""
        shown = self.presentation
        if self.result is not None and shown is not None and shown.journey == "pension":
            self._compared()

    def reset(self) -> None:
        self.result = None
        self.comparison = None
        self._ahead = None
        self._category_from_session = False
        self._birth_from_session = False
        self._first_insured = None
        self.prefilled_row.hide()
        super().reset()

    # validation -------------------------------------------------------------------------------

    def _validate_total(self) -> str | None:
        """Chosen, and no more than can have been paid since the 16th birthday."""
        missing = self._required(self.total.value() or None, self.texts.pension.total_missing)
        return missing or self.person.years_error()

    def _validate_pre_account(self) -> str | None:
        t, common = self.texts.pension, self.texts.common
        if self.pre_account.value() is None:
            return t.pre_missing
        pre, total = self.pre_account.total_months(), self.total.total_months()
        if pre <= total:
            return None
        return t.error_pre_exceeds.format(
            pre=fmt.duration(common, pre), total=fmt.duration(common, total)
        )

    # helpers ----------------------------------------------------------------------------------

    def _levels(self) -> dict[str, LevelText]:
        """缴费档次: the average contribution index (平均缴费指数 Z) of each tier, from the rules
        data, and its words (a bundle check makes sure every level has them)."""
        levels = {}
        for index in self._rules.pension.index_levels.values:
            words = level_text(self.texts, index)
            assert words is not None, index
            levels[str(index)] = words
        return levels

    def _amount(self) -> Decimal | None:
        try:
            return Decimal(self.amount.text()) if self.amount.text() else None
        except InvalidOperation:
            return None

    # slots ------------------------------------------------------------------------------------

    def _on_person_changed(self) -> None:
        """New category or birth: the ages offered, and the line of what was carried over."""
        self.age_question.update()
        known = self.person.known()
        shown = self._category_from_session and self._birth_from_session and known is not None
        if known is not None and shown:
            birth, category = known
            self.prefilled.setText(
                self.texts.pension.prefilled.format(
                    category=self.category.button(category.value).text(),
                    birth=fmt.year_month(self.texts.common, birth),
                )
            )
        self.prefilled_row.setVisible(shown)

    def _on_screen_changed(self) -> None:
        self.age_question.update()
        if self.current_screen() is self.question_screen("amount"):
            self.amount.setFocus()  # a clerk's keyboard types into the keypad straight away

    def _on_change_prefilled(self) -> None:
        """修改: ask category and birth again, starting from what was carried over."""
        self._category_from_session = False
        self._birth_from_session = False
        self.prefilled_row.hide()
        self.go_to("category")
