"""The rules speak no language: a whole result (figures, notices, details, steps, basis) and every
refused input, presented in English, hold no Chinese but the proper names the data gives (document
titles and numbers), and each document title comes with its English gloss."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal

import pytest

from kiosk import resources
from kiosk.content.format import error_text
from kiosk.content.texts import Texts, load_texts
from kiosk.present import (
    Presentation,
    present_contribution,
    present_pension,
    present_retirement,
)
from kiosk.present.no_estimate import present_no_estimate
from kiosk.rules import (
    Category,
    InputError,
    PaymentPeriod,
    RulesData,
    WorkerKind,
    YearMonth,
    contribution,
    estimate_account_balance,
    pension,
    retirement,
)
from kiosk.rules.estimate import estimate_pension, retirement_choices

AS_OF = date(2026, 11, 29)
CJK = re.compile("[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
EN = load_texts(resources.text_dir(), "en")
D = Decimal


def proper_names(rules: RulesData) -> list[str]:
    """What may stay Chinese in English: the documents' titles and numbers, longest first (a
    number inside a title is taken with the title)."""
    names = [
        getattr(basis, name)
        for basis in (
            rules.retirement.legal_basis,
            rules.contribution.legal_basis,
            rules.rates.legal_basis,
            rules.pension.legal_basis,
        )
        for name in (field.name for field in dataclasses.fields(basis))
    ]
    names += [row.document for row in rules.contribution.year if row.document]
    names += [row.document for row in rules.pension.pension_base if row.document]
    return sorted(set(names), key=len, reverse=True)


def presentations(rules: RulesData, texts: Texts) -> Iterator[tuple[str, Presentation]]:
    r = rules
    for name, birth, category, months in [
        ("delayed-short", YearMonth(1965, 7), Category.MALE, 170),
        ("pre-reform-short", YearMonth(1965, 3), Category.FEMALE_50, 156),
        ("far-short-lump-sum", YearMonth(1970, 1), Category.FEMALE_55, 60),
        ("meets", YearMonth(1984, 11), Category.FEMALE_50, 300),
        ("years-unknown", YearMonth(1976, 12), Category.MALE, None),
    ]:
        result = retirement(birth, category, r.retirement, as_of=AS_OF, contribution_months=months)
        yield f"retirement-{name}", present_retirement(result, texts)
    for name, kwargs in [
        ("employee-floor", {"kind": WorkerKind.EMPLOYEE, "wage": D(1000)}),
        ("employee-cap", {"kind": WorkerKind.EMPLOYEE, "wage": D(99999)}),
        (
            "flexible-tier",
            {"kind": WorkerKind.FLEXIBLE, "base_percent": D(80), "period": PaymentPeriod.QUARTER},
        ),
        ("flexible-amount", {"kind": WorkerKind.FLEXIBLE, "base": D(5000)}),
    ]:
        kind = kwargs.pop("kind")
        for year in (2026, 2027, 2021):  # published, provisional, derived limits
            con = contribution(kind, year, r.contribution, r.rates, as_of=AS_OF, **kwargs)  # type: ignore[arg-type]
            yield f"contribution-{name}-{year}", present_contribution(con, texts)
    for name, birth, category, later, total, balance in [
        ("estimated-late", YearMonth(1966, 1), Category.MALE, 12, 300, None),
        ("known-early", YearMonth(1976, 12), Category.MALE, 0, 240, D(50000)),
        ("made-up-past-age", YearMonth(1965, 3), Category.FEMALE_50, 0, 156, None),
    ]:
        choices = retirement_choices(
            r, birth=birth, category=category, contribution_months=total, as_of=AS_OF
        )
        estimate = estimate_pension(
            r,
            birth=birth,
            category=category,
            retirement_age_months=min(choices.first_age_months + later, choices.last_age_months),
            contribution_months=total,
            pre_account_months=0 if total < 200 else 100,
            average_index=D("0.6"),
            account_balance=balance,
            as_of=AS_OF,
        )
        yield f"pension-{name}", present_pension(estimate, texts)
    for name, birth, category, total, window in [
        ("short-past-the-table", YearMonth(1950, 3), Category.FEMALE_50, 60, 7),
        ("over-the-table", YearMonth(1954, 6), Category.MALE, 240, None),
    ]:
        choices = retirement_choices(
            r, birth=birth, category=category, contribution_months=total, as_of=AS_OF
        )
        yield f"no-estimate-{name}", present_no_estimate(choices, texts, service_window=window)


def strings(presentation: Presentation) -> Iterator[str]:
    def walk(value: object) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    yield from walk(presentation.as_json())


def chinese_left(text: str, names: list[str]) -> str:
    for name in names:
        text = text.replace(name, "")
    return "".join(CJK.findall(text))


def test_every_english_result_is_english(rules: RulesData) -> None:
    names = proper_names(rules)
    found = {
        (case, text): chinese_left(text, names)
        for case, shown in presentations(rules, EN)
        for text in strings(shown)
        if chinese_left(text, names)
    }
    assert found == {}


def test_the_check_finds_chinese(rules: RulesData) -> None:
    zh = load_texts(resources.text_dir())
    names = proper_names(rules)
    assert all(
        any(chinese_left(text, names) for text in strings(shown))
        for _, shown in presentations(rules, zh)
    )


def test_each_document_title_has_its_gloss_in_english(rules: RulesData) -> None:
    titles = proper_names(rules)
    for case, shown in presentations(rules, EN):
        assert shown.basis, case
        for line in shown.basis:
            assert CJK.sub("", line).strip(" ()《》，。") != "", (case, line)  # the gloss
            assert any(line.startswith(title) for title in titles), (case, line)


REFUSALS: list[Callable[[RulesData], object]] = [
    lambda r: retirement(YearMonth(1920, 1), Category.MALE, r.retirement, as_of=AS_OF),
    lambda r: retirement(YearMonth(2000, 1), Category.MALE, r.retirement, as_of=AS_OF, contribution_months=700),
    lambda r: retirement(YearMonth(1965, 1), Category.MALE, r.retirement, as_of=date(1, 1, 1)),
    lambda r: contribution(WorkerKind.EMPLOYEE, 2026, r.contribution, r.rates, as_of=AS_OF, wage=D("1e8")),
    lambda r: contribution(WorkerKind.EMPLOYEE, 2019, r.contribution, r.rates, as_of=AS_OF, wage=D(5000)),
    lambda r: contribution(WorkerKind.EMPLOYEE, 2026, r.contribution, r.rates, as_of=AS_OF, wage=D(5000), period=PaymentPeriod.YEAR),
    lambda r: contribution(WorkerKind.FLEXIBLE, 2026, r.contribution, r.rates, as_of=AS_OF, base=D(100)),
    lambda r: contribution(WorkerKind.FLEXIBLE, 2026, r.contribution, r.rates, as_of=AS_OF, base_percent=D(301)),
    lambda r: contribution(WorkerKind.FLEXIBLE, 2026, r.contribution, r.rates, as_of=AS_OF),
    lambda r: pension(r.pension, retirement_year=2015, average_index=D(1), contribution_months=200, pre_account_months=0, account_balance=D(0), retirement_age_months=720),
    lambda r: pension(r.pension, retirement_year=2026, average_index=D(5), contribution_months=200, pre_account_months=0, account_balance=D(0), retirement_age_months=720),
    lambda r: pension(r.pension, retirement_year=2026, average_index=D(1), contribution_months=200, pre_account_months=300, account_balance=D(0), retirement_age_months=720),
    lambda r: pension(r.pension, retirement_year=2026, average_index=D(1), contribution_months=200, pre_account_months=0, account_balance=D("100000001"), retirement_age_months=720),
    lambda r: pension(r.pension, pension_base=D(7000), retirement_year=2026, average_index=D(1), contribution_months=200, pre_account_months=0, account_balance=D(0), retirement_age_months=720),
    lambda r: estimate_account_balance(average_index=D(1), account_months=900, retirement_month=YearMonth(2030, 1), contribution=r.contribution, rates=r.rates, pension=r.pension),
    lambda r: estimate_pension(r, birth=YearMonth(1950, 3), category=Category.FEMALE_50, retirement_age_months=1041, contribution_months=60, pre_account_months=0, average_index=D(1), account_balance=None, as_of=AS_OF),
    lambda r: estimate_pension(r, birth=YearMonth(1965, 3), category=Category.FEMALE_50, retirement_age_months=700, contribution_months=156, pre_account_months=0, average_index=D(1), account_balance=None, as_of=AS_OF),
]  # fmt: skip


@pytest.mark.parametrize("refusal", range(len(REFUSALS)))
def test_every_refusal_is_worded_in_english_with_its_limits(rules: RulesData, refusal: int) -> None:
    with pytest.raises(InputError) as caught:
        REFUSALS[refusal](rules)
    text = error_text(EN, caught.value)
    assert not CJK.search(text), text
    assert "{" not in text and EN.errors.fields[caught.value.field] in text, text
