"""打印 / 保存PDF / 扫码带走 on the result screens of the real window, with the printer, the save
dialog and the clock injected."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import zxingcpp
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton

from kiosk.content.texts import Texts
from kiosk.selftest import every_walk
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.journey import Journey
from kiosk.ui.print_actions import QrView, SheetActions, TakeAway
from kiosk.ui.walks import Walk

WALKS = every_walk()

NOW = datetime(2026, 11, 29, 10, 5)
TODAY = NOW.date()
CALCULATIONS = ("retirement", "contribution", "pension")
CALCULATION_WALKS = [walk for walk in WALKS if walk.name in CALCULATIONS]


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


class SaveDialog:
    """Stands in for QFileDialog: records the suggestion, answers with a path in tmp_path."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.suggested: list[Path] = []

    def __call__(self, parent: object, suggested: Path, texts: Texts) -> Path | None:
        self.suggested.append(suggested)
        return self.folder / "chosen"  # no suffix: .pdf is added


@pytest.fixture
def save_dialog(tmp_path: Path) -> SaveDialog:
    return SaveDialog(tmp_path)


@pytest.fixture
def take_away(bundle, tmp_path: Path, save_dialog: SaveDialog) -> TakeAway:
    return TakeAway(
        texts=bundle.texts,
        font_family=bundle.font_family,
        find_printer=lambda: pdf_printer(tmp_path / "printed.pdf"),
        choose_save_path=save_dialog,
        save_dir=lambda: tmp_path,
        now=lambda: NOW,
    )


@pytest.fixture
def kiosk_window(qtbot, bundle, take_away: TakeAway):
    from sheet_helpers import free_window

    from kiosk.app import build_main_window

    window = build_main_window(bundle, today=lambda: TODAY, take_away=take_away)
    window.resize(1366, 768)
    window.show()
    qtbot.wait_exposed(window)
    yield window
    free_window(window)


def walk_to_result(window: MainWindow, walk: Walk) -> Journey:
    window.show_page(walk.page)
    journey = window.pages[walk.page]
    assert isinstance(journey, Journey)
    for answer in walk.answers:
        answer(journey)
    journey = walk.ended_on(journey)
    assert journey.showing_result()
    return journey


def actions_of(journey: Journey) -> SheetActions:
    assert journey.result_area is not None
    actions = journey.result_area.findChild(SheetActions)
    assert actions is not None
    return actions


def failure_detail(actions: SheetActions) -> str:
    """What the failure view over the result says (it must be showing)."""
    view = actions.failure_view
    assert view is not None and view.isVisible()
    assert view.geometry() == view.parentWidget().rect()
    return view.detail.text()


def decoded(image: QImage) -> list[str]:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return [barcode.text for barcode in zxingcpp.read_barcodes(gray)]


@pytest.mark.parametrize("walk", CALCULATION_WALKS, ids=CALCULATIONS)
def test_every_result_offers_the_three_actions_next_to_the_pinned_row(
    kiosk_window: MainWindow, walk: Walk
) -> None:
    journey = walk_to_result(kiosk_window, walk)
    actions = actions_of(journey)
    assert [b.text() for b in (actions.print_button, actions.save_button, actions.qr_button)] == [
        "打印",
        "保存PDF",
        "扫码带走",
    ]
    assert all(
        b.isVisible() for b in (actions.print_button, actions.save_button, actions.qr_button)
    )
    assert journey.result_area is not None
    assert journey.result_area.findChild(QPushButton, "result_home").isVisible()
    sheet = journey.sheet(NOW)
    assert sheet is not None and sheet.figures


def test_print_shows_progress_then_handed_over_and_holds_the_idle_reset(
    qtbot, kiosk_window: MainWindow, take_away: TakeAway, tmp_path: Path
) -> None:
    """Without a printing system to follow the job in (Qt alone, as on Windows), the screen says
    what is known: 已发送到打印机, never 打印完成. test_print_cups.py follows jobs in CUPS."""
    journey = walk_to_result(kiosk_window, CALCULATION_WALKS[0])
    actions = actions_of(journey)
    busy: list[bool] = []
    take_away.busy_changed.connect(busy.append)
    actions.print_button.click()
    assert actions.status.text() == "正在打印…" and take_away.busy
    qtbot.wait_until(lambda: not take_away.busy)
    assert actions.status.text().startswith("已发送到打印机")
    assert busy == [True, False]
    assert not actions.retry_button.isVisible()
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 1


@pytest.mark.qt_log_ignore("QPainter::begin")  # what Qt says when the printer refuses
def test_print_failure_says_so_and_offers_retry(
    qtbot, kiosk_window: MainWindow, take_away: TakeAway, tmp_path: Path
) -> None:
    journey = walk_to_result(kiosk_window, CALCULATION_WALKS[1])
    actions = actions_of(journey)
    actions._printer = pdf_printer(tmp_path / "no such folder" / "x.pdf")
    actions.print_button.click()
    qtbot.wait_until(lambda: not take_away.busy)
    assert actions.status.text() == "打印失败"
    assert failure_detail(actions).startswith("打印机现在用不了。您可以点“重试”")
    assert actions.status.property("failed") is True
    assert actions.retry_button.isVisible()
    actions._printer = pdf_printer(tmp_path / "printed.pdf")
    actions.retry_button.click()
    qtbot.wait_until(lambda: not take_away.busy)
    assert actions.status.text().startswith("已发送到打印机")
    assert not actions.retry_button.isVisible()


