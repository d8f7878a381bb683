"""``kiosk --self-test``: walk every journey offscreen through the real widgets, at every screen
size, text size (标准 / 大 / 特大) and colour theme (标准 / 高对比); check each result against the
rules module and each screen for clipped, overlapping or hidden controls, targets too small to
touch and gaps between keys (:func:`kiosk.ui.layout_check.check_layout`); optionally save a PNG per
screen and one contact sheet per size x text size x theme. One line per check.

Besides the journeys' questions and results it shows each question's error (下一步 with nothing
chosen), the 扫码带走 view, the 字号/对比 panel, the attract screen, the idle countdown and the
admin PIN pad. Each journey is walked again by keys only, from the home screen, with 语音引导 on
(:mod:`kiosk.ui.walks.keys`, at every screen size and text size in the standard colours): each
screen's check line records what it said (the question and its numbered choices, the result's
spoken summary). Then it proves every other capability a terminal uses
(:mod:`kiosk.capabilities`).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from kiosk import resources
from kiosk.app import Bundle, build_main_window
from kiosk.capabilities import discard, prove_capabilities
from kiosk.content.spoken import for_the_ear
from kiosk.journeys import JOURNEYS, JourneySpec, load
from kiosk.ui.contact_sheet import contact_sheet
from kiosk.ui.keys import KeyNavigator
from kiosk.ui.layout_check import LayoutProblem, check_layout
from kiosk.ui.main_window import MainWindow
from kiosk.ui.ops.admin import PinPad
from kiosk.ui.ops.attract import AttractScreen, HallInfo
from kiosk.ui.ops.idle import CountdownOverlay
from kiosk.ui.ops.overlay import Overlay
from kiosk.ui.pages.home import HomePage
from kiosk.ui.pages.journey import Journey
from kiosk.ui.speakable import home_tiles
from kiosk.ui.speech import RecordingEngine
from kiosk.ui.theme import Preset, Theme
from kiosk.ui.voice import VoiceGuide
from kiosk.ui.walks import FAQ_WALK, Walk, WalkContext
from kiosk.ui.walks.keys import KEY_WALKS, KeyScriptError, play
from kiosk.ui.widgets.option_group import OptionGroup

SIZES: tuple[tuple[int, int], ...] = ((1920, 1080), (1080, 1920), (1366, 768))
COUNTDOWN_SHOWN_S = 30


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
        hall: HallInfo | None = None,
        icons: Path | None = None,
    ) -> None:
        self.window = window
        self.context = context
        self.walks = every_walk() if walks is None else walks
        self.screenshots = screenshots
        self.out = out
        self.results: list[CheckResult] = []
        self._shots: list[tuple[str, QImage]] = []
        self._size = (0, 0)
        texts = context.texts
        self.overlays: dict[str, Overlay] = {
            "attract": AttractScreen(window, texts=texts, hall=hall, icons=icons),
            "countdown": CountdownOverlay(window, texts=texts),
            "pin": PinPad(window, texts=texts),
        }

    def run(
        self,
        sizes: tuple[tuple[int, int], ...] = SIZES,
        presets: tuple[Preset, ...] = tuple(Preset),
        themes: tuple[Theme, ...] = tuple(Theme),
    ) -> bool:
        started = time.monotonic()
        for width, height in sizes:
            for preset in presets:
                for theme in themes:
                    self._configuration(width, height, preset, theme)
        passed = sum(r.ok for r in self.results)
        print(
            f"self-test: {passed} passed, {len(self.results) - passed} failed "
            f"in {time.monotonic() - started:.1f}s",
            file=self.out,
        )
        return passed == len(self.results)

    def _configuration(self, width: int, height: int, preset: Preset, theme: Theme) -> None:
        self.window.reset_session()
        self.window.resize(width, height)
        self.window.set_appearance(preset, theme)
        tag = f"{width}x{height} {preset.value} {theme.value}"
        self._size = (width, height)
        self._shots = []
        self._screen(f"home {tag}", "home")
        self.window.header.appearance_button.click()
        self._screen(f"appearance {tag}", "appearance", root=self.window.appearance)
        self.window.appearance.done_button.click()
        for walk in self.walks:
            self._walk(walk, tag)
        if theme is Theme.STANDARD:  # the themes differ in colour only (a test proves it)
            for walk in self.walks:
                self._key_walk(walk, tag)
        self._overlays(tag)
        if self.screenshots is not None:
            name = f"{width}x{height}_{preset.value}_{theme.value}"
            contact_sheet(self._shots, title=tag).save(
                str(self.screenshots / f"contact_{name}.png")
            )

    def _walk(self, walk: Walk, tag: str) -> None:
        self.window.go_home()
        self.window.show_page(walk.page)
        journey = self.window.pages[walk.page]
        assert isinstance(journey, Journey)
        for number, answer in enumerate(walk.answers, start=1):
            self._screen(f"{walk.name} screen {number} {tag}", f"{walk.name}_{number}")
            if number in walk.error_at:
                self._error_screen(journey, f"{walk.name} screen {number}", tag)
            answer(journey)
        self._screen(f"{walk.name} result {tag}", f"{walk.name}_result")
        self._record(f"{walk.name} figures {tag}", *walk.check(journey, self.context))
        ended = walk.ended_on(journey)  # the journey a continued walk went on to
        qr = ended.findChild(QPushButton, "show_qr")
        if qr is not None and qr.isVisibleTo(self.window):
            qr.click()
            self._screen(f"{walk.name} qr {tag}", f"{walk.name}_qr")
            close = ended.findChild(QPushButton, "close_qr")
            if close is not None:
                close.click()

    def _key_walk(self, walk: Walk, tag: str) -> None:
        """``walk`` again by keys only, from home, 语音引导 on: each screen's layout (the focus
        frame showing) and what it said; then the result's figures."""
        voice = self.window.findChild(VoiceGuide)
        script = KEY_WALKS.get(walk.name)
        navigator = self.window.findChild(KeyNavigator)
        if voice is None or not isinstance(voice.engine, RecordingEngine) or script is None:
            return  # a window without the recording engine, or a walk without a key script
        if navigator is None or not navigator.typing:
            return  # the scripts type numbers and dates, as on the clerk's desk
        engine = voice.engine
        voice.set_guidance(True)
        self.window.go_home()  # read aloud: 语音引导 is on
        try:
            for number, keys in enumerate(script, start=1):
                name = f"keys {walk.name} screen {number}"
                self._screen(f"{name} {tag}", f"keys_{walk.name}_{number}")
                self._record(f"speech {name} {tag}", *self._said(engine))
                try:
                    play(self.window, keys)
                except KeyScriptError as exc:
                    self._record(f"keys {walk.name} {tag}", False, f"screen {number}: {exc}")
                    return
            journey = walk.ended_on(self.window.pages[walk.page])  # type: ignore[arg-type]
            self._screen(f"keys {walk.name} result {tag}", f"keys_{walk.name}_result")
            self._record(f"speech keys {walk.name} result {tag}", *self._said(engine))
            self._record(f"keys {walk.name} figures {tag}", *walk.check(journey, self.context))
        finally:
            voice.set_guidance(False)
            engine.clear()

    def _said(self, engine: RecordingEngine) -> tuple[bool, str]:
        """What the screen shown said (语音引导 read it when it appeared) against what it must
        say: a question and each of its choices with its number, home's tiles with theirs, a
        result's spoken summary."""
        settle()
        said = engine.last().text if engine.said else ""
        speech = self.context.texts.speech
        page = self.window.stack.currentWidget()
        wanted: list[str] = []
        if isinstance(page, HomePage):
            wanted = [
                speech.choice.format(number=i, title=t.text())
                for i, t in enumerate(home_tiles(page), start=1)
            ]
        elif isinstance(page, Journey) and page.showing_result() and page.presentation:
            wanted = [page.presentation.spoken]
        elif isinstance(page, Journey) and (screen := page.current_screen()) is not None:
            wanted = [screen.heading.text()]
            for group in screen.question.body.findChildren(OptionGroup):
                wanted += [
                    speech.choice.format(number=i, title=group.button(k).text())
                    for i, k in enumerate(group.keys(), start=1)
                ]
        # a chosen choice is said with its state after its title
        missing = [w for w in wanted if for_the_ear(speech, w).rstrip("。.") not in said]
        if missing:
            return False, f"missing {missing!r} in {said!r}"
        return bool(said), said

    def _error_screen(self, journey: Journey, name: str, tag: str) -> None:
        """下一步 with nothing answered: the error shows beside the input, fully."""
        screen = journey.current_screen()
        journey.next()
        if screen is not None:
            screen.reveal_error()
        shown = screen is not None and screen.error.isVisibleTo(self.window)
        self._record(f"error shown {name} {tag}", shown, screen.error.text() if screen else "")
        self._screen(f"{name} error {tag}", f"{name.replace(' screen ', '_')}_error")

    def _overlays(self, tag: str) -> None:
        countdown = self.overlays["countdown"]
        assert isinstance(countdown, CountdownOverlay)
        countdown.show_seconds(COUNTDOWN_SHOWN_S)
        self.window.go_home()
        for name, overlay in self.overlays.items():
            overlay.open()
            self._screen(f"{name} {tag}", name, root=overlay)
            overlay.close_overlay()

    def _screen(self, name: str, file_name: str, *, root: QWidget | None = None) -> None:
        """Check what shows (``root``: an overlay over the whole window, checked on its own)."""
        settle()
        problems = check_layout(root or self.window)
        size = self.window.size()
        if (size.width(), size.height()) != self._size:  # a screen's content stretched it
            problems.insert(0, LayoutProblem("window", f"grew to {size.width()}x{size.height()}"))
        self._record(f"layout {name}", not problems, "; ".join(map(str, problems[:3])))
        if self.screenshots is not None:
            self.screenshots.mkdir(parents=True, exist_ok=True)
            image = self.window.grab().toImage()
            tag = "_".join(name.rsplit(" ", 3)[1:])
            image.save(str(self.screenshots / f"{file_name}_{tag}.png"))
            self._shots.append((file_name, image))

    def _record(self, name: str, ok: bool, detail: str = "") -> None:
        result = CheckResult(name, ok, detail)
        self.results.append(result)
        print(result.line(), file=self.out, flush=True)


