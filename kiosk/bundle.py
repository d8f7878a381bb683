"""The bundle: everything under resources/ the kiosk shows or computes with (rules, the text
catalogue in every language, the FAQ and guide, their pinyin, the fonts' coverage), and its one
check, :func:`validate_bundle`, used by the start-up, ``kiosk-calc check`` and the admin panel.

Qt-free; pydantic only where something is validated: a start from a snapshot
(:func:`open_bundle`) never imports it. A problem raises :class:`~kiosk.datafile.DataFileError` naming
the file and the field.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import resources, snapshot
from kiosk.content.texts import DEFAULT_LANGUAGE, LANGUAGES, SECTIONS, Texts
from kiosk.datafile import DataFileError

if TYPE_CHECKING:
    from kiosk.content.faq import Content
    from kiosk.content.pinyin import Readings
    from kiosk.content.search import SearchIndex
    from kiosk.journeys import JourneySpec
    from kiosk.rules import RulesData

log = logging.getLogger(__name__)

SNAPSHOT_FILE = "bundle.snapshot"


@dataclass(frozen=True, slots=True)
class Validated:
    """The validated data of the bundle (frozen dataclasses pydantic checked)."""

    rules: RulesData
    content: Content  # FAQ and service guide, placeholders resolved at load
    readings: Readings  # the FAQ's pinyin, checked at load (content/pinyin.toml)


class Later:
    """The :class:`Validated` part of a bundle: at hand, or read when first asked for (from a
    snapshot, after the first paint; the first screen needs none of it)."""

    def __init__(self, load: Callable[[], Validated]) -> None:
        self._load: Callable[[], Validated] | None = load
        self._value: Validated | None = None

    @classmethod
    def ready(cls, value: Validated) -> Later:
        later = cls(lambda: value)
        later.get()
        return later

    @property
    def loaded(self) -> bool:
        return self._value is not None

    def get(self) -> Validated:
        if self._value is None:
            assert self._load is not None
            self._value, self._load = self._load(), None
        return self._value


@dataclass(frozen=True)
class Bundle:
    """Everything loaded from resources/ and validated together."""

    root: Path
    catalogues: Mapping[str, Texts]  # every bundled language's catalogue
    rules_updated: date  # the latest date any rules file was checked (the footer's)
    validated: Later  # rules, content and readings
    font_family: str = field(default="")  # set once the fonts are registered with Qt

    @property
    def rules(self) -> RulesData:
        return self.validated.get().rules

    @property
    def content(self) -> Content:
        """FAQ and service guide, placeholders resolved at load."""
        return self.validated.get().content

    @property
    def readings(self) -> Readings:
        """The FAQ's pinyin, checked at load (content/pinyin.toml)."""
        return self.validated.get().readings

    @property
    def texts(self) -> Texts:
        """The default language's catalogue (the printed sheet's too)."""
        return self.catalogues[DEFAULT_LANGUAGE]

    def catalogue(self, language: str) -> Texts:
        return self.catalogues.get(language, self.texts)

    def with_font(self, family: str) -> Bundle:
        return replace(self, font_family=family)

    @cached_property
    def search(self) -> SearchIndex:
        """The FAQ search index, built when the FAQ page is (after the first paint)."""
        from kiosk.content.search import SearchIndex

        return SearchIndex(self.content, self.readings)

    def files(self) -> list[str]:
        """Every file checked, relative to the root (``kiosk-calc check`` lists them)."""
        from kiosk.content.faq import content_dir
        from kiosk.content.pinyin import readings_path
        from kiosk.rules.loader import RULE_FILES

        return (
            [f"rules/{name}" for name in RULE_FILES]
            + [f"text/{lang}/{name}.toml" for lang in self.catalogues for name in SECTIONS]
            + [
                path.relative_to(self.root).as_posix()
                for path in (*self.content.files, readings_path(content_dir(self.root)))
            ]
            + ["fonts: every string above"]
        )


def _journeys(journeys: Sequence[JourneySpec] | None) -> Sequence[JourneySpec]:
    if journeys is None:
        from kiosk.journeys import JOURNEYS

        return JOURNEYS
    return journeys


def validate_bundle(
    root: Path | None = None,
    *,
    journeys: Sequence[JourneySpec] | None = None,
    as_of: date | None = None,
) -> Bundle:
    """Load and check every bundled file under ``root`` (default: the installed resources):
    rules, the catalogue of every language (same placeholders in each), the FAQ and guide with
    their figures for ``as_of`` (default today), the FAQ's pinyin, that the fonts draw every
    string, that every FAQ link names a registered journey (default: every journey) and every
    contribution level offered has its words in every language."""
    from kiosk.content.commands import check_font
    from kiosk.content.faq import content_dir, load_content
    from kiosk.content.pinyin import check_readings, load_readings
    from kiosk.content.texts import check_placeholders, load_texts
    from kiosk.rules import load_rules

    root = root or resources.resources_dir()
    rules = load_rules(resources.rules_dir(root))
    catalogues = {
        language: load_texts(resources.text_dir(root), language) for language in LANGUAGES
    }
    check_placeholders(resources.text_dir(root), catalogues)
    folder = content_dir(root)
    content = load_content(
        folder, rules, as_of=as_of or date.today(), common=catalogues[DEFAULT_LANGUAGE].common
    )
    check_readings(folder, content)
    check_font(root, content)
    _check_journey_links(content, _journeys(journeys))
    _check_level_words(root, rules, catalogues)
    validated = Validated(rules=rules, content=content, readings=load_readings(folder))
    return Bundle(
        root=root,
        catalogues=catalogues,
        rules_updated=rules.updated,
        validated=Later.ready(validated),
    )


