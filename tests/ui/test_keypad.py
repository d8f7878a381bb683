"""NumericKeypad: the in-app keypad, driven through its own key buttons and a hardware keyboard."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk import resources
from kiosk.content.texts import CommonTexts, load_texts
from kiosk.ui.widgets.keypad import NumericKeypad

MakeKeypad = Callable[..., NumericKeypad]


@pytest.fixture(scope="module")
def common() -> CommonTexts:
    """The common texts, loaded without kiosk.app (so these tests don't need every page)."""
    return load_texts(resources.text_dir()).common


@pytest.fixture
def make_keypad(qtbot, common: CommonTexts) -> MakeKeypad:
    def make(**options: int) -> NumericKeypad:
        keypad = NumericKeypad(texts=common, **options)
        qtbot.add_widget(keypad)
        return keypad

    return make


@pytest.fixture
def keypad(make_keypad: MakeKeypad) -> NumericKeypad:
    return make_keypad(max_digits=7, decimals=2)


def tap(keypad: NumericKeypad, *keys: str) -> None:
    """Click the real key buttons, one after the other."""
    for key in keys:
        keypad.keys[key].click()


def test_starts_empty(keypad: NumericKeypad) -> None:
    assert keypad.text() == ""
    assert keypad.display.text() == ""


def test_digit_keys_append_and_show_in_the_display(keypad: NumericKeypad) -> None:
    tap(keypad, "1", "2", "3", "4")
    assert keypad.text() == "1234"
    assert keypad.display.text() == "1234"


def test_every_digit_has_a_key(keypad: NumericKeypad) -> None:
    tap(keypad, *"1234567")
    assert keypad.text() == "1234567"
    keypad.clear()
    tap(keypad, "8", "9", "0")
    assert keypad.text() == "890"


def test_key_captions_come_from_the_catalogue(keypad: NumericKeypad, common: CommonTexts) -> None:
    assert keypad.keys["delete"].text() == common.keypad_delete
    assert keypad.keys["clear"].text() == common.keypad_clear
    assert all(keypad.keys[d].property("role") == "key" for d in "0123456789")


def test_only_one_decimal_point(keypad: NumericKeypad) -> None:
    tap(keypad, "1", ".", ".", "5", ".")
    assert keypad.text() == "1.5"


def test_point_first_gets_a_leading_zero(keypad: NumericKeypad) -> None:
    tap(keypad, ".", "5")
    assert keypad.text() == "0.5"


def test_decimals_limit(keypad: NumericKeypad) -> None:
    tap(keypad, "1", "2", ".", "3", "4", "5", "6")
    assert keypad.text() == "12.34"


def test_decimals_limit_of_one(make_keypad: MakeKeypad) -> None:
    keypad = make_keypad(decimals=1)
    tap(keypad, "9", ".", "9", "9")
    assert keypad.text() == "9.9"


def test_max_digits_limits_the_whole_part_only(make_keypad: MakeKeypad) -> None:
    keypad = make_keypad(max_digits=4, decimals=2)
    tap(keypad, *"123456")
    assert keypad.text() == "1234"
    tap(keypad, ".", "5", "6", "7")
    assert keypad.text() == "1234.56"


def test_leading_zero_is_replaced(keypad: NumericKeypad) -> None:
    tap(keypad, "0", "0", "0")
    assert keypad.text() == "0"
    tap(keypad, "7")
    assert keypad.text() == "7"
    tap(keypad, "0")
    assert keypad.text() == "70"


def test_zero_point_keeps_its_zero(keypad: NumericKeypad) -> None:
    tap(keypad, "0", ".", "0", "5")
    assert keypad.text() == "0.05"


def test_delete_removes_the_last_character(keypad: NumericKeypad) -> None:
    tap(keypad, "4", "2", ".", "5")
    tap(keypad, "delete")
    assert keypad.text() == "42."
    tap(keypad, "delete")
    assert keypad.text() == "42"
    tap(keypad, "delete", "delete", "delete")
    assert keypad.text() == ""


def test_after_deleting_the_point_another_point_is_allowed(keypad: NumericKeypad) -> None:
    tap(keypad, "3", ".", "delete", "2", ".", "1")
    assert keypad.text() == "32.1"


def test_clear_empties_everything(keypad: NumericKeypad) -> None:
    tap(keypad, "9", "9", ".", "9")
    tap(keypad, "clear")
    assert keypad.text() == ""
    assert keypad.display.text() == ""
    tap(keypad, "5")
    assert keypad.text() == "5"


def test_text_changed_is_emitted_with_the_new_text(qtbot, keypad: NumericKeypad) -> None:
    seen: list[str] = []
    keypad.textChanged.connect(seen.append)
    with qtbot.waitSignal(keypad.textChanged, check_params_cb=lambda text: text == "8"):
        tap(keypad, "8")
    tap(keypad, ".", "2", "delete", "clear")
    assert seen == ["8", "8.", "8.2", "8.", ""]


def test_set_text_applies_the_same_limits(make_keypad: MakeKeypad) -> None:
    keypad = make_keypad(max_digits=3, decimals=2)
    keypad.set_text("12345.6789")
    assert keypad.text() == "123.67"
    keypad.set_text("")
    assert keypad.text() == ""


def test_decimals_zero_has_no_point_key(make_keypad: MakeKeypad) -> None:
    keypad = make_keypad(decimals=0)
    assert "." not in keypad.keys
    assert keypad.findChild(QPushButton, "key_.") is None
    keypad.press(".")
    tap(keypad, "1", "2")
    assert keypad.text() == "12"


# hardware keyboard (the clerk's desk PC) ---------------------------------------------------------


def test_hardware_digits_and_point(qtbot, keypad: NumericKeypad) -> None:
    for char in "305.25":
        qtbot.keyClick(keypad, char)
    assert keypad.text() == "305.25"
    qtbot.keyClick(keypad, "7")  # a third decimal is refused, as on screen
    assert keypad.text() == "305.25"


def test_hardware_backspace_deletes(qtbot, keypad: NumericKeypad) -> None:
    for char in "45":
        qtbot.keyClick(keypad, char)
    qtbot.keyClick(keypad, Qt.Key.Key_Backspace)
    assert keypad.text() == "4"


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_Delete])
def test_hardware_escape_and_delete_clear(qtbot, keypad: NumericKeypad, key: Qt.Key) -> None:
    for char in "123":
        qtbot.keyClick(keypad, char)
    qtbot.keyClick(keypad, key)
    assert keypad.text() == ""


