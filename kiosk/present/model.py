"""What one result shows, already worded: the one object the result screen, the take-away sheet,
its QR summary and ``kiosk-calc`` all draw. Built by a journey's presenter from the rules' typed
result and the person's answers; nothing here is computed again or parsed back from text."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Tone(StrEnum):
    """How a notice is shown: a plain note, good news, something to act on, or a figure that is
    provisional or assumed."""

    INFO = "info"
    GOOD = "good"
    WARNING = "warning"
    PROVISIONAL = "provisional"


@dataclass(frozen=True, slots=True)
class Line:
    """A caption and its value (``出生年月`` / ``1965年7月``); ``key`` names it for tests, styling
    and the CLI."""

    key: str
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Notice:
    """A highlighted message under the figures, with an optional list (what someone short of
    years can do)."""

    key: str
    text: str
    tone: Tone = Tone.INFO
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a comparison chart: a retirement month and its monthly pension."""

    label: str  # 2031年11月
    caption: str  # 61岁5个月 · 按法定年龄
    value: Decimal
    amount: str  # 2,345.67元
    statutory: bool


@dataclass(frozen=True, slots=True)
class Presentation:
    """One journey's result, worded in one language."""

    journey: str
    title: str
    sheet_title: str  # the take-away sheet's title (测算单)
    headline: str  # the answer in one sentence
    spoken: str  # the answer for the ear: at most three short sentences (语音播报)
    figures: tuple[Line, ...]  # at most three large figures
    parts: tuple[Line, ...]  # a breakdown shown small under the figures (zero parts left out)
    notices: tuple[Notice, ...]
    answers: tuple[Line, ...]  # what the person told the kiosk (never a name or ID number)
    details_title: str
    details: tuple[Line, ...]
    parameters: tuple[str, ...]  # which year's figures were used, and whether provisional
    steps: tuple[str, ...]  # 计算过程, numbered when shown
    basis: tuple[str, ...]  # 政策依据: public titles, each once
    disclaimer: str
    provisional: bool
    chart: tuple[Bar, ...] = ()  # a comparison's bars, drawn above the figures
    summary_extra: tuple[str, ...] = ()  # more lines for the QR summary (a comparison's options)

    def figure(self, key: str) -> Line:
        return next(line for line in (*self.figures, *self.parts) if line.key == key)

    def as_json(self) -> dict[str, object]:
        """The worded result for ``kiosk-calc`` (its typed figures sit beside it)."""

        def lines(items: tuple[Line, ...]) -> list[dict[str, str]]:
            return [{"key": i.key, "label": i.label, "value": i.value} for i in items]

        return {
            "title": self.title,
            "headline": self.headline,
            "spoken_summary": self.spoken,
            "figures": lines(self.figures),
            "parts": lines(self.parts),
            "notices": [
                {"key": n.key, "tone": n.tone.value, "text": n.text, "items": list(n.items)}
                for n in self.notices
            ],
            "answers": lines(self.answers),
            "details": lines(self.details),
            "parameters": list(self.parameters),
            "steps": list(self.steps),
            "basis": list(self.basis),
            "disclaimer": self.disclaimer,
        }
