"""``kiosk-calc``: JSON on stdout, one line on stderr and exit 2 for bad input, exit 1 for bad data."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk import resources
from kiosk.cli import main
from kiosk.fingerprint import resources_fingerprint

AMOUNT = re.compile(r"^\d+\.\d{2}$")
AS_OF = ("--as-of", "2026-11-29")


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``main`` in-process; argparse errors raise SystemExit, rule errors return the code."""
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code, out, err = run_cli(capsys, *args)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def assert_amounts(data: dict[str, Any], keys: list[str]) -> None:
    for key in keys:
        assert isinstance(data[key], str) and AMOUNT.match(data[key]), (key, data[key])


# --- retirement ------------------------------------------------------------------------------------

RETIREMENT_KEYS = [
    "original_age_months",
    "original_retirement_month",
    "statutory_age_months",
    "statutory_age_text",
    "statutory_retirement_month",
    "delay_months",
    "minimum_contribution_months",
    "earliest_flexible_retirement_month",
    "latest_flexible_retirement_month",
]
ELIGIBILITY_KEYS = ["contribution_months", "meets_minimum", "shortfall_months"]


def test_retirement_weifang_man(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "retirement", "--birth", "1965-07", "--category", "male", *AS_OF)
    assert set(RETIREMENT_KEYS) <= data.keys()
    assert not set(ELIGIBILITY_KEYS) & data.keys()
    assert data["original_age_months"] == 720
    assert data["original_retirement_month"] == "2025-07"
    assert data["statutory_age_months"] == 722
    assert data["statutory_age_text"] == "60岁2个月"
    assert data["statutory_retirement_month"] == "2025-09"
    assert data["delay_months"] == 2
    assert data["minimum_contribution_months"] == 180
    assert data["earliest_flexible_retirement_month"] == "2025-07"
    assert data["latest_flexible_retirement_month"] == "2028-09"


@pytest.mark.parametrize(
    ("months", "meets", "shortfall"),
    [pytest.param("239", False, 1, id="short"), pytest.param("240", True, 0, id="meets")],
)
def test_retirement_with_contribution_months(
    capsys: pytest.CaptureFixture[str], months: str, meets: bool, shortfall: int
) -> None:
    data = run_json(
        capsys,
        "retirement",
        "--birth", "1976-09",
        "--category", "male",
        "--contribution-months", months,
        *AS_OF,
    )  # fmt: skip
    assert set(RETIREMENT_KEYS + ELIGIBILITY_KEYS) <= data.keys()
    assert data["statutory_age_text"] == "63岁"
    assert data["statutory_retirement_month"] == "2039-09"
    assert data["minimum_contribution_months"] == 240
    assert data["contribution_months"] == int(months)
    assert data["meets_minimum"] is meets
    assert data["shortfall_months"] == shortfall


# --- contribution ----------------------------------------------------------------------------------

CONTRIBUTION_KEYS = [
    "base",
    "base_floor",
    "base_ceiling",
    "base_adjustment",
    "individual_monthly",
    "employer_monthly",
    "personal_account_monthly",
    "pooled_fund_monthly",
    "period_months",
    "per_payment",
    "annual",
    "provisional",
]
CONTRIBUTION_AMOUNTS = [
    "base",
    "base_floor",
    "base_ceiling",
    "individual_monthly",
    "personal_account_monthly",
    "pooled_fund_monthly",
    "per_payment",
    "annual",
]


def test_contribution_employee(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        capsys, "contribution", "--kind", "employee", "--year", "2026", "--wage", "4572.99", *AS_OF
    )
    assert set(CONTRIBUTION_KEYS) <= data.keys()
    assert_amounts(data, [*CONTRIBUTION_AMOUNTS, "employer_monthly"])
    assert data["base"] == "4573.00"
    assert data["base_floor"] == "4573.00"
    assert data["base_ceiling"] == "22863.00"
    assert data["base_adjustment"] == "raised_to_floor"
    assert data["individual_monthly"] == "365.84"
    assert data["employer_monthly"] == "731.68"
    assert data["period_months"] == 1
    assert data["per_payment"] == "365.84"
    assert data["annual"] == "4390.08"
    assert data["provisional"] is False


def test_contribution_flexible_quarterly(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        capsys,
        "contribution",
        "--kind", "flexible",
        "--year", "2026",
        "--base-percent", "60",
        "--period", "quarter",
        *AS_OF,
    )  # fmt: skip
    assert set(CONTRIBUTION_KEYS) <= data.keys()
    assert_amounts(data, CONTRIBUTION_AMOUNTS)
    assert data["employer_monthly"] is None
    assert data["base"] == "4573.00"
    assert data["individual_monthly"] == "914.60"
    assert data["personal_account_monthly"] == "365.84"
    assert data["pooled_fund_monthly"] == "548.76"
    assert data["period_months"] == 3
    assert data["per_payment"] == "2743.80"
    assert data["annual"] == "10975.20"


def test_contribution_provisional_before_the_notice(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        capsys,
        "contribution",
        "--kind", "flexible",
        "--year", "2026",
        "--base", "4504",
        "--as-of", "2026-08-13",
    )  # fmt: skip
    assert data["provisional"] is True
    assert data["base_floor"] == "4504.00"
    assert data["individual_monthly"] == "900.80"


# --- pension ---------------------------------------------------------------------------------------

