"""The bundle: everything under resources/ the kiosk shows or computes with (rules, the text
catalogue in every language, the FAQ and guide, their pinyin, the fonts' coverage), and its one
check, :func:`validate_bundle`, used by the start-up, ``kiosk-calc check`` and the admin panel.

Qt-free. A problem raises :class:`~kiosk.rules.DataFileError` naming the file and the field.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path

from kiosk import resources
from kiosk.content.commands import check_font
from kiosk.content.faq import Content, content_dir, load_content
from kiosk.content.pinyin import Readings, check_readings, load_readings, readings_path
from kiosk.content.search import SearchIndex
from kiosk.content.texts import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    SECTIONS,
    Texts,
    check_placeholders,
    load_texts,
)
from kiosk.journeys import JOURNEYS, JourneySpec
from kiosk.present.pension import level_text
from kiosk.rules import DataFileError, RulesData, load_rules
from kiosk.rules.loader import RULE_FILES


@dataclass(frozen=True)
class Bundle:
    """Everything loaded from resources/ and validated together."""

    root: Path
    rules: RulesData
    catalogues: Mapping[str, Texts]  # every bundled language's catalogue
    content: Content  # FAQ and service guide, placeholders resolved at load
    readings: Readings  # the FAQ's pinyin, checked at load (content/pinyin.toml)
    font_family: str = field(default="")  # set once the fonts are registered with Qt

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
        return SearchIndex(self.content, self.readings)

    def files(self) -> list[str]:
        """Every file checked, relative to the root (``kiosk-calc check`` lists them)."""
        return (
            [f"rules/{name}" for name in RULE_FILES]
            + [f"text/{lang}/{name}.toml" for lang in self.catalogues for name in SECTIONS]
            + [
                path.relative_to(self.root).as_posix()
                for path in (*self.content.files, readings_path(content_dir(self.root)))
            ]
            + ["fonts: every string above"]
        )


def validate_bundle(
    root: Path | None = None,
    *,
    journeys: Sequence[JourneySpec] = JOURNEYS,
    as_of: date | None = None,
) -> Bundle:
    """Load and check every bundled file under ``root`` (default: the installed resources):
    rules, the catalogue of every language (same placeholders in each), the FAQ and guide with
    their figures for ``as_of`` (default today), the FAQ's pinyin, that the fonts draw every
    string, that every FAQ link names a registered journey and every contribution level offered
    has its words in every language."""
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
    _check_journey_links(content, journeys)
    _check_level_words(root, rules, catalogues)
    return Bundle(
        root=root,
        rules=rules,
        catalogues=catalogues,
        content=content,
        readings=load_readings(folder),
    )


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
    for language, texts in catalogues.items():
        for index in rules.pension.index_levels.values:
            if level_text(texts, index) is None:
                raise DataFileError(
                    resources.text_dir(root) / language / "pension.toml",
                    f"levels.p{int(index * 100)}",
                    f"missing: the words of index level {index} (rules/pension.toml index_levels)",
                )
