"""Screen text made fit for the ear (读给我听): what the kiosk reads aloud besides the results'
spoken summaries, which are written for the ear already (:mod:`kiosk.present`).

A screen writes ``1,524.20元``, ``9/2025``, ``（{base}元 + {indexed}元）÷ 2 × 1%``; a speech
engine would read the separator, the slash, the brackets and the signs, or skip them. Each is
replaced by the words of the catalogue's ``speech`` section (``symbols``, ``percent``,
``month_names``), so the same screen sounds right in every language. Qt-free.
"""

from __future__ import annotations

import re

from kiosk.content.texts.speech import SpeechTexts

CJK = re.compile("[\u3400-\u9fff]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
_MONTH_YEAR = re.compile(
    r"(?<![\d/])(\d{1,2})/(\d{4})(?![\d/])"
)  # 9/2025, an English screen's month
_SPACES = re.compile(r"[ \t\r\n]+")
_ADJACENT_QUOTES = re.compile("”\\s*“")  # “减”“加”: two words, said as a list
_QUOTES = re.compile('[“”‘’「」『』"]')  # quotation marks are never said
_SPACE_BEFORE_PAUSE = re.compile(r"\s+(?=[，,。.；;：:！!？?])")
_SPACE_AFTER_CJK_PAUSE = re.compile(r"(?<=[，。；：！？、])\s+")
_REPEATED_PAUSE = re.compile(r"([，,。.；;：:])(?:\s*[，,])+")
_PAUSE_BEFORE_STOP = re.compile(r"[，,]+\s*([。.！!？?；;、])")


def for_the_ear(speech: SpeechTexts, text: str) -> str:
    """``text`` as it should be said: no thousands separators, months and percentages in words,
    every symbol of ``speech.symbols`` replaced by its words, one line."""
    text = _QUOTES.sub("", _ADJACENT_QUOTES.sub("、", _THOUSANDS.sub("", text)))
    text = _MONTH_YEAR.sub(lambda m: _month(speech, int(m.group(1)), m.group(2)), text)
    text = _PERCENT.sub(lambda m: speech.percent.format(value=m.group(1)), text)
    text = "".join(speech.symbols.get(char, char) for char in text)
    text = _SPACES.sub(" ", text)
    text = _SPACE_AFTER_CJK_PAUSE.sub("", _SPACE_BEFORE_PAUSE.sub("", text))
    text = _PAUSE_BEFORE_STOP.sub(r"\1", _REPEATED_PAUSE.sub(r"\1", text))
    return text.strip(" ，,")


def _month(speech: SpeechTexts, month: int, year: str) -> str:
    if not 1 <= month <= len(speech.month_names):
        return f"{month} {year}"
    return speech.year_month.format(year=year, month_name=speech.month_names[month - 1])


def language_of(text: str, session: str, *, chinese: str) -> str:
    """The language to say ``text`` in: Chinese wherever it has Chinese characters (the FAQ and
    the guide are Chinese in every session), else the session's."""
    return chinese if CJK.search(text) else session
