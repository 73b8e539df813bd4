"""Choosing the UKEY certificate and entering its PIN.

:class:`PinDialog` keeps the PIN only in its masked line edit; :meth:`PinDialog.take_pin` hands it
over once and clears the field. Nothing here logs or stores it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
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

from cgn_seal_desktop.ukey.model import PinState
from cgn_seal_desktop.ukey.service import CertChoice

__all__ = ["PinDialog", "TokenDialog"]


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
            text = self.tr("%1 — %2 (valid until %3)")
            text = text.replace("%1", choice.token.label).replace("%2", choice.owner)
            text = text.replace("%3", c.not_after.date().isoformat())
            item = QListWidgetItem(text, self.list)
            item.setToolTip(c.subject)
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
    """Masked PIN entry showing which UKEY and whose certificate; final-try needs a tick."""

    def __init__(self, choice: CertChoice, pin_state: PinState, *, retry: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(self.tr("Enter the UKEY PIN"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("UKEY:"), QLabel(choice.token.label))
        owner = QLabel(choice.owner)
        owner.setObjectName("ownerLabel")
        form.addRow(self.tr("Certificate owner:"), owner)
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setObjectName("pinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(64)
        self.pin_edit.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText
                                          | Qt.InputMethodHint.ImhSensitiveData
                                          | Qt.InputMethodHint.ImhNoPredictiveText)
        self.pin_edit.setAccessibleName(self.tr("PIN"))
        form.addRow(self.tr("PIN:"), self.pin_edit)
        layout.addLayout(form)
        self.warning = QLabel(self)
        self.warning.setObjectName("pinWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b3261e;")
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
        self.final_try = pin_state is PinState.FINAL_TRY
        warnings = []
        if retry:
            warnings.append(self.tr("The PIN was wrong. Please enter it again."))
        if pin_state is PinState.COUNT_LOW:
            warnings.append(self.tr("A wrong PIN was entered before. Few tries remain."))
        if self.final_try:
            big = QFont(self.warning.font())
            big.setBold(True)
            self.warning.setFont(big)
            warnings.append(self.tr("Final try: one more wrong PIN locks the UKEY, and only SZCA "
                                    "can unlock it (400-112-3838)."))
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))
        self.confirm_box.setVisible(self.final_try)
        self.pin_edit.textChanged.connect(self._update_ok)
        self.confirm_box.toggled.connect(self._update_ok)
        self._update_ok()
        self.pin_edit.setFocus()
        self.setMinimumWidth(420)

    def _update_ok(self) -> None:
        ok = bool(self.pin_edit.text()) and (not self.final_try or self.confirm_box.isChecked())
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
