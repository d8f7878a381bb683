"""``install_operations``: wires the idle watcher, countdown, attract screen, crash message, admin
gate, PIN pad, admin panel, lockdown and usage counts onto a main window.

What must work from the first touch (the idle watcher, the crash guard, the admin gate's corner,
the lockdown, the attract screen when it shows at start) is made with the window; each overlay
that only opens later (the countdown, the crash message, the PIN pad, the admin panel), and its
module, when it first opens."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from kiosk import __version__, resources
from kiosk.content.texts import Texts
from kiosk.datafile import DataFileError
from kiosk.ops import usage as events
from kiosk.ops.usage import UsageCounter
from kiosk.settings import KioskSettings
from kiosk.ui.main_window import MainWindow
from kiosk.ui.navigation import PageId, Steps
from kiosk.ui.ops.app_filter import filter_application
from kiosk.ui.ops.crash import CrashGuard, CrashMessage
from kiosk.ui.ops.gate import admin_gate
from kiosk.ui.ops.idle import CountdownOverlay, IdleWatcher
from kiosk.ui.ops.overlay import Overlay

if TYPE_CHECKING:
    from kiosk.bundle import Bundle
    from kiosk.ui.ops.admin import AdminPanel, PinCheck, PinLock, PinPad
    from kiosk.ui.ops.attract import AttractScreen
    from kiosk.ui.ops.lockdown import Lockdown

log = logging.getLogger(__name__)

CARD_S = 6
CRASH_RETURN_S = 6
LOG_LINES = 30


def _quit_application() -> None:
    QCoreApplication.quit()


@dataclass(frozen=True)
class OpsHooks:
    """What tests replace: the quit function, the clock of the PIN lock, and ``time_scale``
    (0.001 turns every second of the settings into a millisecond). ``watch_after_paint``: the
    idle watcher and the admin gate start watching once the window has painted (``main()``;
    a test that touches a window at once, before its first paint, keeps the default)."""

    quit: Callable[[], None] = _quit_application
    clock: Callable[[], float] = time.monotonic
    time_scale: float = 1.0
    log_file: Path | None = None
    watch_after_paint: bool = False


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
        self.idle = IdleWatcher(
            idle_ms=self._ms(settings.idle_timeout_s),
            countdown_s=settings.countdown_s,
            tick_ms=self._ms(1),
            parent=self,
        )
        self.crash_guard = CrashGuard(self)
        self.gate = admin_gate(window, settings, clock=hooks.clock, parent=self)
        # more lines of the admin panel's self-check, each asked when the panel opens (读给我听)
        self.check_lines: list[Callable[[], list[str]]] = []
        self.lockdown: Lockdown | None = None
        if settings.mode == "kiosk":
            from kiosk.ui.ops.lockdown import Lockdown

            self.lockdown = Lockdown(window, parent=self)
            self.lockdown.install()
        if settings.mode == "demo":
            window.header.show_badge(texts.ops.demo_badge)
        self._last_page = window.current_page()
        self._connect_signals()
        if hooks.watch_after_paint and not window.painted():
            window.first_painted.connect(self._watch_input)  # nobody touches a blank screen
        else:
            self._watch_input()

    def _watch_input(self) -> None:
        """The idle watcher and the admin gate: application-wide event filters. Every event then
        passes through Python, and PySide makes the Python types of the Qt objects it has not
        met yet the first time one is seen (an animation timer makes it build some 180 classes):
        about 0.1 s, after the first paint when ``watch_after_paint``."""
        self.idle.start()
        filter_application(self.gate)

    def _connect_signals(self) -> None:
        self.idle.countdown_started.connect(self._on_countdown_started)
        self.idle.countdown_tick.connect(self._on_countdown_tick)
        self.idle.countdown_cancelled.connect(self._on_countdown_cancelled)
        self.idle.timed_out.connect(self.reset_session)
        self.crash_guard.crashed.connect(self._on_crash)
        self.gate.requested.connect(self.open_pin_pad)
        self.window.page_changed.connect(self._on_page_changed)
        self.window.page_built.connect(self._connect_page)
        self.window.pages_replaced.connect(self._retitle)  # a language switch
        for page, widget in self.window.built_pages().items():
            self._connect_page(page, widget)

    def _connect_page(self, _page: str, widget: QWidget) -> None:
        if isinstance(widget, Steps) and hasattr(widget, "result_shown"):  # a journey
            widget.result_shown.connect(lambda: self.usage.count(events.JOURNEY_FINISHED))

    def _retitle(self) -> None:
        # what a citizen may see mid-session follows the session's language (the attract screen
        # only shows after a reset, in the default language; the admin screens are for staff)
        texts = self._session_texts()
        for name in ("countdown", "crash_message"):
            overlay = self.__dict__.get(name)  # one not made yet is made in the right words
            if overlay is not None:
                overlay.retitle(texts)

    def _session_texts(self) -> Texts:
        return self.bundle.catalogue(self.window.language)

    def _ms(self, seconds: float) -> int:
        return max(1, round(seconds * 1000 * self.hooks.time_scale))

    # the overlays, each made when it first opens ----------------------------------------------

    @cached_property
    def countdown(self) -> CountdownOverlay:
        overlay = CountdownOverlay(self.window, texts=self._session_texts())
        overlay.continue_requested.connect(self.idle.activity)
        return overlay

    @cached_property
    def attract(self) -> AttractScreen:
        from kiosk.ui.ops.attract import AttractScreen, HallInfo

        settings = self.settings
        overlay = AttractScreen(
            self.window,
            texts=self.bundle.texts,
            hall=HallInfo(settings.service_hours, settings.service_desk),
            icons=resources.icons_dir(self.bundle.root),
            card_ms=self._ms(CARD_S),
        )
        overlay.dismissed.connect(self.window.go_home)
        return overlay

    @cached_property
    def crash_message(self) -> CrashMessage:
        overlay = CrashMessage(
            self.window, texts=self._session_texts(), return_ms=self._ms(CRASH_RETURN_S)
        )
        overlay.home_requested.connect(self.window.reset_session)
        return overlay

    @cached_property
    def pin_lock(self) -> PinLock:
        from kiosk.ui.ops.admin import PinLock

        return PinLock(self.settings.admin_pin_hash, clock=self.hooks.clock)

    @cached_property
    def pin_pad(self) -> PinPad:
        from kiosk.ui.ops.admin import PinPad

        overlay = PinPad(self.window, texts=self.bundle.texts)
        overlay.submitted.connect(self._on_pin)
        return overlay

    @cached_property
    def admin_panel(self) -> AdminPanel:
        from kiosk.ui.ops.admin import AdminPanel

        overlay = AdminPanel(self.window, texts=self.bundle.texts)
        overlay.exit_requested.connect(self.exit_application)
        return overlay

    # public API -------------------------------------------------------------------------------

    def overlays(self) -> list[Overlay]:
        """Every overlay made so far (one never opened has nothing to close)."""
        names = ("countdown", "attract", "crash_message", "pin_pad", "admin_panel")
        return [self.__dict__[name] for name in names if name in self.__dict__]

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
        if "admin_panel" in self.__dict__ and self.admin_panel.is_open():
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
        from kiosk.fingerprint import resources_fingerprint
        from kiosk.ops.logs import last_lines, log_failures
        from kiosk.ui.ops.checks import check_bundle

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
        for more in self.check_lines:
            check_lines += more()
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

    def _on_countdown_tick(self, seconds: int) -> None:
        self.countdown.show_seconds(seconds)

    def _on_countdown_cancelled(self) -> None:
        if "countdown" in self.__dict__:
            self.countdown.close_overlay()

    def _on_crash(self) -> None:
        self.usage.count(events.CRASH)
        for overlay in self.overlays():
            overlay.close_overlay()
        self.crash_message.open()

    def _on_page_changed(self, page: str) -> None:
        if self._last_page == PageId.HOME and isinstance(self.window.page(page), Steps):
            self.usage.count(events.JOURNEY_STARTED)
        self._last_page = page

    def _on_pin(self, pin: str) -> None:
        from kiosk.ui.ops.admin import PinOutcome

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
