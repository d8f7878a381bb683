#!/usr/bin/env python3
"""Set up a virtual environment and start the kiosk, or run every check and test.

    python3 packaging/dev.py start [kiosk options...]   # e.g. --size 1080x1920
    python3 packaging/dev.py test  [pytest options...]
    python3 packaging/dev.py bench        # every benchmark, figures printed (tests/bench/)
    python3 packaging/dev.py reliability  # soak, monkey and fuzz tests at full size

Standard library only, so it runs before anything is installed. The environment lives in
``.venv`` at the project root and is reinstalled when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def _stamp(extra: str) -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(extra.encode())
    return digest.hexdigest()


def ensure_venv(extra: str) -> None:
    """Create ``.venv`` if needed and install the project (editable) with ``extra``."""
    marker = VENV / ".kiosk-installed"
    wanted = _stamp(extra)
    good_enough = {wanted, _stamp("test")}  # the test install has everything `start` needs
    if marker.exists() and marker.read_text() in good_enough and PYTHON.exists():
        return
    if not PYTHON.exists():
        print(f"creating virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    target = f".[{extra}]" if extra else "."
    print(f"installing {target} into {VENV}", flush=True)
    subprocess.run(
        [
            str(PYTHON),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-e",
            target,
        ],
        cwd=ROOT,
        check=True,
    )
    marker.write_text(wanted)


def start(args: list[str]) -> int:
    ensure_venv("")
    return subprocess.call([str(PYTHON), "-m", "kiosk", *args], cwd=ROOT)


SELF_TEST_PIN = "0246"


def self_test_settings(folder: Path) -> Path:
    """A kiosk-mode settings file whose admin_pin_hash ``kiosk-calc hash-pin`` made from
    SELF_TEST_PIN: ``kiosk --self-test --config`` it with that PIN tries it at the real gate."""
    hashed = subprocess.run(
        [str(PYTHON), "-m", "kiosk.cli", "hash-pin"],
        input=SELF_TEST_PIN + "\n",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    path = folder / "settings.toml"
    path.write_text(f'mode = "kiosk"\nadmin_pin_hash = "{hashed}"\n', encoding="utf-8")
    return path


def test(pytest_args: list[str]) -> int:
    ensure_venv("test")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    folder = Path(tempfile.mkdtemp(prefix="kiosk-dev-test-"))
    settings = self_test_settings(folder)
    checks: list[tuple[str, list[str], dict[str, str]]] = [
        ("ruff check", [str(PYTHON), "-m", "ruff", "check", "."], env),
        ("ruff format", [str(PYTHON), "-m", "ruff", "format", "--check", "."], env),
        ("mypy", [str(PYTHON), "-m", "mypy"], env),
        ("import contracts", [str(BIN / "lint-imports")], env),
        # one worker per core (2 on CI): the Qt tests are independent, each worker has its own app
        ("pytest", [str(PYTHON), "-m", "pytest", "-n", "auto", *pytest_args], env),
        (
            "kiosk --self-test",
            [str(PYTHON), "-m", "kiosk", "--self-test", "--config", str(settings)],
            dict(env, KIOSK_SELF_TEST_PIN=SELF_TEST_PIN),
        ),
    ]
    failed: list[str] = []
    for name, command, command_env in checks:
        print(f"\n=== {name} ===", flush=True)
        started = time.monotonic()
        code = subprocess.call(command, cwd=ROOT, env=command_env)
        print(
            f"--- {name}: {'ok' if code == 0 else f'FAILED ({code})'} "
            f"in {time.monotonic() - started:.1f}s",
            flush=True,
        )
        if code != 0:
            failed.append(name)
    shutil.rmtree(folder, ignore_errors=True)
    print("\nall checks passed" if not failed else f"\nFAILED: {', '.join(failed)}")
    return 1 if failed else 0


def bench(args: list[str]) -> int:
    """Every benchmark in ``tests/bench/``, one after another; see tests/bench/performance.md."""
    ensure_venv("test")
    # start-up is measured as a terminal sees it: with compiled bytecode cached, as installed
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    script = ROOT / "tests" / "bench" / "run_all.py"
    return subprocess.call([str(PYTHON), str(script), *args], cwd=ROOT, env=env)


def reliability(pytest_args: list[str]) -> int:
    """The reliability tests at full size (the test command runs them small); see
    tests/reliability/reliability.md."""
    ensure_venv("test")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONDONTWRITEBYTECODE="1",
        KIOSK_RELIABILITY="full",
    )
    command = [str(PYTHON), "-m", "pytest", "-n", "auto", "tests/reliability", *pytest_args]
    return subprocess.call(command, cwd=ROOT, env=env)


COMMANDS = {"start": start, "test": test, "bench": bench, "reliability": reliability}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
