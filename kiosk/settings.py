"""KioskSettings: how one terminal runs (mode, idle timings, admin gate, where logs go).

Read from a TOML file: ``kiosk --config PATH``, otherwise the platform's usual place
(:func:`default_config_path`); a missing default file means the defaults. Command-line flags win
over the file. A broken file (bad TOML, an unknown key, a value out of range) stops start-up with a
:class:`~kiosk.datafile.DataFileError` naming the file and the key.

Example ``settings.toml``::

    mode = "kiosk"
    idle_timeout_s = 120
    admin_corner = "top-right"
    admin_pin_hash = "scrypt$16384$8$1$...$..."   # from `kiosk --hash-pin`
    log_dir = "/var/log/weihai-si-kiosk"

No Qt here: the settings are plain data, used by ``main()`` and by ``kiosk.ops``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from annotated_types import Ge, Le, MaxLen, MinLen

from kiosk import snapshot
from kiosk.datafile import (
    MAX_FILE_BYTES,
    DataFileError,
    FieldError,
    parse_toml,
    read_data_file,
    read_toml,
    validate,
    validate_data,
)

APP_DIR_NAME = "weihai-si-kiosk"
SETTINGS_FILE_NAME = "settings.toml"
SETTINGS_SNAPSHOT = "settings.snapshot"
HALL_TEXT_SNAPSHOT = "hall-text.snapshot"

Mode = Literal["kiosk", "windowed", "demo"]
Corner = Literal["top-left", "top-right", "bottom-left", "bottom-right"]
PresetName = Literal["standard", "large", "largest"]  # 标准 / 大 / 特大 (kiosk.ui.theme.Preset)
ThemeName = Literal["standard", "contrast"]  # 标准 / 高对比 (kiosk.ui.theme.Theme)
Language = Literal["zh_CN", "en"]  # the bundled catalogues (kiosk.content.texts.LANGUAGES)

MIN_COUNTDOWN_S = 20  # WCAG 2.2.1: at least 20 s to ask for more time with one simple action
HALL_TEXT_MAX = (
    32  # characters of service_hours / service_desk: one line on a landscape attract screen
)
LEGACY_CONTRAST = "contrast"  # default_preset's old third value, now default_theme's
HallText = Annotated[str, MinLen(1), MaxLen(HALL_TEXT_MAX)]


def setting(default: Any, description: str) -> Any:
    """A field of :class:`KioskSettings`: its default and what it means (``metadata``)."""
    return dataclasses.field(default=default, metadata={"description": description})


@dataclasses.dataclass(frozen=True, kw_only=True)
class KioskSettings:
    """One terminal's settings. Every field has a default; the file only lists what differs.

    A frozen dataclass whose fields pydantic checks (types, ranges, unknown keys) when a file or
    any other outside values are read (:func:`validate_settings`); the checks of
    :meth:`__post_init__` run on every construction. No pydantic is imported to build one, so a
    start whose settings file has not changed since it was validated
    (:mod:`kiosk.snapshot`) paints its first screen without it."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    mode: Mode = setting(
        "windowed",
        "kiosk: fullscreen, locked down; windowed: a clerk's normal window; "
        "demo: windowed, marked 演示, attract screen on",
    )
    idle_timeout_s: Annotated[int, Ge(30), Le(1800)] = setting(
        90, "seconds without a touch before the countdown starts"
    )
    countdown_s: Annotated[int, Ge(MIN_COUNTDOWN_S), Le(300)] = setting(
        30, "seconds the 继续使用 countdown lasts before the session is cleared"
    )
    attract_enabled: bool = setting(
        True, "show the attract screen after an idle reset and at start-up"
    )
    default_preset: PresetName = setting(
        "standard",
        "text size of a fresh session: standard, large or largest (标准 / 大 / 特大); "
        'the old value "contrast" still means default_theme = "contrast" at the standard size',
    )
    default_theme: ThemeName = setting(
        "standard", "colours of a fresh session: standard or contrast (标准 / 高对比)"
    )
    service_hours: HallText | None = setting(
        None,
        "the hall's service hours, shown on the attract screen "
        "(e.g. 周一至周五 9:00—12:00 13:30—17:00); unset: not shown",
    )
    service_desk: HallText | None = setting(
        None,
        "where the service desk is, shown on the attract screen "
        "(e.g. 一楼大厅 1—8号窗口); unset: not shown",
    )
    language: Language = setting("zh_CN", "language of a fresh session")
    read_aloud: bool = setting(
        True,
        "offer 朗读 (读给我听) and 语音引导 where the terminal has a speech engine and a voice for "
        "the session's language; false: a terminal with no loudspeaker or headphones",
    )
    hide_cursor: bool | None = setting(
        None, "hide the mouse cursor; unset means hidden in kiosk mode only"
    )
    admin_corner: Corner = setting(
        "top-left", "the screen corner that is tapped to open the admin PIN pad"
    )
    admin_taps: Annotated[int, Ge(5), Le(10)] = setting(
        7, "taps in the admin corner that open the PIN pad"
    )
    admin_tap_window_s: Annotated[float, Ge(1.0), Le(10.0)] = setting(
        3.0, "seconds within which the admin taps must fall"
    )
    admin_pin_hash: str | None = setting(
        None,
        "salted hash of the admin PIN, printed by `kiosk --hash-pin`; "
        "unset means the admin panel cannot be opened",
    )
    log_dir: Path | None = setting(
        None, "folder of the rotating log file; unset means the platform's state folder"
    )
    usage_file: Path | None = setting(
        None, "JSON file of anonymous usage counts; unset means the platform's state folder"
    )
    service_window: Annotated[int, Ge(1), Le(99)] | None = setting(
        None,
        "the hall's service window (号窗口) a failed print or the 暂停服务 page sends "
        "citizens to; unset means 'the hall staff'",
    )
    print_timeout_s: Annotated[int, Ge(10), Le(600)] = setting(
        60, "seconds a print job may take before it counts as failed and is cancelled"
    )
    bundle_retry_s: Annotated[int, Ge(5), Le(600)] = setting(
        30,
        "in kiosk mode, how often a broken bundle or settings file is tried again "
        "while the 暂停服务 page shows",
    )

    def __post_init__(self) -> None:
        """What the types cannot say: the old contrast preset (``KioskSettings(default_preset=
        "contrast")`` is the contrast theme at the standard size), one line of hall text, a PIN
        hash this terminal can check. Raises :class:`~kiosk.datafile.FieldError`."""
        if self.default_preset == LEGACY_CONTRAST:
            object.__setattr__(self, "default_preset", "standard")
            object.__setattr__(self, "default_theme", LEGACY_CONTRAST)
        for key in ("service_hours", "service_desk"):
            value = getattr(self, key)
            if value is not None and (not value.strip() or any(ord(c) < 32 for c in value)):
                raise FieldError(key, "one line of text, not blank")
        if self.admin_pin_hash is not None:
            from kiosk.ops.pin import parse_pin_hash

            try:
                parse_pin_hash(self.admin_pin_hash)
            except ValueError as exc:
                raise FieldError("admin_pin_hash", str(exc)) from None

    @property
    def cursor_hidden(self) -> bool:
        return self.mode == "kiosk" if self.hide_cursor is None else self.hide_cursor

    @property
    def attract(self) -> bool:
        return self.attract_enabled or self.mode == "demo"

    def resolved_log_dir(self, env: Mapping[str, str] | None = None) -> Path:
        return self.log_dir or default_state_dir(env) / "logs"

    def resolved_usage_file(self, env: Mapping[str, str] | None = None) -> Path:
        return self.usage_file or default_state_dir(env) / "usage.json"


