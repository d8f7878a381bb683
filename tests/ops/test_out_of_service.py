"""暂停服务 (kiosk.ui.ops.out_of_service): what the citizen reads, what staff can still do, and the
return to service once the files load again."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from opskit import PIN, FakeClock, OpsEnv
from PySide6.QtCore import QCoreApplication, QEvent, QPoint
from test_ops_attract_admin import tap, touch_device  # noqa: F401 (autouse)

from kiosk import resources
from kiosk.content.texts.ops import OUT_OF_SERVICE_FALLBACK, OutOfServiceTexts
from kiosk.datafile import validate
from kiosk.rules.loader import DataFileError
from kiosk.settings import KioskSettings, validate_settings
from kiosk.ui.ops.install import OpsHooks
from kiosk.ui.ops.out_of_service import OutOfService

PROBLEM = DataFileError(Path("/opt/kiosk/resources/rules/rates.toml"), "pension[0]", "broken")


class Loader:
    """Stands in for loading the settings and the bundle: fails until ``fixed``."""

    def __init__(self, bundle: Any) -> None:
        self.bundle = bundle
        self.fixed = False
        self.calls = 0

    def __call__(self) -> tuple[KioskSettings, Any]:
        self.calls += 1
        if not self.fixed:
            raise PROBLEM
        return KioskSettings(mode="kiosk"), self.bundle


@pytest.fixture
def suspended(
    qtbot: Any, bundle: Any, ops_env: OpsEnv, clock: FakeClock, pin_hash: str
) -> Iterator[Any]:
    made: list[OutOfService] = []

    def make(*, texts: Any = "bundle", size: tuple[int, int] = (1366, 768), **values: Any):
        values.setdefault("admin_pin_hash", pin_hash)
        values.setdefault("mode", "kiosk")
        settings = validate_settings(values)
        loader = Loader(bundle)
        controller = OutOfService(
            problem=PROBLEM,
            settings=settings,
            texts=bundle.texts if texts == "bundle" else texts,
            load=loader,
            retry_s=30,
            hooks=OpsHooks(
                quit=ops_env.quit, clock=clock, time_scale=0.001, log_file=ops_env.log_file
            ),
        )
        from kiosk.ui.main_window import apply_theme
        from kiosk.ui.theme import Preset, Theme

        apply_theme(controller.page, Preset.LARGE, Theme.STANDARD, bundle.font_family)
        controller.page.resize(*size)
        controller.page.show()
        qtbot.wait_exposed(controller.page)
        made.append(controller)
        return controller, loader

    yield make
    for controller in made:
        controller.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_page_speaks_to_the_citizen_and_names_the_service_window(suspended, texts) -> None:
    controller, _ = suspended(service_window=3)
    page = controller.page
    words = texts.ops.out_of_service
    assert page.title.text() == "暂停服务"
    assert page.where.text() == "请到3号窗口办理或咨询。"
    assert page.body.text() == words.body and page.back.text() == words.back
    shown = " ".join(label.text() for label in (page.title, page.body, page.where, page.back))
    assert "rates.toml" not in shown and "/" not in shown  # no technical detail for citizens
    assert not page.close()  # locked down like the kiosk


def test_without_a_service_window_it_sends_citizens_to_the_hall(suspended, texts) -> None:
    controller, _ = suspended()
    assert controller.page.where.text() == texts.ops.out_of_service.desk


def test_staff_reach_the_admin_panel_which_names_the_problem_and_can_exit(
    suspended, clock: FakeClock, texts: Any, ops_env: OpsEnv
) -> None:
    controller, _ = suspended()
    for _ in range(7):
        tap(controller.page, QPoint(10, 10), clock)
    assert controller.pin_pad is not None and controller.pin_pad.is_open()
    controller.pin_pad.enter(PIN)
    panel = controller.admin_panel
    assert panel is not None and panel.is_open()
    problem = panel.section_text(texts.ops.out_of_service.problem)
    assert str(PROBLEM) in problem
    assert "每30秒自动重新检查一次。" in problem
    assert "out of service: " in panel.section_text(texts.ops.admin_log)
    panel.exit_button.click()
    assert ops_env.quit.calls == 1


def test_it_retries_and_hands_over_what_loads(suspended, bundle: Any, qtbot: Any) -> None:
    controller, loader = suspended()
    recovered: list[tuple[Any, Any]] = []
    controller.recovered.connect(lambda settings, loaded: recovered.append((settings, loaded)))
    controller.start()
    qtbot.wait_until(lambda: loader.calls >= 3)  # a retry every 30 ms (time_scale): still broken
    assert recovered == []
    loader.fixed = True
    qtbot.wait_until(lambda: recovered != [])
    assert recovered[0][1] is bundle
    calls = loader.calls
    qtbot.wait(100)
    assert loader.calls == calls  # no more retries once back in service


def test_no_catalogue_at_all_still_shows_the_page(suspended) -> None:
    controller, _ = suspended(texts=None, service_window=5)
    assert controller.page.title.text() == OUT_OF_SERVICE_FALLBACK.title
    assert controller.page.where.text() == "请到5号窗口办理或咨询。"
    assert controller.pin_pad is None  # nothing to word a PIN pad with


def test_the_fallback_words_are_the_catalogue_s() -> None:
    path = resources.text_dir() / "zh_CN" / "ops.toml"
    bundled = tomllib.loads(path.read_text(encoding="utf-8"))["out_of_service"]
    assert validate(OutOfServiceTexts, bundled) == OUT_OF_SERVICE_FALLBACK


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_page_fits_every_screen_in_large_text(
    suspended, bundle: Any, size: tuple[int, int], language: str, tmp_path: Path
) -> None:
    from kiosk.ui.layout_check import check_layout

    controller, _ = suspended(texts=bundle.catalogue(language), size=size, service_window=12)
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert check_layout(controller.page) == []
    controller.open_pin_pad()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert check_layout(controller.page) == []
