"""The admin PIN: only a salted hash is stored, and ``kiosk --hash-pin`` prints one that verifies."""

from __future__ import annotations

import pytest
from test_ops_settings import run_kiosk

from kiosk.ops.pin import hash_pin, parse_pin_hash, verify_pin
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
