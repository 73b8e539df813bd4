"""机构信息认证六要素: a form built from the server's schema, checked as the user types,
then a confirmation screen before 提交认证. Server-side field errors land on the fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.models import ElementField, ElementSchema, OrgElements
from cgn_seal_desktop.portal.validators import check_field
from cgn_seal_desktop.portal.wizard.state import Progress
from cgn_seal_desktop.ui.wizard.common import WizardPage, heading, note
from cgn_seal_desktop.ui.wizard.controller import WizardController
from cgn_seal_desktop.ui.wizard.wording import note_text

__all__ = ["ElementsPage"]

DRAFT = "wizard/elements"


class ElementsPage(WizardPage):
    def __init__(self, ctl: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(ctl, parent)
        self.title = heading(self.tr("Organisation verification: six elements"))
        self.box.addWidget(self.title)
        self.hint = note()
        self.box.addWidget(self.hint)
        self.stack = QStackedWidget()
        self.box.addWidget(self.stack, 1)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.stack.addWidget(self.form_host)
        self.confirm_host = QWidget()
        cf = QFormLayout(self.confirm_host)
        self.confirm_text = note()
        self.confirm_text.setObjectName("confirmText")
        cf.addRow(note(self.tr("Check the six elements once more. If anything is wrong, go "
                               "back and correct it before submitting.")))
        cf.addRow(self.confirm_text)
        self.back_button = QPushButton(self.tr("Data wrong? Go back and edit"))
        self.back_button.setObjectName("backButton")
        self.submit_button = QPushButton(self.tr("Submit for verification"))
        self.submit_button.setObjectName("submitElements")
        cf.addRow(self.back_button, self.submit_button)
        self.stack.addWidget(self.confirm_host)
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setObjectName("elementsNext")
        self.next_button.setEnabled(False)
        self.schema: ElementSchema | None = None
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self.server_errors: dict[str, str] = {}
        self._dirty = self._filling = self._schema_requested = False
        self._save_timer = QTimer(self, singleShot=True, interval=250)
        self._save_timer.timeout.connect(self.flush_drafts)
        self.next_button.clicked.connect(self._to_confirm)
        self.back_button.clicked.connect(lambda: self.stack.setCurrentIndex(0))
        self.submit_button.clicked.connect(self._submit)

    # --- schema and form

    def show_progress(self, progress: Progress) -> None:
        if self.schema is None and not self._schema_requested:
            self._schema_requested = True

            def failed(_exc: BaseException) -> bool:
                self._schema_requested = False  # the banner's Retry or the next view asks again
                return False

            self.ctl.run(lambda c: c.element_schema(), self._build, failed, refresh=False)
        ov = self.ctl.snapshot.verification
        self.hint.setText(note_text(progress.step(progress.current).detail))
        if ov is not None and ov.elements is not None and self.drafts.get(DRAFT) is None:
            self.drafts.put(DRAFT, ov.elements.model_dump())  # cancel-and-redo: start from them
            if self.schema is not None:
                self._fill(ov.elements.model_dump())

    def _build(self, schema: ElementSchema) -> None:
        if self.schema is not None:
            return
        self.schema = schema
        self.title.setText(schema.title)
        for f in schema.fields:
            w: QLineEdit | QComboBox
            if f.kind == "select":
                w = QComboBox()
                w.addItems(f.options)
                w.currentTextChanged.connect(self._changed)
            else:
                w = QLineEdit()
                if f.max_length:
                    w.setMaxLength(f.max_length)
                w.setPlaceholderText(f.help)
                w.textChanged.connect(self._changed)
            w.setObjectName(f"el_{f.name}")
            err = QLabel()
            err.setObjectName(f"err_{f.name}")
            err.setStyleSheet("color: #c00000")
            self.inputs[f.name], self.errors[f.name] = w, err
            self.form.addRow(f.label + ("*" if f.required else ""), w)
            self.form.addRow("", err)
        self.form.addRow("", self.next_button)
        self._fill(self.drafts.get(DRAFT, {}) or {})
        self._validate()

    def _fill(self, values: dict[str, Any]) -> None:
        self._filling = True
        try:
            self._fill_inputs(values)
        finally:
            self._filling = False

    def _fill_inputs(self, values: dict[str, Any]) -> None:
        for name, w in self.inputs.items():
            v = str(values.get(name, "") or "")
            if isinstance(w, QComboBox):
                if v:
                    w.setCurrentText(v)
            else:
                w.setText(v)

    def values(self) -> dict[str, str]:
        return {n: (w.currentText() if isinstance(w, QComboBox) else w.text().strip())
                for n, w in self.inputs.items()}

    def _field(self, name: str) -> ElementField:
        assert self.schema is not None
        return next(f for f in self.schema.fields if f.name == name)

    def _message(self, code: str) -> str:
        return {
            "required": self.tr("Required."),
            "too_long": self.tr("Too long."),
            "uscc": self.tr("Not a valid unified social credit code (check character wrong)."),
            "id_number": self.tr("Not a valid ID number (check digit or birth date wrong)."),
            "mobile": self.tr("Enter an 11-digit mobile number."),
            "pattern": self.tr("Wrong format."),
            "option": self.tr("Choose one of the options."),
        }.get(code, self.tr("Not valid."))

    def _changed(self) -> None:
        sender = self.sender()
        for name, w in self.inputs.items():
            if w is sender:
                self.server_errors.pop(name, None)
        if not self._filling:
            self._dirty = True
            self._save_timer.start()
        self._validate()

    def _validate(self) -> bool:
        vals, ok = self.values(), True
        for name in self.inputs:
            f = self._field(name)
            id_type = vals.get("legal_rep_id_type") if name == "legal_rep_id_number" else None
            code = check_field(f, vals[name], id_type)
            text = self.server_errors.get(name) or ("" if code is None or not vals[name]
                                                    else self._message(code))
            self.errors[name].setText(text)
            ok = ok and code is None and name not in self.server_errors
        self.next_button.setEnabled(ok)
        return ok

    def flush_drafts(self) -> None:
        if self.inputs and self._dirty:
            self._dirty = False
            self._save_timer.stop()
            self.drafts.put(DRAFT, self.values())

    # --- confirm and submit

    def _to_confirm(self) -> None:
        if not self._validate() or self.schema is None:
            return
        self._dirty = True
        self.flush_drafts()
        vals = self.values()
        rows = [f"{f.label}：{vals[f.name]}" for f in self.schema.fields]
        self.confirm_text.setText("\n".join(rows))
        self.stack.setCurrentIndex(1)

    def _submit(self) -> None:
        elements = OrgElements(**self.values())
        self.submit_button.setEnabled(False)

        def done(_ov: Any) -> None:
            self.submit_button.setEnabled(True)
            self._dirty = False
            self.drafts.delete(DRAFT)
            self.stack.setCurrentIndex(0)

        def on_error(exc: BaseException) -> bool:
            self.submit_button.setEnabled(True)
            if isinstance(exc, E.ValidationFailed) and exc.fields:
                self.server_errors = dict(exc.fields)  # server texts are Chinese already
                self.stack.setCurrentIndex(0)
                self._validate()
                return True
            return False

        self.ctl.run(lambda c: c.submit_elements(elements), done, on_error)
