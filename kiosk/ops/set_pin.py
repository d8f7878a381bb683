"""Setting the admin PIN from a console: ``kiosk-calc hash-pin`` (every platform: kiosk-calc is a
console program, where the windowed ``kiosk.exe`` has nowhere to prompt) and ``kiosk --hash-pin``.

On a terminal the PIN is asked twice without echo; otherwise the first line of stdin is the PIN
(``echo 2468 | kiosk-calc hash-pin``). Prints the salted hash, the value of ``admin_pin_hash`` in
the settings file, alone on stdout. No Qt here.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from typing import TextIO

from kiosk.ops.pin import MAX_PIN_DIGITS, MIN_PIN_DIGITS, check_pin_format, hash_pin

EXIT_OK = 0
EXIT_USAGE = 2

Ask = Callable[[str], str]


class PinEntryError(ValueError):
    """Why no PIN was read (in one line, for stderr)."""


def read_pin(stdin: TextIO, *, ask: Ask = getpass.getpass) -> str:
    """The PIN: asked twice with ``ask`` when ``stdin`` is a terminal, else its first line."""
    if stdin.isatty():
        try:
            pin = ask(f"admin PIN ({MIN_PIN_DIGITS}-{MAX_PIN_DIGITS} digits): ")
            again = ask("the same PIN again: ")
        except (EOFError, KeyboardInterrupt):
            raise PinEntryError("no PIN entered") from None
        if again != pin:
            raise PinEntryError("the two PINs differ")
    else:
        line = stdin.readline()
        if not line:
            raise PinEntryError("no PIN on stdin (expected one line of digits)")
        pin = line.strip()
    check_pin_format(pin)
    return pin


def hash_pin_command(
    *,
    prog: str,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    ask: Ask = getpass.getpass,
) -> int:
    """Read a PIN and print its hash; exit status 2 with one line on stderr when it is refused."""
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    err = err or sys.stderr
    if stdin is None or out is None:  # the windowed kiosk.exe on Windows has no console
        if err is not None:
            print(f"{prog}: no console here: use kiosk-calc hash-pin", file=err)
        return EXIT_USAGE
    try:
        pin = read_pin(stdin, ask=ask)
    except ValueError as exc:  # PinEntryError, or the PIN's format
        print(f"{prog}: {exc}", file=err)
        return EXIT_USAGE
    pin_hash = hash_pin(pin)
    print(pin_hash, file=out)
    if stdin.isatty():
        print(f'{prog}: in settings.toml: admin_pin_hash = "{pin_hash}"', file=err)
    return EXIT_OK
