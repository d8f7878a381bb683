"""The Debian package of the stand-alone kiosk, made with ``dpkg-deb`` and nothing else.

``python3 packaging/build.py --deb`` builds and proves ``dist/kiosk/``, then packs it here into
``dist/weihai-si-kiosk_<version>_<arch>.deb``, which installs

- ``/opt/weihai-si-kiosk/``: the proven folder (``kiosk``, ``kiosk-calc``, ``_internal/``), with
  ``INSTALL.md`` and ``settings.example.toml``;
- ``/lib/systemd/system/weihai-si-kiosk.service``: the kiosk in kiosk mode on its own X server on
  tty7, as the system user ``kiosk``, restarted whenever it stops;

and whose maintainer scripts (``packaging/linux/deb/``) make the ``kiosk`` user, its state and log
folders and ``/etc/weihai-si-kiosk/settings.toml`` (from the example, only when there is none),
and enable the service. Removing the package leaves the settings, logs and counts; purging it
deletes them.

The version is the project's with the build's UTC date and time (``0.1.0+20261207.1530``), so
every build installs over the one before. ``Depends`` lists the Debian package of every system
library the folder's binaries link (``dpkg -S`` on the build host: build on the Debian release the
terminals run), what the service runs (Xorg, xinit) and the tools the scripts use.

Standard library only (build.py and the tests load it by path).
"""

from __future__ import annotations

import getpass
import hashlib
import os
import re
import shutil
import socket
import subprocess
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
SOURCES = PACKAGING / "linux" / "deb"
PACKAGE = "weihai-si-kiosk"
PREFIX = f"opt/{PACKAGE}"  # in the package's tree
UNIT = f"{PACKAGE}.service"
UNIT_DIR = "lib/systemd/system"
SCRIPTS = ("postinst", "prerm", "postrm")
SETTINGS_EXAMPLE = "settings.example.toml"
DESCRIPTION = """\
Weihai social insurance self-service kiosk (hall terminal)
 The touchscreen kiosk of the 威海市社会保险事业中心 (Weihai Municipal Social
 Insurance Centre): contributions, retirement age and eligibility, pension
 estimate, FAQ and service guide. A stand-alone build in /opt/weihai-si-kiosk,
 run by the weihai-si-kiosk service in kiosk mode on its own X server (tty7)
 as the system user kiosk. Settings: /etc/weihai-si-kiosk/settings.toml."""

# What the package needs besides the libraries its binaries link: the X server and xinit the
# service runs, the user tools of postinst.
RUNTIME_DEPENDS = ["xserver-xorg", "xinit", "passwd"]
# 打印 needs a CUPS with a default printer; 读给我听 a speech-dispatcher (its library is what Qt's
# plug-in links) with a Mandarin voice
RECOMMENDS = ["cups", "speech-dispatcher", "speech-dispatcher-espeak-ng", "espeak-ng"]

# Libraries Qt's X11 platform links that a build host may lack (then ldd finds no path to ask
# dpkg about), by the Debian package that has them.
PACKAGE_OF_LIBRARY = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libcups.so.2": "libcups2",
}


class DebError(Exception):
    pass


def deb_version(version: str, built: datetime) -> str:
    """``0.1.0`` built 2026-12-07 15:30 UTC -> ``0.1.0+20261207.1530`` (later builds sort later)."""
    return f"{version}+{built.astimezone(UTC):%Y%m%d.%H%M}"


