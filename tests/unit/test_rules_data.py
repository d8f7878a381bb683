"""The bundled rules data loads, and a broken copy stops with the file name and the field."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import BaseModel

from kiosk import resources
from kiosk.rules import Category, DataFileError, RulesData, Status, load_rules
from kiosk.rules.loader import RULE_FILES, FileProblem, validate_file


@pytest.mark.parametrize(("name", "model"), RULE_FILES.items(), ids=list(RULE_FILES))
def test_every_bundled_file_loads(resources_root: Path, name: str, model: type[BaseModel]) -> None:
    path = resources.rules_dir(resources_root) / name
    assert isinstance(validate_file(path, model), model)


def test_the_bundled_rules_load_together(rules: RulesData) -> None:
    assert {row.id for row in rules.retirement.category} == set(Category)
    assert rules.retirement.schema_version == 1
    years = [row.contribution_year for row in rules.contribution.year]
    assert 2025 in years and 2026 in years


def test_bundled_figures_agree_with_the_reference(rules: RulesData) -> None:
    """Spot checks against rules.md: reform parameters (§1.3), 2026 limits (§4.1), rates (§5.1),
    计发基数 (§4.2), the transitional coefficient (§3.2)."""
    male = rules.retirement.reform(Category.MALE)
    assert (male.first_affected_birth, male.step_months, male.cap_months) == ("1965-01", 4, 36)
    f50 = rules.retirement.reform(Category.FEMALE_50)
    assert (f50.first_affected_birth, f50.step_months, f50.cap_months) == ("1975-01", 2, 60)
    row_2026 = next(row for row in rules.contribution.year if row.contribution_year == 2026)
    assert (row_2026.base_floor, row_2026.base_ceiling) == (Decimal(4573), Decimal(22863))
    rates = rules.rates.pension[-1]
    assert (rates.employer, rates.individual) == (Decimal("0.16"), Decimal("0.08"))
    assert (rates.flexible_total, rates.flexible_personal_account) == (
        Decimal("0.20"),
        Decimal("0.08"),
    )
    bases = {row.year: row.amount for row in rules.pension.pension_base}
    assert bases == {2023: Decimal(7468), 2024: Decimal(7678), 2025: Decimal(7831)}
    assert rules.pension.transitional.coefficient == Decimal("0.013")
    credit_2025 = next(row for row in rules.pension.crediting_rate if row.year == 2025)
    assert credit_2025.status is Status.UNVERIFIED


# --- broken copies ----------------------------------------------------------------------------------


@pytest.fixture
def rules_copy(tmp_path: Path, resources_root: Path) -> Path:
    """A writable copy of resources/rules/."""
    target = tmp_path / "resources" / "rules"
    shutil.copytree(resources.rules_dir(resources_root), target)
    return target


def mutate(directory: Path, name: str, old: str, new: str) -> None:
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must appear exactly once in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


# (file, text to replace, replacement, expected field, a word the problem must contain)
BROKEN = [
    pytest.param(
        "contribution.toml", "schema_version = 1", "schema_version = = 1", "", "line",
        id="bad-toml-syntax",
    ),
    pytest.param(
        "contribution.toml", "contribution_year = 2026\n", "contribution_year = 2026\ncolour = 1\n",
        "year[6].colour", "", id="unknown-key",
    ),
    pytest.param(
        "contribution.toml", 'base_floor = "4573"', 'base_floor = "abc"', "year[6].base_floor", "",
        id="wrong-type",
    ),
    pytest.param(
        "rates.toml", 'employer = "0.16"', 'employer = "-0.16"', "pension[0].employer", "",
        id="negative-rate",
    ),
    pytest.param(
        "contribution.toml",
        "effective_from = 2026-01-01",
        "effective_from = 2025-06-01",
        "year",
        "overlap",
        id="overlapping-periods",
    ),
    pytest.param(
        "contribution.toml", 'base_floor = "4573"', 'base_floor = "22864"', "year[6]", "base_floor",
        id="floor-above-ceiling",
    ),
    pytest.param(
        "contribution.toml", "effective_to = 2026-12-31", "effective_to = 2025-12-31", "year[6]",
        "effective_to", id="period-ends-before-it-starts",
    ),
    pytest.param(
        "retirement.toml", 'id = "female-55"', 'id = "male"', "category", "",
        id="duplicate-category",
    ),
    pytest.param(
        "retirement.toml", 'id = "female-50"', 'id = "female-45"', "category[2].id", "",
        id="unknown-category",
    ),
    pytest.param(
        "pension.toml", '48 = "204"', '48 = "209"', "payment_months.table", "fall",
        id="payment-months-not-falling",
    ),
    pytest.param(
        "pension.toml", "year = 2024\namount", "year = 2023\namount", "pension_base", "twice",
        id="pension-base-year-twice",
    ),
    pytest.param(
        "rates.toml", "schema_version = 1", "schema_version = 2", "schema_version", "",
        id="schema-version-2",
    ),
    pytest.param(
        "retirement.toml", 'first_affected_birth = "1965-01"', 'first_affected_birth = "1965-13"',
        "category[0].first_affected_birth", "", id="bad-year-month",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("name", "old", "new", "field", "word"), BROKEN)
def test_broken_copy_names_file_and_field(
    rules_copy: Path, name: str, old: str, new: str, field: str, word: str
) -> None:
    mutate(rules_copy, name, old, new)
    with pytest.raises(DataFileError) as caught:
        load_rules(rules_copy)
    error = caught.value
    assert error.path.name == name
    assert error.field == field
    assert name in str(error)
    assert field in str(error)
    assert word in error.problem


def test_missing_file(rules_copy: Path) -> None:
    (rules_copy / "pension.toml").unlink()
    with pytest.raises(DataFileError) as caught:
        load_rules(rules_copy)
    assert caught.value.path.name == "pension.toml"
    assert caught.value.field == ""
    assert caught.value.code is FileProblem.MISSING
    assert str(caught.value) == f"{rules_copy / 'pension.toml'}: file is missing"


def test_file_that_is_not_utf8(rules_copy: Path) -> None:
    path = rules_copy / "rates.toml"
    path.write_bytes(path.read_bytes().replace("山东省".encode(), "山东省".encode("gbk")))
    with pytest.raises(DataFileError) as caught:
        load_rules(rules_copy)
    assert caught.value.path.name == "rates.toml"
    assert caught.value.code is FileProblem.NOT_UTF8
    assert "rates.toml" in str(caught.value) and "not UTF-8 text: line" in str(caught.value)


def test_a_file_that_is_not_toml_and_a_field_refused_have_their_codes(rules_copy: Path) -> None:
    path = rules_copy / "rates.toml"
    path.write_text("[broken", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_rules(rules_copy)
    assert caught.value.code is FileProblem.NOT_TOML
    mutate(rules_copy, "retirement.toml", "schema_version = 1", "schema_version = 2")
    path.unlink()
    with pytest.raises(DataFileError) as caught:
        load_rules(rules_copy)
    assert caught.value.code is FileProblem.INVALID and caught.value.field == "schema_version"


def test_the_unchanged_copy_loads(rules_copy: Path, rules: RulesData) -> None:
    assert load_rules(rules_copy) == rules


def test_a_file_saved_with_a_byte_order_mark_loads(rules_copy: Path, rules: RulesData) -> None:
    """Windows Notepad may save UTF-8 with a BOM: the same data, not a broken file."""
    for path in rules_copy.glob("*.toml"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_rules(rules_copy) == rules
