"""The persistent header (centre name, 返回, 首页) and footer (text size, legal basis, privacy)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QPushButton, QWidget

from kiosk.content.texts import Texts
from kiosk.ui.theme import Preset
from kiosk.ui.widgets.style import button, label


class Header(QWidget):
    back_requested = Signal()
    home_requested = Signal()

    def __init__(self, *, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.title = label(texts.common.centre_name, wrap=False)
        self.back_button = button(texts.common.back, name="back")
        self.home_button = button(texts.common.home, name="home")
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 12, 24, 12)
        row.setSpacing(16)
        row.addWidget(self.back_button)
        row.addWidget(self.title, 1)
        row.addWidget(self.home_button)
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)

    def retitle(self, texts: Texts) -> None:
        """The texts of another language (after a language switch)."""
        self.title.setText(texts.common.centre_name)
        self.back_button.setText(texts.common.back)
        self.home_button.setText(texts.common.home)

    def set_navigation_visible(self, visible: bool) -> None:
        """On the home screen there is nowhere to go back to."""
        self.back_button.setVisible(visible)
        self.home_button.setVisible(visible)

    def show_badge(self, text: str) -> None:
        """A marker beside the title (演示 in demo mode)."""
        badge = label(text, "badge", wrap=False)
        badge.setObjectName("badge")
        row = self.layout()
        assert isinstance(row, QHBoxLayout)
        row.insertWidget(row.indexOf(self.title) + 1, badge)


class Footer(QWidget):
    preset_chosen = Signal(Preset)

    def __init__(self, *, texts: Texts, rules_note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Footer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        common = texts.common
        self.presets: dict[Preset, QPushButton] = {}
        group = QButtonGroup(self)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(24, 8, 24, 8)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(4)
        self.preset_row = QWidget()
        row = QHBoxLayout(self.preset_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        self.text_size = label(common.text_size, "small", wrap=False)
        row.addWidget(self.text_size)
        for preset, caption in self._captions(texts).items():
            widget = button(caption, "preset", name=f"preset_{preset.value}")
            widget.setCheckable(True)
            widget.clicked.connect(lambda _=False, p=preset: self.preset_chosen.emit(p))
            group.addButton(widget)
            self.presets[preset] = widget
            row.addWidget(widget)
        self.rules_note = label(rules_note, "small")
        self.privacy = label(common.privacy, "small", wrap=False)
        self._grid.addWidget(self.preset_row, 0, 0)
        self._grid.addWidget(self.privacy, 0, 2, Qt.AlignmentFlag.AlignRight)
        self._note_below: bool | None = None
        self._place_note(below=False)

    @staticmethod
    def _captions(texts: Texts) -> dict[Preset, str]:
        common = texts.common
        return {
            Preset.STANDARD: common.preset_standard,
            Preset.LARGE: common.preset_large,
            Preset.CONTRAST: common.preset_contrast,
        }

    def retitle(self, texts: Texts, *, rules_note: str) -> None:
        """The texts of another language (after a language switch)."""
        self.text_size.setText(texts.common.text_size)
        for preset, caption in self._captions(texts).items():
            self.presets[preset].setText(caption)
        self.rules_note.setText(rules_note)
        self.privacy.setText(texts.common.privacy)
        self._fit_note(self.width())

    def _place_note(self, *, below: bool) -> None:
        """The legal-basis line sits between the presets and the privacy line when it fits on
        one line there, and on a line of its own below them on a narrow or large-text screen."""
        if below == self._note_below:
            return
        self._note_below = below
        self._grid.removeWidget(self.rules_note)
        if below:
            self._grid.addWidget(self.rules_note, 1, 0, 1, 3)
            self._grid.setColumnStretch(1, 1)
        else:
            self._grid.addWidget(self.rules_note, 0, 1)
            self._grid.setColumnStretch(1, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_note(event.size().width())
        super().resizeEvent(event)

    def _fit_note(self, width: int) -> None:
        margins = self._grid.contentsMargins()
        room = (
            width
            - margins.left()
            - margins.right()
            - self.preset_row.sizeHint().width()
            - self.privacy.sizeHint().width()
            - 2 * self._grid.horizontalSpacing()
        )
        note = self.rules_note.fontMetrics().horizontalAdvance(self.rules_note.text())
        self._place_note(below=note + 8 > room)

    def mark_preset(self, preset: Preset) -> None:
        self.presets[preset].setChecked(True)