def test_hardware_letters_are_ignored(qtbot, keypad: NumericKeypad) -> None:
    for char in "1a-+e2":
        qtbot.keyClick(keypad, char)
    assert keypad.text() == "12"


@pytest.mark.parametrize(
    ("key", "char"),
    [
        (Qt.Key.Key_twosuperior, "²"),  # a key of its own on French and Belgian keyboards
        (Qt.Key.Key_threesuperior, "³"),
        (Qt.Key.Key_3, "٣"),  # an Arabic layout's 3
        (Qt.Key.Key_5, "５"),  # a full-width 5
    ],
    ids=["superscript-2", "superscript-3", "arabic-indic-3", "fullwidth-5"],
)
def test_only_ascii_digits_are_digits(qtbot, keypad: NumericKeypad, key: Qt.Key, char: str) -> None:
    """``str.isdigit`` is true for each of these, but an amount is typed in 0-9 only
    (``Decimal("1²")`` raises, and the display would show a character the keypad has no key for)."""
    qtbot.keyClick(keypad, "1")
    QApplication.sendEvent(
        keypad, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, char)
    )
    keypad.press(char)
    assert keypad.text() == "1"


def test_hardware_point_refused_without_decimals(qtbot, make_keypad: MakeKeypad) -> None:
    keypad = make_keypad(decimals=0, max_digits=2)
    for char in "1.234":
        qtbot.keyClick(keypad, char)
    assert keypad.text() == "12"


def test_a_code_keeps_its_leading_zeros(make_keypad: MakeKeypad) -> None:
    """A PIN is a code, not a number: 0246 stays 0246 (a number keypad would make it 246)."""
    pin_pad = make_keypad(max_digits=8, decimals=0, code=True)
    tap(pin_pad, "0", "0", "4", "6")
    assert pin_pad.text() == "0046"
    number = make_keypad(max_digits=8, decimals=0)
    tap(number, "0", "0", "4", "6")
    assert number.text() == "46"
