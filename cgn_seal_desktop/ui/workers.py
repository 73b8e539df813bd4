"""Run plain Python functions off the GUI thread and get the answer back as a signal.

:func:`run_task` is for short-lived, stateless work (verification, token listing, environment
checks): the function runs on the global ``QThreadPool`` and ``done``/``failed`` arrive on the GUI
thread. Work that must keep one PKCS#11 session on one thread uses its own QThread
(:mod:`cgn_seal_desktop.ui.selfcheck.signing_thread`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

__all__ = ["Task", "run_task", "wait_for_tasks"]

log = logging.getLogger(__name__)

_alive: set[Task] = set()  # keeps tasks (and their signal objects) alive until they report


class Task(QObject):
    """Handle of one background call; ``done(result)`` or ``failed(exception)`` comes once.

    The worker emits the private signals; they reach this object's slots queued on the thread
    it lives in (the GUI thread), which then emit the public signals there.
    """

    done = Signal(object)
    failed = Signal(object)
    _finished_ok = Signal(object)
    _finished_err = Signal(object)

    def __init__(self, context: QObject | None = None) -> None:
        super().__init__()
        self._context = context
        self._finished_ok.connect(self._deliver_ok, Qt.ConnectionType.QueuedConnection)
        self._finished_err.connect(self._deliver_err, Qt.ConnectionType.QueuedConnection)

    def _context_gone(self) -> bool:
        # The widget that asked may have been closed meanwhile: then nobody wants the answer.
        return self._context is not None and not shiboken6.isValid(self._context)

    @Slot(object)
    def _deliver_ok(self, result: object) -> None:
        _alive.discard(self)
        if not self._context_gone():
            self.done.emit(result)

    @Slot(object)
    def _deliver_err(self, exc: object) -> None:
        _alive.discard(self)
        if not self._context_gone():
            self.failed.emit(exc)


class _Runnable(QRunnable):
    def __init__(self, task: Task, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._task, self._fn = task, fn

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # reported to the GUI, which shows a message, never a traceback
            log.debug("Background task failed: %s", type(exc).__name__)
            self._task._finished_err.emit(exc)
        else:
            self._task._finished_ok.emit(result)


def run_task(fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             context: QObject | None = None) -> Task:
    """Run ``fn()`` on the thread pool; callbacks run on the GUI thread (queued signals).

    With *context* (the asking widget), the callbacks are dropped if it is deleted first.
    """
    task = Task(context)
    _alive.add(task)
    if on_done is not None:
        task.done.connect(on_done)
    if on_error is not None:
        task.failed.connect(on_error)
    QThreadPool.globalInstance().start(_Runnable(task, fn))
    return task


def wait_for_tasks(msecs: int = 10_000) -> bool:
    """Wait for pool work to finish (application exit, tests)."""
    return bool(QThreadPool.globalInstance().waitForDone(msecs))
