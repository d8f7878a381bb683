"""The admin PIN, stored only as a salted hash (``kiosk --hash-pin`` prints one).

Format: ``scrypt$<n>$<r>$<p>$<salt, base64>$<hash, base64>`` (hashlib.scrypt, 16-byte random
salt, 32-byte key). No Qt here.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

SCHEME = "scrypt"
DEFAULT_N = 2**14
DEFAULT_R = 8
DEFAULT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
MAX_N = 2**20
# What one PIN check may cost this terminal: n*r*p at most 2**20 (r=8: n up to 2**17, 128 MiB and
# about half a second here). hashlib refuses more than 2 GiB of scrypt memory outright, and a
# check that takes seconds freezes the PIN pad.
MAX_COST = 2**20
MIN_PIN_DIGITS = 4
MAX_PIN_DIGITS = 8


@dataclass(frozen=True, slots=True)
class PinHash:
    n: int
    r: int
    p: int
    salt: bytes
    key: bytes


def scrypt_memory(n: int, r: int, p: int) -> int:
    """Bytes scrypt needs for these parameters (OpenSSL's count: 128·r·(n+2) + 128·r·p)."""
    return 128 * r * (n + 2) + 128 * r * p


def _derive(pin: str, n: int, r: int, p: int, salt: bytes, length: int) -> bytes:
    import hashlib  # here, not at start-up: it loads OpenSSL's libcrypto (3 MiB)

    return hashlib.scrypt(
        pin.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        dklen=length,
        maxmem=scrypt_memory(n, r, p) + 2**20,
    )


def check_pin_format(pin: str) -> None:
    """A PIN is 4 to 8 ASCII digits (the PIN pad has nothing else)."""
    if not (MIN_PIN_DIGITS <= len(pin) <= MAX_PIN_DIGITS) or not all(
        c in "0123456789" for c in pin
    ):
        raise ValueError(f"a PIN is {MIN_PIN_DIGITS} to {MAX_PIN_DIGITS} digits 0-9")


def hash_pin(pin: str, *, salt: bytes | None = None, n: int = DEFAULT_N) -> str:
    """The string to put in ``admin_pin_hash``."""
    import secrets

    check_pin_format(pin)
    salt = secrets.token_bytes(SALT_BYTES) if salt is None else salt
    key = _derive(pin, n, DEFAULT_R, DEFAULT_P, salt, KEY_BYTES)
    b64 = base64.b64encode
    return f"{SCHEME}${n}${DEFAULT_R}${DEFAULT_P}${b64(salt).decode()}${b64(key).decode()}"


def parse_pin_hash(text: str) -> PinHash:
    """Split a stored hash; raises ValueError saying what is wrong with it."""
    parts = text.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        raise ValueError(f"expected {SCHEME}$n$r$p$salt$hash as printed by `kiosk --hash-pin`")
    try:
        n, r, p = (int(part) for part in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        key = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        raise ValueError("n, r, p must be integers and salt, hash base64") from None
    if n < 2 or n > MAX_N or n & (n - 1) or not (1 <= r <= 32) or not (1 <= p <= 16):
        raise ValueError(f"scrypt parameters out of range (n a power of 2 up to {MAX_N})")
    if n * r * p > MAX_COST:
        mib = scrypt_memory(n, r, p) / 2**20
        raise ValueError(
            f"scrypt parameters too costly for a PIN check on this terminal: n*r*p = {n * r * p} "
            f"(at most {MAX_COST}; these need {mib:.0f} MiB): make a new one with `kiosk --hash-pin`"
        )
    import hashlib

    if not hasattr(hashlib, "scrypt"):
        raise ValueError("this Python has no scrypt (its OpenSSL is too old)")
    if len(salt) < 8 or len(key) < 16:
        raise ValueError("salt or hash too short")
    return PinHash(n=n, r=r, p=p, salt=salt, key=key)


def verify_pin(pin: str, stored: str) -> bool:
    """True if ``pin`` matches the stored hash (constant-time comparison)."""
    import hmac

    parsed = parse_pin_hash(stored)
    candidate = _derive(pin, parsed.n, parsed.r, parsed.p, parsed.salt, len(parsed.key))
    return hmac.compare_digest(candidate, parsed.key)
