"""Every operations screen (countdown, attract, crash message, PIN pad, admin panel) fits: no
clipped or overlapping text, no control outside the window or too small, at the self-test's screen
sizes, in every text size and colour theme."""

from __future__ import annotations

from typing import Any

from opskit import operations

from kiosk.selftest import SIZES, settle
from kiosk.ui.layout_check import check_layout
from kiosk.ui.theme import Preset, Theme


def test_every_overlay_fits_every_screen(make_window: Any, texts: Any) -> None:
    window = make_window(mode="demo")
    ops = operations(window)
    ops.idle.stop()
    openers = {
        "countdown": lambda: (ops.countdown.show_seconds(30), ops.countdown.open()),
        "attract": ops.attract.open,
        "crash": ops.crash_message.open,
        "pin": lambda: (
            ops.pin_pad.open(),
            ops.pin_pad.keypad.set_text("12345678"),
            ops.pin_pad.show_message(texts.ops.pin_locked.format(minutes=5)),
        ),
        "admin": ops.open_admin_panel,
    }
    problems: dict[str, list[str]] = {}
    # every text size, and each theme once (they differ in colour only: tests/e2e/test_layouts.py)
    looks = [(preset, Theme.CONTRAST) for preset in Preset] + [(Preset.STANDARD, Theme.STANDARD)]
    for width, height in SIZES:
        for preset, theme in looks:
            window.resize(width, height)
            window.set_appearance(preset, theme)
            for name, opener in openers.items():
                for overlay in ops.overlays():
                    overlay.close_overlay()
                opener()
                settle()
                found = check_layout(window)
                if found:
                    tag = f"{name} {width}x{height} {preset.value} {theme.value}"
                    problems[tag] = [str(p) for p in found[:3]]
    assert problems == {}
