"""养老金测算 (pension estimate): category, birth month, retirement age within the flexible window,
contribution years (累计 and 建账前, deemed years included), the contribution level and the personal
account (known, or estimated) -> the monthly basic pension in its three parts, with its steps.

Category and birth are skipped when the retirement journey has just asked them
(:meth:`PensionJourney.start_from_session`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.content.texts.pension import LevelText
from kiosk.present import Presentation, present_pension
from kiosk.present.compare import present_comparison
from kiosk.present.pension import level_text
from kiosk.rules import (
    Category,
    InputError,
    RetirementKind,
    RulesData,
    YearMonth,
    pension_base_for,
)
from kiosk.rules.compare import Comparison, compare_retirement
from kiosk.rules.estimate import (
    PensionEstimate,
    RetirementChoices,
    estimate_pension,
    retirement_choices,
)
from kiosk.ui.pages.journey import Journey, Question
from kiosk.ui.session import SessionAnswers
from kiosk.ui.widgets.age_picker import AgePicker
from kiosk.ui.widgets.category_chooser import CategoryChooser
from kiosk.ui.widgets.duration_picker import DurationPicker
from kiosk.ui.widgets.keypad import NumericKeypad
from kiosk.ui.widgets.option_group import Option, OptionGroup
from kiosk.ui.widgets.result_view import ResultView
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
        super().__init__(texts=texts, rules_updated=rules.updated, parent=parent)
        self._rules = rules
        self._today = today
        self._session = session
        self._category_from_session = False
        self._birth_from_session = False
        self._choices: RetirementChoices | None = None
        self.result: PensionEstimate | None = None
        self.comparison: Comparison | None = None  # 比较不同退休时间, once opened
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
                    "total",
                    t.total_question,
                    self._total_body(),
                    help=t.total_help,
                    validate=self._validate_total,
                    clear=self.total.clear,
                    changed=(self.total.changed,),
                ),
                Question(
                    "age",
                    t.age_question,
                    self.age,
                    validate=self._validate_age,
                    clear=self._clear_age,
                    notes=(self.age_kind, self.age_window),
                    changed=(self.age.valueChanged,),
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
        self.category.chosen.connect(lambda _key: self._update_choices())
        self.birth.changed.connect(self._update_choices)
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
        self._update_choices()
        self._show_screen(self._relevant_indexes()[0])

    def retirement_month(self) -> YearMonth | None:
        """The month the chosen retirement age is reached (None until birth is known)."""
        birth = self.birth.value()
        return birth.plus_months(self.age.value()) if birth is not None else None

    # Journey ----------------------------------------------------------------------------------

    def present(self) -> Presentation:
        birth, category, level = self.birth.value(), self.category.value(), self.level.value()
        assert birth is not None and category is not None and level is not None  # validated
        estimated = self.balance.value() == BALANCE_ESTIMATE
        amount = None if estimated else self._amount()
        assert estimated or amount is not None  # validated by the amount question
        self.result = estimate_pension(
            self._rules,
            birth=birth,
            category=Category(category),
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
        if view.presentation.journey != "pension" or self._choices is None:
            return
        if self._choices.first == self._choices.last:
            return
        compare = button(self.texts.pension.compare_button, "primary", name="to_compare")
        compare.clicked.connect(self.show_comparison)
        view.add_action(compare)

    def show_comparison(self) -> None:
        """The pension for every month the person can retire in, over the estimate (返回 goes
        back to it)."""
        birth, category, level = self.birth.value(), self.category.value(), self.level.value()
        assert birth is not None and category is not None and level is not None
        estimated = self.balance.value() == BALANCE_ESTIMATE
        comparison = compare_retirement(
            self._rules,
            birth=birth,
            category=Category(category),
            contribution_months=self.total.total_months(),
            pre_account_months=self.pre_account.total_months(),
            average_index=Decimal(level),
            account_balance=None if estimated else self._amount(),
            as_of=self._today(),
        )
        self.comparison = comparison
        self.show_presentation(present_comparison(comparison, self.texts), on_top=True)
        chosen = next(
            (i for i, o in enumerate(comparison.yearly()) if o.age_months == self.age.value()),
            None,
        )
        if chosen is not None and self.result_view is not None and self.result_view.chart:
            self.result_view.chart.choose(chosen)

    def reset(self) -> None:
        self.result = None
        self.comparison = None
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
        if month is None or self._update_choices() is None:
            return self.texts.pension.age_missing
        try:
            pension_base_for(month.year, self._rules.pension)
        except InputError as exc:
            return self.error_text(exc)
        return None

    def _validate_total(self) -> str | None:
        """Chosen, and no more than can have been paid since the 16th birthday."""
        missing = self._required(self.total.value() or None, self.texts.pension.total_missing)
        if missing:
            return missing
        try:
            self._choices_now()
        except InputError as exc:
            return self.error_text(exc)
        return None

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

    def _choices_now(self) -> RetirementChoices | None:
        """The months a pension can start, for the answers so far (None until category, birth
        and the years paid are known; InputError for an impossible number of years)."""
        birth, category, total = (
            self.birth.value(),
            self.category.value(),
            self.total.total_months(),
        )
        if birth is None or category is None or not total:
            return None
        return retirement_choices(
            self._rules,
            birth=birth,
            category=Category(category),
            contribution_months=total,
            as_of=self._today(),
        )

    def _update_choices(self) -> RetirementChoices | None:
        """The retirement ages offered: new answers start at the statutory age (or the first
        possible one), the same answers keep the age chosen."""
        try:
            choices = self._choices_now()
        except InputError:
            choices = None
        if choices is None:
            self._choices = None
            self._describe_age()
            return None
        if choices != self._choices:
            old, self._choices = self._choices, choices
            kept = self.age.value()
            self.age.set_range(choices.first_age_months, choices.last_age_months)
            same_person = old is not None and (old.window.birth, old.window.category) == (
                choices.window.birth,
                choices.window.category,
            )
            if not (same_person and choices.first_age_months <= kept <= choices.last_age_months):
                statutory = choices.window.statutory_age_months
                kept = min(max(statutory, choices.first_age_months), choices.last_age_months)
            self.age.set_value(kept)
        self._describe_age()
        return choices

    def _describe_age(self) -> None:
        t, choices, month = self.texts.pension, self._choices, self.retirement_month()
        if choices is None or month is None:
            for widget in (self.age_kind, self.age_window):
                widget.setText("")
            return
        window = choices.window
        statutory = window.statutory_age_months
        chosen = self.age.value()
        kind = choices.kind(month)
        self.age_kind.setText(
            {
                RetirementKind.EARLY: t.age_early.format(months=statutory - chosen),
                RetirementKind.LATE: t.age_late.format(months=chosen - statutory),
                RetirementKind.STATUTORY: t.age_statutory,
                RetirementKind.EXTENDED: t.age_extended.format(
                    month=self._ym(window.earliest_pension_month or month)
                ),
            }[kind]
        )
        self.age_window.setText(
            t.age_window.format(
                statutory=self._age(statutory),
                earliest=self._age(choices.first_age_months),
                earliest_month=self._ym(choices.first),
                latest=self._age(choices.last_age_months),
                latest_month=self._ym(choices.last),
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
        self._choices = None
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

    # slots ------------------------------------------------------------------------------------

    def _on_screen_changed(self) -> None:
        self._update_choices()
        if self.current_screen() is self.question_screen("amount"):
            self.amount.setFocus()  # a clerk's keyboard types into the keypad straight away

    def _on_change_prefilled(self) -> None:
        """修改: ask category and birth again, starting from what was carried over."""
        self._category_from_session = False
        self._birth_from_session = False
        self.prefilled_row.hide()
        self.go_to("category")
