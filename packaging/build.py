#!/usr/bin/env python3
"""Build the stand-alone kiosk with PyInstaller, check what it contains, prove it works, measure it.

    python3 packaging/build.py [--onefile] [--deb] [--strict] [--runs N]     # Linux
    py packaging\\build.py [--onefile] [--strict]                             # Windows

Produces ``dist/kiosk/`` (one folder): ``kiosk`` (the touchscreen application; no console window
on Windows) and ``kiosk-calc`` (the rules and the admin PIN on the command line), sharing
``_internal/`` with Python, Qt and ``resources/``. Steps:

1. a build environment of its own in ``build/venv`` (re-created when pyproject.toml changes), into
   which the project is installed non-editable, from a clean copy in ``build/kiosk-src``, together
   with PyInstaller;
2. PyInstaller on ``packaging/kiosk.spec`` (two executables, one folder). What goes in is decided
   before PyInstaller analyses anything, by ``packaging/contents.py``: the Qt plug-ins and
   translations kept, the Python and Qt modules excluded, the system libraries left to the
   terminal;
3. a check of the folder against ``contents.py`` (no unwanted plug-in or library, every required
   file present), and the system libraries its binaries link (``ldd``);
4. the proof: ``kiosk --version``, ``kiosk --smoke``; ``kiosk-calc hash-pin``, whose hash goes
   into a settings file for ``kiosk --self-test --config FILE``, which walks every journey and
   proves every capability a terminal uses (the admin PIN at the real gate, settings from the
   file, a PDF written and read back, a QR code, the print path, log rotation, every module of
   the package); ``kiosk-calc retirement ...`` and ``kiosk-calc check``. Any failure, or a
   capability missing from the self-test's report, fails the build (exit 1);
5. the figures: the folder's size, and the start-up time of ``kiosk --smoke`` from the build next
   to ``python -m kiosk --smoke`` from the build environment, run alternately, median of N runs,
   against the budgets (folder <= 130 MB, build <= 1.2x source). A missed budget is printed as
   FAIL; it fails the build only with ``--strict``.

``--onefile`` also builds ``dist/kiosk-onefile/kiosk``, a single self-extracting file for a demo
USB stick, checks it the same way and times its start-up next to the others. ``--deb`` (Linux)
also packs the proven folder into ``dist/weihai-si-kiosk_<version>_<arch>.deb`` with
``dpkg-deb`` and checks it unpacked (``packaging/deb.py``).

Standard library only: it runs before anything is installed.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "kiosk.spec"
BUILD = ROOT / "build"
VENV = BUILD / "venv"
STAGE = BUILD / "kiosk-src"
WORK = BUILD / "pyinstaller"
DIST = ROOT / "dist"
APP_DIR = DIST / "kiosk"
ONEFILE_DIR = DIST / "kiosk-onefile"
CONTENTS = "_internal"  # PyInstaller 6's contents directory: sys._MEIPASS of the one-folder build

WINDOWS = os.name == "nt"
EXE = ".exe" if WINDOWS else ""
VENV_PYTHON = VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")

# What the build environment needs besides the project itself (setuptools builds the project
# without build isolation, so the wheel build works offline once this is installed).
BUILD_REQUIREMENTS = ["pyinstaller>=6.10,<7", "setuptools>=70.1"]
STAGED = ["pyproject.toml", "README.md", "kiosk", "resources"]

SIZE_BUDGET_BYTES = 130 * 1000 * 1000  # 130 MB (decimal), the stricter reading
STARTUP_BUDGET_RATIO = 1.2

# The proof the build works.
CALC_PROBE = ["retirement", "--birth", "1965-07", "--category", "male", "--as-of", "2026-11-29"]
CALC_EXPECTED_AGE = "60岁2个月"
PROOF_PIN = "2468"  # hashed by the built kiosk-calc, entered at the built kiosk's admin gate
# What `kiosk --self-test` must report as PASS (kiosk/capabilities.py), one line each.
CAPABILITIES = ("settings", "admin-pin", "pdf", "qr", "print", "log-rotation", "modules", "speech")


def _load(name: str) -> ModuleType:
    """packaging/<name>.py (loaded by path: packaging/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"kiosk_build_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bundle_contents = _load("contents")
deb = _load("deb")


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


class BuildError(Exception):
    pass


def say(text: str = "") -> None:
    print(text, flush=True)


def step(text: str) -> None:
    say(f"\n=== {text} ===")


def run(command: Sequence[str | Path], cwd: Path) -> None:
    printable = " ".join(str(part) for part in command)
    say(f"$ {printable}")
    result = subprocess.run([str(part) for part in command], cwd=cwd, check=False)
    if result.returncode != 0:
        raise BuildError(f"command failed ({result.returncode}): {printable}")


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)"


