"""Register the bundled Chinese font (a subset of Noto Sans CJK SC) with Qt."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase

from kiosk.rules.loader import DataFileError

FONT_FILES = ("NotoSansSC-Kiosk-Regular.otf", "NotoSansSC-Kiosk-Bold.otf")


def register_fonts(directory: Path) -> str:
    """Add the bundled fonts to the application and return their family name.

    Needs a QGuiApplication. A missing or unreadable font file raises :class:`DataFileError`.
    """
    family = ""
    for name in FONT_FILES:
        path = directory / name
        if not path.is_file():
            raise DataFileError(path, "", "font file is missing")
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            raise DataFileError(path, "", "font file cannot be loaded")
        family = family or families[0]
    return family
