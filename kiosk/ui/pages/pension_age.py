"""退休年龄 in the pension journey: the months a pension can start for the answers so far (from the
rules), offered on an age picker that starts at the statutory age (or the first month possible),
with what the chosen age means (early, statutory, late, once the missing years are paid) and the
range under it. Someone whose pension can only start past the 计发月数 table is told so instead
(the journey skips the questions after the years paid: see ``estimable``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.rules import InputError, RetirementKind, RulesData, YearMonth, pension_base_for
from kiosk.rules.estimate import RetirementChoices, retirement_choices
from kiosk.ui.pages.person import PersonQuestions
from kiosk.ui.pages.question import Question
from kiosk.ui.widgets.age_picker import AgePicker
from kiosk.ui.widgets.style import label

MONTHS_PER_YEAR = 12


class RetirementAgeQuestion:
    """The age picker and the two lines under it; ``choices`` are the months offered now."""

    def __init__(
        self,
        *,
        texts: Texts,
        rules: RulesData,
        today: Callable[[], date],
        person: PersonQuestions,
        first_insured: Callable[[], bool | None],
    ) -> None:
        t = texts.pension
        self._texts = texts
        self._rules = rules
        self._today = today
        self._person = person
        self._first_insured = first_insured
        self.choices: RetirementChoices | None = None
        # the answers choices_now last saw, and what the rules made of them
        self._last: tuple[tuple[object, ...], RetirementChoices | InputError] | None = None
        self.picker = AgePicker(
            formatter=self._display,
            captions={
                -MONTHS_PER_YEAR: t.age_minus_year,
                -1: t.age_minus_month,
                1: t.age_plus_month,
                MONTHS_PER_YEAR: t.age_plus_year,
            },
        )
        self.kind = label("")
        self.kind.setObjectName("age_kind")
        self.range = label("", "small")
        self.picker.valueChanged.connect(lambda _value: self.describe())

    def question(self, *, relevant: Callable[[], bool]) -> Question:
        return Question(
            "age",
            self._texts.pension.age_question,
            self.picker,
            validate=self._validate,
            clear=self.clear,
            relevant=relevant,
            notes=(self.kind, self.range),
            changed=(self.picker.valueChanged,),
        )

    def month(self) -> YearMonth | None:
        """The month the chosen age is reached (None until birth is known)."""
        birth = self._person.birth.value()
        return birth.plus_months(self.picker.value()) if birth is not None else None

    def choices_now(self) -> RetirementChoices | None:
        """The months a pension can start, for the answers so far (None until category, birth
        and the years paid are known; InputError for an impossible number of years)."""
        known, total = self._person.known(), self._person.years.total_months()
        if known is None or not total:
            return None
        birth, category = known
        key = (birth, category, total, self._today(), self._first_insured())
        if self._last is None or self._last[0] != key:  # asked for on every screen shown
            try:
                found: RetirementChoices | InputError = retirement_choices(
                    self._rules,
                    birth=birth,
                    category=category,
                    contribution_months=total,
                    as_of=key[3],
                    first_insured_before_2011_07=key[4],
                )
            except InputError as error:
                found = error
            self._last = (key, found)
        found = self._last[1]
        if isinstance(found, InputError):
            raise found.with_traceback(None)  # not a traceback longer on every raise
        return found

    def estimable(self) -> bool:
        """False once the answers show the pension can only start past the 计发月数 table: the
        age and what follows are not asked then (True while that is not known)."""
        try:
            choices = self.choices_now()
        except InputError:
            return True  # the years question says what is wrong
        return choices is None or choices.estimable

    def update(self) -> RetirementChoices | None:
        """The ages offered: new answers start at the statutory age (or the first possible one),
        the same answers keep the age chosen."""
        try:
            choices = self.choices_now()
        except InputError:
            choices = None
        if choices is None:
            self.choices = None
            self.describe()
            return None
        if choices != self.choices:
            old, self.choices = self.choices, choices
            kept = self.picker.value()
            self.picker.set_range(choices.first_age_months, choices.last_age_months)
            same_person = old is not None and (old.window.birth, old.window.category) == (
                choices.window.birth,
                choices.window.category,
            )
            if not (same_person and choices.first_age_months <= kept <= choices.last_age_months):
                statutory = choices.window.statutory_age_months
                kept = min(max(statutory, choices.first_age_months), choices.last_age_months)
            self.picker.set_value(kept)
        self.describe()
        return choices

    def describe(self) -> None:
        """What the chosen age means, and the range of ages (one month: that month alone)."""
        t, choices, month = self._texts.pension, self.choices, self.month()
        if choices is None or month is None:
            for widget in (self.kind, self.range):
                widget.setText("")
            return
        window = choices.window
        statutory = window.statutory_age_months
        chosen = self.picker.value()
        self.kind.setText(
            {
                RetirementKind.EARLY: t.age_early.format(months=statutory - chosen),
                RetirementKind.LATE: t.age_late.format(months=chosen - statutory),
                RetirementKind.STATUTORY: t.age_statutory,
                RetirementKind.EXTENDED: t.age_extended.format(
                    month=self._ym(window.earliest_pension_month or month)
                ),
                RetirementKind.OVERDUE: t.age_overdue.format(months=chosen - statutory),
            }[choices.kind(month)]
        )
        words = {
            "statutory": self._age(statutory),
            "earliest": self._age(choices.first_age_months),
            "earliest_month": self._ym(choices.first),
            "latest": self._age(choices.last_age_months),
            "latest_month": self._ym(choices.last),
        }
        one = choices.first == choices.last
        self.range.setText((t.age_window_one if one else t.age_window).format(**words))

    def clear(self) -> None:
        self.choices = None
        self.picker.set_range(0, 0)
        self.describe()

    # helpers ------------------------------------------------------------------------------------

    def _validate(self) -> str | None:
        month = self.month()
        if month is None or self.update() is None:
            return self._texts.pension.age_missing
        try:
            pension_base_for(month.year, self._rules.pension)
        except InputError as exc:
            return fmt.error_text(self._texts, exc)
        return None

    def _display(self, months: int) -> str:
        """The chosen age and, once the birth month is known, the month it is reached."""
        birth = self._person.birth.value()
        if birth is None:
            return self._age(months)
        return self._texts.pension.age_display.format(
            age=self._age(months), month=self._ym(birth.plus_months(months))
        )

    def _ym(self, month: YearMonth) -> str:
        return fmt.year_month(self._texts.common, month)

    def _age(self, months: int) -> str:
        return fmt.age(self._texts.common, months)
