"""缴费测算 journey: questions, result and calculation steps."""

from __future__ import annotations

from kiosk.content.texts._base import Section


class ContributionStepTexts(Section):
    con_params: str
    con_provisional: str
    con_base_wage: str
    con_base_raised: str
    con_base_capped: str
    con_base_percent: str
    con_base_amount: str
    con_employee: str
    con_flexible: str
    con_period: str
    con_annual: str


class ContributionTexts(Section):
    title: str
    headline_employee: str
    headline_flexible: str
    unit_yuan: str
    # 1. who pays (参保身份)
    kind_question: str
    kind_missing: str
    kind_employee: str
    kind_employee_detail: str
    kind_flexible: str
    kind_flexible_detail: str
    # 2. which year's limits (缴费年度)
    year_question: str
    year_missing: str
    year_help: str
    year_option: str
    year_option_provisional: str
    year_option_detail: str
    year_option_assumed: str
    # 3. employees: monthly wage (月工资)
    wage_question: str
    wage_missing: str
    wage_help: str
    wage_note: str
    # 4. flexible workers: base tier (缴费档次), or an amount of their own
    tier_question: str
    tier_missing: str
    tier_help: str
    tier_option: str
    tier_option_detail: str
    tier_custom: str
    tier_custom_detail: str
    amount_question: str
    amount_missing: str
    amount_help: str
    amount_note: str
    # 5. flexible workers: payment period (缴费方式)
    period_question: str
    period_missing: str
    period_month: str
    period_quarter: str
    period_half_year: str
    period_year: str
    period_month_detail: str
    period_quarter_detail: str
    period_half_year_detail: str
    period_year_detail: str
    period_detail_amount: str
    # input errors, worded here from the rule's InputError code and limits
    # result
    figure_base: str
    figure_individual: str
    figure_employer: str
    figure_per_payment: str
    figure_annual: str
    details_title: str
    detail_kind: str
    detail_year: str
    detail_base: str
    base_raised: str
    base_capped: str
    base_within: str
    base_tier: str
    base_amount: str
    detail_account_employee: str
    detail_pooled_employee: str
    detail_account_flexible: str
    detail_pooled_flexible: str
    split_employee: str
    split_flexible: str
    detail_total_employee: str
    total_employee_value: str
    detail_limits: str
    limits_value: str
    figures_assumed: str
    steps: ContributionStepTexts
