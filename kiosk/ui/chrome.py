"""The persistent header (返回, the centre's name, 字号/对比, 首页) and footer (the privacy line, and
on a calculation the basis of its figures)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.content.texts import Texts
from kiosk.ui.widgets.style import button, label


class Header(QWidget):
    """``appearance_requested`` when 字号/对比 is touched (on every screen, home included). The
    朗读 control (:attr:`read_button`) is hidden until the voice guide finds the terminal can
    speak the session's language (:mod:`kiosk.ui.voice`)."""

    back_requested = Signal()
    home_requested = Signal()
    appearance_requested = Signal()

    def __init__(self, *, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.title = label(texts.common.centre_name)
        self.back_button = button(texts.common.back, name="back")
        self.home_button = button(texts.common.home, name="home")
        self.appearance_button = button(texts.common.appearance_button, name="appearance")
        self.appearance_button.setAccessibleName(texts.common.appearance_title)
        self.read_button = button(texts.speech.read_button, name="read_aloud")
        self.read_button.hide()
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(16, 8, 16, 8)
        self._row.setSpacing(16)
        self._row.addWidget(self.back_button)
        self._row.addWidget(self.title, 1)
        self._row.addWidget(self.read_button)
        self._row.addWidget(self.appearance_button)
        self._row.addWidget(self.home_button)
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)
        self.appearance_button.clicked.connect(self.appearance_requested)

    def retitle(self, texts: Texts) -> None:
        """The texts of another language (after a language switch)."""
        self.title.setText(texts.common.centre_name)
        self.back_button.setText(texts.common.back)
        self.home_button.setText(texts.common.home)
        self.appearance_button.setText(texts.common.appearance_button)
        self.appearance_button.setAccessibleName(texts.common.appearance_title)
        self.read_button.setText(texts.speech.read_button)

    def set_navigation_visible(self, visible: bool) -> None:
        """On the home screen there is nowhere to go back to."""
        self.back_button.setVisible(visible)
        self.home_button.setVisible(visible)

    def show_badge(self, text: str) -> None:
        """A marker beside the title (演示 in demo mode)."""
        badge = label(text, "badge", wrap=False)
        badge.setObjectName("badge")
        self._row.insertWidget(self._row.indexOf(self.title) + 1, badge)


class Footer(QWidget):
    """本机不保存个人信息, and beside it (or under it, when the line is full) the basis of the
    figures, shown only while a calculation is (:meth:`show_rules_note`)."""

    def __init__(self, *, texts: Texts, rules_note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Footer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.privacy = label(texts.common.privacy, "small")
        self.rules_note = label(rules_note, "small")
        self.rules_note.setObjectName("rules_note")
        self.rules_note.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 6, 24, 6)
        row.setSpacing(32)
        row.addWidget(self.privacy)
        row.addWidget(self.rules_note, 1)
        self.rules_note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def retitle(self, texts: Texts, *, rules_note: str) -> None:
        """The texts of another language (after a language switch)."""
        self.privacy.setText(texts.common.privacy)
        self.rules_note.setText(rules_note)

    def show_rules_note(self, shown: bool) -> None:
        self.rules_note.setVisible(shown)
