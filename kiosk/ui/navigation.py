"""The pages of the main window, by name: home and the information pages here; each journey's
page is named by its id in the registry (``kiosk.journeys``)."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol, runtime_checkable


class PageId(StrEnum):
    HOME = "home"
    FAQ = "faq"
    GUIDE = "guide"


@runtime_checkable
class Steps(Protocol):
    """A page with steps of its own (each journey, the FAQ): 返回 goes back one of them (False on
    the first), 首页 and an idle reset clear them. The window knows pages by this, not by their
    class, so the home screen is built and painted with no journey's module imported."""

    def go_back(self) -> bool: ...

    def reset(self) -> None: ...
