"""字号/对比: the text size (标准 / 大 / 特大) and the colours (标准 / 高对比), two separate choices
in any combination, over whatever screen is showing; each touch applies at once, 完成 closes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QWidget

from kiosk.content.texts import Texts
from kiosk.ops.overlay import Overlay
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
        group = QButtonGroup(self)
        for column, preset in enumerate(Preset):
            widget = button("", "choice", name=f"preset_{preset.value}")
            widget.setCheckable(True)
            widget.clicked.connect(lambda _=False, p=preset: self.preset_chosen.emit(p))
            group.addButton(widget)
            self.presets[preset] = widget
            grid.addWidget(widget, 1, column)
        grid.addWidget(self.theme_caption, 2, 0, 1, len(Preset))
        themes = QButtonGroup(self)
        for column, theme in enumerate(Theme):
            widget = button("", "choice", name=f"theme_{theme.value}")
            widget.setCheckable(True)
            widget.clicked.connect(lambda _=False, t=theme: self.theme_chosen.emit(t))
            themes.addButton(widget)
            self.themes[theme] = widget
            # two choices over the width of three
            grid.addWidget(widget, 3, column * 2 if column else 0, 1, 2 if column else 1)
        self.card_column.setSpacing(24)
        self.card_column.addWidget(self.title)
        self.card_column.addLayout(grid)
        self.card_column.addWidget(self.done_button)

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
