"""The persistent header (centre name, 返回, 首页) and footer (text size, legal basis, privacy)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

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

    def set_navigation_visible(self, visible: bool) -> None:
        """On the home screen there is nowhere to go back to."""
        self.back_button.setVisible(visible)
        self.home_button.setVisible(visible)


class Footer(QWidget):
    preset_chosen = Signal(Preset)

    def __init__(self, *, texts: Texts, rules_note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Footer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        common = texts.common
        self.presets: dict[Preset, QPushButton] = {}
        group = QButtonGroup(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 8, 24, 8)
        row.setSpacing(12)
        row.addWidget(label(common.text_size, "small", wrap=False))
        captions = {
            Preset.STANDARD: common.preset_standard,
            Preset.LARGE: common.preset_large,
            Preset.CONTRAST: common.preset_contrast,
        }
        for preset, caption in captions.items():
            widget = button(caption, "preset", name=f"preset_{preset.value}")
            widget.setCheckable(True)
            widget.clicked.connect(lambda _=False, p=preset: self.preset_chosen.emit(p))
            group.addButton(widget)
            self.presets[preset] = widget
            row.addWidget(widget)
        self.rules_note = label(rules_note, "small")
        row.addWidget(self.rules_note, 1)
        self.privacy = label(common.privacy, "small", wrap=False)
        row.addWidget(self.privacy)

    def mark_preset(self, preset: Preset) -> None:
        self.presets[preset].setChecked(True)
