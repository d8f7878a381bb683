"""The self-test's capability checks (kiosk/capabilities.py): each passes in the real program, and
each fails when what it proves is broken, so a build missing a capability cannot pass them. The real
program runs them in ``python3 packaging/dev.py test`` (``kiosk --self-test --config FILE`` with
``KIOSK_SELF_TEST_PIN``) and in ``packaging/build.py``, from the build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk import resources
from kiosk.capabilities import CAPABILITIES, check_capabilities, kiosk_modules
from kiosk.ops.pin import hash_pin
from tests.conftest import TODAY


def by_name(found: list[Any]) -> dict[str, Any]:
    assert [capability.name for capability in found] == list(CAPABILITIES)
    return {capability.name: capability for capability in found}


def settings_file(tmp_path: Path, pin: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(
        f'mode = "kiosk"\nadmin_corner = "top-right"\nadmin_pin_hash = "{hash_pin(pin, n=2**10)}"\n',
        encoding="utf-8",
    )
    return path


def test_every_capability_passes(bundle: Any) -> None:
    found = by_name(check_capabilities(bundle, today=lambda: TODAY))
    failed = {name: c.detail for name, c in found.items() if not c.ok}
    assert not failed
    assert "a PIN hashed here" in found["admin-pin"].detail
    assert "1 A4 page" in found["pdf"].detail and "embedded" in found["pdf"].detail


def test_the_settings_files_pin_opens_the_gate(bundle: Any, tmp_path: Path) -> None:
    path = settings_file(tmp_path, "0357")
    found = by_name(check_capabilities(bundle, config=path, pin="0357", today=lambda: TODAY))
    assert found["settings"].ok and str(path) in found["settings"].detail
    assert found["admin-pin"].ok, found["admin-pin"].detail
    assert "settings file's admin_pin_hash" in found["admin-pin"].detail


def test_a_pin_the_settings_file_does_not_hold_fails(bundle: Any, tmp_path: Path) -> None:
    path = settings_file(tmp_path, "0357")
    found = by_name(check_capabilities(bundle, config=path, pin="1357", today=lambda: TODAY))
    assert not found["admin-pin"].ok
    assert "did not open the admin panel" in found["admin-pin"].detail
    assert all(c.ok for name, c in found.items() if name != "admin-pin")


def test_a_broken_settings_file_fails_settings_and_the_gate(bundle: Any, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('mode = "kiosk"\nadmin_tapz = 7\n', encoding="utf-8")
    found = by_name(check_capabilities(bundle, config=path, today=lambda: TODAY))
    assert not found["settings"].ok and "admin_tapz" in found["settings"].detail
    assert not found["admin-pin"].ok


def test_a_missing_capability_is_reported_not_raised(
    bundle: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a build missing hashlib's scrypt looks like: admin-pin fails, the rest goes on."""
    import hashlib

    monkeypatch.delattr(hashlib, "scrypt")
    found = by_name(check_capabilities(bundle, today=lambda: TODAY))
    assert not found["admin-pin"].ok and "scrypt" in found["admin-pin"].detail
    assert found["pdf"].ok and found["modules"].ok


def test_the_module_check_imports_every_module_of_the_package() -> None:
    package = resources.resources_dir().parent / "kiosk"
    on_disk = {
        ".".join(path.relative_to(package.parent).with_suffix("").parts).removesuffix(".__init__")
        for path in package.rglob("*.py")
    } - {"kiosk.__main__"}
    assert set(kiosk_modules()) == on_disk


def test_speech_says_per_language_what_the_admin_panel_shows(bundle: Any) -> None:
    found = by_name(check_capabilities(bundle, today=lambda: TODAY))["speech"]
    assert found.ok, found.detail
    ops = bundle.texts.ops
    for language in ops.voice_languages.values():
        assert f"（{language}）" in found.detail  # a voice, or why there is none


def test_a_build_without_qttexttospeech_fails_speech(
    bundle: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # import fails, as unbundled
    found = by_name(check_capabilities(bundle, today=lambda: TODAY))
    assert not found["speech"].ok and "QtTextToSpeech" in found["speech"].detail
