"""The snapshot of the validated bundle and settings (kiosk.snapshot): a start reads it instead of
validating only while nothing it was made from changed, never when it is damaged or tampered with,
and a broken file is still named at start-up."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

import kiosk
from kiosk import bundle as bundle_module
from kiosk import resources, snapshot
from kiosk import settings as settings_module
from kiosk.bundle import SNAPSHOT_FILE, Bundle, open_bundle, unchanged_days
from kiosk.datafile import DataFileError
from kiosk.journeys import JOURNEYS
from kiosk.settings import (
    HALL_TEXT_SNAPSHOT,
    SETTINGS_SNAPSHOT,
    KioskSettings,
    load_settings,
    settings_font_problems,
)
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pristine") / "resources"
    shutil.copytree(resources.resources_dir(), root)
    return root


@pytest.fixture
def root(pristine: Path, tmp_path: Path) -> Path:
    """A copy of the bundled resources this test may change."""
    copy = tmp_path / "resources"
    shutil.copytree(pristine, copy)
    return copy


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


class Validations:
    """Counts the full validations :func:`open_bundle` runs (it calls validate_bundle)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        original = bundle_module.validate_bundle

        def counted(*args: Any, **kwargs: Any) -> Bundle:
            self.count += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(bundle_module, "validate_bundle", counted)


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> Iterator[Validations]:
    yield Validations(monkeypatch)


def opened(root: Path, cache: Path, today: date = TODAY) -> Bundle:
    return open_bundle(root, cache=cache, today=today)


def key(root: Path) -> dict[str, Any]:
    return bundle_module._snapshot_key(root, JOURNEYS)


# the snapshot is used while nothing changed ---------------------------------------------------


def test_a_second_start_reads_the_snapshot_and_has_the_very_same_bundle(
    root: Path, cache: Path, validations: Validations
) -> None:
    first = opened(root, cache)
    assert validations.count == 1
    assert (cache / SNAPSHOT_FILE).is_file()
    second = opened(root, cache)
    assert validations.count == 1  # nothing validated again
    assert not second.validated.loaded  # rules, FAQ and pinyin: read when first asked for
    assert second.catalogues == first.catalogues
    assert second.rules_updated == first.rules_updated
    assert second.rules == first.rules
    assert second.content == first.content
    assert second.readings == first.readings
    assert validations.count == 1


