"""The comparison of retirement months as large bars: one routine (:func:`paint_bars`) draws it on
the screen and on the take-away sheet; :class:`ComparisonChart` is the touchable widget."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.present import Bar

GAP_SHARE = 0.25  # of a bar's slot left empty between bars
MIN_BAR_WIDTH = 64  # px at the standard text size: a bar is a touch target too


@dataclass(frozen=True, slots=True)
class ChartColours:
    ink: QColor  # text
    bar: QColor
    statutory: QColor  # the statutory month's bar
    background: QColor


def paint_bars(
    painter: QPainter,
    rect: QRectF,
    bars: Sequence[Bar],
    *,
    font: QFont,
    colours: ChartColours,
    selected: int | None = None,
) -> list[QRectF]:
    """Draw ``bars`` into ``rect``: each amount above its bar, its month and age below, the
    statutory month's bar in its own colour and underlined, the ``selected`` one framed. The text
    shrinks until the widest label fits its bar's slot. Returns each bar's slot (for taps)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, colours.background)
    slot = rect.width() / max(1, len(bars))
    font = _fitting(font, [bar.label for bar in bars], slot * 0.96)
    small = QFont(font)
    small.setPixelSize(max(8, round(font.pixelSize() * 0.8)))
    line = QFontMetricsF(font).height()
    small_line = QFontMetricsF(small).height()
    top = rect.top() + line * 1.2  # room for the amount above the tallest bar
    bottom = rect.bottom() - line - small_line * 1.2  # room for month and age below
    highest = max((bar.value for bar in bars), default=0) or 1
    slots = []
    for index, bar in enumerate(bars):
        left = rect.left() + index * slot
        width = slot * (1 - GAP_SHARE)
        x = left + (slot - width) / 2
        height = float(bar.value / highest) * max(0.0, bottom - top)
        body = QRectF(x, bottom - height, width, height)
        painter.fillRect(body, colours.statutory if bar.statutory else colours.bar)
        if selected == index:
            frame = QPen(colours.ink, max(2.0, line * 0.12))
            painter.setPen(frame)
            painter.drawRect(body)
        painter.setPen(colours.ink)
        painter.setFont(small)
        above = QRectF(left, body.top() - line * 1.1, slot, line)
        painter.drawText(
            above, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, bar.amount
        )
        painter.setFont(font)
        label = QRectF(left, bottom + small_line * 0.1, slot, line)
        painter.drawText(
            label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, bar.label
        )
        if bar.statutory:
            painter.drawLine(
                QPointF(label.left() + slot * 0.15, label.bottom()),
                QPointF(label.right() - slot * 0.15, label.bottom()),
            )
        painter.setFont(small)
        caption = QRectF(left, label.bottom(), slot, small_line * 1.1)
        age = bar.caption.split(" · ")[0]
        painter.drawText(caption, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, age)
        slots.append(QRectF(left, rect.top(), slot, rect.height()))
    painter.restore()
    return slots


def _fitting(font: QFont, texts: Sequence[str], width: float) -> QFont:
    """``font``, smaller if needed (down to 8 px) for the widest of ``texts`` to fit ``width``."""
    fitted = QFont(font)
    while fitted.pixelSize() > 8:
        widest = max((QFontMetricsF(fitted).horizontalAdvance(t) for t in texts), default=0)
        if widest <= width:
            break
        fitted.setPixelSize(fitted.pixelSize() - 1)
    return fitted


class ComparisonChart(QWidget):
    """The bars of a comparison; tapping one emits ``bar_chosen(index)`` and marks it."""

    bar_chosen = Signal(int)

    def __init__(self, bars: Sequence[Bar], *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparison_chart")
        self.bars = tuple(bars)
        self.selected: int | None = None
        self._slots: list[QRectF] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # the keys choose bars with ← and →

    def set_bars(self, bars: Sequence[Bar]) -> None:
        """Other bars, none chosen."""
        self.bars = tuple(bars)
        self.selected = None
        self._slots = []
        self.updateGeometry()
        self.update()

    def choose(self, index: int) -> None:
        self.selected = index
        self.update()
        self.bar_chosen.emit(index)

    def step(self, delta: int) -> bool:
        """Choose the bar ``delta`` away from the chosen one (the first when none is); False at
        either end."""
        index = 0 if self.selected is None else self.selected + delta
        if not 0 <= index < len(self.bars) or index == self.selected:
            return False
        self.choose(index)
        return True

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        width = len(self.bars) * max(MIN_BAR_WIDTH, line * 3.2)
        return QSize(round(width), round(line * 12))

    def minimumSizeHint(self) -> QSize:
        """As narrow as a screen needs: the labels shrink to fit (kiosk/ui/layout_check.py still
        sees each bar as a touch target of at least MIN_BAR_WIDTH at the standard size)."""
        return QSize(len(self.bars) * MIN_BAR_WIDTH, self.sizeHint().height())

    def colours(self) -> ChartColours:
        """From the theme (kiosk/ui/theme.py styles the chart's palette): text ``color``, bars
        ``alternate-background-color``, the statutory bar ``selection-background-color``."""
        palette = self.palette()
        return ChartColours(
            ink=palette.color(QPalette.ColorRole.WindowText),
            bar=palette.color(QPalette.ColorRole.AlternateBase),
            statutory=palette.color(QPalette.ColorRole.Highlight),
            background=palette.color(QPalette.ColorRole.Window),
        )

    # Qt overrides -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        font = QFont(self.font())
        if font.pixelSize() <= 0:
            font.setPixelSize(round(QFontMetricsF(self.font()).height() * 0.75))
        self._slots = paint_bars(
            painter,
            QRectF(self.rect()),
            self.bars,
            font=font,
            colours=self.colours(),
            selected=self.selected,
        )
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        for index, slot in enumerate(self._slots):
            if slot.contains(point):
                self.choose(index)
                return
        super().mousePressEvent(event)
