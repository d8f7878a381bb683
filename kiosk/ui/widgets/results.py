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
    width allows (three on a landscape screen, fewer on a portrait one); values never wrap.
    :meth:`fill` shows other figures in the same widgets (a result refilled, not rebuilt)."""

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
        self._value_role = value_role
        self._max_columns = 0
        self._columns = 0
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(32)
        self._grid.setVerticalSpacing(8)
        self._made: list[tuple[QWidget, QLabel, QLabel]] = []  # cell, caption, value
        self.cells: list[QWidget] = []  # the figures' cells shown
        self.values: list[QLabel] = []
        self.column.addLayout(self._grid)
        # the grid's columns must not force their width on the screen: a narrow one gets fewer
        self.column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.fill(figures, columns=columns, names=names)

    def fill(
        self, figures: Sequence[tuple[str, str]], *, columns: int = 3, names: Sequence[str] = ()
    ) -> None:
        """Show ``figures`` (caption, value), at most ``columns`` to a row."""
        while len(self._made) < len(figures):
            cell = QWidget()
            cell_column = QVBoxLayout(cell)
            cell_column.setContentsMargins(0, 0, 0, 0)
            cell_column.setSpacing(4)
            caption = label("", "figure-label")
            value = label("", self._value_role, wrap=False)
            cell_column.addWidget(caption)
            cell_column.addWidget(value)
            self._made.append((cell, caption, value))
        for cell, _caption, _value in self._made:
            self._grid.removeWidget(cell)
        for i, (_cell, caption, value) in enumerate(self._made):
            used = i < len(figures)
            caption.setText(figures[i][0] if used else "")
            value.setText(figures[i][1] if used else "")
            value.setObjectName(f"figure_{names[i] if i < len(names) else i}" if used else "")
        shown = self._made[: len(figures)]
        self.cells = [cell for cell, _caption, _value in shown]
        self.values = [value for _cell, _caption, value in shown]
        for col in range(max(self._max_columns, columns)):
            self._grid.setColumnStretch(col, 0)
        self._max_columns = columns
        self._columns = 0
        # the cells shown in the grid (as many to a row as the width allows), then shown
        self._arrange(self._fitting(self.width()) if self.width() > 0 else len(figures))
        for i, (cell, _caption, _value) in enumerate(self._made):
            show(cell, i < len(figures))

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

    def _fitting(self, width: int) -> int:
        """How many figures a row of ``width`` holds, at most ``columns``."""
        for cell in self.cells:
            cell.ensurePolished()  # measured in the theme's fonts
        widest = max((cell.sizeHint().width() for cell in self.cells), default=1)
        room = width - 48
        fits = max(1, (room + 32) // (widest + 32))
        return min(self._max_columns, len(self.cells), fits)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(self._fitting(event.size().width()))
        super().resizeEvent(event)


class DetailList(Card):
    """Label: value lines under the big figures; :meth:`fill` shows others in the same labels."""

    def __init__(
        self, title: str, rows: Sequence[tuple[str, str]], *, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent=parent)
        self.title = label(title, "subheading")
        self.add(self.title)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(24)
        self._grid.setVerticalSpacing(10)
        self._grid.setColumnStretch(1, 1)
        self._made: list[tuple[QLabel, QLabel]] = []
        self.column.addLayout(self._grid)
        self.fill(title, rows)

    def fill(self, title: str, rows: Sequence[tuple[str, str]]) -> None:
        self.title.setText(title)
        while len(self._made) < len(rows):
            self._made.append((label("", "muted"), label("")))
        for i, (caption, value) in enumerate(self._made):
            used = i < len(rows)
            caption.setText(rows[i][0] if used else "")
            value.setText(rows[i][1] if used else "")
            if used and self._grid.indexOf(caption) < 0:
                self._grid.addWidget(caption, i, 0, Qt.AlignmentFlag.AlignTop)
                self._grid.addWidget(value, i, 1)
            elif not used and self._grid.indexOf(caption) >= 0:
                self._grid.removeWidget(caption)
                self._grid.removeWidget(value)
            show(caption, used)
            show(value, used)


class TextList(Card):
    """A titled list of paragraphs: 计算过程 (numbered) or 政策依据 (bulleted); :meth:`fill`
    shows others in the same labels."""

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
        self.title = label(title, "subheading")
        self.add(self.title)
        self._numbered = numbered
        self._role = role
        self._made: list[QLabel] = []
        self.lines: list[str] = []
        self.fill(title, lines)

    def fill(self, title: str, lines: Sequence[str]) -> None:
        self.title.setText(title)
        self.lines = list(lines)
        while len(self._made) < len(lines):
            line = label("", self._role)
            self.add(line)
            self._made.append(line)
        for number, made in enumerate(self._made, start=1):
            used = number <= len(lines)
            text = lines[number - 1] if used else ""
            shown = f"{number}. {text}" if self._numbered else f"\u00b7 {text}"
            made.setText(shown if used else "")
            show(made, used)


def show(widget: QWidget, shown: bool) -> None:
    """Shown or hidden, touched only when that changes (a refill passes over many widgets)."""
    explicit = widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
    if widget.isHidden() == shown or not explicit:  # (a new child is hidden until it is shown)
        widget.setVisible(shown)


def notice(text: str) -> QWidget:
    """A highlighted note (provisional figures, 仅供参考)."""
    return label(text, "notice")