def test_the_first_screen_is_read_without_pydantic(root: Path, cache: Path, tmp_path: Path) -> None:
    """What the first paint needs (the catalogues) is plain dataclasses: a fresh interpreter
    reads the first part of a snapshot without importing pydantic."""
    opened(root, cache)
    parts, _extra = snapshot.read(cache / SNAPSHOT_FILE, key(root))
    part = tmp_path / "first.part"
    part.write_bytes(parts[0])
    probe = (
        "import sys; from pathlib import Path; from kiosk import snapshot; "
        f"screen = snapshot.loads(Path({str(part)!r}).read_bytes()); "
        "print(sorted(screen['catalogues']), 'pydantic' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["['en',", "'zh_CN']", "False"]


def test_a_whole_visit_from_the_snapshot_never_imports_pydantic(root: Path, cache: Path) -> None:
    """pydantic validates files only: from a snapshot, the rules, the FAQ, its pinyin, the search
    index and a calculation are plain dataclasses, and a fresh interpreter never imports it (it
    was about 10 MiB of a visit's memory)."""
    opened(root, cache)
    probe = (
        "import sys; from datetime import date; from pathlib import Path; "
        "from kiosk.bundle import open_bundle; from kiosk.rules import Category, YearMonth, "
        "retirement; "
        f"bundle = open_bundle(Path({str(root)!r}), cache=Path({str(cache)!r}), "
        f"today=date.fromisoformat({TODAY.isoformat()!r})); "
        "result = retirement(YearMonth(1971, 3), Category.FEMALE_55, bundle.rules.retirement, "
        "as_of=bundle.rules_updated); "
        "hits = bundle.search.search('tuixiu'); "
        "print(len(bundle.content.entries) > 0, len(bundle.readings) > 0, len(hits) > 0, "
        "'pydantic' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["True", "True", "True", "False"]


# ...and made again when anything it was made from changes -------------------------------------


def every_file(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file())


def test_a_change_to_any_file_of_the_bundle_refuses_the_snapshot(root: Path, cache: Path) -> None:
    """Every file (rules, texts, FAQ, pinyin, fonts, icons), changed by one byte in place (same
    size, same modification time): the snapshot's key no longer matches."""
    opened(root, cache)
    files = every_file(root)
    assert len(files) > 30
    for path in files:
        data = path.read_bytes()
        status = path.stat()
        changed = data[:-1] + bytes([data[-1] ^ 0x01])
        path.write_bytes(changed)
        os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
        with pytest.raises(snapshot.SnapshotError):
            snapshot.read(cache / SNAPSHOT_FILE, key(root))
        path.write_bytes(data)
        os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    snapshot.read(cache / SNAPSHOT_FILE, key(root))  # all back as it was: usable again


def test_a_file_added_or_removed_refuses_the_snapshot(root: Path, cache: Path) -> None:
    opened(root, cache)
    extra = root / "content" / "faq" / "zz-extra.toml"
    extra.write_text("", encoding="utf-8")
    with pytest.raises(snapshot.SnapshotError):
        snapshot.read(cache / SNAPSHOT_FILE, key(root))
    extra.unlink()
    (root / "icons" / "guide.svg").unlink()
    with pytest.raises(snapshot.SnapshotError):
        snapshot.read(cache / SNAPSHOT_FILE, key(root))


def test_a_changed_figure_is_validated_and_shown(
    root: Path, cache: Path, validations: Validations
) -> None:
    opened(root, cache)
    rates = root / "rules" / "rates.toml"
    text = rates.read_text(encoding="utf-8")
    assert text.count('individual = "0.08"') == 1
    rates.write_text(text.replace('individual = "0.08"', 'individual = "0.07"'), encoding="utf-8")
    changed = opened(root, cache)
    assert validations.count == 2
    assert [str(row.individual) for row in changed.rules.rates.pension] == ["0.07"]
    opened(root, cache)
    assert validations.count == 2  # and that is the snapshot now


def test_a_broken_file_is_named_whatever_the_snapshot_says(
    root: Path, cache: Path, validations: Validations
) -> None:
    opened(root, cache)
    contribution = root / "rules" / "contribution.toml"
    text = contribution.read_text(encoding="utf-8")
    contribution.write_text(text.replace("base_floor =", "base_flor =", 1), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        opened(root, cache)
    assert caught.value.path == contribution
    assert caught.value.field == "year[0].base_floor"  # the first problem pydantic finds


def test_another_program_version_refuses_the_snapshot(
    root: Path, cache: Path, validations: Validations, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened(root, cache)
    monkeypatch.setattr(kiosk, "__version__", "99.0.0")
    opened(root, cache)
    assert validations.count == 2


def test_changed_program_code_changes_the_program_stamp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The code's files by size and modification time, as Python judges its bytecode."""
    package = tmp_path / "kiosk"
    (package / "ui").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    source = package / "ui" / "page.py"
    source.write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(kiosk, "__file__", str(package / "__init__.py"))
    before = snapshot.program_stamp()
    assert snapshot.program_stamp() == before
    later = time.time_ns() + 5_000_000_000
    source.write_text("x = 2\n", encoding="utf-8")  # same size, a later modification time
    os.utime(source, ns=(later, later))
    assert snapshot.program_stamp() != before


def test_the_snapshot_serves_only_the_days_its_dated_figures_are_the_same(
    root: Path, cache: Path, validations: Validations
) -> None:
    bundle = opened(root, cache)
    first, last = unchanged_days(bundle.rules, TODAY)
    assert first <= TODAY <= last
    opened(root, cache, today=last)
    opened(root, cache, today=first)
    assert validations.count == 1
    opened(root, cache, today=last + timedelta(days=1))  # the next year, or new figures
    assert validations.count == 2


def test_unchanged_days_end_where_a_dated_figure_or_the_year_changes(root: Path) -> None:
    rules = open_bundle(root, cache=None, today=TODAY).rules
    dates = set(bundle_module._dates(rules))
    assert date(2026, 1, 1) in dates or any(d.year == 2026 for d in dates)
    for today in (TODAY, date(2025, 7, 1), date(2030, 12, 31), date(2031, 1, 1)):
        first, last = unchanged_days(rules, today)
        assert first <= today <= last
        assert first.year == last.year == today.year
        # no figure starts, and none ends, strictly within the days served
        for day in dates:
            assert not first < day <= last
            assert not first <= day < last


# ...and never used when damaged or made up ---------------------------------------------------


def damage_cases(path: Path) -> dict[str, bytes]:
    data = path.read_bytes()
    header_end = data.index(b"\n", len(snapshot.MAGIC)) + 1
    middle = (header_end + len(data)) // 2
    return {
        "empty": b"",
        "cut short": data[: len(data) - 100],
        "a byte of a part changed": data[:middle]
        + bytes([data[middle] ^ 0x20])
        + data[middle + 1 :],
        "a byte of the header changed": data.replace(b'"program"', b'"progrem"', 1),
        "bytes added": data + b"\0",
        "not a snapshot": b"PK\x03\x04" + data[4:],
    }


@pytest.mark.parametrize(
    "case",
    [
        "empty",
        "cut short",
        "a byte of a part changed",
        "a byte of the header changed",
        "bytes added",
        "not a snapshot",
    ],
)
def test_a_damaged_snapshot_is_never_used(
    root: Path, cache: Path, validations: Validations, case: str
) -> None:
    good = opened(root, cache)
    path = cache / SNAPSHOT_FILE
    path.write_bytes(damage_cases(path)[case])
    again = opened(root, cache)
    assert validations.count == 2
    assert again.rules == good.rules
    opened(root, cache)  # written anew, whole
    assert validations.count == 2


class _Runs:
    """Pickled, a call of ``os.system``: what a made-up snapshot would try."""

    def __init__(self, command: str) -> None:
        self.command = command

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (os.system, (self.command,))


@pytest.mark.parametrize("part", [0, 1])
def test_a_made_up_snapshot_with_a_right_header_runs_nothing(
    root: Path, cache: Path, validations: Validations, tmp_path: Path, part: int
) -> None:
    """Its CRCs made to match: still nothing but the kiosk's data classes is ever built."""
    opened(root, cache)
    path = cache / SNAPSHOT_FILE
    parts, extra = snapshot.read(path, key(root))
    marker = tmp_path / "ran"
    parts[part] = pickle.dumps({"catalogues": _Runs(f"touch {marker}")})
    snapshot.write(path, key(root), parts, **extra)
    with pytest.raises(snapshot.SnapshotError):
        snapshot.loads(parts[part])
    bundle = opened(root, cache)
    assert bundle.rules.updated == bundle.rules_updated  # the rules, validated again
    assert validations.count == 2
    assert not marker.exists()


def test_loads_refuses_anything_but_data_classes() -> None:
    for forbidden in (os.system, shutil.rmtree, print, Path.unlink):
        with pytest.raises(snapshot.SnapshotError):
            snapshot.loads(pickle.dumps(forbidden))
    assert snapshot.loads(snapshot.dumps({"day": TODAY, "path": Path("/x")})) == {
        "day": TODAY,
        "path": Path("/x"),
    }


def test_no_cache_folder_means_every_start_validates(
    root: Path, tmp_path: Path, validations: Validations
) -> None:
    unwritable = tmp_path / "file-not-folder"
    unwritable.write_text("", encoding="utf-8")
    opened(root, unwritable / "cache")
    opened(root, unwritable / "cache")
    assert validations.count == 2


# the settings file and the hall texts' glyphs -------------------------------------------------


class SettingsValidations:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        original = settings_module.validate_data

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(settings_module, "validate_data", counted)


def test_unchanged_settings_are_read_from_their_snapshot(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted = SettingsValidations(monkeypatch)
    path = tmp_path / "settings.toml"
    path.write_text('mode = "kiosk"\nidle_timeout_s = 120\n', encoding="utf-8")
    first = load_settings(path, cache=cache)
    assert (cache / SETTINGS_SNAPSHOT).is_file()
    second = load_settings(path, cache=cache, overrides={"mode": "demo"})
    assert counted.count == 1
    assert second == KioskSettings(mode="demo", idle_timeout_s=120)
    assert first == KioskSettings(mode="kiosk", idle_timeout_s=120)
    path.write_text('mode = "kiosk"\nidle_timeout_s = 130\n', encoding="utf-8")
    assert load_settings(path, cache=cache).idle_timeout_s == 130
    assert counted.count == 2
    path.write_text('mode = "kiosk"\nidle_timeout_s = 5\n', encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_settings(path, cache=cache)
    assert caught.value.field == "idle_timeout_s"
    (cache / SETTINGS_SNAPSHOT).write_bytes(b"damaged")
    path.write_text('mode = "kiosk"\nidle_timeout_s = 130\n', encoding="utf-8")
    assert load_settings(path, cache=cache).idle_timeout_s == 130
    assert counted.count == 4


def test_hall_texts_once_drawn_are_not_checked_again(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.content import glyphs

    parsed: list[Path] = []
    original = glyphs.font_characters

    def counted(path: Path) -> frozenset[int]:
        parsed.append(path)
        return original(path)

    monkeypatch.setattr(glyphs, "font_characters", counted)
    settings = KioskSettings(service_hours="周一至周五 9:00—17:00", service_desk="一楼大厅")
    fonts = resources.fonts_dir()
    path = tmp_path / "settings.toml"
    assert settings_font_problems(settings, path, fonts, cache=cache) == []
    assert (cache / HALL_TEXT_SNAPSHOT).is_file()
    assert len(parsed) == 2
    assert settings_font_problems(settings, path, fonts, cache=cache) == []
    assert len(parsed) == 2  # the same texts and fonts: not parsed again
    other = KioskSettings(service_hours="三楼𠀀号窗口")
    problems = settings_font_problems(other, path, fonts, cache=cache)
    assert [p.field for p in problems] == ["service_hours"]
    assert settings_font_problems(other, path, fonts, cache=cache) != []  # never cached
