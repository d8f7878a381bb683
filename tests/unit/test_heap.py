"""The heap a visit freed is given back to the system when the session ends (kiosk.ops.heap):
glibc's allocator would keep it, and the soak's resident memory grew by it."""

from __future__ import annotations

import io
import platform
import sys
from collections.abc import Iterator

import pytest

from kiosk.app import build_main_window
from kiosk.ops import heap
from kiosk.ui import main_window
from tests.conftest import TODAY, free_window


@pytest.fixture
def fresh_lookup() -> Iterator[None]:
    heap._malloc_trim.cache_clear()
    yield
    heap._malloc_trim.cache_clear()


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="malloc_trim is glibc's",
)
def test_on_linux_with_glibc_the_freed_heap_is_given_back(fresh_lookup: None) -> None:
    assert heap._malloc_trim() is not None
    assert heap.release_freed_memory()


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_elsewhere_nothing_is_done(
    fresh_lookup: None, monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    assert heap._malloc_trim() is None
    assert not heap.release_freed_memory()


def test_a_session_reset_gives_the_freed_heap_back(qtbot, bundle, monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(main_window, "release_freed_memory", lambda: calls.append("trim") or True)
    window = build_main_window(bundle, today=lambda: TODAY)
    try:
        window.show_page("retirement")
        assert calls == []  # a visit goes on: nothing is trimmed while it lasts
        window.reset_session()
        assert calls == []  # after the reset's own work and deletions, in the event loop
        qtbot.waitUntil(lambda: calls == ["trim"], timeout=2_000)
    finally:
        free_window(window)


def test_the_self_test_deletes_its_window_before_the_capabilities_make_theirs(
    qtbot, bundle, monkeypatch
) -> None:
    """Its window, every page built in every size, text size and theme, would stay under the
    windows the capability checks make (about 13 MiB of the self-test's peak)."""
    from PySide6.QtWidgets import QApplication

    from kiosk import capabilities, selftest

    before = len(QApplication.allWidgets())
    trims: list[str] = []
    seen: list[int] = []
    monkeypatch.setattr(capabilities, "release_freed_memory", lambda: trims.append("trim"))

    def walked(self: selftest.SelfTest, *args: object) -> bool:
        self.window.show_page("retirement")  # a page built, as the walks build every one
        assert len(QApplication.allWidgets()) > before
        return True

    def proven(*args: object, **kwargs: object) -> bool:
        seen.append(len(QApplication.allWidgets()))
        return True

    monkeypatch.setattr(selftest.SelfTest, "run", walked)
    monkeypatch.setattr(selftest, "prove_capabilities", proven)
    assert selftest.run_self_test(bundle, today=lambda: TODAY, out=io.StringIO()) == 0
    assert seen == [before]  # nothing of the walks' window left
    assert trims == ["trim"]


def test_each_capability_window_is_deleted_at_once(qtbot, bundle, monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication

    from kiosk import capabilities
    from kiosk.app import build_kiosk

    before = len(QApplication.allWidgets())
    trims: list[str] = []
    monkeypatch.setattr(capabilities, "release_freed_memory", lambda: trims.append("trim"))
    kiosk = build_kiosk(bundle, today=lambda: TODAY)
    kiosk.window.show()
    assert len(QApplication.allWidgets()) > before
    capabilities.discard(kiosk.window)  # no event loop runs in between
    assert len(QApplication.allWidgets()) == before
    assert trims == ["trim"]
