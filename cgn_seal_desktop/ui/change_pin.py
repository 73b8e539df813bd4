"""修改PIN码: the dialog (current PIN, new PIN twice, tries left) and the flow that runs it.

SZCA sends a UKEY's first PIN by SMS; the clerk should replace it. :class:`ChangePinFlow` lists
the UKEYs in a worker, opens :class:`ChangePinDialog`, and has the token service change the PIN
in a worker (``ukey.service.change_pin``: ``C_SetPIN`` or ``SKF_ChangePIN``, with the guards of
logging in). A wrong current PIN, a new PIN the UKEY refuses, or the final try bring the dialog
back with the reason in red; a locked PIN is said plainly and never tried. The PINs leave the
dialog once, as :class:`~cgn_seal_desktop.ukey.pin.Pin` holders the token layer wipes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from cgn_seal_desktop.errors import CgnSealError
from cgn_seal_desktop.settings import Settings
from cgn_seal_desktop.ui import dialogs
from cgn_seal_desktop.ui.messages import error_message, show_error
from cgn_seal_desktop.ui.pin_text import PinTries, tries_info, warning_lines
from cgn_seal_desktop.ui.ukey_dialogs import RED, make_secret, ukey_kind_text
from cgn_seal_desktop.ui.workers import run_task
from cgn_seal_desktop.ukey.errors import (
    FinalTryNotConfirmedError,
    NoTokenError,
    PinLockedError,
    PinPolicyError,
    WrongPinError,
)
from cgn_seal_desktop.ukey.model import PinState, TokenInfo, TokenRef
from cgn_seal_desktop.ukey.pin import Pin

__all__ = ["MAX_PIN", "MIN_PIN", "ChangePinDialog", "ChangePinFlow"]

log = logging.getLogger(__name__)

#: The PIN lengths SZCA's UKEYs accept (the UKEY itself has the last word).
MIN_PIN, MAX_PIN = 6, 16


class ChangePinDialog(QDialog):
    """Current PIN, new PIN typed twice, the UKEY's tries; OK only when the two new PINs match.

    *tokens* are the UKEYs to choose from (a list when several are inserted), *index* the one
    preselected; *tries* overrides that UKEY's PIN state (after a wrong PIN); *retry* says the
    current PIN was wrong; *problem* is a red line (e.g. the UKEY refused the new PIN).
    """

    def __init__(self, tokens: Sequence[TokenInfo], index: int = 0, *,
                 tries: PinTries | None = None, retry: bool = False, problem: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePinDialog")
        self.setWindowTitle(self.tr("Change the UKEY PIN"))
        self._tokens = list(tokens)
        self._override = tries
        self._retry = retry
        self._problem = problem
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("SZCA sends the first PIN by SMS. Replace it with a PIN only you "
                               "know, and keep it safe: it seals in your company's name."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.token_combo = QComboBox(self)
        self.token_combo.setObjectName("tokenCombo")
        for t in self._tokens:
            self.token_combo.addItem(f"{t.label} ({ukey_kind_text(t)})")
        self.token_combo.setCurrentIndex(max(0, min(index, len(self._tokens) - 1)))
        self._initial = self.token_combo.currentIndex()  # the UKEY *tries*/*problem* are about
        self.token_combo.setEnabled(len(self._tokens) > 1)
        form.addRow(self.tr("UKEY:"), self.token_combo)
        self.old_edit = self._secret("oldPinEdit", self.tr("Current PIN"))
        form.addRow(self.tr("Current PIN:"), self.old_edit)
        self.tries_label = QLabel(self)
        self.tries_label.setObjectName("triesLabel")
        self.tries_label.setStyleSheet("color: #555;")
        form.addRow("", self.tries_label)
        self.new_edit = self._secret("newPinEdit", self.tr("New PIN"))
        form.addRow(self.tr("New PIN:"), self.new_edit)
        self.repeat_edit = self._secret("repeatPinEdit", self.tr("New PIN again"))
        form.addRow(self.tr("New PIN again:"), self.repeat_edit)
        hint = QLabel(self.tr("%1 to %2 letters or digits.").replace("%1", str(MIN_PIN))
                      .replace("%2", str(MAX_PIN)), self)
        hint.setStyleSheet("color: #555;")
        form.addRow("", hint)
        layout.addLayout(form)
        self.form_error = QLabel(self)
        self.form_error.setObjectName("formError")
        self.form_error.setWordWrap(True)
        self.form_error.setStyleSheet(f"color: {RED};")
        layout.addWidget(self.form_error)
        self.warning = QLabel(self)
        self.warning.setObjectName("pinWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {RED};")
        layout.addWidget(self.warning)
        self.confirm_box = QCheckBox(
            self.tr("I am sure of the current PIN (one more wrong PIN locks the UKEY)"), self)
        self.confirm_box.setObjectName("finalTryConfirm")
        layout.addWidget(self.confirm_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Change PIN"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for edit in (self.old_edit, self.new_edit, self.repeat_edit):
            edit.textChanged.connect(self._update)
        self.confirm_box.toggled.connect(self._update)
        self.token_combo.currentIndexChanged.connect(self._token_changed)
        self._token_changed()
        self.old_edit.setFocus()
        self.setMinimumWidth(460)

    def _secret(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        make_secret(edit, accessible)
        return edit

    def chosen_token(self) -> TokenInfo:
        return self._tokens[self.token_combo.currentIndex()]

    @property
    def tries(self) -> PinTries:
        return self._override or PinTries.of_token(self.chosen_token())

    @property
    def final_try(self) -> bool:
        return self.tries.final_try

    @property
    def locked(self) -> bool:
        return self.tries.state is PinState.LOCKED

    def _token_changed(self) -> None:
        if self.token_combo.currentIndex() != self._initial:
            self._override, self._retry, self._problem = None, False, ""
        tries = self.tries
        self.tries_label.setText(tries_info(tries))
        self.tries_label.setVisible(bool(self.tries_label.text()))
        lines = [self._problem] if self._problem else []
        if self.locked:
            lines.append(self.tr("The PIN of this UKEY is locked. Only SZCA can unlock it: call "
                                 "400-112-3838."))
        else:
            lines += warning_lines(tries, retry=self._retry, what="current")
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))
        font = QFont(self.warning.font())
        font.setBold(self.final_try)
        self.warning.setFont(font)
        self.confirm_box.setVisible(self.final_try)
        self.confirm_box.setChecked(False)
        self._update()

    def form_problem(self) -> str:
        """Why the entries cannot be sent to the UKEY yet ("" when they can)."""
        old, new, again = self.old_edit.text(), self.new_edit.text(), self.repeat_edit.text()
        if new and not MIN_PIN <= len(new) <= MAX_PIN:
            return self.tr("The new PIN must have %1 to %2 characters.").replace(
                "%1", str(MIN_PIN)).replace("%2", str(MAX_PIN))
        if new and again and new != again:
            return self.tr("The two new PINs differ. Type the new PIN twice the same way.")
        if new and old and new == old:
            return self.tr("The new PIN is the same as the current one.")
        return ""

    def _update(self) -> None:
        problem = self.form_problem()
        self.form_error.setText(problem)
        self.form_error.setVisible(bool(problem))
        filled = all(e.text() for e in (self.old_edit, self.new_edit, self.repeat_edit))
        self.ok_button.setEnabled(filled and not problem and not self.locked
                                  and (not self.final_try or self.confirm_box.isChecked()))

    def take_pins(self) -> tuple[str, str]:
        """(current, new), once: every field is cleared so the dialog no longer holds them."""
        old, new = self.old_edit.text(), self.new_edit.text()
        for edit in (self.old_edit, self.new_edit, self.repeat_edit):
            edit.clear()
        return old, new

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted.value:
            for edit in (self.old_edit, self.new_edit, self.repeat_edit):
                edit.clear()
        super().done(result)


def _same_ukey(ref: TokenRef, wanted: TokenRef) -> bool:
    """*ref* is the UKEY *wanted* names (by driver and label, and serial when it gives one)."""
    return (ref.module_path, ref.label, ref.interface) == (
        wanted.module_path, wanted.label, wanted.interface) and (
        not wanted.serial or ref.serial == wanted.serial)


class ChangePinFlow(QObject):
    """One PIN change from the UKEY list to "PIN changed". ``finished(bool)`` when it ends
    (True: changed); ``status(str)`` for the status bar."""

    finished = Signal(bool)
    status = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self._settings = settings
        self._parent = parent
        self._busy = False
        self._tokens: list[TokenInfo] = []
        self._index = 0

    def is_busy(self) -> bool:
        return self._busy

    def start(self, token: TokenRef | None = None) -> None:
        """List the UKEYs in a worker, then ask (preselecting *token* when given)."""
        if self._busy:
            return
        self._busy = True
        self.status.emit(self.tr("Looking for the UKEY…"))
        chosen = self._settings.module_path

        def look() -> list[TokenInfo]:
            from cgn_seal_desktop.demo import refresh
            from cgn_seal_desktop.ukey.service import list_all_tokens

            refresh()
            return list_all_tokens(chosen, with_certificates=False) or []

        run_task(look, lambda tokens: self._on_tokens(tokens, token), self._fail, context=self)

    def _on_tokens(self, tokens: list[TokenInfo], wanted: TokenRef | None) -> None:
        if not tokens:
            self._fail(NoTokenError())
            return
        self._tokens = tokens
        self._index = next((i for i, t in enumerate(tokens) if wanted is not None
                            and _same_ukey(t.ref, wanted)), 0)
        if len(tokens) == 1 and tokens[0].pin_state is PinState.LOCKED:
            self._fail(PinLockedError())  # said plainly; the locked PIN is never tried
            return
        self._ask()

    def _ask(self, *, tries: PinTries | None = None, retry: bool = False,
             problem: str = "") -> None:
        dlg = ChangePinDialog(self._tokens, self._index, tries=tries, retry=retry,
                              problem=problem, parent=self._parent)
        accepted = dialogs.exec_dialog(dlg) == 1
        token, confirm = dlg.chosen_token(), dlg.final_try and dlg.confirm_box.isChecked()
        self._index = self._tokens.index(token)
        ready = accepted and dlg.ok_button.isEnabled()
        current, new = dlg.take_pins()
        old_pin, new_pin = Pin(current), Pin(new)
        del current, new
        dlg.deleteLater()
        if not ready or not old_pin or not new_pin:
            old_pin.wipe()
            new_pin.wipe()
            self._end(False, self.tr("PIN not changed"))
            return
        if token.pin_state is PinState.LOCKED:
            old_pin.wipe()
            new_pin.wipe()
            self._fail(PinLockedError())
            return
        self.status.emit(self.tr("Changing the PIN…"))
        ref = token.ref
        self._run(ref, old_pin, new_pin, confirm)

    def _run(self, ref: TokenRef, old: Pin, new: Pin, confirm: bool) -> None:
        """The token call, in a worker; the service wipes both PINs whatever happens."""
        from cgn_seal_desktop.ukey.service import change_pin

        run_task(lambda: change_pin(ref, old, new, confirm_final_try=confirm), self._on_changed,
                 self._on_failed, context=self)

    def _on_changed(self, _info: TokenInfo) -> None:
        dialogs.show_message(self._parent, QMessageBox.Icon.Information,
                             self.tr("PIN changed"),
                             self.tr("The UKEY's PIN was changed. Use the new PIN from now on; "
                                     "nobody can look it up for you."))
        self._end(True, self.tr("PIN changed"))

    def _on_failed(self, exc: BaseException) -> None:
        token = self._tokens[self._index]
        if isinstance(exc, WrongPinError) and not exc.locked:
            self._ask(tries=PinTries.of_token(token).after(exc), retry=True)
        elif isinstance(exc, PinPolicyError):
            title, todo = error_message(exc)
            self._ask(problem=f"{title}. {todo}")
        elif isinstance(exc, FinalTryNotConfirmedError):
            self._ask(tries=PinTries(PinState.FINAL_TRY, 1 if token.pin_max_tries else None,
                                     token.pin_max_tries))
        else:
            self._fail(exc)

    def _fail(self, exc: BaseException) -> None:
        if not isinstance(exc, CgnSealError):
            log.error("Changing the PIN failed: %s", type(exc).__name__)
        show_error(self._parent, exc)
        self._end(False, self.tr("PIN not changed"))

    def _end(self, changed: bool, message: str) -> None:
        self._busy = False
        self.status.emit(message)
        self.finished.emit(changed)
