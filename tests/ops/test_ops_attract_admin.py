"""The attract screen starts and ends (also with no cards); corner taps + PIN open the admin
panel; wrong PINs lock the pad for five minutes; the panel's exit quits through the injected
function; the demo badge shows."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import replace
from typing import Any

import pytest
from opskit import PIN, operations
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.fingerprint import resources_fingerprint
from kiosk.ops.pin import hash_pin
from kiosk.ui.navigation import PageId
from kiosk.ui.ops.gate import CORNER_PX

WAIT_MS = 3000


def test_attract_starts_loops_and_a_tap_goes_home(qtbot: Any, make_window: Any) -> None:
    window = make_window(attract_enabled=True)
    ops = operations(window)
    ops.start()
    assert ops.attract.is_open()
    assert ops.attract.geometry() == window.rect()
    first = ops.attract.card_title.text()
    assert (
        first
        == window.pages[PageId.HOME].window().findChild(type(ops)).bundle.texts.ops.cards[0].title
    )
    qtbot.wait_until(lambda: ops.attract.card_title.text() != first, timeout=WAIT_MS)
    QTest.mouseClick(ops.attract, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    assert not ops.attract.is_open()
    assert window.current_page() is PageId.HOME


def test_attract_works_with_no_cards(qtbot: Any, make_window: Any, bundle: Any) -> None:
    texts = replace(bundle.texts, ops=replace(bundle.texts.ops, cards=()))
    catalogues = {**bundle.catalogues, texts.language: texts}
    window = make_window(bundle_=dataclasses.replace(bundle, catalogues=catalogues), mode="demo")
    ops = operations(window)
    ops.start()
    assert ops.attract.is_open()
    assert not ops.attract.card_title.isVisible()
    assert ops.attract.prompt.isVisible()
    ops.attract.next_card()  # nothing to loop through: no error
    with qtbot.waitSignal(ops.attract.dismissed, timeout=WAIT_MS):
        QTest.keyClick(ops.attract, Qt.Key.Key_Space)
    assert not ops.attract.is_open()


def test_attract_off_means_home_at_start(make_window: Any) -> None:
    ops = operations(make_window(attract_enabled=False))
    ops.start()
    assert not ops.attract.is_open()


def test_demo_mode_is_marked(make_window: Any, texts: Any) -> None:
    window = make_window(mode="demo")
    badge = window.header.findChild(type(window.header.title), "badge")
    assert badge is not None and badge.isVisible()
    assert badge.text() == texts.ops.demo_badge
    assert operations(window).settings.attract


# admin --------------------------------------------------------------------------------------------


def corner_point(window: Any, corner: str) -> QPoint:
    x = 10 if "left" in corner else window.width() - 10
    y = 10 if "top" in corner else window.height() - 10
    return QPoint(x, y)


def tap(window: Any, point: QPoint, clock: Any, *, gap: float = 0.2) -> None:
    """A touch at ``point`` (window coordinates), through Qt's touch path."""
    device = tap.device  # type: ignore[attr-defined]
    QTest.touchEvent(window, device).press(0, point).commit()
    QTest.touchEvent(window, device).release(0, point).commit()
    clock.advance(gap)


@pytest.fixture(autouse=True)
def touch_device(qapp: Any) -> None:
    if not hasattr(tap, "device"):
        tap.device = QTest.createTouchDevice()  # type: ignore[attr-defined]


@pytest.mark.parametrize("corner", ["top-left", "top-right", "bottom-left", "bottom-right"])
def test_corner_taps_open_the_pin_pad(make_window: Any, clock: Any, corner: str) -> None:
    window = make_window(admin_corner=corner, admin_taps=5)
    ops = operations(window)
    for _ in range(4):
        tap(window, corner_point(window, corner), clock)
    assert not ops.pin_pad.is_open()
    tap(window, corner_point(window, corner), clock)
    assert ops.pin_pad.is_open()


