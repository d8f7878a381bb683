"""The UI text catalogue: it loads, a broken file names itself and the field, every calculation step
has its wording with exactly the rule's figures, no Chinese literal hides in kiosk/ui, and every
character on screen is in the bundled font."""

from __future__ import annotations

import ast
import re
import shutil
import string
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QRawFont

import kiosk
from kiosk import resources
from kiosk.content.texts import DEFAULT_LANGUAGE, SECTIONS, Texts, load_texts
from kiosk.rules import (
    Category,
    PaymentPeriod,
    RulesData,
    Step,
    StepKey,
    WorkerKind,
    YearMonth,
    contribution,
    estimate_account_balance,
    pension,
    retirement,
)
from kiosk.rules.compare import compare_retirement
from kiosk.rules.estimate import estimate_pension
from kiosk.rules.loader import DataFileError, validate_file

TODAY = date(2026, 11, 29)
UI_DIR = Path(kiosk.__file__).resolve().parent / "ui"
RULES_DIR = UI_DIR.parent / "rules"  # the rules speak no language either (issue 15)
FONT_FILES = ("NotoSansSC-Kiosk-Regular.otf", "NotoSansSC-Kiosk-Bold.otf")
CJK = re.compile("[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


@pytest.fixture(scope="module")
def catalogue() -> Texts:
    return load_texts(resources.text_dir())


def strings_in(value: object) -> Iterator[str]:
    """Every string value inside nested dicts / lists (TOML data, a model dump)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)


# every section loads -----------------------------------------------------------------------------


@pytest.mark.parametrize("section", list(SECTIONS))
def test_every_section_loads(section: str) -> None:
    path = resources.text_dir() / DEFAULT_LANGUAGE / f"{section}.toml"
    model = validate_file(path, SECTIONS[section])
    assert all(text.strip() for text in strings_in(asdict(model))), section


def test_the_whole_catalogue_loads(catalogue: Texts) -> None:
    assert catalogue.language == DEFAULT_LANGUAGE
    assert set(SECTIONS) == {
        "common", "home", "ops", "retirement", "contribution", "pension", "faq", "sheet",
        "errors", "speech",
    }  # fmt: skip


def test_placeholders_are_named(catalogue: Texts) -> None:
    """``{amount}``, never ``{}`` or ``{0}``: a translator must see what goes where."""
    bad = [
        text
        for text in strings_in(asdict(catalogue))
        for _, name, _, _ in string.Formatter().parse(text)
        if name is not None and not name.isidentifier()
    ]
    assert bad == []


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_ampersand_a_button_would_take_for_a_shortcut(language: str) -> None:
    """Qt shows "Text & voice" on a button as "Text _voice" (a keyboard shortcut's mark)."""
    texts = load_texts(resources.text_dir(), language)
    assert [text for text in strings_in(asdict(texts)) if "&" in text] == []


# a broken copy stops with the file and the field --------------------------------------------------


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A copy of resources/ to break; returns its root."""
    root = tmp_path / "resources"
    shutil.copytree(resources.resources_dir(), root)
    return root


def edit(root: Path, section: str, old: str, new: str) -> Path:
    path = root / "text" / DEFAULT_LANGUAGE / f"{section}.toml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def load_error(root: Path) -> DataFileError:
    with pytest.raises(DataFileError) as caught:
        load_texts(resources.text_dir(root))
    return caught.value


def test_broken_copy_is_fine_before_it_is_broken(broken: Path) -> None:
    assert load_texts(resources.text_dir(broken)) == load_texts(resources.text_dir())


def test_missing_key_names_file_and_field(broken: Path) -> None:
    path = edit(broken, "common", 'privacy = "本机不保存个人信息"\n', "")
    error = load_error(broken)
    assert error.path == path
    assert error.field == "privacy"
    assert "common.toml" in str(error) and "privacy" in str(error)


def test_missing_nested_key_names_the_dotted_field(broken: Path) -> None:
    path = edit(broken, "retirement", "\nret_delay = ", "\n# ret_delay = ")
    error = load_error(broken)
    assert error.path == path
    assert error.field == "steps.ret_delay"
    assert "retirement.toml" in str(error) and "steps.ret_delay" in str(error)


def test_missing_level_key_names_the_dotted_field(broken: Path) -> None:
    path = edit(broken, "pension", "[levels.p150]\ntitle = ", "[levels.p150]\nheading = ")
    error = load_error(broken)
    assert error.path == path
    assert error.field in {"levels.p150.title", "levels.p150.heading"}


def test_unknown_key_names_file_and_field(broken: Path) -> None:
    path = edit(broken, "home", 'greeting = "', 'greetnig = "typo"\ngreeting = "')
    error = load_error(broken)
    assert error.path == path
    assert error.field == "greetnig"
    assert "home.toml" in str(error) and "greetnig" in str(error)


def test_bad_toml_names_the_file(broken: Path) -> None:
    path = edit(broken, "contribution", 'title = "缴费测算"', 'title = "缴费测算')
    error = load_error(broken)
    assert error.path == path
    assert "contribution.toml" in str(error)
    assert "TOML" in error.problem


def test_wrong_type_names_file_and_field(broken: Path) -> None:
    path = edit(broken, "common", 'back = "返回"', "back = 3")
    error = load_error(broken)
    assert (error.path, error.field) == (path, "back")


def test_missing_file_names_the_file(broken: Path) -> None:
    path = broken / "text" / DEFAULT_LANGUAGE / "pension.toml"
    path.unlink()
    error = load_error(broken)
    assert error.path == path
    assert "pension.toml" in str(error)


def test_the_bundle_refuses_a_broken_copy(qapp, broken: Path) -> None:
    """The start-up path (kiosk.app.load_bundle) stops on the same error."""
    from kiosk.app import load_bundle

    edit(broken, "common", 'home = "首页"\n', "")
    with pytest.raises(DataFileError) as caught:
        load_bundle(broken)
    assert caught.value.field == "home"
    assert caught.value.path.name == "common.toml"


# step templates and the rules' step values --------------------------------------------------------


def representative_steps(rules: RulesData) -> list[Step]:
    """Steps of the rules for inputs that reach every branch that words a step differently."""
    steps: list[Step] = []
    for birth, category, months in [
        (YearMonth(1965, 7), Category.MALE, 170),  # delayed, short of the minimum
        (YearMonth(1964, 12), Category.MALE, None),  # not delayed, pre-reform, years not given
        (YearMonth(1984, 11), Category.FEMALE_50, 300),  # delayed to the cap, meets
        (YearMonth(1981, 9), Category.FEMALE_55, 100),
    ]:
        result = retirement(
            birth, category, rules.retirement, as_of=TODAY, contribution_months=months
        )
        steps += result.steps
    c, r = rules.contribution, rules.rates
    for wage in ("1000", "99999", "8000"):  # raised to the floor, capped, within
        steps += contribution(
            WorkerKind.EMPLOYEE, 2026, c, r, as_of=TODAY, wage=Decimal(wage)
        ).steps
    steps += contribution(
        WorkerKind.FLEXIBLE,
        2026,
        c,
        r,
        as_of=TODAY,
        base_percent=Decimal(100),
        period=PaymentPeriod.QUARTER,
    ).steps
    steps += contribution(WorkerKind.FLEXIBLE, 2026, c, r, as_of=TODAY, base=Decimal(5000)).steps
    steps += contribution(  # 2027's limits are not out yet: provisional
        WorkerKind.EMPLOYEE, 2027, c, r, as_of=TODAY, wage=Decimal(5000)
    ).steps
    common = {
        "average_index": Decimal("1"),
        "contribution_months": 360,
        "pre_account_months": 60,
        "account_balance": Decimal("100000"),
        "retirement_age_months": 722,
    }
    steps += pension(rules.pension, retirement_year=2025, **common).steps
    steps += pension(rules.pension, pension_base=Decimal(7000), **common).steps
    steps += pension(rules.pension, retirement_year=2040, **common).steps
    steps += estimate_account_balance(
        average_index=Decimal("0.8"),
        account_months=240,
        retirement_month=YearMonth(2030, 1),
        contribution=c,
        rates=r,
        pension=rules.pension,
        opening_balance=Decimal(50000),  # a balance known today, carried forward
    ).steps
    steps += compare_retirement(  # the comparison's assumptions
        rules,
        birth=YearMonth(1970, 6),
        category=Category.MALE,
        contribution_months=264,
        pre_account_months=0,
        average_index=Decimal(1),
        account_balance=None,
        as_of=date(2026, 12, 7),
    ).steps
    steps += estimate_pension(  # months still to be paid before retiring
        rules,
        birth=YearMonth(1965, 3),
        category=Category.FEMALE_50,
        retirement_age_months=63 * 12 + 9,
        contribution_months=156,
        pre_account_months=0,
        average_index=Decimal("0.6"),
        account_balance=None,
        as_of=date(2026, 12, 7),
    ).steps
    return steps


@pytest.fixture(scope="module")
def step_values(rules: RulesData) -> dict[StepKey, set[str]]:
    values: dict[StepKey, set[str]] = {}
    for step in representative_steps(rules):
        values.setdefault(step.key, set()).update(step.values)
    return values


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


# Values the rules put in a step that its wording does not show (found by this test; reported).
# The JSON of the CLI carries them; on screen they are silently dropped.


def test_every_step_key_is_reached_by_the_sample(step_values: dict[StepKey, set[str]]) -> None:
    assert set(step_values) == set(StepKey)


@pytest.mark.parametrize("key", list(StepKey))
def test_every_step_has_a_template(catalogue: Texts, key: StepKey) -> None:
    assert catalogue.step_template(key).strip()


@pytest.mark.parametrize("key", list(StepKey))
def test_template_asks_only_for_values_the_rule_gives(
    catalogue: Texts, step_values: dict[StepKey, set[str]], key: StepKey
) -> None:
    """A placeholder the rule does not fill would raise KeyError on the result screen."""
    template = catalogue.step_template(key)
    missing = placeholders(template) - step_values[key]
    assert missing == set(), f"{key.value}: {template!r}"
    template.format(**dict.fromkeys(step_values[key], "1"))


@pytest.mark.parametrize("key", list(StepKey))
def test_template_placeholders_are_exactly_the_rule_values(
    catalogue: Texts, step_values: dict[StepKey, set[str]], key: StepKey
) -> None:
    assert placeholders(catalogue.step_template(key)) == step_values[key]


# no Chinese literal in kiosk/ui --------------------------------------------------------------------


def docstring_nodes(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if (
                body
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)
            ):
                found.add(id(body[0].value))
    return found


def string_literals(path: Path) -> list[tuple[int, str]]:
    """``(line, text)`` of every string constant except docstrings (f-string parts included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    docs = docstring_nodes(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


def ui_files() -> list[Path]:
    return sorted(UI_DIR.rglob("*.py"))


def cjk_literals(root: Path = UI_DIR) -> dict[str, set[str]]:
    """Chinese in the string literals (docstrings aside) of every module under ``root``."""
    found: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*.py")):
        for _, text in string_literals(path):
            if CJK.search(text):
                found.setdefault(path.relative_to(root).as_posix(), set()).add(text)
    return found


# Literals found by this test (reported): the operator messages of the font loader and the full-width
# brackets StepsView puts around the 假设 badge. Their wording belongs in the catalogue / loader.


def test_the_literal_scan_sees_chinese_and_skips_docstrings(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""模块说明"""\n\ndef f():\n    """函数说明"""\n    # 注释\n    return f"{1}元", "ok"\n',
        encoding="utf-8",
    )
    texts = [text for _, text in string_literals(sample) if CJK.search(text)]
    assert texts == ["元"]
    assert CJK.search("，") and CJK.search("　") and CJK.search("㐀")
    assert not CJK.search("· − ¥ ① →")


def test_no_chinese_literal_in_kiosk_ui() -> None:
    assert cjk_literals() == {}


def test_no_chinese_literal_in_kiosk_rules() -> None:
    """Rules results are typed values and codes; the loader's refusals are codes worded for the
    operator in English (a Chinese word there would reach an English screen or log as it is)."""
    assert RULES_DIR.is_dir() and any(RULES_DIR.glob("*.py"))
    assert cjk_literals(RULES_DIR) == {}


# every character on screen is in the bundled fonts -------------------------------------------------


@pytest.fixture(scope="module", params=FONT_FILES)
def raw_font(qapp, request: pytest.FixtureRequest) -> QRawFont:
    font = QRawFont(str(resources.fonts_dir() / request.param), 20)
    assert font.isValid(), request.param
    return font


def has_glyph(font: QRawFont, char: str) -> bool:
    # The code point, not the str: PySide6 6.12's supportsCharacter(str) answers False for most
    # characters above U+00FF (e.g. 的, ，) that the font has.
    return font.supportsCharacter(ord(char))


def needs_glyph(char: str) -> bool:
    return not char.isspace() and not unicodedata.category(char).startswith("C")


def missing_glyphs(font: QRawFont, texts: Iterator[str]) -> list[str]:
    chars = {char for text in texts for char in text if needs_glyph(char)}
    return sorted(char for char in chars if not has_glyph(font, char))


def test_the_glyph_check_can_fail(raw_font: QRawFont) -> None:
    assert has_glyph(raw_font, "的") and has_glyph(raw_font, "，") and has_glyph(raw_font, "A")
    assert not has_glyph(raw_font, "\ua66e")  # a Cyrillic letter no CJK subset has
    assert not has_glyph(raw_font, "\U0001f600")
    assert missing_glyphs(raw_font, iter(["的\ua66e\n"])) == ["\ua66e"]


def test_catalogue_characters_are_in_the_font(raw_font: QRawFont, catalogue: Texts) -> None:
    assert missing_glyphs(raw_font, strings_in(asdict(catalogue))) == []


def test_rules_data_characters_are_in_the_font(raw_font: QRawFont) -> None:
    paths = sorted(resources.rules_dir().glob("*.toml"))
    assert paths
    texts = [text for path in paths for text in strings_in(tomllib.loads(path.read_text("utf-8")))]
    assert missing_glyphs(raw_font, iter(texts)) == []


def test_ui_literal_characters_are_in_the_font(raw_font: QRawFont) -> None:
    """Separators the UI code adds itself (·, −, brackets) render too."""
    texts = [text for path in ui_files() for _, text in string_literals(path)]
    assert missing_glyphs(raw_font, iter(texts)) == []
