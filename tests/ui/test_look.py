"""The theme costs little per widget: no stylesheet on the window or any container, so no widget
of the kiosk's screens is styled by Qt's stylesheet engine (QStyleSheetStyle), which kept about
11 KiB of style data per widget (tests/bench/widget_memory.py measures it). Only the leaf widgets
that keep a small sheet of their own (the search field, the scroll bars) are."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QScrollBar, QWidget

from kiosk.journeys import JOURNEYS
from kiosk.ui.navigation import PageId
from kiosk.ui.theme import Preset, Theme

LEAVES = (QLineEdit, QScrollBar)


def styled_by_sheets(window: QWidget) -> list[str]:
    """Every widget under ``window`` that a stylesheet styles, but the allowed leaves."""
    return [
        f"{type(widget).__name__}#{widget.objectName()}"
        for widget in (window, *window.findChildren(QWidget))
        if widget.style().metaObject().className() == "QStyleSheetStyle"
        and not isinstance(widget, LEAVES)
    ]


def test_no_widget_is_styled_by_a_stylesheet(window) -> None:
    """Every page built, in every look: not one label, button, card or container is styled by a
    stylesheet (the window's own sheet, and any widget's, would make it so)."""
    for preset, theme in ((Preset.LARGEST, Theme.CONTRAST), (Preset.STANDARD, Theme.STANDARD)):
        window.set_appearance(preset, theme)
        for page in (*PageId, *(journey.id for journey in JOURNEYS)):
            window.show_page(page)
        assert window.styleSheet() == ""
        assert styled_by_sheets(window) == []
    sheets = [w for w in window.findChildren(QWidget) if w.styleSheet()]
    assert sheets and all(isinstance(w, LEAVES) for w in sheets)


def test_the_check_sees_a_stylesheet(window) -> None:
    """The test above would catch a stylesheet put back on the window."""
    window.setStyleSheet("QLabel { color: red; }")
    try:
        assert len(styled_by_sheets(window)) > 50
    finally:
        window.setStyleSheet("")


@pytest.mark.parametrize("preset", list(Preset))
def test_a_preset_change_resizes_every_label(window, preset: Preset) -> None:
    """Without a stylesheet to re-polish them, the look itself gives every label its new size."""
    from kiosk.ui.theme import metrics_for

    window.set_appearance(preset, Theme.STANDARD)
    window.show_page(PageId.HOME)
    title = window.header.title
    assert title.font().pixelSize() == metrics_for(preset).header_title
    assert window.footer.privacy.font().pixelSize() == metrics_for(preset).small
