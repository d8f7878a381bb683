"""Home: a large tile for each journey, with an icon, a title and what it answers.

Every tile shows at every screen size and text size, and the tiles share the height there is:
one column of five on a portrait screen; on a landscape one the three calculations side by side
(icon above the title, so a title never breaks in the middle of a word) and 常见问题 / 办事指南
in a row under them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.texts import Texts
from kiosk.ui.navigation import PageId
from kiosk.ui.widgets.rich_button import RichButton
from kiosk.ui.widgets.style import button, label

LANDSCAPE_RATIO = 1.15  # width over height above which the calculations sit side by side
ICON_PX = 64
SPACING = 16


class HomePage(QWidget):
    """Tiles in a row on a landscape screen, in a column on a portrait one."""

    journey_chosen = Signal(PageId)
    language_requested = Signal()  # the 中文 / English button: the other language, for this session

    def __init__(self, *, texts: Texts, icons: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        home = texts.home
        self.tiles: dict[PageId, RichButton] = {}
        entries = [
            (PageId.RETIREMENT, home.retirement_title, home.retirement_line, "retirement.svg"),
            (
                PageId.CONTRIBUTION,
                home.contribution_title,
                home.contribution_line,
                "contribution.svg",
            ),
            (PageId.PENSION, home.pension_title, home.pension_line, "pension.svg"),
        ]
        for page, title, line, icon in entries:
            self.tiles[page] = self._tile(page, title, line, icons / icon)
        # 常见问题 and 办事指南: information rather than a calculation, in a row of their own
        self.info_tiles: dict[PageId, RichButton] = {}
        for page, title, line, icon in [
            (PageId.FAQ, texts.faq.tile_title, texts.faq.tile_line, "faq.svg"),
            (PageId.GUIDE, texts.faq.guide_tile_title, texts.faq.guide_tile_line, "guide.svg"),
        ]:
            self.info_tiles[page] = self._tile(page, title, line, icons / icon)
        self._grid = QGridLayout()
        self._grid.setSpacing(SPACING)
        self._landscape: bool | None = None
        self.language_button = button(texts.common.language_switch, name="language")
        self.language_button.clicked.connect(self.language_requested)
        self.greeting = label(home.greeting, "heading")
        top = QHBoxLayout()
        top.setSpacing(24)
        top.addWidget(self.greeting, 1)
        top.addWidget(self.language_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(40, 16, 40, 16)
        column.setSpacing(SPACING)
        column.addLayout(top)
        column.addLayout(self._grid, 1)
        self._arrange(landscape=False)
        self.setMinimumSize(1, 1)  # never taller than the screen: what does not fit is reported

    def _tile(self, page: PageId, title: str, line: str, icon: Path) -> RichButton:
        tile = RichButton(title, line, role="tile", icon_file=icon, icon_size=ICON_PX)
        tile.setObjectName(f"tile_{page.value}")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        tile.setSizePolicy(policy)
        tile.clicked.connect(lambda _=False, p=page: self.journey_chosen.emit(p))
        return tile

    def _arrange(self, *, landscape: bool) -> None:
        if landscape == self._landscape:
            return
        self._landscape = landscape
        calculations, info = list(self.tiles.values()), list(self.info_tiles.values())
        for tile in (*calculations, *info):
            self._grid.removeWidget(tile)
        for row in range(len(calculations) + len(info)):
            self._grid.setRowStretch(row, 0)
        for column in range(6):
            self._grid.setColumnStretch(column, 0)
        if landscape:
            # three calculations over six columns, the two information tiles three each
            for i, tile in enumerate(calculations):
                tile.set_vertical(True)
                self._grid.addWidget(tile, 0, 2 * i, 1, 2)
            for i, tile in enumerate(info):
                tile.set_vertical(False)
                self._grid.addWidget(tile, 1, 3 * i, 1, 3)
            self._grid.setRowStretch(0, 1)  # the information row as tall as its words need
            for column in range(6):
                self._grid.setColumnStretch(column, 1)
        else:
            for i, tile in enumerate((*calculations, *info)):
                tile.set_vertical(False)
                self._grid.addWidget(tile, i, 0)
                self._grid.setRowStretch(i, 1)
            self._grid.setColumnStretch(0, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        self._arrange(landscape=size.width() >= LANDSCAPE_RATIO * size.height())
        super().resizeEvent(event)
