"""The typed UI text catalogue (like Anki's ``tr``): every visible string, loaded and validated at
start-up from ``resources/text/<language>/<section>.toml``. A missing key fails at start-up, not as
a blank label. Placeholders are named: ``{amount}``.
"""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, get_type_hints

from kiosk.content.glyphs import nested_strings
from kiosk.content.texts._base import Section
from kiosk.content.texts.common import CommonTexts
from kiosk.content.texts.contribution import ContributionTexts
from kiosk.content.texts.errors import ErrorTexts
from kiosk.content.texts.faq import FaqTexts
from kiosk.content.texts.home import HomeTexts
from kiosk.content.texts.ops import OpsTexts
from kiosk.content.texts.pension import PensionTexts
from kiosk.content.texts.retirement import RetirementTexts
from kiosk.content.texts.sheet import SheetTexts
from kiosk.content.texts.speech import SpeechTexts
from kiosk.datafile import DataFileError, validate_file

if TYPE_CHECKING:
    from kiosk.rules.steps import StepKey

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")  # every bundled catalogue; the kiosk.settings Language literal


@dataclasses.dataclass(frozen=True, kw_only=True)
class Texts:
    """All sections of the catalogue for one language."""

    language: str
    common: CommonTexts
    home: HomeTexts
    ops: OpsTexts
    retirement: RetirementTexts
    contribution: ContributionTexts
    pension: PensionTexts
    sheet: SheetTexts
    faq: FaqTexts
    errors: ErrorTexts
    speech: SpeechTexts

    def step_template(self, key: StepKey) -> str:
        """The wording of a calculation step (each journey's section holds its own steps)."""
        for section in (self.retirement, self.contribution, self.pension):
            template = getattr(section.steps, key.value, None)
            if isinstance(template, str):
                return template
        raise KeyError(key)


SECTIONS: dict[str, type[Section]] = {
    name: kind for name, kind in get_type_hints(Texts).items() if name != "language"
}


def load_texts(directory: Path, language: str = DEFAULT_LANGUAGE) -> Texts:
    """Load ``directory/<language>/*.toml``; a missing or broken file names itself and the field."""
    folder = directory / language
    sections = {
        name: validate_file(folder / f"{name}.toml", model) for name, model in SECTIONS.items()
    }
    return Texts(language=language, **sections)  # type: ignore[arg-type]


def check_placeholders(directory: Path, catalogues: Mapping[str, Texts]) -> None:
    """Every string's ``{placeholders}`` are well formed and the same in every language as in
    the default one; raise DataFileError naming the file and the field (a misspelt ``{dat}``
    would otherwise fail when the string is first shown)."""
    reference = catalogues[DEFAULT_LANGUAGE]
    for language, texts in catalogues.items():
        for section in SECTIONS:
            path = directory / language / f"{section}.toml"
            wanted = dict(nested_strings(dataclasses.asdict(getattr(reference, section))))
            for field, text in nested_strings(dataclasses.asdict(getattr(texts, section))):
                names = _placeholders(text, path, field)
                expected = _placeholders(wanted.get(field, ""), path, field)
                if names != expected:
                    other = directory / DEFAULT_LANGUAGE / f"{section}.toml"
                    raise DataFileError(
                        path,
                        field,
                        f"placeholders {_shown(names)} differ from {_shown(expected)} in {other} "
                        "(占位符不一致)",
                    )


def _placeholders(text: str, path: Path, field: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:  # a lone "{" or "}"
        raise DataFileError(path, field, f"broken placeholder (占位符格式错误): {exc}") from None


def _shown(names: set[str]) -> str:
    return " ".join(f"{{{name}}}" for name in sorted(names)) or "none"


__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "SECTIONS",
    "CommonTexts",
    "Texts",
    "check_placeholders",
    "load_texts",
]
