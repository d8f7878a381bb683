"""缴费测算 (contribution estimate): who pays, which year, the wage or the chosen base (缴费档次) and,
for flexible workers, how often they pay -> the monthly base, each share and the yearly total.

Every figure comes from :func:`kiosk.rules.contribution`; this page only asks and shows.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import QLabel

from kiosk.content import format as fmt
from kiosk.content.texts.contribution import ContributionTexts
from kiosk.present import Presentation, present_contribution
from kiosk.rules import (
    ContributionResult,
    InputError,
    PaymentPeriod,
    WorkerKind,
    base_for_percent,
    contribution,
)
from kiosk.ui.pages.contribution_year import YearChoices
from kiosk.ui.pages.journey import CalculationJourney, Question
from kiosk.ui.pages.question import choice_question
from kiosk.ui.widgets.keypad import NumericKeypad
from kiosk.ui.widgets.option_group import Option, OptionGroup
from kiosk.ui.widgets.style import label

CUSTOM_TIER = "custom"
TIER_COLUMNS = 3
PERIOD_COLUMNS = 2
AMOUNT_DIGITS = 7
AMOUNT_DECIMALS = 2

# Which question an InputError's ``field`` belongs to.
FIELD_QUESTIONS = {
    "year": "year",
    "wage": "wage",
    "base_percent": "tier",
    "base": "amount",
    "period": "period",
}


class ContributionJourney(CalculationJourney):
    """Kind, year, then the wage (employees) or tier, amount and period (flexible), then the result."""

    def _setup_ui(self) -> None:
        t, common = self.texts.contribution, self.texts.common
        self.result: ContributionResult | None = None
        self.kind = OptionGroup(
            [
                Option(WorkerKind.EMPLOYEE.value, t.kind_employee, t.kind_employee_detail),
                Option(WorkerKind.FLEXIBLE.value, t.kind_flexible, t.kind_flexible_detail),
            ],
            texts=common,
        )
        self.year_choices = YearChoices(
            texts=self.texts, data=self._rules.contribution, today=self._today
        )

        self.wage, self.wage_limits = self._amount_keypad("wage")
        self.tier = OptionGroup(
            [Option(str(p), t.tier_option.format(percent=p), " ") for p in self._tiers()]
            + [Option(CUSTOM_TIER, t.tier_custom, " ")],
            texts=common,
            columns=TIER_COLUMNS,
        )
        self.amount, self.amount_limits = self._amount_keypad("amount")
        self.period = OptionGroup(
            [Option(p.value, name, often) for p, (name, often) in _periods(t).items()],
            texts=common,
            columns=PERIOD_COLUMNS,
        )
        flexible = self._is(WorkerKind.FLEXIBLE)

        def employee() -> bool:  # also before the kind is chosen: 第1步，共3步, not 共2步
            return not flexible()

        self.add_questions(
            [
                choice_question("kind", t.kind_question, self.kind, missing=t.kind_missing),
                Question(
                    "year",
                    t.year_question,
                    self.year_choices,
                    help=t.year_help,
                    validate=lambda: self._required(self.year_choices.value(), t.year_missing),
                    clear=self.year_choices.clear,
                    changed=(self.year_choices.chosen,),
                ),
                _amount_question(
                    "wage",
                    t.wage_question,
                    self.wage,
                    self.wage_limits,
                    t.wage_note,
                    validate=self._validate_wage,
                    relevant=employee,
                ),
                choice_question(
                    "tier",
                    t.tier_question,
                    self.tier,
                    missing=t.tier_missing,
                    help=t.tier_question,  # replaced by the chosen year's average wage
                    relevant=flexible,
                ),
                _amount_question(
                    "amount",
                    t.amount_question,
                    self.amount,
                    self.amount_limits,
                    t.amount_note,
                    validate=self._validate_amount,
                    relevant=lambda: flexible() and self.tier.value() == CUSTOM_TIER,
                ),
                choice_question(
                    "period",
                    t.period_question,
                    self.period,
                    missing=t.period_missing,
                    relevant=flexible,
                ),
            ]
        )

    def _amount_keypad(self, key: str) -> tuple[NumericKeypad, QLabel]:
        """An amount in yuan typed on the keypad (the wage, or the base chosen), and the line
        under it giving its limits for the chosen year."""
        keypad = NumericKeypad(
            texts=self.texts.common,
            max_digits=AMOUNT_DIGITS,
            decimals=AMOUNT_DECIMALS,
            unit=self.texts.contribution.unit_yuan,
        )
        keypad.setObjectName(f"{key}_keypad")
        limits = label()
        limits.setObjectName(f"{key}_limits")
        return keypad, limits

    def _connect_signals(self) -> None:
        self.stack.currentChanged.connect(self._on_screen_changed)
        self.year_choices.chosen.connect(self._on_year_chosen)
        self._refresh_for_year()

    # Journey ------------------------------------------------------------------------------------

    @property
    def year(self) -> OptionGroup:
        """The year options shown now (new ones after a new day)."""
        return self.year_choices.group

    def present(self) -> Presentation:
        kind, year = self.kind.value(), self.year_choices.value()
        assert kind is not None and year is not None  # validated by the questions
        self.result = self._calculate(WorkerKind(kind), year)
        return present_contribution(self.result, self.texts)

    def question_for_field(self, field_name: str) -> str | None:
        return FIELD_QUESTIONS.get(field_name)

    def reset(self) -> None:
        """Clear every answer and the result; a new day may bring new years to choose from."""
        self.result = None
        self.year_choices.rebuild()
        super().reset()
        self._refresh_for_year()

    # questions ----------------------------------------------------------------------------------

    def _is(self, kind: WorkerKind) -> Callable[[], bool]:
        return lambda: self.kind.value() == kind.value

    def _validate_wage(self) -> str | None:
        if not self.wage.text():
            return self.texts.contribution.wage_missing
        return self._check_with_rules("wage", WorkerKind.EMPLOYEE)

    def _validate_amount(self) -> str | None:
        if not self.amount.text():
            return self.texts.contribution.amount_missing
        return self._check_with_rules("amount", WorkerKind.FLEXIBLE)

    def _check_with_rules(self, question: str, kind: WorkerKind) -> str | None:
        """Let the rules judge the answer now, so the message appears on this screen."""
        year = self.year_choices.value()
        if year is None:
            return None
        try:
            self._calculate(kind, year)
        except InputError as exc:
            if self.question_for_field(exc.field) == question:
                return self.error_text(exc)
        return None

    def _calculate(
        self, kind: WorkerKind, year: int, *, period: PaymentPeriod | None = None
    ) -> ContributionResult:
        """The rules' answer for the current inputs (``period`` overrides the chosen one)."""
        data, rates, as_of = self._rules.contribution, self._rules.rates, self._today()
        if kind is WorkerKind.EMPLOYEE:
            return contribution(kind, year, data, rates, as_of=as_of, wage=_decimal(self.wage))
        tier, chosen_period = self.tier.value(), self.period.value()
        if period is None:
            period = PaymentPeriod(chosen_period) if chosen_period else PaymentPeriod.MONTH
        custom = tier == CUSTOM_TIER
        return contribution(
            kind,
            year,
            data,
            rates,
            as_of=as_of,
            base=_decimal(self.amount) if custom else None,
            base_percent=Decimal(tier) if tier is not None and not custom else None,
            period=period,
        )

    # year-dependent wording -----------------------------------------------------------------------

    def _refresh_for_year(self) -> None:
        """Put the chosen year's limits, tier bases and per-payment amounts on the screens."""
        figures = self.year_choices.figures()
        if figures is None:
            return
        t, row = self.texts.contribution, figures.row
        floor, ceiling = self._money(row.base_floor), self._money(row.base_ceiling)
        limits = {"year": figures.requested_year, "floor": floor, "ceiling": ceiling}
        self.wage_limits.setText(t.wage_help.format(**limits))
        self.amount_limits.setText(t.amount_help.format(**limits))
        self.question_screen("tier").set_help(
            t.tier_help.format(average=self._money(row.average_wage_monthly))
        )
        for percent in self._tiers():
            base = base_for_percent(Decimal(percent), row)
            _set_detail(
                self.tier, str(percent), t.tier_option_detail.format(base=self._money(base))
            )
        _set_detail(
            self.tier, CUSTOM_TIER, t.tier_custom_detail.format(floor=floor, ceiling=ceiling)
        )
        self._refresh_periods()

    def _refresh_periods(self) -> None:
        """Each period's option says how much one payment is, once the base is known."""
        t = self.texts.contribution
        year = self.year_choices.value()
        for period, (_name, frequency) in _periods(t).items():
            text = frequency
            if year is not None and self.tier.value() is not None:
                try:
                    result = self._calculate(WorkerKind.FLEXIBLE, year, period=period)
                except InputError:
                    pass  # no valid base yet: the frequency alone
                else:
                    text = t.period_detail_amount.format(
                        frequency=frequency, amount=self._money(result.per_payment)
                    )
            _set_detail(self.period, period.value, text)

    # helpers ----------------------------------------------------------------------------------

    def _money(self, amount: Decimal) -> str:
        return fmt.money(self.texts.common, amount)

    def _tiers(self) -> tuple[int, ...]:
        """缴费档次 offered, from the rules data."""
        return self._rules.contribution.tiers.percents

    # slots --------------------------------------------------------------------------------------

    def _on_screen_changed(self, _index: int) -> None:
        self._refresh_for_year()
        screen = self.current_screen()
        keypads = {"wage": self.wage, "amount": self.amount}
        if screen is not None and screen.question.key in keypads:
            keypads[screen.question.key].setFocus()  # a clerk's keyboard types into it too

    def _on_year_chosen(self) -> None:
        self._refresh_for_year()


