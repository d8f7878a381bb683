"""The sheet's own wording: its date and time. Numbers and steps are worded by
:mod:`kiosk.content.format`, as on screen."""

from __future__ import annotations

from datetime import datetime

from kiosk.content.texts import Texts


def when(texts: Texts, moment: datetime) -> str:
    """``2026年11月29日 10:05``."""
    return texts.sheet.date_time.format(
        year=moment.year,
        month=moment.month,
        day=moment.day,
        hour=f"{moment.hour:02d}",
        minute=f"{moment.minute:02d}",
    )
