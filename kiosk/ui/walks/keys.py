"""The sample visits of :mod:`kiosk.ui.walks` again, by keys only (issue 18): from the home
screen, with the same answers, so the result must show the same figures (the walk's own
:meth:`~kiosk.ui.walks.Walk.check`). The self-test plays them with 语音引导 on and records what
each screen says.

A script is one string per screen, the keys pressed there: characters are typed; ``{Enter}``,
``{Esc}``, ``{Down}``, ``{Up}``, ``{Left}``, ``{Right}``, ``{Tab}``, ``{Space}`` and
``{Backspace}`` are those keys; ``{choose:KEY}`` types the number of a question's choice ``KEY``
(``#1``: the first); ``{tile:PAGE}`` the number of home's tile for ``PAGE``; ``{press:NAME}``
presses Tab until the control ``NAME`` has the keys, then Enter. Numbers and dates are typed as a
clerk types them (:mod:`kiosk.ui.desk_keys`).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.keys import KeyNavigator
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.home import HomePage
from kiosk.ui.pages.journey import Journey
from kiosk.ui.speakable import home_tiles
from kiosk.ui.widgets.option_group import OptionGroup

KEY_WALKS: dict[str, tuple[str, ...]] = {
    "retirement": ("{tile:retirement}", "{choose:male}{Enter}", "196603{Enter}", "20{Enter}"),
    "retirement-short": (
        "{tile:retirement}",
        "{choose:female-50}{Enter}",
        "196503{Enter}",
        "13{Enter}",
        "{press:to_pension}",  # 接着估算养老金
        "{press:next}",  # the 13 years carried over (the keys are on the screen's controls now)
        "{press:next}",  # the first month a pension can start
        "0{Enter}",
        "{choose:0.6}{Enter}",
        "{choose:estimate}{Enter}",
    ),
    "retirement-no-estimate": (
        "{tile:retirement}",
        "{choose:female-50}{Enter}",
        "195003{Enter}",
        "5{Enter}",
        "{choose:before}{Enter}",  # insured before 2011-07: the lump sum applies
        "{press:to_pension}",
        "{press:next}",  # the 5 years carried over: 查看结果
    ),
    "contribution": (
        "{tile:contribution}",
        "{choose:flexible}{Enter}",
        "{choose:#1}{Enter}",
        "{choose:80}{Enter}",
        "{choose:quarter}{Enter}",
    ),
    "pension": (
        "{tile:pension}",
        "{choose:female-55}{Enter}",
        "197105{Enter}",
        "30{Enter}",
        "{Enter}",  # the age offered
        "4{Enter}",
        "{choose:1.0}{Enter}",
        "{choose:known}{Enter}",
        "120000{Enter}",
    ),
    "pension-past-age": (
        "{tile:pension}",
        "{choose:male}{Enter}",
        "196205{Enter}",
        "14.2{Enter}",  # 170 months
        "{Enter}",
        "0{Enter}",
        "{choose:0.6}{Enter}",
        "{choose:estimate}{Enter}",
    ),
    "pension-compare": (
        "{tile:pension}",
        "{choose:male}{Enter}",
        "197006{Enter}",
        "22{Enter}",
        "{Enter}",
        "0{Enter}",
        "{choose:1.0}{Enter}",
        "{choose:estimate}{Enter}",
        "{press:to_compare}",  # 比较不同退休时间
    ),
    "pension-no-estimate": (
        "{tile:pension}",
        "{choose:male}{Enter}",
        "195406{Enter}",
        "20{Enter}",  # 查看结果: no more questions for him
    ),
    "faq": ("{tile:faq}", "{press:faq_search_open}", "txnl"),
}

NAMED_KEYS = {
    "Enter": Qt.Key.Key_Return,
    "Esc": Qt.Key.Key_Escape,
    "Down": Qt.Key.Key_Down,
    "Up": Qt.Key.Key_Up,
    "Left": Qt.Key.Key_Left,
    "Right": Qt.Key.Key_Right,
    "Tab": Qt.Key.Key_Tab,
    "Space": Qt.Key.Key_Space,
    "Backspace": Qt.Key.Key_Backspace,
}
TOKENS = re.compile(r"\{[^}]+\}|.", re.DOTALL)


class KeyScriptError(Exception):
    """A script asks for something the screen does not have (its message says what)."""


def play(window: MainWindow, keys: str) -> None:
    """Press ``keys`` (one screen's script) on ``window``, each key as a keyboard would."""
    for token in TOKENS.findall(keys):
        if not token.startswith("{"):
            _press(window, _char_key(token), token)
            continue
        name, _, argument = token[1:-1].partition(":")
        if name in NAMED_KEYS:
            _press(window, NAMED_KEYS[name])
        elif name == "choose":
            digit = str(_choice_number(window, argument))
            _press(window, _char_key(digit), digit)
        elif name == "tile":
            digit = str(_tile_number(window, argument))
            _press(window, _char_key(digit), digit)
        elif name == "press":
            _tab_to(window, argument)
            _press(window, Qt.Key.Key_Return)
        else:
            raise KeyScriptError(f"unknown key {token}")


def _press(window: MainWindow, key: int, text: str = "") -> None:
    """A key pressed and released where a keyboard's would go: the focused control, else the
    window."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        target: QWidget = window.focusWidget() or window
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        QCoreApplication.sendEvent(target, event)
        QCoreApplication.processEvents()


def _char_key(char: str) -> int:
    if char.isdigit():
        return int(Qt.Key.Key_0) + int(char)
    if char.isalpha() and char.isascii():
        return int(Qt.Key.Key_A) + ord(char.lower()) - ord("a")
    return {".": int(Qt.Key.Key_Period), " ": int(Qt.Key.Key_Space)}.get(char, 0)


def _choice_number(window: MainWindow, key: str) -> int:
    page = window.stack.currentWidget()
    screen = page.current_screen() if isinstance(page, Journey) else None
    if screen is None:
        raise KeyScriptError(f"no question shown to choose {key!r} on")
    body = screen.question.body
    groups = [body] if isinstance(body, OptionGroup) else body.findChildren(OptionGroup)
    for group in groups:
        keys = group.keys()
        if key.startswith("#"):
            return int(key[1:])
        if key in keys:
            return keys.index(key) + 1
    raise KeyScriptError(f"no choice {key!r} on {screen.question.key}")


def _tile_number(window: MainWindow, page_id: str) -> int:
    """The number of home's tile for ``page_id``, turning home's pages (更多) until it shows."""
    home = window.stack.currentWidget()
    if not isinstance(home, HomePage):
        raise KeyScriptError(f"not on the home screen for the tile {page_id!r}")
    wanted = home.tiles.get(page_id) or home.info_tiles.get(page_id)
    for turn in (home.back_tile, home.more_tile):  # to the first page, then on from there
        for _ in range(len(home.tiles) + 1):
            tiles = home_tiles(home)
            if wanted in tiles:
                return tiles.index(wanted) + 1
            if turn not in tiles:
                break
            digit = str(tiles.index(turn) + 1)  # 上一页 / 更多, read with their numbers too
            _press(window, _char_key(digit), digit)
    raise KeyScriptError(f"no tile {page_id!r} on any page of home")


def _tab_to(window: MainWindow, name: str) -> None:
    """Tab until ``name`` has the keys (at most once round every control)."""
    keys = window.findChild(KeyNavigator)
    for _ in range(200):
        focus = window.focusWidget()
        on_it = focus is not None and focus.objectName() == name and focus.isVisible()
        if on_it and keys is not None and keys.active():
            return
        _press(window, Qt.Key.Key_Tab)
    raise KeyScriptError(f"Tab never reached {name!r}")


__all__ = ["KEY_WALKS", "KeyScriptError", "play"]
