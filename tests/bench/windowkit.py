"""The real main window for the in-process benchmarks (page_switch.py, memory.py): built as the
e2e tests build it (or as ``main()`` builds it, :func:`serve`), shown offscreen at the hall
terminal's size, driven through its public API and its own buttons, and waited on until the screen
it shows has been painted. Pages are built as the window builds them: when first shown.

It imports no more of the kiosk than the window does: each visit imports the walks it takes when
it takes them (every walk imports every journey's page, the rules and their validation), so a
memory figure is the program's, not this harness's."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import Bundle, build_main_window
from kiosk.journeys import JOURNEYS
from kiosk.journeys import load as load_walks
from kiosk.settings import KioskSettings
from kiosk.ui.main_window import MainWindow
from kiosk.ui.navigation import PageId
from kiosk.ui.pages.faq import FaqPage
from kiosk.ui.pages.home import HomePage
from kiosk.ui.pages.journey import Journey

if TYPE_CHECKING:
    from kiosk.ui.walks import WalkContext

SIZE = (1920, 1080)
PAINT_TIMEOUT_S = 5.0
SETTLE_AFTER_BUILD_S = 0.5  # what the window defers past its first paint runs in this time
HARMLESS_QT_MESSAGES = ("propagateSizeHints",)  # the offscreen platform's, on every page switch


def application() -> QApplication:
    """The process's QApplication, offscreen unless a platform was chosen. Qt's messages go to
    stderr, except the offscreen platform's harmless one."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


def build_window(bundle: Bundle, size: tuple[int, int] = SIZE) -> MainWindow:
    """The real window, shown and painted, and what it does after its first paint done.
    ``bundle``: from :func:`kiosk.app.load_bundle`."""
    window = build_main_window(bundle, today=date.today)
    window.resize(*size)
    window.show()
    wait_painted(window)
    run_event_loop(SETTLE_AFTER_BUILD_S)
    settle()
    return window


def serve(bundle: Bundle, size: tuple[int, int] = SIZE) -> MainWindow:
    """The window as ``main()`` shows it for the default settings (windowed, the attract screen
    at start, the kiosk operations installed), painted, and what it does after its first paint
    done."""
    from kiosk.service import KioskService
    from kiosk.ui.ops.install import OpsHooks

    service = KioskService(hooks=OpsHooks(), size=size, parent=QApplication.instance())
    window = service.serve(KioskSettings(), bundle)
    wait_painted(window)
    run_event_loop(SETTLE_AFTER_BUILD_S)
    settle()
    return window


def shown_screen(window: MainWindow) -> QWidget:
    """The innermost screen on show: a journey's question or result, an FAQ screen, or a page."""
    page = window.page(window.current_page())
    if isinstance(page, Journey):
        return page.stack.currentWidget() or page
    return page


def time_to_paint(window: MainWindow, action: Callable[[], object]) -> float:
    """Seconds from calling ``action`` (a touch, a navigation call) to the end of the paint pass
    that paints the screen then on show."""
    start = time.perf_counter()
    action()
    wait_painted(shown_screen(window))
    return time.perf_counter() - start


def wait_painted(widget: QWidget, timeout_s: float = PAINT_TIMEOUT_S) -> None:
    """Run the event loop until ``widget`` is sent a Paint event and that paint pass (its children,
    the flush) is over; TimeoutError if it is not painted within ``timeout_s``."""
    loop = QEventLoop()
    watch = _PaintWatch(widget, loop)
    widget.installEventFilter(watch)
    timeout = QTimer()
    timeout.setSingleShot(True)
    timeout.timeout.connect(loop.quit)
    timeout.start(round(timeout_s * 1000))
    try:
        loop.exec()
    finally:
        timeout.stop()
        widget.removeEventFilter(watch)
    if not watch.painted:
        raise TimeoutError(f"{type(widget).__name__} was not painted within {timeout_s} s")