SETTING_NAMES = frozenset(field.name for field in dataclasses.fields(KioskSettings))


def _upgraded(values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` with ``default_preset = "contrast"`` (one of three exclusive presets once) made
    the contrast theme at the standard size, unless default_theme says otherwise (an error)."""
    if values.get("default_preset") != LEGACY_CONTRAST:
        return dict(values)
    if values.get("default_theme", LEGACY_CONTRAST) == LEGACY_CONTRAST:
        return {**values, "default_preset": "standard", "default_theme": LEGACY_CONTRAST}
    raise FieldError(
        "default_preset",
        '"contrast" is no longer a text size: write default_theme = "contrast" and '
        'default_preset = "standard", "large" or "largest"',
    )


def validate_settings(values: Mapping[str, Any]) -> KioskSettings:
    """``values`` (from a file, flags, a test) checked by pydantic into :class:`KioskSettings`;
    raises ValueError (pydantic's ValidationError, or a FieldError) saying what is wrong."""
    return validate(KioskSettings, _upgraded(values))


def settings_font_problems(
    settings: KioskSettings, path: Path, fonts: Path, *, cache: Path | None = None
) -> list[DataFileError]:
    """The settings' text shown on screen (service hours and desk) that has a character one of
    the bundled fonts in ``fonts`` cannot draw: one problem per field, naming ``path``.

    ``cache``: a folder where a texts-drawn result is kept (:mod:`kiosk.snapshot`), so the fonts'
    character maps are not parsed again at the next start with the same texts and fonts."""
    shown = {"service_hours": settings.service_hours, "service_desk": settings.service_desk}
    if not any(shown.values()):
        return []
    key: dict[str, Any] | None = None
    if cache is not None:
        try:
            key = {
                "program": snapshot.program_stamp(),
                "fonts": snapshot.file_stamps(fonts),
                "texts": list(shown.values()),
            }
            snapshot.read(cache / HALL_TEXT_SNAPSHOT, key)
            return []  # these texts, these fonts: drawn
        except (OSError, snapshot.SnapshotError):
            pass
    from kiosk.content.glyphs import FONT_FILES, font_characters, missing_characters

    characters = frozenset.intersection(*(font_characters(fonts / name) for name in FONT_FILES))
    problems = []
    for name, text in shown.items():
        missing = missing_characters(characters, [text]) if text else []
        if missing:
            problems.append(
                DataFileError(path, name, f"the bundled font cannot draw {''.join(missing)!r}")
            )
    if not problems and cache is not None and key is not None:
        with contextlib.suppress(OSError):
            snapshot.write(cache / HALL_TEXT_SNAPSHOT, key, [])
    return problems


# where things live ----------------------------------------------------------------------------


def _home(env: Mapping[str, str]) -> Path:
    home = env.get("HOME") or env.get("USERPROFILE")
    return Path(home) if home else Path.home()


def default_config_path(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """The platform's usual settings file.

    Linux and other Unix: ``$XDG_CONFIG_HOME/weihai-si-kiosk/settings.toml``, else
    ``~/.config/...``; Windows: ``%APPDATA%\\weihai-si-kiosk\\settings.toml``; macOS:
    ``~/Library/Application Support/weihai-si-kiosk/settings.toml``.
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    return _app_dir(env, platform, kind="config") / SETTINGS_FILE_NAME


def default_state_dir(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """Where logs and usage counts go: ``$XDG_STATE_HOME/weihai-si-kiosk`` (else
    ``~/.local/state/...``); Windows ``%LOCALAPPDATA%\\weihai-si-kiosk``."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    return _app_dir(env, platform, kind="state")


def default_cache_dir(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """Where the snapshots of the validated bundle and settings go (:mod:`kiosk.snapshot`;
    anything there may be deleted): ``$XDG_CACHE_HOME/weihai-si-kiosk`` (else
    ``~/.cache/...``); Windows ``%LOCALAPPDATA%\\weihai-si-kiosk\\cache``; macOS
    ``~/Library/Caches/weihai-si-kiosk``."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform.startswith("win"):
        return _app_dir(env, platform, kind="state") / "cache"
    if platform == "darwin":
        return _home(env) / "Library" / "Caches" / APP_DIR_NAME
    return _app_dir(env, platform, kind="cache")


def _app_dir(
    env: Mapping[str, str], platform: str, *, kind: Literal["config", "state", "cache"]
) -> Path:
    if platform.startswith("win"):
        variable = "APPDATA" if kind == "config" else "LOCALAPPDATA"
        base = env.get(variable)
        if base:
            return Path(base) / APP_DIR_NAME
        folder = "Roaming" if kind == "config" else "Local"
        return _home(env) / "AppData" / folder / APP_DIR_NAME
    if platform == "darwin":
        return _home(env) / "Library" / "Application Support" / APP_DIR_NAME
    variable, fallback = {
        "config": ("XDG_CONFIG_HOME", (".config",)),
        "state": ("XDG_STATE_HOME", (".local", "state")),
        "cache": ("XDG_CACHE_HOME", (".cache",)),
    }[kind]
    base = env.get(variable)
    # the XDG spec: a relative path is invalid and must be ignored
    if base and Path(base).is_absolute():
        return Path(base) / APP_DIR_NAME
    return _home(env).joinpath(*fallback) / APP_DIR_NAME


# loading ------------------------------------------------------------------------------------------


def load_settings(
    path: Path | None = None,
    *,
    overrides: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None,
    cache: Path | None = None,
) -> KioskSettings:
    """Settings from ``path`` (must exist) or the default file (may be missing), then ``overrides``
    (command-line flags, each a valid value of its setting) on top. Raises
    :class:`DataFileError` naming the file and the key.

    ``cache``: a folder where a snapshot of the validated file is kept (:mod:`kiosk.snapshot`);
    while the file and the program stay the same, the next start reads it without pydantic."""
    source = path if path is not None else default_config_path(env)
    flags = dict(overrides or {})
    if path is None and not os.path.lexists(source):
        return KioskSettings(**flags)  # no file: the defaults and the flags, no pydantic
    data = read_data_file(source, limit=MAX_FILE_BYTES)
    key = _snapshot_key(source, data) if cache is not None else None
    if cache is not None and key is not None:
        try:
            parts, _extra = snapshot.read(cache / SETTINGS_SNAPSHOT, key)
            settings = snapshot.loads(parts[0])
            if isinstance(settings, KioskSettings):
                return _with_flags(settings, flags)
        except snapshot.SnapshotError:
            pass
    values = parse_toml(source, data)
    try:
        settings = validate_data(source, KioskSettings, _upgraded(values))
    except FieldError as exc:  # the legacy contrast preset, misused
        raise DataFileError(source, exc.field, str(exc)) from None
    if cache is not None and key is not None:
        with contextlib.suppress(OSError):  # no cache folder: validated at every start
            snapshot.write(cache / SETTINGS_SNAPSHOT, key, [snapshot.dumps(settings)])
    if not flags:
        return settings
    try:
        return validate_settings({**values, **flags})
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        raise DataFileError(source, ", ".join(flags), str(exc)) from None


def _with_flags(settings: KioskSettings, flags: Mapping[str, Any]) -> KioskSettings:
    """``settings`` with the flags on top (made anew, and checked again, only if they differ)."""
    if all(getattr(settings, name) == value for name, value in flags.items()):
        return settings
    return dataclasses.replace(settings, **flags)


def _snapshot_key(source: Path, data: bytes) -> dict[str, Any]:
    return {
        "program": snapshot.program_stamp(),
        "file": str(source.resolve()),
        "content": [len(data), zlib.crc32(data)],
    }


def salvage_settings(
    path: Path | None = None,
    *,
    overrides: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None,
) -> KioskSettings:
    """What can still be used of a settings file that :func:`load_settings` refused: every key
    that is valid on its own (the mode, the admin gate, the service window...), the flags on top,
    defaults for the rest. For the 暂停服务 page of a terminal whose settings are broken; never
    raises. Nothing of a file that is not TOML at all."""
    source = path if path is not None else default_config_path(env)
    try:
        raw = read_toml(source) if os.path.lexists(source) else {}
    except DataFileError:
        raw = {}
    kept: dict[str, Any] = {}
    for key, value in {**raw, **(overrides or {})}.items():
        if key not in SETTING_NAMES:
            continue
        try:
            validate_settings({key: value})
        except ValueError:
            continue
        kept[key] = value
    try:
        return validate_settings(kept)
    except ValueError:
        return KioskSettings()


__all__ = [
    "MIN_COUNTDOWN_S",
    "Corner",
    "KioskSettings",
    "Mode",
    "default_cache_dir",
    "default_config_path",
    "default_state_dir",
    "load_settings",
    "salvage_settings",
    "settings_font_problems",
    "validate_settings",
]
