"""The 盖章自检 toolbar: open, place the seal, seal picture, verify, zoom, and the page number.

Zoom and the page number drive the viewer directly; the page connects the other actions to its
own slots and says, through :meth:`SelfCheckToolbar.update_enabled`, what is possible now.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QSpinBox, QToolBar, QWidget

from cgn_seal_desktop.ui.viewer import PdfView

__all__ = ["SelfCheckToolbar"]


class SelfCheckToolbar(QToolBar):
    """Actions of the self-check page (``act_*``), plus the page spin box of *view*."""

    def __init__(self, view: PdfView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self.setObjectName("selfCheckToolbar")
        self.setIconSize(QSize(20, 20))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.act_open = QAction(self.tr("Open…"), self)
        self.act_open.setToolTip(self.tr("Open a PDF document (Ctrl+O)"))
        self.act_seal = QAction(self.tr("Place seal"), self)
        self.act_seal.setObjectName("actPlaceSeal")
        self.act_seal.setShortcut(QKeySequence("Ctrl+M"))
        self.act_seal.setToolTip(self.tr("Place the seal with the mouse, then sign with the UKEY "
                                         "(Ctrl+M)"))
        self.act_image = QAction(self.tr("Seal image…"), self)
        self.act_image.setToolTip(self.tr("Use a seal picture from a file instead of the default "
                                          "seal drawn from the certificate"))
        self.act_default_image = QAction(self.tr("Default seal"), self)
        self.act_verify = QAction(self.tr("Verify all"), self)
        self.act_verify.setShortcut(QKeySequence("F5"))
        keys = QKeySequence.StandardKey
        self.act_zoom_in = QAction(self.tr("Zoom in"), self)
        self.act_zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence(keys.ZoomIn)])
        self.act_zoom_in.triggered.connect(view.zoom_in)
        self.act_zoom_out = QAction(self.tr("Zoom out"), self)
        self.act_zoom_out.setShortcuts([QKeySequence("Ctrl+-"), QKeySequence(keys.ZoomOut)])
        self.act_zoom_out.triggered.connect(view.zoom_out)
        self.act_fit_width = QAction(self.tr("Fit width"), self)
        self.act_fit_width.triggered.connect(view.fit_width)
        self.act_fit_page = QAction(self.tr("Fit page"), self)
        self.act_fit_page.triggered.connect(view.fit_page)

        self.addAction(self.act_open)
        self.addSeparator()
        for a in (self.act_seal, self.act_image, self.act_default_image):
            self.addAction(a)
        self.addSeparator()
        self.addAction(self.act_verify)
        self.addSeparator()
        for a in self.view_actions():
            self.addAction(a)
        self.addSeparator()
        self.addWidget(QLabel(self.tr("Page ")))
        self.page_spin = QSpinBox(self)
        self.page_spin.setObjectName("pageSpin")
        self.page_spin.setAccessibleName(self.tr("Go to page"))
        self.page_spin.setMinimum(1)
        self.page_spin.editingFinished.connect(
            lambda: view.go_to_page(self.page_spin.value() - 1))
        self.addWidget(self.page_spin)
        self.page_total = QLabel(" / 0")
        self.addWidget(self.page_total)
        view.current_page_changed.connect(self._show_page)

    def view_actions(self) -> tuple[QAction, ...]:
        """Zoom in, zoom out, fit width, fit page (enabled while a document is shown)."""
        return (self.act_zoom_out, self.act_zoom_in, self.act_fit_width, self.act_fit_page)

    def set_page_count(self, pages: int) -> None:
        self.page_spin.setMaximum(max(1, pages))
        self.page_total.setText(f" / {pages}")

    def update_enabled(self, *, document_open: bool, sealing: bool) -> None:
        """Enable what makes sense: sealing needs an open document and no sealing under way."""
        self.act_seal.setEnabled(document_open and not sealing)
        self.act_verify.setEnabled(document_open)
        for a in self.view_actions():
            a.setEnabled(document_open)

    @Slot(int)
    def _show_page(self, index: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(index + 1)
        self.page_spin.blockSignals(False)
