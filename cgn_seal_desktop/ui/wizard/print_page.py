"""打印申请表: the print-ready PDFs — 申请表 with the entered data, 公章印模采集页, and the 授权书
when the 经办人 is not the 法定代表人 — made with ``documents/``, previewed in the built-in
viewer, printed through Qt's print dialog, saved as PDF. In a test environment (the built-in
sandbox) every page carries the test mark."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from cgn_seal_desktop import paths
from cgn_seal_desktop.documents.application_form import render_application_form
from cgn_seal_desktop.documents.authorisation_letter import render_authorisation_letter
from cgn_seal_desktop.documents.output import save_pdf
from cgn_seal_desktop.documents.seal_impression_page import render_seal_impression_page
from cgn_seal_desktop.portal.print_data import (
    application_form_data,
    authorisation_letter_data,
    needs_authorisation_letter,
    test_marked,
)
from cgn_seal_desktop.portal.wizard.navigation import View
from cgn_seal_desktop.portal.wizard.state import Progress
from cgn_seal_desktop.ui import dialogs
from cgn_seal_desktop.ui.messages import show_error
from cgn_seal_desktop.ui.viewer import PdfView
from cgn_seal_desktop.ui.wizard.common import WizardPage, heading, note
from cgn_seal_desktop.ui.wizard.controller import WizardController
from cgn_seal_desktop.ui.wizard.printing import ask_and_print
from cgn_seal_desktop.ui.workers import run_task

__all__ = ["DOCUMENTS", "PrintFormsPage"]

#: The documents this page makes, in the order of its buttons, with their file names.
DOCUMENTS = {"form": "数字证书申请表.pdf", "seal": "公章印模采集页.pdf", "letter": "授权书.pdf"}


class PrintFormsPage(WizardPage):
    """打印申请表: generate, preview, print, save the forms."""

    def __init__(self, ctl: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(ctl, parent)
        self.box.addWidget(heading(self.tr("Print the application form")))
        self.box.addWidget(note(self.tr(
            "Print each page on plain white A4 paper. The legal representative and the operator "
            "sign the application form; stamp the company seal on every page. Then scan them and "
            "upload them in the next step.")))
        self.letter_note = note(self.tr(
            "The operator is not the legal representative: the legal representative also signs "
            "the authorisation letter, and it is uploaded with the other materials."))
        self.letter_note.setObjectName("letterNote")
        self.letter_note.hide()
        self.box.addWidget(self.letter_note)
        row = QHBoxLayout()
        self.show_form = QPushButton(self.tr("Application form"))
        self.show_form.setObjectName("previewForm")
        self.show_seal = QPushButton(self.tr("Seal impression page"))
        self.show_seal.setObjectName("previewSeal")
        self.show_letter = QPushButton(self.tr("Authorisation letter"))
        self.show_letter.setObjectName("previewLetter")
        self.show_letter.hide()
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printButton")
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("savePdfButton")
        self.next_button = QPushButton(self.tr("Next: upload materials"))
        self.next_button.setObjectName("toMaterials")
        shown = QButtonGroup(self)  # which document the preview, Print and Save are about
        for b in (self.show_form, self.show_seal, self.show_letter):
            b.setCheckable(True)
            shown.addButton(b)
        self.show_form.setChecked(True)
        for b in (self.show_form, self.show_seal, self.show_letter, self.print_button,
                  self.save_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.next_button)
        self.box.addLayout(row)
        self.status = note()
        self.box.addWidget(self.status)
        self.preview: PdfView | None = None  # created on first use (starts render workers)
        self.pdfs: dict[str, bytes] = {}
        self.current = "form"
        self._key: tuple[object, ...] | None = None
        self.show_form.clicked.connect(lambda: self._show("form"))
        self.show_seal.clicked.connect(lambda: self._show("seal"))
        self.show_letter.clicked.connect(lambda: self._show("letter"))
        self.print_button.clicked.connect(self._print)
        self.save_button.clicked.connect(self._save)
        self.next_button.clicked.connect(self._to_materials)

    def _to_materials(self) -> None:
        self.ctl.show_view(View.MATERIALS)

    def show_progress(self, progress: Progress) -> None:
        snap = self.ctl.snapshot
        app = snap.application
        if app is None or snap.account is None or snap.verification is None:
            return
        elements = snap.verification.elements
        account = snap.account
        if elements is None:
            return
        sandbox = self.ctl.scope == "sandbox"
        # Any change of the form, the six elements or the service's kind makes new PDFs.
        key = (app.id, app.updated_at, elements, test_marked(app, sandbox))
        if key == self._key and self.pdfs:
            return
        self._key = key
        letter = needs_authorisation_letter(elements, app)
        self.show_letter.setVisible(letter)
        self.letter_note.setVisible(letter)
        if not letter and self.current == "letter":
            self.current = "form"
        self.status.setText(self.tr("Preparing the forms…"))

        def make() -> dict[str, bytes]:
            data = application_form_data(account, elements, app, sandbox=sandbox)
            pdfs = {"form": render_application_form(data),
                    "seal": render_seal_impression_page(
                        elements.org_name, elements.uscc, test_mark=data.test_mark)}
            if letter:
                pdfs["letter"] = render_authorisation_letter(
                    authorisation_letter_data(elements, app, sandbox=sandbox))
            return pdfs

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
        {"form": self.show_form, "seal": self.show_seal,
         "letter": self.show_letter}[which].setChecked(True)
        if which not in self.pdfs:
            return
        if self.preview is None:
            view = PdfView(self)
            view.setObjectName("formPreview")
            view.setMinimumHeight(300)
            self.box.addWidget(view, 1)
            self.preview = view
        self.preview.open(str(self.pdf_path(which)))

    def _title(self) -> str:
        return {"form": self.tr("Application form"), "seal": self.tr("Seal impression page"),
                "letter": self.tr("Authorisation letter")}[self.current]

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
        default = DOCUMENTS[self.current]
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
