"""The QR code of a sheet: its plain-text summary, UTF-8 bytes, readable offline by any phone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.present.sheet import Sheet

if TYPE_CHECKING:
    import segno


def qr_code(sheet: Sheet) -> segno.QRCode:
    """The summary as a QR code (byte mode, UTF-8): error correction L, raised only where that
    costs no extra modules, so an older phone camera has the fewest, largest modules to read (a
    code on a screen is not scuffed the way a printed one is)."""
    import segno  # only when a sheet is made: its writers pull in urllib (40 ms at start-up)

    return segno.make_qr(sheet.summary, error="l", mode="byte", encoding="utf-8", boost_error=True)


def qr_modules(sheet: Sheet) -> tuple[tuple[bool, ...], ...]:
    """The QR code's dark (True) and light modules, row by row, without the quiet zone."""
    return tuple(tuple(bool(cell) for cell in row) for row in qr_code(sheet).matrix)
