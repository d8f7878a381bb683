"""``kiosk --self-test``: walk every journey through the real widgets, offscreen, at every screen
size and text-size preset; check each result against the rules module and each screen for clipped,
overlapping or out-of-window controls; optionally save a PNG per screen. Then prove every other
capability a terminal uses (:mod:`kiosk.capabilities`). One line per check."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from kiosk.app import Bundle, build_main_window
from kiosk.capabilities import prove_capabilities
from kiosk.journeys import JOURNEYS, JourneySpec, load
from kiosk.ui.layout_check import check_layout
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.journey import Journey
from kiosk.ui.theme import Preset
from kiosk.ui.walks import FAQ_WALK, Walk, WalkContext

SIZES: tuple[tuple[int, int], ...] = ((1920, 1080), (1080, 1920), (1366, 768))


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    ok: bool
    detail: str = ""

    def line(self) -> str:
        return f"{'PASS' if self.ok else 'FAIL'} {self.name}" + (
            f": {self.detail}" if self.detail else ""
        )


class SelfTest:
    """Runs the walks; collects one :class:`CheckResult` per screen and per result."""

    def __init__(
        self,
        window: MainWindow,
        context: WalkContext,
        *,
        walks: Sequence[Walk] | None = None,
        screenshots: Path | None,
        out: TextIO,
    ) -> None:
        self.window = window
        self.walks = every_walk() if walks is None else walks
        self.context = context
        self.screenshots = screenshots
        self.out = out
        self.results: list[CheckResult] = []

    def run(self, sizes: tuple[tuple[int, int], ...] = SIZES) -> bool:
        for width, height in sizes:
            for preset in Preset:
                self.window.reset_session()
                self.window.resize(width, height)
                self.window.set_preset(preset)
                tag = f"{width}x{height} {preset.value}"
                self._screen(f"home {tag}", f"home_{width}x{height}_{preset.value}")
                for walk in self.walks:
                    self._walk(walk, tag, f"{width}x{height}_{preset.value}")
        passed = sum(r.ok for r in self.results)
        print(f"self-test: {passed} passed, {len(self.results) - passed} failed", file=self.out)
        return passed == len(self.results)

    def _walk(self, walk: Walk, tag: str, file_tag: str) -> None:
        self.window.go_home()
        self.window.show_page(walk.page)
        journey = self.window.pages[walk.page]
        assert isinstance(journey, Journey)
        for number, answer in enumerate(walk.answers, start=1):
            self._screen(f"{walk.name} screen {number} {tag}", f"{walk.name}_{number}_{file_tag}")
            answer(journey)
        self._screen(f"{walk.name} result {tag}", f"{walk.name}_result_{file_tag}")
        self._record(f"{walk.name} figures {tag}", *walk.check(journey, self.context))

    def _screen(self, name: str, file_name: str) -> None:
        settle()
        problems = check_layout(self.window)
        self._record(f"layout {name}", not problems, "; ".join(map(str, problems[:3])))
        if self.screenshots is not None:
            self.screenshots.mkdir(parents=True, exist_ok=True)
            self.window.grab().save(str(self.screenshots / f"{file_name}.png"))

    def _record(self, name: str, ok: bool, detail: str = "") -> None:
        result = CheckResult(name, ok, detail)
        self.results.append(result)
        print(result.line(), file=self.out, flush=True)


def settle(passes: int = 4) -> None:
    """Let every pending layout pass run (each may post the next one to a parent widget)."""
    for _ in range(passes):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def every_walk(journeys: Sequence[JourneySpec] = JOURNEYS) -> tuple[Walk, ...]:
    """Each registered journey's walks, then the FAQ's."""
    walks: list[Walk] = []
    for spec in journeys:
        walks += load(spec.walks)
    return (*walks, FAQ_WALK)


def run_self_test(
    bundle: Bundle,
    *,
    journeys: Sequence[JourneySpec] = JOURNEYS,
    screenshots: Path | None = None,
    today: Callable[[], date] = date.today,
    out: TextIO = sys.stdout,
    config: Path | None = None,
    pin: str | None = None,
) -> int:
    """The walks, then every capability a terminal uses (:mod:`kiosk.capabilities`, with the
    settings file ``config`` and the admin ``pin`` when given)."""
    window = build_main_window(bundle, journeys=journeys, today=today)
    window.show()
    context = WalkContext(rules=bundle.rules, texts=bundle.texts, today=today())
    walks = every_walk(journeys)
    walked = SelfTest(window, context, walks=walks, screenshots=screenshots, out=out).run()
    window.close()
    proven = prove_capabilities(bundle, config=config, pin=pin, today=today, out=out)
    return 0 if walked and proven else 1