def files_under(root: Path) -> dict[str, int]:
    """Regular files under ``root`` (symlinks not followed, not counted) -> size in bytes."""
    found = {}
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            path = Path(dirpath) / name
            if not path.is_symlink():
                found[path.relative_to(root).as_posix()] = path.stat().st_size
    return found


def folder_size(root: Path) -> int:
    return sum(files_under(root).values())


def _group(relative: str) -> str:
    parts = relative.split("/")
    if parts[0] == "PySide6":
        if len(parts) > 2 and parts[1] == "Qt":
            sub = parts[2]
            if sub == "lib" and parts[-1].startswith("libicu"):
                return "Qt: ICU data and libraries"
            return f"Qt: {sub}"
        if parts[1] in {"plugins", "translations"}:
            return f"Qt: {parts[1]}"
        return "PySide6 bindings"
    if parts[0] == "resources":
        return "resources/ (rules, text, fonts, icons)"
    if parts[0].startswith(("libpython", "python3")) or parts[0] == "base_library.zip":
        return "Python (interpreter, extension modules, stdlib)"
    if parts[0] in {"pydantic_core", "shiboken6"} or parts[0].endswith(".dist-info"):
        return "pydantic_core, shiboken6, metadata"
    if len(parts) == 1:
        return "system libraries"
    return "other"


def size_table(files: dict[str, int]) -> list[tuple[str, int]]:
    groups: dict[str, int] = {}
    for relative, size in files.items():
        key = _group(relative)
        groups[key] = groups.get(key, 0) + size
    return sorted(groups.items(), key=lambda item: -item[1])


def contents_dir(app_dir: Path) -> Path:
    return app_dir / CONTENTS


# ---------------------------------------------------------------------------------------------
# 1. The build environment
# ---------------------------------------------------------------------------------------------


def stage_sources() -> None:
    """A clean copy of what the wheel is built from (no stale setuptools build/ or egg-info)."""
    shutil.rmtree(STAGE, ignore_errors=True)
    STAGE.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in STAGED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, STAGE / name, ignore=ignore)
        else:
            shutil.copy2(source, STAGE / name)


