"""The QR code of a sheet: its plain-text summary, UTF-8 bytes, readable offline by any phone.

Encoded by python-qrcode's encoder alone (``qrcode.main``, no image writer is used): it imports
nothing but its own modules, where segno's package pulled in its SVG writer and with it
``xml.sax.saxutils``, ``urllib.request``, ``http.client``, ``email`` and ``ssl`` (8.4 MiB of a
citizen's visit for a code that is only ever drawn by Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.present.sheet import Sheet

if TYPE_CHECKING:
    from qrcode.main import QRCode

# error correction levels from the strongest, tried at the version level L needs
STRONGER = ("H", "Q", "M")
MODES = {1: "numeric", 2: "alphanumeric", 4: "byte"}  # python-qrcode's segment modes


@dataclass(frozen=True, slots=True)
class QrCode:
    """A QR code: its dark (True) and light modules row by row, without the quiet zone."""

    modules: tuple[tuple[bool, ...], ...]
    version: int  # 1 to 40: (version * 4 + 17) modules a side
    error: str  # "L", "M", "Q" or "H"
    mode: str  # "byte": the summary's UTF-8 bytes as they are


def qr_code(sheet: Sheet) -> QrCode:
    """The summary as a QR code (byte mode, UTF-8): the smallest version that holds it at error
    correction L, then the strongest correction that fits in that same version (no extra
    modules), so an older phone camera has the fewest, largest modules to read (a code on a
    screen is not scuffed the way a printed one is)."""
    from qrcode.exceptions import DataOverflowError  # only when a sheet is made

    data = sheet.summary.encode("utf-8")
    code = _encode(data, "L", version=None)
    error = "L"
    for level in STRONGER:
        try:
            code = _encode(data, level, version=code.version)
        except DataOverflowError:
            continue
        error = level
        break
    modules = tuple(tuple(bool(cell) for cell in row) for row in code.modules)
    (segment,) = code.data_list
    return QrCode(modules=modules, version=code.version, error=error, mode=MODES[segment.mode])


def qr_modules(sheet: Sheet) -> tuple[tuple[bool, ...], ...]:
    """The QR code's dark (True) and light modules, row by row, without the quiet zone."""
    return qr_code(sheet).modules


def _encode(data: bytes, error: str, *, version: int | None) -> QRCode[Any]:
    """python-qrcode's matrix of ``data`` in one segment (UTF-8 with Chinese in it: 8-bit
    bytes), with no switching of modes inside it."""
    from qrcode import constants
    from qrcode.main import QRCode

    level = getattr(constants, f"ERROR_CORRECT_{error}")
    code = QRCode(version=version, error_correction=level, border=0)
    code.add_data(data, optimize=0)
    code.make(fit=version is None)
    return code
