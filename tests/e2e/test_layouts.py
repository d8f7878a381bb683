"""Every screen of every journey, at every supported screen size and text-size preset: no text cut
off, nothing overlapping, no control outside the window or too small to touch, and the result
figures equal what the rules module computes (the self-test's walks, run through pytest)."""

from __future__ import annotations

import io

import pytest

from kiosk.selftest import SIZES, SelfTest
from kiosk.ui.walks import WalkContext
from tests.conftest import TODAY


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_at(window, bundle, size: tuple[int, int]) -> None:
    out = io.StringIO()
    context = WalkContext(rules=bundle.rules, texts=bundle.texts, today=TODAY)
    ok = SelfTest(window, context, screenshots=None, out=out).run(sizes=(size,))
    failures = [line for line in out.getvalue().splitlines() if line.startswith("FAIL")]
    assert ok and not failures, "\n".join(failures)
