"""Text shared by every screen: header, footer, navigation, result furniture."""

from __future__ import annotations

from kiosk.content.texts._base import Section


class CommonTexts(Section):
    centre_name: str
    window_title: str
    back: str
    home: str
    next: str
    skip: str
    start_over: str
    change_answer: str
    show_result: str
    appearance_button: str  # the header's 字号/对比 button
    appearance_title: str
    appearance_done: str
    text_size: str
    preset_standard: str
    preset_large: str
    preset_largest: str
    contrast: str
    theme_standard: str
    theme_contrast: str
    privacy: str
    rules_footer: str
    disclaimer: str
    steps_title: str
    details_tab: str
    steps_tab: str
    basis_tab: str
    legal_basis_title: str
    provisional_badge: str
    assumption_badge: str
    parameter_year: str
    year_month: str
    years_months: str
    years_only: str
    months_only: str
    age_years_months: str
    age_years: str
    yuan: str
    yuan_per_month: str
    percent: str
    yes: str
    no: str
    basis_glossed: str
    basis_glosses: dict[str, str]
    not_sure: str
    back_to_choices: str
    close: str
    step_number: str
    page_of: str
    page_previous: str
    page_more: str
    scroll_up: str
    scroll_down: str
    keypad_delete: str
    keypad_clear: str
    picker_year: str
    picker_month: str
    picker_unset: str
    month_name: str
    year_value: str
    count_years: str
    count_months: str
    error_title: str
    startup_error: str
    language_switch: str  # the home screen's button: the name of the other language
