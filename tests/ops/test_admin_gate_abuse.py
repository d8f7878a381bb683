"""Nobody can lock staff out through the admin gate.

- Taps on a control in the admin corner (返回 on a journey) are taps on the control; the corner
  still has room to tap on every page.
- An empty or too-short entry is no attempt (5 taps on 确定 locked the pad for 5 minutes).
- Locks escalate on real wrong PINs only.
- A PIN hash the terminal cannot check is refused by the settings; a check that fails for any
  other reason is logged and said on the pad, not shown as 抱歉 nor counted as a wrong PIN.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import pytest
from opskit import PIN, operations
from PySide6.QtCore import QPoint
from test_ops_attract_admin import open_pad, tap, touch_device  # noqa: F401 (autouse)

from kiosk.settings import KioskSettings
from kiosk.ui.navigation import PageId
from kiosk.ui.ops.admin import MAX_LOCK_S, PinLock, PinOutcome
from kiosk.ui.ops.gate import CORNER_PX

SIZES = [(1920, 1080), (1080, 1920), (1366, 768)]
CORNERS = ["top-left", "top-right", "bottom-left", "bottom-right"]


def corner_spots(window: Any, corner: str, step: int = 4) -> list[QPoint]:
    size = min(CORNER_PX, window.width() // 4, window.height() // 4)
    return [
        QPoint(
            x if "left" in corner else window.width() - 1 - x,
            y if "top" in corner else window.height() - 1 - y,
        )
        for y in range(0, size, step)
        for x in range(0, size, step)
    ]


def test_seven_quick_taps_on_back_in_the_corner_do_not_open_the_pin_pad(
    make_window: Any, clock: Any
) -> None:
    window = make_window(admin_corner="top-left", admin_taps=7)
    ops = operations(window)
    journey = window.pages["retirement"]
    window.show_page("retirement")
    back = window.header.back_button
    spot = back.mapTo(window, back.rect().center())
    assert ops.gate.in_corner_square(spot)  # 返回 lies in the corner square
    requested: list[bool] = []
    ops.gate.requested.connect(lambda: requested.append(True))
    for _ in range(7):
        ops.gate.tap(spot)  # what the event filter does with each press
        clock.advance(0.2)
    assert requested == [] and not ops.pin_pad.is_open()
    for _ in range(7):  # the same, through Qt's touch path: each tap goes back a step
        tap(window, spot, clock)
    assert not ops.pin_pad.is_open()
    assert journey is not None


@pytest.mark.parametrize("size", SIZES)
def test_the_corner_overlaps_no_control_and_has_room_on_every_page(
    make_window: Any, size: tuple[int, int]
) -> None:
    """On every page and corner the counted taps land on no control; and there is a free part
    of the corner (most of it on the home screen, where staff start: the 字号/对比 control takes
    part of the top right one, as on every screen)."""
    window = make_window(size=size)
    ops = operations(window)
    free_share: dict[str, float] = {}
    for page in PageId:
        window.show_page(page)
        for corner in CORNERS:
            ops.gate._corner = corner
            spots = corner_spots(window, corner)
            counted = [spot for spot in spots if ops.gate.in_corner(spot)]
            assert not any(ops.gate.on_control(spot) for spot in counted)
            share = len(counted) / len(spots)
            free_share[f"{page.value} {corner}"] = share
            assert share > 0.1, (page, corner, share)
            if page is PageId.HOME and corner == "top-left":  # the default corner
                assert share > 0.5, (corner, share)
            if page is PageId.HOME and corner == "top-right":
                assert share > 0.3, (corner, share)
    print(size, "least free:", min(free_share.items(), key=lambda item: item[1]))


def test_empty_or_short_entries_are_no_attempts(make_window: Any, clock: Any, texts: Any) -> None:
    window = make_window()
    ops = open_pad(window, clock)
    pad = ops.pin_pad
    assert not pad.confirm_button.isEnabled()  # nothing typed: 确定 does nothing
    for digits in ("1", "12", "123"):
        pad.keypad.set_text(digits)
        assert not pad.confirm_button.isEnabled()
    for _ in range(20):  # even if 确定 were pressed: no attempt, no lock
        pad.submitted.emit("")
        pad.submitted.emit("123")
    assert ops.pin_lock.locked_for() == 0
    assert pad.message.text() == texts.ops.pin_too_short.format(min=4, max=8)
    pad.keypad.set_text("1234")
    assert pad.confirm_button.isEnabled()
    pad.enter(PIN)
    assert ops.admin_panel.is_open()


def test_locks_escalate_on_wrong_pins_and_the_right_pin_resets_them(pin_hash: str) -> None:
    now = [0.0]
    lock = PinLock(pin_hash, clock=lambda: now[0])
    seen = []
    for _ in range(6):
        for _ in range(5):
            result = lock.check("9999")
        assert result.outcome is PinOutcome.LOCKED
        seen.append(result.locked_s)
        assert lock.check("").outcome is PinOutcome.LOCKED  # locked: nothing else is looked at
        now[0] += result.locked_s
    assert seen == [300, 600, 1200, 2400, MAX_LOCK_S, MAX_LOCK_S]
    assert lock.check(PIN).outcome is PinOutcome.OPEN
    for _ in range(5):
        result = lock.check("9999")
    assert result.locked_s == 300  # back to the first lock


def fake_hash(n: int, r: int = 8, p: int = 1) -> str:
    salt = base64.b64encode(b"s" * 16).decode()
    key = base64.b64encode(b"k" * 32).decode()
    return f"scrypt${n}${r}${p}${salt}${key}"


@pytest.mark.parametrize(("n", "r", "p"), [(2**20, 8, 1), (2**18, 8, 1), (2**17, 8, 2)])
def test_settings_refuse_scrypt_parameters_the_terminal_cannot_check(
    n: int, r: int, p: int
) -> None:
    with pytest.raises(ValueError, match="too costly"):
        KioskSettings(admin_pin_hash=fake_hash(n, r, p))


def test_the_costliest_accepted_hash_checks_in_reasonable_time() -> None:
    """n*r*p = 2**20 is the most the settings take: the check must be possible here."""
    import time

    from kiosk.ops.pin import hash_pin, verify_pin

    stored = hash_pin("2468", n=2**17)
    KioskSettings(admin_pin_hash=stored)
    started = time.perf_counter()
    assert verify_pin("2468", stored)
    took = time.perf_counter() - started
    print(f"PIN check with n=2**17, r=8, p=1: {took * 1000:.0f} ms")
    assert took < 5


def test_a_check_that_fails_is_logged_and_said_on_the_pad_not_counted(
    make_window: Any, clock: Any, texts: Any, ops_env: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    ops = open_pad(window, clock)

    def out_of_memory(*args: object, **kwargs: object) -> bytes:
        raise MemoryError("scrypt")

    monkeypatch.setattr(hashlib, "scrypt", out_of_memory)
    for _ in range(6):
        ops.pin_pad.enter(PIN)
    assert not ops.admin_panel.is_open()
    assert ops.pin_pad.message.text() == texts.ops.pin_check_failed
    assert not ops.crash_message.is_open()  # no 抱歉
    assert ops.pin_lock.locked_for() == 0  # not counted as wrong PINs
    log = ops_env.log_file.read_text(encoding="utf-8")
    assert "the admin PIN could not be checked: MemoryError" in log
    monkeypatch.undo()
    ops.pin_pad.enter(PIN)
    assert ops.admin_panel.is_open()
