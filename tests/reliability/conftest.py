"""The reliability tests' size switch (the sizes themselves are in sizes.py)."""

from __future__ import annotations

from sizes import SIZE_NAME


def pytest_report_header() -> str:
    return f"reliability tests: {SIZE_NAME} size (KIOSK_RELIABILITY=full for full size)"
