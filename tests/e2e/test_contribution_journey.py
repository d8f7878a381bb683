"""缴费测算 through the real window: answers by button and by real touch events, figures checked
against kiosk.rules.contribution, provisional years, inline errors in view, back keeps the answers,
首页 clears them, and every question screen fits the screen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QScrollArea, QWidget

from kiosk.content import format as fmt
from kiosk.rules import InputError, PaymentPeriod, RulesData, WorkerKind, contribution
from kiosk.ui.layout_check import check_layout
from kiosk.ui.main_window import MainWindow
from kiosk.ui.navigation import PageId
from kiosk.ui.pages.contribution import CUSTOM_TIER, ContributionJourney
from kiosk.ui.theme import Preset, Theme
from kiosk.ui.widgets.kinetic import KineticScrollArea
from kiosk.ui.widgets.option_group import OptionGroup
from kiosk.ui.widgets.results import FigureGrid

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

TODAY = date(2026, 11, 29)  # the window fixture's fixed "today"


@pytest.fixture(autouse=True)
def _one_window_at_a_time(qapp) -> Iterator[None]:
    """Really delete each test's window afterwards (see tests/e2e/test_window.py)."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window_2027(qtbot, bundle) -> MainWindow:
    """The real window on 2027-03-01: 2027's limits are not out yet."""
    from kiosk.app import build_main_window

    main_window = build_main_window(bundle, today=lambda: date(2027, 3, 1))
    qtbot.add_widget(main_window)
    main_window.resize(1366, 768)
    main_window.show()
    qtbot.wait_exposed(main_window)
    return main_window


# driving the journey -----------------------------------------------------------------------------


def open_journey(window: MainWindow) -> ContributionJourney:
    window.pages[PageId.HOME].tiles["contribution"].click()  # type: ignore[attr-defined]
    assert window.current_page() == "contribution"
    journey = window.pages["contribution"]
    assert isinstance(journey, ContributionJourney)
    assert question(journey) == "kind"
    return journey


def question(journey: ContributionJourney) -> str:
    screen = journey.current_screen()
    return screen.question.key if screen is not None else "result"


def press_next(journey: ContributionJourney) -> None:
    screen = journey.current_screen()
    assert screen is not None
    screen.next_button.click()


def settle() -> None:
    """Let Qt finish the layout passes a resize or a new screen posts."""
    for _ in range(5):
        QApplication.processEvents()


def figures(journey: ContributionJourney) -> list[str]:
    assert journey.result_area is not None
    grid = journey.result_area.findChild(FigureGrid, "figures")
    assert grid is not None and grid.isVisible()
    return [value.text() for value in grid.values]


def money(texts, amount: Decimal) -> str:
    return fmt.money(texts.common, amount)


def refusal(texts, rules: RulesData, kind: WorkerKind, question_field: str, **inputs) -> str:
    """What the screen should say for these 2026 inputs: the rule's refusal in the catalogue's
    words, which name the answer (``question_field``, checked)."""
    with pytest.raises(InputError) as caught:
        contribution(kind, 2026, rules.contribution, rules.rates, as_of=TODAY, **inputs)
    text = fmt.error_text(texts, caught.value)
    assert question_field in text, text
    return text


def touch_tap(widget: QWidget) -> None:
    """A finger down and up on ``widget``, in the middle of the part of it that is on the screen.

    PySide6's ``QTest.touchEvent(widget, device)`` sequence takes *window* coordinates, and the
    offscreen platform's screen is 800x800: the point is the middle of the on-screen part, mapped
    to the window (as in tests/e2e/test_retirement_journey.py).
    """
    settle()
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()
    settle()
    window = widget.window()
    on_screen = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size()).intersected(
        window.screen().geometry()
    )
    assert not on_screen.isEmpty(), f"{widget.objectName()} is off the test screen"
    point = window.mapFromGlobal(on_screen.center())
    target = window.childAt(point)
    assert target is widget or widget.isAncestorOf(target)
    device = QTest.createTouchDevice()
    QTest.touchEvent(window, device).press(0, point).commit()
    QTest.touchEvent(window, device).release(0, point).commit()


def in_view(widget: QWidget) -> bool:
    """``widget`` is wholly inside the window and clear of 下一步 (which once cut it in half)."""
    window = widget.window()
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    buttons = [b for b in window.findChildren(QPushButton, "next") if b.isVisible()]
    return window.rect().contains(rect) and not any(
        rect.intersects(QRect(b.mapTo(window, QPoint(0, 0)), b.size())) for b in buttons
    )


