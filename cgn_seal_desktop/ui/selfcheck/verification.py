"""验证印章 off the GUI thread: the core's verification (``seal.verify_file.verify_file``, which
tells PDF from OFD by content and checks RSA/EC and SM2 seals alike, over the trust roots of
``seal.trust.trust_store_for`` — the same as ``cgn-seal verify``) run in workers.

:meth:`Verifier.verify` checks every seal of a file (answers older than the latest request are
dropped); :meth:`Verifier.verify_seal` checks the file again for one seal the user clicked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from cgn_seal_desktop.seal.report import VerificationReport
from cgn_seal_desktop.settings import Settings
from cgn_seal_desktop.ui.workers import run_task

__all__ = ["Verifier"]


def _verify(path: Path, settings: Settings, password: str | None) -> VerificationReport:
    from cgn_seal_desktop.seal.trust import trust_store_for
    from cgn_seal_desktop.seal.verify_file import verify_file

    return verify_file(path, trust_store_for(settings), password=password)


class Verifier(QObject):
    """Verifications of the open file. Signals arrive on the GUI thread."""

    report_ready = Signal(object)  #: VerificationReport of the latest :meth:`verify`
    report_failed = Signal(object)  #: the exception of the latest :meth:`verify`
    #: path, VerificationReport, and the clicked seal's SignatureReport (None: no longer there)
    seal_verified = Signal(object, object, object)
    seal_failed = Signal(object)  #: the exception of a :meth:`verify_seal`

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._generation = 0

    def verify(self, path: Path, password: str | None) -> None:
        """Verify every seal of *path*; ``report_ready`` or ``report_failed``."""
        self._generation += 1
        generation, settings = self._generation, self._settings

        def done(report: VerificationReport) -> None:
            if generation == self._generation:
                self.report_ready.emit(report)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.report_failed.emit(exc)

        run_task(lambda: _verify(path, settings, password), done, failed, context=self)

    def verify_seal(self, path: Path, password: str | None, field: str) -> None:
        """Verify *path* again for the seal *field*: ``seal_verified`` (with the whole report, so
        the page can refresh) or ``seal_failed``."""
        settings = self._settings

        def done(report: VerificationReport) -> None:
            rep = next((s for s in report.signatures if s.field == field), None)
            self.seal_verified.emit(path, report, rep)

        run_task(lambda: _verify(path, settings, password), done, self.seal_failed.emit,
                 context=self)
