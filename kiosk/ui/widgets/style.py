"""Helpers that tag widgets for the theme (a dynamic ``role`` property) instead of styling them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget


def set_property(widget: QWidget, name: str, value: object) -> None:
    """Set a dynamic property the theme selects on, and re-polish so the QSS applies now."""
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def set_role(widget: QWidget, role: str) -> None:
    """Give ``widget`` a theme role (``QLabel[role="error"]``...)."""
    set_property(widget, "role", role)


def label(text: str = "", role: str = "", *, wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if role:
        widget.setProperty("role", role)
    return widget


def button(text: str, role: str = "", *, name: str = "") -> QPushButton:
    widget = QPushButton(text)
    # Reached by the keys (kiosk/ui/keys.py), never by a touch: a tap leaves the focus where it
    # is, so a clerk's typing stays in its field and nothing shows a focus until a key is pressed
    widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    return widget