# whole journeys --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "wage",
    [
        pytest.param("2000", id="below-floor"),
        pytest.param("8000.55", id="within"),
        pytest.param("50000", id="above-ceiling"),
    ],
)
def test_employee_journey(window: MainWindow, texts, rules: RulesData, wage: str) -> None:
    journey = open_journey(window)
    journey.kind.button("employee").click()
    press_next(journey)
    journey.year.button("2026").click()
    press_next(journey)
    for key in wage:
        journey.wage.keys[key].click()  # type: ignore[attr-defined]
    assert journey.wage.display.text() == wage
    press_next(journey)
    assert journey.showing_result()
    expected = contribution(
        WorkerKind.EMPLOYEE, 2026, rules.contribution, rules.rates, as_of=TODAY, wage=Decimal(wage)
    )
    assert figures(journey) == [
        money(texts, expected.base),
        money(texts, expected.individual_monthly),
        money(texts, expected.employer_monthly or Decimal(0)),
    ]
    if wage == "2000":  # the published 2026 floor: 4,573 -> 365.84 / 731.68
        assert figures(journey) == ["4,573.00元", "365.84元", "731.68元"]
    if wage == "50000":
        assert figures(journey) == ["22,863.00元", "1,829.04元", "3,658.08元"]


def touch_option(group: OptionGroup, key: str) -> None:
    """Touch a choice, turning the choices' pages by touch first when it is on another."""
    for _ in range(len(group.pages)):
        if group.page == group.page_of(key):
            break
        pager = group.pager
        touch_tap(pager.next_button if group.page < group.page_of(key) else pager.previous_button)
    touch_tap(group.button(key))


def test_flexible_journey_by_touch(window: MainWindow, texts, rules: RulesData) -> None:
    """Every answer given by a finger on the real window, 60% paid quarterly."""
    window.resize(700, 790)  # the offscreen screen is 800x800: a portrait window fits on it
    settle()
    touch_tap(window.pages[PageId.HOME].tiles["contribution"])  # type: ignore[attr-defined]
    assert window.current_page() == "contribution"
    journey = window.pages["contribution"]
    assert isinstance(journey, ContributionJourney)

    touch_option(journey.kind, "flexible")
    assert journey.kind.value() == "flexible"
    touch_tap(journey.current_screen().next_button)
    assert question(journey) == "year"
    touch_option(journey.year, "2026")
    touch_tap(journey.current_screen().next_button)
    assert question(journey) == "tier"
    touch_option(journey.tier, "60")
    assert journey.tier.value() == "60"
    touch_tap(journey.current_screen().next_button)
    assert question(journey) == "period"
    touch_option(journey.period, "quarter")
    touch_tap(journey.current_screen().next_button)

    assert journey.showing_result()
    expected = contribution(
        WorkerKind.FLEXIBLE,
        2026,
        rules.contribution,
        rules.rates,
        as_of=TODAY,
        base_percent=Decimal(60),
        period=PaymentPeriod.QUARTER,
    )
    assert figures(journey) == [
        money(texts, expected.base),
        money(texts, expected.per_payment),
        money(texts, expected.annual),
    ]
    assert figures(journey) == ["4,573.00元", "2,743.80元", "10,975.20元"]
    assert expected.individual_monthly == Decimal("914.60")

    touch_tap(window.header.back_button)  # 返回 keeps the answers
    assert question(journey) == "period" and journey.period.value() == "quarter"
    window.header.home_button.click()  # (off the 800x800 offscreen test screen for a finger)
    assert window.current_page() is PageId.HOME
    assert journey.kind.value() is None and journey.tier.value() is None


def test_custom_amount_typed_by_touch(window: MainWindow) -> None:
    window.resize(700, 790)  # the offscreen screen is 800x800: a portrait window fits on it
    settle()
    journey = open_journey(window)
    journey.kind.button("flexible").click()
    press_next(journey)
    journey.year.button("2026").click()
    press_next(journey)
    settle()
    touch_option(journey.tier, CUSTOM_TIER)
    press_next(journey)
    assert question(journey) == "amount"
    for key in "12000":
        touch_tap(journey.amount.keys[key])
    assert journey.amount.display.text() == "12000"
    press_next(journey)
    journey.period.button("year").click()
    press_next(journey)
    assert figures(journey) == ["12,000.00元", "28,800.00元", "28,800.00元"]


# provisional year ------------------------------------------------------------------------------


