"""The seal tool on a PdfView: a translucent seal follows the mouse; click or drag places it.

A click places a seal of the default diameter (42 mm) centred on the click; a drag places a
square seal spanning the drag. The result is a page index and a rectangle in that page's PDF
user space (points, origin bottom-left), clamped inside the page. Enter places the seal in the
middle of the visible page (keyboard use); Esc cancels.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter, QPen

from cgn_seal_desktop.ui.viewer import PdfMouseEvent, PdfView

__all__ = ["SealTool", "placeholder_seal_image"]

_DRAG_MIN_PX = 8.0  # a shorter drag is a click


def placeholder_seal_image(size: int = 256) -> QImage:
    """A red ring with a star, shown while the certificate's own seal is not known yet."""
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    red = QColor(0xD0, 0x1F, 0x1F)
    p.setPen(QPen(red, size * 0.045))
    m = size * 0.05
    p.drawEllipse(QRectF(m, m, size - 2 * m, size - 2 * m))
    from cgn_seal_desktop.ui.icon_art import star_path

    p.fillPath(star_path(size / 2, size / 2, size * 0.17), red)
    p.end()
    return img


class SealTool(QObject):
    """Attach to a view with :meth:`activate`; emits ``placed(page_index, rect)`` once."""

    placed = Signal(int, object)  #: 0-based page index, (x0, y0, x1, y1) in PDF points
    cancelled = Signal()

    def __init__(self, view: PdfView) -> None:
        super().__init__(view)
        self._view = view
        self._active = False
        self._image = placeholder_seal_image()
        self.diameter_mm = 42.0
        self._hover: tuple[int, QPointF] | None = None
        self._press: tuple[int, QPointF] | None = None
        self._drag: QPointF | None = None
        view.overlay_paint.connect(self._paint)
        view.mouse_hovered.connect(self._on_hover)
        view.mouse_pressed.connect(self._on_press)
        view.mouse_moved.connect(self._on_move)
        view.mouse_released.connect(self._on_release)
        view.installEventFilter(self)

    def is_active(self) -> bool:
        return self._active

    def set_image(self, image: QImage) -> None:
        """The seal picture to preview (its own aspect ratio is kept)."""
        self._image = image
        self._view.refresh_overlays()

    def image(self) -> QImage:
        return self._image

    def activate(self) -> None:
        self._active = True
        self._press = self._drag = None
        self._view.viewport().setCursor(Qt.CursorShape.CrossCursor)
        self._view.setFocus()
        self._view.refresh_overlays()

    def deactivate(self) -> None:
        self._active = False
        self._hover = self._press = self._drag = None
        self._view.viewport().unsetCursor()
        self._view.refresh_overlays()

    # --- geometry ---------------------------------------------------------------------------

    def _default_rect(self, centre: QPointF) -> QRectF:
        side_h = self.diameter_mm * 72.0 / 25.4 * self._view.scale()  # mm → pt
        aspect = self._image.width() / max(1, self._image.height())
        w = side_h * aspect
        return QRectF(centre.x() - w / 2, centre.y() - side_h / 2, w, side_h)

    def _drag_rect(self, start: QPointF, end: QPointF) -> QRectF:
        side = max(abs(end.x() - start.x()), abs(end.y() - start.y()))
        x = start.x() if end.x() >= start.x() else start.x() - side
        y = start.y() if end.y() >= start.y() else start.y() - side
        return QRectF(x, y, side, side)

    def _clamped(self, page: int, rect: QRectF) -> QRectF:
        """Move (and if needed shrink) *rect* so it lies inside the page on screen."""
        pr = self._view.page_viewport_rect(page)
        w, h = min(rect.width(), pr.width()), min(rect.height(), pr.height())
        x = min(max(rect.x(), pr.left()), pr.right() - w)
        y = min(max(rect.y(), pr.top()), pr.bottom() - h)
        return QRectF(x, y, w, h)

    def preview_rect(self) -> tuple[int, QRectF] | None:
        """Where the seal would go now (page index, viewport rect), if over a page."""
        if self._press is not None and self._drag is not None:
            page, start = self._press
            return page, self._clamped(page, self._drag_rect(start, self._drag))
        if self._hover is not None:
            page, pos = self._hover
            return page, self._clamped(page, self._default_rect(pos))
        return None

    # --- events -----------------------------------------------------------------------------

    @Slot(object)
    def _on_hover(self, ev: PdfMouseEvent) -> None:
        if not self._active:
            return
        self._hover = (ev.page_index, ev.viewport_pos) if ev.page_index is not None else None
        self._view.refresh_overlays()

    @Slot(object)
    def _on_press(self, ev: PdfMouseEvent) -> None:
        if not self._active or ev.button != Qt.MouseButton.LeftButton or ev.page_index is None:
            return
        self._press = (ev.page_index, ev.viewport_pos)
        self._drag = None

    @Slot(object)
    def _on_move(self, ev: PdfMouseEvent) -> None:
        if not self._active or self._press is None:
            return
        start = self._press[1]
        if (ev.viewport_pos - start).manhattanLength() >= _DRAG_MIN_PX:
            self._drag = ev.viewport_pos
        self._hover = (self._press[0], ev.viewport_pos)
        self._view.refresh_overlays()

    @Slot(object)
    def _on_release(self, ev: PdfMouseEvent) -> None:
        if not self._active or self._press is None or ev.button != Qt.MouseButton.LeftButton:
            return
        page, start = self._press
        if (ev.viewport_pos - start).manhattanLength() >= _DRAG_MIN_PX:
            rect = self._drag_rect(start, ev.viewport_pos)
        else:
            rect = self._default_rect(start)
        rect = self._clamped(page, rect)
        pdf_rect = self._view.viewport_rect_to_pdf(page, rect)
        self.deactivate()
        self.placed.emit(page, pdf_rect)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not (self._active and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)):
            return False
        if event.key() == Qt.Key.Key_Escape:
            self.deactivate()
            self.cancelled.emit()
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.place_at_centre()
            return True
        return False

    def place_at_centre(self) -> None:
        """Keyboard placement: the default-size seal in the middle of the visible current page."""
        page = self._view.current_page()
        if page < 0:
            return
        visible = self._view.page_viewport_rect(page).intersected(
            QRectF(self._view.viewport().rect()))
        if visible.isEmpty():
            return
        rect = self._clamped(page, self._default_rect(visible.center()))
        pdf_rect = self._view.viewport_rect_to_pdf(page, rect)
        self.deactivate()
        self.placed.emit(page, pdf_rect)

    @Slot(QPainter, int, QRectF)
    def _paint(self, painter: QPainter, page: int, _page_rect: QRectF) -> None:
        if not self._active:
            return
        where = self.preview_rect()
        if where is None or where[0] != page:
            return
        rect = where[1]
        painter.setOpacity(0.55)
        painter.drawImage(rect, self._image, QRectF(self._image.rect()))
        painter.setOpacity(1.0)
        pen = QPen(QColor(0xD0, 0x1F, 0x1F), 1, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(rect)
