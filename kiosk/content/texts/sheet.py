"""测算单 (the take-away sheet): its headings, the QR summary's wording and the on-screen actions
打印 / 保存PDF / 扫码带走 with their feedback."""

from __future__ import annotations

from kiosk.content.texts._base import Section


class SheetTexts(Section):
    # the sheet
    retirement_title: str
    contribution_title: str
    pension_title: str
    created: str
    date_time: str
    answers_title: str
    results_title: str
    details_title: str
    parameters_title: str
    parameter_year: str
    parameter_year_provisional: str
    no_contribution_years: str
    qr_caption: str
    line: str
    # answers
    birth: str
    category: str
    contribution_years: str
    first_insured: str
    kind: str
    year: str
    wage: str
    tier: str
    tier_value: str
    base: str
    period: str
    retirement_age: str
    total_years: str
    pre_years: str
    index: str
    balance: str
    balance_estimated: str
    # the QR summary
    qr_header: str
    qr_note: str
    # on screen
    print: str
    save_pdf: str
    take_away: str
    printing: str
    print_sent: str  # handed over, followed until printed or failed
    printed: str
    print_handed: str  # handed over where the job cannot be followed (no CUPS)
    print_failed: str  # the headline; then why and what to do
    print_reason_unavailable: str
    print_reason_refused: str
    print_reason_stopped: str
    print_reason_failed: str
    print_reason_timed_out: str
    print_help_window: str  # with settings' service_window
    print_help: str
    failure_close: str
    retry: str
    saving: str
    saved: str
    save_failed: str  # the headline; then save_failed_detail
    save_failed_detail: str
    save_reason_full: str
    save_reason_denied: str
    save_reason_other: str
    save_instead_print: str
    save_instead: str
    save_dialog_title: str
    save_filter: str
    file_name: str
    qr_title: str
    qr_help: str
    qr_close: str