def test_a_year_before_its_notice_is_labelled_provisional(window_2027: MainWindow, texts) -> None:
    t = texts.contribution
    journey = open_journey(window_2027)
    journey.kind.button("employee").click()
    press_next(journey)
    assert journey.year.keys() == ["2027", "2026"]
    assert journey.year.button("2027").text() == t.year_option_provisional.format(
        year=2027, used_year=2026
    )
    assert journey.year.button("2026").text() == t.year_option.format(year=2026)
    assert "4,573.00元" in journey.year.button("2027").detail_label.text()
    journey.year.button("2027").click()
    press_next(journey)
    assert "2027年标准" in journey.wage_limits.text()
    assert "4,573.00元" in journey.wage_limits.text()
    for key in "3000":
        journey.wage.press(key)
    press_next(journey)
    assert figures(journey) == ["4,573.00元", "365.84元", "731.68元"]
    assert journey.result is not None and journey.result.provisional
    badge = texts.common.provisional_badge.format(year=2026)
    notice = journey.result_area.findChild(QLabel, "notice_provisional_text")
    assert notice is not None and notice.isVisible()
    assert notice.text() == badge
    shown = [label.text() for label in journey.result_area.findChildren(QLabel)]
    parameters = texts.common.parameter_year.format(year=2026)
    assert any(text.startswith(parameters) for text in shown)


# errors --------------------------------------------------------------------------------------


def test_empty_and_zero_wage_show_a_message_in_view(
    qtbot, window: MainWindow, texts, rules: RulesData
) -> None:
    """At 1366x768 the message shows whole beside the keypad, in plain words, and goes as soon
    as a key is pressed."""
    field = texts.errors.fields["wage"]
    journey = open_journey(window)
    journey.kind.button("employee").click()
    press_next(journey)
    journey.year.button("2026").click()
    press_next(journey)
    settle()  # the screen is on show before the finger presses 下一步
    press_next(journey)
    screen = journey.current_screen()
    assert question(journey) == "wage"
    assert screen.error.text() == texts.contribution.wage_missing
    settle()
    assert in_view(screen.error) and check_layout(window) == []
    journey.wage.press("0")
    assert not screen.error.isVisible()
    settle()
    press_next(journey)
    zero = refusal(texts, rules, WorkerKind.EMPLOYEE, field, wage=Decimal(0))
    assert screen.error.text() == zero
    assert field in zero
    assert journey.wage.text() == "0"
    settle()
    assert in_view(screen.error) and check_layout(window) == []


def test_amount_outside_the_limits_keeps_what_was_typed(
    qtbot, window: MainWindow, texts, rules: RulesData
) -> None:
    field = texts.errors.fields["base"]
    journey = open_journey(window)
    journey.kind.button("flexible").click()
    press_next(journey)
    journey.year.button("2026").click()
    press_next(journey)
    journey.tier.button(CUSTOM_TIER).click()
    press_next(journey)
    for key in "3000":
        journey.amount.press(key)
    settle()  # the screen is on show before the finger presses 下一步
    press_next(journey)
    screen = journey.current_screen()
    assert question(journey) == "amount"
    below = refusal(texts, rules, WorkerKind.FLEXIBLE, field, base=Decimal(3000))
    assert screen.error.text() == below
    assert field in below and "4,573.00元" in below and "22,863.00元" in below  # 2026's limits
    assert journey.amount.display.text() == "3000"
    settle()
    assert in_view(screen.error) and check_layout(window) == []
    journey.amount.press("0")  # 30000: now above the ceiling
    assert screen.error.isHidden()  # the answer changed
    press_next(journey)
    above = refusal(texts, rules, WorkerKind.FLEXIBLE, field, base=Decimal(30000))
    assert screen.error.text() == above == below
    assert journey.amount.display.text() == "30000"
    journey.amount.keys["clear"].click()  # type: ignore[attr-defined]
    for key in "9000":
        journey.amount.press(key)
    press_next(journey)
    assert question(journey) == "period"
    assert screen.error.isHidden()


# back and 首页 ----------------------------------------------------------------------------------


def answer_custom_flexible(journey: ContributionJourney) -> None:
    journey.kind.button("flexible").click()
    press_next(journey)
    journey.year.button("2025").click()
    press_next(journey)
    journey.tier.button(CUSTOM_TIER).click()
    press_next(journey)
    journey.amount.set_text("7000")
    press_next(journey)
    journey.period.button("half-year").click()
    press_next(journey)
    assert journey.showing_result()


