"""Home: a large tile for each journey, with an icon, a title and what it answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.texts import Texts
from kiosk.ui.navigation import PageId
from kiosk.ui.widgets.kinetic import KineticScrollArea
from kiosk.ui.widgets.rich_button import RichButton
from kiosk.ui.widgets.style import button, label

WIDE_LAYOUT_MIN_WIDTH = 1200


@dataclass(frozen=True, slots=True)
class JourneyTile:
    """A journey's tile: the page it opens, its words and its icon's file name."""

    page: str
    title: str
    line: str
    icon: str


class HomePage(QWidget):
    """Tiles in a row on a wide screen, in a column on a portrait or narrow one."""

    journey_chosen = Signal(str)
    language_requested = Signal()  # the 中文 / English button: the other language, for this session

    def __init__(
        self,
        *,
        texts: Texts,
        icons: Path,
        journeys: Sequence[JourneyTile],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        home = texts.home
        self.tiles: dict[str, RichButton] = {}
        for entry in journeys:
            tile = RichButton(
                entry.title,
                entry.line,
                role="tile",
                icon=QIcon(str(icons / entry.icon)),
                icon_size=96,
            )
            tile.setObjectName(f"tile_{entry.page}")
            tile.clicked.connect(lambda _=False, p=entry.page: self.journey_chosen.emit(p))
            self.tiles[entry.page] = tile
        # 常见问题 and 办事指南: information rather than a calculation, in a row of their own
        self.info_tiles: dict[str, RichButton] = {}
        for page, title, line, icon in [
            (PageId.FAQ, texts.faq.tile_title, texts.faq.tile_line, "faq.svg"),
            (PageId.GUIDE, texts.faq.guide_tile_title, texts.faq.guide_tile_line, "guide.svg"),
        ]:
            tile = RichButton(title, line, role="tile", icon=QIcon(str(icons / icon)), icon_size=72)
            tile.setObjectName(f"tile_{page.value}")
            tile.clicked.connect(lambda _=False, p=page: self.journey_chosen.emit(p))
            self.info_tiles[page] = tile
        self._info_grid = QGridLayout()
        self._info_grid.setSpacing(24)
        self._grid = QGridLayout()
        self._grid.setSpacing(24)
        self._columns = 0
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(40, 32, 40, 32)
        column.setSpacing(24)
        self.language_button = button(texts.common.language_switch, name="language")
        self.language_button.clicked.connect(self.language_requested)
        top = QHBoxLayout()
        top.setSpacing(24)
        top.addWidget(label(home.greeting, "heading"), 1)
        top.addWidget(self.language_button)
        column.addLayout(top)
        column.addWidget(label(home.prompt, "muted"))
        column.addLayout(self._grid)
        column.addLayout(self._info_grid)
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(KineticScrollArea(content))
        self._arrange(1)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for i, tile in enumerate(self.tiles.values()):
            self._grid.addWidget(tile, i // columns, i % columns)
        info_columns = min(columns, len(self.info_tiles))
        for i, tile in enumerate(self.info_tiles.values()):
            self._info_grid.addWidget(tile, i // info_columns, i % info_columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(len(self.tiles) if event.size().width() >= WIDE_LAYOUT_MIN_WIDTH else 1)
        super().resizeEvent(event)
