"""Sealing off the GUI thread: one QThread per job, whose worker owns the UKEY session.

The GUI asks for the PIN first (``PinDialog``), then hands it to :meth:`SigningRunner.start`
as a :class:`~cgn_seal_desktop.ukey.pin.Pin`. The worker calls the core's
:func:`~cgn_seal_desktop.seal.ukey_sign.sign_with_ukey` on its own thread (a token session
belongs to the thread that opened it); the token layer wipes the PIN and guarantees that no
error it raises reaches a frame holding it.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from cgn_seal_desktop.errors import CgnSealError
from cgn_seal_desktop.seal.errors import SigningFailedError
from cgn_seal_desktop.seal.request import SignRequest, SignResult
from cgn_seal_desktop.ukey.model import TokenRef
from cgn_seal_desktop.ukey.pin import Pin

__all__ = ["SignJob", "SigningRunner", "SigningWorker"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignJob:
    """What to seal (no PIN here: it is passed separately and never stored)."""

    token: TokenRef
    cert_id: bytes | None
    input_path: Path
    output_path: Path
    request: SignRequest
    overwrite: bool = False


class SigningWorker(QObject):
    """Lives on the signing thread; :meth:`run` does the whole job there."""

    progress = Signal(str, float)  #: stage, fraction 0..1
    succeeded = Signal(object)  #: SignResult
    failed = Signal(object)  #: CgnSealError

    def __init__(self, job: SignJob, pin: Pin, confirm_final_try: bool,
                 cancel: threading.Event) -> None:
        super().__init__()
        self._job = job
        self._pin = pin
        self._confirm = confirm_final_try
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        # Imported here, on the worker thread: pyHanko and PKCS#11 load on first use, not at
        # program start.
        from cgn_seal_desktop.seal.ukey_sign import sign_with_ukey

        job = self._job
        try:
            result = sign_with_ukey(
                job.token, self._pin, job.input_path, job.output_path, job.request,
                cert_id=job.cert_id, confirm_final_try=self._confirm, overwrite=job.overwrite,
                progress=lambda stage, f: self.progress.emit(stage, f),
                cancelled=self._cancel.is_set,
            )
        except CgnSealError as exc:
            self.failed.emit(exc)
            return
        except Exception as exc:  # never let a traceback reach the user
            log.error("Unexpected signing failure: %s", type(exc).__name__)
            self.failed.emit(SigningFailedError(f"Signing failed ({type(exc).__name__})"))
            return
        finally:
            self._pin.wipe()
        self.succeeded.emit(result)


class SigningRunner(QObject):
    """GUI-side owner of the signing thread. One job at a time.

    Signals arrive on the GUI thread: ``progress(stage, fraction)``; once the thread has ended,
    ``succeeded(SignResult)`` or ``failed(CgnSealError)``, then ``finished()``.
    """

    progress = Signal(str, float)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: SigningWorker | None = None
        self._cancel = threading.Event()
        self._outcome: tuple[bool, object] | None = None

    def is_running(self) -> bool:
        return self._thread is not None

    def start(self, job: SignJob, pin: Pin, *, confirm_final_try: bool = False) -> None:
        """Start sealing; the PIN goes to the worker and is not kept here."""
        if self._thread is not None:
            raise RuntimeError("a signing job is already running")
        self._cancel = threading.Event()
        thread = QThread(self)
        thread.setObjectName("signing")
        worker = SigningWorker(job, pin, confirm_final_try, self._cancel)
        del pin
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self.progress)
        worker.succeeded.connect(self._on_succeeded)
        worker.failed.connect(self._on_failed)
        worker.succeeded.connect(thread.quit)
        worker.failed.connect(thread.quit)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        thread.start()

    @Slot()
    def cancel(self) -> None:
        """Ask the job to stop; it stops before the token signs (nothing is written)."""
        self._cancel.set()

    @Slot(object)
    def _on_succeeded(self, result: SignResult) -> None:
        self._outcome = (True, result)

    @Slot(object)
    def _on_failed(self, exc: CgnSealError) -> None:
        self._outcome = (False, exc)

    @Slot()
    def _on_thread_finished(self) -> None:
        # The outcome is reported only once the thread is gone, so a handler may start again
        # at once (e.g. retry after a wrong PIN).
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if worker is not None:
            worker.deleteLater()
        if thread is not None:
            thread.deleteLater()
        outcome, self._outcome = self._outcome, None
        if outcome is None:
            self.failed.emit(SigningFailedError("The signing thread ended without a result"))
        elif outcome[0]:
            self.succeeded.emit(outcome[1])
        else:
            self.failed.emit(outcome[1])
        self.finished.emit()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the thread ends (application exit only)."""
        return self._thread.wait(msecs) if self._thread is not None else True
