"""Register the bundled Chinese font (a subset of Noto Sans CJK SC) with Qt."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from kiosk.datafile import DataFileError, check_data_file

FONT_FILES = ("NotoSansSC-Kiosk-Regular.otf", "NotoSansSC-Kiosk-Bold.otf")


def register_fonts(directory: Path) -> str:
    """Add the bundled fonts to the application, make them its default font, and return their
    family name.

    The default matters for what the window's stylesheet does not reach (a dialog, a tooltip,
    a widget before it is polished): without it Qt resolves the system's sans font, which a hall
    terminal may not have and which, where it is a CJK font, maps 7 MiB more for nothing.

    Needs a QGuiApplication. A missing or unreadable font file raises :class:`DataFileError`.
    """
    family = ""
    for name in FONT_FILES:
        path = directory / name
        check_data_file(path)  # missing, or a folder, a FIFO...: Qt would block on a FIFO
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            raise DataFileError(path, "", "font file cannot be loaded")
        family = family or families[0]
    QGuiApplication.setFont(QFont(family))
    return family
