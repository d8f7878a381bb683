"""Pieces of a result page: big figures first, then details, 计算过程, 政策依据 and the 仅供参考 note."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLayout, QVBoxLayout, QWidget

from kiosk.ui.widgets.style import label


class Card(QFrame):
    """A bordered surface holding a column of widgets."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(24, 20, 24, 20)
        self.column.setSpacing(12)

    def add(self, widget: QWidget) -> QWidget:
        self.column.addWidget(widget)
        return widget


class FigureGrid(Card):
    """The answer, large: each figure a caption above a big value. As many figures to a row as the
    width allows (three on a landscape screen, fewer on a portrait one); values never wrap."""

    def __init__(
        self,
        figures: Sequence[tuple[str, str]],
        *,
        columns: int = 3,
        names: Sequence[str] = (),
        value_role: str = "figure",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent)
        self._max_columns = columns
        self._columns = 0
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(32)
        self._grid.setVerticalSpacing(8)
        self.cells: list[QWidget] = []
        self.values: list[QLabel] = []
        for i, (caption, value) in enumerate(figures):
            cell = QWidget()
            cell_column = QVBoxLayout(cell)
            cell_column.setContentsMargins(0, 0, 0, 0)
            cell_column.setSpacing(4)
            cell_column.addWidget(label(caption, "figure-label"))
            value_label = label(value, value_role, wrap=False)
            value_label.setObjectName(f"figure_{names[i] if i < len(names) else i}")
            cell_column.addWidget(value_label)
            self.cells.append(cell)
            self.values.append(value_label)
        self.column.addLayout(self._grid)
        # the grid's columns must not force their width on the screen: a narrow one gets fewer
        self.column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._arrange(min(columns, len(figures)))

    def minimumSizeHint(self) -> QSize:
        """One figure a row: as narrow as the widest figure (resizeEvent arranges the rest)."""
        widest = max((cell.minimumSizeHint().width() for cell in self.cells), default=0)
        margins = self.column.contentsMargins()
        height = self.column.totalMinimumSize().height()
        if self._columns > 1:  # one to a row would take more height
            rows = len(self.cells)
            height += (rows - -(-rows // self._columns)) * (
                max((c.minimumSizeHint().height() for c in self.cells), default=0)
                + self._grid.verticalSpacing()
            )
        return QSize(widest + margins.left() + margins.right(), height)

    def _arrange(self, columns: int) -> None:
        columns = max(1, columns)
        if columns == self._columns:
            return
        self._columns = columns
        for col in range(self._max_columns):
            self._grid.setColumnStretch(col, 1 if col < columns else 0)
        for i, cell in enumerate(self.cells):
            self._grid.addWidget(cell, i // columns, i % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        widest = max((cell.sizeHint().width() for cell in self.cells), default=1)
        room = event.size().width() - 48
        fits = max(1, (room + 32) // (widest + 32))
        self._arrange(min(self._max_columns, len(self.cells), fits))
        super().resizeEvent(event)


class DetailList(Card):
    """Label: value lines under the big figures."""

    def __init__(
        self, title: str, rows: Sequence[tuple[str, str]], *, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent=parent)
        self.add(label(title, "subheading"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(10)
        for i, (caption, value) in enumerate(rows):
            grid.addWidget(label(caption, "muted"), i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label(value), i, 1)
        grid.setColumnStretch(1, 1)
        self.column.addLayout(grid)


class TextList(Card):
    """A titled list of paragraphs: 计算过程 (numbered) or 政策依据 (bulleted)."""

    def __init__(
        self,
        title: str,
        lines: Sequence[str],
        *,
        numbered: bool = False,
        role: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent)
        self.add(label(title, "subheading"))
        self.lines = list(lines)
        for number, text in enumerate(lines, start=1):
            self.add(label(f"{number}. {text}" if numbered else f"\u00b7 {text}", role))


def notice(text: str) -> QWidget:
    """A highlighted note (provisional figures, 仅供参考)."""
    return label(text, "notice")
