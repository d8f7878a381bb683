"""Faults the reliability tests provoke for real: an almost full disk.

:func:`run_short_of_space` runs a command with ``folder`` on a tiny filesystem of its own: a tmpfs
mounted in a private mount namespace (``unshare``: an ordinary user can do it where user
namespaces are allowed; nothing outside the command sees it, and it goes when the command ends),
filled up to the last ``free_kib``. Where that is not allowed it falls back to a file-size limit
(RLIMIT_FSIZE) on the command, which fails writes past it the same way (EFBIG instead of ENOSPC).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MARKER = "--- files left:"
_SCRIPT = """
dir="$0"; size="$1"; fill="$2"; shift 2
mount -t tmpfs -o "size=${size}k" tmpfs "$dir" || exit 97
dd if=/dev/zero of="$dir/filler" bs=1024 count="$fill" 2>/dev/null
"$@"; code=$?
echo "MARKER"; ls -A "$dir"
exit $code
""".replace("MARKER", MARKER)


@dataclass(frozen=True)
class Run:
    completed: subprocess.CompletedProcess[str]
    files: list[str]  # what the folder holds after the command (the filler too on a tmpfs)
    how: str  # "tmpfs" or "rlimit"


@cache
def tmpfs_possible() -> bool:
    unshare = shutil.which("unshare")
    if unshare is None or not sys.platform.startswith("linux"):
        return False
    with tempfile.TemporaryDirectory() as folder:
        probe = subprocess.run(
            [unshare, "-Urm", "sh", "-c", 'mount -t tmpfs -o size=64k tmpfs "$0"', folder],
            capture_output=True,
            timeout=20,
            check=False,
        )
    return probe.returncode == 0


def run_short_of_space(
    command: list[str], folder: Path, *, free_kib: int, env: dict[str, str] | None = None
) -> Run:
    """Run ``command`` where only about ``free_kib`` KiB can be written in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    if tmpfs_possible():
        size_kib = 1024
        unshare = shutil.which("unshare")
        assert unshare is not None
        completed = subprocess.run(
            [
                unshare,
                "-Urm",
                "sh",
                "-c",
                _SCRIPT,
                str(folder),
                str(size_kib),
                str(size_kib - free_kib),
                *command,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            check=False,
        )
        assert completed.returncode != 97, completed.stderr  # the mount itself failed
        out, _, listing = completed.stdout.partition(MARKER)
        completed.stdout = out
        return Run(completed, sorted(listing.split()), "tmpfs")
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (free_kib * 1024, free_kib * 1024))

    completed = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        preexec_fn=limit,  # the child only sets its own limit
        check=False,
    )
    return Run(completed, sorted(os.listdir(folder)), "rlimit")


_READ_ONLY = """
dir="$0"
mount --bind "$dir" "$dir" && mount -o remount,bind,ro "$dir" || exit 97
exec "$@"
"""


def run_read_only(
    command: list[str], folder: Path, *, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` with ``folder`` read-only: a read-only bind mount in a private mount
    namespace (EROFS, as on a read-only medium); where that is not allowed, the folder's write
    permission taken away for a root that obeys permissions (setpriv) or an ordinary user."""
    if tmpfs_possible():
        unshare = shutil.which("unshare")
        assert unshare is not None
        completed = subprocess.run(
            [unshare, "-Urm", "sh", "-c", _READ_ONLY, str(folder), *command],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            check=False,
        )
        assert completed.returncode != 97, completed.stderr
        return completed
    prefix: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv is not None, "needs unshare or setpriv to make a folder read-only for root"
        caps = "-dac_override,-dac_read_search"
        prefix = [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"]
    mode = folder.stat().st_mode
    folder.chmod(0o555)
    try:
        return subprocess.run(
            [*prefix, *command], capture_output=True, text=True, timeout=120, env=env, check=False
        )
    finally:
        folder.chmod(mode)
