"""Load and validate resources/rules/*.toml; a broken file stops with its name and the field.

A refused file carries a :class:`FileProblem` code; its message is worded for the log and the
operator in English, as the validator's own messages are (the rules speak no citizen's language).
"""

from __future__ import annotations

import tomllib
from enum import StrEnum
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


class FileProblem(StrEnum):
    """Why a data file was refused."""

    MISSING = "missing"
    NOT_REGULAR = "not_regular"  # a folder, a FIFO, a device, a link to nothing
    TOO_LARGE = "too_large"
    UNREADABLE = "unreadable"
    NOT_UTF8 = "not_utf8"
    NOT_TOML = "not_toml"
    INVALID = "invalid"  # read, but its content is refused (a field, a placeholder, a font)


PROBLEM_WORDS = {
    FileProblem.MISSING: "file is missing",
    FileProblem.NOT_REGULAR: "not a regular file",
    FileProblem.TOO_LARGE: "file is too large",
    FileProblem.UNREADABLE: "cannot be read",
    FileProblem.NOT_UTF8: "not UTF-8 text",
    FileProblem.NOT_TOML: "not valid TOML",
}
"""How the log and the operator read each code that has no detail of its own."""


class DataFileError(Exception):
    """A bundled data file is missing, unreadable or invalid: ``path``, the ``field`` (empty for
    the whole file), the ``problem`` in the operator's words and its ``code``."""

    def __init__(
        self, path: Path, field: str, problem: str, code: FileProblem = FileProblem.INVALID
    ) -> None:
        self.path = path
        self.field = field
        self.problem = problem
        self.code = code
        where = f"{path}: {field}" if field else str(path)
        super().__init__(f"{where}: {problem}")

    @classmethod
    def of(cls, path: Path, code: FileProblem, detail: str = "") -> DataFileError:
        """The whole file refused for ``code``, with an optional ``detail`` after its words."""
        words = PROBLEM_WORDS[code]
        return cls(path, "", f"{words}: {detail}" if detail else words, code)


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
        return DataFileError.of(path, FileProblem.MISSING)
    if isinstance(exc, NotRegularFile):
        return DataFileError.of(path, FileProblem.NOT_REGULAR, exc.kind)
    if isinstance(exc, FileTooLarge):
        limit = exc.limit
        shown = f"{limit // 1024 // 1024} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
        return DataFileError.of(path, FileProblem.TOO_LARGE, f"over {shown}")
    reason = exc.strerror or type(exc).__name__
    return DataFileError.of(path, FileProblem.UNREADABLE, reason)


def read_toml(path: Path) -> dict[str, Any]:
    """Parse ``path``; a missing, unreadable, oversized, non-UTF-8 or invalid file, or anything
    that is not a regular file, raises :class:`DataFileError`. Reads at most ``MAX_FILE_BYTES``
    (+1), so a huge or endless file is refused at once instead of filling the memory."""
    data = read_data_file(path, limit=MAX_FILE_BYTES)
    try:
        return tomllib.loads(data.decode("utf-8-sig"))  # a BOM (Windows Notepad) is fine
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataFileError.of(path, FileProblem.NOT_UTF8, f"line {line}") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError.of(path, FileProblem.NOT_TOML, str(exc)) from None
    except RecursionError:
        raise DataFileError.of(path, FileProblem.NOT_TOML, "nested too deeply") from None


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