def ensure_venv() -> None:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(repr((BUILD_REQUIREMENTS, sys.version, sys.platform)).encode())
    wanted = digest.hexdigest()
    marker = VENV / ".kiosk-build-installed"
    pip = [VENV_PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    if not (marker.exists() and marker.read_text() == wanted and VENV_PYTHON.exists()):
        say(f"creating the build environment in {VENV}")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        run([*pip, *BUILD_REQUIREMENTS, STAGE], cwd=BUILD)
        marker.write_text(wanted)
    else:
        # the dependencies are in place; reinstall only the project (its code changes every time)
        run([*pip, "--no-deps", "--force-reinstall", "--no-build-isolation", STAGE], cwd=BUILD)


def pyinstaller(onefile: bool) -> None:
    work = WORK / ("onefile" if onefile else "onedir")
    work.mkdir(parents=True, exist_ok=True)
    log = work / "pyinstaller.log"
    env = dict(os.environ, KIOSK_RESOURCES_SRC=str(STAGE / "resources"))
    env["KIOSK_ONEFILE"] = "1" if onefile else "0"
    env.pop("PYTHONPATH", None)
    command = [
        str(VENV_PYTHON),
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(ONEFILE_DIR if onefile else DIST),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    say(f"$ {' '.join(command)}  (log: {log.relative_to(ROOT)})")
    started = time.monotonic()
    # cwd is the work folder, so `python -m` cannot put the checkout's kiosk/ on sys.path: the
    # build bundles the copy installed in the build environment.
    with log.open("w", encoding="utf-8") as out:
        code = subprocess.call(command, cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT)
    text = log.read_text(encoding="utf-8", errors="replace")
    for line in text.splitlines():
        if "WARNING" in line or "ERROR" in line:
            say(f"  pyinstaller: {line.strip()}")
    if code != 0:
        say("\n".join(text.splitlines()[-30:]))
        raise BuildError(f"PyInstaller failed ({code}); full log in {log}")
    say(f"PyInstaller finished in {time.monotonic() - started:.0f} s")


# ---------------------------------------------------------------------------------------------
# 3. What the folder holds
# ---------------------------------------------------------------------------------------------


def _is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def _linked(path: Path, contents: Path) -> dict[str, str | None]:
    """Library name -> where it resolves (None: nowhere) for each dynamic dependency of ``path``,
    the way the PyInstaller bootloader loads it (LD_LIBRARY_PATH = the contents folder)."""
    env = dict(os.environ, LD_LIBRARY_PATH=str(contents))
    result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
    found: dict[str, str | None] = {}
    for line in result.stdout.splitlines():
        name, arrow, rest = line.strip().partition(" => ")
        if arrow:
            found[name] = None if rest.startswith("not found") else rest.split(" (")[0]
        elif name.startswith("/"):  # the dynamic loader: "/lib64/ld-linux-x86-64.so.2 (0x...)"
            path = name.split(" (")[0]
            found[Path(path).name] = path
    return found


def _needed(path: Path) -> set[str]:
    """The libraries ``path`` links directly (its DT_NEEDED entries, by objdump, which
    PyInstaller needs on Linux anyway)."""
    result = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True)
    return {
        line.split()[1] for line in result.stdout.splitlines() if line.strip().startswith("NEEDED")
    }


def system_libraries(contents: Path) -> dict[str, str | None]:
    """The libraries outside the folder that its binaries link directly: name -> path on this
    machine (None where it has none). Linux, with objdump and ldd; empty elsewhere."""
    if WINDOWS or shutil.which("ldd") is None or shutil.which("objdump") is None:
        return {}
    inside = os.path.realpath(contents)
    found: dict[str, str | None] = {}
    for relative in sorted(files_under(contents)):
        if _is_elf(contents / relative):
            resolved = _linked(contents / relative, contents)
            for name in _needed(contents / relative):
                path = resolved.get(name)
                if path is None or not os.path.realpath(path).startswith(inside + os.sep):
                    found[name] = path
    return found


def check_contents(app_dir: Path) -> dict[str, str | None]:
    """The folder against packaging/contents.py: nothing unwanted, nothing required missing;
    its size by group. Returns the system libraries the terminal provides (system_libraries)."""
    contents = contents_dir(app_dir)
    files = files_under(contents)
    say(f"dist/kiosk: {len(files_under(app_dir))} files, {mb(folder_size(app_dir))}")
    for group, size in size_table(files):
        say(f"  {size / 1e6:7.1f} MB  {group}")
    unwanted = bundle_contents.unwanted_in(sorted(files))
    if unwanted:
        raise BuildError(
            "files packaging/contents.py keeps out are in the build:\n  "
            + "\n  ".join(f"{relative}: {why}" for relative, why in unwanted)
        )
    missing = bundle_contents.missing_from(sorted(files), WINDOWS)
    if missing:
        raise BuildError(f"required files missing from the build: {', '.join(missing)}")
    say("contents: no unwanted plug-in, translation or library; every required file present")
    linked = system_libraries(contents)
    if linked:
        say(f"the terminal provides {len(linked)} system libraries the build links (ldd)")
    for name, path in sorted(linked.items()):
        if path is None:
            package = deb.PACKAGE_OF_LIBRARY.get(name, "?")
            say(f"NOTE: {name} (Debian: {package}) is not on this machine: the terminal needs it")
    return linked


# ---------------------------------------------------------------------------------------------
# 4. The proof
# ---------------------------------------------------------------------------------------------


def check_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra)
    for name in ("KIOSK_RESOURCES", "PYTHONPATH", "PYTHONHOME", "QT_PLUGIN_PATH"):
        env.pop(name, None)
    return env


