"""The side panel of 盖章自检: every seal of the open document with its verdict.

Also the page's empty state (what to do before a document is open).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cgn_seal_desktop.errors import CgnSealError
from cgn_seal_desktop.seal.report import VerificationReport
from cgn_seal_desktop.ui.messages import error_message, status_text
from cgn_seal_desktop.ui.selfcheck.verify_dialog import INVALID_COLOR, VALID_COLOR

__all__ = ["EmptyState", "SignaturePanel"]


class _ReportError(CgnSealError):
    """Carries a verification report's ``error_code`` to the message table."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class SignaturePanel(QWidget):
    """Summary line plus one row per seal; ``activated(field)`` on double-click / Enter."""

    activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePanel")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        title = QLabel(self.tr("Seals in this document"), self)
        title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        lay.addWidget(title)
        self.summary = QLabel(self)
        self.summary.setObjectName("verifySummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.sig_list = QListWidget(self)
        self.sig_list.setObjectName("signatureList")
        self.sig_list.setAccessibleName(self.tr("Seals in this document"))
        self.sig_list.itemActivated.connect(
            lambda item: self.activated.emit(item.data(Qt.ItemDataRole.UserRole)))
        lay.addWidget(self.sig_list, 1)
        hint = QLabel(self.tr("Tip: point at a seal on the page and click “Verify seal”."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        lay.addWidget(hint)
        self.setMinimumWidth(170)

    def clear(self, summary: str = "") -> None:
        self.sig_list.clear()
        self.summary.setText(summary)

    def show_report(self, report: VerificationReport) -> None:
        """One row per seal (organisation, verdict, page) and a summary sentence."""
        self.sig_list.clear()
        for s in report.signatures:
            text = f"{s.organization or s.signer or s.field}\n{status_text(s.status)}"
            if s.page:
                text += "  ·  " + self.tr("page %1").replace("%1", str(s.page))
            item = QListWidgetItem(text, self.sig_list)
            item.setData(Qt.ItemDataRole.UserRole, s.field)
            item.setForeground(QColor(VALID_COLOR if s.status == "valid" else INVALID_COLOR))
        if report.error_code:
            title, todo = error_message(_ReportError(report.error_code))
            self.summary.setText(f"{title}. {todo}")
        elif not report.signatures:
            self.summary.setText(self.tr("This document has no seal yet."))
        elif report.verdict == "valid":
            self.summary.setText(self.tr("All %1 seal(s) are valid.").replace(
                "%1", str(len(report.signatures))))
        else:
            self.summary.setText(self.tr("Some seals are not valid. Click a seal for details."))


class EmptyState(QWidget):
    """Shown while no document is open: the four steps and a big "Open PDF" button."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        title = QLabel(self.tr("Seal self-check"), self)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 20pt; font-weight: bold; color: #333;")
        lay.addWidget(title)
        lay.addSpacing(8)
        steps = QLabel(self.tr(
            "1. Open a PDF document\n2. Insert the UKEY\n3. Click “Place seal”, put the seal on "
            "the page and enter the PIN\n4. Point at the seal and click “Verify seal” — the "
            "result should be “Signature valid”"), self)
        steps.setAlignment(Qt.AlignmentFlag.AlignCenter)
        steps.setStyleSheet("font-size: 11pt; color: #555;")
        lay.addWidget(steps)
        lay.addSpacing(16)
        row = QHBoxLayout()
        row.addStretch(1)
        self.open_button = QPushButton(self.tr("Open PDF…"), self)
        self.open_button.setObjectName("openPdfButton")
        self.open_button.setMinimumSize(160, 40)
        self.open_button.setStyleSheet(
            "QPushButton { background: #c62828; color: white; font-size: 11pt; border: none;"
            " border-radius: 4px; padding: 6px 18px; } QPushButton:hover { background: #a31515; }")
        self.open_button.clicked.connect(self.open_requested)
        row.addWidget(self.open_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(2)
