"""申请数字证书 — 录入 and 打印申请表: the application form with validation, the two print-ready
PDFs (申请表, 公章印模采集页) previewed in the built-in viewer, printed, or saved as PDF."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from cgn_seal_desktop import paths
from cgn_seal_desktop.documents.application_form import render_application_form
from cgn_seal_desktop.documents.output import save_pdf
from cgn_seal_desktop.documents.seal_impression_page import render_seal_impression_page
from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.models import ApplicationForm
from cgn_seal_desktop.portal.print_data import application_form_data
from cgn_seal_desktop.portal.progress import Progress
from cgn_seal_desktop.portal.validators import is_valid_mobile
from cgn_seal_desktop.ui import dialogs
from cgn_seal_desktop.ui.messages import show_error
from cgn_seal_desktop.ui.viewer import PdfView
from cgn_seal_desktop.ui.wizard.common import WizardPage, heading, note
from cgn_seal_desktop.ui.wizard.controller import WizardController
from cgn_seal_desktop.ui.wizard.printing import ask_and_print
from cgn_seal_desktop.ui.workers import run_task

__all__ = ["FORM_FIELDS", "ApplicationFormPage", "PrintFormsPage"]

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
        self.hint.setText(progress.step(progress.current).detail)
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

        def on_error(exc: BaseException) -> bool:
            if isinstance(exc, E.ValidationFailed) and exc.fields:
                for name, text in exc.fields.items():
                    if name in self.errors:
                        self.errors[name].setText(text)
                return True
            return False

        def done(_a: Any) -> None:
            self._dirty = False
            self.drafts.delete(DRAFT)
            self.ctl.go_to_step = "print"

        if app is None:
            self.ctl.run(lambda c: c.create_application(form), done, on_error)
        else:
            self.ctl.run(lambda c: c.update_application(app.id, form), done, on_error)


class PrintFormsPage(WizardPage):
    """打印申请表: generate, preview, print, save the two forms."""

    def __init__(self, ctl: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(ctl, parent)
        self.box.addWidget(heading(self.tr("Print the application form")))
        self.box.addWidget(note(self.tr(
            "Print both pages on plain white A4 paper. The legal representative and the operator "
            "sign the application form; stamp the company seal on both. Then scan them and "
            "upload them in the next step.")))
        row = QHBoxLayout()
        self.show_form = QPushButton(self.tr("Application form"))
        self.show_form.setObjectName("previewForm")
        self.show_seal = QPushButton(self.tr("Seal impression page"))
        self.show_seal.setObjectName("previewSeal")
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printButton")
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("savePdfButton")
        self.next_button = QPushButton(self.tr("Next: upload materials"))
        self.next_button.setObjectName("toMaterials")
        for b in (self.show_form, self.show_seal, self.print_button, self.save_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.next_button)
        self.box.addLayout(row)
        self.status = note()
        self.box.addWidget(self.status)
        self.preview: PdfView | None = None  # created on first use (starts render workers)
        self.pdfs: dict[str, bytes] = {}
        self.current = "form"
        self._key: tuple[int, int] | None = None
        self.show_form.clicked.connect(lambda: self._show("form"))
        self.show_seal.clicked.connect(lambda: self._show("seal"))
        self.print_button.clicked.connect(self._print)
        self.save_button.clicked.connect(self._save)
        self.next_button.clicked.connect(self._to_materials)

    def _to_materials(self) -> None:
        self.ctl.go_to_step = "materials"
        self.ctl.recompute()

    def show_progress(self, progress: Progress) -> None:
        snap = self.ctl.snapshot
        app = snap.application
        if app is None or snap.account is None or snap.verification is None:
            return
        key = (app.id, app.revision)
        if key == self._key and self.pdfs:
            return
        self._key = key
        elements = snap.verification.elements
        account = snap.account
        if elements is None:
            return
        self.status.setText(self.tr("Preparing the forms…"))

        def make() -> dict[str, bytes]:
            data = application_form_data(account, elements, app)
            return {"form": render_application_form(data),
                    "seal": render_seal_impression_page(elements.org_name, elements.uscc)}

        run_task(make, self._made, lambda exc: show_error(self, exc))

    def _made(self, pdfs: dict[str, bytes]) -> None:
        self.pdfs = pdfs
        out = paths.cache_dir() / "forms"
        out.mkdir(parents=True, exist_ok=True)
        for name, data in pdfs.items():
            save_pdf(data, out / f"{name}.pdf")
        self.status.setText(self.tr("The forms are ready."))
        self._show(self.current)

    def pdf_path(self, which: str) -> Path:
        return paths.cache_dir() / "forms" / f"{which}.pdf"

    def _show(self, which: str) -> None:
        self.current = which
        if not self.pdfs:
            return
        if self.preview is None:
            view = PdfView(self)
            view.setObjectName("formPreview")
            view.setMinimumHeight(300)
            self.box.addWidget(view, 1)
            self.preview = view
        self.preview.open(str(self.pdf_path(which)))

    def _title(self) -> str:
        return (self.tr("Application form") if self.current == "form"
                else self.tr("Seal impression page"))

    def _print(self) -> None:
        if self.current in self.pdfs:
            try:
                ask_and_print(self, self.pdfs[self.current], self._title())
            except OSError as exc:
                show_error(self, exc)

    def _save(self) -> None:
        data = self.pdfs.get(self.current)
        if data is None:
            return
        default = "数字证书申请表.pdf" if self.current == "form" else "公章印模采集页.pdf"
        target = dialogs.ask_save_path(self, self.tr("Save as PDF"),
                                       str(Path.home() / default))
        if not target:
            return
        if Path(target).exists() and not dialogs.ask_yes_no(
                self, self.tr("Replace file?"),
                self.tr("%1 already exists. Replace it?").replace("%1", target)):
            return
        try:
            save_pdf(data, target)
        except OSError as exc:
            show_error(self, exc)
            return
        self.status.setText(self.tr("Saved to %1").replace("%1", target))
