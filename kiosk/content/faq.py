"""The FAQ (常见问题) and the service guide (办事指南): validated models, loading, and the named
placeholders that take figures from the rules data, so the FAQ never disagrees with the calculators.

Files (``resources/content/``):

* ``categories.toml`` - the FAQ categories, in the order the kiosk shows them;
* ``faq/*.toml`` - ``[[entry]]`` tables, one file per topic (the file name is for editors only;
  each entry names its ``category``);
* ``guide.toml`` - the service guide: channels, what the hall does, what to bring.

Every model is a frozen dataclass that rejects unknown keys (checked by pydantic when a file is
loaded, :func:`kiosk.datafile.validate_file`; built without it from a snapshot); related ids, categories and channels must exist; ids
and questions are unique; an answer may only use the placeholders of :func:`placeholder_values`.
Any problem raises :class:`~kiosk.datafile.DataFileError` naming the file and the field.
Never imports Qt.
"""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, dataclass_transform

from annotated_types import MinLen

from kiosk import resources
from kiosk.content import format as fmt
from kiosk.content.texts import CommonTexts
from kiosk.datafile import Chars, DataFileError, validate_file
from kiosk.rules import InputError, RulesData, figures_for_year
from kiosk.rules.models import in_force

CATEGORIES_FILE = "categories.toml"
FAQ_FOLDER = "faq"
GUIDE_FILE = "guide.toml"

Id = Annotated[str, Chars(pattern=r"^[a-z][a-z0-9-]*$", max_length=40)]
Text = Annotated[str, Chars(strip=True), MinLen(1)]


@dataclass_transform(frozen_default=True, kw_only_default=True)
class _Model:
    """A frozen dataclass (made so here; no decorator needed); unknown keys are errors."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclasses.dataclass(frozen=True, kw_only=True)(cls)


# --- categories.toml ----------------------------------------------------------------------------


class FaqCategory(_Model):
    """One big tile on the FAQ's first screen."""

    id: Id
    title: Text  # the tile's title, e.g. 缴费基数与费率
    line: Text  # one line under the title: what the questions are about


class CategoriesFile(_Model):
    schema_version: Literal[1]
    category: Annotated[tuple[FaqCategory, ...], MinLen(1)]


# --- faq/*.toml ---------------------------------------------------------------------------------


class FaqEntry(_Model):
    """One question and its answer.

    ``answer`` is plain text: paragraphs separated by a blank line, list items on lines that start
    with ``- ``. ``{name}`` placeholders are replaced by figures from the rules data at load.
    """

    id: Id
    category: Id
    question: Text
    answer: Text
    keywords: Annotated[tuple[Text, ...], MinLen(1)]  # words people search with
    related: tuple[Id, ...] = ()  # ids of related entries
    source: Text  # the legal basis or where the facts come from
    checked: date  # the day the answer was last checked
    where: tuple[Id, ...] = ()  # channel ids (guide.toml) where it can be done
    where_note: str = ""
    journey: Id | None = None  # the calculation it opens (a journey id, kiosk.journeys)

    def blocks(self) -> tuple[AnswerBlock, ...]:
        return answer_blocks(self.answer)


class FaqFile(_Model):
    schema_version: Literal[1]
    entry: Annotated[tuple[FaqEntry, ...], MinLen(1)]


# --- guide.toml ---------------------------------------------------------------------------------


class Channel(_Model):
    """A way to do business: the hall window, the app, the portal..."""

    id: Id
    name: Text  # a short name, shown under 在哪里办
    purpose: Text  # what it is for, in one or two sentences
    how: str = ""  # how to find it


class GuideSection(_Model):
    title: Text
    items: Annotated[tuple[Text, ...], MinLen(1)]


class Guide(_Model):
    schema_version: Literal[1]
    checked: date
    source: Text
    intro: Text
    channel: Annotated[tuple[Channel, ...], MinLen(1)]
    hall: GuideSection
    bring: Annotated[tuple[GuideSection, ...], MinLen(1)]
    tips: GuideSection

    def channel_by_id(self, channel_id: str) -> Channel:
        return next(c for c in self.channel if c.id == channel_id)


