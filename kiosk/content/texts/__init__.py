"""The typed UI text catalogue (like Anki's ``tr``): every visible string, loaded and validated at
start-up from ``resources/text/<language>/<section>.toml``. A missing key fails at start-up, not as
a blank label. Placeholders are named: ``{amount}``.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from kiosk.content.texts.common import CommonTexts
from kiosk.content.texts.contribution import ContributionTexts
from kiosk.content.texts.faq import FaqTexts
from kiosk.content.texts.home import HomeTexts
from kiosk.content.texts.ops import OpsTexts
from kiosk.content.texts.pension import PensionTexts
from kiosk.content.texts.retirement import RetirementTexts
from kiosk.content.texts.sheet import SheetTexts
from kiosk.rules.loader import validate_file
from kiosk.rules.steps import StepKey

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")  # every bundled catalogue; the kiosk.settings Language literal


class Texts(BaseModel):
    """All sections of the catalogue for one language."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    language: str
    common: CommonTexts
    home: HomeTexts
    ops: OpsTexts
    retirement: RetirementTexts
    contribution: ContributionTexts
    pension: PensionTexts
    sheet: SheetTexts
    faq: FaqTexts

    def step_template(self, key: StepKey) -> str:
        """The wording of a calculation step (each journey's section holds its own steps)."""
        for section in (self.retirement, self.contribution, self.pension):
            template = getattr(section.steps, key.value, None)
            if isinstance(template, str):
                return template
        raise KeyError(key)


SECTIONS: dict[str, type[BaseModel]] = {
    name: field.annotation  # type: ignore[misc]
    for name, field in Texts.model_fields.items()
    if name != "language"
}


def load_texts(directory: Path, language: str = DEFAULT_LANGUAGE) -> Texts:
    """Load ``directory/<language>/*.toml``; a missing or broken file names itself and the field."""
    folder = directory / language
    sections = {
        name: validate_file(folder / f"{name}.toml", model) for name, model in SECTIONS.items()
    }
    return Texts(language=language, **sections)  # type: ignore[arg-type]


__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "SECTIONS", "CommonTexts", "Texts", "load_texts"]
