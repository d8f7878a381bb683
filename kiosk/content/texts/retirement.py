"""退休年龄与资格 journey: questions, result and calculation steps."""

from __future__ import annotations

from kiosk.content.texts._base import Section


class RetirementStepTexts(Section):
    ret_original: str
    ret_not_affected: str
    ret_delay: str
    ret_statutory: str
    ret_minimum: str
    ret_flex_early: str
    ret_flex_late: str
    ret_pre_reform: str
    ret_meets: str
    ret_shortfall: str
    ret_earliest_pension: str
    ret_lump_sum: str


class RetirementTexts(Section):
    title: str
    category_question: str
    category_male: str
    category_male_detail: str
    category_female_55: str
    category_female_55_detail: str
    category_female_50: str
    category_female_50_detail: str
    category_help: str
    category_missing: str
    birth_question: str
    birth_help: str
    birth_missing_year: str
    birth_missing_month: str
    years_question: str
    years_help: str
    years_missing: str
    years_label: str
    insured_question: str
    insured_help: str
    insured_missing: str
    insured_before: str
    insured_before_detail: str
    insured_after: str
    insured_after_detail: str
    insured_unsure: str
    insured_unsure_detail: str
    months_label: str
    statutory_age: str
    statutory_month: str
    delay: str
    delay_value: str
    details_title: str
    original: str
    original_value: str
    minimum_years: str
    minimum_value: str
    flexible_early: str
    flexible_late: str
    flexible_value: str
    flexible_note: str
    time_left: str
    time_left_value: str
    time_reached: str
    eligibility_title: str
    eligibility_unknown: str
    eligibility_meets: str
    eligibility_short: str
    eligibility_short_pension: str
    eligibility_you_can: str
    headline_future: str
    headline_reached: str
    pre_reform_note: str
    past_suffix: str
    earliest_pension: str
    earliest_pension_value: str
    option_extend: str
    option_lump_sum: str
    option_transfer: str
    option_terminate: str
    pension_button: str
    steps: RetirementStepTexts
