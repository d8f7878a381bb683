"""Home: a large tile for each journey, with an icon, a title and what it answers.

Every tile shows at every screen size and text size, and the tiles share the height there is:
one column on a portrait screen; on a landscape one the calculations side by side (icon above
the title, so a title never breaks in the middle of a word; three to a page when there are more)
and 常见问题 / 办事指南 in a row under them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.texts import Texts
from kiosk.ui.navigation import PageId
from kiosk.ui.widgets.rich_button import RichButton
from kiosk.ui.widgets.style import button, label

LANDSCAPE_RATIO = 1.15  # width over height above which the calculations sit side by side
ACROSS = 3  # calculations side by side on a landscape screen
ICON_PX = 64
SPACING = 16


@dataclass(frozen=True, slots=True)
class JourneyTile:
    """A journey's tile: the page it opens, its words and its icon's file name."""

    page: str
    title: str
    line: str
    icon: str


class HomePage(QWidget):
    """Tiles in a row on a landscape screen, in a column on a portrait one."""

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
            self.tiles[entry.page] = self._tile(
                entry.page, entry.title, entry.line, icons / entry.icon
            )
        # 常见问题 and 办事指南: information rather than a calculation, in a row of their own
        self.info_tiles: dict[str, RichButton] = {}
        for page, title, line, icon in [
            (PageId.FAQ, texts.faq.tile_title, texts.faq.tile_line, "faq.svg"),
            (PageId.GUIDE, texts.faq.guide_tile_title, texts.faq.guide_tile_line, "guide.svg"),
        ]:
            self.info_tiles[page] = self._tile(page, title, line, icons / icon)
        self._grid = QGridLayout()
        self._grid.setSpacing(SPACING)
        self._landscape: bool | None = None
        # more calculations than fit a landscape row take turns: the row's last place is a
        # 更多选项 tile, the next page's first a 上一页 tile (no extra row: the tiles keep their size)
        common = texts.common
        self._page_of = common.page_of
        self.more_tile = self._nav_tile(common.page_more, "home_more", +1)
        self.back_tile = self._nav_tile(common.page_previous, "home_back", -1)
        self._pages: list[list[RichButton]] = []
        self.page = 0
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

    def _tile(self, page: str, title: str, line: str, icon: Path) -> RichButton:
        tile = RichButton(title, line, role="tile", icon_file=icon, icon_size=ICON_PX)
        tile.setObjectName(f"tile_{page}")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        tile.setSizePolicy(policy)
        tile.clicked.connect(lambda _=False, p=page: self.journey_chosen.emit(p))
        return tile

    def _nav_tile(self, title: str, name: str, step: int) -> RichButton:
        tile = RichButton(title, " ", role="tile", parent=self)
        tile.setObjectName(name)
        tile.set_vertical(True)
        tile.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        tile.clicked.connect(lambda: self.show_page(self.page + step))
        tile.hide()
        return tile

    def _arrange(self, *, landscape: bool) -> None:
        if landscape == self._landscape:
            return
        self._landscape = landscape
        calculations, info = list(self.tiles.values()), list(self.info_tiles.values())
        for tile in (*calculations, *info, self.more_tile, self.back_tile):
            self._grid.removeWidget(tile)
        for row in range(self._grid.rowCount()):
            self._grid.setRowStretch(row, 0)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        if landscape:
            # three places over six columns, the two information tiles three each
            for tile in calculations:
                tile.set_vertical(True)
            for i, tile in enumerate(info):
                tile.set_vertical(False)
                self._grid.addWidget(tile, 1, 3 * i, 1, 3)
            self._grid.setRowStretch(0, 1)  # the information row as tall as its words need
            for column in range(2 * ACROSS):
                self._grid.setColumnStretch(column, 1)
            self._pages = paginate(calculations, self.more_tile, self.back_tile)
        else:
            for i, tile in enumerate((*calculations, *info)):
                tile.set_vertical(False)
                self._grid.addWidget(tile, i, 0)
                self._grid.setRowStretch(i, 1)
            self._grid.setColumnStretch(0, 1)
            self._pages = [calculations]
        self.show_page(0)

    def show_page(self, page: int) -> None:
        """Page ``page`` (from 0) of the calculations: there is more than one only on a landscape
        screen with more calculations than fit a row."""
        self.page = max(0, min(page, len(self._pages) - 1))
        shown = self._pages[self.page]
        if self._landscape:
            for tile in (*self.tiles.values(), self.more_tile, self.back_tile):
                self._grid.removeWidget(tile)
            for i, tile in enumerate(shown):
                self._grid.addWidget(tile, 0, 2 * i, 1, 2)
        for tile in (*self.tiles.values(), self.more_tile, self.back_tile):
            tile.setVisible(tile in shown)
        where = self._page_of.format(page=self.page + 1, pages=len(self._pages))
        for nav in (self.more_tile, self.back_tile):
            nav.detail_label.setText(where)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        self._arrange(landscape=size.width() >= LANDSCAPE_RATIO * size.height())
        super().resizeEvent(event)


def paginate(
    tiles: Sequence[RichButton], more: RichButton, back: RichButton
) -> list[list[RichButton]]:
    """``tiles`` in pages of :data:`ACROSS` places, a 上一页 tile first on every page but the first
    and a 更多选项 tile last on every page but the last."""
    pages: list[list[RichButton]] = []
    rest = list(tiles)
    while True:
        page = [back] if pages else []
        room = ACROSS - len(page)
        if len(rest) <= room:
            pages.append(page + rest)
            return pages
        page += rest[: room - 1]
        rest = rest[room - 1 :]
        pages.append([*page, more])