def settle(passes: int = 4) -> None:
    """Let every pending layout pass run (each may post the next one to a parent widget), and
    delete what was let go (``deleteLater``: outside the event loop, ``processEvents`` never
    does, and every result and screen replaced would stay in memory until the end)."""
    for _ in range(passes):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


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
    hall: HallInfo | None = None,
    config: Path | None = None,
    pin: str | None = None,
) -> int:
    """The walks at every size, text size and theme, then every capability a terminal uses
    (:mod:`kiosk.capabilities`, with the settings file ``config`` and the admin ``pin`` when
    given)."""
    # 朗读 shows, and each screen's speech is recorded; numbers and dates are typed as a clerk would
    window = build_main_window(
        bundle, journeys=journeys, today=today, speech=RecordingEngine(), desk_typing=True
    )
    window.show()
    context = WalkContext(rules=bundle.rules, texts=bundle.texts, today=today())
    icons = resources.icons_dir(bundle.root)
    test = SelfTest(
        window,
        context,
        walks=every_walk(journeys),
        screenshots=screenshots,
        out=out,
        hall=hall,
        icons=icons,
    )
    walked = test.run()
    discard(window)  # the capabilities make windows of their own: not on top of this one
    proven = prove_capabilities(bundle, config=config, pin=pin, today=today, out=out)
    return 0 if walked and proven else 1
