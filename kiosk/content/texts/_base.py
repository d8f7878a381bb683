"""Shared base of the text-catalogue sections."""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar, dataclass_transform


@dataclass_transform(frozen_default=True, kw_only_default=True)
class Section:
    """A section of the catalogue: every field is required, unknown keys are errors.

    Each subclass is a frozen dataclass (made so here; no decorator needed), checked by pydantic
    when a catalogue file is loaded (:func:`kiosk.datafile.validate_file`) and built with no
    pydantic at all from a snapshot of a validated bundle (:mod:`kiosk.snapshot`)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclasses.dataclass(frozen=True, kw_only=True)(cls)
