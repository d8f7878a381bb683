"""Every screen of every journey, at every supported screen size, text size and theme: no text
cut off, nothing overlapping, no control or choice out of sight without 向下 / 更多选项, no target
too small to touch, and the result figures equal what the rules module computes (the
self-test's walks, run through pytest). And the self-test fails when the layout is broken."""

from __future__ import annotations

import io

import pytest

from kiosk.selftest import SIZES, SelfTest
from kiosk.ui.navigation import PageId
from kiosk.ui.theme import Preset, Theme
from kiosk.ui.walks import WalkContext
from kiosk.ui.widgets.option_group import OptionGroup
from kiosk.ui.widgets.rich_button import RichButton
from tests.conftest import TODAY


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_at(window, bundle, size: tuple[int, int]) -> None:
    """Every text size in the contrast theme (the themes differ in colour only; the test command's
    own ``kiosk --self-test`` step runs both)."""
    out = io.StringIO()
    context = WalkContext(rules=bundle.rules, texts=bundle.texts, today=TODAY)
    test = SelfTest(window, context, screenshots=None, out=out)
    ok = test.run(sizes=(size,), themes=(Theme.CONTRAST,))
    failures = [line for line in out.getvalue().splitlines() if line.startswith("FAIL")]
    assert ok and not failures, "\n".join(failures)
    # every text size, and the screens the walks add (errors, QR, panel, overlays)
    layouts = [line for line in out.getvalue().splitlines() if " layout " in f" {line[5:]}"]
    screens: dict[str, list[str]] = {}
    for line in layouts:  # "PASS layout <screen> <W>x<H> <preset> <theme>"
        name, _size, preset, _theme = line.removeprefix("PASS layout ").rsplit(" ", 3)
        screens.setdefault(preset, []).append(name)
    assert sorted(screens) == sorted(p.value for p in Preset)
    first, *others = screens.values()
    assert all(other == first for other in others)  # the same screens at every text size
    for walk in ("home", "retirement screen 1", "pension screen 1", "contribution screen 1"):
        assert walk in first
    assert any(name.endswith(" error") for name in first)


def test_the_themes_differ_in_colour_only(window) -> None:
    """Why one theme is enough for the tests above: in both themes every widget of a screen has
    the same font and the same place and size."""
    from PySide6.QtWidgets import QWidget

    def geometry() -> list[tuple[str, int, bool, tuple[int, int, int, int]]]:
        widgets = window.stack.currentWidget().findChildren(QWidget)
        return [
            (type(w).__name__, w.font().pixelSize(), w.font().bold(), w.geometry().getRect())
            for w in widgets
        ]

    window.resize(1366, 768)
    window.set_appearance(Preset.LARGEST, Theme.STANDARD)
    window.show_page(PageId.HOME)
    standard = geometry()
    window.set_appearance(Preset.LARGEST, Theme.CONTRAST)
    window.show_page(PageId.HOME)
    assert geometry() == standard
    assert len(standard) > 20


def test_the_self_test_fails_when_choices_are_pushed_below_the_fold(
    window, bundle, monkeypatch
) -> None:
    """Paging switched off: at 1366x768 特大 the categories no longer fit, and the self-test says
    so (and returns False) instead of passing a screen a citizen cannot use."""

    def one_page(group: OptionGroup) -> None:
        everything = list(group.findChildren(RichButton))  # every choice on one page
        group.pages = [everything]

    monkeypatch.setattr(OptionGroup, "_paginate", one_page)
    out = io.StringIO()
    context = WalkContext(rules=bundle.rules, texts=bundle.texts, today=TODAY)
    test = SelfTest(window, context, screenshots=None, out=out)
    assert not test.run(sizes=((1366, 768),), presets=(Preset.LARGEST,), themes=(Theme.STANDARD,))
    failures = [line for line in out.getvalue().splitlines() if line.startswith("FAIL")]
    assert any("retirement screen 1" in line and "cut off" in line for line in failures), failures
