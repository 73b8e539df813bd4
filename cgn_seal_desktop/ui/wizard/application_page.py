"""申请数字证书 — 录入: the certificate application form with validation and drafts."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from cgn_seal_desktop.portal.models import ApplicationForm
from cgn_seal_desktop.portal.validators import is_valid_mobile
from cgn_seal_desktop.portal.wizard.navigation import View
from cgn_seal_desktop.portal.wizard.state import Progress
from cgn_seal_desktop.ui.wizard.common import WizardPage, field_errors_shown_on, heading, note
from cgn_seal_desktop.ui.wizard.controller import WizardController
from cgn_seal_desktop.ui.wizard.wording import note_text

__all__ = ["FORM_FIELDS", "ApplicationFormPage"]

DRAFT = "wizard/application"
FORM_FIELDS = ("seal_name", "validity_years", "contact_name", "contact_mobile", "contact_email",
               "mail_recipient", "mail_mobile", "mail_address")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ApplicationFormPage(WizardPage):
    """录入数字证书申请信息."""

    def __init__(self, ctl: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(ctl, parent)
        self.box.addWidget(heading(self.tr("Certificate application")))
        self.hint = note()
        self.box.addWidget(self.hint)
        form = QFormLayout()
        self.box.addLayout(form)
        labels = {
            "seal_name": self.tr("Name on the seal"), "validity_years": self.tr("Validity"),
            "contact_name": self.tr("Contact person"), "contact_mobile": self.tr("Contact mobile"),
            "contact_email": self.tr("Contact e-mail"),
            "mail_recipient": self.tr("UKEY recipient"),
            "mail_mobile": self.tr("Recipient mobile"), "mail_address": self.tr("Mailing address"),
        }
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        for name in FORM_FIELDS:
            w: QLineEdit | QComboBox
            if name == "validity_years":
                w = QComboBox()
                for y in (1, 2, 3):
                    w.addItem(self.tr("%n year(s)", "", y), y)
                w.currentIndexChanged.connect(self._changed)
            else:
                w = QLineEdit()
                w.textChanged.connect(self._changed)
            w.setObjectName(f"app_{name}")
            err = QLabel()
            err.setStyleSheet("color: #c00000")
            self.inputs[name], self.errors[name] = w, err
            form.addRow(labels[name], w)
            form.addRow("", err)
        self.save_button = QPushButton(self.tr("Save and continue"))
        self.save_button.setObjectName("saveApplication")
        form.addRow("", self.save_button)
        self.box.addStretch(1)
        self._loaded_for: tuple[int, int] | None = None
        self._dirty = self._filling = False
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.flush_drafts)
        self.save_button.clicked.connect(self._save)
        self._fill(self.drafts.get(DRAFT) or {})

    def show_progress(self, progress: Progress) -> None:
        app = self.ctl.snapshot.application
        self.hint.setText(note_text(progress.step(progress.current).detail))
        if app is not None and self._loaded_for != (app.id, app.revision):
            self._loaded_for = (app.id, app.revision)
            if self.drafts.get(DRAFT) is None:
                self._fill(app.form.model_dump())
        elif app is None and self.drafts.get(DRAFT) is None:
            ov = self.ctl.snapshot.verification
            acc = self.ctl.snapshot.account
            if ov is not None and ov.elements is not None and acc is not None:
                el = ov.elements
                self._fill({"seal_name": el.org_name, "contact_name": el.operator_name,
                            "contact_mobile": el.operator_mobile, "contact_email": acc.email,
                            "mail_recipient": el.operator_name, "mail_mobile": el.operator_mobile})

    def _fill(self, values: dict[str, Any]) -> None:
        self._filling = True
        try:
            self._fill_inputs(values)
        finally:
            self._filling = False

    def _fill_inputs(self, values: dict[str, Any]) -> None:
        for name, w in self.inputs.items():
            v = values.get(name)
            if isinstance(w, QComboBox):
                idx = w.findData(int(v)) if v else -1
                w.setCurrentIndex(max(idx, 0))
            elif v is not None:
                w.setText(str(v))

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for n, w in self.inputs.items():
            out[n] = w.currentData() if isinstance(w, QComboBox) else (w.text().strip() or None)
        return out

    def _changed(self) -> None:
        if self._filling:
            return
        self._dirty = True
        self._timer.start()
        self._validate(show_required=False)

    def _validate(self, show_required: bool) -> bool:
        ok = True
        for name, value in self.values().items():
            msg = ""
            if value is None:
                msg = self.tr("Required.") if show_required else ""
                ok = False
            elif name.endswith("mobile") and not is_valid_mobile(str(value)):
                msg = self.tr("Enter an 11-digit mobile number.")
            elif name == "contact_email" and not _EMAIL.match(str(value)):
                msg = self.tr("Enter a valid e-mail address.")
            ok = ok and not msg
            self.errors[name].setText(msg)
        return ok

    def flush_drafts(self) -> None:
        self._timer.stop()
        if self._dirty:  # only what the user typed; never a blank form over the server's data
            self.drafts.put(DRAFT, self.values())
            self._dirty = False

    def _save(self) -> None:
        if not self._validate(show_required=True):
            return
        form = ApplicationForm(**self.values())
        app = self.ctl.snapshot.application

        on_error = field_errors_shown_on(self.errors)

        def done(_a: Any) -> None:
            self._dirty = False
            self.drafts.delete(DRAFT)
            self.ctl.chosen_view = View.PRINT

        if app is None:
            self.ctl.run(lambda c: c.create_application(form), done, on_error)
        else:
            self.ctl.run(lambda c: c.update_application(app.id, form), done, on_error)
