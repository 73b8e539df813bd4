"""The wizard's QR code (identity check, payment): the shared crisp QR painter plus an
"expired" state, greyed out with a note, so nobody scans a dead code, and a test mark under the
code while a test environment (the built-in sandbox) made it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from cgn_seal_desktop.ui.qr_widget import paint_matrix, qr_matrix

__all__ = ["QrCodeWidget", "qr_matrix"]


class QrCodeWidget(QWidget):
    """Shows one payload as a QR code, scaled to the widget; ``set_expired`` veils it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._payload = ""
        self._matrix: list[list[bool]] = []
        self._expired = False
        self._test_mark = False
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def payload(self) -> str:
        return self._payload

    @property
    def expired(self) -> bool:
        return self._expired

    def set_payload(self, payload: str) -> None:
        if payload != self._payload:
            self._payload = payload
            self._matrix = qr_matrix(payload) if payload else []
            self.setAccessibleDescription(payload)
            self._expired = False
        self.update()

    @property
    def test_mark(self) -> bool:
        return self._test_mark

    def set_test_mark(self, marked: bool) -> None:
        """Say under the code that it comes from a test environment and pays/proves nothing."""
        if marked != self._test_mark:
            self._test_mark = marked
            self.update()

    def set_expired(self, expired: bool) -> None:
        if expired != self._expired:
            self._expired = expired
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(220, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._matrix:
            return
        p = QPainter(self)
        band = p.fontMetrics().height() * 1.6 if self._test_mark else 0.0
        side = min(self.width(), self.height() - band)
        top = (self.height() - side - band) / 2
        square = QRectF((self.width() - side) / 2, top, side, side)
        paint_matrix(p, self._matrix, square)
        if self._test_mark:  # under the code, never over it: the code stays readable
            f = p.font()
            f.setBold(True)
            p.setFont(f)
            p.setPen(QColor("#c62828"))
            p.drawText(QRectF(0, square.bottom(), self.width(), band),
                       Qt.AlignmentFlag.AlignCenter, self.tr("TEST / SANDBOX — NOT VALID"))
        if self._expired:
            p.fillRect(square, QColor(255, 255, 255, 200))
            p.setPen(QColor("#c62828"))
            f = p.font()
            f.setPointSizeF(max(9.0, side / 14))
            f.setBold(True)
            p.setFont(f)
            p.drawText(square, Qt.AlignmentFlag.AlignCenter, self.tr("Expired"))
        p.end()
