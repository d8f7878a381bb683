"""KioskSettings: how one terminal runs (mode, idle timings, admin gate, where logs go).

Read from a TOML file: ``kiosk --config PATH``, otherwise the platform's usual place
(:func:`default_config_path`); a missing default file means the defaults. Command-line flags win
over the file. A broken file (bad TOML, an unknown key, a value out of range) stops start-up with a
:class:`~kiosk.rules.loader.DataFileError` naming the file and the key.

Example ``settings.toml``::

    mode = "kiosk"
    idle_timeout_s = 120
    admin_corner = "top-right"
    admin_pin_hash = "scrypt$16384$8$1$...$..."   # from `kiosk --hash-pin`
    log_dir = "/var/log/weihai-si-kiosk"

No Qt here: the model is plain data, used by ``main()`` and by ``kiosk.ops``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from kiosk.content.glyphs import FONT_FILES, font_characters, missing_characters
from kiosk.ops.pin import parse_pin_hash
from kiosk.rules.loader import DataFileError, read_toml, validate_file

APP_DIR_NAME = "weihai-si-kiosk"
SETTINGS_FILE_NAME = "settings.toml"

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


class KioskSettings(BaseModel):
    """One terminal's settings. Every field has a default; the file only lists what differs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    mode: Mode = Field(
        "windowed",
        description="kiosk: fullscreen, locked down; windowed: a clerk's normal window; "
        "demo: windowed, marked 演示, attract screen on",
    )
    idle_timeout_s: int = Field(
        90, ge=30, le=1800, description="seconds without a touch before the countdown starts"
    )
    countdown_s: int = Field(
        30,
        ge=MIN_COUNTDOWN_S,
        le=300,
        description="seconds the 继续使用 countdown lasts before the session is cleared",
    )
    attract_enabled: bool = Field(
        True, description="show the attract screen after an idle reset and at start-up"
    )
    default_preset: PresetName = Field(
        "standard",
        description="text size of a fresh session: standard, large or largest (标准 / 大 / 特大); "
        'the old value "contrast" still means default_theme = "contrast" at the standard size',
    )
    default_theme: ThemeName = Field(
        "standard", description="colours of a fresh session: standard or contrast (标准 / 高对比)"
    )
    service_hours: str | None = Field(
        None,
        min_length=1,
        max_length=HALL_TEXT_MAX,
        description="the hall's service hours, shown on the attract screen "
        "(e.g. 周一至周五 9:00—12:00 13:30—17:00); unset: not shown",
    )
    service_desk: str | None = Field(
        None,
        min_length=1,
        max_length=HALL_TEXT_MAX,
        description="where the service desk is, shown on the attract screen "
        "(e.g. 一楼大厅 1—8号窗口); unset: not shown",
    )
    language: Language = Field("zh_CN", description="language of a fresh session")
    read_aloud: bool = Field(
        True,
        description="offer 朗读 (读给我听) and 语音引导 where the terminal has a speech engine and "
        "a voice for the session's language; false: a terminal with no loudspeaker or headphones",
    )
    hide_cursor: bool | None = Field(
        None, description="hide the mouse cursor; unset means hidden in kiosk mode only"
    )
    admin_corner: Corner = Field(
        "top-left", description="the screen corner that is tapped to open the admin PIN pad"
    )
    admin_taps: int = Field(
        7, ge=5, le=10, description="taps in the admin corner that open the PIN pad"
    )
    admin_tap_window_s: float = Field(
        3.0, ge=1.0, le=10.0, description="seconds within which the admin taps must fall"
    )
    admin_pin_hash: str | None = Field(
        None,
        description="salted hash of the admin PIN, printed by `kiosk --hash-pin`; "
        "unset means the admin panel cannot be opened",
    )
    log_dir: Path | None = Field(
        None, description="folder of the rotating log file; unset means the platform's state folder"
    )
    usage_file: Path | None = Field(
        None,
        description="JSON file of anonymous usage counts; unset means the platform's state folder",
    )
    service_window: int | None = Field(
        None,
        ge=1,
        le=99,
        description="the hall's service window (号窗口) a failed print or the 暂停服务 page sends "
        "citizens to; unset means 'the hall staff'",
    )
    print_timeout_s: int = Field(
        60,
        ge=10,
        le=600,
        description="seconds a print job may take before it counts as failed and is cancelled",
    )
    bundle_retry_s: int = Field(
        30,
        ge=5,
        le=600,
        description="in kiosk mode, how often a broken bundle or settings file is tried again "
        "while the 暂停服务 page shows",
    )

    @model_validator(mode="before")
    @classmethod
    def _legacy_contrast_preset(cls, data: Any) -> Any:
        """``default_preset = "contrast"`` was one of three exclusive presets; it is the contrast
        theme at the standard size now, unless default_theme says otherwise (then an error)."""
        if (
            isinstance(data, dict)
            and data.get("default_preset") == LEGACY_CONTRAST
            and data.get("default_theme", LEGACY_CONTRAST) == LEGACY_CONTRAST
        ):
            return {**data, "default_preset": "standard", "default_theme": LEGACY_CONTRAST}
        return data

    @field_validator("default_preset", mode="before")
    @classmethod
    def _contrast_is_a_theme(cls, value: object) -> object:
        if value == LEGACY_CONTRAST:
            raise ValueError(
                '"contrast" is no longer a text size: write default_theme = "contrast" and '
                'default_preset = "standard", "large" or "largest"'
            )
        return value

    @field_validator("service_hours", "service_desk")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        if value is not None and (not value.strip() or any(ord(c) < 32 for c in value)):
            raise ValueError("one line of text, not blank")
        return value

    @field_validator("admin_pin_hash")
    @classmethod
    def _pin_hash_is_well_formed(cls, value: str | None) -> str | None:
        if value is not None:
            parse_pin_hash(value)  # raises ValueError naming what is wrong
        return value

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


