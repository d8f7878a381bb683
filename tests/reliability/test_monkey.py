"""Monkey: seeded random use of the real window in kiosk mode, its operations installed.

Each action is drawn from ``random.Random(seed)``: a touch or mouse click on a visible, enabled
button, field or keypad key of what is on screen (the open overlay if any, else the page, header
and footer), a tap anywhere, a key press, a keypad entry, a question answered as the sample visits
of kiosk/ui/walks answer it (so results and their take-away row are reached), a wheel
turn on a scroll area, the admin corner taps and a PIN, the idle countdown running out or
interrupted, a rotation of the screen.
After every action: the crash guard (installed as ``main()`` installs it) caught nothing, the
window is alive and visible, ``current_page()`` is a PageId whose page is the stack's current,
visible widget, and no other window (dialog, menu) is showing. Nothing can leave the program: the
admin panel's 退出程序 calls a counting stand-in, and 打印 / 保存PDF write files in ``tmp_path``.

Replay: the failure message names the seed, the action and the last actions;
``KIOSK_MONKEY_SEED=<seed>[,<seed>...] python3 packaging/dev.py reliability -k monkey``.

Size (sizes.py): ``MONKEY_ACTIONS`` per seed — 20,000 with ``KIOSK_RELIABILITY=full``, 500
otherwise; seeds ``MONKEY_DEFAULT_SEEDS`` unless ``KIOSK_MONKEY_SEED`` lists others.
"""

from __future__ import annotations

import os
import random
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from kiosk_rig import Kiosk, build_kiosk, close_kiosk, crash_guard_watched, settle
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QPointingDevice, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QScrollArea, QWidget
from sizes import MONKEY_ACTIONS, MONKEY_DEFAULT_SEEDS, SIZE_NAME

from kiosk.journeys import JOURNEYS
from kiosk.ops.pin import hash_pin
from kiosk.selftest import every_walk
from kiosk.ui.navigation import PageId
from kiosk.ui.ops.gate import CORNER_PX
from kiosk.ui.ops.overlay import Overlay
from kiosk.ui.pages.journey import Journey
from kiosk.ui.print_actions import QrView
from kiosk.ui.widgets.keypad import NumericKeypad
from tests.ops.opskit import PIN

WALKS = every_walk()
PAGES = {*PageId, *(spec.id for spec in JOURNEYS)}

WAIT_MS = 5000
SECONDS_PER_ACTION = 2.0  # of the admin gate and PIN lock clock: chance taps never open the gate
HISTORY = 20
RESTYLING_WEIGHT = 0.02  # of a text-size or language button, against 1 for any other target
SCREEN_SIZES = ((1366, 768), (1920, 1080), (1080, 1920))
KEYS = (
    *(getattr(Qt.Key, f"Key_{c}") for c in "0123456789ABCXYZ"),
    Qt.Key.Key_Period,
    Qt.Key.Key_Space,
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Delete,
    Qt.Key.Key_Escape,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_F1,
)


def monkey_seeds() -> list[int]:
    """``KIOSK_MONKEY_SEED`` (one seed or a comma-separated list), else the fixed defaults."""
    listed = os.environ.get("KIOSK_MONKEY_SEED", "").strip()
    if listed:
        return [int(seed) for seed in listed.split(",") if seed.strip()]
    return list(MONKEY_DEFAULT_SEEDS)


# what can be touched ---------------------------------------------------------------------------


