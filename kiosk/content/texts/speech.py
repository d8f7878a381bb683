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

    # 读给我听: the header's control, the voice group of the 字号/对比 panel ----------------------
    read_button: str  # 朗读
    stop_button: str  # 停止 (while speaking: a second tap stops)
    settings_button: str  # the header's 字号/对比 button when voice is offered too
    settings_title: str  # the 字号/对比 panel's title then
    guidance_caption: str  # 语音引导: read each new screen by itself
    guidance_off: str
    guidance_on: str
    rate_caption: str  # 语速
    rate_slow: str
    rate_normal: str

    # what is said, besides the results' spoken summaries -----------------------------------------
    guidance_on_said: str
    guidance_off_said: str
    choice: str  # {number} {title}: one choice of a question, with its number
    choices_paged: str  # {page} {pages} {more}: only some choices are on this page
    then_next: str  # {next}: the button that goes on (下一步 / 查看结果)
    selected: str  # {title}: a control that is chosen
    unavailable: str  # {title}: a control that cannot be pressed now
    entered: str  # {value}: what a keypad holds
    nothing_entered: str
    attention: str  # {error}: what is wrong on this screen
    steps_hint: str  # {steps}: how to hear the calculation steps
    countdown_hint: str  # after 还在使用吗？ and the seconds left
    # screen symbols, one character each, and the words said for them (× 乘, = 等于 ...)
    symbols: dict[Annotated[str, Len(1, 1)], str]
    percent: str  # {value}: 8% as said (百分之8 / 8 percent)
