"""养老金测算 in the real window: a real Shandong approval form (德州 2024-12) through the screens,
the carry-over from 退休年龄与资格, the months still to pay, the provisional 计发基数, the inline
errors, 返回 and 首页."""

from __future__ import annotations

import gc
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.rules import Category, RulesData, ShortfallOption, YearMonth, pension
from kiosk.rules.estimate import estimate_pension
from kiosk.selftest import settle
from kiosk.ui.layout_check import check_layout
from kiosk.ui.main_window import MainWindow
from kiosk.ui.navigation import PageId
from kiosk.ui.pages.pension import BALANCE_ESTIMATE, BALANCE_KNOWN, PensionJourney
from kiosk.ui.pages.retirement import RetirementJourney
from kiosk.ui.widgets.result_view import ResultView
from kiosk.ui.widgets.results import TextList

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

D = Decimal
# 德州市 2024-12 approval form: man born 1964-12, retired at 60 (720 months, 计发月数 139) in 2024-12
# on the 2024 计发基数 7678; 41年3个月 in all, 13年7个月 before the account (建账1997-05);
# account 80614.70; index 0.6101 (not a tier, so the screen is checked at the 60% tier).
FORM_BIRTH = YearMonth(1964, 12)
FORM_TOTAL_MONTHS = 495
FORM_PRE_ACCOUNT_MONTHS = 163
FORM_BALANCE = "80614.70"
FORM_DAY = date(2024, 12, 10)  # his retirement month: nothing left to pay, the 2024 base out
TODAY = date(2026, 11, 29)  # the window fixture's fixed "today"
LATER_BIRTH = YearMonth(1967, 1)  # statutory 60岁7个月 (2027-08), window 2027-01 to 2030-08


@pytest.fixture(autouse=True)
def _free_earlier_windows(qapp: QApplication) -> None:
    """Delete the windows of earlier tests before this one builds its own.

    pytest-qt only calls ``deleteLater`` on them, and no event loop runs between tests, so they
    pile up, and every new window's ``setStyleSheet`` re-polishes all of them (each test slower
    than the last). Set up before ``window`` because autouse fixtures come first.
    """
    gc.collect()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def form_window(qtbot, bundle) -> MainWindow:
    """The real window in 2024-12, the month the Dezhou man retired."""
    from kiosk.app import build_main_window

    main_window = build_main_window(bundle, today=lambda: FORM_DAY)
    qtbot.add_widget(main_window)
    main_window.resize(1366, 768)
    main_window.show()
    qtbot.wait_exposed(main_window)
    return main_window


def journey_of(window: MainWindow) -> PensionJourney:
    page = window.pages["pension"]
    assert isinstance(page, PensionJourney)
    return page


def key(journey: PensionJourney) -> str | None:
    screen = journey.current_screen()
    return screen.question.key if screen is not None else None


def press_next(journey: PensionJourney) -> None:
    """下一步, pressed on the screen itself."""
    screen = journey.current_screen()
    assert screen is not None
    screen.next_button.click()


def fill_from_total(
    journey: PensionJourney,
    *,
    total: int = FORM_TOTAL_MONTHS,
    pre_account: int = FORM_PRE_ACCOUNT_MONTHS,
    level: str = "0.6",
    balance: str | None = FORM_BALANCE,
    age_delta: int = 0,
) -> None:
    """The years paid so far, then the age (among those they allow), then the rest."""
    assert key(journey) == "total"
    journey.total.set_total_months(total)
    press_next(journey)
    assert key(journey) == "age"
    journey.age.set_value(journey.age.value() + age_delta)
    press_next(journey)
    journey.pre_account.set_total_months(pre_account)
    press_next(journey)
    journey.level.button(level).click()
    press_next(journey)
    journey.balance.button(BALANCE_KNOWN if balance is not None else BALANCE_ESTIMATE).click()
    press_next(journey)
    if balance is not None:
        for digit in balance:
            journey.amount.keys["." if digit == "." else digit].click()  # type: ignore[attr-defined]
        press_next(journey)


def start(window: MainWindow, birth: YearMonth = FORM_BIRTH) -> PensionJourney:
    window.show_page("pension")
    journey = journey_of(window)
    journey.category.button(Category.MALE.value).click()
    press_next(journey)
    journey.birth.year.set_value(birth.year)
    journey.birth.month_buttons[birth.month].click()  # type: ignore[attr-defined]
    press_next(journey)
    return journey


def view(journey: PensionJourney) -> ResultView:
    assert journey.result_area is not None and journey.result_view is not None
    assert journey.result_area.isAncestorOf(journey.result_view)
    return journey.result_view


