"""KioskSettings: defaults, limits, the platform's config location, the file, flags over the file,
and a broken file stopping start-up with a message naming the key."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from kiosk import resources
from kiosk.rules.loader import DataFileError
from kiosk.settings import (
    KioskSettings,
    default_config_path,
    default_state_dir,
    load_settings,
    settings_font_problems,
)
from tests.conftest import run_kiosk


def test_defaults() -> None:
    settings = KioskSettings()
    assert settings.mode == "windowed"
    assert (settings.idle_timeout_s, settings.countdown_s) == (90, 30)
    assert settings.admin_taps == 7 and settings.admin_corner == "top-left"
    assert settings.admin_pin_hash is None
    assert not settings.cursor_hidden
    assert KioskSettings(mode="kiosk").cursor_hidden
    assert not KioskSettings(mode="kiosk", hide_cursor=False).cursor_hidden
    assert KioskSettings(mode="demo", attract_enabled=False).attract


def test_every_field_is_described() -> None:
    assert all(field.metadata["description"] for field in fields(KioskSettings))


@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        (
            {"XDG_CONFIG_HOME": "/cfg", "HOME": "/home/a"},
            "linux",
            "/cfg/weihai-si-kiosk/settings.toml",
        ),
        ({"HOME": "/home/a"}, "linux", "/home/a/.config/weihai-si-kiosk/settings.toml"),
        # a relative XDG path is invalid (the spec says: ignore it)
        (
            {"XDG_CONFIG_HOME": "cfg", "HOME": "/home/a"},
            "linux",
            "/home/a/.config/weihai-si-kiosk/settings.toml",
        ),
        (
            {"XDG_CONFIG_HOME": "", "HOME": "/home/a"},
            "linux",
            "/home/a/.config/weihai-si-kiosk/settings.toml",
        ),
        (
            {"APPDATA": "C:/Users/a/AppData/Roaming"},
            "win32",
            "C:/Users/a/AppData/Roaming/weihai-si-kiosk/settings.toml",
        ),
        (
            {"USERPROFILE": "C:/Users/a"},
            "win32",
            "C:/Users/a/AppData/Roaming/weihai-si-kiosk/settings.toml",
        ),
        (
            {"HOME": "/Users/a"},
            "darwin",
            "/Users/a/Library/Application Support/weihai-si-kiosk/settings.toml",
        ),
    ],
)
def test_default_config_path(env: dict[str, str], platform: str, expected: str) -> None:
    assert default_config_path(env, platform) == Path(expected)


def test_default_state_dir() -> None:
    assert default_state_dir({"HOME": "/h"}, "linux") == Path("/h/.local/state/weihai-si-kiosk")
    assert default_state_dir({"XDG_STATE_HOME": "/s"}, "linux") == Path("/s/weihai-si-kiosk")
    assert default_state_dir({"LOCALAPPDATA": "D:/L"}, "win32") == Path("D:/L/weihai-si-kiosk")
    settings = KioskSettings()
    assert settings.resolved_log_dir({"XDG_STATE_HOME": "/s"}) == Path("/s/weihai-si-kiosk/logs")
    assert settings.resolved_usage_file({"XDG_STATE_HOME": "/s"}) == Path(
        "/s/weihai-si-kiosk/usage.json"
    )


def test_a_missing_default_file_means_defaults(tmp_path: Path) -> None:
    assert load_settings(env={"XDG_CONFIG_HOME": str(tmp_path)}) == KioskSettings()


def test_the_default_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "weihai-si-kiosk" / "settings.toml"
    path.parent.mkdir()
    path.write_text('mode = "kiosk"\nidle_timeout_s = 120\n', encoding="utf-8")
    settings = load_settings(env={"XDG_CONFIG_HOME": str(tmp_path)})
    assert (settings.mode, settings.idle_timeout_s) == ("kiosk", 120)


def test_flags_win_over_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('mode = "kiosk"\ncountdown_s = 40\n', encoding="utf-8")
    settings = load_settings(path, overrides={"mode": "windowed"})
    assert (settings.mode, settings.countdown_s) == ("windowed", 40)


def test_an_explicit_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="missing"):
        load_settings(tmp_path / "nope.toml")


BAD_FILES = [
    ("bad_toml", 'mode = "kiosk\n', "", "TOML"),
    ("unknown_key", "idle_timeout = 90\n", "idle_timeout", "Extra inputs"),
    ("idle_too_short", "idle_timeout_s = 10\n", "idle_timeout_s", "greater than or equal to 30"),
    ("idle_too_long", "idle_timeout_s = 7200\n", "idle_timeout_s", "less than or equal to 1800"),
    ("countdown_under_20", "countdown_s = 10\n", "countdown_s", "greater than or equal to 20"),
    ("too_few_taps", "admin_taps = 3\n", "admin_taps", "greater than or equal to 5"),
    ("bad_mode", 'mode = "full"\n', "mode", "kiosk"),
    ("bad_corner", 'admin_corner = "middle"\n', "admin_corner", "top-left"),
    ("bad_language", 'language = "fr"\n', "language", "zh_CN"),
    ("bad_preset", 'default_preset = "huge"\n', "default_preset", "largest"),
    ("bad_theme", 'default_theme = "dark"\n', "default_theme", "contrast"),
    (
        "contrast_size_with_another_theme",
        'default_preset = "contrast"\ndefault_theme = "standard"\n',
        "default_preset",
        'write default_theme = "contrast"',
    ),
    ("hours_too_long", f'service_hours = "{"9" * 33}"\n', "service_hours", "at most 32"),
    ("hours_blank", 'service_hours = "   "\n', "service_hours", "not blank"),
    ("desk_two_lines", 'service_desk = "一楼\\n大厅"\n', "service_desk", "one line"),
    ("bad_pin_hash", 'admin_pin_hash = "1234"\n', "admin_pin_hash", "hash-pin"),
    ("wrong_type", 'attract_enabled = "yes please"\n', "attract_enabled", "boolean"),
]


@pytest.mark.parametrize(
    ("name", "text", "key", "problem"), BAD_FILES, ids=[b[0] for b in BAD_FILES]
)
def test_a_bad_file_names_the_file_and_the_key(
    tmp_path: Path, name: str, text: str, key: str, problem: str
) -> None:
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_settings(path)
    assert caught.value.path == path
    assert caught.value.field == key
    assert problem in caught.value.problem
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("idle_timeout = 90\n", "idle_timeout"),
        ("countdown_s = 5\n", "countdown_s"),
        ("mode = [\n", ""),
    ],
)
def test_start_up_stops_on_a_bad_file_without_a_traceback(
    tmp_path: Path, text: str, key: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    completed = run_kiosk("--config", str(path), "--smoke")
    assert completed.returncode == 1
    assert "Traceback" not in completed.stderr
    assert str(path) in completed.stderr
    assert f": {key}:" in completed.stderr if key else "TOML" in completed.stderr


def test_a_good_file_starts(tmp_path: Path) -> None:
    path = tmp_path / "good.toml"
    path.write_text(
        f'mode = "demo"\nlog_dir = "{(tmp_path / "logs").as_posix()}"\n', encoding="utf-8"
    )
    completed = run_kiosk("--config", str(path), "--smoke")
    assert completed.returncode == 0, completed.stderr


# 字号/对比 and the hall's facts (issue 14) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "preset", "theme"),
    [
        ("", "standard", "standard"),
        ('default_preset = "large"\n', "large", "standard"),
        ('default_preset = "largest"\ndefault_theme = "contrast"\n', "largest", "contrast"),
        # the old third preset keeps working: it is the contrast theme at the standard size now
        ('default_preset = "contrast"\n', "standard", "contrast"),
        ('default_preset = "contrast"\ndefault_theme = "contrast"\n', "standard", "contrast"),
    ],
)
def test_text_size_and_theme_defaults(tmp_path: Path, text: str, preset: str, theme: str) -> None:
    path = tmp_path / "look.toml"
    path.write_text(text, encoding="utf-8")
    settings = load_settings(path)
    assert (settings.default_preset, settings.default_theme) == (preset, theme)


def test_the_window_starts_in_the_settings_look(qtbot, bundle) -> None:
    from kiosk.app import build_main_window
    from kiosk.ui.theme import Preset, Theme

    settings = KioskSettings(default_preset="contrast")
    window = build_main_window(bundle, settings=KioskSettings(default_preset="largest"))
    qtbot.add_widget(window)
    assert (window.preset, window.theme) == (Preset.LARGEST, Theme.STANDARD)
    window = build_main_window(bundle, settings=settings)
    qtbot.add_widget(window)
    assert (window.preset, window.theme) == (Preset.STANDARD, Theme.CONTRAST)
    window.set_appearance(Preset.LARGE, Theme.STANDARD)
    window.reset_session()
    assert (window.preset, window.theme) == (Preset.STANDARD, Theme.CONTRAST)


def test_service_hours_and_desk_are_optional_and_kept(tmp_path: Path) -> None:
    assert KioskSettings().service_hours is None and KioskSettings().service_desk is None
    path = tmp_path / "hall.toml"
    path.write_text(
        'service_hours = "周一至周五 9:00—12:00 13:30—17:00"\nservice_desk = "一楼大厅 1—8号窗口"\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert settings.service_hours == "周一至周五 9:00—12:00 13:30—17:00"
    assert settings.service_desk == "一楼大厅 1—8号窗口"
    assert settings_font_problems(settings, path, resources.fonts_dir()) == []


def test_hall_text_the_font_cannot_draw_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hall.toml"
    settings = KioskSettings(service_desk="三楼𠀀号窗口")  # a character outside the font subset
    problems = settings_font_problems(settings, path, resources.fonts_dir())
    assert [(p.path, p.field) for p in problems] == [(path, "service_desk")]
    assert "𠀀" in problems[0].problem


def test_start_up_stops_on_hall_text_the_font_cannot_draw(tmp_path: Path) -> None:
    path = tmp_path / "hall.toml"
    path.write_text('service_desk = "三楼𠀀号窗口"\n', encoding="utf-8")
    completed = run_kiosk("--config", str(path), "--smoke")
    assert completed.returncode == 1
    assert "Traceback" not in completed.stderr
    assert str(path) in completed.stderr and "service_desk" in completed.stderr
