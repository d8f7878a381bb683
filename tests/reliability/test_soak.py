"""Soak: many complete journeys through the real window, with its kiosk operations installed.

Each journey starts as a citizen starts one (a tap on the attract screen if it shows, a home tile),
walks one of the sample visits of kiosk/ui/walks to its result (the figures checked
against the rules), and ends in one of four ways (see ``ENDINGS``): 首页; the idle countdown
running out; the text size and language changed on the home screen, then the idle reset; or the
whole journey in English in large text, then the idle reset. One journey in seven takes its result
away first (扫码带走, or 打印 to a PDF).

Asserted: after the warm-up journeys, resident memory grows by at most
``SOAK_MAX_RSS_GROWTH_MIB`` over the rest; after every reset from then on the live widgets
(``QApplication.allWidgets()``) and the window's QTimers are as many as after the warm-up (by then
both languages' pages exist: the kiosk builds each language's pages once and keeps them; and at
full size each result has been shown in both languages: a result view keeps the widgets of the
largest result it has shown).

Size (sizes.py): ``SOAK_JOURNEYS`` journeys, ``SOAK_WARMUP_JOURNEYS`` of them warm-up — 1,000 and
126 with ``KIOSK_RELIABILITY=full``, 21 and 14 otherwise. ``pytest -s`` prints the figures.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from kiosk_rig import (
    Kiosk,
    build_every_page,
    build_kiosk,
    close_kiosk,
    flush_deletes,
    live_widgets,
    resident_bytes,
    window_timers,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from sizes import SIZE_NAME, SOAK_JOURNEYS, SOAK_MAX_RSS_GROWTH_MIB, SOAK_WARMUP_JOURNEYS

from kiosk.app import Bundle
from kiosk.content.texts import DEFAULT_LANGUAGE
from kiosk.selftest import every_walk
from kiosk.ui.navigation import PageId
from kiosk.ui.pages.home import HomePage
from kiosk.ui.pages.journey import Journey
from kiosk.ui.print_actions import SheetActions
from kiosk.ui.theme import Preset, Theme
from kiosk.ui.walks import Walk, WalkContext
from tests.conftest import TODAY

WALKS = every_walk()

WAIT_MS = 5000
MIB = 1024 * 1024

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/statm").exists(), reason="reads resident memory from /proc"
)


@dataclass(frozen=True, slots=True)
class Counts:
    widgets: int
    timers: int

    def __str__(self) -> str:
        return f"{self.widgets} widgets, {self.timers} window timers"


@dataclass
class SoakLog:
    """What the soak saw: printed at the end and quoted by every failing assertion."""

    journeys: int = 0
    resets: int = 0
    baseline: Counts | None = None
    rss_after_warmup: int = 0
    rss_end: int = 0
    started: float = 0.0
    rss_every_100: list[tuple[int, int]] = field(default_factory=list)  # (journeys, bytes)

    def summary(self) -> str:
        growth = (self.rss_end - self.rss_after_warmup) / MIB if self.rss_after_warmup else 0.0
        return (
            f"soak ({SIZE_NAME}): {self.journeys} journeys, {self.resets} resets checked, "
            f"{time.monotonic() - self.started:.1f} s; after every reset {self.baseline}; RSS "
            f"{self.rss_after_warmup / MIB:.1f} MiB after {SOAK_WARMUP_JOURNEYS} warm-up journeys, "
            f"{self.rss_end / MIB:.1f} MiB at the end (growth {growth:+.2f} MiB, "
            f"limit {SOAK_MAX_RSS_GROWTH_MIB} MiB); every 100 journeys: "
            + ", ".join(f"{count}: {rss / MIB:.1f}" for count, rss in self.rss_every_100)
        )


@pytest.fixture
def kiosk(qtbot: Any, bundle: Bundle, tmp_path: Path) -> Iterator[Kiosk]:
    made = build_kiosk(bundle, tmp_path / "kiosk", attract_enabled=True)
    qtbot.wait_exposed(made.window)
    yield made
    close_kiosk(made)


# one journey ------------------------------------------------------------------------------------


def home_page(kiosk: Kiosk) -> HomePage:
    page = kiosk.window.pages[PageId.HOME]
    assert isinstance(page, HomePage)
    return page


def start(kiosk: Kiosk, walk: Walk) -> Journey:
    """A tap on the attract screen if it shows, then the walk's tile on the home screen."""
    attract = kiosk.operations.attract
    if attract.is_open():
        QTest.mouseClick(attract, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
        assert not attract.is_open()
    assert kiosk.window.current_page() == PageId.HOME
    home = home_page(kiosk)
    {**home.tiles, **home.info_tiles}[walk.page].click()
    assert kiosk.window.current_page() == walk.page
    journey = kiosk.window.pages[walk.page]
    assert isinstance(journey, Journey)
    return journey


def walk_to_result(kiosk: Kiosk, walk: Walk, context: WalkContext) -> Journey:
    journey = start(kiosk, walk)
    for answer in walk.answers:
        answer(journey)
    ok, detail = walk.check(journey, context)
    assert ok, f"{walk.name} in {kiosk.window.language}: {detail}"
    return walk.ended_on(journey)


def take_away(journey: Journey, *, printed: bool) -> None:
    """打印 (to the test's PDF printer) or 扫码带走 (the QR view over the result, then 关闭)."""
    # the row on show: a comparison shows over its result, each with a row of its own
    actions = next((row for row in journey.findChildren(SheetActions) if row.isVisible()), None)
    if actions is None:  # the FAQ has no take-away row
        return
    if printed:
        actions.start_print()
        assert actions.status.isVisible()
    else:
        view = actions.show_qr()
        assert view is not None and view.isVisible()
        view.close_button.click()


def dress_up(kiosk: Kiosk) -> None:
    """On the home screen: the other language, the largest text size in high contrast (a reset
    must undo all three)."""
    home_page(kiosk).language_button.click()
    assert kiosk.window.language != DEFAULT_LANGUAGE
    kiosk.window.header.appearance_button.click()
    kiosk.window.appearance.presets[Preset.LARGEST].click()
    kiosk.window.appearance.themes[Theme.CONTRAST].click()
    kiosk.window.appearance.done_button.click()
    assert (kiosk.window.preset, kiosk.window.theme) == (Preset.LARGEST, Theme.CONTRAST)


def idle_reset(kiosk: Kiosk, qtbot: Any) -> None:
    """The last touch, then nothing: the countdown (milliseconds here) runs out."""
    idle = kiosk.operations.idle
    with qtbot.waitSignal(idle.timed_out, timeout=WAIT_MS):
        idle.activity()
    assert kiosk.window.current_page() == PageId.HOME
    assert kiosk.window.language == DEFAULT_LANGUAGE
    assert (kiosk.window.preset, kiosk.window.theme) == (Preset.STANDARD, Theme.STANDARD)
    assert kiosk.operations.attract.is_open()


# the four ways a journey ends ------------------------------------------------------------------

Ending = Callable[[Kiosk, Any, Walk, dict[str, WalkContext]], None]


def ends_with_home(kiosk: Kiosk, qtbot: Any, walk: Walk, contexts: dict[str, WalkContext]) -> None:
    walk_to_result(kiosk, walk, contexts[DEFAULT_LANGUAGE])
    kiosk.window.header.home_button.click()
    assert kiosk.window.current_page() == PageId.HOME


def ends_idle(kiosk: Kiosk, qtbot: Any, walk: Walk, contexts: dict[str, WalkContext]) -> None:
    walk_to_result(kiosk, walk, contexts[DEFAULT_LANGUAGE])
    idle_reset(kiosk, qtbot)


def ends_dressed_up(kiosk: Kiosk, qtbot: Any, walk: Walk, contexts: dict[str, WalkContext]) -> None:
    walk_to_result(kiosk, walk, contexts[DEFAULT_LANGUAGE])
    kiosk.window.header.home_button.click()
    dress_up(kiosk)
    idle_reset(kiosk, qtbot)


def walks_dressed_up(
    kiosk: Kiosk, qtbot: Any, walk: Walk, contexts: dict[str, WalkContext]
) -> None:
    start(kiosk, walk)  # dismisses the attract screen
    kiosk.window.header.home_button.click()
    dress_up(kiosk)
    walk_to_result(kiosk, walk, contexts[kiosk.window.language])
    idle_reset(kiosk, qtbot)


ENDINGS: tuple[Ending, ...] = (
    ends_with_home,
    ends_idle,
    ends_with_home,
    ends_idle,
    ends_with_home,
    ends_idle,
    ends_dressed_up,  # walks_dressed_up every other cycle
)
"""Seven (prime to the four walks): every walk meets every ending in 28 journeys. Each cycle of
seven takes one result away (扫码带走, or 打印 every other cycle) and changes the language once."""


def ending_for(number: int) -> Ending:
    ending = ENDINGS[number % len(ENDINGS)]
    if ending is ends_dressed_up and (number // len(ENDINGS)) % 2:
        return walks_dressed_up
    return ending


def journey(
    kiosk: Kiosk, qtbot: Any, number: int, contexts: dict[str, WalkContext]
) -> tuple[Walk, Ending]:
    """Journey ``number`` of the soak."""
    walk = WALKS[number % len(WALKS)]
    ending = ending_for(number)
    cycle, position = divmod(number, len(ENDINGS))
    if position == ENDINGS.index(ends_idle):
        page = walk_to_result(kiosk, walk, contexts[DEFAULT_LANGUAGE])
        take_away(page, printed=bool(cycle % 2))
        idle_reset(kiosk, qtbot)
    else:
        ending(kiosk, qtbot, walk, contexts)
    return walk, ending


def counts_now(kiosk: Kiosk) -> Counts:
    """Widgets and timers alive once every page is built and every deletion has run. Python
    collects the cycles first: an old page's wrappers wait for the garbage collector, and with them
    the labels a RichButton leaves out of its layout (parentless until then)."""
    build_every_page(kiosk.window)
    flush_deletes()
    gc.collect()
    flush_deletes()
    return Counts(live_widgets(), window_timers(kiosk.window))


def test_soak_journeys_leak_neither_memory_nor_widgets(
    qtbot: Any, kiosk: Kiosk, bundle: Bundle
) -> None:
    contexts = {
        language: WalkContext(rules=bundle.rules, texts=bundle.catalogue(language), today=TODAY)
        for language in bundle.catalogues
    }
    log = SoakLog(started=time.monotonic())
    for number in range(SOAK_JOURNEYS):
        walk, ending = journey(kiosk, qtbot, number, contexts)
        log.journeys += 1
        counts = counts_now(kiosk)
        log.resets += 1
        if log.baseline is not None:
            assert counts == log.baseline, (
                f"after journey {number} ({walk.name}, {ending.__name__}): {counts}, "
                f"after the warm-up {log.baseline}\n{log.summary()}"
            )
        if number + 1 == SOAK_WARMUP_JOURNEYS:
            log.baseline = counts  # both languages' pages now exist: the kiosk keeps them
            gc.collect()
            log.rss_after_warmup = resident_bytes()
        if (number + 1) % 100 == 0:  # a steady rise is a leak; a step, what the allocator keeps
            gc.collect()
            log.rss_every_100.append((number + 1, resident_bytes()))
    gc.collect()
    log.rss_end = resident_bytes()
    print(f"\n{log.summary()}")
    growth_mib = (log.rss_end - log.rss_after_warmup) / MIB
    assert growth_mib <= SOAK_MAX_RSS_GROWTH_MIB, log.summary()