WEIFANG = (
    "pension",
    "--pension-base", "7678",
    "--index", "0.6820",
    "--contribution-months", "492",
    "--pre-account-months", "169",
    "--account-balance", "95061.63",
    "--retirement-age-months", "722",
)  # fmt: skip


def test_pension_weifang_form(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, *WEIFANG)
    amounts = [
        "indexed_monthly_wage",
        "basic_pension",
        "personal_account_pension",
        "transitional_pension",
        "total",
    ]
    assert set([*amounts, "payment_months", "provisional"]) <= data.keys()
    assert_amounts(data, amounts)
    assert data["payment_months"] == "137.8"
    assert data["indexed_monthly_wage"] == "5236.40"
    assert data["basic_pension"] == "2647.45"
    assert data["personal_account_pension"] == "689.85"
    assert data["transitional_pension"] == "958.47"
    assert data["total"] == "4295.77"
    assert data["provisional"] is False


def test_pension_by_retirement_year_is_provisional(capsys: pytest.CaptureFixture[str]) -> None:
    args = list(WEIFANG)
    args[1:3] = ["--retirement-year", "2026"]
    data = run_json(capsys, *args)
    assert data["provisional"] is True
    assert data["pension_base"] == "7831.00"


def test_pension_payment_months_for_a_whole_year_keeps_one_decimal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = [*WEIFANG[:-1], "720"]
    assert run_json(capsys, *args)["payment_months"] == "139.0"


def test_check(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "check")
    assert data["ok"] is True
    # the fingerprints kiosk --version and the admin panel show, to compare before an update
    fingerprint = resources_fingerprint(resources.resources_dir())
    assert data["rules_fingerprint"] == fingerprint.rules.digest
    assert data["content_fingerprint"] == fingerprint.content.digest


# --- bad input: exit 2, one line on stderr naming the field ------------------------------------------

BAD_INPUT = [
    pytest.param(
        ["retirement", "--birth", "1965/07", "--category", "male"], "--birth", id="birth-format"
    ),
    pytest.param(
        ["retirement", "--birth", "1965-13", "--category", "male"], "--birth", id="birth-month-13"
    ),
    pytest.param(
        ["retirement", "--birth", "1965-07", "--category", "female"], "--category",
        id="unknown-category",
    ),
    pytest.param(
        ["retirement", "--birth", "2027-01", "--category", "male", *AS_OF], "birth",
        id="birth-in-the-future",
    ),
    pytest.param(
        ["retirement", "--birth", "1965-07", "--category", "male", "--contribution-months", "900"],
        "contribution_months", id="too-many-months",
    ),
    pytest.param(["retirement", "--category", "male"], "--birth", id="missing-birth"),
    pytest.param(
        ["contribution", "--kind", "employee", "--year", "2026", "--wage", "abc"], "--wage",
        id="wage-abc",
    ),
    pytest.param(
        ["contribution", "--kind", "flexible", "--year", "2026", "--base-percent", "500"],
        "base_percent", id="base-percent-500",
    ),
    pytest.param(
        ["contribution", "--kind", "flexible", "--year", "2026", "--base", "100", *AS_OF],
        "base", id="base-below-floor",
    ),
    pytest.param(
        ["contribution", "--kind", "employee", "--year", "2019", "--wage", "5000"], "year",
        id="year-without-figures",
    ),
    pytest.param(
        ["contribution", "--kind", "employee", "--year", "2026", "--wage", "5000",
         "--period", "quarter"],
        "period", id="employee-quarterly",
    ),
    pytest.param(["contribution", "--kind", "employee", "--year", "2026"], "--wage",
                 id="missing-amount"),
    pytest.param([*WEIFANG[:3], "--index", "0.2", *WEIFANG[5:]], "index", id="index-0.2"),
    pytest.param(
        [*WEIFANG[:-1], "900"], "retirement_age_months", id="retirement-age-75y"
    ),
    pytest.param([*WEIFANG[:-2]], "--retirement-age-months", id="missing-age"),
    pytest.param(["pension"], "required", id="pension-without-arguments"),
    pytest.param(["nonsense"], "nonsense", id="unknown-command"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "field"), BAD_INPUT)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], field: str
) -> None:
    code, out, err = run_cli(capsys, *args)
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].strip()
    assert field in lines[0]
    assert "Traceback" not in err


# --- broken data: exit 1 naming the file --------------------------------------------------------------


def test_broken_data_exits_1_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, resources_root: Path
) -> None:
    root = tmp_path / "resources"
    shutil.copytree(resources.rules_dir(resources_root), root / "rules")
    path = root / "rules" / "rates.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('employer = "0.16"', 'employer = "-0.16"'),
        encoding="utf-8",
    )
    code, out, err = run_cli(capsys, "--resources", str(root), "check")
    assert code == 1
    assert out == ""
    assert len(err.splitlines()) == 1
    assert "rates.toml" in err
    assert "pension[0].employer" in err


def test_missing_data_dir_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run_cli(capsys, "--resources", str(tmp_path / "nowhere"), "check")
    assert code == 1
    assert ".toml" in err and "Traceback" not in err


# --- the real program, once ---------------------------------------------------------------------------


def test_subprocess_bad_input_has_no_traceback() -> None:
    completed = subprocess.run(
        [
            sys.executable, "-m", "kiosk.cli",
            "retirement", "--birth", "2099-01", "--category", "male", *AS_OF,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )  # fmt: skip
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert "Traceback" not in completed.stderr
    lines = completed.stderr.splitlines()
    assert len(lines) == 1 and "birth" in lines[0]
