"""The terminal's own speech engine through Qt's QtTextToSpeech (PySide6-Addons), which drives
the platform's engine: SAPI or WinRT voices on Windows, speech-dispatcher on Linux (espeak-ng, or a
better voice the operator installs).

It never runs on the event loop's time. Loading the engine is slow (speech-dispatcher lists
every voice of every module: half a second to two seconds) and PySide holds Python's lock through
any C++ call made from Python, so a call from Python in any thread would freeze the screen that
long. So the engine object lives in a thread of its own, and everything slow reaches it as a
queued C++ call, which runs there without Python's lock: the engine is created as Qt's cheap
``mock`` engine (no I/O) and then switched to the real one by a queued ``setEngine``; ``say``,
``stop``, the voice and the rate are signals connected to its slots. Only the choice of a voice
per language runs as Python in that thread, on lists the engine already holds.

The module QtTextToSpeech itself is imported in that thread too, after the window's first paint
(:meth:`QtSpeechEngine.start`; start-up time is budgeted).
"""

from __future__ import annotations

import atexit
import logging
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from PySide6.QtCore import (
    Q_ARG,
    QLocale,
    QLoggingCategory,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    Signal,
    Slot,
)
from shiboken6 import isValid as shiboken_valid

from kiosk.ui.speech import STARTING, Availability, Problem, SpeechEngine, Utterance

log = logging.getLogger(__name__)

# the engines in the order they are preferred; Qt's mock engine (for Qt's own tests) never speaks
ENGINE_PREFERENCE = ("winrt", "sapi", "darwin", "speechd", "flite", "android")
BOOTSTRAP_ENGINE = "mock"
RATE_SLOW = -0.35  # QTextToSpeech's rate runs from -1 to 1; 0 is the engine's normal
RATE_NORMAL = 0.0
SHUTDOWN_WAIT_MS = 2000
EXIT_WAIT_MS = 20_000  # a process ending while the engine loads waits for it
# Voices an engine does not tag with a locale Qt knows, by a part of their name, best first:
# speech-dispatcher reports espeak-ng's Mandarin as "cmn", which QLocale cannot read. Its
# "latin as English" voice reads the pinyin of Debian 12's espeak-ng 1.51 dictionary as English
# words; the "latin as Pinyin" one reads it as Mandarin.
VOICE_NAME_HINTS: dict[str, tuple[str, ...]] = {
    "zh_CN": ("Mandarin, latin as Pinyin", "Mandarin", "Chinese"),
    "en": ("English",),
}
# Qt's multimedia library, which QtTextToSpeech links, warns about every sound server it cannot
# load (pipewire on a terminal with PulseAudio or ALSA); nothing here plays sound through it.
QUIET_CATEGORIES = "qt.multimedia.symbolsresolver.warning=false"


@dataclass
class _Found:
    """What the speech thread found: the engine, a voice per language, or why there is none."""

    engine: str = ""
    problem: Problem | None = None
    detail: str = ""
    voices: dict[str, Any] = field(default_factory=dict)  # language -> QVoice (None: no voice)
    tts: Any = None  # the QTextToSpeech, living in the speech thread


