"""养老金测算 journey: questions, result and calculation steps."""

from __future__ import annotations

from kiosk.content.texts._base import Section


class PensionStepTexts(Section):
    pen_base: str
    pen_base_given: str
    pen_base_provisional: str
    pen_years: str
    pen_indexed: str
    pen_basic: str
    pen_months: str
    pen_account: str
    pen_transitional: str
    pen_total: str
    pen_extension: str
    cmp_assumptions: str
    cmp_cumulative: str
    est_opening: str
    est_base: str
    est_rates: str
    est_result: str


class LevelText(Section):
    """One contribution tier (缴费档次): its name and a one-line explanation."""

    title: str
    detail: str


class PensionLevelTexts(Section):
    """The tiers by percent of the provincial average wage (平均缴费指数 0.6 … 3)."""

    p60: LevelText
    p70: LevelText
    p80: LevelText
    p100: LevelText
    p150: LevelText
    p200: LevelText
    p300: LevelText


class PensionTexts(Section):
    title: str
    headline: str
    # no estimate: the pension can only start past the 计发月数 table's oldest age
    no_estimate_headline: str  # short of years: when the pension can start
    no_estimate_headline_over: str  # the minimum met, past the table's age now
    no_estimate_why: str
    no_estimate_month: str
    no_estimate_age: str
    no_estimate_age_now: str
    no_estimate_shortfall: str
    no_estimate_statutory: str
    no_estimate_minimum: str
    no_estimate_window: str  # with settings' service_window: 请到{window}号窗口咨询
    no_estimate_desk: str
    no_estimate_next: str
    # prefilled from the retirement journey
    prefilled: str
    prefilled_change: str
    # retirement age
    age_question: str
    age_missing: str
    age_minus_year: str
    age_minus_month: str
    age_plus_month: str
    age_plus_year: str
    age_display: str
    age_statutory: str
    age_early: str
    age_late: str
    age_extended: str
    age_overdue: str
    age_window: str
    age_window_one: str  # the range is one month
    # contribution years
    total_question: str
    total_help: str
    total_missing: str
    pre_question: str
    pre_help: str
    pre_missing: str
    error_pre_exceeds: str
    # contribution level
    level_question: str
    level_help: str
    level_missing: str
    levels: PensionLevelTexts
    # personal account
    balance_question: str
    balance_help: str
    balance_missing: str
    balance_known: str
    balance_known_detail: str
    balance_estimate: str
    balance_estimate_detail: str
    amount_question: str
    amount_help: str
    amount_missing: str
    amount_unit: str
    # result
    total_caption: str
    basic_caption: str
    account_caption: str
    account_caption_estimated: str
    transitional_caption: str
    eligibility_title: str
    eligibility_meets: str
    eligibility_made_up: str
    details_title: str
    detail_age: str
    detail_age_value: str
    detail_kind: str
    kind_statutory: str
    kind_early: str
    kind_late: str
    kind_extended: str
    kind_overdue: str
    detail_base: str
    detail_base_value: str
    detail_base_document: str
    detail_months: str
    detail_level: str
    detail_index: str
    detail_indexed: str
    detail_total_years: str
    detail_pre_years: str
    detail_years_value: str
    detail_balance: str
    detail_balance_estimated: str
    estimate_note: str
    compare_button: str
    compare_tap: str
    compare_title: str
    compare_sheet_title: str
    compare_headline: str
    compare_first: str
    compare_statutory: str
    compare_last: str
    compare_so_far: str
    compare_table_title: str
    compare_row: str
    compare_provisional: str
    steps: PensionStepTexts
