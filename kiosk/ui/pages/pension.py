"""养老金测算 (pension estimate): category, birth month, retirement age within the flexible window,
contribution years (累计 and 建账前, deemed years included), the contribution level and the personal
account (known, or estimated) -> the monthly basic pension in its three parts, with its steps.

Category and birth are skipped when the retirement journey has just asked them
(:meth:`PensionJourney.start_from_session`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.content.texts.pension import LevelText
from kiosk.rules import (
    AccountEstimate,
    Category,
    InputError,
    PensionResult,
    RetirementResult,
    RulesData,
    ShortfallOption,
    YearMonth,
    estimate_account_balance,
    pension,
    pension_base_for,
    retirement,
)
from kiosk.sheet import PensionAnswers, Sheet, pension_sheet
from kiosk.ui.pages.journey import Journey, Question
from kiosk.ui.session import SessionAnswers
from kiosk.ui.widgets.age_picker import AgePicker
from kiosk.ui.widgets.category_chooser import CategoryChooser
from kiosk.ui.widgets.duration_picker import DurationPicker
from kiosk.ui.widgets.keypad import NumericKeypad
from kiosk.ui.widgets.option_group import Option, OptionGroup
from kiosk.ui.widgets.results import BasisView, Card, DetailList, FigureGrid, StepsView, notice
from kiosk.ui.widgets.style import button, label
from kiosk.ui.widgets.year_month_picker import YearMonthPicker

EARLIEST_BIRTH = YearMonth(1950, 1)
YOUNGEST_AGE_YEARS = 16
FIRST_TOUCH_AGE_YEARS = 60  # the birth year's first − or + counts from today's 60-year-olds
BALANCE_KNOWN = "known"
BALANCE_ESTIMATE = "estimate"
BALANCE_MAX_DIGITS = 7  # up to 9,999,999.99 元
LEVEL_COLUMNS = 2  # tiers to a row when they fit side by side (landscape), else one
MONTHS_PER_YEAR = 12


class PensionJourney(Journey):
    """Eight questions (two skipped after the retirement journey), then the estimate."""

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
        self._category_from_session = False
        self._birth_from_session = False
        self._window: RetirementResult | None = None
        self.result: PensionResult | None = None
        self.estimate: AccountEstimate | None = None
        self._shown_basis: tuple[str, ...] = ()
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        texts, t, r = self.texts, self.texts.pension, self.texts.retirement
        common = texts.common
        self.category = CategoryChooser(texts=self.texts)
        latest = YearMonth.of(self._today())
        self.birth = YearMonthPicker(
            texts=common,
            earliest=EARLIEST_BIRTH,
            latest=YearMonth(latest.year - YOUNGEST_AGE_YEARS, latest.month),
            start_year=latest.year - FIRST_TOUCH_AGE_YEARS,
        )
        self.age = AgePicker(
            formatter=self._age_display,
            captions={
                -MONTHS_PER_YEAR: t.age_minus_year,
                -1: t.age_minus_month,
                1: t.age_plus_month,
                MONTHS_PER_YEAR: t.age_plus_year,
            },
        )
        self.prefilled = label("", "muted")
        self.prefilled_change = button(t.prefilled_change, "link", name="prefilled_change")
        self.age_kind = label("")
        self.age_kind.setObjectName("age_kind")
        self.age_window = label("", "small")
        self.total = DurationPicker(
            texts=common, years_caption=r.years_label, months_caption=r.months_label
        )
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
        self.add_questions(
            [
                Question(
                    "category",
                    r.category_question,
                    self.category,
                    validate=lambda: self._required(self.category.value(), r.category_missing),
                    clear=self.category.clear,
                    relevant=lambda: not self._category_from_session,
                    changed=(self.category.chosen,),
                ),
                Question(
                    "birth",
                    r.birth_question,
                    self.birth,
                    help=r.birth_help,
                    validate=self._validate_birth,
                    clear=self.birth.clear,
                    relevant=lambda: not self._birth_from_session,
                    changed=(self.birth.changed,),
                ),
                Question(
                    "age",
                    t.age_question,
                    self._age_body(),
                    validate=self._validate_age,
                    clear=self._clear_age,
                    notes=(self.age_kind, self.age_window),
                    changed=(self.age.valueChanged,),
                ),
                Question(
                    "total",
                    t.total_question,
                    self.total,
                    help=t.total_help,
                    validate=self._validate_total,
                    clear=self.total.clear,
                    changed=(self.total.changed,),
                ),
                Question(
                    "pre_account",
                    t.pre_question,
                    self.pre_account,
                    help=t.pre_help,
                    validate=self._validate_pre_account,
                    clear=self.pre_account.clear,
                    changed=(self.pre_account.changed,),
                ),
                Question(
                    "level",
                    t.level_question,
                    self.level,
                    help=t.level_help,
                    validate=lambda: self._required(self.level.value(), t.level_missing),
                    clear=self.level.clear,
                    changed=(self.level.chosen,),
                ),
                Question(
                    "balance",
                    t.balance_question,
                    self.balance,
                    help=t.balance_help,
                    validate=lambda: self._required(self.balance.value(), t.balance_missing),
                    clear=self.balance.clear,
                    changed=(self.balance.chosen,),
                ),
                Question(
                    "amount",
                    t.amount_question,
                    self.amount,
                    validate=self._validate_amount,
                    clear=self.amount.clear,
                    relevant=lambda: self.balance.value() == BALANCE_KNOWN,
                    notes=(label(t.amount_help, "muted"),),
                    changed=(self.amount.textChanged,),
                ),
            ]
        )

    def _age_body(self) -> QWidget:
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
        column.addWidget(self.age)
        return body

    def _connect_signals(self) -> None:
        self.category.chosen.connect(lambda _key: self._update_window())
        self.birth.changed.connect(self._update_window)
        self.age.valueChanged.connect(lambda _value: self._describe_age())
        self.prefilled_change.clicked.connect(self._on_change_prefilled)
        self.stack.currentChanged.connect(lambda _index: self._on_screen_changed())

    # public API -------------------------------------------------------------------------------

    def start_from_session(self) -> None:
        """Start afresh with what the retirement journey learnt; show the first question left."""
        self.reset()
        session = self._session
        if session.category is not None:
            self.category.set_value(session.category.value)
            self._category_from_session = True
        if session.birth is not None:
            self.birth.set_value(session.birth)
            self._birth_from_session = True
        if session.contribution_months is not None:
            self.total.set_total_months(session.contribution_months)
        self._update_window()
        self._show_screen(self._relevant_indexes()[0])

    def retirement_month(self) -> YearMonth | None:
        """The month the chosen retirement age is reached (None until birth is known)."""
        birth = self.birth.value()
        return birth.plus_months(self.age.value()) if birth is not None else None

    # Journey ----------------------------------------------------------------------------------

    def build_result(self) -> QWidget:
        birth, category, level = self.birth.value(), self.category.value(), self.level.value()
        window = self._update_window()
        month = self.retirement_month()
        assert birth is not None and category is not None and level is not None
        assert window is not None and month is not None  # validated by the questions
        total, pre = self.total.total_months(), self.pre_account.total_months()
        index = Decimal(level)
        estimate: AccountEstimate | None = None
        try:
            if self.balance.value() == BALANCE_ESTIMATE:
                estimate = estimate_account_balance(
                    average_index=index,
                    account_months=total - pre,
                    retirement_month=month,
                    contribution=self._rules.contribution,
                    rates=self._rules.rates,
                    pension=self._rules.pension,
                )
                balance = estimate.balance
            else:
                amount = self._amount()
                assert amount is not None  # validated by the amount question
                balance = amount
            result = pension(
                self._rules.pension,
                retirement_year=month.year,
                average_index=index,
                contribution_months=total,
                pre_account_months=pre,
                account_balance=balance,
                retirement_age_months=self.age.value(),
            )
        except InputError as exc:
            raise self._reworded(exc) from exc
        self.result, self.estimate = result, estimate
        return self._result_view(result, estimate, window, month, balance)

    def sheet(self, created: datetime) -> Sheet | None:
        """The estimate as a take-away sheet: the answers, the figures and the basis shown."""
        birth, category, level = self.birth.value(), self.category.value(), self.level.value()
        if self.result is None or birth is None or category is None:
            return None
        window = retirement(birth, Category(category), self._rules.retirement, as_of=self._today())
        balance = self.estimate.balance if self.estimate else self._amount() or Decimal(0)
        answers = PensionAnswers(
            retirement_age_months=self.age.value(),
            contribution_months=self.total.total_months(),
            pre_account_months=self.pre_account.total_months(),
            account_balance=balance,
            category=Category(category),
            birth=birth,
            level_title=self._levels()[level].title if level is not None else None,
            statutory_age_months=window.statutory_age_months,
            minimum_contribution_months=self._rules.retirement.minimum_contribution.months_for(
                birth.plus_months(self.age.value()).year
            ),
            legal_basis=self._shown_basis,
        )
        return pension_sheet(
            self.texts,
            self.result,
            answers,
            created=created,
            rules_updated=self._rules.updated,
            estimate=self.estimate,
        )

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

    def reset(self) -> None:
        self.result = None
        self.estimate = None
        self._category_from_session = False
        self._birth_from_session = False
        self.prefilled_row.hide()
        super().reset()

    # validation -------------------------------------------------------------------------------

    def _validate_birth(self) -> str | None:
        r = self.texts.retirement
        return self.birth.error(
            missing_year=r.birth_missing_year, missing_month=r.birth_missing_month
        )

    def _validate_age(self) -> str | None:
        month = self.retirement_month()
        if month is None or self._update_window() is None:
            return self.texts.pension.age_missing
        try:
            pension_base_for(month.year, self._rules.pension)
        except InputError as exc:
            return self._reworded(exc).message
        return None

    def _validate_total(self) -> str | None:
        return self._required(self.total.value() or None, self.texts.pension.total_missing)

    def _validate_pre_account(self) -> str | None:
        t = self.texts.pension
        if self.pre_account.value() is None:
            return t.pre_missing
        pre, total = self.pre_account.total_months(), self.total.total_months()
        if pre <= total:
            return None
        return t.error_pre_exceeds.format(pre=self._duration(pre), total=self._duration(total))

    def _validate_amount(self) -> str | None:
        return self._required(self._amount(), self.texts.pension.amount_missing)

    def _reworded(self, exc: InputError) -> InputError:
        """The rule's error in the catalogue's words, where this page can say it better."""
        t = self.texts.pension
        if exc.field == "retirement_year" and exc.code == "no_figures":
            message = t.error_no_base.format(first=exc.limits.get("low", ""))
            return InputError(exc.field, exc.code, message, **exc.limits)
        if exc.field == "pre_account_months":
            error = self._validate_pre_account()
            if error:
                return InputError(exc.field, exc.code, error, **exc.limits)
        return exc

    # helpers ----------------------------------------------------------------------------------

    def _levels(self) -> dict[str, LevelText]:
        """缴费档次: the average contribution index (平均缴费指数 Z) of each tier, and its words."""
        levels = self.texts.pension.levels
        return {
            "0.6": levels.p60,
            "0.7": levels.p70,
            "0.8": levels.p80,
            "1.0": levels.p100,
            "1.5": levels.p150,
            "2.0": levels.p200,
            "3.0": levels.p300,
        }

    def _amount(self) -> Decimal | None:
        try:
            return Decimal(self.amount.text()) if self.amount.text() else None
        except InvalidOperation:
            return None

    def _update_window(self) -> RetirementResult | None:
        """The flexible window for the current category and birth; a new person starts at the
        statutory age, the same person keeps the age chosen."""
        birth, category = self.birth.value(), self.category.value()
        if birth is None or category is None:
            self._window = None
            self._describe_age()
            return None
        window = self._window
        if window is None or (window.birth, window.category) != (birth, Category(category)):
            window = retirement(
                birth, Category(category), self._rules.retirement, as_of=self._today()
            )
            self._window = window
            self.age.set_range(
                window.earliest_flexible_age_months, window.latest_flexible_age_months
            )
            self.age.set_value(window.statutory_age_months)
        self._describe_age()
        return window

    def _describe_age(self) -> None:
        t, window, month = self.texts.pension, self._window, self.retirement_month()
        if window is None or month is None:
            for widget in (self.age_kind, self.age_window):
                widget.setText("")
            return
        statutory = window.statutory_age_months
        chosen = self.age.value()
        if chosen < statutory:
            kind = t.age_early.format(months=statutory - chosen)
        elif chosen > statutory:
            kind = t.age_late.format(months=chosen - statutory)
        else:
            kind = t.age_statutory
        self.age_kind.setText(kind)
        self.age_window.setText(
            t.age_window.format(
                statutory=self._age(statutory),
                earliest=self._age(window.earliest_flexible_age_months),
                earliest_month=self._ym(window.earliest_flexible_retirement_month),
                latest=self._age(window.latest_flexible_age_months),
                latest_month=self._ym(window.latest_flexible_retirement_month),
            )
        )
        self._describe_prefilled()

    def _describe_prefilled(self) -> None:
        category, birth = self.category.value(), self.birth.value()
        shown = self._category_from_session and self._birth_from_session
        if shown and category is not None and birth is not None:
            self.prefilled.setText(
                self.texts.pension.prefilled.format(
                    category=self.category.button(category).text(), birth=self._ym(birth)
                )
            )
        self.prefilled_row.setVisible(shown)

    def _clear_age(self) -> None:
        self._window = None
        self.age.set_range(0, 0)
        self._describe_age()

    def _ym(self, month: YearMonth) -> str:
        return fmt.year_month(self.texts.common, month)

    def _age_display(self, months: int) -> str:
        """The chosen age and, once the birth month is known, the month it is reached."""
        birth = self.birth.value()
        if birth is None:
            return self._age(months)
        return self.texts.pension.age_display.format(
            age=self._age(months), month=self._ym(birth.plus_months(months))
        )

    def _age(self, months: int) -> str:
        return fmt.age(self.texts.common, months)

    def _duration(self, months: int) -> str:
        return fmt.duration(self.texts.common, months)

    def _money(self, amount: Decimal) -> str:
        return fmt.money(self.texts.common, amount)

    # slots ------------------------------------------------------------------------------------

    def _on_screen_changed(self) -> None:
        self._update_window()
        if self.current_screen() is self.question_screen("amount"):
            self.amount.setFocus()  # a clerk's keyboard types into the keypad straight away

    def _on_change_prefilled(self) -> None:
        """修改: ask category and birth again, starting from what was carried over."""
        self._category_from_session = False
        self._birth_from_session = False
        self.prefilled_row.hide()
        self.go_to("category")

    # the result -------------------------------------------------------------------------------

    def _result_view(
        self,
        result: PensionResult,
        estimate: AccountEstimate | None,
        window: RetirementResult,
        month: YearMonth,
        balance: Decimal,
    ) -> QWidget:
        t, common = self.texts.pension, self.texts.common
        total_months = self.total.total_months()
        minimum = self._rules.retirement.minimum_contribution.months_for(month.year)
        shortfall = max(0, minimum - total_months)
        view = QWidget()
        column = QVBoxLayout(view)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(20)
        column.addWidget(label(t.title, "heading"))
        eligibility = self._eligibility_card(window, month, minimum, shortfall)
        if shortfall:
            column.addWidget(eligibility)
        headline = FigureGrid(
            [(t.total_caption_short if shortfall else t.total_caption, self._money(result.total))],
            columns=1,
        )
        headline.values[0].setObjectName("pension_total")
        column.addWidget(headline)
        parts = FigureGrid(
            [
                (t.basic_caption, self._money(result.basic_pension)),
                (
                    t.account_caption_estimated if estimate else t.account_caption,
                    self._money(result.personal_account_pension),
                ),
                (t.transitional_caption, self._money(result.transitional_pension)),
            ]
        )
        for widget, name in zip(
            parts.values, ("pension_basic", "pension_account", "pension_transitional"), strict=True
        ):
            widget.setObjectName(name)
        column.addWidget(parts)
        choice = result.pension_base
        if choice.provisional and choice.year is not None:
            provisional = notice(common.provisional_badge.format(year=choice.year))
            provisional.setObjectName("provisional")
            column.addWidget(provisional)
        if not shortfall:
            column.addWidget(eligibility)
        column.addWidget(self._details(result, estimate, window, month, balance))
        if estimate is not None:
            note = notice(t.estimate_note)
            note.setObjectName("estimate_note")
            column.addWidget(note)
        steps = result.steps + (estimate.steps if estimate else ())
        column.addWidget(StepsView(self.texts, steps))
        basis = [*result.legal_basis, self._rules.retirement.legal_basis.minimum_years]
        if window.statutory_age_months != self.age.value():
            basis.append(self._rules.retirement.legal_basis.flexible)
        if estimate is not None:
            basis += [step.basis for step in estimate.steps if step.basis]
        self._shown_basis = tuple(basis)  # the take-away sheet lists the same documents
        column.addWidget(BasisView(self.texts, basis))
        column.addWidget(notice(common.disclaimer))
        return view

    def _eligibility_card(
        self, window: RetirementResult, month: YearMonth, minimum: int, shortfall: int
    ) -> QWidget:
        t, r = self.texts.pension, self.texts.retirement
        total = self._duration(self.total.total_months())
        card = Card()
        card.setObjectName("eligibility")
        card.add(label(t.eligibility_title, "subheading"))
        if not shortfall:
            card.add(
                label(
                    t.eligibility_meets.format(
                        total=total, year=month.year, minimum=self._duration(minimum)
                    )
                )
            )
            return card
        message = label(
            t.eligibility_short.format(
                total=total,
                year=month.year,
                minimum=self._duration(minimum),
                shortfall=self._duration(shortfall),
            ),
            "error",
        )
        message.setObjectName("shortfall")
        card.add(message)
        if self.age.value() < window.statutory_age_months:
            card.add(label(t.eligibility_short_early, "error"))
        card.add(label(t.eligibility_options))
        wording = {
            ShortfallOption.EXTEND: r.option_extend,
            ShortfallOption.LUMP_SUM: r.option_lump_sum,
            ShortfallOption.TRANSFER: r.option_transfer,
            ShortfallOption.TERMINATE: r.option_terminate,
        }
        for option in ShortfallOption:
            card.add(label(f"· {wording[option]}"))
        card.add(label(t.eligibility_short_figures, "muted"))
        return card

    def _details(
        self,
        result: PensionResult,
        estimate: AccountEstimate | None,
        window: RetirementResult,
        month: YearMonth,
        balance: Decimal,
    ) -> QWidget:
        t = self.texts.pension
        age = self.age.value()
        statutory = window.statutory_age_months
        kind = (
            t.kind_statutory
            if age == statutory
            else t.kind_early
            if age < statutory
            else t.kind_late
        )
        choice = result.pension_base
        document = next(
            (row.document for row in self._rules.pension.pension_base if row.year == choice.year),
            "",
        )
        base_template = t.detail_base_document if document else t.detail_base_value
        level = self.level.value()
        level_title = self._levels()[level].title if level is not None else ""
        years = t.detail_years_value
        rows = [
            (t.detail_age, t.detail_age_value.format(age=self._age(age), month=self._ym(month))),
            (t.detail_kind, kind),
            (
                t.detail_base,
                base_template.format(
                    amount=self._money(choice.amount), year=choice.year, document=document
                ),
            ),
            (t.detail_months, f"{result.payment_months.normalize():f}"),
            (t.detail_level, level_title),
            (t.detail_index, f"{result.average_index.normalize():f}"),
            (t.detail_indexed, self._money(result.indexed_monthly_wage)),
            (
                t.detail_total_years,
                years.format(
                    duration=self._duration(self.total.total_months()),
                    years=f"{result.contribution_years:.2f}",
                ),
            ),
            (
                t.detail_pre_years,
                years.format(
                    duration=self._duration(self.pre_account.total_months()),
                    years=f"{result.pre_account_years:.2f}",
                ),
            ),
            (
                t.detail_balance,
                t.detail_balance_estimated.format(amount=self._money(balance))
                if estimate
                else self._money(balance),
            ),
        ]
        details = DetailList(t.details_title, rows)
        details.setObjectName("details")
        return details