def settle() -> None:
    """Let what a step left behind run before the next one: layout passes, deferred deletes."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def run_event_loop(seconds: float) -> None:
    """The event loop for ``seconds``, as while a citizen reads the screen."""
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


class Visit:
    """A citizen's visit through the real window; each step returns once its screen is painted."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def walks(self, context: WalkContext) -> None:
        """Every walk of kiosk/ui/walks, as the self-test takes it; its result checked."""
        from kiosk.selftest import every_walk

        for walk in every_walk():
            self.go_home()
            self.show(partial(self.window.show_page, walk.page))
            journey = self.window.page(walk.page)
            assert isinstance(journey, Journey)
            for answer in walk.answers:
                self.show(partial(answer, journey))
            ok, detail = walk.check(journey, context)
            if not ok:
                raise RuntimeError(f"the {walk.name} walk did not reach its result: {detail}")

    def faq(self, *, answers_per_category: int | None) -> int:
        """Every category's list and its answers (all, or the first few); the answers opened."""
        faq = self.faq_page()
        self.go_home()
        self.show(partial(self.window.show_page, PageId.FAQ))
        opened = 0
        for tile in list(faq.categories.tiles.values()):
            self.show(tile.click)
            count = len(faq.questions.question_buttons())
            for number in range(min(count, answers_per_category or count)):
                self.show(faq.questions.question_buttons()[number].click)
                self.show(self.window.go_back)
                opened += 1
            self.show(self.window.go_back)
        return opened

    def search(self, queries: Sequence[str]) -> None:
        """Each query typed on the touch keyboard, after 清空."""
        faq = self.faq_page()
        self.show(faq.categories.search_button.click)
        for query in queries:
            faq.search.keyboard.press("clear")  # perhaps empty already: nothing to paint
            settle()
            for key in query:
                self.show(partial(faq.search.keyboard.press, key))

    def guide(self) -> None:
        self.show(partial(self.window.show_page, PageId.GUIDE))
        self.go_home()

    def one_citizen(self, context: WalkContext, pdf: Path) -> None:
        """One citizen's visit (issue 16): past the attract screen, the retirement journey to its
        result through the home tile, its QR code shown and closed, its sheet saved as a PDF
        (``pdf``; the path a save dialog would return), home; one FAQ answer; home."""
        from kiosk.ui.ops.install import Operations
        from kiosk.ui.print_actions import SheetActions

        operations = self.window.findChild(Operations)
        if operations is not None and operations.attract.is_open():  # a touch dismisses it
            attract = operations.attract
            self.show(partial(QTest.mouseClick, attract, Qt.MouseButton.LeftButton))
        home = self.window.page(PageId.HOME)
        assert isinstance(home, HomePage)
        spec = next(spec for spec in JOURNEYS if spec.id == "retirement")
        walk = next(walk for walk in load_walks(spec.walks) if walk.name == "retirement")
        self.show(home.tiles[walk.page].click)
        journey = self.window.page(walk.page)
        assert isinstance(journey, Journey)
        for answer in walk.answers:
            self.show(partial(answer, journey))
        ok, detail = walk.check(journey, context)
        if not ok:
            raise RuntimeError(f"the retirement walk did not reach its result: {detail}")
        actions = journey.findChild(SheetActions)
        assert actions is not None
        view = actions.show_qr()
        assert view is not None
        wait_painted(view)
        view.close_button.click()
        settle()
        sheet = journey.sheet(datetime.now())
        assert sheet is not None and journey.take_away is not None
        journey.take_away.save_sheet(sheet, pdf)
        if not pdf.is_file():
            raise RuntimeError(f"no PDF written to {pdf}")
        self.show(self.window.header.home_button.click)
        self.show(partial(self.window.show_page, PageId.FAQ))
        faq = self.faq_page()
        self.show(next(iter(faq.categories.tiles.values())).click)
        self.show(faq.questions.question_buttons()[0].click)
        self.show(self.window.header.home_button.click)

    def faq_page(self) -> FaqPage:
        page = self.window.page(PageId.FAQ)
        assert isinstance(page, FaqPage)
        return page

    def show(self, action: Callable[[], object]) -> None:
        time_to_paint(self.window, action)

    def go_home(self) -> None:
        self.window.go_home()  # perhaps already there: nothing to paint
        settle()


class _PaintWatch(QObject):
    """Ends ``loop`` once ``target`` has been sent a Paint event and the pass painting it is over."""

    def __init__(self, target: QWidget, loop: QEventLoop) -> None:
        super().__init__()
        self._target = target
        self._loop = loop
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._target and event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self._loop.quit)  # runs after the rest of this paint pass
        return False


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if not any(harmless in message for harmless in HARMLESS_QT_MESSAGES):
        print(f"qt: {message}", file=sys.stderr, flush=True)