def open_bundle(
    root: Path | None = None,
    *,
    cache: Path | None,
    journeys: Sequence[JourneySpec] | None = None,
    today: date | None = None,
) -> Bundle:
    """The bundle as ``main()`` starts with it: read from the snapshot in the folder ``cache``
    that an earlier start wrote after validating the very same files with the very same program
    (:mod:`kiosk.snapshot`), else :func:`validate_bundle` and a new snapshot (``cache`` None: no
    snapshot). From a snapshot the catalogues are read at once, without pydantic; the rules, the
    FAQ and the pinyin when first asked for (after the first paint). Raises DataFileError."""
    root = root or resources.resources_dir()
    today = today or date.today()
    specs = _journeys(journeys)
    if cache is None:
        return validate_bundle(root, journeys=specs, as_of=today)
    path = cache / SNAPSHOT_FILE
    try:
        key = _snapshot_key(root, specs)
    except OSError:  # a file that cannot be read: validation names it
        return validate_bundle(root, journeys=specs, as_of=today)
    try:
        return _from_snapshot(path, root, key, today, specs)
    except snapshot.SnapshotError as exc:
        log.info("bundle snapshot %s not used (%s): validating every file", path, exc)
    bundle = validate_bundle(root, journeys=specs, as_of=today)
    _save_snapshot(path, key, bundle, today)
    return bundle


def _snapshot_key(root: Path, journeys: Sequence[JourneySpec]) -> dict[str, Any]:
    return {
        "program": snapshot.program_stamp(),
        "root": str(root.resolve()),
        "files": snapshot.file_stamps(root),
        "journeys": [spec.id for spec in journeys],
    }


def _from_snapshot(
    path: Path, root: Path, key: dict[str, Any], today: date, journeys: Sequence[JourneySpec]
) -> Bundle:
    parts, extra = snapshot.read(path, key)
    first, last = (date.fromisoformat(day) for day in extra["valid"])
    if not first <= today <= last:
        raise snapshot.SnapshotError(f"its dated figures are those of {first} to {last}")
    screen = snapshot.loads(parts[0])

    def validated() -> Validated:
        try:
            value = snapshot.loads(parts[1])
            if not isinstance(value, Validated):
                raise snapshot.SnapshotError("its second part is not the validated models")
        except snapshot.SnapshotError as exc:  # read whole at start, so hardly ever
            log.warning("bundle snapshot %s: %s: validating every file", path, exc)
            return validate_bundle(root, journeys=journeys, as_of=today).validated.get()
        return value

    return Bundle(
        root=root,
        catalogues=screen["catalogues"],
        rules_updated=screen["rules_updated"],
        validated=Later(validated),
    )


def _save_snapshot(path: Path, key: dict[str, Any], bundle: Bundle, today: date) -> None:
    first, last = unchanged_days(bundle.rules, today)
    screen = {"catalogues": dict(bundle.catalogues), "rules_updated": bundle.rules_updated}
    try:
        parts = [snapshot.dumps(screen), snapshot.dumps(bundle.validated.get())]
        snapshot.write(path, key, parts, valid=[first.isoformat(), last.isoformat()])
    except OSError as exc:  # no cache folder: every start validates, nothing else changes
        log.warning("bundle snapshot %s not written: %s", path, exc.strerror or exc)


def unchanged_days(rules: RulesData, today: date) -> tuple[date, date]:
    """The days around ``today`` on which every dated figure is the one in force today: from the
    latest date in the rules data (a period's start, a publication) or New Year's day, to the day
    before the next one (or the day after a period's end). Whatever the FAQ quotes and the
    start-up checks of ``today``'s figures are the same on all of them."""
    turns = {date(today.year, 1, 1), date(today.year + 1, 1, 1)}
    for day in _dates(rules):
        turns |= {day, day + timedelta(days=1)}
    first = max(day for day in turns if day <= today)
    last = min(day for day in turns if day > today) - timedelta(days=1)
    return first, last


def _dates(value: object) -> Iterable[date]:
    """Every date anywhere in ``value`` (a dataclass of the rules, a container)."""
    if isinstance(value, date):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _dates(item)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _dates(item)
    elif is_dataclass(value):
        for member in fields(value):
            yield from _dates(getattr(value, member.name))


def _check_journey_links(content: Content, journeys: Sequence[JourneySpec]) -> None:
    known = {spec.id for spec in journeys}
    for entry in content.entries:
        if entry.journey is not None and entry.journey not in known:
            path, index = content.origins[entry.id]
            raise DataFileError(
                path,
                f"entry[{index}].journey",
                f"{entry.journey!r} is no journey of this kiosk ({', '.join(sorted(known))})",
            )


def _check_level_words(root: Path, rules: RulesData, catalogues: Mapping[str, Texts]) -> None:
    from kiosk.present.pension import level_text

    for language, texts in catalogues.items():
        for index in rules.pension.index_levels.values:
            if level_text(texts, index) is None:
                raise DataFileError(
                    resources.text_dir(root) / language / "pension.toml",
                    f"levels.p{int(index * 100)}",
                    f"missing: the words of index level {index} (rules/pension.toml index_levels)",
                )
