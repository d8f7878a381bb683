"""The Debian package: ``packaging/deb.py`` packs a stand-in for dist/kiosk exactly as
``build.py --deb`` packs the real one; the package is unpacked with ``dpkg-deb -x`` / ``-e`` and
its unit, maintainer scripts, settings example and paths checked. (Installing it needs root and
a Debian machine: packaging/README.md says how it was tried.)"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kiosk.settings import SETTING_NAMES, load_settings

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"

pytestmark = pytest.mark.skipif(
    shutil.which("dpkg-deb") is None, reason="needs dpkg-deb (Debian or Ubuntu)"
)


def _load_deb() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kiosk_deb_under_test", PACKAGING / "deb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


deb = _load_deb()
VERSION = "0.1.0+20261207.1530"
OPT = "opt/weihai-si-kiosk"


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(the .deb, its files, its control folder): a stand-in dist/kiosk packed and unpacked."""
    base = tmp_path_factory.mktemp("deb")
    app = base / "kiosk"
    (app / "_internal" / "resources" / "rules").mkdir(parents=True)
    (app / "_internal" / "resources" / "rules" / "rates.toml").write_text("x = 1\n")
    (app / "_internal" / "libpython3.11.so.1.0").write_bytes(b"\x7fELF")
    (app / "_internal" / "libQt6Core.so.6").symlink_to("libpython3.11.so.1.0")
    for program in ("kiosk", "kiosk-calc"):
        (app / program).write_text("#!/bin/sh\n")
        (app / program).chmod(0o700)
    package = deb.build_deb(
        app, base / "dist", base / "work", version=VERSION, depends=["libc6 (>= 2.36)", "libx11-6"]
    )
    assert deb.check_deb(package, base / "check") == []
    files, control = base / "files", base / "control"
    subprocess.run(["dpkg-deb", "-x", str(package), str(files)], check=True)
    subprocess.run(["dpkg-deb", "-e", str(package), str(control)], check=True)
    return package, files, control


def field(package: Path, name: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "-f", str(package), name], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_name_says_package_version_and_architecture(unpacked: tuple[Path, Path, Path]) -> None:
    package, _, _ = unpacked
    arch = deb.architecture()
    assert package.name == f"weihai-si-kiosk_{VERSION}_{arch}.deb"
    assert field(package, "Package") == "weihai-si-kiosk"
    assert field(package, "Version") == VERSION
    assert field(package, "Architecture") == arch
    depends = field(package, "Depends").split(", ")
    assert depends[:2] == ["libc6 (>= 2.36)", "libx11-6"]
    assert {"xserver-xorg", "xinit", "passwd"} <= set(depends)
    recommends = field(package, "Recommends").split(", ")
    assert recommends == ["cups", "speech-dispatcher", "speech-dispatcher-espeak-ng", "espeak-ng"]
    assert re.fullmatch(r".+ <.+@.+>", field(package, "Maintainer"))


def test_a_later_build_is_a_newer_version() -> None:
    from datetime import UTC, datetime

    earlier = deb.deb_version("0.1.0", datetime(2026, 12, 7, 9, 5, tzinfo=UTC))
    later = deb.deb_version("0.1.0", datetime(2026, 12, 7, 15, 30, tzinfo=UTC))
    assert (earlier, later) == ("0.1.0+20261207.0905", "0.1.0+20261207.1530")
    newer = subprocess.run(["dpkg", "--compare-versions", later, "gt", earlier], check=False)
    assert newer.returncode == 0


def test_the_folder_goes_under_opt_owned_by_root(unpacked: tuple[Path, Path, Path]) -> None:
    package, files, _ = unpacked
    for program in ("kiosk", "kiosk-calc"):
        mode = (files / OPT / program).stat().st_mode
        assert stat.S_IMODE(mode) == 0o755
    assert (files / OPT / "_internal/resources/rules/rates.toml").is_file()
    assert os.readlink(files / OPT / "_internal/libQt6Core.so.6") == "libpython3.11.so.1.0"
    assert (files / OPT / "INSTALL.md").read_text(encoding="utf-8").startswith("# ")
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(package)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert all(" root/root " in line for line in listing)
    paths = {line.split()[-1] if " -> " not in line else line.split()[-3] for line in listing}
    outside = {p for p in paths if not p.startswith(("./opt/weihai-si-kiosk", "./lib/systemd"))}
    assert outside <= {"./", "./opt/", "./lib/", "./lib/systemd/", "./lib/systemd/system/"}


def unit(files: Path) -> dict[str, dict[str, str]]:
    sections: dict[str, dict[str, str]] = {}
    current = ""
    path = files / "lib/systemd/system/weihai-si-kiosk.service"
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = line.strip("[]")
            sections[current] = {}
        else:
            key, _, value = line.partition("=")
            sections[current][key] = value
    return sections


