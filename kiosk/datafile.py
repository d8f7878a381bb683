"""Data files (the bundle's TOML files and the terminal's settings): read safely, validated by
pydantic, and every problem a :class:`DataFileError` naming the file and the field.

pydantic is imported by :func:`validate_file` and :func:`validate` only, when something is
validated: a start from a snapshot of a validated bundle (:mod:`kiosk.snapshot`) paints its
first screen without it. Qt-free.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from kiosk.files import FileTooLarge, NotRegularFile, read_bytes, require_regular

if TYPE_CHECKING:
    from pydantic import TypeAdapter

T = TypeVar("T")

MAX_FILE_BYTES = 1024 * 1024  # far above any bundled file (the largest is about 10 KB)
EXTRA_KEY = "Extra inputs are not permitted"  # pydantic's words for an unknown key in a model


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
    """A bundled data file (or the settings file) is missing, unreadable or invalid: ``path``,
    the ``field`` (empty for the whole file), the ``problem`` in the operator's words (English,
    as the validator's own messages are) and its ``code``."""

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


class FieldError(ValueError):
    """A check of a whole record (a dataclass's ``__post_init__``) that names the field it is
    about, so the :class:`DataFileError` names it too."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(problem)
        self.field = field


@dataclass(frozen=True, slots=True)
class Places:
    """A decimal field's digits: at most ``decimal_places`` after the point and ``max_digits`` in
    all, for pydantic to check when a file is validated (``Annotated[Decimal, Places(2)]``);
    nothing is imported to declare it."""

    decimal_places: int
    max_digits: int | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)  # the Decimal's, its bounds included
        schema["decimal_places"] = self.decimal_places
        if self.max_digits is not None:
            schema["max_digits"] = self.max_digits
        return schema


@dataclass(frozen=True, slots=True)
class Chars:
    """A text field's form, for pydantic to check when a file is validated: stripped of the
    spaces around it (``strip``), matching ``pattern``, at most ``max_length`` characters."""

    strip: bool = False
    pattern: str | None = None
    max_length: int | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)  # the str's
        schema["strip_whitespace"] = self.strip
        if self.pattern is not None:
            schema["pattern"] = self.pattern
        if self.max_length is not None:
            schema["max_length"] = self.max_length
        return schema


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


def parse_toml(path: Path, data: bytes) -> dict[str, Any]:
    """``data`` (the bytes of ``path``) as TOML; anything else raises :class:`DataFileError`."""
    try:
        return tomllib.loads(data.decode("utf-8-sig"))  # a BOM (Windows Notepad) is fine
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataFileError.of(path, FileProblem.NOT_UTF8, f"line {line}") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError.of(path, FileProblem.NOT_TOML, str(exc)) from None
    except RecursionError:
        raise DataFileError.of(path, FileProblem.NOT_TOML, "nested too deeply") from None


def read_toml(path: Path) -> dict[str, Any]:
    """Parse ``path``; a missing, unreadable, oversized, non-UTF-8 or invalid file, or anything
    that is not a regular file, raises :class:`DataFileError`. Reads at most ``MAX_FILE_BYTES``
    (+1), so a huge or endless file is refused at once instead of filling the memory."""
    return parse_toml(path, read_data_file(path, limit=MAX_FILE_BYTES))


_adapters: dict[type[Any], TypeAdapter[Any]] = {}


def validate(kind: type[T], data: Any) -> T:
    """``data`` validated as ``kind`` (a dataclass whose fields pydantic checks, or a pydantic
    model); raises pydantic's ValidationError (a ValueError)."""
    adapter = _adapters.get(kind)
    if adapter is None:
        from pydantic import TypeAdapter

        adapter = _adapters[kind] = TypeAdapter(kind)
    result: T = adapter.validate_python(data)
    return result


def validate_data(path: Path, kind: type[T], data: Any) -> T:
    """:func:`validate`, its first problem a :class:`DataFileError` naming ``path``."""
    from pydantic import ValidationError

    try:
        return validate(kind, data)
    except ValidationError as exc:
        first = exc.errors()[0]
        cause = first.get("ctx", {}).get("error")
        field = field_path(first["loc"])
        if isinstance(cause, FieldError):  # a whole-record check: the field it names
            field, message = field_path((*first["loc"], cause.field)), str(cause)
        elif first["type"] == "unexpected_keyword_argument":  # a dataclass's word for it
            message = EXTRA_KEY
        else:
            message = first["msg"]
        raise DataFileError(path, field, message) from None


def validate_file(path: Path, kind: type[T]) -> T:
    """Read ``path`` and validate it as ``kind``; raise :class:`DataFileError` on the first
    problem."""
    return validate_data(path, kind, read_toml(path))
