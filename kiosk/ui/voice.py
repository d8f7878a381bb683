"""读给我听 on the window: the header's 朗读 control, the session's 语音引导 and 语速, and when
speech starts and stops.

- 朗读 reads what the screen shows (:mod:`kiosk.ui.speakable`); a second tap stops it.
- 语音引导 (in the 字号/对比 panel) reads each new screen by itself, and the control the keys
  move to; 语速 慢 / 正常. Both belong to the session: the idle reset puts them back to off and
  正常, as it does the text size and the language.
- Speech stops at 返回, 首页, a language switch, an idle reset and when the countdown is cancelled.
- On the idle countdown 还在使用吗？ and the seconds left are said to whoever has been listening
  (语音引导 on, or 朗读 used in this session): a tap on 朗读 there would itself end the countdown.
- With no engine, or no voice for the session's language, nothing about voice shows.

The engine starts a second after the window's first paint (start-up time is budgeted).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QWidget

from kiosk.content.texts import Texts
from kiosk.content.texts.ops import OpsTexts
from kiosk.ui.main_window import MainWindow
from kiosk.ui.ops.idle import IdleWatcher
from kiosk.ui.pages.journey import Journey
from kiosk.ui.settle import settle_layouts
from kiosk.ui.speakable import Speaker
from kiosk.ui.speech import Availability, Problem, SpeechEngine, Utterance

START_AFTER_PAINT_MS = 1000
COUNTDOWN_REMINDER_S = 10  # the seconds left are said again at this point


class VoiceGuide(QObject):
    """The window's voice. ``catalogue(language)``: the texts of a session language."""

    def __init__(
        self,
        window: MainWindow,
        engine: SpeechEngine,
        *,
        catalogue: Callable[[str], Texts],
        start_after_paint_ms: int = START_AFTER_PAINT_MS,
    ) -> None:
        super().__init__(window)
        self.setObjectName("VoiceGuide")
        self.window = window
        self.engine = engine
        self._catalogue = catalogue
        self.guidance = False
        self.slow = False
        self.used = False  # 朗读 pressed in this session
        self._start_ms = start_after_paint_ms
        self._auto = QTimer(self, singleShot=True, interval=0)
        self._auto.timeout.connect(self._on_new_screen)
        engine.setParent(self)
        self._connect_signals()
        self._refresh_control()
        if window.painted():
            self._start_engine()
        else:
            window.first_painted.connect(self._start_engine)

    def _connect_signals(self) -> None:
        window = self.window
        window.header.read_button.clicked.connect(self.toggle_reading)
        window.header.back_requested.connect(self.stop)
        window.header.home_requested.connect(self.stop)
        window.header.appearance_requested.connect(self._schedule)
        window.appearance.guidance_chosen.connect(self.set_guidance)
        window.appearance.slow_chosen.connect(self.set_slow)
        window.page_changed.connect(lambda _page: self._new_screen())
        window.page_built.connect(self._connect_page)
        window.pages_replaced.connect(self._on_language)
        window.session_reset.connect(self.reset_session)
        for page, widget in window.built_pages().items():
            self._connect_page(page, widget)
        self.engine.speaking_changed.connect(self._on_speaking)
        self.engine.availability_changed.connect(self._refresh_control)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.engine.shutdown)

    def _connect_page(self, _page: str, widget: QWidget) -> None:
        if isinstance(widget, Journey):
            widget.stack.currentChanged.connect(lambda _index: self._new_screen())
            widget.result_shown.connect(lambda w=widget: self._on_result(w))

    def watch_countdown(self, idle: IdleWatcher) -> None:
        """Say the idle countdown (what its overlay shows) to whoever has been listening."""
        idle.countdown_started.connect(lambda _s: self._countdown())
        idle.countdown_tick.connect(
            lambda seconds: self._countdown() if seconds == COUNTDOWN_REMINDER_S else None
        )
        idle.countdown_cancelled.connect(self.stop)

    # public API -------------------------------------------------------------------------------

    def available(self) -> bool:
        """Whether the session's language can be spoken (the 朗读 control shows)."""
        return self.engine.availability(self.window.language).ready

    def speaker(self) -> Speaker:
        return Speaker(self._catalogue(self.window.language))

    def toggle_reading(self) -> None:
        """朗读: read the screen; while speaking, stop."""
        self.used = True
        if self.engine.is_speaking():
            self.stop()
        else:
            self.read_screen()

    def read_screen(self) -> None:
        self.say(self.speaker().screen(self.window, self._page()))

    def read_control(self, widget: QWidget) -> None:
        """The control the keys moved to, when 语音引导 is on."""
        if self.guidance:
            self.say(self.speaker().control(widget))

    def say(self, utterances: list[Utterance]) -> None:
        if self.available() and utterances:
            self.engine.say(utterances, slow=self.slow)

    def stop(self) -> None:
        if self.engine.is_speaking():
            self.engine.stop()

    def set_guidance(self, on: bool) -> None:
        self.guidance = on
        self.window.appearance.mark_voice(self.guidance, self.slow)
        speech = self._catalogue(self.window.language).speech
        self.say(self.speaker().utter(speech.guidance_on_said if on else speech.guidance_off_said))

    def set_slow(self, slow: bool) -> None:
        self.slow = slow
        self.window.appearance.mark_voice(self.guidance, self.slow)
        chosen = self.window.appearance.rate_buttons[slow]
        self.say(self.speaker().utter(chosen.text()))

    def reset_session(self) -> None:
        """A new session: silent, 语音引导 off, 正常 rate."""
        self.stop()
        self.guidance = self.slow = self.used = False
        self.window.appearance.mark_voice(False, False)

    def status_lines(self, ops: OpsTexts, languages: tuple[str, ...]) -> list[str]:
        """The admin panel's lines: per language, the engine and voice, or why there is none."""
        return [
            status_line(ops, language, self.engine.availability(language)) for language in languages
        ]

    # helpers ----------------------------------------------------------------------------------

    def _page(self) -> QWidget | None:
        return self.window.stack.currentWidget()

    def _new_screen(self) -> None:
        self.stop()  # what was being said belongs to the screen that has gone
        self._schedule()

    def _schedule(self) -> None:
        if self.guidance:
            self._auto.start()  # once the screen has settled, and once for several changes

    def _countdown(self) -> None:
        if self.guidance or self.used:
            self.read_screen()

    def _refresh_control(self) -> None:
        shown = self.available()
        texts = self._catalogue(self.window.language)
        header = self.window.header
        header.read_button.setVisible(shown)
        header.read_button.setText(
            texts.speech.stop_button if self.engine.is_speaking() else texts.speech.read_button
        )
        header.appearance_button.setText(
            texts.speech.settings_button if shown else texts.common.appearance_button
        )
        header.appearance_button.setAccessibleName(  # what the keys' 语音引导 says of it
            texts.speech.settings_title if shown else texts.common.appearance_title
        )
        self.window.appearance.show_voice(shown)

    # slots --------------------------------------------------------------------------------------

    def _on_new_screen(self) -> None:
        if self.guidance:
            settle_layouts()  # a choice pages itself only once its height is known
            self.read_screen()

    def _on_result(self, page: Journey) -> None:
        self._schedule()
        view = page.result_view
        if view is not None:
            view.section_buttons["steps"].clicked.connect(lambda: self._on_steps(page))

    def _on_steps(self, page: Journey) -> None:
        """计算过程 opened: its steps are read to whoever is listening."""
        if self.guidance or self.engine.is_speaking():
            self.say(self.speaker().steps(page))

    def _on_speaking(self, _speaking: bool) -> None:
        self._refresh_control()

    def _on_language(self) -> None:
        self.stop()
        self._refresh_control()

    # Qt overrides ---------------------------------------------------------------------------

    def _start_engine(self) -> None:
        """A while after the window's first paint (start-up time is budgeted)."""
        QTimer.singleShot(self._start_ms, self, self.engine.start)


def status_line(ops: OpsTexts, language: str, available: Availability) -> str:
    name = ops.voice_languages.get(language, language)
    if available.ready:
        return ops.voice_ready.format(language=name, engine=available.engine, voice=available.voice)
    reasons = {
        Problem.STARTING: ops.voice_starting,
        Problem.TURNED_OFF: ops.voice_turned_off,
        Problem.NO_MODULE: ops.voice_no_module,
        Problem.NO_ENGINE: ops.voice_no_engine,
        Problem.ENGINE_FAILED: ops.voice_engine_failed,
        Problem.NO_VOICE: ops.voice_no_voice,
    }
    assert available.problem is not None
    reason = reasons[available.problem].format(engine=available.engine, detail=available.detail)
    return ops.voice_missing.format(language=name, reason=reason)


__all__ = ["VoiceGuide", "status_line"]
