"""The pages of the main window, by name: home and the information pages here; each journey's
page is named by its id in the registry (``kiosk.journeys``)."""

from __future__ import annotations

from enum import StrEnum


class PageId(StrEnum):
    HOME = "home"
    FAQ = "faq"
    GUIDE = "guide"
