"""The idle watcher and the 继续使用 countdown that follows it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kiosk.content.texts import Texts
from kiosk.ui.ops.app_filter import filter_application
from kiosk.ui.ops.overlay import Overlay
from kiosk.ui.widgets.style import button, label

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Application-wide idle detection: an event filter that restarts a timer on every press,
    touch, key or wheel event and never swallows one (``eventFilter`` always returns False).

    After ``idle_ms`` without input it starts a countdown of ``countdown_s`` ticks of ``tick_ms``
    (:attr:`countdown_started`, :attr:`countdown_tick` with the seconds left); any input cancels it
    (:attr:`countdown_cancelled`); at zero it emits :attr:`timed_out` and stays quiet until the next
    input (an untouched terminal is not reset over and over).

    Holding off the reset while busy (printing, say): ``watcher.hold()`` ... ``watcher.release()``,
    or ``with watcher.held(): ...``. Holds nest; while any is held no countdown starts and a running
    one is cancelled; the idle time starts again from the last release.
    """

    countdown_started = Signal(int)
    countdown_tick = Signal(int)
    countdown_cancelled = Signal()
    timed_out = Signal()

    def __init__(
        self,
        *,
        idle_ms: int,
        countdown_s: int,
        tick_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self._on_idle)
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self._on_tick)
        self._countdown_s = countdown_s
        self._remaining = 0
        self._holds = 0
        self._armed = False

    # public API -------------------------------------------------------------------------------

    def start(self) -> None:
        """Watch every event of the application (until this object is deleted or stopped)."""
        filter_application(self)

    def stop(self) -> None:
        filter_application(self, on=False)
        self._idle.stop()
        self._tick.stop()
        self._armed = False

    def activity(self) -> None:
        """Someone is there: cancel a countdown and start the idle time again."""
        self._armed = True
        if self._tick.isActive():
            self._tick.stop()
            self.countdown_cancelled.emit()
        if self._holds == 0:
            self._idle.start()

    def counting_down(self) -> bool:
        return self._tick.isActive()

    def remaining(self) -> int:
        return self._remaining if self.counting_down() else 0

    def hold(self) -> None:
        """Hold off the idle reset until the matching :meth:`release`."""
        self._holds += 1
        self._idle.stop()
        if self._tick.isActive():
            self._tick.stop()
            self.countdown_cancelled.emit()

    def release(self) -> None:
        if self._holds == 0:
            raise RuntimeError("IdleWatcher.release() without hold()")
        self._holds -= 1
        if self._holds == 0 and self._armed:
            self._idle.start()

    @contextmanager
    def held(self) -> Iterator[None]:
        self.hold()
        try:
            yield
        finally:
            self.release()

    def disarm(self) -> None:
        """Stop counting until the next input (the session has just been reset)."""
        self._armed = False
        self._idle.stop()
        if self._tick.isActive():
            self._tick.stop()
            self.countdown_cancelled.emit()

    # slots --------------------------------------------------------------------------------------

    def _on_idle(self) -> None:
        if self._holds:
            return
        self._remaining = self._countdown_s
        self._tick.start()
        self.countdown_started.emit(self._remaining)

    def _on_tick(self) -> None:
        self._remaining -= 1
        if self._remaining > 0:
            self.countdown_tick.emit(self._remaining)
            return
        self._tick.stop()
        self._armed = False
        self.timed_out.emit()

    # Qt overrides ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self.activity()
        return False


class CountdownOverlay(Overlay):
    """还在使用吗？ N 秒后清除 ... with one big 继续使用 button. A touch anywhere continues (the
    watcher sees it); the button is there so nobody has to guess."""

    continue_requested = Signal()

    def __init__(self, host: QWidget, *, texts: Texts) -> None:
        super().__init__(host, name="CountdownOverlay")
        self._texts = texts.ops
        self.title = label(self._texts.countdown_title, "heading")
        self.body = label("", "countdown")
        self.continue_button = button(
            self._texts.countdown_continue, "primary", name="continue_session"
        )
        self.continue_button.clicked.connect(self.continue_requested)
        for widget in (self.title, self.body):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_column.addWidget(self.title)
        self.card_column.addWidget(self.body)
        self.card_column.addWidget(self.continue_button)

    def retitle(self, texts: Texts) -> None:
        """In the session's language (after a language switch)."""
        self._texts = texts.ops
        self.title.setText(self._texts.countdown_title)
        self.continue_button.setText(self._texts.countdown_continue)

    def show_seconds(self, seconds: int) -> None:
        self.body.setText(self._texts.countdown_body.format(seconds=seconds))