def build_time() -> datetime:
    """Now, or SOURCE_DATE_EPOCH (reproducible builds) when set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)


def _dpkg_query(*args: str) -> str:
    return subprocess.run(
        ["dpkg-query", *args], capture_output=True, text=True, check=False
    ).stdout.strip()


def _owner(path: str) -> str | None:
    """The Debian package that installed ``path`` (tried as given, resolved, and across the
    /lib -> /usr/lib merge)."""
    real = os.path.realpath(path)
    candidates = [path, real]
    for known in (path, real):
        if known.startswith("/usr/"):
            candidates.append(known[4:])
        else:
            candidates.append("/usr" + known)
    for candidate in dict.fromkeys(candidates):
        found = _dpkg_query("-S", candidate)
        if found:
            return found.split(":", 1)[0].split(",")[0].strip()
    return None


def library_depends(libraries: Mapping[str, str | None]) -> list[str]:
    """The Depends entries for the system libraries the build links (name -> path on this
    machine, or None where it has none): each library's package; libc6 at least this machine's
    version. Raises DebError for a library no package is known for."""
    packages: set[str] = set()
    unknown = []
    for name, path in sorted(libraries.items()):
        package = _owner(path) if path else PACKAGE_OF_LIBRARY.get(name)
        if package is None:
            unknown.append(f"{name} ({path or 'not on this machine'})")
        else:
            packages.add(package)
    if unknown:
        raise DebError("no Debian package known for: " + ", ".join(unknown))
    depends = sorted(packages - {"libc6"})
    libc = re.match(r"\d+(\.\d+)+", _dpkg_query("-W", "-f=${Version}", "libc6"))
    depends.insert(0, f"libc6 (>= {libc.group(0)})" if libc else "libc6")
    return depends


def maintainer() -> str:
    """DEBFULLNAME <DEBEMAIL> (the Debian tools' variables), else git's user, else who built it."""
    name, email = os.environ.get("DEBFULLNAME"), os.environ.get("DEBEMAIL")
    if not (name and email):

        def git(key: str) -> str:
            return subprocess.run(
                ["git", "config", key], capture_output=True, text=True, cwd=PACKAGING, check=False
            ).stdout.strip()

        name, email = name or git("user.name"), email or git("user.email")
    if not (name and email):
        name, email = f"{PACKAGE} build", f"{getpass.getuser()}@{socket.gethostname()}"
    return f"{name} <{email}>"


def architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def _control(version: str, arch: str, depends: list[str], installed_kib: int) -> str:
    fields = {
        "Package": PACKAGE,
        "Version": version,
        "Architecture": arch,
        "Maintainer": maintainer(),
        "Installed-Size": str(installed_kib),
        "Depends": ", ".join([*depends, *RUNTIME_DEPENDS]),
        "Recommends": ", ".join(RECOMMENDS),
        "Section": "misc",
        "Priority": "optional",
        "Description": DESCRIPTION,
    }
    return "".join(f"{key}: {value}\n" for key, value in fields.items())


def _normalise_modes(root: Path) -> None:
    """Folders 0755, files 0755 when executable by their owner, else 0644 (no group or world
    write from the build machine's umask)."""
    for dirpath, dirs, names in os.walk(root):
        for name in dirs:
            os.chmod(Path(dirpath) / name, 0o755)
        for name in names:
            path = Path(dirpath) / name
            if not path.is_symlink():
                os.chmod(path, 0o755 if path.stat().st_mode & 0o100 else 0o644)


def _md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.parts:
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            lines.append(f"{digest}  {path.relative_to(root).as_posix()}\n")
    return "".join(lines)


def build_deb(
    app_dir: Path,
    out_dir: Path,
    work: Path,
    *,
    version: str,
    depends: list[str],
    arch: str | None = None,
) -> Path:
    """Pack ``app_dir`` (a built dist/kiosk) into ``out_dir``/<package>_<version>_<arch>.deb,
    staged in ``work``. Returns the package's path."""
    arch = arch or architecture()
    root = work / "root"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(app_dir, root / PREFIX, symlinks=True)
    shutil.copy2(PACKAGING / "linux" / "INSTALL.md", root / PREFIX / "INSTALL.md")
    shutil.copy2(SOURCES / SETTINGS_EXAMPLE, root / PREFIX / SETTINGS_EXAMPLE)
    (root / UNIT_DIR).mkdir(parents=True)
    shutil.copy2(SOURCES / UNIT, root / UNIT_DIR / UNIT)
    _normalise_modes(root)
    control_dir = root / "DEBIAN"
    control_dir.mkdir(mode=0o755)
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    (control_dir / "control").write_text(
        _control(version, arch, depends, -(-size // 1024)), encoding="utf-8"
    )
    (control_dir / "md5sums").write_text(_md5sums(root), encoding="utf-8")
    for script in SCRIPTS:
        shutil.copy2(SOURCES / script, control_dir / script)
        os.chmod(control_dir / script, 0o755)
    for path in control_dir.iterdir():
        if path.name not in SCRIPTS:
            os.chmod(path, 0o644)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
    result = subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise DebError(f"dpkg-deb --build failed: {result.stderr.strip()}")
    return target


def check_deb(path: Path, work: Path) -> list[str]:
    """Unpack ``path`` with ``dpkg-deb -x`` and ``-e`` into ``work``; what is wrong with it."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    files, control = work / "files", work / "control"
    for flag, target in (("-x", files), ("-e", control)):
        result = subprocess.run(
            ["dpkg-deb", flag, str(path), str(target)], capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            return [f"dpkg-deb {flag}: {result.stderr.strip()}"]
    problems = []
    for relative in (
        f"{PREFIX}/kiosk",
        f"{PREFIX}/kiosk-calc",
        f"{PREFIX}/_internal/resources/rules",
        f"{PREFIX}/INSTALL.md",
        f"{PREFIX}/{SETTINGS_EXAMPLE}",
        f"{UNIT_DIR}/{UNIT}",
    ):
        if not (files / relative).exists():
            problems.append(f"/{relative} missing")
    for program in ("kiosk", "kiosk-calc"):
        target = files / PREFIX / program
        if target.exists() and not os.access(target, os.X_OK):
            problems.append(f"/{PREFIX}/{program} not executable")
    for script in (*SCRIPTS, "control", "md5sums"):
        if not (control / script).is_file():
            problems.append(f"DEBIAN/{script} missing")
    unit = files / UNIT_DIR / UNIT
    if unit.is_file():
        text = unit.read_text(encoding="utf-8")
        if f"/{PREFIX}/kiosk --kiosk" not in text or "\nRestart=always\n" not in text:
            problems.append(f"{UNIT} does not run --kiosk with Restart=always")
    return problems
