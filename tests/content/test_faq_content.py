"""The bundled FAQ and service guide: they load, they are complete, their figures come from the
rules data, and a broken copy stops loading with the file and the field named."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

import pytest

from kiosk import resources
from kiosk.bundle import validate_bundle
from kiosk.content.faq import (
    AnswerBlock,
    Content,
    answer_blocks,
    content_dir,
    load_content,
    placeholder_names,
    placeholder_values,
)
from kiosk.content.texts import load_texts
from kiosk.journeys import JOURNEYS
from kiosk.rules import RulesData, figures_for_year
from kiosk.rules.loader import DataFileError

ZH = load_texts(resources.text_dir())  # the FAQ's language words its figures

DAY = date(2026, 11, 29)  # as in conftest
FAQ = Path("content") / "faq"


def edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def load(root: Path, rules: RulesData) -> Content:
    return load_content(content_dir(root), rules, as_of=DAY, common=ZH.common)


def load_error(root: Path, rules: RulesData) -> DataFileError:
    with pytest.raises(DataFileError) as caught:
        load(root, rules)
    return caught.value


# what is bundled ---------------------------------------------------------------------------------


def test_at_least_40_entries_in_at_least_6_categories(content: Content) -> None:
    assert len(content.entries) >= 40
    assert len(content.categories) >= 6
    assert all(content.in_category(c.id) for c in content.categories)


def test_the_topics_the_issue_lists_are_covered(content: Content) -> None:
    text = " ".join(e.question + e.answer for e in content.entries)
    for topic in [
        "缴费基数", "灵活就业", "按季度", "法定退休年龄", "最低缴费年限", "弹性", "视同缴费年限",
        "年限还不够", "次月计发", "资格认证", "静默认证", "工伤认定", "决定书", "工伤预防",
        "失业保险", "主动办", "七大类", "70多项", "34项", "电子地图", "缓缴", "滞纳金", "退休手续",
    ]:  # fmt: skip
        assert topic in text, topic


def test_every_entry_is_complete(content: Content) -> None:
    for entry in content.entries:
        assert entry.keywords and entry.source and entry.checked <= DAY, entry.id
        assert entry.blocks(), entry.id
        assert all(r in {e.id for e in content.entries} for r in entry.related), entry.id


def test_calculation_answers_open_their_journey(content: Content) -> None:
    journeys = {e.journey for e in content.entries if e.journey is not None}
    assert journeys == {spec.id for spec in JOURNEYS}


def test_where_names_guide_channels(content: Content) -> None:
    channels = {c.id for c in content.guide.channel}
    assert {"hall", "app", "online-hall", "portal"} <= channels
    assert any(e.where for e in content.entries)
    assert all(set(e.where) <= channels for e in content.entries)


def test_2022_measures_are_dated_history(content: Content) -> None:
    history = content.in_category("history")
    assert len(history) >= 4
    for entry in history:
        assert "2022" in entry.question + entry.answer, entry.id
    deferral = content.entry("his-deferral").answer
    assert "已经结束" in deferral


def test_guide_has_channels_hall_and_what_to_bring(content: Content) -> None:
    guide = content.guide
    assert len(guide.channel) >= 5 and guide.hall.items and guide.bring
    assert all(c.purpose for c in guide.channel)


# placeholders ------------------------------------------------------------------------------------


def raw_entries(root: Path) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = []
    for path in sorted((root / FAQ).glob("*.toml")):
        entries += tomllib.loads(path.read_text("utf-8"))["entry"]
    return entries


def test_every_placeholder_resolves(
    resources_root: Path, content: Content, rules: RulesData
) -> None:
    values = placeholder_values(rules, as_of=DAY, common=ZH.common)
    used = {
        name
        for entry in raw_entries(resources_root)
        for field in ("answer", "where_note", "source")
        for name in placeholder_names(str(entry.get(field, "")))
    }
    assert used, "the FAQ uses no placeholder at all"
    assert used <= set(values)
    for entry in content.entries:
        for text in (entry.answer, entry.where_note, entry.source):
            assert not re.search(r"\{[a-z_0-9]*\}", text), (entry.id, text)


def test_figures_come_from_the_rules(content: Content, rules: RulesData) -> None:
    row = figures_for_year(DAY.year, rules.contribution, as_of=DAY).row
    limits = content.entry("con-limits-current").answer
    assert f"{row.base_floor.normalize():f}" in limits
    assert f"{row.base_ceiling.normalize():f}" in limits
    assert "16%" in content.entry("con-employee-rates").answer
    assert "8%" in content.entry("con-employee-rates").answer
    assert "20%" in content.entry("con-flexible-rate").answer
    assert "15年6个月" in content.entry("ret-minimum-2030").answer
    assert "0.7%" in content.entry("une-rate").answer


def test_placeholders_follow_the_day(rules: RulesData, resources_root: Path) -> None:
    """Before 2026's notice (2026-08-14) this year's limits are 2025's, and the text says 2025."""
    early = load_content(
        content_dir(resources_root), rules, as_of=DAY.replace(month=3), common=ZH.common
    )
    values = placeholder_values(rules, as_of=DAY.replace(month=3), common=ZH.common)
    assert values["limits_year"] == "2025"
    assert values["floor_current"] in early.entry("con-limits-current").answer


