"""A calendar month (year + month), the unit the retirement rules work in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Self

_PATTERN = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True, order=True, slots=True)
class YearMonth:
    """A month such as 2025-09. Ordered, hashable, and counted by :attr:`index`."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1-12, got {self.month}")
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year out of range: {self.year}")

    @classmethod
    def parse(cls, text: str) -> Self:
        """Parse ``YYYY-MM``; raise ``ValueError`` on anything else."""
        match = _PATTERN.match(text.strip())
        if match is None:
            raise ValueError(f"expected YYYY-MM, got {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> Self:
        return cls(day.year, day.month)

    @classmethod
    def from_index(cls, index: int) -> Self:
        return cls(index // 12, index % 12 + 1)

    @property
    def index(self) -> int:
        """Months since year 0: ``12 * year + (month - 1)``."""
        return 12 * self.year + self.month - 1

    def plus_months(self, months: int) -> YearMonth:
        return YearMonth.from_index(self.index + months)

    def months_until(self, other: YearMonth) -> int:
        """Whole months from this month to ``other`` (negative if ``other`` is earlier)."""
        return other.index - self.index

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
