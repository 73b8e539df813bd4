"""The continuous-scrolling PDF page view.

``PdfView`` is a :class:`QAbstractScrollArea` that paints the visible pages itself. Chosen over
QGraphicsView because the view's state is just "one scale + a column of page rectangles": a
custom paint over a :class:`PageLayout` needs no scene items (1,000+ of them), has O(log n) hit
testing, gives exact control of which pages are requested for rendering, and keeps the
viewport ↔ PDF coordinate mapping in one small pure module that tests can check without widgets.

Embedding code (the seal tool, signature overlays) uses the mapping API (:meth:`page_at`,
:meth:`pdf_rect_to_viewport`, ...), the ``overlay_paint`` signal and the ``mouse_*`` signals;
it never needs to subclass this widget.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from cgn_seal_desktop.documents.errors import DocumentError, PasswordRequiredError
from cgn_seal_desktop.documents.render import DocumentInfo, DocumentSource, Matrix6, PageInfo
from cgn_seal_desktop.ui.viewer.page_images import PageImages
from cgn_seal_desktop.ui.viewer.page_layout import (
    PageLayout,
    apply,
    fit_page_scale,
    fit_width_scale,
    invert,
    map_rect,
)
from cgn_seal_desktop.ui.viewer.render_worker import (
    RenderKey,
    RenderService,
    shared_render_service,
)

__all__ = ["PdfMouseEvent", "PdfView", "ZoomMode"]

#: Logical pixels per point at 100 % (96 dpi screens; Qt scales logical pixels on high-DPI).
PX_PER_PT = 96.0 / 72.0
MIN_ZOOM = 0.1
MAX_ZOOM = 6.4
ZOOM_STEPS = (0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0,
              4.0, 5.0, 6.4)
# 64 MB holds ~14 fit-width pages of a 900 px wide view; 192 MB let the GUI process reach
# 350-465 MB scrolling a 2,000-page file (tests/benchmarks, issue 7), 200 MB with 64 MB.
DEFAULT_CACHE_BYTES = 64 * 1024 * 1024
_tokens = itertools.count(1)


class ZoomMode(Enum):
    """How the zoom follows the viewport size."""

    CUSTOM = "custom"
    FIT_WIDTH = "fit_width"
    FIT_PAGE = "fit_page"


@dataclass(frozen=True)
class PdfMouseEvent:
    """A mouse event on the view. ``page_index``/``pdf_point`` are None off the pages.

    ``pdf_point`` is in the page's PDF user space (points, origin bottom-left), ready for a
    signature field box.
    """

    viewport_pos: QPointF
    page_index: int | None
    pdf_point: tuple[float, float] | None
    button: Qt.MouseButton
    buttons: Qt.MouseButton
    modifiers: Qt.KeyboardModifier


class PdfView(QAbstractScrollArea):
    """Shows all pages of one PDF in a vertical column; renders only what is (nearly) visible.

    Open with :meth:`open`; the answer comes as ``document_opened``, ``password_required`` (ask,
    then call ``open(path, password)`` again) or ``open_failed``. Zoom is a factor (1.0 = 100 %)
    plus a :class:`ZoomMode`. Pages not rendered yet show as white pages with their number.

    :param service: render service; default is the application-wide one.
    :param cache_bytes: bound of the rendered-page cache.
    """

    document_opened = Signal(int)  #: page count; the document is laid out and shown
    document_closed = Signal()
    password_required = Signal(str, bool)  #: path, True if a given password was wrong
    open_failed = Signal(object)  #: a DocumentError other than the password ones
    current_page_changed = Signal(int)  #: 0-based index of the page filling most of the view
    zoom_changed = Signal(float)  #: zoom factor, 1.0 = 100 %
    page_painted = Signal(int)  #: a page was painted from a real render (not a placeholder)
    render_failed = Signal(int, object)  #: page index, DocumentError
    #: (painter, page index, page rect in viewport coordinates), after each visible page is drawn
    overlay_paint = Signal(QPainter, int, QRectF)
    mouse_pressed = Signal(object)  #: PdfMouseEvent
    mouse_moved = Signal(object)  #: PdfMouseEvent, while a button is held (dragging)
    mouse_released = Signal(object)  #: PdfMouseEvent
    mouse_hovered = Signal(object)  #: PdfMouseEvent, moves with no button held

    def __init__(
        self,
        parent: QWidget | None = None,
        service: RenderService | None = None,
        cache_bytes: int = DEFAULT_CACHE_BYTES,
        *,
        warm_up: bool = True,
    ) -> None:
        """*warm_up* starts the render workers now; the program passes False and starts them
        once its window is on screen (spawning them competes with the first paint)."""
        super().__init__(parent)
        self._service = service or shared_render_service()
        self._images = PageImages(self._service, cache_bytes, self)
        self._images.ready.connect(self._on_page_ready)
        self._images.failed.connect(self.render_failed)
        self._source: DocumentSource | None = None
        self._info: DocumentInfo | None = None
        self._to_pdf: list[Matrix6] = []
        self._layout = PageLayout([], 1.0, 0.0)
        self._zoom = 1.0
        self._mode = ZoomMode.FIT_WIDTH
        self._current = -1
        self._restore: tuple[int, float] | None = None  # page + offset within it, after load
        self._schedule = QTimer(self, singleShot=True, interval=0)
        self._schedule.timeout.connect(self._request_visible)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # no fit-width loop
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.viewport().setAutoFillBackground(False)
        self.setAccessibleName(self.tr("PDF document"))
        self._service.info_loaded.connect(self._on_info)
        self._service.info_failed.connect(self._on_info_failed)
        if warm_up:
            self._service.warm_up()

    # --- document ---------------------------------------------------------------------------

    def open(self, path: str, password: str | None = None) -> None:
        """Start opening ``path`` in a worker; returns at once (see the class doc for answers)."""
        self._start(DocumentSource(str(path), password, next(_tokens)), restore=None)

    def reload(self) -> None:
        """Re-read the same file (e.g. after it was signed), keeping page position and zoom."""
        if self._source is None:
            return
        restore = None
        if self._info is not None and self._current >= 0:
            box = self._layout.page_box(self._current)
            restore = (self._current, (self.verticalScrollBar().value() - box.y) / box.h)
        src = self._source
        self._start(DocumentSource(src.path, src.password, next(_tokens)), restore)

    def close_document(self) -> None:
        """Forget the document, its renders and pending requests."""
        had = self._source is not None
        self._images.reset(None)
        self._source = self._info = None
        self._to_pdf = []
        self._current = -1
        self._relayout()
        if had:
            self.document_closed.emit()

    def _start(self, source: DocumentSource, restore: tuple[int, float] | None) -> None:
        self._service.cancel_except(self._images.client, set())
        self._source, self._restore = source, restore
        if restore is None:
            self._info = None
            self._images.reset(None)
            self._relayout()
        self._service.load(source)
        self.viewport().update()

    @Slot(object, object)
    def _on_info(self, source: DocumentSource, info: DocumentInfo) -> None:
        if source != self._source:
            return
        self._info = info
        self._to_pdf = [invert(p.pdf_to_display) for p in info.pages]
        self._images.reset(source)
        self._current = -1
        self._relayout()
        if self._mode is not ZoomMode.CUSTOM:
            self._apply_zoom(self._zoom, None)
        if self._restore is not None:
            page, frac = self._restore
            page = min(page, info.page_count - 1)
            box = self._layout.page_box(page)
            self.verticalScrollBar().setValue(round(box.y + frac * box.h))
            self._restore = None
        else:
            self.verticalScrollBar().setValue(0)
        self._update_current()
        self.document_opened.emit(info.page_count)

    @Slot(object, object)
    def _on_info_failed(self, source: DocumentSource, error: DocumentError) -> None:
        if source != self._source:
            return
        self._source = self._info = None
        self._relayout()
        if isinstance(error, PasswordRequiredError):
            self.password_required.emit(source.path, source.password is not None)
        else:
            self.open_failed.emit(error)

    def is_open(self) -> bool:
        """True once a document is loaded (after ``document_opened``)."""
        return self._info is not None

    def path(self) -> str | None:
        """Path of the open (or opening) document."""
        return self._source.path if self._source else None

    def source(self) -> DocumentSource | None:
        """What the view renders from (share it with a ThumbnailList)."""
        return self._source if self._info is not None else None

    def document_info(self) -> DocumentInfo | None:
        """Page sizes and rotations of the open document."""
        return self._info

    def page_count(self) -> int:
        """Number of pages, 0 when nothing is open."""
        return self._info.page_count if self._info else 0

    def page_info(self, index: int) -> PageInfo:
        """Display size and rotation of page ``index``."""
        if self._info is None:
            raise IndexError("no document open")
        return self._info.pages[index]

    def render_service(self) -> RenderService:
        """The service rendering for this view."""
        return self._service

    # --- zoom and navigation ----------------------------------------------------------------

    def zoom(self) -> float:
        """Current zoom factor (1.0 = 100 %), also in the fit modes."""
        return self._zoom

    def zoom_mode(self) -> ZoomMode:
        """Current zoom mode."""
        return self._mode

    def scale(self) -> float:
        """Logical pixels per PDF point at the current zoom."""
        return self._zoom * PX_PER_PT

    @Slot(float)
    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Set a fixed zoom factor (switches to CUSTOM), keeping ``anchor`` (viewport) in place."""
        self._mode = ZoomMode.CUSTOM
        self._apply_zoom(zoom, anchor)

    def set_zoom_mode(self, mode: ZoomMode) -> None:
        """Follow the viewport (fit width / fit page) or keep the current factor (CUSTOM)."""
        self._mode = mode
        self._apply_zoom(self._zoom, None)

    @Slot()
    def fit_width(self) -> None:
        """Zoom so the widest page fills the view's width, and keep it so on resize."""
        self.set_zoom_mode(ZoomMode.FIT_WIDTH)

    @Slot()
    def fit_page(self) -> None:
        """Zoom so the current page fits entirely, and keep it so on resize."""
        self.set_zoom_mode(ZoomMode.FIT_PAGE)

    @Slot()
    def zoom_in(self) -> None:
        """Next larger step of :data:`ZOOM_STEPS`."""
        bigger = [z for z in ZOOM_STEPS if z > self._zoom * 1.001]
        self.set_zoom(bigger[0] if bigger else MAX_ZOOM)

    @Slot()
    def zoom_out(self) -> None:
        """Next smaller step of :data:`ZOOM_STEPS`."""
        smaller = [z for z in ZOOM_STEPS if z < self._zoom / 1.001]
        self.set_zoom(smaller[-1] if smaller else MIN_ZOOM)

    def current_page(self) -> int:
        """0-based index of the page filling most of the view, -1 when nothing is open."""
        return self._current

    @Slot(int)
    def go_to_page(self, index: int) -> None:
        """Scroll so page ``index`` (clamped) starts at the top of the view."""
        if not self._info:
            return
        index = min(max(index, 0), self._info.page_count - 1)
        top = self._layout.page_box(index).y - self._layout.spacing
        self.verticalScrollBar().setValue(round(top))
        self._update_current()

    def visible_pages(self) -> range:
        """Indices of the pages intersecting the viewport."""
        top = self.verticalScrollBar().value()
        return self._layout.pages_between(top, top + self.viewport().height())

    def _fit_scale(self) -> float:
        vp = self.viewport()
        if self._mode is ZoomMode.FIT_WIDTH:
            return fit_width_scale(self._layout.sizes, vp.width(), self._layout.margin)
        page = self._layout.sizes[max(self._current, 0)]
        return fit_page_scale(page, vp.width(), vp.height(), self._layout.margin)

    def _apply_zoom(self, zoom: float, anchor: QPointF | None) -> None:
        if self._mode is not ZoomMode.CUSTOM and self._layout.sizes:
            zoom = self._fit_scale() / PX_PER_PT
        zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        if anchor is None:
            anchor = QPointF(self.viewport().width() / 2, 0.0)
        keep = self._anchor(anchor)
        changed = abs(zoom - self._zoom) > 1e-9
        self._zoom = zoom
        self._relayout()
        if keep is not None:
            page, dx, dy = keep
            cx, cy = self._layout.display_to_content(page, dx, dy)
            self.horizontalScrollBar().setValue(round(cx - anchor.x()))
            self.verticalScrollBar().setValue(round(cy - anchor.y()))
        if self._mode is ZoomMode.FIT_PAGE and self._current >= 0:
            self.go_to_page(self._current)
        if changed:
            self.zoom_changed.emit(zoom)

    def _anchor(self, pos: QPointF) -> tuple[int, float, float] | None:
        if not self._layout.sizes:
            return None
        cx, cy = self._to_content(pos)
        page = self._layout.nearest_page(cy)
        return (page, *self._layout.content_to_display(page, cx, cy))

    # --- coordinate mapping -----------------------------------------------------------------

    def _to_content(self, pos: QPointF) -> tuple[float, float]:
        return (pos.x() + self.horizontalScrollBar().value(),
                pos.y() + self.verticalScrollBar().value())

    def page_at(self, pos: QPointF) -> tuple[int, tuple[float, float]] | None:
        """Page under viewport point ``pos`` and the point in that page's PDF user space."""
        cx, cy = self._to_content(QPointF(pos))
        page = self._layout.page_at(cx, cy)
        if page is None or not self._to_pdf:
            return None
        dx, dy = self._layout.content_to_display(page, cx, cy)
        return page, apply(self._to_pdf[page], dx, dy)

    def pdf_point_to_viewport(self, page: int, point: tuple[float, float]) -> QPointF:
        """A PDF user-space point of ``page`` in viewport coordinates."""
        info = self.page_info(page)
        cx, cy = self._layout.display_to_content(page, *apply(info.pdf_to_display, *point))
        return QPointF(cx - self.horizontalScrollBar().value(),
                       cy - self.verticalScrollBar().value())

    def pdf_rect_to_viewport(self, page: int, rect: tuple[float, float, float, float]) -> QRectF:
        """A PDF user-space rectangle ``(x0, y0, x1, y1)`` of ``page`` in viewport coordinates."""
        box = map_rect(self.page_info(page).pdf_to_display, *rect)
        x, y = self._layout.display_to_content(page, box.x, box.y)
        s = self._layout.scale
        return QRectF(x - self.horizontalScrollBar().value(),
                      y - self.verticalScrollBar().value(), box.w * s, box.h * s)

    def viewport_rect_to_pdf(self, page: int, rect: QRectF) -> tuple[float, float, float, float]:
        """A viewport rectangle as normalised ``(x0, y0, x1, y1)`` in ``page``'s PDF space."""
        self.page_info(page)
        r = QRectF(rect).normalized()
        cx, cy = self._to_content(r.topLeft())
        d0 = self._layout.content_to_display(page, cx, cy)
        d1 = (d0[0] + r.width() / self._layout.scale, d0[1] + r.height() / self._layout.scale)
        box = map_rect(self._to_pdf[page], d0[0], d0[1], d1[0], d1[1])
        return box.x, box.y, box.x + box.w, box.y + box.h

    def page_viewport_rect(self, page: int) -> QRectF:
        """Where page ``page`` is drawn, in viewport coordinates."""
        b = self._layout.page_box(page)
        return QRectF(b.x - self.horizontalScrollBar().value(),
                      b.y - self.verticalScrollBar().value(), b.w, b.h)

    def rendering_idle(self) -> bool:
        """True when nothing is loading or queued and every visible page shows its final render."""
        if self._info is None:
            return self._source is None
        if self._schedule.isActive():
            return False
        return self._images.settled([self._key(i) for i in self.visible_pages()])

    @Slot()
    def refresh_overlays(self) -> None:
        """Repaint (call after changing what an ``overlay_paint`` handler draws)."""
        self.viewport().update()

    # --- cache ------------------------------------------------------------------------------

    def cache_bytes(self) -> int:
        """Bytes of rendered page images currently cached."""
        return self._images.cache.total_bytes

    def cache_limit(self) -> int:
        """Upper bound of the page image cache, in bytes."""
        return self._images.cache.max_bytes

    def set_cache_limit(self, max_bytes: int) -> None:
        """Change the bound (evicts at once if needed). It grows by itself if the visible pages
        alone need more (very high zoom on a large screen), so they never evict each other."""
        self._images.cache.set_max_bytes(max_bytes)

    # --- layout, rendering, painting (private) ---------------------------------------------

    def _relayout(self) -> None:
        sizes = [(p.width, p.height) for p in self._info.pages] if self._info else []
        vp = self.viewport()
        self._layout = PageLayout(sizes, self.scale(), vp.width())
        for bar, total, page in (
            (self.verticalScrollBar(), self._layout.content_height, vp.height()),
            (self.horizontalScrollBar(), self._layout.content_width, vp.width()),
        ):
            bar.setRange(0, max(0, round(total - page)))
            bar.setPageStep(page)
            bar.setSingleStep(max(1, round(20 * self._zoom)))
        self._changed()

    def _changed(self) -> None:
        self._update_current()
        self._schedule.start()
        self.viewport().update()

    def _key(self, page: int) -> RenderKey:
        return self._images.key(page, self.scale() * self.devicePixelRatioF())

    def _wanted(self) -> list[int]:
        """Visible pages (nearest the centre first), then half a screen above and below."""
        top, h = self.verticalScrollBar().value(), self.viewport().height()
        visible = self._layout.pages_between(top, top + h)
        centre = top + h / 2
        near = sorted(visible, key=lambda i: abs(self._layout.page_box(i).y - centre))
        margin = self._layout.pages_between(top - h / 2, top + h * 1.5)
        return near + [i for i in margin if i not in visible]

    @Slot()
    def _request_visible(self) -> None:
        if self._info is None or self._source is None:
            return
        keys = [self._key(i) for i in self._wanted()]
        # The visible pages must fit at once, or they would evict each other forever: the bound
        # is really max(limit, one screenful of pages).
        ratio = self.scale() * self.devicePixelRatioF()
        self._images.ensure_room(sum(
            round(self._layout.sizes[i][0] * ratio + 1)
            * round(self._layout.sizes[i][1] * ratio + 1) * 4
            for i in self.visible_pages()
        ))
        self._images.request(keys)

    @Slot(int)
    def _on_page_ready(self, page: int) -> None:
        if page in self.visible_pages():
            self.viewport().update()

    def _image_for(self, page: int) -> QImage | None:
        return self._images.best(self._key(page))

    def _update_current(self) -> None:
        pages = self.visible_pages()
        if not pages:
            new = -1 if self._info is None else self._current
        else:
            top, bottom = self.verticalScrollBar().value(), self.verticalScrollBar().value() + \
                self.viewport().height()

            def shown(i: int) -> float:
                b = self._layout.page_box(i)
                return min(b.y + b.h, bottom) - max(b.y, top)

            new = max(pages, key=shown)
        if new != self._current:
            self._current = new
            if new >= 0:
                self.current_page_changed.emit(new)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self.viewport())
        p.fillRect(event.rect(), QColor(0x5A, 0x5E, 0x66))
        if self._info is None:
            if self._source is not None:
                p.setPen(QColor(Qt.GlobalColor.white))
                text = self.tr("Loading…")
                p.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, text)
            p.end()
            return
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for page in self.visible_pages():
            rect = self.page_viewport_rect(page)
            p.fillRect(rect.translated(2, 2), QColor(0, 0, 0, 60))
            if self._images.missing(self._key(page)):
                # Evicted, or the screen's pixel ratio changed: ask again (once; it is pending now).
                self._schedule.start()
            image = self._image_for(page)
            if image is not None:
                p.drawImage(rect, image, QRectF(image.rect()))
            else:
                p.fillRect(rect, QColor(Qt.GlobalColor.white))
                p.setPen(QColor(0x9A, 0x9A, 0x9A))
                p.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(page + 1))
            p.save()
            self.overlay_paint.emit(p, page, rect)
            p.restore()
            if image is not None:
                self.page_painted.emit(page)
        p.end()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self._changed()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._mode is ZoomMode.CUSTOM:
            self._relayout()
        else:
            self._apply_zoom(self._zoom, None)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.set_zoom(self._zoom * 1.2**steps, event.position())
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar = self.verticalScrollBar()
        if event.matches(QKeySequence.StandardKey.ZoomIn):
            self.zoom_in()
        elif event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_out()
        elif event.key() == Qt.Key.Key_Home:
            bar.setValue(bar.minimum())
        elif event.key() == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        else:
            super().keyPressEvent(event)

    def _mouse(self, event: QMouseEvent) -> PdfMouseEvent:
        pos = event.position()
        hit = self.page_at(pos)
        return PdfMouseEvent(pos, hit[0] if hit else None, hit[1] if hit else None,
                             event.button(), event.buttons(), event.modifiers())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.mouse_pressed.emit(self._mouse(event))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        signal = self.mouse_moved if event.buttons() else self.mouse_hovered
        signal.emit(self._mouse(event))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.mouse_released.emit(self._mouse(event))
