"""The admin PIN: only a salted hash is stored, and ``kiosk-calc hash-pin`` (every platform) and
``kiosk --hash-pin`` print one that verifies."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from test_ops_settings import run_kiosk

from kiosk.ops.pin import hash_pin, parse_pin_hash, verify_pin
from kiosk.ops.set_pin import hash_pin_command
from kiosk.settings import KioskSettings


def test_a_hash_verifies_its_pin_only() -> None:
    stored = hash_pin("246813", n=2**10)
    assert verify_pin("246813", stored)
    assert not verify_pin("246814", stored)
    assert not verify_pin("", stored)
    assert "246813" not in stored


def test_the_salt_is_random() -> None:
    assert hash_pin("1234", n=2**10) != hash_pin("1234", n=2**10)


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "１２３４", ""])
def test_a_pin_is_four_to_eight_ascii_digits(pin: str) -> None:
    with pytest.raises(ValueError, match="digits"):
        hash_pin(pin)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1234",
        "pbkdf2$1$2$3$AAAA$BBBB",
        "scrypt$16384$8$1$!!$BBBB",
        "scrypt$1000$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==",
    ],
)
def test_a_malformed_hash_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_pin_hash(text)


def test_settings_accept_a_printed_hash() -> None:
    stored = hash_pin("8642", n=2**10)
    assert KioskSettings(admin_pin_hash=stored).admin_pin_hash == stored


def test_hash_pin_command_prints_a_hash_that_verifies() -> None:
    completed = run_kiosk("--hash-pin", stdin="97531\n")
    assert completed.returncode == 0, completed.stderr
    printed = completed.stdout.strip()
    assert verify_pin("97531", printed)
    assert "97531" not in printed
    KioskSettings(admin_pin_hash=printed)


def test_hash_pin_command_refuses_a_bad_pin() -> None:
    completed = run_kiosk("--hash-pin", stdin="12\n")
    assert completed.returncode == 2
    assert "digits" in completed.stderr
    assert "Traceback" not in completed.stderr


def run_calc_hash_pin(stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "hash-pin"],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=60,
        check=False,
    )


def test_kiosk_calc_hash_pin_reads_one_line_of_stdin() -> None:
    """``echo 2468 | kiosk-calc hash-pin``: the hash alone on stdout, as a script pipes it."""
    completed = run_calc_hash_pin("2468\n")
    assert completed.returncode == 0, completed.stderr
    printed = completed.stdout.strip()
    assert printed.startswith("scrypt$") and "\n" not in printed
    assert verify_pin("2468", printed)
    assert completed.stderr == ""
    KioskSettings(admin_pin_hash=printed)


@pytest.mark.parametrize(
    ("stdin", "says"), [("", "no PIN on stdin"), ("12\n", "digits"), ("12a4\n", "digits")]
)
def test_kiosk_calc_hash_pin_refuses_what_is_no_pin(stdin: str, says: str) -> None:
    completed = run_calc_hash_pin(stdin)
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert says in completed.stderr and completed.stderr.count("\n") == 1


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_pin_is_asked_twice_without_echo() -> None:
    asked: list[str] = []
    answers = iter(["0468", "0468"])

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    out, err = io.StringIO(), io.StringIO()
    code = hash_pin_command(prog="kiosk-calc", stdin=Terminal(), out=out, err=err, ask=ask)
    assert code == 0
    assert len(asked) == 2
    assert verify_pin("0468", out.getvalue().strip())
    assert "admin_pin_hash = " in err.getvalue()  # where the line goes, for the operator


@pytest.mark.parametrize("answers", [["2468", "2469"], ["2468"]])
def test_on_a_terminal_two_different_pins_or_none_are_refused(answers: list[str]) -> None:
    given = iter(answers)

    def ask(_prompt: str) -> str:
        try:
            return next(given)
        except StopIteration:
            raise EOFError from None

    out, err = io.StringIO(), io.StringIO()
    code = hash_pin_command(prog="kiosk-calc", stdin=Terminal(), out=out, err=err, ask=ask)
    assert code == 2
    assert out.getvalue() == ""
    assert err.getvalue().startswith("kiosk-calc: ")
