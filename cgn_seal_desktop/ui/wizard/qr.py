"""A QR code drawn from its module matrix with QPainter: crisp at any size and DPI."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

__all__ = ["QrCodeWidget", "qr_matrix"]


def qr_matrix(payload: str) -> list[list[bool]]:
    """The module matrix of *payload* (medium error correction, 4-module quiet zone)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(payload)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


class QrCodeWidget(QWidget):
    """Shows one payload as a QR code; greyed out with a note when ``expired``."""

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
        p = QPainter(self)
        side = min(self.width(), self.height())
        p.fillRect(self.rect(), self.palette().window())
        if not self._matrix:
            return
        n = len(self._matrix)
        module = side / n
        x0, y0 = (self.width() - side) / 2, (self.height() - side) / 2
        p.fillRect(QRectF(x0, y0, side, side), QColor("white"))
        dark = QColor("#bbbbbb") if self._expired else QColor("black")
        p.setPen(Qt.PenStyle.NoPen)
        for r, row in enumerate(self._matrix):
            for c, on in enumerate(row):
                if on:
                    # A hair of overlap so antialiased edges never show seams between modules.
                    p.fillRect(QRectF(x0 + c * module, y0 + r * module,
                                      module + 0.5, module + 0.5), dark)
        if self._expired:
            p.setPen(QColor("#c00000"))
            f = p.font()
            f.setPointSizeF(max(9.0, side / 14))
            f.setBold(True)
            p.setFont(f)
            p.drawText(QRectF(x0, y0, side, side), Qt.AlignmentFlag.AlignCenter,
                       self.tr("Expired"))
        p.end()
