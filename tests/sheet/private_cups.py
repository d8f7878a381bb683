"""A private CUPS scheduler for the print tests: its own folder, socket and printers.

``cupsd -f`` with a configuration in a fresh folder under the system's temporary folder (CUPS
runs its backends as the ``lp`` user when started as root, so the folder must be readable by
others), listening only on a socket there, open to anyone on that socket. Its printers are
virtual, through a private ServerBin whose ``backend/`` holds:

- ``capture``: a printer that prints: it copies each job's document to ``printed/job-N.out``;
- ``socket`` (CUPS's own): pointed at a local port where nothing listens, a printer that is
  switched off or unplugged.

Refusing (``cupsreject``) and stopped (``cupsdisable``) printers are capture printers told so.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import stat
import subprocess
import tempfile
import time
from pathlib import Path

SYSTEM_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin", "/usr/local/sbin"])
SERVER_BINS = (Path("/usr/lib/cups"), Path("/usr/libexec/cups"))
SERVER_BIN_PARTS = ("filter", "daemon", "cgi-bin", "monitor", "notifier", "driver")
TOOLS = ("cupsd", "lpadmin", "cupsreject", "cupsaccept", "cupsdisable", "lpstat")
CAPTURE_BACKEND = """#!/bin/sh
# capture:DIR - a printer that prints: the job's document is copied to DIR/job-N.out
if [ $# -eq 0 ]; then echo 'direct capture "Unknown" "Kiosk test capture"'; exit 0; fi
dir="${DEVICE_URI#capture:}"
if [ $# -ge 6 ]; then cat "$6"; else cat; fi > "$dir/job-$1.out"
"""


def tool(name: str) -> str | None:
    return shutil.which(name, path=SYSTEM_PATH)


def missing() -> str | None:
    """Why a private scheduler cannot run here, or None."""
    absent = [name for name in TOOLS if tool(name) is None]
    if absent:
        return (
            f"CUPS is not installed ({', '.join(absent)} not found): "
            "apt-get install cups cups-client (.ci/run does)"
        )
    if socket_backend() is None:
        return "CUPS's socket backend was not found in " + " or ".join(map(str, SERVER_BINS))
    from kiosk.ops.cups import load_libcups

    if load_libcups() is None:
        return "libcups (libcups2) is not installed"
    return None


def socket_backend() -> Path | None:
    """CUPS's own socket backend (Debian ships it in backend-available/ and links it)."""
    for folder in SERVER_BINS:
        for sub in ("backend", "backend-available"):
            if (folder / sub / "socket").exists():
                return folder / sub / "socket"
    return None


def closed_port() -> int:
    """A local TCP port where nothing listens (it was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PrivateCups:
    """Start with :meth:`start`, stop with :meth:`stop`. ``server`` is what CUPS_SERVER or
    ``cupsSetServer`` takes."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-cups-"))
        self.root.chmod(0o755)
        self.socket = self.root / "cups.sock"
        self.printed = self.root / "printed"
        self.spool = self.root / "spool"
        self.error_log = self.root / "log" / "error_log"
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def server(self) -> str:
        return str(self.socket)

    def start(self, timeout_s: float = 15.0) -> None:
        self._write_config()
        cupsd = tool("cupsd")
        assert cupsd is not None
        self._process = subprocess.Popen(
            [cupsd, "-f", "-c", str(self.root / "cupsd.conf"), "-s", str(self.root / "files.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"cupsd exited with {self._process.returncode}: {self._log()}")
            if self.socket.exists() and self.run("lpstat", "-r").returncode == 0:
                return
            time.sleep(0.05)
        raise RuntimeError(f"cupsd did not start in {timeout_s} s: {self._log()}")

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        shutil.rmtree(self.root, ignore_errors=True)

    def run(self, name: str, *args: str) -> subprocess.CompletedProcess[str]:
        command = tool(name)
        assert command is not None, name
        env = dict(os.environ, CUPS_SERVER=self.server)
        return subprocess.run(
            [command, *args], capture_output=True, text=True, env=env, timeout=20, check=False
        )

    def admin(self, name: str, *args: str) -> None:
        done = self.run(name, *args)
        assert done.returncode == 0, f"{name} {' '.join(args)}: {done.stderr}"

    def add_printer(self, name: str, uri: str) -> None:
        # a raw queue: the document goes to the backend as it is (lpadmin warns that raw
        # queues are deprecated; they are what a test printer needs)
        self.admin("lpadmin", "-p", name, "-E", "-v", uri, "-m", "raw")

    def add_capture_printer(self, name: str) -> None:
        self.add_printer(name, f"capture:{self.printed}")

    def add_unreachable_printer(self, name: str) -> None:
        self.add_printer(name, f"socket://127.0.0.1:{closed_port()}")

    def spool_files(self, job: int) -> list[str]:
        """The files the scheduler keeps for ``job`` (control c0000N, documents d0000N-00M)."""
        names = {f"c{job:05d}"} | {f"d{job:05d}-{i:03d}" for i in range(1, 10)}
        with contextlib.suppress(FileNotFoundError):
            return sorted(path.name for path in self.spool.iterdir() if path.name in names)
        return []

    def printed_file(self, job: int) -> Path:
        return self.printed / f"job-{job}.out"

    def _write_config(self) -> None:
        for folder in ("spool", "tmp", "cache", "state", "log", "ppd", "printed", "bin/backend"):
            (self.root / folder).mkdir(parents=True, exist_ok=True)
        for folder in ("tmp", "printed"):  # the backends run as lp when cupsd runs as root
            (self.root / folder).chmod(0o1777)
        system_bin = next(folder for folder in SERVER_BINS if (folder / "backend").is_dir())
        for part in SERVER_BIN_PARTS:
            if (system_bin / part).exists():
                (self.root / "bin" / part).symlink_to(system_bin / part)
        backend = socket_backend()
        assert backend is not None
        (self.root / "bin" / "backend" / "socket").symlink_to(backend)
        capture = self.root / "bin" / "backend" / "capture"
        capture.write_text(CAPTURE_BACKEND, encoding="utf-8")
        capture.chmod(stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
        root = self.root
        (root / "files.conf").write_text(
            f"ServerRoot {root}\nServerBin {root}/bin\nRequestRoot {root}/spool\n"
            f"TempDir {root}/tmp\nCacheDir {root}/cache\nStateDir {root}/state\n"
            f"AccessLog {root}/log/access_log\nErrorLog {root}/log/error_log\n"
            f"PageLog {root}/log/page_log\n",
            encoding="utf-8",
        )
        (root / "cupsd.conf").write_text(
            f"Listen {self.socket}\nLogLevel info\nBrowsing No\nWebInterface No\n"
            "DefaultAuthType None\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n",
            encoding="utf-8",
        )

    def _log(self) -> str:
        try:
            return self.error_log.read_text(encoding="utf-8", errors="replace")[-2000:]
        except OSError:
            return "(no error log)"
