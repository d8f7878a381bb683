"""办事指南: the channels and what each is for, what the hall does, what to bring, and tips."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.content.faq import Guide, GuideSection
from kiosk.content.texts import Texts
from kiosk.ui.pages.faq_answer import BULLET
from kiosk.ui.pages.faq_browse import SPACING, scrolling_column
from kiosk.ui.widgets.results import Card
from kiosk.ui.widgets.style import label

TWO_COLUMNS = 2
TWO_COLUMNS_MIN_WIDTH = 1200


class GuidePage(QWidget):
    """One scrolling page; nothing on it is personal, so there is nothing to reset."""

    def __init__(self, *, texts: Texts, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        t = texts.faq
        self.scroll_area, column = scrolling_column(self, texts)
        column.addWidget(label(t.guide_title, "heading"))
        column.addWidget(label(guide.intro))
        column.addWidget(label(t.guide_channels, "subheading"))
        self.channels: dict[str, Card] = {}
        cards = CardColumns()
        for channel in guide.channel:
            card = Card()
            card.setObjectName(f"guide_channel_{channel.id}")
            card.add(label(channel.name, "strong"))
            card.add(label(channel.purpose))
            if channel.how:
                card.add(label(channel.how, "muted"))
            card.column.addStretch(1)  # text at the top when its row neighbour is taller
            self.channels[channel.id] = card
        cards.set_cards(list(self.channels.values()))
        column.addWidget(cards)
        column.addWidget(_section(guide.hall))
        column.addWidget(label(t.guide_bring, "subheading"))
        bring = CardColumns()
        bring.set_cards([_section(section) for section in guide.bring])
        column.addWidget(bring)
        column.addWidget(_section(guide.tips))
        column.addWidget(label(texts.faq.source.format(source=guide.source), "small"))
        column.addWidget(label(texts.faq.checked.format(date=guide.checked.isoformat()), "small"))
        column.addStretch(1)


class CardColumns(QWidget):
    """Cards two to a row on a wide screen, one to a row on a portrait or small one."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cards: list[Card] = []
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(SPACING)

    def set_cards(self, cards: list[Card]) -> None:
        self._cards = cards
        self._arrange(1)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for i, card in enumerate(self._cards):
            self._grid.addWidget(card, i // columns, i % columns)
        for column in range(TWO_COLUMNS):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= TWO_COLUMNS_MIN_WIDTH
        self._arrange(TWO_COLUMNS if wide else 1)
        super().resizeEvent(event)


def _section(section: GuideSection) -> Card:
    card = Card()
    card.add(label(section.title, "strong"))
    for item in section.items:
        card.add(label(f"{BULLET} {item}"))
    card.column.addStretch(1)
    return card
