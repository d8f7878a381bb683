"""``install_operations``: wires the idle watcher, countdown, attract screen, crash message, admin
gate, PIN pad, admin panel, lockdown and usage counts onto a main window."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from kiosk import __version__, resources
from kiosk.datafile import DataFileError
from kiosk.fingerprint import resources_fingerprint
from kiosk.ops import usage as events
from kiosk.ops.logs import last_lines, log_failures
from kiosk.ops.usage import UsageCounter
from kiosk.settings import KioskSettings
from kiosk.ui.main_window import MainWindow
from kiosk.ui.navigation import PageId
from kiosk.ui.ops.admin import AdminGate, AdminPanel, PinCheck, PinLock, PinOutcome, PinPad
from kiosk.ui.ops.attract import AttractScreen, HallInfo
from kiosk.ui.ops.checks import check_bundle
from kiosk.ui.ops.crash import CrashGuard, CrashMessage
from kiosk.ui.ops.idle import CountdownOverlay, IdleWatcher
from kiosk.ui.ops.lockdown import Lockdown
from kiosk.ui.ops.overlay import Overlay
from kiosk.ui.pages.journey import Journey

if TYPE_CHECKING:
    from kiosk.bundle import Bundle

log = logging.getLogger(__name__)

CARD_S = 6
CRASH_RETURN_S = 6
LOG_LINES = 30


def _quit_application() -> None:
    QCoreApplication.quit()


@dataclass(frozen=True)
class OpsHooks:
    """What tests replace: the quit function, the clock of the PIN lock, and ``time_scale``
    (0.001 turns every second of the settings into a millisecond)."""

    quit: Callable[[], None] = _quit_application
    clock: Callable[[], float] = time.monotonic
    time_scale: float = 1.0
    log_file: Path | None = None


class Operations(QObject):
    """The kiosk behaviour of one window; a child of it (find it with
    ``window.findChild(Operations)``)."""

    def __init__(
        self,
        window: MainWindow,
        bundle: Bundle,
        settings: KioskSettings,
        *,
        usage: UsageCounter,
        hooks: OpsHooks,
    ) -> None:
        super().__init__(window)
        self.setObjectName("Operations")
        self.window = window
        self.bundle = bundle
        self.settings = settings
        self.usage = usage
        self.hooks = hooks
        texts = bundle.texts

        def ms(seconds: float) -> int:
            return max(1, round(seconds * 1000 * hooks.time_scale))

        self.idle = IdleWatcher(
            idle_ms=ms(settings.idle_timeout_s),
            countdown_s=settings.countdown_s,
            tick_ms=ms(1),
            parent=self,
        )
        self.countdown = CountdownOverlay(window, texts=texts)
        self.attract = AttractScreen(
            window,
            texts=texts,
            hall=HallInfo(settings.service_hours, settings.service_desk),
            icons=resources.icons_dir(bundle.root),
            card_ms=ms(CARD_S),
        )
        self.crash_guard = CrashGuard(self)
        self.crash_message = CrashMessage(window, texts=texts, return_ms=ms(CRASH_RETURN_S))
        self.gate = AdminGate(
            window,
            corner=settings.admin_corner,
            taps=settings.admin_taps,
            window_s=settings.admin_tap_window_s,
            clock=hooks.clock,
            parent=self,
        )
        self.pin_lock = PinLock(settings.admin_pin_hash, clock=hooks.clock)
        self.pin_pad = PinPad(window, texts=texts)
        self.admin_panel = AdminPanel(window, texts=texts)
        self.lockdown: Lockdown | None = None
        if settings.mode == "kiosk":
            self.lockdown = Lockdown(window, parent=self)
            self.lockdown.install()
        if settings.mode == "demo":
            window.header.show_badge(texts.ops.demo_badge)
        self._last_page = window.current_page()
        self._connect_signals()
        self.idle.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self.gate)

    def _connect_signals(self) -> None:
        self.idle.countdown_started.connect(self._on_countdown_started)
        self.idle.countdown_tick.connect(self.countdown.show_seconds)
        self.idle.countdown_cancelled.connect(self.countdown.close_overlay)
        self.idle.timed_out.connect(self.reset_session)
        self.countdown.continue_requested.connect(self.idle.activity)
        self.attract.dismissed.connect(self.window.go_home)
        self.crash_guard.crashed.connect(self._on_crash)
        self.crash_message.home_requested.connect(self.window.reset_session)
        self.gate.requested.connect(self.open_pin_pad)
        self.pin_pad.submitted.connect(self._on_pin)
        self.pin_pad.cancelled.connect(self.pin_pad.close_overlay)
        self.admin_panel.close_requested.connect(self.admin_panel.close_overlay)
        self.admin_panel.exit_requested.connect(self.exit_application)
        self.window.page_changed.connect(self._on_page_changed)
        self.window.page_built.connect(self._connect_page)
        self.window.pages_replaced.connect(self._retitle)  # a language switch
        for page, widget in self.window.built_pages().items():
            self._connect_page(page, widget)
        self._retitle()

    def _connect_page(self, _page: str, widget: QWidget) -> None:
        if isinstance(widget, Journey):
            widget.result_shown.connect(lambda: self.usage.count(events.JOURNEY_FINISHED))

    def _retitle(self) -> None:
        # what a citizen may see mid-session follows the session's language (the attract screen
        # only shows after a reset, in the default language; the admin screens are for staff)
        texts = self.bundle.catalogue(self.window.language)
        self.countdown.retitle(texts)
        self.crash_message.retitle(texts)

    # public API -------------------------------------------------------------------------------

    def overlays(self) -> list[Overlay]:
        return [self.countdown, self.attract, self.crash_message, self.pin_pad, self.admin_panel]

    def start(self) -> None:
        """At start-up: the attract screen if it is on."""
        if self.settings.attract:
            self.attract.open()

    def reset_session(self) -> None:
        """The countdown ran out: every answer cleared, defaults back, attract screen or home."""
        for overlay in self.overlays():
            overlay.close_overlay()
        self.window.reset_session()
        self.usage.count(events.IDLE_RESET)
        log.info("idle reset")
        self.idle.disarm()
        if self.settings.attract:
            self.attract.open()

    def open_pin_pad(self) -> None:
        if self.admin_panel.is_open():
            return
        self.pin_pad.open()
        self._show_lock_state()

    def open_admin_panel(self) -> None:
        self.admin_panel.fill(self.admin_sections())
        self.admin_panel.open()

    def exit_application(self) -> None:
        log.info("exit from the admin panel")
        if self.lockdown is not None:
            self.lockdown.allow_close()
        self.hooks.quit()

    def admin_sections(self) -> list[tuple[str, list[str], str]]:
        ops = self.bundle.texts.ops
        versions = [ops.admin_app_version.format(version=__version__)]
        try:
            fingerprint = resources_fingerprint(self.bundle.root)
            content = fingerprint.content
            versions += [
                ops.admin_rules_version.format(
                    date=self.bundle.rules.updated.isoformat(), digest=fingerprint.rules.digest
                ),
                ops.admin_content_version.format(
                    digest=content.digest,
                    date=content.updated.isoformat() if content.updated else "",
                ),
            ]
        except DataFileError as exc:  # a stray file in the resources since start-up: named
            versions.append(ops.check_failed.format(name=ops.check_texts, detail=exc))
        names = {
            "rules": ops.check_rules,
            "texts": ops.check_texts,
            "content": ops.check_content,
            "font": ops.check_font,
        }
        checks, missing = check_bundle(self.bundle.root, self.bundle.font_family)
        check_lines = [
            ops.check_ok.format(name=names[c.name])
            if c.ok
            else ops.check_failed.format(name=names[c.name], detail=c.detail)
            for c in checks
        ]
        check_lines.append(ops.check_font_coverage.format(count=missing))
        event_names = asdict(ops.usage_events)
        counts = self.usage.counts()
        usage_lines = [
            ops.usage_line.format(name=event_names.get(event, event), count=count)
            for event, count in sorted(counts.items(), key=lambda item: str(item[0]))
        ] or [ops.usage_none]
        logs = last_lines(self.hooks.log_file, LOG_LINES) or [ops.admin_no_log]
        failures = log_failures()
        if failures.count:  # a full disk: the lines above are not the latest
            logs.insert(0, ops.log_failures.format(count=failures.count, error=failures.error))
        return [
            (ops.admin_versions, versions, ""),
            (ops.admin_check, check_lines, ""),
            (ops.admin_usage, usage_lines, ""),
            (ops.admin_log, logs, "log"),
        ]

    # slots --------------------------------------------------------------------------------------

    def _on_countdown_started(self, seconds: int) -> None:
        self.countdown.show_seconds(seconds)
        self.countdown.open()

    def _on_crash(self) -> None:
        self.usage.count(events.CRASH)
        for overlay in self.overlays():
            overlay.close_overlay()
        self.crash_message.open()

    def _on_page_changed(self, page: str) -> None:
        if self._last_page == PageId.HOME and isinstance(self.window.page(page), Journey):
            self.usage.count(events.JOURNEY_STARTED)
        self._last_page = page

    def _on_pin(self, pin: str) -> None:
        result = self.pin_lock.check(pin)
        self.pin_pad.keypad.clear()
        if result.outcome is PinOutcome.OPEN:
            log.info("admin panel opened")
            self.pin_pad.close_overlay()
            self.open_admin_panel()
        else:
            self._show_lock_state(result)

    def _show_lock_state(self, result: PinCheck | None = None) -> None:
        self.pin_pad.show_check(
            result,
            locked_for=self.pin_lock.locked_for(),
            pin_set=self.settings.admin_pin_hash is not None,
        )


def install_operations(
    window: MainWindow,
    bundle: Bundle,
    settings: KioskSettings,
    *,
    usage: UsageCounter | None = None,
    hooks: OpsHooks | None = None,
) -> Operations:
    """Give ``window`` its kiosk behaviour for ``settings``; returns the :class:`Operations`."""
    return Operations(
        window,
        bundle,
        settings,
        usage=usage or UsageCounter(settings.resolved_usage_file()),
        hooks=hooks or OpsHooks(),
    )


__all__ = ["Operations", "OpsHooks", "install_operations"]
