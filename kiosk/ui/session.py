"""Answers one journey can offer to another within a single visit (never written anywhere)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.rules import Category, YearMonth


@dataclass
class SessionAnswers:
    """What the retirement journey learnt, so the pension journey need not ask it again."""

    birth: YearMonth | None = None
    category: Category | None = None
    contribution_months: int | None = None
    first_insured_before_2011_07: bool | None = None

    def clear(self) -> None:
        self.birth = None
        self.category = None
        self.contribution_months = None
        self.first_insured_before_2011_07 = None
