"""How a refused answer is worded: one template per rule error code, and each input's name."""

from __future__ import annotations

from kiosk.content.texts._base import Section


class ErrorTexts(Section):
    """``{field}`` is the input's name; ``{low}``/``{high}`` and the rest are the rule's figures,
    worded with their units."""

    required: str
    out_of_range: str
    out_of_range_one: str  # a range that holds one value only
    no_figures: str
    no_rates: str
    employee_monthly: str
    exceeds_possible: str
    exceeds_total: str
    one_of: str
    past_payment_table: str
    fields: dict[str, str]
