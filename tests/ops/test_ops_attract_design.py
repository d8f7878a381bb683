"""The attract screen is designed, not a block of text in a blue void (issue 14): a large
pictogram and 请触摸屏幕开始, the hall's service hours and service desk from the settings, and the
tips in turn with a marker of which one shows; whole at every screen size, text size and theme,
also with the longest hall text the settings allow."""

from __future__ import annotations

from typing import Any

from opskit import operations

from kiosk.selftest import SIZES, settle
from kiosk.settings import HALL_TEXT_MAX
from kiosk.ui.layout_check import check_layout
from kiosk.ui.theme import Preset, Theme

HOURS = "周一至周五 9:00—12:00 13:30—17:00"
DESK = "一楼大厅 1—8号窗口"


def test_the_attract_screen_shows_the_halls_facts(make_window: Any, texts: Any) -> None:
    ops = operations(make_window(attract_enabled=True, service_hours=HOURS, service_desk=DESK))
    ops.start()
    attract = ops.attract
    assert attract.is_open()
    assert attract.prompt.text() == texts.ops.attract_prompt == "请触摸屏幕开始"
    assert attract.hours.isVisible() and HOURS in attract.hours.text()
    assert attract.desk.isVisible() and DESK in attract.desk.text()
    assert not attract.pictogram.pixmap().isNull()
    settle()
    assert attract.pictogram.width() >= 0.2 * min(attract.width(), attract.height())


def test_without_hall_facts_nothing_is_left_blank(make_window: Any) -> None:
    ops = operations(make_window(attract_enabled=True))
    ops.start()
    assert not ops.attract.hours.isVisible() and not ops.attract.desk.isVisible()
    assert ops.attract.privacy.isVisible()


def test_the_tips_turn_with_a_marker(make_window: Any, texts: Any) -> None:
    ops = operations(make_window(attract_enabled=True))
    ops.start()
    attract = ops.attract
    count = len(texts.ops.cards)
    assert count >= 3
    seen = []
    for index in range(count):
        assert attract.dots.text().split().index("\u25cf") == index  # which tip shows
        seen.append(attract.card_title.text())
        attract.next_card()
    assert seen == [card.title for card in texts.ops.cards]
    assert attract.card_title.text() == seen[0]  # round again


def test_whole_at_every_size_with_the_longest_hall_text(make_window: Any) -> None:
    window = make_window(
        attract_enabled=True,
        service_hours="时" * HALL_TEXT_MAX,
        service_desk="楼" * HALL_TEXT_MAX,
    )
    attract = operations(window).attract
    problems = {}
    for width, height in SIZES:
        for preset in Preset:
            for theme in (Theme.CONTRAST,):  # the themes differ in colour only
                window.resize(width, height)
                window.set_appearance(preset, theme)
                attract.open()
                attract._timer.stop()  # the test's milliseconds: turn the tips by hand
                for card in attract.cards:  # every tip, the longest included
                    settle()
                    found = check_layout(attract)
                    if found:
                        tag = f"{width}x{height} {preset.value} {theme.value} {card.title}"
                        problems[tag] = found[:3]
                    attract.next_card()
    assert problems == {}
