"""Signatures drawn on the pages: a frame on each seal, and a "验证印章" button on hover.

Rectangles come from the verification report (page + /Rect of each signature widget). Hovering
a seal shows the button and a tooltip; clicking the seal or the button emits
``verify_requested(field_name)``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QToolButton, QToolTip

from cgn_seal_desktop.seal.report import SignatureReport
from cgn_seal_desktop.ui.viewer import PdfMouseEvent, PdfView

__all__ = ["SignatureOverlay"]

_COLORS = {"valid": QColor(0x1E, 0x7E, 0x34), "pending": QColor(0x80, 0x80, 0x80)}
_BAD = QColor(0xB3, 0x26, 0x1E)


class SignatureOverlay(QObject):
    """Draws the signatures of the open document on a :class:`PdfView` and handles clicks."""

    verify_requested = Signal(str)  #: field name

    def __init__(self, view: PdfView) -> None:
        super().__init__(view)
        self._view = view
        self._sigs: list[SignatureReport] = []
        self._pending = True
        self._hovered: str | None = None
        self._pressed: str | None = None
        self.enabled = True
        self.button = QToolButton(view.viewport())
        self.button.setObjectName("verifySealButton")
        self.button.setText(self.tr("Verify seal"))
        self.button.setToolTip(self.tr("Check this seal's signature"))
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setStyleSheet(
            "QToolButton { background: #c62828; color: white; border-radius: 4px;"
            " padding: 4px 10px; font-weight: bold; }"
            "QToolButton:hover { background: #a31515; }")
        self.button.hide()
        self.button.clicked.connect(self._on_button)
        view.overlay_paint.connect(self._paint)
        view.mouse_hovered.connect(self._on_hover)
        view.mouse_pressed.connect(self._on_press)
        view.mouse_released.connect(self._on_release)
        view.verticalScrollBar().valueChanged.connect(lambda _v: self._place_button())
        view.zoom_changed.connect(lambda _z: self._place_button())

    def set_signatures(self, sigs: list[SignatureReport], *, pending: bool = False) -> None:
        """Show these signatures; *pending* draws them grey (verification still running)."""
        self._sigs = [s for s in sigs if s.page and s.rect]
        self._pending = pending
        if self._hovered not in {s.field for s in self._sigs}:
            self._set_hovered(None)
        self._view.refresh_overlays()

    def clear(self) -> None:
        self.set_signatures([])

    def signatures(self) -> list[SignatureReport]:
        return list(self._sigs)

    def viewport_rect(self, field: str) -> QRectF | None:
        """Where the seal *field* is on screen now (None if not laid out)."""
        for s in self._sigs:
            if s.field == field and s.page and s.rect and self._view.page_count() >= s.page:
                return self._view.pdf_rect_to_viewport(s.page - 1, s.rect)
        return None

    def field_at(self, pos: QPointF) -> str | None:
        """The seal under viewport point *pos*."""
        if not self._view.is_open():
            return None
        for s in self._sigs:
            r = self.viewport_rect(s.field)
            if r is not None and r.contains(pos):
                return s.field
        return None

    # --- events -----------------------------------------------------------------------------

    def _set_hovered(self, field: str | None) -> None:
        if field == self._hovered:
            return
        self._hovered = field
        vp = self._view.viewport()
        if field is None:
            self.button.hide()
            vp.unsetCursor()
        else:
            vp.setCursor(Qt.CursorShape.PointingHandCursor)
            self._place_button()
            self.button.show()
            self.button.raise_()
        self._view.refresh_overlays()

    def _place_button(self) -> None:
        if self._hovered is None:
            return
        r = self.viewport_rect(self._hovered)
        if r is None:
            self._set_hovered(None)
            return
        self.button.adjustSize()
        b = self.button.size()
        x = r.center().x() - b.width() / 2
        y = min(r.bottom() + 4, self._view.viewport().height() - b.height() - 2)
        self.button.move(round(x), round(y))

    @Slot(object)
    def _on_hover(self, ev: PdfMouseEvent) -> None:
        if not self.enabled:
            self._set_hovered(None)
            return
        field = self.field_at(ev.viewport_pos)
        if field is None and self.button.isVisible() and self.button.geometry().contains(
                ev.viewport_pos.toPoint()):
            return
        self._set_hovered(field)
        if field is not None:
            QToolTip.showText(self._view.viewport().mapToGlobal(ev.viewport_pos.toPoint()),
                              self.tr("Verify seal"), self._view.viewport())

    @Slot(object)
    def _on_press(self, ev: PdfMouseEvent) -> None:
        if self.enabled and ev.button == Qt.MouseButton.LeftButton:
            self._pressed = self.field_at(ev.viewport_pos)

    @Slot(object)
    def _on_release(self, ev: PdfMouseEvent) -> None:
        pressed, self._pressed = self._pressed, None
        if not self.enabled or ev.button != Qt.MouseButton.LeftButton or pressed is None:
            return
        if self.field_at(ev.viewport_pos) == pressed:
            self.verify_requested.emit(pressed)

    @Slot()
    def _on_button(self) -> None:
        if self._hovered is not None:
            self.verify_requested.emit(self._hovered)

    @Slot(QPainter, int, QRectF)
    def _paint(self, painter: QPainter, page: int, _page_rect: QRectF) -> None:
        if not self.enabled:
            return
        for s in self._sigs:
            if s.page != page + 1 or s.rect is None:
                continue
            r = self._view.pdf_rect_to_viewport(page, s.rect)
            color = _COLORS["pending"] if self._pending else _COLORS.get(s.status, _BAD)
            hovered = s.field == self._hovered
            pen = QPen(color, 2.0 if hovered else 1.2,
                       Qt.PenStyle.SolidLine if hovered else Qt.PenStyle.DashLine)
            painter.setPen(pen)
            fill = QColor(color)
            fill.setAlpha(28 if hovered else 0)
            painter.setBrush(fill)
            painter.drawRoundedRect(r.adjusted(-2, -2, 2, 2), 4, 4)
