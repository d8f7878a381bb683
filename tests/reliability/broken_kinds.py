"""The kinds of broken file test_broken_bundles.py feeds the real program, one row each.

Each row breaks ONE thing: in a copy of resources/ (rules, text catalogue, FAQ content, fonts), or
in a settings file passed with ``--config``. ``breaks`` does it and returns the broken file; the
program must name that file, ``field`` (the key or table row; empty when the whole file is bad) and
a word of the ``problem``.

Kinds tested elsewhere are not repeated: tests/e2e/test_startup.py (a floor above the ceiling, a
missing text file, a missing zh_CN key, a missing bold font), tests/ops/test_ops_settings.py (bad
TOML, a misspelt key and a short countdown in the settings), tests/unit/test_rules_data.py and
tests/content/test_faq_content.py (the same kinds through the loaders, in-process).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HUGE_BYTES = 50 * 1024 * 1024
ENDLESS_FILE = Path("/dev/zero")


@dataclass(frozen=True)
class Broken:
    """One kind of broken file and what the refusal must name."""

    kind: str  # the test id
    breaks: Callable[[Path], Path]  # given the resources copy (or a folder): break, return the file
    field: str
    problem: str
    settings: bool = False  # a settings file (--config) rather than the resources folder
    needs: Path | None = None  # a file the machine must have for this kind


def edit(path: Path, old: str, new: str) -> Path:
    """Replace the one occurrence of ``old`` (an edit that finds nothing would test nothing)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def edit_first(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# --- rules/ ----------------------------------------------------------------------------------------


def rules_bad_toml(root: Path) -> Path:
    return edit(root / "rules" / "rates.toml", 'employer = "0.16"', 'employer = "0.16')


def rules_unknown_key(root: Path) -> Path:
    return edit_first(
        root / "rules" / "retirement.toml", "cap_months = 36\n", "cap_months = 36\ncap_month = 36\n"
    )


def rules_wrong_type(root: Path) -> Path:
    path = root / "rules" / "retirement.toml"
    return edit_first(path, "original_age_years = 60", 'original_age_years = "sixty"')


def rules_missing_file(root: Path) -> Path:
    path = root / "rules" / "contribution.toml"
    path.unlink()
    return path


def rules_negative_rate(root: Path) -> Path:
    return edit(root / "rules" / "rates.toml", 'individual = "0.08"', 'individual = "-0.08"')


def rules_overlapping_periods(root: Path) -> Path:
    path = root / "rules" / "rates.toml"
    return edit(path, "effective_from = 2025-01-01", "effective_from = 2024-12-01")


def rules_empty_file(root: Path) -> Path:
    path = root / "rules" / "contribution.toml"
    path.write_bytes(b"")
    return path


def rules_empty_table(root: Path) -> Path:
    """计发月数 table with its heading but no row."""
    path = root / "rules" / "pension.toml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("[payment_months.table]\n") + 1
    end = next((i for i in range(start, len(lines)) if not lines[i][:1].isdigit()), len(lines))
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    return path


def rules_not_yet_in_force(root: Path) -> Path:
    """The only pension-rate period starts in 2099 (a mistyped year): valid, but nothing applies."""
    return edit(
        root / "rules" / "rates.toml", "effective_from = 2019-05-01", "effective_from = 2099-05-01"
    )


# --- text/ -----------------------------------------------------------------------------------------


def text_wrong_encoding(root: Path) -> Path:
    """Saved as GBK (a Chinese Windows editor's default) instead of UTF-8."""
    path = root / "text" / "zh_CN" / "common.toml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    return path


def text_missing_key_en(root: Path) -> Path:
    """The English catalogue is loaded at start-up too (the language switch needs it)."""
    return edit(root / "text" / "en" / "home.toml", 'greeting = "', '# greeting = "')


def text_unknown_key(root: Path) -> Path:
    """A misspelt copy of a key next to the right one (a rename would be "missing" first)."""
    return edit(
        root / "text" / "zh_CN" / "faq.toml",
        'tile_title = "常见问题"\n',
        'tile_title = "常见问题"\ntile_titel = "常见问题"\n',
    )


def text_misspelt_placeholder(root: Path) -> Path:
    """The English footer's ``{date}`` misspelt: it would fail when the footer is drawn."""
    return edit(root / "text" / "en" / "common.toml", "{date}", "{dat}")


def text_broken_placeholder(root: Path) -> Path:
    return edit(root / "text" / "zh_CN" / "common.toml", "{date}", "{date")


# --- content/ and fonts/ ---------------------------------------------------------------------------


def faq_unknown_placeholder(root: Path) -> Path:
    path = root / "content" / "faq" / "02-retirement.toml"
    return edit_first(path, "{male_final_age}", "{male_final_ages}")


def faq_duplicate_id(root: Path) -> Path:
    """The first entry of 02-retirement.toml takes the id of the first of 01-contribution.toml."""
    first = root / "content" / "faq" / "01-contribution.toml"
    taken = tomllib.loads(first.read_text(encoding="utf-8"))["entry"][0]["id"]
    path = root / "content" / "faq" / "02-retirement.toml"
    own = tomllib.loads(path.read_text(encoding="utf-8"))["entry"][0]["id"]
    return edit(path, f'id = "{own}"', f'id = "{taken}"')


def faq_huge_file(root: Path) -> Path:
    """50 MB of comments after the entries: valid TOML, but no FAQ file is that big."""
    path = root / "content" / "faq" / "01-contribution.toml"
    line = b"# " + b"x" * 97 + b"\n"
    with path.open("ab") as handle:
        handle.write(line * (HUGE_BYTES // len(line)))
    return path


def pinyin_wrong_type(root: Path) -> Path:
    """The search's pinyin readings with a number where the syllables go."""
    return edit_first(
        root / "content" / "pinyin.toml", '"缴费基数" = "jiao fei ji shu"', '"缴费基数" = 4'
    )


def font_not_a_font(root: Path) -> Path:
    path = root / "fonts" / "NotoSansSC-Kiosk-Regular.otf"
    path.write_bytes(b"<html>404 Not Found</html>\n")
    return path


# --- a settings file (--config) ----------------------------------------------------------------


def settings_file(folder: Path, data: bytes) -> Path:
    path = folder / "settings.toml"
    path.write_bytes(data)
    return path


def settings_unknown_table(folder: Path) -> Path:
    return settings_file(folder, b'[kiosk]\nmode = "kiosk"\n')


def settings_out_of_range(folder: Path) -> Path:
    return settings_file(folder, b'mode = "demo"\nadmin_tap_window_s = 0.5\n')


def settings_wrong_encoding(folder: Path) -> Path:
    return settings_file(folder, '# 大厅一号机\nmode = "kiosk"\n'.encode("gbk"))


def settings_endless_file(folder: Path) -> Path:
    """/dev/zero: never ends; refused without a byte read: it is not a regular file (a huge
    regular file is refused after the first megabyte: faq-huge-file)."""
    return ENDLESS_FILE


KINDS = (
    Broken("rules-bad-toml", rules_bad_toml, "", "not valid TOML"),
    Broken("rules-unknown-key", rules_unknown_key, "category[0].cap_month", "Extra inputs"),
    Broken("rules-wrong-type", rules_wrong_type, "category[0].original_age_years", "valid integer"),
    Broken("rules-missing-file", rules_missing_file, "", "file is missing"),
    Broken("rules-negative-rate", rules_negative_rate, "pension[0].individual", "greater than"),
    Broken("rules-overlapping-periods", rules_overlapping_periods, "unemployment", "overlap"),
    Broken("rules-empty-file", rules_empty_file, "schema_version", "Field required"),
    Broken("rules-empty-table", rules_empty_table, "payment_months.table", "at least 1"),
    Broken(
        "rules-not-yet-in-force",
        rules_not_yet_in_force,
        "pension[0].effective_from",
        "no period in force",
    ),
    Broken("text-wrong-encoding", text_wrong_encoding, "", "not UTF-8"),
    Broken("text-missing-key-en", text_missing_key_en, "greeting", "Field required"),
    Broken("text-unknown-key", text_unknown_key, "tile_titel", "Extra inputs"),
    Broken(
        "faq-unknown-placeholder", faq_unknown_placeholder, "entry[0].answer", "unknown placeholder"
    ),
    Broken("text-misspelt-placeholder", text_misspelt_placeholder, "rules_footer", "placeholders"),
    Broken("text-broken-placeholder", text_broken_placeholder, "rules_footer", "placeholder"),
    Broken("faq-duplicate-id", faq_duplicate_id, "entry[0].id", "duplicate id"),
    Broken("pinyin-wrong-type", pinyin_wrong_type, "readings.缴费基数", "valid string"),
    Broken("faq-huge-file", faq_huge_file, "", "too large"),
    Broken("font-not-a-font", font_not_a_font, "", "not a readable OpenType font"),
    Broken(
        "settings-unknown-table", settings_unknown_table, "kiosk", "Extra inputs", settings=True
    ),
    Broken(
        "settings-out-of-range",
        settings_out_of_range,
        "admin_tap_window_s",
        "greater than",
        settings=True,
    ),
    Broken("settings-wrong-encoding", settings_wrong_encoding, "", "not UTF-8", settings=True),
    Broken(
        "settings-endless-file",
        settings_endless_file,
        "",
        "not a regular file",
        settings=True,
        needs=ENDLESS_FILE,
    ),
)
