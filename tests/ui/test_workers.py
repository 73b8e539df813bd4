"""Background tasks: answers arrive on the GUI thread, and not at all for a closed widget."""

from __future__ import annotations

import threading
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThread

from cgn_seal_desktop.ui.workers import run_task, wait_for_tasks


def test_result_and_error_arrive_on_gui_thread(qtbot: Any) -> None:
    got: list[tuple[object, bool]] = []
    gui = QThread.currentThread()

    def work() -> int:
        assert threading.current_thread() is not threading.main_thread()
        return 42

    def boom() -> None:
        raise ValueError("x")

    run_task(work, lambda r: got.append((r, QThread.currentThread() is gui)))
    run_task(boom, None, lambda e: got.append((type(e), QThread.currentThread() is gui)))
    qtbot.waitUntil(lambda: len(got) == 2, timeout=10_000)
    assert (42, True) in got and (ValueError, True) in got


def test_callbacks_dropped_when_context_deleted(qtbot: Any) -> None:
    ctx = QObject()
    release = threading.Event()
    got: list[int] = []
    run_task(lambda: release.wait(10) and 1, got.append, context=ctx)
    ctx.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(ctx), timeout=5000)
    release.set()
    assert wait_for_tasks(10_000)
    qtbot.wait(100)
    assert got == []
