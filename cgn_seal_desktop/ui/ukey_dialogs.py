"""Choosing the UKEY certificate and entering its PIN (PKCS#11 and SKF UKEYs alike).

:class:`PinDialog` keeps the PIN only in its masked line edit; :meth:`PinDialog.take_pin` hands it
over once and clears the field. Nothing here logs or stores it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cgn_seal_desktop.ui.pin_text import PinTries, tries_info, warning_lines
from cgn_seal_desktop.ukey.model import PinState, TokenInfo
from cgn_seal_desktop.ukey.service import CertChoice

__all__ = ["RED", "PinDialog", "TokenDialog", "key_type_text", "make_secret", "ukey_kind_text"]

RED = "#b3261e"


def key_type_text(key_type: str) -> str:
    """The key algorithm as a clerk meets it (SM2 is the 国密 one)."""
    return {"sm2": QCoreApplication.translate("TokenDialog", "SM2"), "rsa": "RSA",
            "ec": "ECC"}.get(key_type, key_type.upper())


def ukey_kind_text(token: TokenInfo) -> str:
    """How the UKEY is driven: "SKF (GM/T 0016)" or "PKCS#11"."""
    return "SKF (GM/T 0016)" if token.interface == "skf" else "PKCS#11"


class TokenDialog(QDialog):
    """List of UKEY certificates; the first is preselected; double-click or OK chooses."""

    def __init__(self, choices: list[CertChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tokenDialog")
        self.setWindowTitle(self.tr("Choose the UKEY certificate"))
        self._choices = choices
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Several certificates can seal. Choose the one to use:")))
        self.list = QListWidget(self)
        self.list.setObjectName("certificateList")
        for choice in choices:
            c = choice.cert
            text = self.tr("%1 — %2 (%3, valid until %4)")
            text = text.replace("%1", choice.token.label).replace("%2", choice.owner)
            text = text.replace("%3", key_type_text(c.key_type))
            text = text.replace("%4", c.not_after.date().isoformat())
            item = QListWidgetItem(text, self.list)
            item.setToolTip(f"{c.subject}\n{ukey_kind_text(choice.token)}")
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 300)

    def chosen(self) -> CertChoice | None:
        row = self.list.currentRow()
        return self._choices[row] if 0 <= row < len(self._choices) else None


class PinDialog(QDialog):
    """Masked PIN entry showing which UKEY and whose certificate, the tries left (exact for SKF
    UKEYs), and in red why it asks again; the final try needs a tick.

    *tries* is the PIN's state (a :class:`PinState` takes the UKEY's counter from *choice*);
    *retry* says the last PIN was wrong. :meth:`set_present` follows the UKEY being pulled out
    and put back while the dialog is open.
    """

    def __init__(self, choice: CertChoice, tries: PinTries | PinState, *, retry: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(self.tr("Enter the UKEY PIN"))
        if isinstance(tries, PinState):
            token = choice.token
            tries = PinTries(tries, token.pin_tries_left, token.pin_max_tries)
        self.tries = tries
        self.choice = choice
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("UKEY:"), QLabel(choice.token.label))
        owner = QLabel(choice.owner)
        owner.setObjectName("ownerLabel")
        form.addRow(self.tr("Certificate owner:"), owner)
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setObjectName("pinEdit")
        make_secret(self.pin_edit, self.tr("PIN"))
        form.addRow(self.tr("PIN:"), self.pin_edit)
        self.tries_label = QLabel(tries_info(tries), self)
        self.tries_label.setObjectName("triesLabel")
        self.tries_label.setStyleSheet("color: #555;")
        self.tries_label.setVisible(bool(self.tries_label.text()))
        form.addRow("", self.tries_label)
        layout.addLayout(form)
        self.warning = QLabel(self)
        self.warning.setObjectName("pinWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {RED};")
        layout.addWidget(self.warning)
        self.confirm_box = QCheckBox(
            self.tr("I am sure of this PIN (one more wrong PIN locks the UKEY)"), self)
        self.confirm_box.setObjectName("finalTryConfirm")
        layout.addWidget(self.confirm_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Seal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.final_try = tries.final_try
        self._lines = warning_lines(tries, retry=retry)
        self.present = True
        if self.final_try:
            big = QFont(self.warning.font())
            big.setBold(True)
            self.warning.setFont(big)
        self._show_warning()
        self.confirm_box.setVisible(self.final_try)
        self.pin_edit.textChanged.connect(self._update_ok)
        self.confirm_box.toggled.connect(self._update_ok)
        self._update_ok()
        self.pin_edit.setFocus()
        self.setMinimumWidth(440)

    def _show_warning(self) -> None:
        lines = list(self._lines)
        if not self.present:
            lines.insert(0, self.tr("The UKEY was removed. Insert it again to seal."))
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))

    def set_present(self, present: bool) -> None:
        """The UKEY went away (sealing is not possible) or came back."""
        if present != self.present:
            self.present = present
            self._show_warning()
            self._update_ok()

    def _update_ok(self) -> None:
        ok = (bool(self.pin_edit.text()) and self.present
              and (not self.final_try or self.confirm_box.isChecked()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def take_pin(self) -> str:
        """The PIN, once: the field is cleared so the dialog no longer holds it."""
        pin = self.pin_edit.text()
        self.pin_edit.clear()
        return pin

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted.value:
            self.pin_edit.clear()
        super().done(result)


def make_secret(edit: QLineEdit, name: str) -> None:
    """Set *edit* up for a PIN: masked, no prediction or input-method memory, 64 characters."""
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(64)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText
                             | Qt.InputMethodHint.ImhSensitiveData
                             | Qt.InputMethodHint.ImhNoPredictiveText)
    edit.setAccessibleName(name)
