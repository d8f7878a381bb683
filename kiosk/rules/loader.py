"""Load and validate resources/rules/*.toml; a broken file stops with its name and the field."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kiosk.files import FileTooLarge, NotRegularFile, read_bytes, require_regular
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


def read_data_file(path: Path, *, limit: int) -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit``); anything else (missing, a
    folder, a FIFO, a link to nothing, unreadable, too large) raises :class:`DataFileError`
    naming the file. Never blocks and never reads more than ``limit`` + 1 bytes."""
    try:
        return read_bytes(path, limit=limit)
    except OSError as exc:
        raise file_error(path, exc) from None


def check_data_file(path: Path) -> None:
    """Raise :class:`DataFileError` unless ``path`` is a regular file (files Qt opens itself,
    such as the fonts: a FIFO would block it forever)."""
    try:
        require_regular(path)
    except OSError as exc:
        raise file_error(path, exc) from None


def file_error(path: Path, exc: OSError) -> DataFileError:
    """The :class:`DataFileError` for an OSError met reading ``path``, in words."""
    if isinstance(exc, FileNotFoundError):
        return DataFileError(path, "", "file is missing (文件不存在)")
    if isinstance(exc, NotRegularFile):
        return DataFileError(path, "", exc.strerror or "not a regular file")
    if isinstance(exc, FileTooLarge):
        limit = exc.limit
        shown = f"{limit // 1024 // 1024} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
        return DataFileError(path, "", f"file is too large (文件过大): over {shown}")
    reason = exc.strerror or type(exc).__name__
    return DataFileError(path, "", f"cannot be read (无法读取): {reason}")


def read_toml(path: Path) -> dict[str, Any]:
    """Parse ``path``; a missing, unreadable, oversized, non-UTF-8 or invalid file, or anything
    that is not a regular file, raises :class:`DataFileError`. Reads at most ``MAX_FILE_BYTES``
    (+1), so a huge or endless file is refused at once instead of filling the memory."""
    data = read_data_file(path, limit=MAX_FILE_BYTES)
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
