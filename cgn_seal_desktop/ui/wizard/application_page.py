"""申请数字证书 — 录入: what the application form (申请表) needs beyond the six elements, with
validation as the user types, and drafts.

Asked here, in the order the form prints them: the organisation's address and telephone (机构地址,
单位电话), the seal (印章名称, 有效期), a contact, and where the UKEY is mailed. The organisation,
its legal representative and the operator come from the verified six elements
(:mod:`cgn_seal_desktop.portal.print_data`).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cgn_seal_desktop.portal.models import ApplicationForm
from cgn_seal_desktop.portal.validators import is_valid_mobile, is_valid_phone
from cgn_seal_desktop.portal.wizard.navigation import View
from cgn_seal_desktop.portal.wizard.state import Progress
from cgn_seal_desktop.ui.wizard.common import (
    FieldError,
    WizardPage,
    field_errors_shown_on,
    heading,
    note,
    with_error,
)
from cgn_seal_desktop.ui.wizard.controller import WizardController
from cgn_seal_desktop.ui.wizard.wording import field_label, note_text

__all__ = ["FORM_FIELDS", "ApplicationFormPage"]

DRAFT = "wizard/application"
#: The form's fields, grouped as the page (and the printed 申请表) shows them.
_GROUPS = (
    ("organisation", ("org_address", "org_phone")),
    ("certificate", ("seal_name", "validity_years")),
    ("contact", ("contact_name", "contact_mobile", "contact_email")),
    ("mailing", ("mail_recipient", "mail_mobile", "mail_address")),
)
FORM_FIELDS = tuple(name for _g, names in _GROUPS for name in names)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ApplicationFormPage(WizardPage):
    """录入数字证书申请信息."""

    def __init__(self, ctl: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(ctl, parent)
        self.box.addWidget(heading(self.tr("Certificate application")))
        self.box.addWidget(note(self.tr(
            "These details are printed on the application form, together with the organisation, "
            "its legal representative and the operator from the six elements.")))
        self.hint = note()
        self.hint.setObjectName("formHint")
        self.box.addWidget(self.hint)
        titles = {"organisation": self.tr("Organisation"),
                  "certificate": self.tr("Certificate and seal"),
                  "contact": self.tr("Contact for this application"),
                  "mailing": self.tr("Where the UKEY is mailed")}
        placeholders = {
            "org_address": self.tr("Registered address, as on the business licence"),
            "org_phone": self.tr("e.g. 0755-88886666"),
            "mail_address": self.tr("Full address for the courier"),
        }
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        host = QWidget()
        host_box = QVBoxLayout(host)
        host_box.setContentsMargins(0, 0, 0, 0)
        scroll.setWidget(host)
        self.box.addWidget(scroll, 1)
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        for group, names in _GROUPS:
            box = QGroupBox(titles[group])
            box.setObjectName(f"group_{group}")
            form = QFormLayout(box)
            for name in names:
                w: QLineEdit | QComboBox
                if name == "validity_years":
                    w = QComboBox()
                    for y in (1, 2, 3):
                        w.addItem(self.tr("%n year(s)", "", y), y)
                    w.currentIndexChanged.connect(self._changed)
                else:
                    w = QLineEdit()
                    w.setPlaceholderText(placeholders.get(name, ""))
                    w.textChanged.connect(self._changed)
                w.setObjectName(f"app_{name}")
                err = FieldError()
                err.setObjectName(f"app_err_{name}")
                self.inputs[name], self.errors[name] = w, err
                form.addRow(field_label(name), with_error(w, err))
            host_box.addWidget(box)
        host_box.addStretch(1)
        self.save_button = QPushButton(self.tr("Save and continue"))
        self.save_button.setObjectName("saveApplication")
        self.box.addWidget(self.save_button)
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
        # Only the field being edited is checked again: its message goes as soon as it is
        # right (a server's message too), and no other field's message appears or vanishes.
        for name, w in self.inputs.items():
            if w is self.sender():
                shown = bool(self.errors[name].text())
                self.errors[name].setText(self._problem(name, self.values()[name], shown))

    def _problem(self, name: str, value: Any, show_required: bool) -> str:
        """What is wrong with *value* in field *name* ("" when nothing)."""
        if value is None:
            return self.tr("Required.") if show_required else ""
        if name.endswith("mobile") and not is_valid_mobile(str(value)):
            return self.tr("Enter an 11-digit mobile number.")
        if name == "org_phone" and not is_valid_phone(str(value)):
            return self.tr("Enter a telephone number with its area code, e.g. 0755-88886666.")
        if name == "contact_email" and not _EMAIL.match(str(value)):
            return self.tr("Enter a valid e-mail address.")
        return ""

    def _validate(self, show_required: bool) -> bool:
        ok = True
        for name, value in self.values().items():
            msg = self._problem(name, value, show_required)
            ok = ok and not msg and value is not None
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