def _periods(t: ContributionTexts) -> dict[PaymentPeriod, tuple[str, str]]:
    """Each way a flexible worker can pay: its name and how often (an option's title and detail)."""
    return {
        PaymentPeriod.MONTH: (t.period_month, t.period_month_detail),
        PaymentPeriod.QUARTER: (t.period_quarter, t.period_quarter_detail),
        PaymentPeriod.HALF_YEAR: (t.period_half_year, t.period_half_year_detail),
        PaymentPeriod.YEAR: (t.period_year, t.period_year_detail),
    }


def _decimal(keypad: NumericKeypad) -> Decimal | None:
    """The keypad's amount, or None when nothing was typed."""
    text = keypad.text()
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # the keypad only builds numbers; kept for safety
        return None


def _set_detail(group: OptionGroup, key: str, text: str) -> None:
    button = group.button(key)
    button.detail_label.setText(text)
    button.setAccessibleDescription(text)


def _amount_question(
    key: str,
    title: str,
    keypad: NumericKeypad,
    limits: QLabel,
    note: str,
    *,
    validate: Callable[[], str | None],
    relevant: Callable[[], bool],
) -> Question:
    """The question of an amount typed on ``keypad``, with its ``limits`` for the chosen year
    and a ``note`` beside it."""
    return Question(
        key,
        title,
        keypad,
        validate=validate,
        clear=keypad.clear,
        relevant=relevant,
        notes=(limits, label(note, "muted")),
        changed=(keypad.textChanged,),
    )
