"""金融认证: the corporate bank account, the wait for the small deposit, and the random code
(with attempts left). Cancel-and-redo is offered with a clear warning."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.models import BankAccount, OrgVerificationState
from cgn_seal_desktop.portal.validators import check_bank_field
from cgn_seal_desktop.portal.wizard.state import Action, Progress
from cgn_seal_desktop.ui import dialogs
from cgn_seal_desktop.ui.wizard.common import (
    FieldError,
    WizardPage,
    field_errors_shown_on,
    heading,
    note,
    with_error,
)
from cgn_seal_desktop.ui.wizard.controller import WizardController
from cgn_seal_desktop.ui.wizard.wording import note_text

__all__ = ["BankPage", "confirm_cancel"]

DRAFT = "wizard/bank"
_FIELDS = ("bank_name", "branch_name", "account_name", "account_number")


def confirm_cancel(parent: QWidget, ctl: WizardController) -> None:
    """Ask, then cancel the verification order (back to the six elements)."""
    # One context whichever page asks (lupdate cannot resolve ``parent.tr``).
    title = QCoreApplication.translate("BankPage", "Cancel verification?")
    text = QCoreApplication.translate(
        "BankPage", "This cancels the current verification order. You will correct the six "
        "elements and go through the identity check and the bank deposit again, which takes "
        "up to 3 more working days. Continue?")
    if not dialogs.ask_yes_no(parent, title, text):
        return
    ctl.run(lambda c: c.cancel_verification())


class BankPage(WizardPage):
    def __init__(self, ctl: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(ctl, parent)
        self.box.addWidget(heading(self.tr("Bank verification")))
        self.stack = QStackedWidget()
        self.box.addWidget(self.stack, 1)
        # 0: bank account form
        form_host = QWidget()
        form = QFormLayout(form_host)
        form.addRow(note(self.tr("Enter the corporate basic account (基本户). If the account is "
                                 "wrong, cancel the verification and start over.")))
        labels = [self.tr("Bank"), self.tr("Branch"), self.tr("Account name"),
                  self.tr("Account number")]
        saved = self.drafts.get(DRAFT, {}) or {}
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for name, label in zip(_FIELDS, labels, strict=True):
            edit = QLineEdit(str(saved.get(name, "")))
            edit.setObjectName(f"bank_{name}")
            edit.textChanged.connect(self.flush_drafts)
            edit.textChanged.connect(lambda _t, n=name: self._edited(n))
            err = FieldError()
            err.setObjectName(f"bank_err_{name}")
            self.inputs[name], self.errors[name] = edit, err
            form.addRow(label, with_error(edit, err))
        self.bank_submit = QPushButton(self.tr("Submit"))
        self.bank_submit.setObjectName("submitBank")
        form.addRow("", self.bank_submit)
        self.stack.addWidget(form_host)
        # 1: waiting for the deposit / entering the code / locked
        code_host = QWidget()
        cf = QFormLayout(code_host)
        self.deposit_text = note()
        self.deposit_text.setObjectName("depositText")
        cf.addRow(self.deposit_text)
        self.code = QLineEdit()
        self.code.setObjectName("depositCode")
        self.code.setMaxLength(12)
        self.code_error = FieldError()
        self.code_error.setObjectName("depositCodeError")
        self.code_submit = QPushButton(self.tr("Confirm"))
        self.code_submit.setObjectName("submitDepositCode")
        self.refresh_button = QPushButton(self.tr("Check again"))
        self.refresh_button.setObjectName("refreshDeposit")
        self.checked = note()
        self.checked.setObjectName("depositChecked")
        cf.addRow(self.tr("Random code"), self.code)
        cf.addRow("", self.code_error)
        row = QHBoxLayout()
        row.addWidget(self.code_submit)
        row.addWidget(self.refresh_button)
        cf.addRow("", row)
        cf.addRow("", self.checked)
        self.stack.addWidget(code_host)
        self.cancel_button = QPushButton(self.tr("Cancel verification and start over…"))
        self.cancel_button.setObjectName("cancelVerification")
        self.box.addWidget(self.cancel_button)
        self.bank_submit.clicked.connect(self._submit_bank)
        self.code_submit.clicked.connect(self._submit_code)
        self.code.returnPressed.connect(self._submit_code)
        self.code.textEdited.connect(lambda _t: self.code_error.clear())
        self.refresh_button.clicked.connect(self._check_again)
        self.cancel_button.clicked.connect(lambda: confirm_cancel(self, self.ctl))

    def show_progress(self, progress: Progress) -> None:
        ov = self.ctl.snapshot.verification
        self.cancel_button.setVisible(Action.CANCEL_VERIFICATION in progress.actions)
        if ov is None or ov.state is OrgVerificationState.BANK:
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        S = OrgVerificationState
        entering = ov.state is S.DEPOSIT_SENT
        for w in (self.code, self.code_submit):
            w.setEnabled(entering)
        self.refresh_button.setVisible(ov.state is S.DEPOSIT_PENDING)
        if ov.state is not S.DEPOSIT_PENDING:
            self.checked.clear()
        parts = [note_text(n) for n in (progress.step(progress.current).detail,
                                        *progress.notices)]
        if entering and ov.deposit is not None:
            parts = [self.tr("The deposit has been made. Ask your finance department for the "
                             "random code in the transfer note and enter it here."),
                     self.tr("Attempts left: %1").replace("%1", str(ov.deposit.attempts_left))]
        elif ov.state is S.LOCKED:
            parts = [self.tr("Too many wrong codes. Cancel the verification and start over.")]
        self.deposit_text.setText("\n".join(p for p in parts if p))

    def flush_drafts(self) -> None:
        self.drafts.put(DRAFT, {n: e.text() for n, e in self.inputs.items()})

    def _problem(self, name: str) -> str:
        """What is wrong with field *name* as typed ("" when nothing)."""
        code = check_bank_field(name, self.inputs[name].text())
        if code is None:
            return ""
        return {
            "required": self.tr("Required."),
            "too_short": self.tr("Too short: enter the full name."),
            "too_long": self.tr("Too long."),
            "digits": self.tr("Digits only (spaces allowed), as on the bank's documents."),
        }.get(code, self.tr("Not valid."))

    def _edited(self, name: str) -> None:
        # A message shown for this field goes as soon as the field is right (and the next
        # problem, if any, replaces it); fields not touched keep theirs.
        if self.errors[name].text():
            self.errors[name].setText(self._problem(name))

    def _check_again(self) -> None:
        self.refresh_button.setEnabled(False)
        self.checked.setText(self.tr("Checking…"))

        def checked(ok: bool) -> None:
            self.refresh_button.setEnabled(True)
            ov = self.ctl.snapshot.verification
            if not ok:
                self.checked.setText(self.tr("Could not check; see the message above."))
            elif ov is not None and ov.state is OrgVerificationState.DEPOSIT_PENDING:
                at = self.ctl.now().astimezone().strftime("%H:%M")
                self.checked.setText(self.tr("Checked at %1: the deposit has not arrived yet. "
                                             "You will be told here when it does.")
                                     .replace("%1", at))

        self.ctl.refresh(checked)

    def _submit_bank(self) -> None:
        problems = {name: self._problem(name) for name in _FIELDS}
        for name, text in problems.items():
            self.errors[name].setText(text)
        if any(problems.values()):
            return
        account = BankAccount(**{n: e.text().strip() for n, e in self.inputs.items()})

        on_error = field_errors_shown_on(self.errors)

        self.ctl.run(lambda c: c.submit_bank_account(account),
                     lambda _r: self.drafts.delete(DRAFT), on_error)

    def _submit_code(self) -> None:
        code = self.code.text().strip()
        if not code:
            self.code_error.setText(self.tr("Enter the random code."))
            return
        self.code_error.clear()

        def done(_r: Any) -> None:
            self.code.clear()

        def on_error(exc: BaseException) -> bool:
            if isinstance(exc, E.ValidationFailed):
                left = exc.attempts_left
                self.code_error.setText(
                    self.tr("Wrong code. Attempts left: %1").replace("%1", str(left))
                    if left is not None else self.tr("Wrong code."))
                self.ctl.refresh()
                return True
            if isinstance(exc, E.Conflict):
                self.ctl.refresh()
                return True
            return False

        self.ctl.run(lambda c: c.enter_deposit_code(code), done, on_error)