def assert_cleared(journey: ContributionJourney) -> None:
    assert journey.kind.value() is None
    assert journey.year.value() is None
    assert journey.wage.text() == "" and journey.wage.display.text() == ""
    assert journey.tier.value() is None
    assert journey.amount.text() == "" and journey.amount.display.text() == ""
    assert journey.period.value() is None
    assert journey.result is None and journey.result_area is None


def test_header_back_keeps_the_answers(window: MainWindow) -> None:
    journey = open_journey(window)
    answer_custom_flexible(journey)
    seen = []
    for _ in range(5):
        window.header.back_button.click()
        seen.append(question(journey))
    assert seen == ["period", "amount", "tier", "year", "kind"]
    assert window.current_page() == "contribution"
    assert journey.kind.value() == "flexible"
    assert journey.year.value() == "2025"
    assert journey.tier.value() == CUSTOM_TIER
    assert journey.amount.display.text() == "7000"
    assert journey.period.value() == "half-year"
    for _ in range(5):  # forward again over the kept answers
        press_next(journey)
    assert journey.showing_result()
    assert figures(journey) == ["7,000.00元", "8,400.00元", "16,800.00元"]


def test_header_back_from_the_first_question_leaves_and_clears(window: MainWindow) -> None:
    journey = open_journey(window)
    journey.kind.button("employee").click()
    window.header.back_button.click()
    assert window.current_page() is PageId.HOME
    assert_cleared(journey)


def test_header_home_clears_the_answers(window: MainWindow) -> None:
    journey = open_journey(window)
    answer_custom_flexible(journey)
    window.header.back_button.click()
    window.header.back_button.click()  # on the amount screen, mid-journey
    window.header.home_button.click()
    assert window.current_page() is PageId.HOME
    assert_cleared(journey)
    assert open_journey(window).current_screen().error.isHidden()


def test_go_home_from_the_result_clears_it(window: MainWindow) -> None:
    journey = open_journey(window)
    journey.kind.button("employee").click()
    press_next(journey)
    journey.year.button("2026").click()
    press_next(journey)
    journey.wage.set_text("6000")
    press_next(journey)
    assert journey.showing_result()
    window.go_home()
    assert journey.result_area is None
    assert journey.wage.text() == ""
    assert open_journey(window).current_screen().error.isHidden()


# every question screen fits ------------------------------------------------------------------------


def walk_questions(journey: ContributionJourney, kind: str) -> Iterator[str]:
    """Answer each question, yielding on each screen before answering it."""
    yield question(journey)
    journey.kind.button(kind).click()
    press_next(journey)
    yield question(journey)
    journey.year.button("2026").click()
    press_next(journey)
    if kind == "employee":
        yield question(journey)
        return
    yield question(journey)
    journey.tier.button(CUSTOM_TIER).click()
    press_next(journey)
    yield question(journey)
    journey.amount.set_text("8000")
    press_next(journey)
    yield question(journey)


@pytest.mark.parametrize("kind", ["employee", "flexible"])
def test_every_question_fits_a_full_hd_screen(window: MainWindow, kind: str) -> None:
    window.resize(1920, 1080)
    journey = open_journey(window)
    seen = []
    for key in walk_questions(journey, kind):
        settle()
        assert check_layout(window) == [], key
        seen.append(key)
    assert len(seen) == (3 if kind == "employee" else 5)


@pytest.mark.parametrize("size", [(1366, 768), (1080, 1920)])
@pytest.mark.parametrize("preset", list(Preset))
def test_nothing_sticks_out_sideways(window: MainWindow, size: tuple[int, int], preset) -> None:
    window.resize(*size)
    window.set_appearance(preset, Theme.CONTRAST)
    journey = open_journey(window)
    for key in walk_questions(journey, "flexible"):
        settle()
        assert check_layout(window) == [], (key, size, preset)
    journey.period.button("month").click()
    press_next(journey)
    settle()
    area = journey.result_area.findChild(KineticScrollArea)
    assert area.widget().width() <= area.viewport().width()
    for value in journey.result_area.findChild(FigureGrid, "figures").values:
        assert value.width() >= value.sizeHint().width(), value.text()


def test_a_clerks_keyboard_types_the_wage(qtbot, window: MainWindow) -> None:
    journey = open_journey(window)
    journey.kind.button("employee").click()
    press_next(journey)
    journey.year.button("2026").click()
    press_next(journey)
    window.activateWindow()
    qtbot.wait_until(lambda: journey.wage.hasFocus())
    QTest.keyClicks(journey.wage, "6500.5")
    assert journey.wage.text() == "6500.5"
    press_next(journey)
    assert figures(journey)[0] == "6,500.50元"
