"""What the kiosk says aloud (语音播报): each result's spoken summary, written for the ear (numbers
without separators, no symbols a speech engine would read out), and the spoken furniture."""

from __future__ import annotations

from typing import Annotated

from annotated_types import Len

from kiosk.content.texts._base import Section


class SpeechTexts(Section):
    money: str  # {amount}: digits and a decimal point only
    # ages, durations and months as said (the screen's may abbreviate: 9/2025, 60 yr 2 mo)
    age_years_months: str
    age_years: str
    years_months: str
    years_only: str
    months_only: str
    year_month: str  # {year} {month_name}
    month_names: Annotated[tuple[str, ...], Len(12, 12)]  # January first
    retirement_future: str
    retirement_reached: str
    eligibility_unknown: str
    eligibility_meets: str
    eligibility_short: str
    contribution_employee: str
    contribution_flexible: str
    pension: str
    pension_made_up: str
    no_estimate: str
    no_estimate_over: str
    counter_window: str
    counter_desk: str
    compare: str

    when: str  # {age} {month}, as said
