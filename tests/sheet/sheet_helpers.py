"""Sample sheets for the three calculations (bundled rules, fixed clock) and PDF helpers."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from kiosk.content.texts import Texts
from kiosk.rules import (
    Category,
    PaymentPeriod,
    RulesData,
    WorkerKind,
    YearMonth,
    contribution,
    estimate_account_balance,
    pension,
    retirement,
)
from kiosk.sheet import PensionAnswers, Sheet, contribution_sheet, pension_sheet, retirement_sheet

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
    estimate = estimate_account_balance(
        average_index=Decimal("1.0"),
        account_months=300,
        retirement_month=YearMonth(2027, 3),
        contribution=rules.contribution,
        rates=rules.rates,
        pension=rules.pension,
    )
    pen = pension(
        rules.pension,
        retirement_year=2027,
        average_index=Decimal("1.0"),
        contribution_months=400,
        pre_account_months=100,
        account_balance=estimate.balance,
        retirement_age_months=734,
    )
    answers = PensionAnswers(
        retirement_age_months=734,
        contribution_months=400,
        pre_account_months=100,
        account_balance=estimate.balance,
        category=Category.MALE,
        birth=YearMonth(1966, 1),
        level_title=texts.pension.levels.p100.title,
        statutory_age_months=734,
        minimum_contribution_months=rules.retirement.minimum_contribution.months_for(2027),
    )
    updated = rules.updated
    return {
        "retirement": retirement_sheet(texts, ret, created=CREATED, rules_updated=updated),
        "contribution": contribution_sheet(texts, con, created=CREATED, rules_updated=updated),
        "pension": pension_sheet(
            texts, pen, answers, created=CREATED, rules_updated=updated, estimate=estimate
        ),
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
