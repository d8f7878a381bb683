"""The presentation layer (Qt-free): a journey's typed result and the person's answers -> one
worded :class:`Presentation`, drawn by the result screen, the take-away sheet, its QR summary and
``kiosk-calc`` alike."""

from kiosk.present.contribution import present_contribution
from kiosk.present.model import Bar, Line, Notice, Presentation, Tone
from kiosk.present.pension import present_pension
from kiosk.present.qr import qr_code, qr_modules
from kiosk.present.retirement import present_retirement
from kiosk.present.sheet import Section, Sheet, make_sheet

__all__ = [
    "Bar",
    "Line",
    "Notice",
    "Presentation",
    "Section",
    "Sheet",
    "Tone",
    "make_sheet",
    "present_contribution",
    "present_pension",
    "present_retirement",
    "qr_code",
    "qr_modules",
]