def test_placeholder_values_are_plain_text(rules: RulesData) -> None:
    values = placeholder_values(rules, as_of=DAY, common=ZH.common)
    assert values["individual_rate"] == "8%"
    assert values["flexible_rate"] == "20%"
    assert values["minimum_years_final"] == "20年"
    assert values["minimum_final_year"] == "2039"
    assert values["male_final_age"] == "63岁"


def test_unknown_placeholder_names_file_and_field(broken: Path, rules: RulesData) -> None:
    path = edit(broken / FAQ / "01-contribution.toml", "{floor_current}", "{floor_curent}")
    error = load_error(broken, rules)
    assert error.path == path
    assert error.field == "entry[1].answer"
    assert "floor_curent" in str(error) and "01-contribution.toml" in str(error)


def test_lone_brace_names_file_and_field(broken: Path, rules: RulesData) -> None:
    path = edit(broken / FAQ / "05-unemployment.toml", "合计{unemployment_total_rate}", "合计{")
    error = load_error(broken, rules)
    assert (error.path, error.field) == (path, "entry[0].answer")


# broken copies -------------------------------------------------------------------------------------


def test_the_copy_loads_before_it_is_broken(
    broken: Path, rules: RulesData, content: Content
) -> None:
    assert load(broken, rules).entries == content.entries


def test_unknown_key(broken: Path, rules: RulesData) -> None:
    path = edit(broken / FAQ / "03-pension.toml", "checked = 2026-11-29\n", "checkd = 2026-11-29\n")
    error = load_error(broken, rules)
    assert error.path == path
    assert error.field in {"entry[0].checkd", "entry[0].checked"}


def test_missing_field(broken: Path, rules: RulesData) -> None:
    path = edit(
        broken / FAQ / "04-injury.toml", 'source = "《工伤保险条例》第十七条、第十八条"\n', ""
    )
    error = load_error(broken, rules)
    assert (error.path, error.field) == (path, "entry[0].source")


def test_duplicate_id(broken: Path, rules: RulesData) -> None:
    path = edit(broken / FAQ / "07-history.toml", 'id = "his-flexible"', 'id = "con-employee-base"')
    error = load_error(broken, rules)
    assert error.path == path
    assert error.field.endswith(".id") and "con-employee-base" in error.problem


def test_duplicate_question(broken: Path, rules: RulesData) -> None:
    path = edit(
        broken / FAQ / "06-online.toml",
        'question = "怎么用手机办社保？"',
        'question = "有哪些网上办事渠道？"',
    )
    error = load_error(broken, rules)
    assert (error.path, error.field) == (path, "entry[2].question")


def test_related_must_exist(broken: Path, rules: RulesData) -> None:
    path = edit(
        broken / FAQ / "02-retirement.toml", '"ret-my-age", "ret-pace"', '"ret-my-age", "ret-paces"'
    )
    error = load_error(broken, rules)
    assert error.path == path
    assert error.field == "entry[0].related[1]" and "ret-paces" in error.problem


def test_category_must_exist(broken: Path, rules: RulesData) -> None:
    path = edit(
        broken / FAQ / "05-unemployment.toml", 'category = "unemployment"', 'category = "jobless"'
    )
    error = load_error(broken, rules)
    assert (error.path, error.field) == (path, "entry[0].category")


def test_channel_must_exist(broken: Path, rules: RulesData) -> None:
    path = edit(broken / FAQ / "04-injury.toml", 'where = ["hall"]', 'where = ["window"]')
    error = load_error(broken, rules)
    assert (error.path, error.field) == (path, "entry[0].where[0]")


def test_bad_journey(broken: Path) -> None:
    """An answer's 去测算 must name a registered journey (checked with the whole bundle)."""
    path = edit(broken / FAQ / "03-pension.toml", 'journey = "pension"', 'journey = "pensions"')
    with pytest.raises(DataFileError) as caught:
        validate_bundle(broken, as_of=DAY)
    assert caught.value.path == path and caught.value.field.endswith(".journey")
    assert "pensions" in caught.value.problem


def test_bad_toml(broken: Path, rules: RulesData) -> None:
    path = edit(broken / "content" / "guide.toml", "schema_version = 1", "schema_version = ")
    error = load_error(broken, rules)
    assert error.path == path and "TOML" in error.problem


def test_missing_categories_file(broken: Path, rules: RulesData) -> None:
    path = broken / "content" / "categories.toml"
    path.unlink()
    assert load_error(broken, rules).path == path


def test_empty_category(broken: Path, rules: RulesData) -> None:
    (broken / FAQ / "05-unemployment.toml").unlink()
    error = load_error(broken, rules)
    assert error.path.name in {
        "categories.toml",
        "02-retirement.toml",
        "03-pension.toml",
        "04-injury.toml",
    }


# the answer's paragraphs and lists ---------------------------------------------------------------


def test_answer_blocks() -> None:
    text = "第一段\n接着\n\n- 甲\n- 乙\n结尾\n\n最后"
    assert answer_blocks(text) == (
        AnswerBlock("paragraph", ("第一段接着",)),
        AnswerBlock("list", ("甲", "乙")),
        AnswerBlock("paragraph", ("结尾",)),
        AnswerBlock("paragraph", ("最后",)),
    )
