"""Sample sheets for the three calculations (bundled rules, fixed clock) and PDF helpers."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from kiosk.content.texts import Texts
from kiosk.present import (
    Sheet,
    make_sheet,
    present_contribution,
    present_pension,
    present_retirement,
)
from kiosk.rules import (
    Category,
    PaymentPeriod,
    RulesData,
    WorkerKind,
    YearMonth,
    contribution,
    retirement,
)
from kiosk.rules.estimate import estimate_pension

AS_OF = date(2026, 11, 29)
CREATED = datetime(2026, 11, 29, 10, 5)


def build_sheets(texts: Texts, rules: RulesData) -> dict[str, Sheet]:
    ret = retirement(
        YearMonth(1965, 7), Category.MALE, rules.retirement, as_of=AS_OF, contribution_months=170
    )
    con = contribution(
        WorkerKind.FLEXIBLE,
        2026,
        rules.contribution,
        rules.rates,
        as_of=AS_OF,
        base_percent=Decimal(60),
        period=PaymentPeriod.QUARTER,
    )
    pen = estimate_pension(  # the account estimated: 300 months from 2002-03 to 2027-02
        rules,
        birth=YearMonth(1966, 1),
        category=Category.MALE,
        retirement_age_months=734,
        contribution_months=400,
        pre_account_months=100,
        average_index=Decimal("1.0"),
        account_balance=None,
        as_of=AS_OF,
    )
    presented = {
        "retirement": present_retirement(ret, texts),
        "contribution": present_contribution(con, texts),
        "pension": present_pension(pen, texts),
    }
    return {
        name: make_sheet(p, texts, created=CREATED, rules_updated=rules.updated)
        for name, p in presented.items()
    }


def pdf_text(path: Path) -> str:
    """The PDF's text as a reader extracts it, NFKC-normalised.

    Where the system also has Noto Sans CJK (same family name as the bundled subset), Qt may embed
    that one, whose ToUnicode maps some glyphs to Kangxi radicals (⽉ for 月); NFKC folds those.
    """
    from pypdf import PdfReader

    reader = PdfReader(path)
    return unicodedata.normalize("NFKC", "".join(page.extract_text() for page in reader.pages))


def squeeze(text: str) -> str:
    """Text without white space (extraction breaks lines where the layout wrapped them)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def free_window(window: object) -> None:
    """Delete a window now (as tests/conftest.py does for its fixture)."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
