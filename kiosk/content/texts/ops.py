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


class OutOfServiceTexts(Section):
    """暂停服务: the page a hall terminal shows while its bundle or settings are broken."""

    title: str
    body: str
    window: str  # with settings' service_window: 请到{window}号窗口
    desk: str  # without it
    back: str  # it comes back by itself
    problem: str  # the admin panel's heading of the technical detail
    retry: str  # the admin panel: how often it tries again


# The words of the 暂停服务 page when no text catalogue can be read at all (the broken part of
# the bundle may be the catalogue itself). A test keeps them equal to text/zh_CN/ops.toml.
OUT_OF_SERVICE_FALLBACK = OutOfServiceTexts(
    title="暂停服务",
    body="本机正在维护，暂时不能使用，给您带来不便，请谅解。",
    window="请到{window}号窗口办理或咨询。",
    desk="请到服务大厅的窗口办理或咨询。",
    back="本机恢复后会自动回到首页。",
    problem="故障",
    retry="每{seconds}秒自动重新检查一次。",
)


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
    pin_too_short: str
    pin_check_failed: str
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
    check_content: str
    check_font: str
    check_font_coverage: str
    # 读给我听 on this terminal, one line per language: ready with which voice, or why not
    voice_ready: str  # {language} {engine} {voice}
    voice_missing: str  # {language} {reason}
    voice_languages: dict[str, str]  # a session language -> its name (普通话)
    voice_starting: str
    voice_turned_off: str
    voice_no_module: str  # {detail}
    voice_no_engine: str
    voice_engine_failed: str  # {engine} {detail}
    voice_no_voice: str  # {engine}
    admin_usage: str
    usage_line: str
    usage_none: str
    usage_events: UsageEventTexts
    out_of_service: OutOfServiceTexts
    admin_log: str
    admin_no_log: str
    log_failures: str
    admin_close: str
    admin_exit: str
