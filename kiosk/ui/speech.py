"""The speech engine behind 读给我听, seen from the kiosk: a small interface with two engines.

- :class:`~kiosk.ui.speech_qt.QtSpeechEngine`: the terminal's own engine through Qt's
  QtTextToSpeech (Windows' voices, speech-dispatcher with espeak-ng or a better voice on Linux),
  started after the first paint and never on the event loop's time;
- :class:`RecordingEngine`: keeps what it was asked to say (tests, and the self-test, which records
  what every screen of every journey says).

An engine speaks a list of :class:`Utterance` in order, each in its own language (the FAQ is
Chinese in an English session too), and says per language whether it can speak it at all
(:class:`Availability`): with no engine or no voice for the session's language the 朗读 control
is not shown, and the admin panel says why.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True, slots=True)
class Utterance:
    """One stretch of speech in one language (a catalogue language: ``zh_CN``, ``en``)."""

    text: str
    language: str


class Problem(StrEnum):
    """Why a language cannot be spoken."""

    STARTING = "starting"  # the engine is still being started
    TURNED_OFF = "turned_off"  # the settings say read_aloud = false
    NO_MODULE = "no_module"  # QtTextToSpeech cannot be imported
    NO_ENGINE = "no_engine"  # no speech engine plug-in on this terminal
    ENGINE_FAILED = "engine_failed"  # the engine did not start (speech-dispatcher unreachable...)
    NO_VOICE = "no_voice"  # the engine has no voice for the language


@dataclass(frozen=True, slots=True)
class Availability:
    """Whether one language can be spoken: with which engine and voice, or why not."""

    problem: Problem | None
    engine: str = ""
    voice: str = ""
    detail: str = ""

    @property
    def ready(self) -> bool:
        return self.problem is None


STARTING = Availability(Problem.STARTING)


class SpeechEngine(QObject):
    """What the kiosk needs of an engine. ``say`` replaces whatever is being said; ``speaking``
    goes True when it starts and False when the last utterance has been said or it was stopped.
    ``slow``: the session's 慢 rate."""

    speaking_changed = Signal(bool)
    availability_changed = Signal()

    def start(self) -> None:
        """Find the engine and its voices (an engine that needs no starting does nothing)."""

    def availability(self, language: str) -> Availability:
        raise NotImplementedError

    def say(self, utterances: Sequence[Utterance], *, slow: bool = False) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def is_speaking(self) -> bool:
        raise NotImplementedError

    def shutdown(self) -> None:
        """Let go of the engine (at exit)."""


@dataclass(frozen=True, slots=True)
class Said:
    """One :meth:`RecordingEngine.say`: the utterances and the rate asked for."""

    utterances: tuple[Utterance, ...]
    slow: bool

    @property
    def text(self) -> str:
        return " ".join(u.text for u in self.utterances)


class RecordingEngine(SpeechEngine):
    """An engine that speaks nothing aloud and records what it was asked to say: each
    :meth:`say` in :attr:`said`, each :meth:`stop` counted in :attr:`stops`. It is speaking from
    a ``say`` until :meth:`finish` (the engine got to the end) or :meth:`stop`.

    ``languages``: those it has a voice for (every language by default); ``problem``: why the
    others cannot be spoken."""

    def __init__(
        self,
        *,
        languages: Iterable[str] | None = None,
        problem: Problem = Problem.NO_VOICE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._languages = None if languages is None else frozenset(languages)
        self._problem = problem
        self.said: list[Said] = []
        self.stops = 0
        self._speaking = False

    def availability(self, language: str) -> Availability:
        if self._languages is None or language in self._languages:
            return Availability(None, engine="recording", voice=language)
        return Availability(self._problem, engine="recording")

    def set_languages(self, languages: Iterable[str]) -> None:
        self._languages = frozenset(languages)
        self.availability_changed.emit()

    def say(self, utterances: Sequence[Utterance], *, slow: bool = False) -> None:
        self.said.append(Said(tuple(utterances), slow))
        self._set_speaking(bool(utterances))

    def stop(self) -> None:
        self.stops += 1
        self._set_speaking(False)

    def finish(self) -> None:
        """The engine has said everything it was given."""
        self._set_speaking(False)

    def is_speaking(self) -> bool:
        return self._speaking

    def last(self) -> Said:
        return self.said[-1]

    def texts(self) -> list[str]:
        """Everything said so far, one string per ``say``."""
        return [said.text for said in self.said]

    def clear(self) -> None:
        self.said.clear()
        self.stops = 0

    def _set_speaking(self, speaking: bool) -> None:
        if speaking != self._speaking:
            self._speaking = speaking
            self.speaking_changed.emit(speaking)


class NoEngine(SpeechEngine):
    """No speech at all, for ``problem`` (read_aloud = false in the settings)."""

    def __init__(self, problem: Problem, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problem = problem

    def availability(self, language: str) -> Availability:
        return Availability(self._problem)

    def say(self, utterances: Sequence[Utterance], *, slow: bool = False) -> None:
        pass

    def stop(self) -> None:
        pass

    def is_speaking(self) -> bool:
        return False


__all__ = [
    "STARTING",
    "Availability",
    "NoEngine",
    "Problem",
    "RecordingEngine",
    "Said",
    "SpeechEngine",
    "Utterance",
]
