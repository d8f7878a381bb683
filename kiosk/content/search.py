"""Search the FAQ by Chinese text, full pinyin (``tuixiu``) or pinyin initials (``txnl``).

The pinyin of every question, keyword and category title is read from the bundled readings
(:mod:`kiosk.content.pinyin`: pypinyin, phrase-aware, so 长辈 is ``zhangbei``, worked out ahead of
time); a keystroke then costs a few substring tests per field. Queries may mix full syllables and initials (``tuixnl``) and may end in the middle
of a syllable (``tuixi``), as they do while someone is typing.

Ranking: a match in the question beats one in the keywords, which beats the category title, which
beats the answer text; a match at the start of the field, a match covering more of the field, full
syllables over initials all rank higher. Ties keep the content's own order. Never imports Qt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kiosk.content.faq import Content, FaqEntry
from kiosk.content.pinyin import Readings, clean, read_aloud

QUESTION, KEYWORD, CATEGORY, ANSWER = 100.0, 70.0, 40.0, 15.0
EXACT, FULL_PINYIN, MIXED, INITIALS, PARTIAL = 1.0, 0.95, 0.85, 0.8, 0.45
ASCII_QUERY = re.compile(r"^[a-z0-9]+$")
_INITIAL_PAIRS = ("zh", "ch", "sh")


@dataclass(frozen=True, slots=True)
class _Field:
    """One searchable text with its pinyin worked out."""

    weight: float
    text: str  # lower case, spaces removed
    syllables: tuple[str, ...]  # one per hanzi; a run of letters or digits is one "syllable"
    joined: str  # "".join(syllables)
    starts: frozenset[int]  # where each syllable starts in ``joined``
    initials: str  # first letter of each syllable
    pairs: frozenset[str]  # every two neighbouring characters (for near-miss Chinese queries)


@dataclass(frozen=True, slots=True)
class Hit:
    entry: FaqEntry
    score: float


def _field(text: str, weight: float, syllables: tuple[str, ...] = ()) -> _Field:
    """``text`` (already cleaned) with its ``syllables`` (none: matched as text only)."""
    starts, position = [], 0
    for syllable in syllables:
        starts.append(position)
        position += len(syllable)
    return _Field(
        weight=weight,
        text=text,
        syllables=syllables,
        joined="".join(syllables),
        starts=frozenset(starts),
        initials="".join(s[0] for s in syllables),
        pairs=frozenset(_bigrams(text)),
    )


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


class SearchIndex:
    """Built once from the loaded content; :meth:`search` answers one query.

    ``readings``: the bundled pinyin (:func:`kiosk.content.pinyin.load_readings`); a text it lacks
    is read with pypinyin now (``read_now`` counts them), and without ``readings`` every text is.
    """

    def __init__(self, content: Content, readings: Readings | None = None) -> None:
        self._readings = readings if readings is not None else {}
        self.read_now = 0
        titles = {c.id: c.title for c in content.categories}
        self._entries: tuple[FaqEntry, ...] = content.entries
        self._fields: tuple[tuple[_Field, ...], ...] = tuple(
            (
                self._pinyin_field(entry.question, QUESTION),
                *(self._pinyin_field(k, KEYWORD) for k in entry.keywords),
                self._pinyin_field(titles[entry.category], CATEGORY),
                _field(clean(entry.answer), ANSWER),
            )
            for entry in content.entries
        )
        self._cached = lru_cache(maxsize=256)(self.rank)

    def _pinyin_field(self, text: str, weight: float) -> _Field:
        cleaned = clean(text)
        syllables = self._readings.get(cleaned)
        if syllables is None:
            syllables = read_aloud(cleaned)
            self.read_now += 1
        return _field(cleaned, weight, syllables)

    def search(self, query: str, limit: int | None = None) -> list[Hit]:
        """The entries matching every word of ``query``, best first."""
        hits = self._cached(" ".join(query.lower().split()))
        return list(hits if limit is None else hits[:limit])

    def rank(self, query: str) -> tuple[Hit, ...]:
        """Every match of ``query`` (lower case, single-spaced), best first; never cached."""
        terms = query.split()
        if not terms:
            return ()
        hits: list[tuple[float, int, FaqEntry]] = []
        for order, (entry, fields) in enumerate(zip(self._entries, self._fields, strict=True)):
            total = 0.0
            for term in terms:
                score = _entry_score(term, fields)
                if score <= 0:
                    break
                total += score
            else:
                hits.append((-total, order, entry))
        hits.sort(key=lambda hit: (hit[0], hit[1]))
        return tuple(Hit(entry, -score) for score, _, entry in hits)


def _entry_score(term: str, fields: Sequence[_Field]) -> float:
    """The best field's score plus a little for each other field that matches too."""
    scores = sorted((_field_score(term, f) for f in fields), reverse=True)
    if not scores or scores[0] <= 0:
        return 0.0
    return scores[0] + 0.1 * sum(s for s in scores[1:] if s > 0)


def _field_score(term: str, field: _Field) -> float:
    quality, start, covered = _match(term, field)
    if quality <= 0:
        return 0.0
    score = field.weight * quality
    if start:
        score += 10.0
    size = max(len(field.text), 1)
    score += 20.0 * min(1.0, covered / size)
    return score


def _match(term: str, field: _Field) -> tuple[float, bool, int]:
    """(quality, matched at the start, hanzi or characters covered) of ``term`` in ``field``."""
    position = field.text.find(term)
    if position >= 0:
        return EXACT, position == 0, len(term)
    if not ASCII_QUERY.match(term):
        if len(term) >= 3:  # Chinese with a word or two different: count shared pairs
            wanted = _bigrams(term)
            shared = len(wanted & field.pairs)
            if shared and shared * 2 >= len(wanted):
                return PARTIAL * shared / len(wanted), False, shared + 1
        return 0.0, False, 0
    if not field.syllables:
        return 0.0, False, 0
    position = field.joined.find(term)
    while position >= 0:
        if position in field.starts:
            return FULL_PINYIN, position == 0, _syllables_spanned(field, position, len(term))
        position = field.joined.find(term, position + 1)
    position = field.initials.find(term)
    if position >= 0:
        return INITIALS, position == 0, len(term)
    if len(term) >= 2:
        for start, syllable in enumerate(field.syllables):
            if syllable[0] != term[0]:
                continue
            used = _mixed(field.syllables, start, term, 0)
            if used:
                return MIXED, start == 0, used
    return 0.0, False, 0


def _syllables_spanned(field: _Field, position: int, length: int) -> int:
    end = position + length
    return sum(1 for s in field.starts if position <= s < end)


def _mixed(syllables: tuple[str, ...], index: int, term: str, offset: int) -> int:
    """How many syllables from ``index`` on spell ``term[offset:]`` as whole syllables or their
    initials (the last one may be cut short, as it is while typing); 0 when they do not."""
    if index == len(syllables):
        return 0
    syllable, rest = syllables[index], term[offset:]
    if syllable.startswith(rest):
        return 1
    options = [syllable]
    if syllable[:2] in _INITIAL_PAIRS:
        options.append(syllable[:2])
    options.append(syllable[0])
    for option in options:
        if rest.startswith(option):
            used = _mixed(syllables, index + 1, term, offset + len(option))
            if used:
                return 1 + used
    return 0


__all__ = ["Hit", "SearchIndex"]