def test_slow_taps_or_taps_elsewhere_do_nothing(make_window: Any, clock: Any) -> None:
    window = make_window(admin_taps=7, admin_tap_window_s=3)
    ops = operations(window)
    for _ in range(7):
        tap(window, corner_point(window, "top-left"), clock, gap=0.6)  # 3.6 s in all
    assert not ops.pin_pad.is_open()
    clock.advance(10)
    for i in range(7):
        point = QPoint(window.width() // 2, 10) if i == 3 else corner_point(window, "top-left")
        tap(window, point, clock)
    assert not ops.pin_pad.is_open()
    assert window.width() // 4 >= CORNER_PX


def open_pad(window: Any, clock: Any) -> Any:
    ops = operations(window)
    for _ in range(ops.settings.admin_taps):
        tap(window, corner_point(window, ops.settings.admin_corner), clock)
    assert ops.pin_pad.is_open()
    return ops


def test_the_right_pin_opens_the_admin_panel(make_window: Any, clock: Any, texts: Any) -> None:
    window = make_window()
    ops = open_pad(window, clock)
    assert ops.pin_pad.keypad.display.isHidden()
    ops.pin_pad.keypad.set_text(PIN)
    assert ops.pin_pad.dots.text().count("\u25cf") == len(PIN)
    assert PIN not in ops.pin_pad.dots.text()
    ops.pin_pad.confirm_button.click()
    assert not ops.pin_pad.is_open()
    assert ops.admin_panel.is_open()
    t = texts.ops
    versions = ops.admin_panel.section_text(t.admin_versions)
    assert "0.1.0" in versions and ops.bundle.rules.updated.isoformat() in versions
    fingerprint = resources_fingerprint(ops.bundle.root)  # as kiosk --version shows them
    assert fingerprint.rules.digest in versions and fingerprint.content.digest in versions
    checks = ops.admin_panel.section_text(t.admin_check)
    for name in (t.check_rules, t.check_texts, t.check_font):
        assert t.check_ok.format(name=name) in checks
    assert t.check_font_coverage.format(count=0) in checks
    log = ops.admin_panel.section_text(t.admin_log)
    assert "admin panel opened" in log
    ops.admin_panel.close_button.click()
    assert not ops.admin_panel.is_open()


def test_a_pin_with_leading_zeros_opens_the_panel(make_window: Any, clock: Any) -> None:
    """Any PIN hash-pin accepts can be typed on the pad: 0046 is not taken for 46."""
    window = make_window(admin_pin_hash=hash_pin("0046", n=2**10))
    ops = open_pad(window, clock)
    ops.pin_pad.enter("0046")
    assert ops.admin_panel.is_open()


def test_the_panel_shows_usage_counts(make_window: Any, clock: Any, texts: Any) -> None:
    window = make_window()
    ops = operations(window)
    ops.usage.count("faq_opened")
    window.show_page("retirement")
    ops.pin_lock.check(PIN)
    ops.open_admin_panel()
    usage = ops.admin_panel.section_text(texts.ops.admin_usage)
    names = texts.ops.usage_events
    assert texts.ops.usage_line.format(name=names.faq_opened, count=1) in usage
    assert texts.ops.usage_line.format(name=names.journey_started, count=1) in usage


def test_five_wrong_pins_lock_the_pad_for_five_minutes(
    make_window: Any, clock: Any, texts: Any
) -> None:
    window = make_window()
    ops = open_pad(window, clock)
    for tries_left in (4, 3, 2, 1):
        ops.pin_pad.enter("1111")
        assert ops.pin_pad.message.text() == texts.ops.pin_wrong.format(remaining=tries_left)
    ops.pin_pad.enter("1111")
    assert ops.pin_pad.message.text() == texts.ops.pin_locked.format(minutes=5)
    assert not ops.pin_pad.keypad.isEnabled()
    assert not ops.pin_pad.confirm_button.isEnabled()
    clock.advance(200)
    assert ops.pin_lock.check(PIN).outcome.value == "locked"  # the right PIN too, while locked
    ops.pin_pad.cancel_button.click()
    open_pad(window, clock)
    assert not ops.pin_pad.keypad.isEnabled()
    clock.advance(300)
    ops.pin_pad.cancel_button.click()
    open_pad(window, clock)
    assert ops.pin_pad.keypad.isEnabled()
    ops.pin_pad.enter(PIN)
    assert ops.admin_panel.is_open()


def test_no_pin_hash_means_no_panel(make_window: Any, clock: Any, texts: Any) -> None:
    window = make_window(admin_pin_hash=None)
    ops = open_pad(window, clock)
    assert ops.pin_pad.message.text() == texts.ops.pin_not_set
    ops.pin_pad.enter("1234")
    assert not ops.admin_panel.is_open()


def test_exit_quits_through_the_injected_function(make_window: Any, ops_env: Any) -> None:
    window = make_window(mode="kiosk")
    ops = operations(window)
    ops.open_admin_panel()
    assert not window.close()  # locked down
    ops.admin_panel.exit_button.click()
    assert ops_env.quit.calls == 1
    assert window.close()  # the admin allowed it


def test_usage_counts_are_stored_as_counts_only(make_window: Any, ops_env: Any) -> None:
    window = make_window()
    ops = operations(window)
    window.show_page("retirement")
    window.go_home()
    window.show_page("contribution")
    ops.usage.count("faq_opened")
    stored = json.loads(ops_env.usage_file.read_text(encoding="utf-8"))
    assert stored == {"journey_started": 2, "faq_opened": 1}
    with pytest.raises(ValueError):
        ops.usage.count("98765.43")


@pytest.mark.parametrize(
    ("settings", "engine", "reason"),
    [
        ({"read_aloud": False}, None, "voice_turned_off"),  # the settings file's choice
        ({}, "no engine", "voice_no_engine"),
        ({}, "no Mandarin voice", "voice_no_voice"),
    ],
)
def test_with_no_voice_the_panel_says_why_and_citizens_see_nothing(
    make_window: Any,
    monkeypatch: pytest.MonkeyPatch,
    texts: Any,
    settings: dict[str, Any],
    engine: str | None,
    reason: str,
) -> None:
    import kiosk.app
    from kiosk.ui.speech import NoEngine, Problem, RecordingEngine

    made = {
        "no engine": lambda: NoEngine(Problem.NO_ENGINE),
        "no Mandarin voice": lambda: RecordingEngine(languages=["en"]),
    }
    if engine is not None:
        monkeypatch.setattr(kiosk.app, "speech_engine_for", lambda _settings: made[engine]())
    window = make_window(**settings)
    assert not window.header.read_button.isVisibleTo(window)
    assert window.appearance.voice.isHidden()
    ops = operations(window)
    ops.pin_lock.check(PIN)
    ops.open_admin_panel()
    t = texts.ops
    why = getattr(t, reason).format(engine="recording", detail="")
    line = t.voice_missing.format(language=t.voice_languages["zh_CN"], reason=why)
    assert line in ops.admin_panel.section_text(t.admin_check)
