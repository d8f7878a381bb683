"""Load and validate resources/rules/*.toml; a broken file stops with its name and the field."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kiosk.rules.models import ContributionData, PensionData, RatesData, RetirementData, RulesData

M = TypeVar("M", bound=BaseModel)

MAX_FILE_BYTES = 1024 * 1024  # far above any bundled file (the largest is about 10 KB)

RULE_FILES: dict[str, type[BaseModel]] = {
    "retirement.toml": RetirementData,
    "contribution.toml": ContributionData,
    "rates.toml": RatesData,
    "pension.toml": PensionData,
}


class DataFileError(Exception):
    """A bundled data file is missing, unreadable or invalid."""

    def __init__(self, path: Path, field: str, problem: str) -> None:
        self.path = path
        self.field = field
        self.problem = problem
        where = f"{path}: {field}" if field else str(path)
        super().__init__(f"{where}: {problem}")


def field_path(loc: tuple[int | str, ...]) -> str:
    """``('year', 2, 'base_floor')`` -> ``year[2].base_floor``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def read_toml(path: Path) -> dict[str, Any]:
    """Parse ``path``; a missing, unreadable, oversized, non-UTF-8 or invalid file raises
    :class:`DataFileError`. Reads at most ``MAX_FILE_BYTES`` (+1), so a huge or endless file is
    refused at once instead of filling the memory."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise DataFileError(path, "", "file is missing (文件不存在)") from None
    except OSError as exc:
        raise DataFileError(path, "", f"cannot be read (无法读取): {exc}") from None
    if len(data) > MAX_FILE_BYTES:
        limit = f"{MAX_FILE_BYTES // 1024 // 1024} MB"
        raise DataFileError(path, "", f"file is too large (文件过大): over {limit}")
    try:
        return tomllib.loads(data.decode("utf-8-sig"))  # a BOM (Windows Notepad) is fine
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataFileError(path, "", f"not UTF-8 text (不是UTF-8编码): line {line}") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(path, "", f"not valid TOML (格式错误): {exc}") from None
    except RecursionError:
        raise DataFileError(path, "", "not valid TOML (格式错误): nested too deeply") from None


def validate_file(path: Path, model: type[M]) -> M:
    """Read ``path`` and validate it against ``model``; raise :class:`DataFileError` on the first problem."""
    raw = read_toml(path)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise DataFileError(path, field_path(first["loc"]), first["msg"]) from None


def load_rules(directory: Path) -> RulesData:
    """Load every rules file in ``directory`` into one validated :class:`RulesData`."""
    parts = {
        name.removesuffix(".toml"): validate_file(directory / name, model)
        for name, model in RULE_FILES.items()
    }
    return RulesData.model_validate(parts)