def figure(journey: PensionJourney, name: str) -> str:
    """A figure (``figure_total``) or a notice's text (``notice_provisional_text``) as shown."""
    widget = view(journey).findChild(QLabel, name)
    assert widget is not None and widget.isVisible(), name
    return widget.text()


def on_screen(journey: PensionJourney) -> list[str]:
    assert journey.result_area is not None
    return [w.text() for w in journey.result_area.findChildren(QLabel) if w.isVisible()]


# the Dezhou form ---------------------------------------------------------------------------------


def test_dezhou_form_through_the_screens(
    form_window: MainWindow, texts: Texts, rules: RulesData
) -> None:
    common = texts.common
    journey = start(form_window)
    fill_from_total(journey)
    assert journey.showing_result() and journey.isVisible()
    assert journey.result is not None and journey.result.retirement_age_months == 720

    expected = pension(
        rules.pension,
        retirement_year=2024,
        average_index=D("0.6"),
        contribution_months=FORM_TOTAL_MONTHS,
        pre_account_months=FORM_PRE_ACCOUNT_MONTHS,
        account_balance=D(FORM_BALANCE),
        retirement_age_months=720,
    )
    assert journey.result.pension == expected
    assert journey.result.extension_months == 0  # retiring this month: nothing more to pay
    assert journey.result.account_estimate is None  # the balance was given
    assert figure(journey, "figure_total") == fmt.money(common, expected.total)
    assert figure(journey, "figure_basic") == fmt.money(common, expected.basic_pension)
    assert figure(journey, "figure_account") == fmt.money(common, expected.personal_account_pension)
    assert figure(journey, "figure_transitional") == fmt.money(
        common, expected.transitional_pension
    )
    # what the form shows independently of the index: base, 计发月数, the account part
    assert expected.pension_base.amount == D("7678") and expected.pension_base.year == 2024
    assert not expected.provisional
    assert expected.payment_months == D("139")
    assert figure(journey, "figure_account") == fmt.money(common, D("579.96"))
    assert expected.contribution_years == D("41.25") and expected.pre_account_years == D("13.58")
    shown = on_screen(journey)
    assert "139" in shown
    assert any(fmt.money(common, D("7678")) in text and "2024" in text for text in shown)
    assert view(journey).findChild(QWidget, "notice_provisional") is None


def test_the_age_screen_after_the_years(form_window: MainWindow, texts: Texts) -> None:
    """In 2024-12 the Dezhou man (statutory 60 in 2024-12, before the reform) can only retire
    at 60."""
    common = texts.common
    journey = start(form_window)
    journey.total.set_total_months(FORM_TOTAL_MONTHS)
    press_next(journey)
    assert key(journey) == "age"
    assert journey.age.value() == 720
    assert journey.age.display.text() == texts.pension.age_display.format(
        age=fmt.age(common, 720), month=fmt.year_month(common, YearMonth(2024, 12))
    )
    assert not journey.age.buttons[-1].isEnabled() and not journey.age.buttons[1].isEnabled()


def test_the_60_percent_tier_gives_the_rules_numbers(
    form_window: MainWindow, texts: Texts, rules: RulesData
) -> None:
    journey = start(form_window)
    fill_from_total(journey)
    assert journey.result is not None
    result = journey.result.pension
    # (7678 + 7678 × 0.6) / 2 × 41.25 × 1% ; 80614.70 / 139 ; 7678 × 0.6 × 13.58 × 1.3%
    assert result.indexed_monthly_wage == D("4606.80")
    assert result.basic_pension == D("2533.74")
    assert result.personal_account_pension == D("579.96")
    assert result.transitional_pension == D("813.28")
    assert result.total == D("3926.98")
    assert figure(journey, "figure_total") == fmt.money(texts.common, D("3926.98"))


# the estimate path -------------------------------------------------------------------------------


def test_estimate_path_shows_its_assumption_steps(form_window: MainWindow, texts: Texts) -> None:
    journey = start(form_window)
    fill_from_total(journey, balance=None)
    assert journey.result is not None
    estimate = journey.result.account_estimate
    assert estimate is not None
    assert journey.result.account_balance == estimate.balance
    steps = view(journey).findChild(TextList, "steps")
    assert steps is not None and not steps.isVisible()  # 详细情况 first
    button = view(journey).findChild(QPushButton, "section_steps")
    assert button is not None
    button.click()
    assert steps.isVisible()
    assert steps.lines == [fmt.step_text(texts, step) for step in journey.result.all_steps]
    estimate_lines = steps.lines[len(journey.result.pension.steps) :]
    assert len(estimate_lines) == len(estimate.steps) == 3
    assert all(texts.common.assumption_badge in line for line in estimate_lines)
    assert figure(journey, "notice_estimate_text") == texts.pension.estimate_note
    shown = on_screen(journey)
    assert texts.pension.account_caption_estimated in shown
    view(journey).show_section("details")
    assert texts.pension.detail_balance_estimated.format(
        amount=fmt.money(texts.common, estimate.balance)
    ) in on_screen(journey)