def _run_check(
    name: str,
    command: list[str],
    timeout: float,
    *,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    say(f"$ {' '.join(command)}")
    started = time.monotonic()
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            env=env or check_env(),
            cwd=tempfile.gettempdir(),
            input=stdin,
            stdin=subprocess.DEVNULL if stdin is None else None,
        )
    except subprocess.TimeoutExpired as exc:
        raise BuildError(f"{name}: no answer within {timeout:.0f} s") from exc
    seconds = time.monotonic() - started
    if result.returncode != 0:
        say(result.stdout[-3000:])
        say(result.stderr[-3000:])
        raise BuildError(f"{name}: exit status {result.returncode}")
    say(f"  ok in {seconds:.1f} s")
    return result


def staged_version() -> str:
    text = (STAGE / "kiosk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    return match.group(1) if match else "?"


def staged_modules() -> list[str]:
    """Every module of the staged ``kiosk`` package (``kiosk.__main__`` aside: importing it runs
    the program), as the self-test's module check counts them."""
    names = []
    for path in sorted((STAGE / "kiosk").rglob("*.py")):
        parts = list(path.relative_to(STAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts[-1] != "__main__":
            names.append(".".join(parts))
    return names


def proof_settings(calc: Path, folder: Path) -> Path:
    """A kiosk-mode settings file whose admin_pin_hash the built ``kiosk-calc hash-pin`` made
    from PROOF_PIN (one line on stdin, as an operator's script would pipe it)."""
    result = _run_check("kiosk-calc hash-pin", [str(calc), "hash-pin"], 60, stdin=PROOF_PIN + "\n")
    pin_hash = result.stdout.strip()
    if not re.fullmatch(r"scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+", pin_hash):
        raise BuildError(f"kiosk-calc hash-pin printed {pin_hash!r}, not a scrypt$... hash")
    say(f"  {pin_hash[:24]}...")
    folder.mkdir(parents=True, exist_ok=True)
    settings = folder / "settings.toml"
    settings.write_text(
        'mode = "kiosk"\n'
        f'admin_pin_hash = "{pin_hash}"\n'
        f"log_dir = {json.dumps(str(folder / 'logs'))}\n"
        f"usage_file = {json.dumps(str(folder / 'usage.json'))}\n",
        encoding="utf-8",
    )
    return settings


def check_self_test(output: str) -> None:
    """Every capability reported as PASS, and the module check counting every staged module."""
    lines = output.splitlines()
    for name in CAPABILITIES:
        if not any(line.startswith(f"PASS capability {name}:") for line in lines):
            raise BuildError(f"kiosk --self-test did not prove the capability {name!r}")
    expected = len(staged_modules())
    counted = [
        int(match.group(1))
        for line in lines
        if (match := re.match(r"PASS capability modules: (\d+) ", line))
    ]
    if counted != [expected]:
        raise BuildError(
            f"kiosk --self-test imported {counted} modules, the package has {expected}"
        )
    for line in lines:
        if line.startswith("PASS capability"):
            say(f"  {line}")


def prove(kiosk: Path, calc: Path | None, contents: Path | None, settings: Path) -> None:
    version = _run_check("kiosk --version", [str(kiosk), "--version"], 60)
    shown = (version.stdout + version.stderr).strip()
    say("  " + (shown.replace("\n", "\n  ") or "(no output: a windowed program has no console)"))
    if shown and staged_version() not in shown:
        raise BuildError(f"kiosk --version shows {shown!r}, expected version {staged_version()}")

    smoke = _run_check("kiosk --smoke", [str(kiosk), "--smoke"], 120)
    for line in smoke.stderr.splitlines():
        if "plugin" in line.lower() and "could not" in line.lower():
            raise BuildError(f"kiosk --smoke: {line}")

    test = _run_check(
        "kiosk --self-test",
        [str(kiosk), "--self-test", "--config", str(settings)],
        600,
        env=check_env(KIOSK_SELF_TEST_PIN=PROOF_PIN),
    )
    summary = [line for line in test.stdout.splitlines() if line.strip()]
    say(f"  {summary[-1] if summary else '(no output)'}")
    if summary:  # a windowed program on Windows prints nothing: its exit status is the proof
        check_self_test(test.stdout)

    if calc is not None:
        result = _run_check("kiosk-calc retirement", [str(calc), *CALC_PROBE], 60)
        data = json.loads(result.stdout)
        age = data.get("statutory_age_text")
        say(f"  statutory_age_text = {age}")
        if age != CALC_EXPECTED_AGE:
            raise BuildError(
                f"kiosk-calc: statutory_age_text {age!r}, expected {CALC_EXPECTED_AGE}"
            )
        result = _run_check("kiosk-calc check", [str(calc), "check"], 60)
        if json.loads(result.stdout).get("ok") is not True:
            raise BuildError("kiosk-calc check: not ok")

    if contents is not None:
        bundled = contents / "resources"
        expected = files_under(STAGE / "resources")
        absent = [relative for relative in expected if not (bundled / relative).is_file()]
        if absent:
            raise BuildError(f"resources missing from the build: {', '.join(absent)}")
        say(f"resources/: all {len(expected)} files bundled in {bundled.relative_to(ROOT)}")


# ---------------------------------------------------------------------------------------------
# 5. The figures
# ---------------------------------------------------------------------------------------------


def startup_times(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command, run in turn (A B C A B C ...) after one warm-up each.
    Each has a cache folder of its own: the bundle's snapshot is keyed by the program, so two
    programs sharing one would each find the other's and validate every file on every start,
    which no terminal does (its one program starts from its own snapshot every day)."""
    with tempfile.TemporaryDirectory(prefix="kiosk-startup-") as folder:
        caches = Path(folder)  # gone afterwards, a failed run included
        envs = {
            name: check_env(XDG_CACHE_HOME=str(caches / str(number)))
            for number, name in enumerate(commands)
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for round_ in range(runs + 1):
            for name, command in commands.items():
                started = time.perf_counter()
                code = subprocess.call(
                    command,
                    env=envs[name],
                    cwd=tempfile.gettempdir(),
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                elapsed = time.perf_counter() - started
                if code != 0:
                    raise BuildError(f"{name} --smoke failed while timing ({code})")
                if round_ > 0:  # round 0 warms the disk cache
                    times[name].append(elapsed)
    for name, values in times.items():
        say(f"  {name:28s} " + " ".join(f"{value:.2f}" for value in values))
    return {name: statistics.median(values) for name, values in times.items()}


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


# ---------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Build dist/kiosk/ (PyInstaller, one folder: kiosk + kiosk-calc), check what "
        "it holds, prove it with --smoke/--self-test/kiosk-calc, measure size and start-up.",
    )
    parser.add_argument(
        "--onefile",
        action="store_true",
        help="also build dist/kiosk-onefile/kiosk, one self-extracting file (demo USB stick)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a size or start-up budget is missed"
    )
    parser.add_argument(
        "--runs", type=int, default=7, help="timed start-ups per program (median; default 7)"
    )
    parser.add_argument(
        "--deb",
        action="store_true",
        help="also pack the proven folder into dist/weihai-si-kiosk_<version>_<arch>.deb (Linux)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    kiosk = APP_DIR / f"kiosk{EXE}"
    calc = APP_DIR / f"kiosk-calc{EXE}"
    onefile = ONEFILE_DIR / f"kiosk{EXE}"
    try:
        step("build environment")
        BUILD.mkdir(exist_ok=True)
        stage_sources()
        ensure_venv()

        step("PyInstaller: dist/kiosk (one folder)")
        pyinstaller(onefile=False)

        step("contents of dist/kiosk")
        linked = check_contents(APP_DIR)

        step("proof: the build, offscreen")
        settings = proof_settings(calc, WORK / "proof")
        prove(kiosk, calc, contents_dir(APP_DIR), settings)

        if args.onefile:
            step("PyInstaller: dist/kiosk-onefile (one file)")
            shutil.rmtree(ONEFILE_DIR, ignore_errors=True)
            pyinstaller(onefile=True)
            step("proof: the one-file build, offscreen")
            prove(onefile, None, None, settings)

        step(f"start-up of --smoke, offscreen, {args.runs} alternating runs (seconds)")
        commands = {"build (dist/kiosk/kiosk)": [str(kiosk), "--smoke"]}
        if args.onefile:
            commands["one file (kiosk-onefile)"] = [str(onefile), "--smoke"]
        commands["source (python -m kiosk)"] = [str(VENV_PYTHON), "-m", "kiosk", "--smoke"]
        medians = startup_times(commands, args.runs)
    except BuildError as exc:
        say(f"\nBUILD FAILED: {exc}")
        return 1

    size = folder_size(APP_DIR)
    source = medians["source (python -m kiosk)"]
    build = medians["build (dist/kiosk/kiosk)"]
    ratio = build / source
    size_ok = size <= SIZE_BUDGET_BYTES
    startup_ok = ratio <= STARTUP_BUDGET_RATIO

    step("figures")
    say(f"folder dist/kiosk/          {mb(size):28s} budget <= 130 MB    {verdict(size_ok)}")
    say(f"start-up from source        {source:5.2f} s (median)")
    say(
        f"start-up from the build     {build:5.2f} s (median)  x{ratio:.2f} of source  "
        f"budget <= x{STARTUP_BUDGET_RATIO}  {verdict(startup_ok)}"
    )
    if args.onefile:
        one = medians["one file (kiosk-onefile)"]
        say(
            f"start-up from the one file  {one:5.2f} s (median)  x{one / source:.2f} of source "
            f"(+{one - build:.2f} s to unpack; no budget)  size {mb(onefile.stat().st_size)}"
        )
    if not (size_ok and startup_ok):
        if args.strict:
            say("BUDGET MISSED (--strict): failing the build")
            return 1
        say("BUDGET MISSED: not enforced without --strict")
    if args.deb:
        try:
            package(linked)
        except (BuildError, deb.DebError) as exc:
            say(f"\nBUILD FAILED: {exc}")
            return 1
    say(f"built in {time.monotonic() - started:.0f} s: {kiosk.relative_to(ROOT)}")
    return 0


def package(linked: dict[str, str | None]) -> None:
    """``--deb``: dist/kiosk into dist/<package>_<version>_<arch>.deb, then unpacked and checked."""
    step("Debian package (dpkg-deb)")
    if WINDOWS or shutil.which("dpkg-deb") is None:
        raise BuildError("--deb needs dpkg-deb (Debian or Ubuntu)")
    depends = deb.library_depends(linked)
    version = deb.deb_version(staged_version(), deb.build_time())
    for old in DIST.glob(f"{deb.PACKAGE}_*.deb"):
        old.unlink()
    started = time.monotonic()
    path = deb.build_deb(APP_DIR, DIST, BUILD / "deb", version=version, depends=depends)
    say(
        f"{path.relative_to(ROOT)}: {mb(path.stat().st_size)} in {time.monotonic() - started:.0f} s"
    )
    say(f"  Depends: {', '.join([*depends, *deb.RUNTIME_DEPENDS])}")
    problems = deb.check_deb(path, BUILD / "deb-check")
    if problems:
        raise BuildError(f"{path.name}: " + "; ".join(problems))
    say("  unpacked with dpkg-deb -x / -e: program, unit, settings example, scripts in place")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
