"""The program as it runs on a screen: the kiosk window, or 暂停服务 until the bundle loads again;
and a clean end on SIGTERM or SIGHUP.

``main()`` loads the settings and the bundle, then hands over to :class:`KioskService`:
:meth:`~KioskService.serve` builds and shows the window for the mode;
:meth:`~KioskService.suspend` shows :class:`~kiosk.ui.ops.out_of_service.OutOfService` instead
(kiosk mode with a broken bundle or settings), which serves once they load. SIGTERM and SIGHUP
close whatever shows and quit the event loop, so ``main()`` logs "kiosk stopped" and exits 0.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, SignalInstance
from PySide6.QtWidgets import QWidget

from kiosk.datafile import DataFileError
from kiosk.settings import KioskSettings
from kiosk.ui.ops.install import Operations, OpsHooks
from kiosk.ui.ops.stop_signals import StopSignals

if TYPE_CHECKING:
    from kiosk.bundle import Bundle
    from kiosk.content.texts import Texts
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.ops.lockdown import FullscreenKeeper
    from kiosk.ui.ops.out_of_service import Loader, OutOfService

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1366, 768)


class KioskService(QObject):
    """Owns what shows; a child of the application."""

    def __init__(
        self,
        *,
        hooks: OpsHooks,
        size: tuple[int, int] | None = None,
        fullscreen: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.hooks = hooks
        self._size = size or DEFAULT_SIZE
        self._fullscreen = fullscreen
        self.window: MainWindow | None = None
        self.operations: Operations | None = None
        self.out_of_service: OutOfService | None = None
        self._keeper: FullscreenKeeper | None = None
        self.stop_signals = StopSignals(self)
        self.stop_signals.received.connect(self.stop)

    def serve(self, settings: KioskSettings, bundle: Bundle, *, smoke: bool = False) -> MainWindow:
        """Build the window for ``settings`` and show it as the mode says."""
        from kiosk.app import build_kiosk

        if settings.mode == "kiosk" and settings.admin_pin_hash is None:
            log.warning(
                "kiosk mode without admin_pin_hash: the admin panel (and exit) cannot be opened"
            )
        kiosk = build_kiosk(bundle, settings=settings, ops_hooks=self.hooks)
        window, operations = kiosk.window, kiosk.operations
        assert operations is not None  # settings given
        operations.crash_guard.install()
        window.resize(*self._size)
        self.window, self.operations = window, operations
        if smoke:
            from kiosk.smoke import exit_after_first_paint

            if operations.lockdown is not None:
                operations.lockdown.allow_close()
            exit_after_first_paint(window)
        self._show(
            window,
            kiosk=settings.mode == "kiosk",
            settings=settings,
            idle_reset=operations.idle.timed_out,
        )
        operations.start()
        return window

    def suspend(
        self,
        problem: DataFileError,
        settings: KioskSettings,
        *,
        texts: Texts | None,
        font_family: str,
        load: Loader,
    ) -> OutOfService:
        """暂停服务 until ``load`` succeeds, then :meth:`serve` what it loaded. ``font_family``:
        the bundled font if it could be registered, else empty (Qt's default)."""
        from kiosk.ui.ops.out_of_service import OutOfService

        controller = OutOfService(
            problem=problem,
            settings=settings,
            texts=texts,
            load=load,
            retry_s=settings.bundle_retry_s,
            hooks=self.hooks,
            parent=self,
        )
        controller.recovered.connect(self._on_recovered)
        self.out_of_service = controller
        from kiosk.ui.main_window import apply_theme
        from kiosk.ui.theme import Preset, Theme

        apply_theme(
            controller.page,
            Preset(settings.default_preset),
            Theme(settings.default_theme),
            font_family,
        )
        controller.page.resize(*self._size)
        self._show(controller.page, kiosk=True, settings=settings)
        controller.start()
        return controller

    def stop(self, reason: str) -> None:
        """SIGTERM / SIGHUP: close what shows (lockdown lifted) and quit the event loop."""
        log.info("%s received: stopping", reason)
        if self._keeper is not None:
            self._keeper.release()
        if self.operations is not None and self.operations.lockdown is not None:
            self.operations.lockdown.allow_close()
        if self.out_of_service is not None:
            self.out_of_service.close()
            self.out_of_service = None
        if self.window is not None:
            self.window.close()
        QCoreApplication.quit()

    def shutdown(self) -> None:
        """After the event loop: the process's handlers back as they were."""
        if self.operations is not None:
            self.operations.crash_guard.uninstall()
        self.stop_signals.uninstall()

    # slots --------------------------------------------------------------------------------------

    def _on_recovered(self, settings: KioskSettings, bundle: Bundle) -> None:
        if self.out_of_service is not None:
            self.out_of_service.close()
            self.out_of_service = None
        self.serve(settings, bundle)

    def _show(
        self,
        widget: QWidget,
        *,
        kiosk: bool,
        settings: KioskSettings,
        idle_reset: SignalInstance | None = None,
    ) -> None:
        """Kiosk mode: fullscreen on top, held there (and restored at each ``idle_reset``)."""
        if kiosk:
            from kiosk.ui.ops.lockdown import show_kiosk_window

            self._keeper = show_kiosk_window(
                widget, hide_cursor=settings.cursor_hidden, idle_reset=idle_reset
            )
        elif self._fullscreen:
            widget.showFullScreen()
        else:
            widget.show()


__all__ = ["KioskService"]
