"""The README's screenshots are there, are PNGs and stay small (they live in the repository)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_BYTES = 300 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_every_screenshot_the_readme_shows_is_a_small_png() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", readme)
    assert "tests/screenshots/pension-compare_result_1080x1920_standard_standard.png" in images
    for image in images:
        path = ROOT / image
        assert path.is_file(), image
        assert path.read_bytes()[:8] == PNG_SIGNATURE, image
        assert path.stat().st_size <= MAX_BYTES, image