# from the retirement journey ---------------------------------------------------------------------


def test_continue_from_the_retirement_result(form_window: MainWindow, texts: Texts) -> None:
    window = form_window
    window.show_page("retirement")
    retirement = window.pages["retirement"]
    assert isinstance(retirement, RetirementJourney)
    retirement.category.button(Category.MALE.value).click()
    retirement.next()
    retirement.birth.year.set_value(FORM_BIRTH.year)
    retirement.birth.month_buttons[FORM_BIRTH.month].click()  # type: ignore[attr-defined]
    retirement.next()
    retirement.years.set_total_months(FORM_TOTAL_MONTHS)
    retirement.next()
    assert retirement.showing_result()
    assert retirement.result_area is not None
    to_pension = retirement.result_area.findChild(QPushButton, "to_pension")
    assert to_pension is not None
    to_pension.click()

    assert window.current_page() == "pension"
    journey = journey_of(window)
    assert key(journey) == "total"  # category and birth carried over
    assert journey.category.value() == Category.MALE.value
    assert journey.birth.value() == FORM_BIRTH
    assert journey.total.total_months() == FORM_TOTAL_MONTHS
    assert journey.prefilled.isVisible()
    screen = journey.current_screen()
    assert screen is not None
    assert screen.progress.text() == texts.common.step_number.format(current=1)
    press_next(journey)
    assert key(journey) == "age" and journey.age.value() == 720
    window.header.back_button.click()
    fill_from_total(journey)
    assert journey.showing_result()
    assert journey.result is not None and journey.result.pension.total == D("3926.98")


# the months still to pay and the provisional base ------------------------------------------------


def test_a_2027_retirement_shows_the_provisional_badge(
    window: MainWindow, texts: Texts, rules: RulesData
) -> None:
    journey = start(window, LATER_BIRTH)
    fill_from_total(journey)
    assert journey.retirement_month() == YearMonth(2027, 8)  # 60岁7个月
    assert journey.result is not None and journey.result.provisional
    assert figure(journey, "notice_provisional_text") == texts.common.provisional_badge.format(
        year=2025
    )
    assert any(
        fmt.money(texts.common, D("7831")) in text and "2025" in text for text in on_screen(journey)
    )
    # 41年3个月 so far (2026-11) and 9 more months paid before 2027-08: the rules' estimate
    expected = estimate_pension(
        rules,
        birth=LATER_BIRTH,
        category=Category.MALE,
        retirement_age_months=60 * 12 + 7,
        contribution_months=FORM_TOTAL_MONTHS,
        pre_account_months=FORM_PRE_ACCOUNT_MONTHS,
        average_index=D("0.6"),
        account_balance=D(FORM_BALANCE),
        as_of=TODAY,
    )
    assert journey.result == expected
    assert expected.extension_months == 9
    assert figure(journey, "figure_total") == fmt.money(texts.common, expected.pension.total)


# inline errors -----------------------------------------------------------------------------------


def test_pre_account_above_total_is_an_inline_error_in_view(
    qtbot, window: MainWindow, texts: Texts
) -> None:
    journey = start(window)
    journey.total.set_total_months(FORM_TOTAL_MONTHS)
    press_next(journey)
    age = journey.age.value()
    press_next(journey)  # age: the first one offered
    journey.pre_account.set_total_months(FORM_TOTAL_MONTHS + 12)
    press_next(journey)
    screen = journey.current_screen()
    assert screen is not None and screen.question.key == "pre_account"
    assert screen.error.isVisible()
    assert screen.error.text() == texts.pension.error_pre_exceeds.format(
        pre=fmt.duration(texts.common, FORM_TOTAL_MONTHS + 12),
        total=fmt.duration(texts.common, FORM_TOTAL_MONTHS),
    )
    settle()  # on the 1366x768 window: whole, and not under 下一步
    assert check_layout(window) == []
    error = QRect(screen.error.mapTo(window, QPoint(0, 0)), screen.error.size())
    button = QRect(screen.next_button.mapTo(window, QPoint(0, 0)), screen.next_button.size())
    assert window.rect().contains(error) and not error.intersects(button)
    journey.pre_account.years.buttons[-1].click()  # the answer changes: the message goes
    assert not screen.error.isVisible()
    journey.pre_account.set_total_months(FORM_TOTAL_MONTHS + 12)
    # nothing lost
    assert journey.pre_account.total_months() == FORM_TOTAL_MONTHS + 12
    assert journey.total.total_months() == FORM_TOTAL_MONTHS
    assert journey.birth.value() == FORM_BIRTH
    assert journey.age.value() == age


