"""The bundled SVG icons drawn in the theme's colours: their blue (``INK``) becomes the widget's
highlight colour and their white (``PAPER``) its highlighted-text colour, which the theme sets per
role (standard: the same blue on white; high contrast: yellow on black)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImageReader, QPalette, QPixmap
from PySide6.QtWidgets import QWidget

INK = "#0B57A4"
PAPER = "#FFFFFF"


def themed_icon(path: Path, widget: QWidget, side: int) -> QPixmap:
    """``path``'s icon, ``side`` pixels square, in ``widget``'s highlight colours."""
    palette = widget.palette()
    ink = palette.color(QPalette.ColorRole.Highlight).name().upper()
    paper = palette.color(QPalette.ColorRole.HighlightedText).name().upper()
    svg = path.read_text(encoding="utf-8").replace(INK, "\0ink\0").replace(PAPER, paper)
    data = QByteArray(svg.replace("\0ink\0", ink).encode("utf-8"))
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(QSize(side, side))
    return QPixmap.fromImage(reader.read())