# --- the answer's paragraphs and lists ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnswerBlock:
    """A paragraph (one line) or a bulleted list (several items)."""

    kind: Literal["paragraph", "list"]
    lines: tuple[str, ...]


def answer_blocks(text: str) -> tuple[AnswerBlock, ...]:
    """Split an answer into paragraphs (blank-line separated) and ``- `` lists."""
    blocks: list[AnswerBlock] = []
    for chunk in text.strip().split("\n\n"):
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        paragraph: list[str] = []
        items: list[str] = []
        for line in lines:
            if line.startswith("- "):
                if paragraph:
                    blocks.append(AnswerBlock("paragraph", ("".join(paragraph),)))
                    paragraph = []
                items.append(line[2:].strip())
            else:
                if items:
                    blocks.append(AnswerBlock("list", tuple(items)))
                    items = []
                paragraph.append(line)
        if paragraph:
            blocks.append(AnswerBlock("paragraph", ("".join(paragraph),)))
        if items:
            blocks.append(AnswerBlock("list", tuple(items)))
    return tuple(blocks)


# --- placeholders -------------------------------------------------------------------------------


def _percent(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"


def _amount(value: Decimal) -> str:
    return f"{value.normalize():f}"


def placeholder_values(rules: RulesData, *, as_of: date, common: CommonTexts) -> dict[str, str]:
    """Every ``{name}`` an answer may use, as the text it becomes (figures for ``as_of``, worded
    by ``common``, the FAQ's language)."""
    figures = figures_for_year(as_of.year, rules.contribution, as_of=as_of)
    row = figures.row
    pension_rates = in_force(rules.rates.pension, as_of)
    unemployment = in_force(rules.rates.unemployment, as_of)
    assert pension_rates is not None and unemployment is not None  # _check_figures_in_force

    def years_months_text(months: int) -> str:
        return fmt.duration(common, months)

    minimum = rules.retirement.minimum_contribution
    rise = minimum.increase_months_per_year
    final_year = minimum.base_until_year + (
        -(-(minimum.final_months - minimum.base_months) // rise) if rise else 0
    )
    flexible = rules.retirement.flexible
    base = max(rules.pension.pension_base, key=lambda b: b.year)
    final_age = {
        reform.id.value: fmt.age(common, reform.original_age_years * 12 + reform.cap_months)
        for reform in rules.retirement.category
    }
    step = {reform.id.value: reform.step_months for reform in rules.retirement.category}
    return {
        "current_year": str(as_of.year),
        "limits_year": str(figures.parameter_year),
        "floor_current": _amount(row.base_floor),
        "ceiling_current": _amount(row.base_ceiling),
        "average_wage_current": _amount(row.average_wage_monthly),
        "limits_document": row.document or row.source,
        "employer_rate": _percent(pension_rates.employer),
        "individual_rate": _percent(pension_rates.individual),
        "flexible_rate": _percent(pension_rates.flexible_total),
        "flexible_account_rate": _percent(pension_rates.flexible_personal_account),
        "flexible_pooled_rate": _percent(
            pension_rates.flexible_total - pension_rates.flexible_personal_account
        ),
        "unemployment_employer_rate": _percent(unemployment.employer),
        "unemployment_individual_rate": _percent(unemployment.individual),
        "unemployment_total_rate": _percent(unemployment.employer + unemployment.individual),
        "minimum_years_now": years_months_text(minimum.months_for(as_of.year)),
        "minimum_years_base": years_months_text(minimum.base_months),
        "minimum_base_until": str(minimum.base_until_year),
        "minimum_years_2030": years_months_text(minimum.months_for(2030)),
        "minimum_years_final": years_months_text(minimum.final_months),
        "minimum_final_year": str(final_year),
        "minimum_rise": years_months_text(rise),
        "flexible_early_max": years_months_text(flexible.early_max_months),
        "flexible_late_max": years_months_text(flexible.late_max_months),
        "early_notice": years_months_text(flexible.early_notice_months),
        "male_final_age": final_age["male"],
        "female_55_final_age": final_age["female-55"],
        "female_50_final_age": final_age["female-50"],
        "male_step": years_months_text(step["male"]),
        "female_50_step": years_months_text(step["female-50"]),
        "pension_base_latest": _amount(base.amount),
        "pension_base_year": str(base.year),
        "pension_base_document": base.document or base.source,
        "transitional_rate": _percent(rules.pension.transitional.coefficient),
    }


def placeholder_names(text: str) -> list[str]:
    """The ``{name}`` fields of ``text`` (``{{`` is a literal brace)."""
    try:
        return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as exc:  # a lone "{" or "}"
        raise ValueError(f"bad brace: {exc}") from None


def resolve(text: str, values: Mapping[str, str], *, path: Path, field: str) -> str:
    """``text`` with its placeholders filled; an unknown or malformed one names file and field."""
    try:
        names = placeholder_names(text)
    except ValueError as exc:
        raise DataFileError(path, field, f"{exc} (占位符格式错误)") from None
    for name in names:
        if name not in values:
            raise DataFileError(
                path, field, f"unknown placeholder {{{name}}} (未知占位符); known: {sorted(values)}"
            )
    return text.format_map(values)


# --- the whole content --------------------------------------------------------------------------


@dataclass(frozen=True)
class Content:
    """The FAQ categories and entries (placeholders resolved) and the service guide."""

    categories: tuple[FaqCategory, ...]
    entries: tuple[FaqEntry, ...]
    guide: Guide
    files: tuple[Path, ...]
    origins: Mapping[str, tuple[Path, int]] = field(default_factory=dict)
    """Each entry's file and its index there (to name a problem found later)."""

    @property
    def checked(self) -> date:
        """The latest date any entry or the guide was checked (for the admin panel)."""
        return max([self.guide.checked, *(e.checked for e in self.entries)])

    def entry(self, entry_id: str) -> FaqEntry:
        return next(e for e in self.entries if e.id == entry_id)

    def category(self, category_id: str) -> FaqCategory:
        return next(c for c in self.categories if c.id == category_id)

    def in_category(self, category_id: str) -> tuple[FaqEntry, ...]:
        return tuple(e for e in self.entries if e.category == category_id)


def content_dir(root: Path) -> Path:
    return root / "content"


def load_content(directory: Path, rules: RulesData, *, as_of: date, common: CommonTexts) -> Content:
    """Load and validate ``directory`` (``resources/content``); raise DataFileError on a problem.
    ``common``: the catalogue wording the figures the answers quote (the FAQ is Chinese)."""
    categories_path = directory / CATEGORIES_FILE
    categories = validate_file(categories_path, CategoriesFile).category
    _unique(
        ((i, c.id) for i, c in enumerate(categories)), categories_path, "category", "id", "分类"
    )
    guide_path = directory / GUIDE_FILE
    guide = validate_file(guide_path, Guide)
    _unique(((i, c.id) for i, c in enumerate(guide.channel)), guide_path, "channel", "id", "渠道")

    faq_folder = directory / FAQ_FOLDER
    faq_paths = sorted(faq_folder.glob("*.toml"))
    if not faq_paths:
        raise DataFileError(faq_folder, "", "no FAQ files (*.toml) found (没有常见问题文件)")
    _check_figures_in_force(rules, resources.rules_dir(directory.parent), as_of)
    values = placeholder_values(rules, as_of=as_of, common=common)
    located: list[tuple[Path, int, FaqEntry]] = []
    for path in faq_paths:
        for index, entry in enumerate(validate_file(path, FaqFile).entry):
            where = f"entry[{index}]"
            answer = resolve(entry.answer, values, path=path, field=f"{where}.answer")
            note = resolve(entry.where_note, values, path=path, field=f"{where}.where_note")
            source = resolve(entry.source, values, path=path, field=f"{where}.source")
            resolved = dataclasses.replace(entry, answer=answer, where_note=note, source=source)
            located.append((path, index, resolved))
    _check_entries(located, {c.id for c in categories}, {c.id for c in guide.channel})
    entries = tuple(entry for _, _, entry in located)
    empty = [c.id for c in categories if not any(e.category == c.id for e in entries)]
    if empty:
        raise DataFileError(categories_path, "category", f"no entries in {empty} (分类下没有问题)")
    order = {c.id: i for i, c in enumerate(categories)}
    entries = tuple(sorted(entries, key=lambda e: order[e.category]))  # stable: file order within
    return Content(
        categories=categories,
        entries=entries,
        guide=guide,
        files=(categories_path, guide_path, *faq_paths),
        origins={entry.id: (path, index) for path, index, entry in located},
    )


def _check_figures_in_force(rules: RulesData, rules_folder: Path, as_of: date) -> None:
    """The answers quote today's rates and limits: a rules file with none in force on ``as_of``
    (every period starts later, e.g. a mistyped year) names its file and field here."""
    rates = rules_folder / "rates.toml"
    for table, rows in (
        ("pension", rules.rates.pension),
        ("unemployment", rules.rates.unemployment),
    ):
        if in_force(rows, as_of) is None:
            first = min(range(len(rows)), key=lambda i: rows[i].effective_from)
            raise DataFileError(
                rates,
                f"{table}[{first}].effective_from",
                f"no period in force on {as_of} (没有当前适用的费率)",
            )
    try:
        figures_for_year(as_of.year, rules.contribution, as_of=as_of)
    except InputError as exc:
        raise DataFileError(
            rules_folder / "contribution.toml", "year", f"no figures in force on {as_of} ({exc})"
        ) from None


def _unique(items: Iterable[tuple[int, str]], path: Path, table: str, key: str, what: str) -> None:
    seen: set[str] = set()
    for index, value in items:
        if value in seen:
            raise DataFileError(
                path, f"{table}[{index}].{key}", f"duplicate {key} {value!r} ({what}重复)"
            )
        seen.add(value)


def _check_entries(
    located: list[tuple[Path, int, FaqEntry]], categories: set[str], channels: set[str]
) -> None:
    ids: dict[str, Path] = {}
    questions: dict[str, str] = {}
    for path, index, entry in located:
        where = f"entry[{index}]"
        if entry.id in ids:
            raise DataFileError(
                path, f"{where}.id", f"duplicate id {entry.id!r} (also in {ids[entry.id].name})"
            )
        ids[entry.id] = path
        question = "".join(entry.question.split())
        if question in questions:
            raise DataFileError(
                path, f"{where}.question", f"duplicate question (same as {questions[question]!r})"
            )
        questions[question] = entry.id
        if entry.category not in categories:
            raise DataFileError(
                path, f"{where}.category", f"unknown category {entry.category!r} (未知分类)"
            )
        for position, channel in enumerate(entry.where):
            if channel not in channels:
                raise DataFileError(
                    path, f"{where}.where[{position}]", f"unknown channel {channel!r} (未知渠道)"
                )
    for path, index, entry in located:
        for position, related in enumerate(entry.related):
            if related not in ids:
                raise DataFileError(
                    path,
                    f"entry[{index}].related[{position}]",
                    f"no entry with id {related!r} (相关问题不存在)",
                )
            if related == entry.id:
                raise DataFileError(
                    path, f"entry[{index}].related[{position}]", "an entry cannot relate to itself"
                )


__all__ = [
    "AnswerBlock",
    "Channel",
    "Content",
    "FaqCategory",
    "FaqEntry",
    "Guide",
    "GuideSection",
    "answer_blocks",
    "content_dir",
    "load_content",
    "placeholder_values",
]