def touchable(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled() and widget.width() > 0 and widget.height() > 0


def top_layer(kiosk: Kiosk) -> QWidget:
    """What covers the screen now: the open overlay raised last, a QR view, or the window."""
    window = kiosk.window
    overlays = [
        child for child in window.children() if isinstance(child, Overlay) and child.isVisible()
    ]
    if overlays:
        return overlays[-1]  # children are in stacking order
    views = [view for view in window.findChildren(QrView) if view.isVisible()]
    return views[-1] if views else window


def targets(layer: QWidget) -> list[QWidget]:
    """Buttons (keypad keys, options, pickers' months and steps, tiles) and text fields."""
    found: list[QWidget] = [*layer.findChildren(QAbstractButton), *layer.findChildren(QLineEdit)]
    return [widget for widget in found if touchable(widget)]


def scroll_areas(layer: QWidget) -> list[QScrollArea]:
    return [area for area in layer.findChildren(QScrollArea) if touchable(area)]


def reveal(widget: QWidget) -> None:
    """Scroll ``widget`` into view in every scroll area it sits in (the finger's flick)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 0, 0)
        parent = parent.parentWidget()


def label(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""
    name = widget.objectName()
    return f"{type(widget).__name__}({name or '-'}{', ' + repr(text[:24]) if text else ''})"


class Monkey:
    """Draws and performs one action at a time; each returns a line saying what it did."""

    def __init__(self, kiosk: Kiosk, qtbot: Any, rng: random.Random) -> None:
        self.kiosk = kiosk
        self.qtbot = qtbot
        self.rng = rng
        self.touch_device: QPointingDevice = QTest.createTouchDevice()
        self.actions: list[tuple[float, Callable[[], str]]] = [
            (50, self.tap_target),
            (6, self.tap_anywhere),
            (10, self.key_press),
            (8, self.keypad_entry),
            (10, self.sample_answer),
            (7, self.wheel),
            (0.6, self.admin_corner),
            (8, self.pin_entry),  # on the PIN pad; elsewhere a tap
            (0.4, self.idle_timeout),
            (0.3, self.idle_interrupted),
            (0.3, self.rotate),
        ]

    def act(self) -> str:
        weights = [weight for weight, _ in self.actions]
        (_, action) = self.rng.choices(self.actions, weights=weights)[0]
        self.kiosk.clock.advance(SECONDS_PER_ACTION)
        return action()

    # touches -----------------------------------------------------------------------------------

    def tap_at(self, point: QPoint) -> str:
        """A finger (touch events) or the clerk's mouse at ``point``, in window coordinates."""
        window = self.kiosk.window
        point = QPoint(
            min(max(point.x(), 0), window.width() - 1), min(max(point.y(), 0), window.height() - 1)
        )
        if self.rng.random() < 0.5:
            # delivered at once; settle() then runs what the event loop would
            QTest.touchEvent(window, self.touch_device, False).press(0, point).commit(False)
            QTest.touchEvent(window, self.touch_device, False).release(0, point).commit(False)
            return f"touch @({point.x()},{point.y()})"
        handle = window.windowHandle()
        QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        return f"click @({point.x()},{point.y()})"

    def point_in(self, widget: QWidget) -> QPoint:
        """A random point of the part of ``widget`` on screen (a scroll area clips it)."""
        inner = widget.visibleRegion().boundingRect().adjusted(2, 2, -2, -2)
        if inner.width() <= 0 or inner.height() <= 0:
            inner = widget.rect()
        local = QPoint(
            self.rng.randint(inner.left(), inner.right()),
            self.rng.randint(inner.top(), inner.bottom()),
        )
        return widget.mapTo(self.kiosk.window, local)

    def tap_widget(self, widget: QWidget) -> str:
        reveal(widget)
        what = label(widget)  # before the tap, which may delete it
        return f"{self.tap_at(self.point_in(widget))} on {what}"

    def tap_target(self) -> str:
        layer = top_layer(self.kiosk)
        candidates = targets(layer)
        if not candidates:
            return self.tap_anywhere()
        weights = [self.weight(widget) for widget in candidates]
        return "tap " + self.tap_widget(self.rng.choices(candidates, weights=weights)[0])

    def weight(self, widget: QWidget) -> float:
        """The text-size and language buttons less often than the rest: a citizen sets them
        once, and each touch restyles (or rebuilds) every widget, half a second or more."""
        window = self.kiosk.window
        if widget.objectName() == "language" or window.footer.isAncestorOf(widget):
            return RESTYLING_WEIGHT
        return 1.0

    def tap_anywhere(self) -> str:
        window = self.kiosk.window
        point = QPoint(self.rng.randrange(window.width()), self.rng.randrange(window.height()))
        return "tap anywhere " + self.tap_at(point)

    # keys ----------------------------------------------------------------------------------------

    def key_press(self) -> str:
        key = self.rng.choice(KEYS)
        focus = QApplication.focusWidget()
        target = focus if focus is not None and focus.window() is self.kiosk.window else None
        receiver = target or self.kiosk.window
        QTest.keyClick(receiver, key)
        return f"key {key.name} to {label(receiver)}"

    def keypad_entry(self) -> str:
        """A few keys of a visible keypad (a page's, or the PIN pad's), by touch."""
        keypads = [
            pad for pad in top_layer(self.kiosk).findChildren(NumericKeypad) if touchable(pad)
        ]
        if not keypads:
            return self.tap_target()
        keypad = self.rng.choice(keypads)
        keys = [key for key, button in keypad.keys.items() if touchable(button)]
        pressed = [self.rng.choice(keys) for _ in range(self.rng.randint(1, 8))]
        for key in pressed:
            self.tap_widget(keypad.keys[key])
            settle()
        return f"keypad {' '.join(pressed)} on {label(keypad)}"

    def sample_answer(self) -> str:
        """Answer the question on screen as the sample visit of kiosk/ui/walks does
        (and press 下一步), so that results and their take-away row are reached too."""
        window = self.kiosk.window
        page = window.current_page()
        walk = next((w for w in WALKS if w.page is page and w.page is not PageId.FAQ), None)
        journey = window.pages[page]
        screen = journey.current_screen() if isinstance(journey, Journey) else None
        if walk is None or screen is None or top_layer(self.kiosk) is not window:
            return self.tap_target()
        assert isinstance(journey, Journey)
        relevant = [s for s in journey.screens if s.question.relevant()]
        position = relevant.index(screen) if screen in relevant else 0
        walk.answers[min(position, len(walk.answers) - 1)](journey)
        return f"answer {screen.question.key!r} as the {walk.name} sample does"

    def wheel(self) -> str:
        areas = scroll_areas(top_layer(self.kiosk))
        if not areas:
            return self.tap_anywhere()
        area = self.rng.choice(areas)
        steps = self.rng.choice((-3, -1, 1, 3))
        viewport = area.viewport()
        centre = QPointF(viewport.rect().center())
        event = QWheelEvent(
            centre,
            QPointF(viewport.mapToGlobal(centre.toPoint())),
            QPoint(),
            QPoint(0, -120 * steps),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)
        return f"wheel {steps:+d} on {label(area)}"

    # kiosk operations ------------------------------------------------------------------------

    def admin_corner(self) -> str:
        """The hidden gesture: taps in the admin corner, quickly."""
        ops = self.kiosk.operations
        corner = ops.settings.admin_corner
        window = self.kiosk.window
        size = min(CORNER_PX, window.width() // 4, window.height() // 4)
        # a spot of the corner with no control on it (taps on 返回 there are taps on 返回)
        spots = [
            QPoint(
                x if "left" in corner else window.width() - 1 - x,
                y if "top" in corner else window.height() - 1 - y,
            )
            for y in range(2, size, 8)
            for x in range(2, size, 8)
        ]
        free = [spot for spot in spots if ops.gate.in_corner(spot)]
        if not free:
            return f"admin corner ({corner}): no free spot"
        point = free[len(free) // 2]
        for _ in range(ops.settings.admin_taps):
            self.tap_at(point)
            self.kiosk.clock.advance(0.2)
        return f"admin corner taps ({corner})"

    def pin_entry(self) -> str:
        """On the PIN pad: the right PIN or a wrong one, then 确定."""
        pad = self.kiosk.operations.pin_pad
        if not pad.is_open():
            return self.tap_target()
        right = self.rng.random() < 0.6
        pin = PIN if right else "".join(self.rng.choice("0123456789") for _ in range(6))
        for digit in pin:
            self.tap_widget(pad.keypad.keys[digit])
        self.tap_widget(pad.confirm_button)
        return f"PIN {'right' if right else 'wrong'} + confirm"

    def idle_timeout(self) -> str:
        """Nobody touches the screen: the countdown runs out and the session is reset."""
        idle = self.kiosk.operations.idle
        idle.release()
        try:
            with self.qtbot.waitSignal(idle.timed_out, timeout=WAIT_MS):
                idle.activity()  # the last touch
        finally:
            idle.hold()
        return "idle: countdown ran out"

    def idle_interrupted(self) -> str:
        """The countdown starts, then a touch (the 继续使用 button or anywhere) cancels it."""
        ops = self.kiosk.operations
        ops.idle.release()
        try:
            with self.qtbot.waitSignal(ops.idle.countdown_started, timeout=WAIT_MS):
                ops.idle.activity()
            if self.rng.random() < 0.5:
                done = self.tap_widget(ops.countdown.continue_button)
            else:
                done = self.tap_anywhere()
        finally:
            ops.idle.hold()
        return f"idle: countdown interrupted by {done}"

    def rotate(self) -> str:
        size = self.rng.choice(SCREEN_SIZES)
        self.kiosk.window.resize(*size)
        return f"screen {size[0]}x{size[1]}"


# after every action ----------------------------------------------------------------------------


def problems(kiosk: Kiosk) -> list[str]:
    """What is wrong with the window after an action (empty when all is well)."""
    found = [f"the crash guard caught:\n{crash}" for crash in kiosk.crashes]
    window = kiosk.window
    if not shiboken6.isValid(window):
        return [*found, "the window was deleted"]
    if not window.isVisible():
        found.append("the window is not visible")
    try:
        page = window.current_page()
    except StopIteration:
        return [*found, "the stack shows a widget that is no page"]
    if page not in PAGES:
        found.append(f"current_page() is {page!r}, not a page of the window")
    shown = window.stack.currentWidget()
    if shown is None or window.pages[page] is not shown or window.stack.indexOf(shown) < 0:
        found.append(f"page {page} is not the stack's current widget")
    elif not shown.isVisible():
        found.append(f"page {page} is current but not visible")
    others = [
        label(widget)
        for widget in QApplication.topLevelWidgets()
        if widget.isVisible() and widget is not window
    ]
    if others:
        found.append(f"another window is showing: {', '.join(others)}")
    return found


def where(kiosk: Kiosk) -> str:
    """The page shown, or the overlay over it."""
    layer = top_layer(kiosk)
    return layer.objectName() if layer is not kiosk.window else str(kiosk.window.current_page())


def failure(seed: int, index: int, history: deque[str], found: list[str]) -> str:
    lines = "\n".join(f"  {line}" for line in history)
    return (
        f"monkey seed {seed}, action {index} of {MONKEY_ACTIONS}: {'; '.join(found)}\n"
        f"last {len(history)} actions:\n{lines}\n"
        f"replay: KIOSK_MONKEY_SEED={seed} python3 packaging/dev.py reliability -k monkey"
    )


# the test ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin(PIN, n=2**10)  # a cheap hash: the monkey may try many PINs


@pytest.fixture
def kiosk(qtbot: Any, bundle: Any, tmp_path: Path, pin_hash: str) -> Iterator[Kiosk]:
    made = build_kiosk(
        bundle,
        tmp_path / "kiosk",
        pin_hash=pin_hash,
        mode="kiosk",
        attract_enabled=True,
        countdown_s=20,  # ticks of a millisecond; the first touch cancels it synchronously
    )
    qtbot.wait_exposed(made.window)
    # The monkey is never idle between its actions: only its idle actions let the (millisecond)
    # countdown run, so what happens depends on the seed alone.
    made.operations.idle.hold()
    made.operations.start()
    yield made
    close_kiosk(made)


@pytest.mark.parametrize("seed", monkey_seeds())
def test_monkey_never_breaks_the_window(qtbot: Any, kiosk: Kiosk, seed: int) -> None:
    monkey = Monkey(kiosk, qtbot, random.Random(seed))
    history: deque[str] = deque(maxlen=HISTORY)
    started = time.monotonic()
    seen: Counter[str] = Counter()
    with crash_guard_watched(kiosk):
        for index in range(MONKEY_ACTIONS):
            page = kiosk.window.current_page()
            try:
                done = monkey.act()
                settle()
            except Exception as exc:
                history.append(f"#{index} on {page}: (raised {exc!r})")
                found = [traceback.format_exc()]
                raise AssertionError(failure(seed, index, history, found)) from exc
            history.append(f"#{index} on {page}: {done}")
            found = problems(kiosk)
            assert not found, failure(seed, index, history, found)
            seen[where(kiosk)] += 1
    print(
        f"\nmonkey ({SIZE_NAME}): seed {seed}, {MONKEY_ACTIONS} actions in "
        f"{time.monotonic() - started:.1f} s; after-action screens {dict(seen.most_common())}; "
        f"usage {kiosk.operations.usage.counts()}; quit pressed {kiosk.quit.calls} times"
    )
