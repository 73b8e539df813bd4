"""盖章自检: view a PDF, place the seal, sign with the UKEY, and verify every seal on it.

The page puts the pieces of this package together: the viewer with its thumbnails, the toolbar
(``toolbar``), the mouse tool that places the seal (``placement``) with the seal's picture
(``seal_picture``), the dialogs and the signing thread after placing (``sealing_steps``), and the
verification (``verification``) whose report feeds the side panel (``signature_panel``) and the
seals on the pages (``signature_overlay``). Verification runs offline in a worker as soon as a
document opens; clicking a seal verifies the file again and shows the verdict. While the page is
visible a :class:`~cgn_seal_desktop.ui.token_watch.TokenWatcher` follows the UKEYs plugged in
and pulled out (the toolbar says which one is there; the PIN dialog follows it too).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from cgn_seal_desktop.documents.errors import DocumentError
from cgn_seal_desktop.errors import CgnSealError
from cgn_seal_desktop.seal.report import SignatureReport, VerificationReport
from cgn_seal_desktop.settings import Settings
from cgn_seal_desktop.ui import dialogs
from cgn_seal_desktop.ui.messages import error_message, show_error, status_text
from cgn_seal_desktop.ui.selfcheck.placement import SealTool
from cgn_seal_desktop.ui.selfcheck.save_as import save_copy
from cgn_seal_desktop.ui.selfcheck.seal_picture import SealPicture
from cgn_seal_desktop.ui.selfcheck.sealing_steps import (
    SealingInput,
    SealingSteps,
    default_output_path,
)
from cgn_seal_desktop.ui.selfcheck.signature_overlay import SignatureOverlay
from cgn_seal_desktop.ui.selfcheck.signature_panel import EmptyState, SignaturePanel
from cgn_seal_desktop.ui.selfcheck.toolbar import SelfCheckToolbar
from cgn_seal_desktop.ui.selfcheck.verification import Verifier
from cgn_seal_desktop.ui.selfcheck.verify_dialog import VerificationDialog
from cgn_seal_desktop.ui.token_watch import TokenWatcher
from cgn_seal_desktop.ui.ukey_dialogs import ukey_kind_text
from cgn_seal_desktop.ui.viewer import PdfView, ThumbnailList
from cgn_seal_desktop.ukey.model import PinState, TokenInfo

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
        self._password: str | None = None  # of an encrypted PDF, for signing and verifying

        self.view = PdfView(self, warm_up=False)  # ui.app warms the workers after first paint
        self.view.setObjectName("pdfView")
        self.thumbs = ThumbnailList(self)
        self.thumbs.set_view(self.view)
        self.thumbs.setMinimumWidth(110)
        self.thumbs.setMaximumWidth(220)
        self.seal_tool = SealTool(self.view)
        self.seal_tool.diameter_mm = settings.seal_diameter_mm
        self.picture = SealPicture(settings, self)
        self.overlay = SignatureOverlay(self.view)
        self.sealing = SealingSteps(settings, self)
        self.verifier = Verifier(settings, self)

        self.toolbar = tb = SelfCheckToolbar(self.view, self)
        # The window's menus share these actions.
        self.act_open, self.act_seal, self.act_verify = tb.act_open, tb.act_seal, tb.act_verify
        self.act_image, self.act_default_image = tb.act_image, tb.act_default_image
        self.act_zoom_in, self.act_zoom_out = tb.act_zoom_in, tb.act_zoom_out
        self.act_fit_width, self.act_fit_page = tb.act_fit_width, tb.act_fit_page
        self.watcher = TokenWatcher(settings, self, with_certificates=False)
        self.watcher.changed.connect(self._show_ukeys)
        self.sealing.watch(self.watcher)
        spacer = QWidget(tb)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        self.ukey_label = QLabel(tb)
        self.ukey_label.setObjectName("ukeyStatus")
        self.ukey_label.setContentsMargins(8, 0, 8, 0)
        tb.addWidget(self.ukey_label)
        self.panel = SignaturePanel(self)
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

        tb.act_open.triggered.connect(self.ask_open)
        tb.act_seal.triggered.connect(self.start_seal_tool)
        tb.act_image.triggered.connect(self.picture.choose_file)
        tb.act_default_image.triggered.connect(
            lambda: self.picture.use_default(preview_now=self.seal_tool.is_active()))
        tb.act_verify.triggered.connect(self.verify_now)
        self.view.document_opened.connect(self._on_opened)
        self.view.open_failed.connect(self._on_open_failed)
        self.view.password_required.connect(self._on_password)
        self.view.render_failed.connect(self._on_render_failed)
        self.picture.preview_changed.connect(self.seal_tool.set_image)
        self.picture.status.connect(self.status_message)
        self.seal_tool.placed.connect(self._on_placed)
        self.seal_tool.cancelled.connect(self._on_tool_cancelled)
        self.overlay.verify_requested.connect(self.verify_signature)
        self.panel.activated.connect(self.verify_signature)
        self.sealing.signed.connect(self._on_signed)
        self.sealing.ended.connect(self._update_actions)
        self.sealing.status.connect(self.status_message)
        self.verifier.report_ready.connect(self._on_report)
        self.verifier.report_failed.connect(
            lambda exc: self.panel.clear(error_message(exc)[0]))
        self.verifier.seal_verified.connect(self._on_seal_verified)
        self.verifier.seal_failed.connect(lambda exc: show_error(self, exc))
        self._update_actions()

    # --- UKEYs ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.watcher.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.watcher.stop()
        super().hideEvent(event)

    @Slot(object)
    def _show_ukeys(self, tokens: tuple[TokenInfo, ...]) -> None:
        """Say in the toolbar which UKEY is inserted (or that none is)."""
        if not tokens:
            text, color = self.tr("No UKEY inserted"), "#666666"
            tip = self.tr("Insert the UKEY to seal. It is noticed by itself.")
        else:
            labels = ", ".join(t.label for t in tokens)
            text = self.tr("UKEY: %1").replace("%1", labels)
            locked = [t for t in tokens if t.pin_state is PinState.LOCKED]
            color = "#b3261e" if len(locked) == len(tokens) else "#1e7e34"
            if locked:
                text += " — " + self.tr("PIN locked")
            tip = "\n".join(f"{t.label}: {ukey_kind_text(t)}, {t.manufacturer} {t.model}"
                            for t in tokens)
        self.ukey_label.setText(text)
        self.ukey_label.setStyleSheet(f"color: {color};")
        self.ukey_label.setToolTip(tip)

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
        self.toolbar.set_page_count(pages)
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

    def _update_actions(self) -> None:
        self.toolbar.update_enabled(document_open=self.view.is_open() and self._path is not None,
                                    sealing=self.sealing.is_busy())

    @Slot()
    def save_copy(self) -> None:
        """Save a copy of the open file under a new name (never over the original); a worker
        writes it, ``copy_saved(Path)`` when done."""
        if self._path is None:
            return
        proposal = (default_output_path(self._path)
                    if self._report and self._report.signatures else self._path)

        def saved(target: Path) -> None:
            self.status_message.emit(self.tr("Copy saved: %1").replace("%1", target.name))
            self.copy_saved.emit(target)

        save_copy(self, self._path, proposal, saved)

    # --- sealing ----------------------------------------------------------------------------

    @Slot()
    def start_seal_tool(self) -> None:
        if not self.view.is_open() or self.sealing.is_busy():
            return
        self.overlay.enabled = False
        self.seal_tool.activate()
        if self.picture.needs_preview:
            self.picture.load_default_preview()
        self.status_message.emit(self.tr("Click on the page to place the seal, or drag to size "
                                         "it. Enter places it mid-page; Esc cancels."))

    @Slot(int, object)
    def _on_placed(self, page_index: int, rect: tuple[float, float, float, float]) -> None:
        self.overlay.enabled = True
        if self._path is None:
            return
        self.sealing.start(SealingInput(self._path, page_index, rect,
                                        self.picture.appearance_pdf, self._password))
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
        self.panel.summary.setText(self.tr("Verifying…"))
        self.verifier.verify(self._path, self._password)

    @Slot(object)
    def _on_report(self, report: VerificationReport) -> None:
        self._report = report
        self.overlay.set_signatures(report.signatures)
        self.panel.show_report(report)
        self.report_ready.emit(report)

    @Slot(str)
    def verify_signature(self, field: str) -> None:
        """Verify the file again (worker) and show the dialog for seal *field*."""
        if self._path is None or not field:
            return
        self.status_message.emit(self.tr("Verifying the seal…"))
        self.verifier.verify_seal(self._path, self._password, field)

    def _on_seal_verified(self, path: Path, report: VerificationReport,
                          rep: SignatureReport | None) -> None:
        if path != self._path:
            return
        if rep is None:
            show_error(self, CgnSealError("The seal is no longer in the document"))
            return
        self._on_report(report)
        self.show_verification(rep)

    def show_verification(self, rep: SignatureReport) -> None:
        dlg = VerificationDialog(rep, self)
        self.verification_shown.emit(dlg)
        self.status_message.emit(status_text(rep.status))
        dialogs.exec_dialog(dlg)
        dlg.deleteLater()
