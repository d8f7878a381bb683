"""退休年龄与资格 walked: a man born 1966-03 with 20 years paid; and a woman born 1965-03 who
worked in a factory (原50岁退休), 13 years paid, on from her result to a pension estimate that
starts in the month the two missing years are paid."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtWidgets import QPushButton

from kiosk.content import format as fmt
from kiosk.rules import Category, YearMonth, retirement
from kiosk.rules.estimate import estimate_pension
from kiosk.ui.pages.journey import Journey
from kiosk.ui.pages.pension import PensionJourney
from kiosk.ui.pages.retirement import RetirementJourney
from kiosk.ui.walks import ContinuedWalk, Walk, WalkContext, page_of


def _retirement(journey: Journey) -> RetirementJourney:
    assert isinstance(journey, RetirementJourney)
    return journey


def _ret_category(journey: Journey) -> None:
    _retirement(journey).category.button(Category.MALE.value).click()
    journey.next()


def _ret_birth(journey: Journey) -> None:
    page = _retirement(journey)
    page.birth.year.set_value(1966)
    page.birth.month_buttons[3].click()
    journey.next()


def _ret_years(journey: Journey) -> None:
    _retirement(journey).years.set_total_months(20 * 12)
    journey.next()


def _ret_expected(context: WalkContext) -> list[str]:
    result = retirement(
        YearMonth(1966, 3),
        Category.MALE,
        context.rules.retirement,
        as_of=context.today,
        contribution_months=240,
    )
    common = context.texts.common
    return [
        fmt.age(common, result.statutory_age_months),
        fmt.year_month(common, result.statutory_retirement_month),
        context.texts.retirement.delay_value.format(months=result.delay_months),
    ]


# 女职工 · 原50岁退休, born 1965-03, 13 years paid: past the statutory age (2015-03) and short of
# the minimum; 接着估算养老金 goes on to the pension at the earliest month it can start ---------


def _short_category(journey: Journey) -> None:
    _retirement(journey).category.button(Category.FEMALE_50.value).click()
    journey.next()


def _short_birth(journey: Journey) -> None:
    page = _retirement(journey)
    page.birth.year.set_value(1965)
    page.birth.month_buttons[3].click()
    journey.next()


def _short_years(journey: Journey) -> None:
    _retirement(journey).years.set_total_months(13 * 12)
    journey.next()


def _to_pension(journey: Journey) -> None:
    view = journey.result_view
    assert view is not None
    button = view.findChild(QPushButton, "to_pension")
    assert button is not None
    button.click()


def _on_pension(answer: Callable[[PensionJourney], None]) -> Callable[[Journey], None]:
    def act(journey: Journey) -> None:
        page = page_of(journey, "pension")
        assert isinstance(page, PensionJourney)
        answer(page)
        page.next()

    return act


def _short_expected(context: WalkContext) -> list[str]:
    birth, category, total = YearMonth(1965, 3), Category.FEMALE_50, 13 * 12
    window = retirement(
        birth, category, context.rules.retirement, as_of=context.today, contribution_months=total
    )
    assert window.earliest_pension_month is not None
    result = estimate_pension(
        context.rules,
        birth=birth,
        category=category,
        retirement_age_months=birth.months_until(window.earliest_pension_month),
        contribution_months=total,
        pre_account_months=0,
        average_index=Decimal("0.6"),
        account_balance=None,
        as_of=context.today,
    ).pension
    parts = (result.basic_pension, result.personal_account_pension, result.transitional_pension)
    common = context.texts.common
    return [fmt.money(common, value) for value in (result.total, *(p for p in parts if p))]


WALKS = (
    Walk(
        "retirement",
        "retirement",
        (_ret_category, _ret_birth, _ret_years),
        _ret_expected,
        error_at=(1, 2, 3),
    ),
    ContinuedWalk(
        "retirement-short",
        "retirement",
        (
            _short_category,
            _short_birth,
            _short_years,
            _to_pension,
            _on_pension(lambda page: None),  # 13 years, carried over: confirmed
            _on_pension(lambda page: None),  # the age offered: the first month possible
            _on_pension(
                lambda page: page.pre_account.set_total_months(0)
            ),  # none before the account
            _on_pension(lambda page: page.level.button("0.6").click()),
            _on_pension(lambda page: page.balance.button("estimate").click()),
        ),
        _short_expected,
        result_page="pension",
    ),
)