def settings_font_problems(settings: KioskSettings, path: Path, fonts: Path) -> list[DataFileError]:
    """The settings' text shown on screen (service hours and desk) that has a character one of
    the bundled fonts in ``fonts`` cannot draw: one problem per field, naming ``path``."""
    shown = {"service_hours": settings.service_hours, "service_desk": settings.service_desk}
    if not any(shown.values()):
        return []
    characters = frozenset.intersection(*(font_characters(fonts / name) for name in FONT_FILES))
    problems = []
    for key, text in shown.items():
        missing = missing_characters(characters, [text]) if text else []
        if missing:
            problems.append(
                DataFileError(path, key, f"the bundled font cannot draw {''.join(missing)!r}")
            )
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


def _app_dir(env: Mapping[str, str], platform: str, *, kind: Literal["config", "state"]) -> Path:
    if platform.startswith("win"):
        variable = "APPDATA" if kind == "config" else "LOCALAPPDATA"
        base = env.get(variable)
        if base:
            return Path(base) / APP_DIR_NAME
        folder = "Roaming" if kind == "config" else "Local"
        return _home(env) / "AppData" / folder / APP_DIR_NAME
    if platform == "darwin":
        return _home(env) / "Library" / "Application Support" / APP_DIR_NAME
    variable, fallback = (
        ("XDG_CONFIG_HOME", (".config",))
        if kind == "config"
        else ("XDG_STATE_HOME", (".local", "state"))
    )
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
) -> KioskSettings:
    """Settings from ``path`` (must exist) or the default file (may be missing), then ``overrides``
    (command-line flags) on top. Raises :class:`DataFileError` naming the file and the key."""
    source = path if path is not None else default_config_path(env)
    if path is None and not os.path.lexists(source):
        base = KioskSettings()
    else:
        base = validate_file(source, KioskSettings)
    if not overrides:
        return base
    merged = {**base.model_dump(exclude_unset=True), **overrides}
    try:
        return KioskSettings.model_validate(merged)
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        raise DataFileError(source, ", ".join(overrides), str(exc)) from None


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
        if key not in KioskSettings.model_fields:
            continue
        try:
            KioskSettings.model_validate({key: value})
        except ValueError:
            continue
        kept[key] = value
    try:
        return KioskSettings.model_validate(kept)
    except ValueError:
        return KioskSettings()


__all__ = [
    "MIN_COUNTDOWN_S",
    "Corner",
    "KioskSettings",
    "Mode",
    "default_config_path",
    "default_state_dir",
    "load_settings",
    "salvage_settings",
    "settings_font_problems",
]
