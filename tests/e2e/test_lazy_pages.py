"""Pages are built on demand: home at once, each other page when it is first shown; what they
are made of is loaded after the first paint; start-up itself never loads pypinyin, qrcode or the
other pages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kiosk.app import build_main_window
from kiosk.journeys import JOURNEYS
from kiosk.ui.navigation import PageId
from tests.conftest import TODAY, free_window

PAGES = {*PageId, *(spec.id for spec in JOURNEYS)}  # every page of the window


def test_only_the_pages_shown_are_built(qtbot, bundle) -> None:
    window = build_main_window(bundle, today=lambda: TODAY)
    try:
        assert list(window.built_pages()) == [PageId.HOME]
        assert window.current_page() == PageId.HOME
        window.resize(1366, 768)
        window.show()
        qtbot.waitUntil(window.painted, timeout=10_000)
        qtbot.wait(200)  # the models and the pages' modules are loaded, one per turn: no page
        assert list(window.built_pages()) == [PageId.HOME]
        window.show_page("retirement")
        assert list(window.built_pages()) == [PageId.HOME, "retirement"]
    finally:
        free_window(window)


def test_a_page_shown_before_it_is_built_is_built_then(qtbot, bundle) -> None:
    window = build_main_window(bundle, today=lambda: TODAY)
    try:
        window.show_page(PageId.FAQ)
        assert window.current_page() == PageId.FAQ
        assert set(window.built_pages()) == {PageId.HOME, PageId.FAQ}
        window.go_home()
        assert set(window.pages) == PAGES  # reading every page builds the rest
    finally:
        free_window(window)


def test_a_language_is_built_the_same_way_once(qtbot, bundle) -> None:
    window = build_main_window(bundle, today=lambda: TODAY)
    try:
        window.resize(1366, 768)
        window.show()
        old_faq = window.pages[PageId.FAQ]
        window.set_language("en")
        assert list(window.built_pages()) == [PageId.HOME]
        assert window.pages[PageId.FAQ] is not old_faq
        assert window.language == "en"
        english = window.built_pages()
        window.set_language("zh_CN")  # both languages' pages are kept: nothing is built again
        assert window.built_pages()[PageId.FAQ] is old_faq
        window.set_language("en")
        assert window.built_pages() == english
    finally:
        free_window(window)


FIRST_PAINT_PROBE = """
import json, sys
from PySide6.QtCore import QEvent
import kiosk.smoke
seen = []
watch = kiosk.smoke._FirstPaint.eventFilter
def spy(self, watched, event):
    if event.type() == QEvent.Type.Paint and not seen:
        seen.append(sorted(sys.modules))
    return watch(self, watched, event)
kiosk.smoke._FirstPaint.eventFilter = spy
from kiosk.main import main
code = main(sys.argv[1:])
print(json.dumps([code, seen[0]]))
"""


def modules_at_first_paint(cache: Path, *args: str) -> list[str]:
    """The modules ``kiosk --smoke`` (a real start until its first paint) has imported when its
    window first paints, in a fresh interpreter whose cache folder is ``cache``."""
    env = {key: value for key, value in os.environ.items() if key != "KIOSK_RESOURCES"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CACHE_HOME"] = str(cache)
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_PROBE, "--smoke", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=True,
    )
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code == 0
    assert "kiosk.ui.pages.home" in modules  # the probe did start the kiosk
    return list(modules)


# what the home screen does not need: validation, the other pages and overlays, the take-away
LATE = (
    "pydantic",
    "pypinyin",
    "qrcode",
    "hashlib",
    "kiosk.rules",
    "kiosk.present",
    "kiosk.content.faq",
    "kiosk.content.search",
    "kiosk.ui.pages.journey",
    "kiosk.ui.pages.pension",
    "kiosk.ui.pages.faq",
    "kiosk.ui.print_actions",
    "kiosk.ui.sheet_render",
    "kiosk.ui.ops.admin",
    "kiosk.ops.cups",
    "PySide6.QtPrintSupport",
)


def test_the_first_start_validates_every_file(tmp_path: Path) -> None:
    modules = modules_at_first_paint(tmp_path)
    assert "pydantic" in modules  # no snapshot yet: the bundle was validated
    assert [
        m for m in modules if m.startswith(("pypinyin", "qrcode", "kiosk.ui.pages.pension"))
    ] == []


def test_a_start_with_nothing_changed_paints_before_importing_what_it_does_not_show(
    tmp_path: Path,
) -> None:
    """The second start reads the snapshot the first wrote: no pydantic before the first paint,
    nor anything else the home screen does not use."""
    modules_at_first_paint(tmp_path)
    assert [m for m in modules_at_first_paint(tmp_path) if m.startswith(LATE)] == []


def test_a_hall_terminal_with_its_settings_file_too(tmp_path: Path) -> None:
    """Kiosk mode, a PIN hash, the hall's texts: the settings and their glyphs are validated by
    the first start only."""
    from kiosk.ops.pin import hash_pin

    settings = tmp_path / "settings.toml"
    settings.write_text(
        f'mode = "kiosk"\nadmin_pin_hash = "{hash_pin("2468", n=2**10)}"\n'
        'service_hours = "周一至周五 9:00—17:00"\nservice_desk = "一楼大厅 1号窗口"\n',
        encoding="utf-8",
    )
    args = ("--kiosk", "--config", str(settings))
    assert "pydantic" in modules_at_first_paint(tmp_path / "cache", *args)
    assert [
        m for m in modules_at_first_paint(tmp_path / "cache", *args) if m.startswith(LATE)
    ] == []


def test_a_reset_clears_the_answers_in_every_language(qtbot, bundle) -> None:
    from kiosk.selftest import every_walk
    from kiosk.ui.pages.journey import Journey

    walk = next(w for w in every_walk() if w.page == "retirement")
    window = build_main_window(bundle, today=lambda: TODAY)
    try:
        window.set_language("en")
        journey = window.page("retirement")
        assert isinstance(journey, Journey)
        window.show_page("retirement")
        for answer in walk.answers:
            answer(journey)
        assert journey.showing_result()
        window.reset_session()  # back to Chinese; the English pages are kept, hidden
        assert window.language == "zh_CN"
        window.set_language("en")
        assert window.page("retirement") is journey
        assert not journey.showing_result()
        assert journey.current_screen() is journey.screens[0]
    finally:
        free_window(window)
