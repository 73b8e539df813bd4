"""The wizard's QR code (identity check, payment): the shared crisp QR painter plus an
"expired" state, greyed out with a note, so nobody scans a dead code."""

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
        side = min(self.width(), self.height())
        square = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        paint_matrix(p, self._matrix, square)
        if self._expired:
            p.fillRect(square, QColor(255, 255, 255, 200))
            p.setPen(QColor("#c62828"))
            f = p.font()
            f.setPointSizeF(max(9.0, side / 14))
            f.setBold(True)
            p.setFont(f)
            p.drawText(square, Qt.AlignmentFlag.AlignCenter, self.tr("Expired"))
        p.end()