def test_save_pdf_suggests_a_name_and_writes_the_sheet(
    kiosk_window: MainWindow, save_dialog: SaveDialog, tmp_path: Path
) -> None:
    journey = walk_to_result(kiosk_window, CALCULATION_WALKS[2])
    actions = actions_of(journey)
    actions.save_button.click()
    assert save_dialog.suggested == [tmp_path / "养老金测算单_2026-11-29_1005.pdf"]
    saved = tmp_path / "chosen.pdf"
    assert len(PdfReader(saved).pages) == 1
    assert actions.status.text() == f"已保存：{saved}"


def test_scan_to_take_away_shows_a_decodable_qr_and_goes_with_the_result(
    qtbot, kiosk_window: MainWindow
) -> None:
    journey = walk_to_result(kiosk_window, CALCULATION_WALKS[0])
    actions = actions_of(journey)
    actions.qr_button.click()
    view = actions.qr_view
    assert isinstance(view, QrView) and view.isVisible()
    assert view.geometry() == view.parentWidget().rect()
    sheet = journey.sheet(NOW)
    assert sheet is not None
    assert decoded(view.code.grab().toImage()) == [sheet.summary]
    view.close_button.click()
    assert not view.isVisible()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the loop between taps
    actions.qr_button.click()  # again: a new view (this crashed once the closed one was deleted)
    assert actions.qr_view is not None and actions.qr_view.isVisible()
    kiosk_window.go_home()  # 首页 / idle reset: the result and its QR view are gone
    assert journey.result_area is None
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert journey.findChildren(QrView) == []  # not even hidden in the result frame kept


def test_no_printer_no_print_button_and_actions_can_be_switched_off(
    qtbot, bundle, tmp_path: Path
) -> None:
    from sheet_helpers import free_window

    from kiosk.app import build_main_window

    service = TakeAway(
        texts=bundle.texts,
        font_family=bundle.font_family,
        save_pdf_enabled=False,
        find_printer=lambda: None,
    )
    window = build_main_window(bundle, today=lambda: TODAY, take_away=service)
    try:
        window.show()
        actions = actions_of(walk_to_result(window, CALCULATION_WALKS[0]))
        assert actions.print_button.isHidden() and actions.save_button.isHidden()
        assert actions.qr_button.isVisible()
    finally:
        free_window(window)


def test_the_default_window_has_the_actions(window: MainWindow) -> None:
    """The window tests use (conftest's fixture): the take-away service comes with it."""
    journey = window.pages["retirement"]
    assert isinstance(journey, Journey) and journey.take_away is not None
    actions = actions_of(walk_to_result(window, CALCULATION_WALKS[0]))
    assert actions.qr_button.isVisible()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
def test_the_action_rows_fit_every_screen_and_text_size(
    qtbot, kiosk_window: MainWindow, size: tuple[int, int]
) -> None:
    """With a printer all three actions show; nothing is clipped or overlaps in any preset."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from kiosk.ui.layout_check import check_layout
    from kiosk.ui.theme import Preset

    kiosk_window.resize(*size)
    for preset in Preset:
        kiosk_window.set_preset(preset)
        for walk in CALCULATION_WALKS:
            kiosk_window.go_home()
            actions = actions_of(walk_to_result(kiosk_window, walk))
            assert actions.print_button.isVisible()
            for _ in range(3):
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            assert check_layout(kiosk_window) == [], (walk.name, preset)
            actions.qr_button.click()
            for _ in range(3):
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            assert check_layout(kiosk_window) == [], (walk.name, preset, "qr")


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
def test_the_failure_view_fits_every_screen_and_text_size(
    qtbot, kiosk_window: MainWindow, size: tuple[int, int]
) -> None:
    """打印失败 and 保存失败 over the result, in both languages: nothing clipped or overlapping."""
    from errno import ENOSPC

    from PySide6.QtCore import QCoreApplication, QEvent

    from kiosk.ops.print_jobs import Failure
    from kiosk.ui.layout_check import check_layout
    from kiosk.ui.theme import Preset

    kiosk_window.resize(*size)
    for language in ("zh_CN", "en"):
        kiosk_window.set_language(language)
        for preset in Preset:
            kiosk_window.set_preset(preset)
            kiosk_window.go_home()
            actions = actions_of(walk_to_result(kiosk_window, CALCULATION_WALKS[1]))
            actions._service.service_window = 12
            actions._print_failed(Failure.TIMED_OUT)
            for _ in range(3):
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            assert check_layout(kiosk_window) == [], (language, preset, "print")
            long_path = Path("/home/clerk/Documents") / ("缴费测算单_2026-11-29_1005" * 2 + ".pdf")
            actions._save_failed(long_path, OSError(ENOSPC, "No space left on device"))
            for _ in range(3):
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            assert check_layout(kiosk_window) == [], (language, preset, "save")
