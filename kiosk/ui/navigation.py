"""The pages of the main window, by name."""

from __future__ import annotations

from enum import StrEnum


class PageId(StrEnum):
    HOME = "home"
    RETIREMENT = "retirement"
    CONTRIBUTION = "contribution"
    PENSION = "pension"
    FAQ = "faq"
    GUIDE = "guide"
