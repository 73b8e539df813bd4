"""A QR code drawn from its module matrix, so it stays sharp at any size and screen density."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

__all__ = ["QrWidget", "qr_image", "qr_matrix"]


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR modules of *payload* (error correction M), including the 4-module quiet zone."""
    import qrcode  # loaded when the first code is drawn

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    qr.add_data(payload)
    qr.make(fit=True)
    return [list(row) for row in qr.get_matrix()]


def paint_matrix(painter: QPainter, matrix: list[list[bool]], rect: QRectF) -> None:
    """Fill *rect* (square) with the matrix: white background, black modules, no smoothing."""
    n = len(matrix)
    painter.fillRect(rect, QColor(Qt.GlobalColor.white))
    if n == 0:
        return
    cell = min(rect.width(), rect.height()) / n
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(Qt.GlobalColor.black))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for y, row in enumerate(matrix):
        x = 0
        while x < n:
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                # Slight overlap hides hairline seams between runs at fractional scales.
                painter.drawRect(QRectF(rect.x() + start * cell, rect.y() + y * cell,
                                        (x - start) * cell + 0.5, cell + 0.5))
            else:
                x += 1


def qr_image(payload: str, pixels: int) -> QImage:
    """The code as a *pixels* × *pixels* image."""
    img = QImage(pixels, pixels, QImage.Format.Format_RGB32)
    p = QPainter(img)
    paint_matrix(p, qr_matrix(payload), QRectF(0, 0, pixels, pixels))
    p.end()
    return img


class QrWidget(QWidget):
    """Square widget showing a QR code for :meth:`payload`."""

    def __init__(self, payload: str = "", parent: QWidget | None = None, side: int = 150) -> None:
        super().__init__(parent)
        self._payload = ""
        self._matrix: list[list[bool]] = []
        self._side = side
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.set_payload(payload)

    def set_payload(self, payload: str) -> None:
        self._payload = payload
        self._matrix = qr_matrix(payload) if payload else []
        self.setAccessibleName(payload)
        self.update()

    def payload(self) -> str:
        return self._payload

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        side = min(self.width(), self.height())
        paint_matrix(p, self._matrix, QRectF((self.width() - side) / 2, 0, side, side))
        p.end()
