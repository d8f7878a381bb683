"""The terminal's own speech engine (kiosk/ui/speech_qt.py): where speech-dispatcher and espeak-ng
are installed (``.ci/run`` installs them), it speaks a real sentence to the end, to a private
speech-dispatcher whose sound goes to libao's null driver; with no engine, or an engine that cannot
start, it says why and the 朗读 control stays hidden."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread, QTimer

from kiosk.content.texts import LANGUAGES
from kiosk.ui.speech import Problem, Utterance
from kiosk.ui.speech_qt import QtSpeechEngine

SPEECHD = shutil.which("speech-dispatcher")
MODULE_DIRS = (
    Path("/usr/lib/speech-dispatcher-modules"),
    Path("/usr/lib/x86_64-linux-gnu/speech-dispatcher-modules"),
    Path("/usr/libexec/speech-dispatcher-modules"),
)
SYSTEM_MODULE_CONF = Path("/etc/speech-dispatcher/modules/espeak-ng.conf")
SENTENCE = "您的法定退休年龄是55岁4个月，2026年7月退休。"


def _espeak_module() -> Path | None:
    return next((d / "sd_espeak-ng" for d in MODULE_DIRS if (d / "sd_espeak-ng").exists()), None)


@pytest.fixture
def private_speech_dispatcher(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A speech-dispatcher of this test's own, espeak-ng its only voice, sound to nowhere."""
    if SPEECHD is None or _espeak_module() is None:
        pytest.skip(
            "no speech engine here: needs speech-dispatcher and speech-dispatcher-espeak-ng "
            "(apt-get install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng, as .ci/run does)"
        )
    conf = tmp_path / "conf"
    (conf / "modules").mkdir(parents=True)
    module_conf = conf / "modules" / "espeak-ng.conf"
    if SYSTEM_MODULE_CONF.is_file():
        shutil.copyfile(SYSTEM_MODULE_CONF, module_conf)
    else:
        module_conf.write_text("", encoding="utf-8")
    (conf / "speechd.conf").write_text(
        'AudioOutputMethod "libao"\n'
        'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\n'
        "DefaultModule espeak-ng\n",
        encoding="utf-8",
    )
    home = tmp_path / "home"
    home.mkdir()
    (home / ".libao").write_text("default_driver=null\n", encoding="utf-8")  # libao's null sink
    socket = tmp_path / "speechd.sock"
    server = subprocess.Popen(
        [SPEECHD, "--run-single", "--timeout", "60", "--config-dir", str(conf),
         "--socket-path", str(socket), "--pid-file", str(tmp_path / "pid"),
         "--log-dir", str(tmp_path), "--log-level", "1"],
        env={**os.environ, "HOME": str(home)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 15
        while not socket.exists():
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"speech-dispatcher did not start (exit {server.poll()})")
            time.sleep(0.05)
        monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{socket}")  # never the user's own
        yield socket
    finally:
        server.terminate()
        server.wait(10)


def _started(qtbot, engine: QtSpeechEngine) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(engine.availability_changed, timeout=60_000):
        engine.start()


def test_a_real_sentence_is_spoken_to_the_end(qtbot, private_speech_dispatcher: Path) -> None:
    engine = QtSpeechEngine(LANGUAGES, prefer=("speechd",))
    try:
        _started(qtbot, engine)
        mandarin = engine.availability("zh_CN")
        assert mandarin.ready, mandarin
        assert mandarin.engine == "speechd"
        assert "Mandarin" in mandarin.voice  # espeak-ng's, found by its name (no locale Qt reads)
        heard: list[bool] = []
        engine.speaking_changed.connect(heard.append)
        engine.say([Utterance(SENTENCE, "zh_CN"), Utterance("Retire in July 2026.", "en")])
        qtbot.waitUntil(lambda: heard == [True, False], timeout=60_000)  # both, then done
        assert not engine.is_speaking()
    finally:
        engine.shutdown()


def test_stop_ends_the_speech_at_once(qtbot, private_speech_dispatcher: Path) -> None:
    engine = QtSpeechEngine(LANGUAGES, prefer=("speechd",))
    try:
        _started(qtbot, engine)
        engine.say([Utterance(SENTENCE * 20, "zh_CN")])
        assert engine.is_speaking()
        engine.stop()
        assert not engine.is_speaking()
        engine.say([Utterance(SENTENCE, "zh_CN")])  # and it speaks again afterwards
        qtbot.waitUntil(lambda: not engine.is_speaking(), timeout=60_000)
    finally:
        engine.shutdown()


def test_the_engine_never_runs_on_the_event_loop(qtbot, private_speech_dispatcher: Path) -> None:
    """start() returns before the engine is loaded and the event loop runs while it loads; the
    engine lives in the speech thread; say() returns while the sentence is still being spoken."""
    engine = QtSpeechEngine(LANGUAGES, prefer=("speechd",))
    order: list[str] = []
    engine.availability_changed.connect(lambda: order.append("answered"))
    try:
        with qtbot.waitSignal(engine.availability_changed, timeout=60_000):
            engine.start()
            assert engine.availability("zh_CN").problem is Problem.STARTING
            QTimer.singleShot(0, lambda: order.append("event loop"))
        assert order == ["event loop", "answered"]
        tts = engine._found.tts  # type: ignore[union-attr]
        assert tts.thread() is not QThread.currentThread()
        assert tts.thread().objectName() == "speech"
        engine.say([Utterance(SENTENCE * 20, "zh_CN")])
        assert engine.is_speaking()  # said and returned: the sentence goes on in the thread
    finally:
        engine.shutdown()


def test_no_engine_of_those_wanted_says_so(qtbot) -> None:
    engine = QtSpeechEngine(LANGUAGES, prefer=("no-such-engine",))
    try:
        _started(qtbot, engine)
        found = engine.availability("zh_CN")
        assert found.problem is Problem.NO_ENGINE
        engine.say([Utterance(SENTENCE, "zh_CN")])  # nothing fails, nothing is said
        assert not engine.is_speaking()
    finally:
        engine.shutdown()


def test_an_engine_that_cannot_start_says_why(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if SPEECHD is None:
        pytest.skip("no speech-dispatcher here (its library is what fails to connect)")
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'nobody-listens.sock'}")
    engine = QtSpeechEngine(LANGUAGES, prefer=("speechd",))
    try:
        _started(qtbot, engine)
        found = engine.availability("zh_CN")
        assert found.problem is Problem.ENGINE_FAILED, found
        assert "speech-dispatcher" in found.detail  # Qt's words: the admin panel shows them
    finally:
        engine.shutdown()
