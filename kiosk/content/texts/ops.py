"""Kiosk operations: the idle countdown, attract screen, crash message, demo badge, admin PIN pad
and admin panel."""

from __future__ import annotations

from kiosk.content.texts._base import Section


class AttractCard(Section):
    """One card of the attract screen's loop: what can be done here."""

    title: str
    line: str


class UsageEventTexts(Section):
    """Names of the anonymous usage counts shown on the admin panel."""

    journey_started: str
    journey_finished: str
    faq_opened: str
    idle_reset: str
    crash: str


class OpsTexts(Section):
    demo_badge: str
    countdown_title: str
    countdown_body: str
    countdown_continue: str
    attract_heading: str
    attract_prompt: str
    attract_privacy: str
    attract_hours: str
    attract_desk: str
    cards: tuple[AttractCard, ...]
    crash_title: str
    crash_body: str
    crash_home: str
    pin_title: str
    pin_confirm: str
    pin_cancel: str
    pin_wrong: str
    pin_locked: str
    pin_not_set: str
    admin_title: str
    admin_versions: str
    admin_app_version: str
    admin_rules_version: str
    admin_content_version: str
    admin_check: str
    check_ok: str
    check_failed: str
    check_rules: str
    check_texts: str
    check_font: str
    check_font_coverage: str
    admin_usage: str
    usage_line: str
    usage_none: str
    usage_events: UsageEventTexts
    admin_log: str
    admin_no_log: str
    admin_close: str
    admin_exit: str
