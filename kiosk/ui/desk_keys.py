"""The clerk's desk (windowed mode): every number and date a question asks is typed on the
physical keyboard too, wherever the focus is: digits and Backspace (Delete clears), and Enter is
下一步 (:mod:`kiosk.ui.keys` routes the keys here).

- a keypad (wage, amount, account balance): what its keys would type;
- a birth month: year then month, ``197103`` or ``1971 3`` (a space, ``.``, ``-`` or ``/`` ends
  the year): the year shows once it is a year the question offers, the month once it is one;
- years and months (years paid, a retirement age): ``22``, or ``22.6`` for 22 years 6 months.

What is being typed shows in the picker's own number while it is not a value yet. The touch
pickers work as before; nothing here runs on a hall terminal.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.rules import YearMonth
from kiosk.ui.widgets.age_picker import AgePicker
from kiosk.ui.widgets.duration_picker import DurationPicker
from kiosk.ui.widgets.keypad import DIGITS, NumericKeypad
from kiosk.ui.widgets.year_month_picker import YearMonthPicker

SEPARATORS = frozenset(" .-/")
MONTHS_PER_YEAR = 12
YEAR_DIGITS = 4


class TypedEntry:
    """Keys typed into one question's input: ``key(char)`` a digit or separator,
    ``backspace()``, ``clear()``; each returns whether it took the key."""

    def key(self, char: str) -> bool:
        raise NotImplementedError

    def backspace(self) -> bool:
        raise NotImplementedError

    def clear(self) -> bool:
        raise NotImplementedError


class KeypadEntry(TypedEntry):
    def __init__(self, keypad: NumericKeypad) -> None:
        self.keypad = keypad

    def key(self, char: str) -> bool:
        if char in DIGITS or char == ".":
            self.keypad.press(char)
            return True
        return False

    def backspace(self) -> bool:
        self.keypad.press("delete")
        return True

    def clear(self) -> bool:
        self.keypad.press("clear")
        return True


class _Buffered(TypedEntry):
    """What has been typed, applied to the input after every key."""

    def __init__(self) -> None:
        self.typed = ""

    def key(self, char: str) -> bool:
        if char not in DIGITS and char not in SEPARATORS:
            return False
        if not self._accepts(self.typed + char):
            return True  # taken, and refused: the number would not fit
        self.typed += char
        self.apply()
        return True

    def backspace(self) -> bool:
        self.typed = self.typed[:-1]
        self.apply()
        return True

    def clear(self) -> bool:
        self.typed = ""
        self.apply()
        return True

    def _accepts(self, typed: str) -> bool:
        raise NotImplementedError

    def apply(self) -> None:
        raise NotImplementedError


class YearMonthEntry(_Buffered):
    """``197103``, ``19713``, ``1971 3``, ``1971-03``."""

    def __init__(self, picker: YearMonthPicker) -> None:
        super().__init__()
        self.picker = picker

    def parts(self, typed: str) -> tuple[str, str, bool]:
        """The year's digits, the month's, and whether the year was ended by a separator."""
        year = ""
        rest = typed
        while rest and rest[0] in DIGITS and len(year) < YEAR_DIGITS:
            year, rest = year + rest[0], rest[1:]
        ended = bool(rest) and rest[0] in SEPARATORS
        month = "".join(c for c in rest if c in DIGITS)
        return year, month, ended

    def _accepts(self, typed: str) -> bool:
        year, month, _ended = self.parts(typed)
        if typed.count(" ") + sum(typed.count(c) for c in ".-/") > 1:
            return False
        return len(month) <= 2 and (not month or len(year) == YEAR_DIGITS)

    def apply(self) -> None:
        picker = self.picker
        year, month, _ended = self.parts(self.typed)
        picker.clear()
        stepper = picker.year
        if len(year) < YEAR_DIGITS or not stepper.minimum() <= int(year) <= stepper.maximum():
            stepper.display.setText(year)  # being typed, or not a year offered: shown as typed
            return
        stepper.set_value(int(year))  # the months of that year can be chosen now
        chosen = int(month) if month else 0
        if 1 <= chosen <= MONTHS_PER_YEAR and picker.month_buttons[chosen].isEnabled():
            picker.set_value(YearMonth(int(year), chosen))


class DurationEntry(_Buffered):
    """Years, then optionally a separator and months: ``22``, ``22.6``; a retirement age the
    same way (``60.2``: 60 years 2 months), set once it is one the question offers."""

    def __init__(self, picker: DurationPicker | AgePicker) -> None:
        super().__init__()
        self.picker = picker

    @staticmethod
    def split(typed: str) -> tuple[str, str]:
        """The years' digits and the months'."""
        unified = "".join("." if c in SEPARATORS else c for c in typed)
        years, _, months = unified.partition(".")
        return years, months

    def months(self, typed: str) -> int | None:
        years, months = self.split(typed)
        if not years:
            return None
        return int(years) * MONTHS_PER_YEAR + (int(months) if months else 0)

    def _accepts(self, typed: str) -> bool:
        years, months = self.split(typed)
        if not years or "." in months or len(years) > 2 or len(months) > 2:
            return False
        return not months or int(months) < MONTHS_PER_YEAR

    def apply(self) -> None:
        total = self.months(self.typed)
        picker = self.picker
        if isinstance(picker, AgePicker):
            stepper = picker.stepper
            if total is not None and stepper.minimum() <= total <= stepper.maximum():
                picker.set_value(total)
            else:
                picker.display.setText(self.typed)  # not an age offered (yet): shown as typed
            return
        if total is None:
            picker.clear()
            return
        if total // MONTHS_PER_YEAR > picker.years.maximum():
            picker.years.display.setText(self.typed)
            return
        picker.set_total_months(total)


def typed_entry(body: QWidget) -> TypedEntry | None:
    """The typing a question's input takes, or None (its choices are chosen by number)."""
    for kind, entry in (
        (NumericKeypad, KeypadEntry),
        (YearMonthPicker, YearMonthEntry),
        (DurationPicker, DurationEntry),
        (AgePicker, DurationEntry),
    ):
        found = body if isinstance(body, kind) else body.findChild(kind)
        if found is not None:
            return entry(found)  # type: ignore[arg-type]
    return None


__all__ = ["TypedEntry", "typed_entry"]
