"""The one place where amounts, years and 计发月数 are rounded (ROUND_HALF_UP, as on Shandong forms)."""

from decimal import ROUND_HALF_UP, Decimal

FEN = Decimal("0.01")
TENTH = Decimal("0.1")
YUAN = Decimal("1")


def _rounded(value: Decimal, unit: Decimal) -> Decimal:
    """ROUND_HALF_UP to ``unit``; a zero loses its sign (an input of ``-0`` never shows ``-0.00``)."""
    rounded = value.quantize(unit, rounding=ROUND_HALF_UP)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def to_fen(value: Decimal) -> Decimal:
    """Round money to the fen (0.01 yuan)."""
    return _rounded(value, FEN)


def to_yuan(value: Decimal) -> Decimal:
    """Round money to a whole yuan (how Shandong publishes contribution-base limits)."""
    return _rounded(value, YUAN)


def to_tenth(value: Decimal) -> Decimal:
    """Round to one decimal (计发月数 for ages that are not whole years)."""
    return _rounded(value, TENTH)


def months_to_years(months: int) -> Decimal:
    """Contribution months as years with 2 decimals (30年4个月 -> 30.33), as Shandong forms do."""
    return (Decimal(months) / 12).quantize(FEN, rounding=ROUND_HALF_UP)


def money_text(value: Decimal) -> str:
    """An amount as a string with exactly 2 decimals (the CLI's and the screens' format)."""
    return f"{to_fen(value):.2f}"
