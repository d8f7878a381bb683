"""Load and validate resources/rules/*.toml; a broken file stops with its name and the field.

The reading and the error of every data file are :mod:`kiosk.datafile`'s (named here too). A
refused file carries a :class:`FileProblem` code; its message is worded for the log and the
operator in English, as the validator's own messages are (the rules speak no citizen's language).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.datafile import (
    MAX_FILE_BYTES,
    DataFileError,
    FileProblem,
    check_data_file,
    field_path,
    file_error,
    read_data_file,
    read_toml,
    validate_file,
)
from kiosk.rules.models import ContributionData, PensionData, RatesData, RetirementData, RulesData

RULE_FILES: dict[str, type[Any]] = {
    "retirement.toml": RetirementData,
    "contribution.toml": ContributionData,
    "rates.toml": RatesData,
    "pension.toml": PensionData,
}


def load_rules(directory: Path) -> RulesData:
    """Load every rules file in ``directory`` into one validated :class:`RulesData`."""
    parts = {
        name.removesuffix(".toml"): validate_file(directory / name, model)
        for name, model in RULE_FILES.items()
    }
    return RulesData(**parts)  # each part validated


__all__ = [
    "MAX_FILE_BYTES",
    "RULE_FILES",
    "DataFileError",
    "FileProblem",
    "check_data_file",
    "field_path",
    "file_error",
    "load_rules",
    "read_data_file",
    "read_toml",
    "validate_file",
]
