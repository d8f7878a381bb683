"""Kiosk mode with a broken bundle or settings: 暂停服务, not a black screen or a restart loop.

:class:`OutOfService` shows :class:`~kiosk.ui.out_of_service.OutOfServicePage` (fullscreen and
locked down like the kiosk), logs the technical detail, keeps the admin gate (corner taps, PIN
pad, an admin panel with the problem, the log and 退出程序) when a text catalogue and a PIN hash
could be read, and tries the bundle and settings again every ``retry_ms``: when they load,
:attr:`OutOfService.recovered` hands them over and the kiosk comes back without a restart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk import __version__
from kiosk.content.texts import Texts
from kiosk.content.texts.ops import OUT_OF_SERVICE_FALLBACK
from kiosk.datafile import DataFileError
from kiosk.ops.logs import last_lines, log_failures
from kiosk.settings import KioskSettings
from kiosk.ui.ops.admin import AdminPanel, PinCheck, PinOutcome, PinPad, admin_access
from kiosk.ui.ops.app_filter import filter_application
from kiosk.ui.ops.install import OpsHooks
from kiosk.ui.ops.lockdown import Lockdown
from kiosk.ui.out_of_service import OutOfServicePage

if TYPE_CHECKING:
    from kiosk.bundle import Bundle

log = logging.getLogger(__name__)

LOG_LINES = 30
Loader = Callable[[], "tuple[KioskSettings, Bundle]"]


class OutOfService(QObject):
    """The 暂停服务 page and what keeps it honest; ``texts`` None when no catalogue loads."""

    recovered = Signal(object, object)  # the KioskSettings and the Bundle that now load

    def __init__(
        self,
        *,
        problem: DataFileError,
        settings: KioskSettings,
        texts: Texts | None,
        load: Loader,
        retry_s: float,
        hooks: OpsHooks,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("OutOfService")
        self.problem = str(problem)
        self.settings = settings
        self.texts = texts
        self.hooks = hooks
        self._load = load
        self._retry_s = retry_s
        words = texts.ops.out_of_service if texts is not None else OUT_OF_SERVICE_FALLBACK
        centre = texts.common.centre_name if texts is not None else ""
        self.page = OutOfServicePage(
            texts=words, centre=centre, service_window=settings.service_window
        )
        self.lockdown = Lockdown(self.page, parent=self)
        self.lockdown.install()
        self.gate, self.pin_lock = admin_access(self.page, settings, clock=hooks.clock, parent=self)
        self.pin_pad: PinPad | None = None
        self.admin_panel: AdminPanel | None = None
        if texts is not None:
            self.pin_pad = PinPad(self.page, texts=texts)
            self.admin_panel = AdminPanel(self.page, texts=texts)
            self._connect_gate(self.pin_pad, self.admin_panel)
        else:
            log.error("no text catalogue can be read: the admin panel cannot be shown")
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, round(retry_s * 1000 * hooks.time_scale)))
        self._timer.timeout.connect(self.retry)
        log.error("out of service: %s", self.problem)

    def _connect_gate(self, pad: PinPad, panel: AdminPanel) -> None:
        self.gate.requested.connect(self.open_pin_pad)
        pad.submitted.connect(self._on_pin)
        panel.exit_requested.connect(self.exit_application)
        filter_application(self.gate)

    # public API -------------------------------------------------------------------------------

    def start(self) -> None:
        self._timer.start()

    def retry(self) -> bool:
        """Try the settings and the bundle again; True (and :attr:`recovered`) when they load."""
        try:
            settings, bundle = self._load()
        except DataFileError as exc:
            if str(exc) != self.problem:
                self.problem = str(exc)
                log.error("still out of service: %s", self.problem)
            return False
        log.info("the bundle and settings load again: back in service")
        self._timer.stop()
        self.recovered.emit(settings, bundle)
        return True

    def close(self) -> None:
        """Gone for good (back in service, or the program ends)."""
        self._timer.stop()
        filter_application(self.gate, self.lockdown, on=False)
        self.lockdown.allow_close()
        self.page.close()
        self.page.deleteLater()
        self.deleteLater()

    def open_pin_pad(self) -> None:
        if self.pin_pad is None or (self.admin_panel is not None and self.admin_panel.is_open()):
            return
        self.pin_pad.open()
        self._show_lock_state()

    def admin_sections(self) -> list[tuple[str, list[str], str]]:
        assert self.texts is not None
        ops = self.texts.ops
        words = ops.out_of_service
        problem = [*self.problem.splitlines(), words.retry.format(seconds=round(self._retry_s))]
        logs = last_lines(self.hooks.log_file, LOG_LINES) or [ops.admin_no_log]
        failures = log_failures()
        if failures.count:
            logs.insert(0, ops.log_failures.format(count=failures.count, error=failures.error))
        return [
            (words.problem, problem, ""),
            (ops.admin_versions, [ops.admin_app_version.format(version=__version__)], ""),
            (ops.admin_log, logs, "log"),
        ]

    def exit_application(self) -> None:
        log.info("exit from the admin panel (out of service)")
        self.lockdown.allow_close()
        self.hooks.quit()

    # slots --------------------------------------------------------------------------------------

    def _on_pin(self, pin: str) -> None:
        assert self.pin_pad is not None and self.admin_panel is not None
        result = self.pin_lock.check(pin)
        self.pin_pad.keypad.clear()
        if result.outcome is PinOutcome.OPEN:
            log.info("admin panel opened (out of service)")
            self.pin_pad.close_overlay()
            self.admin_panel.fill(self.admin_sections())
            self.admin_panel.open()
        else:
            self._show_lock_state(result)

    def _show_lock_state(self, result: PinCheck | None = None) -> None:
        assert self.pin_pad is not None
        self.pin_pad.show_check(
            result,
            locked_for=self.pin_lock.locked_for(),
            pin_set=self.settings.admin_pin_hash is not None,
        )


def out_of_service_texts(roots: list[Path], language: str) -> Texts | None:
    """The first text catalogue that loads from ``roots`` (the broken bundle's, then the one
    installed with the program), in ``language``; None if none does."""
    from kiosk import resources
    from kiosk.content.texts import load_texts

    for root in dict.fromkeys(roots):
        try:
            return load_texts(resources.text_dir(root), language)
        except DataFileError:
            continue
    return None


__all__ = ["OutOfService", "out_of_service_texts"]
