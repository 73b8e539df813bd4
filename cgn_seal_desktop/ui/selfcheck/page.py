"""盖章自检: view a PDF, place the seal, sign with the UKEY, and verify every seal on it.

Verification runs offline in a worker as soon as a document opens; its report feeds the side
panel and the page overlays. Clicking a seal verifies the file again and shows the verdict.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from cgn_seal_desktop.documents.errors import DocumentError
from cgn_seal_desktop.errors import CgnSealError
from cgn_seal_desktop.fsutil import copy_file
from cgn_seal_desktop.seal.errors import OutputExistsError, SealImageError
from cgn_seal_desktop.seal.report import SignatureReport, VerificationReport
from cgn_seal_desktop.settings import Settings
from cgn_seal_desktop.ui import dialogs
from cgn_seal_desktop.ui.messages import error_message, show_error, status_text
from cgn_seal_desktop.ui.selfcheck.placement import SealTool, placeholder_seal_image
from cgn_seal_desktop.ui.selfcheck.save_as import ask_target
from cgn_seal_desktop.ui.selfcheck.sealing_steps import (
    SealingInput,
    SealingSteps,
    default_output_path,
)
from cgn_seal_desktop.ui.selfcheck.signature_overlay import SignatureOverlay
from cgn_seal_desktop.ui.selfcheck.signature_panel import EmptyState, SignaturePanel
from cgn_seal_desktop.ui.selfcheck.verify_dialog import VerificationDialog
from cgn_seal_desktop.ui.viewer import PdfView, ThumbnailList
from cgn_seal_desktop.ui.workers import run_task

__all__ = ["SelfCheckPage"]

log = logging.getLogger(__name__)


class SelfCheckPage(QWidget):
    """The seal self-check page. ``file_opened(str)`` after a document is shown."""

    file_opened = Signal(str)
    status_message = Signal(str)
    report_ready = Signal(object)  #: VerificationReport of the open file
    verification_shown = Signal(object)  #: the VerificationDialog, before it is executed
    copy_saved = Signal(object)  #: Path of a copy written by :meth:`save_copy`

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selfCheckPage")
        self._settings = settings
        self._path: Path | None = None
        self._report: VerificationReport | None = None
        self._appearance_pdf: bytes | None = None  # None = default seal of the certificate
        self._password: str | None = None  # of an encrypted PDF, for signing and verifying
        self._preview_org: str | None = None  # organisation the default seal preview shows
        self._verify_generation = 0
        self._image_choice = 0  # bumps with each seal picture choice; late answers are dropped

        self.view = PdfView(self, warm_up=False)  # ui.app warms the workers after first paint
        self.view.setObjectName("pdfView")
        self.thumbs = ThumbnailList(self)
        self.thumbs.set_view(self.view)
        self.thumbs.setMinimumWidth(110)
        self.thumbs.setMaximumWidth(220)
        self.seal_tool = SealTool(self.view)
        self.overlay = SignatureOverlay(self.view)
        self.sealing = SealingSteps(settings, self)
        self.seal_tool.diameter_mm = settings.seal_diameter_mm

        self.toolbar = self._make_toolbar()
        self.panel = SignaturePanel(self)
        self.panel.activated.connect(self.verify_signature)
        self.sig_list = self.panel.sig_list  # the rows, one per seal
        empty = EmptyState(self)
        empty.open_requested.connect(self.ask_open)
        self.open_button = empty.open_button
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.thumbs)
        splitter.addWidget(self.view)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 700, 260])
        self.stack = QStackedWidget(self)
        self.stack.addWidget(empty)
        self.stack.addWidget(splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.stack, 1)

        self.view.document_opened.connect(self._on_opened)
        self.view.open_failed.connect(self._on_open_failed)
        self.view.password_required.connect(self._on_password)
        self.view.current_page_changed.connect(self._on_page_changed)
        self.view.render_failed.connect(self._on_render_failed)
        self.seal_tool.placed.connect(self._on_placed)
        self.seal_tool.cancelled.connect(self._on_tool_cancelled)
        self.overlay.verify_requested.connect(self.verify_signature)
        self.sealing.signed.connect(self._on_signed)
        self.sealing.ended.connect(self._update_actions)
        self.sealing.status.connect(self.status_message)
        self._update_actions()

    # --- construction -----------------------------------------------------------------------

    def _make_toolbar(self) -> QToolBar:
        tb = QToolBar(self)
        tb.setObjectName("selfCheckToolbar")
        tb.setIconSize(QSize(20, 20))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.act_seal = QAction(self.tr("Place seal"), self)
        self.act_seal.setObjectName("actPlaceSeal")
        self.act_seal.setShortcut(QKeySequence("Ctrl+M"))
        self.act_seal.setToolTip(self.tr("Place the seal with the mouse, then sign with the UKEY "
                                         "(Ctrl+M)"))
        self.act_seal.triggered.connect(self.start_seal_tool)
        self.act_image = QAction(self.tr("Seal image…"), self)
        self.act_image.setToolTip(self.tr("Use a seal picture from a file instead of the default "
                                          "seal drawn from the certificate"))
        self.act_image.triggered.connect(self.choose_seal_image)
        self.act_default_image = QAction(self.tr("Default seal"), self)
        self.act_default_image.triggered.connect(self.use_default_seal)
        self.act_verify = QAction(self.tr("Verify all"), self)
        self.act_verify.setShortcut(QKeySequence("F5"))
        self.act_verify.triggered.connect(self.verify_now)
        self.act_zoom_in = QAction(self.tr("Zoom in"), self)
        keys = QKeySequence.StandardKey
        self.act_zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence(keys.ZoomIn)])
        self.act_zoom_in.triggered.connect(self.view.zoom_in)
        self.act_zoom_out = QAction(self.tr("Zoom out"), self)
        self.act_zoom_out.setShortcuts([QKeySequence("Ctrl+-"), QKeySequence(keys.ZoomOut)])
        self.act_zoom_out.triggered.connect(self.view.zoom_out)
        self.act_fit_width = QAction(self.tr("Fit width"), self)
        self.act_fit_width.triggered.connect(self.view.fit_width)
        self.act_fit_page = QAction(self.tr("Fit page"), self)
        self.act_fit_page.triggered.connect(self.view.fit_page)
        self.act_open = QAction(self.tr("Open…"), self)
        self.act_open.setToolTip(self.tr("Open a PDF document (Ctrl+O)"))
        self.act_open.triggered.connect(self.ask_open)
        tb.addAction(self.act_open)
        tb.addSeparator()
        for a in (self.act_seal, self.act_image, self.act_default_image):
            tb.addAction(a)
        tb.addSeparator()
        tb.addAction(self.act_verify)
        tb.addSeparator()
        for a in (self.act_zoom_out, self.act_zoom_in, self.act_fit_width, self.act_fit_page):
            tb.addAction(a)
        tb.addSeparator()
        tb.addWidget(QLabel(self.tr("Page ")))
        self.page_spin = QSpinBox(self)
        self.page_spin.setObjectName("pageSpin")
        self.page_spin.setAccessibleName(self.tr("Go to page"))
        self.page_spin.setMinimum(1)
        self.page_spin.editingFinished.connect(
            lambda: self.view.go_to_page(self.page_spin.value() - 1))
        tb.addWidget(self.page_spin)
        self.page_total = QLabel(" / 0")
        tb.addWidget(self.page_total)
        return tb

    # --- documents --------------------------------------------------------------------------

    def current_path(self) -> Path | None:
        return self._path

    def report(self) -> VerificationReport | None:
        return self._report

    @Slot()
    def ask_open(self) -> None:
        directory = str(self._path.parent) if self._path else ""
        name = dialogs.ask_open_pdf(self, directory)
        if name:
            self.open_file(name)

    def open_file(self, path: str | Path, password: str | None = None) -> None:
        """Show *path* (answer: ``file_opened`` or an error message)."""
        self.seal_tool.deactivate()
        self.overlay.enabled = True
        self._path = Path(path)
        self._password = password
        self._report = None
        self.overlay.clear()
        self.panel.clear(self.tr("Opening…"))
        self.stack.setCurrentIndex(1)
        self.view.open(str(path), password)
        self._update_actions()

    def close_file(self) -> None:
        self.seal_tool.deactivate()
        self.overlay.enabled = True
        self.view.close_document()
        self._path = self._report = None
        self.overlay.clear()
        self.panel.clear()
        self.stack.setCurrentIndex(0)
        self._update_actions()

    @Slot(int)
    def _on_opened(self, pages: int) -> None:
        self.page_spin.setMaximum(max(1, pages))
        self.page_total.setText(f" / {pages}")
        self._update_actions()
        if self._path is not None:
            self.file_opened.emit(str(self._path))
            self.verify_now()

    @Slot(object)
    def _on_open_failed(self, error: DocumentError) -> None:
        self._path = None
        self.panel.clear()
        self.stack.setCurrentIndex(0)
        self._update_actions()
        show_error(self, error)

    @Slot(str, bool)
    def _on_password(self, path: str, wrong: bool) -> None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        dlg = QInputDialog(self)
        dlg.setObjectName("pdfPasswordDialog")
        dlg.setWindowTitle(self.tr("Password-protected PDF"))
        dlg.setLabelText(self.tr("Wrong password. Enter it again:") if wrong
                         else self.tr("This PDF is protected. Enter its password:"))
        dlg.setTextEchoMode(QLineEdit.EchoMode.Password)
        if dialogs.exec_dialog(dlg) == 1 and dlg.textValue():
            self._password = dlg.textValue()
            dlg.setTextValue("")
            self.view.open(path, self._password)
        else:
            self.close_file()

    @Slot(int, object)
    def _on_render_failed(self, page: int, error: DocumentError) -> None:
        # One bad page must not interrupt reading the rest: say it in the status bar only.
        title = error_message(error)[0]
        self.status_message.emit(self.tr("Page %1: %2").replace("%1", str(page + 1))
                                 .replace("%2", title))

    @Slot(int)
    def _on_page_changed(self, index: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(index + 1)
        self.page_spin.blockSignals(False)

    def _update_actions(self) -> None:
        is_open = self.view.is_open() and self._path is not None
        busy = self.sealing.is_busy()
        self.act_seal.setEnabled(is_open and not busy)
        self.act_verify.setEnabled(is_open)
        for a in (self.act_zoom_in, self.act_zoom_out, self.act_fit_width, self.act_fit_page):
            a.setEnabled(is_open)

    def save_copy(self) -> None:
        """Save a copy of the open file under a new name (never over the original); a worker
        writes it (streamed, atomically), ``copy_saved(Path)`` when done."""
        if self._path is None:
            return
        source = self._path
        proposal = (default_output_path(source) if self._report and self._report.signatures
                    else source)
        answer = ask_target(self, self.tr("Save a copy"), source, proposal,
                            replace_question=self.tr("%1 already exists. Replace it?"))
        if answer is None:
            return
        target, overwrite = answer

        def work() -> Path:
            try:
                copy_file(source, target, overwrite=overwrite)
            except FileExistsError:
                raise OutputExistsError(f"{target.name} already exists") from None
            except OSError:
                raise CgnSealError("Cannot write the copy") from None
            return target

        def done(saved: Path) -> None:
            self.status_message.emit(self.tr("Copy saved: %1").replace("%1", saved.name))
            self.copy_saved.emit(saved)

        run_task(work, done, lambda exc: show_error(self, exc), context=self)

    # --- sealing ----------------------------------------------------------------------------

    @Slot()
    def start_seal_tool(self) -> None:
        if not self.view.is_open() or self.sealing.is_busy():
            return
        self.overlay.enabled = False
        self.seal_tool.activate()
        if self._appearance_pdf is None and self._preview_org is None:
            self._load_default_preview()
        self.status_message.emit(self.tr("Click on the page to place the seal, or drag to size "
                                         "it. Enter places it mid-page; Esc cancels."))

    @Slot()
    def choose_seal_image(self) -> None:
        """Use a seal picture from a file: read, checked and turned into the seal's PDF by a
        worker (a large picture takes a while); the preview follows when it is ready."""
        name = dialogs.ask_open_file(self, self.tr("Choose the seal image"),
                                     self.tr("Images (*.png *.jpg *.jpeg)"))
        if not name:
            return
        path = Path(name)
        self._image_choice += 1
        choice = self._image_choice

        def work() -> tuple[bytes, QImage]:
            from cgn_seal_desktop.seal.appearance import image_to_seal_pdf

            try:
                data = path.read_bytes()
            except OSError:
                raise SealImageError() from None
            pdf = image_to_seal_pdf(data)
            image = QImage.fromData(data)  # QImage (unlike QPixmap) may be made off the GUI
            if image.isNull():
                raise SealImageError()
            return pdf, image

        def done(result: tuple[bytes, QImage]) -> None:
            if choice != self._image_choice:  # another picture, or the default, chosen since
                return
            self._appearance_pdf, image = result
            self.seal_tool.set_image(image)
            self.status_message.emit(self.tr("Seal image: %1").replace("%1", path.name))

        def failed(exc: BaseException) -> None:
            show_error(self, exc if isinstance(exc, SealImageError) else SealImageError())

        run_task(work, done, failed, context=self)

    @Slot()
    def use_default_seal(self) -> None:
        self._image_choice += 1
        self._appearance_pdf = None
        self._preview_org = None
        self.seal_tool.set_image(placeholder_seal_image())
        if self.seal_tool.is_active():
            self._load_default_preview()

    def _load_default_preview(self) -> None:
        """Preview the seal drawn from the certificate's organisation, when that is unambiguous.

        Lists the UKEYs in a worker; with several organisations the neutral placeholder stays
        (the seal itself is still drawn from the certificate chosen later).
        """
        settings = self._settings

        def work() -> tuple[str, bytes] | None:
            # Only a glance: if the UKEY is busy (signing), keep the placeholder.
            from cgn_seal_desktop.ukey.service import list_all_tokens, signing_choices

            tokens = list_all_tokens(settings.module_path, wait_s=0.2)
            if tokens is None:
                return None
            choices = signing_choices(tokens)
            orgs = {c.owner for c in choices}
            if len(orgs) != 1:
                return None
            org = orgs.pop()
            from cgn_seal_desktop.seal.appearance import default_seal_png

            return org, default_seal_png(org, diameter_mm=settings.seal_diameter_mm, dpi=150)

        def done(found: tuple[str, bytes] | None) -> None:
            if found is None or self._appearance_pdf is not None:
                return
            image = QImage.fromData(found[1])
            if not image.isNull():
                self._preview_org = found[0]
                self.seal_tool.set_image(image)

        # No UKEY yet: the placeholder stays.
        run_task(work, done, lambda _exc: None, context=self)

    @Slot(int, object)
    def _on_placed(self, page_index: int, rect: tuple[float, float, float, float]) -> None:
        self.overlay.enabled = True
        if self._path is None:
            return
        self.sealing.start(SealingInput(self._path, page_index, rect, self._appearance_pdf,
                                     self._password))
        self._update_actions()

    @Slot()
    def _on_tool_cancelled(self) -> None:
        self.overlay.enabled = True
        self.status_message.emit(self.tr("Sealing cancelled"))

    @Slot(object)
    def _on_signed(self, output: Path) -> None:
        self.open_file(output, self._password)

    # --- verification -----------------------------------------------------------------------

    @Slot()
    def verify_now(self) -> None:
        """Verify the open file in a worker; the side panel and overlays follow the report."""
        if self._path is None:
            return
        self._verify_generation += 1
        generation, path, settings = self._verify_generation, self._path, self._settings
        password = self._password
        self.panel.summary.setText(self.tr("Verifying…"))

        def work() -> VerificationReport:
            from cgn_seal_desktop.seal.trust import trust_store_for
            from cgn_seal_desktop.seal.verify import verify_pdf

            return verify_pdf(path, trust_store_for(settings), password=password)

        run_task(work, lambda rep: self._on_report(generation, rep),
                 lambda exc: self._on_report_failed(generation, exc), context=self)

    def _on_report(self, generation: int, report: VerificationReport) -> None:
        if generation != self._verify_generation:
            return
        self._report = report
        self.overlay.set_signatures(report.signatures)
        self.panel.show_report(report)
        self.report_ready.emit(report)

    def _on_report_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._verify_generation:
            self.panel.clear(error_message(exc)[0])

    @Slot(str)
    def verify_signature(self, field: str) -> None:
        """Verify the file again (worker) and show the dialog for seal *field*."""
        if self._path is None or not field:
            return
        path, settings, password = self._path, self._settings, self._password
        self.status_message.emit(self.tr("Verifying the seal…"))

        def work() -> VerificationReport:
            from cgn_seal_desktop.seal.trust import trust_store_for
            from cgn_seal_desktop.seal.verify import verify_pdf

            return verify_pdf(path, trust_store_for(settings), password=password)

        def done(report: VerificationReport) -> None:
            if path != self._path:
                return
            rep = next((s for s in report.signatures if s.field == field), None)
            if rep is None:
                show_error(self, CgnSealError("The seal is no longer in the document"))
                return
            self._on_report(self._verify_generation, report)
            self.show_verification(rep)

        run_task(work, done, lambda exc: show_error(self, exc), context=self)

    def show_verification(self, rep: SignatureReport) -> None:
        dlg = VerificationDialog(rep, self)
        self.verification_shown.emit(dlg)
        self.status_message.emit(status_text(rep.status))
        dialogs.exec_dialog(dlg)
        dlg.deleteLater()

