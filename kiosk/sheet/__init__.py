"""The take-away sheet (测算单): built from a result and the answers, Qt-free (a contract checks it).

``kiosk.ui.sheet_render`` lays a :class:`Sheet` out on A4 (PDF or printer).
"""

from kiosk.sheet.build import (
    PensionAnswers,
    contribution_sheet,
    pension_sheet,
    retirement_sheet,
)
from kiosk.sheet.model import Line, Section, Sheet, SheetKind
from kiosk.sheet.qr import qr_code, qr_modules

__all__ = [
    "Line",
    "PensionAnswers",
    "Section",
    "Sheet",
    "SheetKind",
    "contribution_sheet",
    "pension_sheet",
    "qr_code",
    "qr_modules",
    "retirement_sheet",
]
