"""The home screen: one tile per journey."""

from __future__ import annotations

from kiosk.content.texts._base import Section


class HomeTexts(Section):
    greeting: str
    retirement_title: str
    retirement_line: str
    contribution_title: str
    contribution_line: str
    pension_title: str
    pension_line: str
