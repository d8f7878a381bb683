"""字号/对比: the text size (标准 / 大 / 特大) and the colours (标准 / 高对比), two separate choices
in any combination, over whatever screen is showing; each touch applies at once, 完成 closes.
Where the terminal can speak, the session's voice too: 语音引导 关 / 开 and 语速 慢 / 正常 (beside
the other two on a landscape screen, under them on a portrait one)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QGridLayout, QLabel, QPushButton, QWidget

from kiosk.content.texts import Texts
from kiosk.ui.ops.overlay import Overlay
from kiosk.ui.theme import Preset, Theme
from kiosk.ui.widgets.style import button, label

PANEL_WIDTH = 1000
WIDE_PANEL_WIDTH = 1600  # with the voice group beside the others (a landscape screen)


class AppearancePanel(Overlay):
    """``preset_chosen`` / ``theme_chosen`` on every touch (the window restyles at once, so the
    citizen sees the choice), ``done`` on 完成 or a touch beside the panel."""

    preset_chosen = Signal(Preset)
    theme_chosen = Signal(Theme)
    guidance_chosen = Signal(bool)  # 语音引导 开 (True) / 关
    slow_chosen = Signal(bool)  # 语速 慢 (True) / 正常
    done = Signal()

    def __init__(self, host: QWidget, *, texts: Texts) -> None:
        super().__init__(host, name="AppearancePanel", card_width=PANEL_WIDTH)
        self.presets: dict[Preset, QPushButton] = {}
        self.themes: dict[Theme, QPushButton] = {}
        self.guidance_buttons: dict[bool, QPushButton] = {}
        self.rate_buttons: dict[bool, QPushButton] = {}
        self.title = label("", "heading")
        self.size_caption = label("", "subheading")
        self.theme_caption = label("", "subheading")
        self.guidance_caption = label("", "subheading")
        self.rate_caption = label("", "subheading")
        self.done_button = button("", "primary", name="appearance_done")
        self.voice = QWidget()  # 语音引导 and 语速: shown only where the terminal can speak
        self.voice.setObjectName("appearance_voice")
        self._setup_ui()
        self.retitle(texts)
        self.mark_voice(guidance=False, slow=False)
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
        voice = QGridLayout(self.voice)
        voice.setContentsMargins(0, 0, 0, 0)
        voice.setHorizontalSpacing(16)
        voice.setVerticalSpacing(12)
        voice.addWidget(self.guidance_caption, 0, 0, 1, 2)
        self.guidance_buttons = self._choices([False, True], "guidance", self.guidance_chosen.emit)
        self.rate_buttons = self._choices([True, False], "rate_slow", self.slow_chosen.emit)
        voice.addWidget(self.guidance_buttons[False], 1, 0)
        voice.addWidget(self.guidance_buttons[True], 1, 1)
        voice.addWidget(self.rate_caption, 2, 0, 1, 2)
        voice.addWidget(self.rate_buttons[True], 3, 0)
        voice.addWidget(self.rate_buttons[False], 3, 1)
        self.voice.hide()
        self._groups = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._groups.setSpacing(24)
        self._groups.addLayout(grid, 1)
        self._groups.addWidget(self.voice, 1)
        self.card_column.setSpacing(24)
        self.card_column.addWidget(self.title)
        self.card_column.addLayout(self._groups)
        self.card_column.addWidget(self.done_button)

    def _choices(
        self,
        values: list[Preset] | list[Theme] | list[bool],
        name: str,
        chosen: Callable[[Any], None],
    ) -> dict[Any, QPushButton]:
        """One exclusive, checkable button per value; a touch calls ``chosen(value)``."""
        group = QButtonGroup(self)
        made: dict[Any, QPushButton] = {}
        for value in values:
            suffix = str(value).lower() if isinstance(value, bool) else value.value
            widget = button("", "choice", name=f"{name}_{suffix}")
            widget.setCheckable(True)
            widget.clicked.connect(lambda _=False, v=value: chosen(v))
            group.addButton(widget)
            made[value] = widget
        return made

    # public API -------------------------------------------------------------------------------

    def retitle(self, texts: Texts) -> None:
        common = texts.common
        self._titles = (common.appearance_title, texts.speech.settings_title)
        self.title.setText(self._titles[self.voice.isVisibleTo(self)])
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
        speech = texts.speech
        self.guidance_caption.setText(speech.guidance_caption)
        self.rate_caption.setText(speech.rate_caption)
        self.guidance_buttons[False].setText(speech.guidance_off)
        self.guidance_buttons[True].setText(speech.guidance_on)
        self.rate_buttons[True].setText(speech.rate_slow)
        self.rate_buttons[False].setText(speech.rate_normal)

    def mark(self, preset: Preset, theme: Theme) -> None:
        self.presets[preset].setChecked(True)
        self.themes[theme].setChecked(True)

    def mark_voice(self, guidance: bool, slow: bool) -> None:
        self.guidance_buttons[guidance].setChecked(True)
        self.rate_buttons[slow].setChecked(True)

    def show_voice(self, shown: bool) -> None:
        """The voice group, where the terminal can speak the session's language."""
        self.voice.setVisible(shown)
        self.title.setText(self._titles[shown])
        self._arrange()

    def groups(self) -> list[tuple[str, list[QPushButton]]]:
        """Each group's caption and its choices, in order (what 朗读 says of the panel)."""
        groups: list[tuple[QLabel, list[QPushButton]]] = [
            (self.size_caption, list(self.presets.values())),
            (self.theme_caption, list(self.themes.values())),
        ]
        if self.voice.isVisibleTo(self):
            groups += [
                (
                    self.guidance_caption,
                    [self.guidance_buttons[False], self.guidance_buttons[True]],
                ),
                (self.rate_caption, [self.rate_buttons[True], self.rate_buttons[False]]),
            ]
        return [(caption.text(), buttons) for caption, buttons in groups]

    def _arrange(self) -> None:
        """The voice group beside the others on a landscape screen, under them on a portrait
        one (a short landscape screen has no room for it under them)."""
        beside = self.voice.isVisibleTo(self) and self.width() > self.height()
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self._groups.direction() != direction:
            self._groups.setDirection(direction)
            self._groups.setSpacing(48 if beside else 24)
        self.card.setMaximumWidth(WIDE_PANEL_WIDTH if beside else PANEL_WIDTH)

    # Qt overrides ---------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A touch beside the panel closes it, as 完成 does."""
        if not self.card.geometry().contains(event.position().toPoint()):
            self.done.emit()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
