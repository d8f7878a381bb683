"""字号/对比: the text size (标准 / 大 / 特大) and the colours (标准 / 高对比), two separate choices
in any combination, over whatever screen is showing; each touch applies at once, 完成 closes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QWidget

from kiosk.content.texts import Texts
from kiosk.ui.ops.overlay import Overlay
from kiosk.ui.theme import Preset, Theme
from kiosk.ui.widgets.style import button, label

PANEL_WIDTH = 1000


class AppearancePanel(Overlay):
    """``preset_chosen`` / ``theme_chosen`` on every touch (the window restyles at once, so the
    citizen sees the choice), ``done`` on 完成 or a touch beside the panel."""

    preset_chosen = Signal(Preset)
    theme_chosen = Signal(Theme)
    done = Signal()

    def __init__(self, host: QWidget, *, texts: Texts) -> None:
        super().__init__(host, name="AppearancePanel", card_width=PANEL_WIDTH)
        self.presets: dict[Preset, QPushButton] = {}
        self.themes: dict[Theme, QPushButton] = {}
        self.title = label("", "heading")
        self.size_caption = label("", "subheading")
        self.theme_caption = label("", "subheading")
        self.done_button = button("", "primary", name="appearance_done")
        self._setup_ui()
        self.retitle(texts)
        self.done_button.clicked.connect(self.done)

    def _setup_ui(self) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        grid.addWidget(self.size_caption, 0, 0, 1, len(Preset))
        self.presets = self._choices(list(Preset), "preset", self.preset_chosen.emit)
        for column, preset in enumerate(Preset):
            grid.addWidget(self.presets[preset], 1, column)
        grid.addWidget(self.theme_caption, 2, 0, 1, len(Preset))
        self.themes = self._choices(list(Theme), "theme", self.theme_chosen.emit)
        grid.addWidget(self.themes[Theme.STANDARD], 3, 0)
        grid.addWidget(self.themes[Theme.CONTRAST], 3, 1, 1, 2)  # the longer word, wider
        self.card_column.setSpacing(24)
        self.card_column.addWidget(self.title)
        self.card_column.addLayout(grid)
        self.card_column.addWidget(self.done_button)

    def _choices(
        self, values: list[Preset] | list[Theme], name: str, chosen: Callable[[Any], None]
    ) -> dict[Any, QPushButton]:
        """One exclusive, checkable button per value; a touch calls ``chosen(value)``."""
        group = QButtonGroup(self)
        made: dict[Any, QPushButton] = {}
        for value in values:
            widget = button("", "choice", name=f"{name}_{value.value}")
            widget.setCheckable(True)
            widget.clicked.connect(lambda _=False, v=value: chosen(v))
            group.addButton(widget)
            made[value] = widget
        return made

    # public API -------------------------------------------------------------------------------

    def retitle(self, texts: Texts) -> None:
        common = texts.common
        self.title.setText(common.appearance_title)
        self.size_caption.setText(common.text_size)
        self.theme_caption.setText(common.contrast)
        self.done_button.setText(common.appearance_done)
        captions = {
            Preset.STANDARD: common.preset_standard,
            Preset.LARGE: common.preset_large,
            Preset.LARGEST: common.preset_largest,
        }
        for preset, caption in captions.items():
            self.presets[preset].setText(caption)
        self.themes[Theme.STANDARD].setText(common.theme_standard)
        self.themes[Theme.CONTRAST].setText(common.theme_contrast)

    def mark(self, preset: Preset, theme: Theme) -> None:
        self.presets[preset].setChecked(True)
        self.themes[theme].setChecked(True)

    # Qt overrides ---------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A touch beside the panel closes it, as 完成 does."""
        if not self.card.geometry().contains(event.position().toPoint()):
            self.done.emit()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
