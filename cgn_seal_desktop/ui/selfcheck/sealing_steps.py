"""The steps after the seal is placed: UKEY certificate → where to save → PIN → sign in a worker.

Each step that needs the user opens its dialog through :mod:`cgn_seal_desktop.ui.dialogs`; each
step that touches the UKEY runs off the GUI thread. A wrong PIN brings the PIN dialog back with
the reason and the tries left in red (no message box in between); a locked PIN is said plainly
and never asked for; cancelling any step writes nothing. While the PIN dialog is open it follows
the UKEY being pulled out and put back (:meth:`SealingSteps.watch`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from cgn_seal_desktop.errors import CgnSealError
from cgn_seal_desktop.fsutil import unique_path
from cgn_seal_desktop.seal.errors import SigningCancelledError
from cgn_seal_desktop.seal.request import SealPlacement, SignRequest, SignResult
from cgn_seal_desktop.settings import Settings
from cgn_seal_desktop.ui import dialogs
from cgn_seal_desktop.ui.messages import show_error
from cgn_seal_desktop.ui.pin_text import PinTries
from cgn_seal_desktop.ui.selfcheck.save_as import ask_target
from cgn_seal_desktop.ui.selfcheck.signing_thread import SigningRunner, SignJob
from cgn_seal_desktop.ui.token_watch import TokenWatcher
from cgn_seal_desktop.ui.ukey_dialogs import PinDialog, TokenDialog
from cgn_seal_desktop.ui.workers import run_task
from cgn_seal_desktop.ukey.errors import (
    CertificateNotFoundError,
    FinalTryNotConfirmedError,
    NoTokenError,
    PinLockedError,
    WrongPinError,
)
from cgn_seal_desktop.ukey.model import PinState, TokenInfo
from cgn_seal_desktop.ukey.pin import Pin
from cgn_seal_desktop.ukey.service import CertChoice, list_all_tokens, signing_choices

__all__ = ["SealingInput", "SealingSteps", "default_output_path"]

log = logging.getLogger(__name__)
SIGNED_SUFFIX = "_已盖章"


def default_output_path(original: Path) -> Path:
    """``<name>_已盖章.pdf`` next to the original (numbered if that exists)."""
    return unique_path(original.with_name(f"{original.stem}{SIGNED_SUFFIX}.pdf"))


@dataclass(frozen=True)
class SealingInput:
    """The placed seal: file, 0-based page index, PDF-space rect, optional seal picture (PDF),
    and the document password of an encrypted PDF."""

    path: Path
    page_index: int
    rect: tuple[float, float, float, float]
    appearance_pdf: bytes | None = None
    password: str | None = field(default=None, repr=False)


class SealingSteps(QObject):
    """Runs one sealing from placed seal to signed file. ``signed(Path)`` on success."""

    signed = Signal(object)  #: output Path
    ended = Signal()  #: the flow stopped (success, error or cancel)
    status = Signal(str)  #: a short status-bar message

    def __init__(self, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self._settings = settings
        self._parent = parent
        self.runner = SigningRunner(self)
        self.runner.progress.connect(self._on_progress)
        self.runner.succeeded.connect(self._on_succeeded)
        self.runner.failed.connect(self._on_failed)
        self._input: SealingInput | None = None
        self._choice: CertChoice | None = None
        self._output: Path | None = None
        self._overwrite = False
        self._progress: QProgressDialog | None = None
        self._tries = PinTries(PinState.OK)
        self._pin_dialog: PinDialog | None = None
        self._watcher: TokenWatcher | None = None

    def watch(self, watcher: TokenWatcher) -> None:
        """Follow *watcher*'s UKEYs while the PIN dialog is open (pulled out: no sealing)."""
        self._watcher = watcher
        watcher.changed.connect(self._on_ukeys_changed)

    @Slot(object)
    def _on_ukeys_changed(self, tokens: tuple[TokenInfo, ...]) -> None:
        dlg = self._pin_dialog
        if dlg is not None and self._choice is not None:
            ref = self._choice.token.ref
            dlg.set_present(any(t.ref == ref for t in tokens))

    def is_busy(self) -> bool:
        return self._input is not None

    def start(self, sealing: SealingInput) -> None:
        """Begin: list the UKEYs in a worker, then continue on the GUI thread."""
        if self._input is not None:
            return
        self._input = sealing
        self.status.emit(self.tr("Looking for the UKEY…"))
        chosen = self._settings.module_path

        def look() -> list[TokenInfo]:
            from cgn_seal_desktop.demo import refresh

            refresh()  # a demo UKEY made since the last look
            return list_all_tokens(chosen) or []

        run_task(look, self._on_tokens, self._fail, context=self)

    # --- steps ------------------------------------------------------------------------------

    def _on_tokens(self, tokens: list[TokenInfo]) -> None:
        if not tokens:
            self._fail(NoTokenError())
            return
        choices = signing_choices(tokens)
        if not choices:
            self._fail(CertificateNotFoundError())
            return
        if len(choices) == 1:
            self._choice = choices[0]
        else:
            dlg = TokenDialog(choices, self._parent)
            accepted = dialogs.exec_dialog(dlg) == 1
            self._choice = dlg.chosen() if accepted else None
            dlg.deleteLater()
            if self._choice is None:
                self._stop(self.tr("Sealing cancelled"))
                return
        if not self._ask_output():
            self._stop(self.tr("Sealing cancelled"))
            return
        assert self._choice is not None
        self._tries = PinTries.of_token(self._choice.token)
        self._ask_pin(self._tries, retry=False)

    def _ask_output(self) -> bool:
        assert self._input is not None
        original = self._input.path.resolve()
        answer = ask_target(self._parent, self.tr("Save the sealed copy"), original,
                            default_output_path(original), suffix=".pdf",
                            replace_question=self.tr("%1 already exists. Replace it with the "
                                                     "sealed copy?"))
        if answer is None:
            return False
        self._output, self._overwrite = answer
        return True

    def _ask_pin(self, tries: PinTries, *, retry: bool) -> None:
        assert self._choice is not None and self._input is not None and self._output is not None
        if tries.state is PinState.LOCKED:
            self._fail(PinLockedError())
            return
        dlg = PinDialog(self._choice, tries, retry=retry, parent=self._parent)
        self._pin_dialog = dlg
        if self._watcher is not None:
            self._watcher.forget()  # its next answer, whatever it is, reaches the dialog
        accepted = dialogs.exec_dialog(dlg) == 1
        self._pin_dialog = None
        accepted = accepted and dlg.present
        pin = Pin(dlg.take_pin())
        confirm = dlg.final_try and dlg.confirm_box.isChecked()
        dlg.deleteLater()
        if not accepted or not pin:
            pin.wipe()
            self._stop(self.tr("Sealing cancelled"))
            return
        inp = self._input
        request = SignRequest(
            placement=SealPlacement(inp.page_index + 1, inp.rect),
            appearance_pdf=inp.appearance_pdf,
            password=inp.password,
        )
        token, cert = self._choice.token, self._choice.cert
        job = SignJob(token.ref, cert.key_id, inp.path, self._output, request,
                      overwrite=self._overwrite)
        self._show_progress()
        self.status.emit(self.tr("Sealing…"))
        self.runner.start(job, pin, confirm_final_try=confirm)
        del pin

    def _show_progress(self) -> None:
        dlg = QProgressDialog(self.tr("Sealing with the UKEY…"), self.tr("Cancel"), 0, 100,
                              self._parent)
        dlg.setObjectName("sealingProgress")
        dlg.setWindowTitle(self.tr("Sealing"))
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(0)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.setValue(0)
        dlg.canceled.connect(self.runner.cancel)
        dlg.show()
        self._progress = dlg

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect()
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    @Slot(str, float)
    def _on_progress(self, stage: str, fraction: float) -> None:
        if self._progress is not None:
            self._progress.setValue(round(fraction * 100))

    @Slot(object)
    def _on_succeeded(self, result: SignResult) -> None:
        self._close_progress()
        out = Path(result.output)
        if self._choice is not None and not self._settings.module_path:
            # Remember the driver that worked; Settings can set it back to automatic.
            self._settings.module_path = self._choice.token.module_path
            self._settings.save()
        self._input = self._choice = None
        self.status.emit(self.tr("Sealed: %1").replace("%1", out.name))
        self.signed.emit(out)
        self.ended.emit()

    @Slot(object)
    def _on_failed(self, exc: CgnSealError) -> None:
        self._close_progress()
        if isinstance(exc, WrongPinError) and not exc.locked:
            # The PIN dialog itself says it, in red, with the tries left.
            self._tries = self._tries.after(exc)
            self._ask_pin(self._tries, retry=True)
            return
        if isinstance(exc, FinalTryNotConfirmedError):
            left = 1 if self._tries.maximum is not None else None
            self._tries = PinTries(PinState.FINAL_TRY, left, self._tries.maximum)
            self._ask_pin(self._tries, retry=False)
            return
        if isinstance(exc, SigningCancelledError):
            self._stop(self.tr("Sealing cancelled; nothing was written"))
            return
        self._fail(exc)

    def _fail(self, exc: BaseException) -> None:
        self._close_progress()
        show_error(self._parent, exc)
        self._stop(self.tr("Sealing failed"))

    def _stop(self, message: str) -> None:
        self._input = self._choice = None
        self._output = None
        self.status.emit(message)
        self.ended.emit()
