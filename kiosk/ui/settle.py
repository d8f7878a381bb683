"""Let pending layout passes run now: a screen just shown is laid out in several passes (each may
post the next one to a parent), and what is read aloud or where the keys start depends on the
final one (a choice that pages itself while its height is still growing)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent

PASSES = 4


def settle_layouts(passes: int = PASSES) -> None:
    for _ in range(passes):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
