"""The home screen's language button: every page rebuilt in English and back, only for one session
(reset_session and the idle reset return to Chinese), and every English screen laid out without
clipped text at the supported sizes and presets (the self-test's walks with the English texts)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from kiosk.selftest import SIZES, SelfTest
from kiosk.ui.navigation import PageId
from kiosk.ui.pages.home import HomePage
from kiosk.ui.theme import Preset, Theme
from kiosk.ui.walks import WalkContext
from tests.conftest import TODAY, free_window

WAIT_MS = 3000


def home(window: Any) -> HomePage:
    page = window.pages[PageId.HOME]
    assert isinstance(page, HomePage)
    return page


def tile_titles(window: Any) -> dict[PageId, str]:
    page = home(window)
    return {p: tile.title_label.text() for p, tile in {**page.tiles, **page.info_tiles}.items()}


def expected_titles(texts: Any) -> dict[PageId, str]:
    return {
        "retirement": texts.home.retirement_title,
        "contribution": texts.home.contribution_title,
        "pension": texts.home.pension_title,
        PageId.FAQ: texts.faq.tile_title,
        PageId.GUIDE: texts.faq.guide_tile_title,
    }


def switch(qtbot: Any, window: Any) -> None:
    button = home(window).language_button
    assert button.objectName() == "language"
    assert button.isVisible()
    button.click()


def test_switching_on_home_changes_the_tiles_and_back(qtbot: Any, window: Any, bundle: Any) -> None:
    zh, en = bundle.catalogue("zh_CN"), bundle.catalogue("en")
    assert tile_titles(window) == expected_titles(zh)
    assert home(window).language_button.text() == "English"
    switch(qtbot, window)
    assert window.language == "en"
    assert window.current_page() == PageId.HOME
    assert tile_titles(window) == expected_titles(en)
    assert home(window).language_button.text() == "中文"
    assert window.header.title.text() == en.common.centre_name
    assert window.footer.privacy.text() == en.common.privacy
    switch(qtbot, window)
    assert window.language == "zh_CN"
    assert tile_titles(window) == expected_titles(zh)
    assert window.header.title.text() == zh.common.centre_name


def test_the_english_pages_are_wired(qtbot: Any, window: Any, bundle: Any) -> None:
    switch(qtbot, window)
    home(window).tiles["retirement"].click()
    assert window.current_page() == "retirement"
    assert window.header.home_button.text() == bundle.catalogue("en").common.home
    window.header.home_button.click()
    assert window.current_page() == PageId.HOME
    assert window.language == "en"  # 首页 keeps the session's language
    home(window).info_tiles[PageId.FAQ].click()
    assert window.current_page() == PageId.FAQ
    note = window.pages[PageId.FAQ].findChild(object, "faq_content_language")
    assert note is not None and note.text() == bundle.catalogue("en").faq.content_language


def test_chinese_faq_has_no_language_note(window: Any) -> None:
    assert window.pages[PageId.FAQ].findChild(object, "faq_content_language") is None


def test_reset_session_returns_to_chinese(qtbot: Any, window: Any, bundle: Any) -> None:
    switch(qtbot, window)
    window.show_page("pension")
    window.reset_session()
    assert window.language == "zh_CN"
    assert window.current_page() == PageId.HOME
    assert tile_titles(window) == expected_titles(bundle.texts)


def test_the_idle_reset_returns_to_chinese(qtbot: Any, bundle: Any, tmp_path: Path) -> None:
    from kiosk.app import build_main_window
    from kiosk.ops.usage import UsageCounter
    from kiosk.settings import KioskSettings
    from kiosk.ui.ops.install import Operations, OpsHooks

    settings = KioskSettings(
        attract_enabled=False, log_dir=tmp_path / "logs", usage_file=tmp_path / "usage.json"
    )
    window = build_main_window(
        bundle,
        today=lambda: TODAY,
        settings=settings,
        usage=UsageCounter(settings.usage_file),
        ops_hooks=OpsHooks(quit=lambda: None, time_scale=0.001),
    )
    window.resize(1366, 768)
    window.show()
    qtbot.wait_exposed(window)
    ops = window.findChild(Operations)
    assert isinstance(ops, Operations)
    try:
        switch(qtbot, window)
        home(window).tiles["pension"].click()
        assert window.language == "en"
        english = bundle.catalogue("en").ops
        # what a visitor sees mid-session speaks the session's language
        assert ops.countdown.title.text() == english.countdown_title
        assert ops.countdown.continue_button.text() == english.countdown_continue
        assert ops.crash_message.title.text() == english.crash_title
        with qtbot.waitSignal(ops.idle.timed_out, timeout=WAIT_MS):
            ops.idle.activity()
        assert window.language == "zh_CN"
        assert window.current_page() == PageId.HOME
        assert tile_titles(window) == expected_titles(bundle.texts)
        assert ops.countdown.title.text() == bundle.texts.ops.countdown_title
    finally:
        ops.idle.stop()
        free_window(window)


def test_english_default_from_the_settings(qtbot: Any, bundle: Any) -> None:
    from kiosk.app import build_main_window

    window = build_main_window(bundle, today=lambda: TODAY, language="en")
    try:
        assert tile_titles(window) == expected_titles(bundle.catalogue("en"))
        window.set_language("zh_CN")
        window.reset_session()
        assert window.language == "en"
    finally:
        free_window(window)


@pytest.fixture
def english_window(qtbot: Any, bundle: Any) -> Any:
    """A window whose fresh session is English, so the self-test's resets keep English."""
    from kiosk.app import build_main_window

    window = build_main_window(bundle, today=lambda: TODAY, language="en")
    window.resize(1366, 768)
    window.show()
    qtbot.wait_exposed(window)
    yield window
    free_window(window)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_english_screen_at(english_window: Any, bundle: Any, size: tuple[int, int]) -> None:
    out = io.StringIO()
    context = WalkContext(rules=bundle.rules, texts=bundle.catalogue("en"), today=TODAY)
    test = SelfTest(english_window, context, screenshots=None, out=out)
    ok = test.run(sizes=(size,), themes=(Theme.STANDARD,))  # the themes differ in colour only
    failures = [line for line in out.getvalue().splitlines() if line.startswith("FAIL")]
    assert english_window.language == "en"
    assert ok and not failures, "\n".join(failures)


@pytest.mark.parametrize("preset", list(Preset), ids=[p.value for p in Preset])
def test_english_chrome_fits_the_narrowest_screen(english_window: Any, preset: Preset) -> None:
    """The header and footer don't wrap (the centre name, the presets, the privacy line): in
    English they must still fit 1080 px, or the window grows past a portrait screen."""
    narrowest = min(width for width, _ in SIZES)
    english_window.set_preset(preset)
    for page in english_window.pages:
        english_window.show_page(page)
        assert english_window.minimumSizeHint().width() <= narrowest, page