def test_shortfall_below_the_minimum_years(window: MainWindow, texts: Texts) -> None:
    """12年6个月 so far, 15年 needed: paying every month, made up in 2029-05, the first month
    offered; the estimate is for then, with 15年."""
    common = texts.common
    journey = start(window, LATER_BIRTH)
    fill_from_total(journey, total=150, pre_account=0)
    assert journey.result is not None
    assert journey.result.retirement_month == YearMonth(2029, 5)
    assert journey.result.contribution_months == 180
    card = view(journey).findChild(QWidget, "notice_eligibility")
    assert card is not None and card.isVisible()
    assert card.property("tone") == "warning"
    message = figure(journey, "notice_eligibility_text")
    assert fmt.duration(common, 30) in message  # 15年 − 12年6个月
    assert message == texts.pension.eligibility_made_up.format(
        so_far=fmt.duration(common, 150),
        shortfall=fmt.duration(common, 30),
        minimum=fmt.duration(common, 180),
        month=fmt.year_month(common, YearMonth(2029, 5)),
        retire=fmt.year_month(common, YearMonth(2029, 5)),
        total=fmt.duration(common, 180),
    )
    # 30 months short: no 一次性缴费 (人社部令第13号: only for more than 5 years short)
    assert journey.result.options == (
        ShortfallOption.EXTEND,
        ShortfallOption.TRANSFER,
        ShortfallOption.TERMINATE,
    )
    items = [label.text() for label in card.findChildren(QLabel)][1:]
    assert items == [
        f"· {texts.retirement.option_extend}",
        f"· {texts.retirement.option_transfer}",
        f"· {texts.retirement.option_terminate}",
    ]


# 返回 and 首页 --------------------------------------------------------------------------------------


def test_back_keeps_answers(window: MainWindow) -> None:
    # born 1967-01: a flexible window ahead (the Dezhou man, born 1964-12, retired before the
    # reform: on 2026-11-29 he has one month to choose from)
    journey = start(window, LATER_BIRTH)
    fill_from_total(journey, age_delta=5)
    assert journey.showing_result()
    assert journey.result is not None
    statutory = 60 * 12 + 7
    assert journey.result.retirement_age_months == statutory + 5
    for _ in range(5):  # amount, balance, level, pre_account, age
        window.header.back_button.click()
    assert key(journey) == "age"
    assert journey.age.value() == statutory + 5
    window.header.back_button.click()
    assert key(journey) == "total"
    window.header.back_button.click()
    window.header.back_button.click()
    assert key(journey) == "category"
    assert journey.category.value() == Category.MALE.value
    assert journey.birth.value() == LATER_BIRTH
    assert journey.total.total_months() == FORM_TOTAL_MONTHS
    assert journey.pre_account.total_months() == FORM_PRE_ACCOUNT_MONTHS
    assert journey.level.value() == "0.6"
    assert journey.amount.text() == FORM_BALANCE
    window.header.back_button.click()
    assert window.current_page() == PageId.HOME


def test_home_clears_everything(window: MainWindow) -> None:
    journey = start(window)
    fill_from_total(journey)
    assert journey.result is not None
    window.header.home_button.click()
    assert window.current_page() == PageId.HOME
    assert journey.result is None and journey.result_area is None
    assert journey.presentation is None and journey.result_view is None
    assert journey.category.value() is None and journey.birth.value() is None
    assert journey.level.value() is None and journey.balance.value() is None
    assert journey.amount.text() == ""
    window.show_page("pension")
    assert key(journey) == "category"


# layout ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1366, 768), (1080, 1920), (1920, 1080)])
def test_every_level_is_shown_or_paged(qtbot, window: MainWindow, size: tuple[int, int]) -> None:
    """Seven levels: all on the screen, or pages of them with 更多选项, never one below the fold."""
    journey = start(window)
    journey.go_to("level")
    window.resize(*size)
    settle()
    group = journey.level
    seen = []
    for _ in group.pages:
        assert check_layout(window) == []
        seen += group.shown()
        group.pager.next_button.click()
        settle()
    assert seen == group.keys()
