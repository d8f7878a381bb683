"""``kiosk-calc ... --pdf PATH`` writes the sheet next to the unchanged JSON, without a display.

Run with a font configuration that hides the system's fonts, as on a hall terminal: the bundled
subset is the only CJK font, so the PDF's text comes back exactly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sheet_helpers import squeeze

COMMANDS = {
    "retirement": [
        "retirement", "--birth", "1965-07", "--category", "male",
        "--contribution-months", "170", "--as-of", "2026-11-29",
    ],
    "contribution": [
        "contribution", "--kind", "employee", "--year", "2026", "--wage", "6000",
        "--as-of", "2026-11-29",
    ],
    "pension": [
        "pension", "--retirement-year", "2025", "--index", "0.682", "--contribution-months", "492",
        "--pre-account-months", "169", "--account-balance", "95061.63",
        "--retirement-age-months", "722",
    ],
}  # fmt: skip


def kiosk_calc(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    fonts_conf = tmp_path / "fonts.conf"
    fonts_conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><cachedir>{tmp_path / 'fc'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = dict(os.environ, FONTCONFIG_FILE=str(fonts_conf))
    env.pop("QT_QPA_PLATFORM", None)  # the CLI chooses offscreen itself
    return subprocess.run(
        [sys.executable, "-m", "kiosk.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("kind", list(COMMANDS))
def test_pdf_written_alongside_the_same_json(kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.pdf"
    plain = kiosk_calc(COMMANDS[kind], tmp_path)
    with_pdf = kiosk_calc([*COMMANDS[kind], "--pdf", str(path)], tmp_path)
    assert plain.returncode == with_pdf.returncode == 0, with_pdf.stderr
    data = json.loads(with_pdf.stdout)
    assert data == json.loads(plain.stdout)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    compact = squeeze(text)
    assert squeeze("以上结果仅供参考，以社会保险经办机构核定为准。") in compact
    assert "\u2f49" not in text  # the bundled font: 月, never the Kangxi radical ⽉
    if kind == "retirement":
        figures = ["60岁2个月", "2025年9月"]
    elif kind == "contribution":
        figures = ["6,000.00元", f"{Decimal(data['individual_monthly']):,.2f}元"]
    else:
        figures = [f"{Decimal(data['total']):,.2f}元"]
    for figure in figures:
        assert squeeze(figure) in compact


def test_unwritable_pdf_path_exits_3_naming_the_field(tmp_path: Path) -> None:
    done = kiosk_calc([*COMMANDS["retirement"], "--pdf", str(tmp_path / "no" / "x.pdf")], tmp_path)
    assert done.returncode == 3
    assert done.stderr.startswith("kiosk-calc: pdf:")
