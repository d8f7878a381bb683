"""The journey registry: every journey is read from one table, and a fourth journey (test-only,
``demo_journey``) registered beside the three appears on home, in the CLI and in the self-test
without touching their files."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from datetime import datetime

import pytest

from kiosk.app import build_main_window
from kiosk.cli import main as calc
from kiosk.journeys import JOURNEYS, by_id, load
from kiosk.selftest import every_walk, run_self_test
from kiosk.ui.pages.home import paginate
from kiosk.ui.pages.journey import Journey
from tests.conftest import TODAY, free_window
from tests.journeys.demo_journey import DEMO, DemoJourney

WITH_DEMO = (*JOURNEYS, DEMO)


def test_each_journey_is_registered_once_and_loads() -> None:
    ids = [spec.id for spec in JOURNEYS]
    assert ids == ["retirement", "contribution", "pension"]  # the order of the home tiles
    for spec in JOURNEYS:
        assert issubclass(load(spec.page), Journey)
        assert {walk.page for walk in load(spec.walks)} == {spec.id}
        assert spec.cli and spec.cli[0].name == spec.id
    assert by_id(WITH_DEMO, DEMO.id) is DEMO


def test_the_fourth_journey_is_on_home_and_walks_to_its_result(qtbot, bundle) -> None:
    window = build_main_window(bundle, journeys=WITH_DEMO, today=lambda: TODAY)
    try:
        window.show()
        home = window.page("home")
        assert list(home.tiles) == [*(spec.id for spec in JOURNEYS), DEMO.id]  # type: ignore[attr-defined]
        home.tiles[DEMO.id].click()  # type: ignore[attr-defined]
        page = window.page(window.current_page())
        assert isinstance(page, DemoJourney)
        page.months.set_total_months(30)
        page.next()
        assert page.result_view is not None
        assert page.result_view.figure_texts() == ["2年6个月"]
        sheet = page.sheet(datetime(2026, 11, 29, 10, 5))
        assert sheet is not None and sheet.kind == DEMO.id and "2年6个月" in sheet.summary
    finally:
        free_window(window)


def test_on_a_landscape_screen_the_fourth_tile_is_one_touch_away(qtbot, bundle) -> None:
    """Three places to a row: 更多选项 takes the third, and the next page starts with 上一页
    (so the tiles keep the size the largest text needs)."""
    window = build_main_window(bundle, journeys=WITH_DEMO, today=lambda: TODAY)
    try:
        window.resize(1366, 768)
        window.show()
        home = window.page("home")
        tiles = home.tiles  # type: ignore[attr-defined]
        assert [t.isVisible() for t in tiles.values()] == [True, True, False, False]
        assert home.more_tile.isVisible() and not home.back_tile.isVisible()  # type: ignore[attr-defined]
        assert home.more_tile.detail_label.text() == "第1/2页"  # type: ignore[attr-defined]
        home.more_tile.click()  # type: ignore[attr-defined]
        assert [t.isVisible() for t in tiles.values()] == [False, False, True, True]
        assert home.back_tile.isVisible() and not home.more_tile.isVisible()  # type: ignore[attr-defined]
        home.back_tile.click()  # type: ignore[attr-defined]
        assert tiles[JOURNEYS[0].id].isVisible()
        window.resize(1080, 1920)  # portrait: one column, everything on one page
        qtbot.waitUntil(lambda: all(t.isVisible() for t in tiles.values()))
        assert not home.more_tile.isVisible()  # type: ignore[attr-defined]
    finally:
        free_window(window)


@pytest.mark.parametrize(
    ("tiles", "pages"),
    [
        (3, ["abc"]),
        (4, ["ab>", "<cd"]),
        (5, ["ab>", "<c>", "<de"]),
        (6, ["ab>", "<c>", "<d>", "<ef"]),
    ],
)
def test_home_pages_hold_three_places(tiles: int, pages: list[str]) -> None:
    names = "abcdef"[:tiles]
    laid = paginate(list(names), ">", "<")  # type: ignore[arg-type]
    assert ["".join(page) for page in laid] == pages


def test_the_fourth_journey_is_in_the_cli() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        code = calc([DEMO.id, "--months", "30"], journeys=WITH_DEMO)
    assert code == 0
    data = json.loads(out.getvalue())
    assert data["months"] == 30 and data["years"] == 2
    assert data["presentation"]["figures"][0]["value"] == "2年6个月"


def test_the_fourth_journey_is_in_the_self_test(bundle) -> None:
    out = io.StringIO()
    code = run_self_test(bundle, journeys=WITH_DEMO, today=lambda: TODAY, out=out)
    lines = out.getvalue().splitlines()
    assert code == 0, [line for line in lines if line.startswith("FAIL")]
    assert f"PASS {DEMO.id} figures 1366x768 standard standard: 2年6个月" in lines
    assert {walk.name for walk in every_walk(WITH_DEMO)} >= {"retirement", DEMO.id, "faq"}