def test_the_unit_runs_kiosk_mode_as_the_kiosk_user_and_restarts_it(
    unpacked: tuple[Path, Path, Path],
) -> None:
    _, files, _ = unpacked
    service = unit(files)["Service"]
    command = service["ExecStart"].split()
    assert command[:6] == [
        "/usr/bin/xinit",
        "/opt/weihai-si-kiosk/kiosk",
        "--kiosk",
        "--config",
        "/etc/weihai-si-kiosk/settings.toml",
        "--",
    ]
    assert service["User"] == "kiosk"
    assert service["Restart"] == "always"  # xinit exits 0 however the kiosk ended
    assert service["RestartSec"] == "2"
    assert unit(files)["Unit"]["StartLimitIntervalSec"] == "0"
    assert unit(files)["Install"]["WantedBy"] == "graphical.target"
    assert service["EnvironmentFile"] == "-/etc/weihai-si-kiosk/environment"


def test_the_unit_passes_systemd_analyze_verify(unpacked: tuple[Path, Path, Path]) -> None:
    _, files, _ = unpacked
    if shutil.which("systemd-analyze") is None or not Path("/usr/bin/xinit").exists():
        pytest.skip("needs systemd-analyze and xinit (the unit's ExecStart)")
    result = subprocess.run(
        ["systemd-analyze", "verify", str(files / "lib/systemd/system/weihai-si-kiosk.service")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def script(control: Path, name: str) -> str:
    path = control / name
    assert stat.S_IMODE(path.stat().st_mode) == 0o755
    assert subprocess.run(["sh", "-n", str(path)], check=False).returncode == 0
    return path.read_text(encoding="utf-8")


def test_postinst_makes_the_user_the_folders_and_the_settings(
    unpacked: tuple[Path, Path, Path],
) -> None:
    _, _, control = unpacked
    text = script(control, "postinst")
    assert re.search(r"useradd --system --user-group --home-dir \"\$STATE\"", text)
    assert "--shell /usr/sbin/nologin" in text
    assert 'install -d -o "$KIOSK_USER" -g "$KIOSK_USER" -m 0750 "$STATE"' in text
    assert 'install -d -o "$KIOSK_USER" -g adm -m 2750 "$LOGS"' in text
    assert 'if [ ! -e "$CONFIG/settings.toml" ]' in text  # an operator's file is kept
    assert (
        '-m 0640 \\\n            /opt/$NAME/settings.example.toml "$CONFIG/settings.toml"' in text
    )
    for folder in ("STATE=/var/lib/$NAME", "LOGS=/var/log/$NAME", "CONFIG=/etc/$NAME"):
        assert folder in text
    assert 'deb-systemd-helper enable "$UNIT"' in text


def test_remove_keeps_settings_and_logs_purge_deletes_them(
    unpacked: tuple[Path, Path, Path],
) -> None:
    _, _, control = unpacked
    assert "deb-systemd-invoke stop weihai-si-kiosk.service" in script(control, "prerm")
    text = script(control, "postrm")
    remove = text[text.index("    remove)") : text.index("    purge)")]
    purge = text[text.index("    purge)") :]
    assert "rm " not in remove
    assert 'rm -rf "/etc/$NAME" "/var/log/$NAME" "/var/lib/$NAME"' in purge
    assert "userdel" not in text and "deluser" not in text  # Debian leaves system users


def test_the_settings_example_is_valid_and_sets_no_pin(unpacked: tuple[Path, Path, Path]) -> None:
    _, files, _ = unpacked
    path = files / OPT / "settings.example.toml"
    settings = load_settings(path)
    assert settings.mode == "kiosk"
    assert settings.admin_pin_hash is None
    assert settings.log_dir == Path("/var/log/weihai-si-kiosk")  # the folder postinst makes
    assert settings.usage_file == Path("/var/lib/weihai-si-kiosk/usage.json")
    # every commented example is a valid setting too (the PIN hash line aside)
    examples = [
        line.removeprefix("# ")
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.match(r"# [a-z_]+ = ", line) and "admin_pin_hash" not in line
    ]
    assert len(examples) >= 8
    uncommented = path.with_name("all.toml")
    uncommented.write_text(path.read_text(encoding="utf-8") + "\n".join(examples) + "\n")
    every = load_settings(uncommented)
    documented = {line.split(" = ")[0] for line in examples} | {"mode", "log_dir", "usage_file"}
    assert documented | {"admin_pin_hash"} == set(SETTING_NAMES)
    assert every.admin_taps == 7
