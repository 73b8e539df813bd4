"""供应商注册 and login, with "remember me" (tokens in the OS keyring when available)."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QWidget,
)

from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.models import RegisterRequest
from cgn_seal_desktop.portal.tokens import keyring_usable
from cgn_seal_desktop.portal.wizard.state import Progress
from cgn_seal_desktop.ui.wizard.common import FieldError, WizardPage, heading, note, with_error
from cgn_seal_desktop.ui.wizard.controller import WizardController
from cgn_seal_desktop.ui.workers import run_task

__all__ = ["AccountPage"]

_DRAFT = "wizard/register"
_REG_FIELDS = ("username", "company_name", "contact_name", "mobile", "email")


class AccountPage(WizardPage):
    def __init__(self, ctl: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(ctl, parent)
        self.box.addWidget(heading(self.tr("Supplier registration")))
        self.tabs = QTabWidget()
        self.box.addWidget(self.tabs)
        # --- login
        login = QWidget()
        lf = QFormLayout(login)
        self.login_user = QLineEdit()
        self.login_user.setObjectName("loginUser")
        self.login_password = QLineEdit()
        self.login_password.setObjectName("loginPassword")
        self.login_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember me on this computer"))
        self.remember.setObjectName("rememberMe")
        # Asking for the keyring can take a while (the OS service is started): in a worker.
        run_task(keyring_usable, self._keyring_known, lambda _e: self._keyring_known(False),
                 context=self)
        self.login_error = QLabel()
        self.login_error.setStyleSheet("color: #c00000")
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setObjectName("loginButton")
        lf.addRow(self.tr("User name"), self.login_user)
        lf.addRow(self.tr("Password"), self.login_password)
        lf.addRow("", self.remember)
        lf.addRow("", self.login_error)
        lf.addRow("", self.login_button)
        self.tabs.addTab(login, self.tr("Log in"))
        # --- register
        reg = QWidget()
        rf = QFormLayout(reg)
        labels = {"username": self.tr("User name"), "company_name": self.tr("Company name"),
                  "contact_name": self.tr("Contact person"), "mobile": self.tr("Mobile"),
                  "email": self.tr("E-mail")}
        self.reg: dict[str, QLineEdit] = {}
        self.reg_errors: dict[str, QLabel] = {}
        saved: dict[str, str] = self.drafts.get(_DRAFT, {}) or {}
        for name in (*_REG_FIELDS, "password", "password2"):
            edit = QLineEdit(saved.get(name, "") if name in _REG_FIELDS else "")
            edit.setObjectName(f"reg_{name}")
            if name.startswith("password"):
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            else:
                edit.textChanged.connect(self._save_draft)
            err = FieldError()
            err.setObjectName(f"reg_err_{name}")
            self.reg[name], self.reg_errors[name] = edit, err
            label = labels.get(name) or (self.tr("Password") if name == "password"
                                         else self.tr("Repeat password"))
            rf.addRow(label, with_error(edit, err))
        self.register_button = QPushButton(self.tr("Register"))
        self.register_button.setObjectName("registerButton")
        self.reg_status = note()
        rf.addRow("", self.register_button)
        rf.addRow("", self.reg_status)
        self.tabs.addTab(reg, self.tr("Register"))
        self.box.addStretch(1)
        self.login_button.clicked.connect(self._login)
        self.login_password.returnPressed.connect(self._login)
        # A message about what was typed goes when the user types again.
        for edit in (self.login_user, self.login_password):
            edit.textEdited.connect(lambda _t: self.login_error.clear())
        for name, edit in self.reg.items():
            edit.textEdited.connect(lambda _t, n=name: self.reg_errors[n].clear())
        self.reg["password"].textEdited.connect(lambda _t: self.reg_errors["password2"].clear())
        self.register_button.clicked.connect(self._register)

    def show_progress(self, progress: Progress) -> None:
        self.login_button.setEnabled(True)

    def _keyring_known(self, usable: bool) -> None:
        self.remember.setToolTip("" if usable else self.tr(
            "No system keyring: you will log in again after a restart."))

    def suggest_user(self, username: str) -> None:
        """Prefill the last user name; with none, a new user most likely wants to register."""
        self.login_user.setText(username)
        self.tabs.setCurrentIndex(0 if username else 1)

    def _save_draft(self) -> None:
        self.drafts.put(_DRAFT, {n: self.reg[n].text() for n in _REG_FIELDS})

    # --- actions

    def _login(self) -> None:
        user, pw = self.login_user.text().strip(), self.login_password.text()
        if not user or not pw:
            self.login_error.setText(self.tr("Enter user name and password."))
            return
        self.login_error.clear()
        self.login_button.setEnabled(False)

        def on_error(exc: BaseException) -> bool:
            self.login_button.setEnabled(True)
            if isinstance(exc, E.Forbidden | E.ValidationFailed | E.RateLimited):
                self.login_error.setText(self.tr("Wrong user name or password.")
                                         if not isinstance(exc, E.RateLimited) else
                                         self.tr("Too many attempts; wait a few minutes."))
                return True
            return False

        self.ctl.login(user, pw, self.remember.isChecked(), on_error=on_error)
        self.login_password.clear()  # the password is not kept anywhere

    def _register(self) -> None:
        for err in self.reg_errors.values():
            err.clear()
        values = {n: e.text().strip() for n, e in self.reg.items()}
        if self.reg["password"].text() != self.reg["password2"].text():
            self.reg_errors["password2"].setText(self.tr("The passwords differ."))
            return
        try:
            req = RegisterRequest(**{n: values[n] for n in _REG_FIELDS},
                                  password=self.reg["password"].text())
        except ValidationError as exc:
            for e in exc.errors():
                name = str(e["loc"][0]) if e["loc"] else ""
                if name in self.reg_errors:
                    self.reg_errors[name].setText(self._field_hint(name))
            return

        def done(_account: Any) -> None:
            self.drafts.delete(_DRAFT)
            self.reg_status.setText(self.tr("Registered. Log in to continue."))
            self.login_user.setText(req.username)
            self.login_password.setText(self.reg["password"].text())
            for n in ("password", "password2"):
                self.reg[n].clear()
            self.tabs.setCurrentIndex(0)
            self._login()

        def on_error(exc: BaseException) -> bool:
            if isinstance(exc, E.Conflict):
                self.reg_errors["username"].setText(self.tr("This user name is taken."))
                return True
            if isinstance(exc, E.ValidationFailed) and exc.fields:
                for name in exc.fields:
                    if name in self.reg_errors:
                        self.reg_errors[name].setText(self._field_hint(name))
                return True
            return False

        self.ctl.register(req, done, on_error)

    def _field_hint(self, name: str) -> str:
        hints = {
            "username": self.tr("3-32 letters, digits, '_', '.', '-'."),
            "password": self.tr("At least 8 characters."),
            "company_name": self.tr("Enter the full company name."),
            "contact_name": self.tr("Required."),
            "mobile": self.tr("Enter a mobile number."),
            "email": self.tr("Enter a valid e-mail address."),
        }
        return hints.get(name, self.tr("Not valid."))
