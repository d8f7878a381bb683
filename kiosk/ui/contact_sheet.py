"""One PNG with every screen of one screen size x text size x theme as a labelled thumbnail, so a
reviewer sees a whole configuration at once (``kiosk --self-test --screenshots DIR``)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

THUMB_AREA = 480 * 300  # pixels of a thumbnail, whatever the screen's orientation
COLUMNS_LANDSCAPE = 6
COLUMNS_PORTRAIT = 10
GAP = 16
CAPTION = 28
TITLE = 56


def contact_sheet(shots: Sequence[tuple[str, QImage]], *, title: str) -> QImage:
    """``shots`` as ``(name, screen)``, all of one size, on one image under ``title``."""
    if not shots:
        return QImage(1, 1, QImage.Format.Format_RGB32)
    first = shots[0][1]
    scale = math.sqrt(THUMB_AREA / max(1, first.width() * first.height()))
    thumb_w, thumb_h = round(first.width() * scale), round(first.height() * scale)
    columns = COLUMNS_PORTRAIT if first.height() > first.width() else COLUMNS_LANDSCAPE
    columns = min(columns, len(shots))
    rows = math.ceil(len(shots) / columns)
    sheet = QImage(
        GAP + columns * (thumb_w + GAP),
        TITLE + rows * (thumb_h + CAPTION + GAP) + GAP,
        QImage.Format.Format_RGB32,
    )
    sheet.fill(QColor("#FFFFFF"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    heading = QFont(painter.font())
    heading.setPixelSize(32)
    heading.setBold(True)
    painter.setFont(heading)
    painter.setPen(QColor("#000000"))
    painter.drawText(
        QRect(GAP, 0, sheet.width() - 2 * GAP, TITLE), Qt.AlignmentFlag.AlignVCenter, title
    )
    caption = QFont(painter.font())
    caption.setPixelSize(18)
    caption.setBold(False)
    painter.setFont(caption)
    for index, (name, image) in enumerate(shots):
        x = GAP + (index % columns) * (thumb_w + GAP)
        y = TITLE + (index // columns) * (thumb_h + CAPTION + GAP)
        painter.drawText(
            QRect(x, y, thumb_w, CAPTION),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            name,
        )
        painter.drawImage(
            QRect(x, y + CAPTION, thumb_w, thumb_h),
            image.scaled(
                thumb_w,
                thumb_h,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            ),
        )
        painter.setPen(QColor("#8A96A6"))
        painter.drawRect(QRect(x, y + CAPTION, thumb_w - 1, thumb_h - 1))
        painter.setPen(QColor("#000000"))
    painter.end()
    return sheet