class QtSpeechEngine(SpeechEngine):
    """QtTextToSpeech in a thread of its own. ``languages``: the catalogue languages to find a
    voice for. ``prefer``: the engines to try, best first (tests name one)."""

    def __init__(
        self,
        languages: Sequence[str],
        *,
        prefer: Sequence[str] = ENGINE_PREFERENCE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._languages = tuple(languages)
        self._prefer = tuple(prefer)
        self._thread: QThread | None = None
        self._starter: _Starter | None = None
        self._found: _Found | None = None
        self._bridge: QObject | None = None
        self._queue: list[Utterance] = []
        self._slow = False
        self._speaking = False
        self._started_current = False  # the engine reported Speaking for the current utterance
        self._ready_state: object = None  # QTextToSpeech.State.Ready once the module is loaded
        self._speaking_state: object = None

    # SpeechEngine -------------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = QThread(self)
        self._thread.setObjectName("speech")
        # deleted with its window (tests make many): the thread ends before Qt deletes it; and
        # a process that ends without quitting the application ends it too (a thread still
        # running when the interpreter tears down crashes it)
        self.destroyed.connect(partial(_end_thread, self._thread))
        atexit.register(_shutdown_if_alive, weakref.ref(self))
        self._starter = _Starter(self._languages, self._prefer)
        self._starter.moveToThread(self._thread)
        self._thread.started.connect(self._starter.run)
        self._starter.found.connect(self._on_found)
        self._thread.start()

    def availability(self, language: str) -> Availability:
        found = self._found
        if found is None:
            return STARTING
        if found.problem is not None:
            return Availability(found.problem, engine=found.engine, detail=found.detail)
        voice = found.voices.get(language)
        if voice is None:
            return Availability(Problem.NO_VOICE, engine=found.engine)
        return Availability(None, engine=found.engine, voice=voice.name())

    def say(self, utterances: Sequence[Utterance], *, slow: bool = False) -> None:
        self.stop()
        self._queue = [
            u for u in utterances if u.text.strip() and self.availability(u.language).ready
        ]
        self._slow = slow
        if self._queue:
            self._set_speaking(True)
            self._next()

    def stop(self) -> None:
        self._queue = []
        self._started_current = False
        if self._bridge is not None and self._speaking:
            self._bridge.stop.emit()  # type: ignore[attr-defined]
        self._set_speaking(False)

    def is_speaking(self) -> bool:
        return self._speaking

    def shutdown(self, *, wait_ms: int = SHUTDOWN_WAIT_MS) -> None:
        """Stop speaking and end the speech thread (the engine is deleted in it)."""
        self.stop()
        if self._starter is not None:
            self._starter.deleteLater()  # with the engine: in the speech thread, as it ends
            self._starter = None
        if self._thread is not None:
            _end_thread(self._thread, wait_ms=wait_ms)

    # helpers ----------------------------------------------------------------------------------

    def _next(self) -> None:
        found, bridge = self._found, self._bridge
        if not self._queue or found is None or bridge is None:
            self._set_speaking(False)
            return
        utterance = self._queue.pop(0)
        self._started_current = False
        bridge.rate.emit(RATE_SLOW if self._slow else RATE_NORMAL)  # type: ignore[attr-defined]
        bridge.voice.emit(found.voices[utterance.language])  # type: ignore[attr-defined]
        bridge.text.emit(utterance.text)  # type: ignore[attr-defined]

    def _set_speaking(self, speaking: bool) -> None:
        if speaking != self._speaking:
            self._speaking = speaking
            self.speaking_changed.emit(speaking)

    # slots --------------------------------------------------------------------------------------

    @Slot(object)
    def _on_found(self, found: _Found) -> None:
        self._found = found
        if found.tts is not None:
            from PySide6.QtTextToSpeech import QTextToSpeech  # imported by the thread already

            self._bridge = _bridge(found.tts)
            found.tts.stateChanged.connect(self._on_state)
            found.tts.errorOccurred.connect(self._on_error)
            self._ready_state = QTextToSpeech.State.Ready
            self._speaking_state = QTextToSpeech.State.Speaking
        for language in self._languages:
            available = self.availability(language)
            if available.ready:
                log.info("speech: %s engine, %s voice %r", found.engine, language, available.voice)
            else:
                log.info(
                    "speech: no %s voice (%s %s %s)",
                    language,
                    available.problem,
                    found.engine,
                    found.detail,
                )
        self.availability_changed.emit()

    @Slot(object)
    def _on_state(self, state: Any) -> None:
        if state == self._speaking_state:
            self._started_current = True
        elif state == self._ready_state and self._started_current and self._speaking:
            self._next()

    @Slot(object, str)
    def _on_error(self, _reason: Any, message: str) -> None:
        log.warning("speech: the engine failed: %s", message)
        self._queue = []
        self._set_speaking(False)


def _shutdown_if_alive(engine: weakref.ref[QtSpeechEngine]) -> None:
    found = engine()
    if found is not None and shiboken_valid(found):
        # the engine may still be loading (speech-dispatcher lists every voice first): the
        # process may only end once the thread has
        found.shutdown(wait_ms=EXIT_WAIT_MS)


def _end_thread(thread: QThread, *_args: object, wait_ms: int = SHUTDOWN_WAIT_MS) -> None:
    """Quit the speech thread and wait for it, Python's lock let go while waiting: the thread may
    be running Python (choosing the voices), which a wait holding the lock would never let end."""
    if not thread.isRunning():
        return
    thread.quit()
    deadline = time.monotonic() + wait_ms / 1000
    while not thread.wait(0) and time.monotonic() < deadline:
        time.sleep(0.01)
    if thread.isRunning():
        log.warning("speech: the speech thread did not end in %d ms", wait_ms)


def _bridge(tts: QObject) -> QObject:
    """Signals connected to ``tts``'s slots: emitted here, they run in the speech thread as queued
    C++ calls (no Python, so no Python lock held while the engine works)."""
    from PySide6.QtTextToSpeech import QVoice

    class Bridge(QObject):
        voice = Signal(QVoice)
        rate = Signal(float)
        text = Signal(str)
        stop = Signal()

    bridge = Bridge()
    bridge.voice.connect(tts.setVoice)  # type: ignore[attr-defined]
    bridge.rate.connect(tts.setRate)  # type: ignore[attr-defined]
    bridge.text.connect(tts.say)  # type: ignore[attr-defined]
    bridge.stop.connect(tts.stop)  # type: ignore[attr-defined]
    return bridge


class _Starter(QObject):
    """Runs in the speech thread: imports QtTextToSpeech, loads the engine and picks a voice per
    language; ``found`` carries the result back."""

    found = Signal(object)

    def __init__(self, languages: Sequence[str], prefer: Sequence[str]) -> None:
        super().__init__()
        self._languages = languages
        self._prefer = prefer
        self._tts: Any = None
        self._engine = ""

    @Slot()
    def run(self) -> None:
        QLoggingCategory.setFilterRules(QUIET_CATEGORIES)
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as exc:  # a build without the module, or no PySide6-Addons
            self.found.emit(_Found(problem=Problem.NO_MODULE, detail=str(exc)))
            return
        engines = list(QTextToSpeech.availableEngines())
        wanted = [name for name in self._prefer if name in engines]
        if not wanted:
            self.found.emit(_Found(problem=Problem.NO_ENGINE, detail=", ".join(engines)))
            return
        self._engine = wanted[0]
        if BOOTSTRAP_ENGINE in engines:  # cheap, then the real one by a queued C++ call
            self._tts = QTextToSpeech(BOOTSTRAP_ENGINE, self)  # deleted with this starter
            self._tts.engineChanged.connect(self._on_engine)
            QMetaObject.invokeMethod(
                self._tts, "setEngine", Qt.ConnectionType.QueuedConnection, Q_ARG(str, self._engine)
            )
        else:  # loaded here: Python's lock is held while it loads
            self._tts = QTextToSpeech(self._engine, self)
            self._on_engine(self._engine)

    @Slot(str)
    def _on_engine(self, _name: str) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        tts = self._tts
        if tts.state() == QTextToSpeech.State.Error:
            detail = tts.errorString() or str(tts.errorReason())
            self.found.emit(_Found(self._engine, Problem.ENGINE_FAILED, detail))
            return
        voices = {language: pick_voice(tts, language) for language in self._languages}
        self.found.emit(_Found(self._engine, voices=voices, tts=tts))


def pick_voice(tts: Any, language: str) -> Any:
    """The voice for a catalogue language (``zh_CN``, ``en``): one whose locale has the language
    (its country first), else one named by :data:`VOICE_NAME_HINTS`; a plain voice before an
    engine's variants of it (espeak-ng's ``+Adam``). None when there is none."""
    wanted = QLocale(language)
    tagged = [v for v in tts.allVoices(wanted) if v.locale().language() == wanted.language()]
    if tagged:
        return min(tagged, key=_voice_rank(lambda v: v.locale().territory() != wanted.territory()))
    hints = VOICE_NAME_HINTS.get(language, ())
    named = [
        v
        for v in tts.allVoices(QLocale.c())
        if any(hint in v.name() for hint in hints) and v.locale().language() in _UNTAGGED
    ]
    if not named:
        return None
    return min(named, key=_voice_rank(lambda v: _hint_index(v.name(), hints)))


_UNTAGGED = (QLocale.Language.AnyLanguage, QLocale.Language.C)


def _hint_index(name: str, hints: Sequence[str]) -> int:
    return next(i for i, hint in enumerate(hints) if hint in name)


def _voice_rank(first: Callable[[Any], object]) -> Callable[[Any], tuple[object, bool, str]]:
    return lambda voice: (first(voice), "+" in voice.name(), voice.name())


__all__ = ["QtSpeechEngine", "pick_voice"]
