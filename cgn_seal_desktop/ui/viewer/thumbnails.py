"""Page thumbnails panel: a list of small page images, rendered lazily, click to go to a page."""

from __future__ import annotations

from typing import Any, TypeAlias

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from cgn_seal_desktop.documents.render import DocumentInfo, DocumentSource
from cgn_seal_desktop.ui.viewer.cache import ByteLru
from cgn_seal_desktop.ui.viewer.pdf_view import PdfView
from cgn_seal_desktop.ui.viewer.render_worker import RenderKey, RenderService

__all__ = ["ThumbnailList"]

THUMB_BOX = QSize(120, 160)  #: logical pixels a thumbnail fits into
_CACHE_BYTES = 24 * 1024 * 1024
Index: TypeAlias = "QModelIndex | QPersistentModelIndex"


class _ThumbnailModel(QAbstractListModel):
    """One row per page: the page number as text, the thumbnail (or a white placeholder) as icon."""

    def __init__(self, owner: ThumbnailList) -> None:
        super().__init__(owner)
        self._owner = owner
        self.info: DocumentInfo | None = None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() or self.info is None else self.info.page_count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.info is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(index.row() + 1)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._owner.pixmap_for(index.row())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # Named context: lupdate cannot resolve ``self._owner.tr``.
            return QCoreApplication.translate("ThumbnailList", "Page %1").replace(
                "%1", str(index.row() + 1))
        return None

    def set_info(self, info: DocumentInfo | None) -> None:
        self.beginResetModel()
        self.info = info
        self.endResetModel()

    def page_changed(self, page: int) -> None:
        idx = self.index(page)
        self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])


class ThumbnailList(QListView):
    """Vertical strip of page thumbnails. Only rows in view are rendered (in worker processes).

    A page whose render fails keeps its placeholder; the page view reports the error.

    Use :meth:`set_view` to follow a :class:`PdfView` (same document, current page highlighted,
    clicking a thumbnail scrolls the view). ``page_activated(int)`` is emitted on click / Enter.
    """

    page_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None, service: RenderService | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._client = f"thumbs-{id(self)}"
        self._source: DocumentSource | None = None
        self._cache: ByteLru[int, QImage] = ByteLru(_CACHE_BYTES, lambda im: im.sizeInBytes())
        self._model = _ThumbnailModel(self)
        self.setModel(self._model)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setIconSize(THUMB_BOX)
        self.setSpacing(6)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumWidth(THUMB_BOX.width() + 40)
        self.setAccessibleName(self.tr("Page thumbnails"))
        self._timer = QTimer(self, singleShot=True, interval=30)
        self._timer.timeout.connect(self._request_visible)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._timer.start())
        self.clicked.connect(lambda idx: self.page_activated.emit(idx.row()))
        self.activated.connect(lambda idx: self.page_activated.emit(idx.row()))
        self._placeholders: dict[tuple[int, int], QPixmap] = {}
        if service is not None:
            self._connect(service)

    def _connect(self, service: RenderService) -> None:
        self._service = service
        service.page_rendered.connect(self._on_rendered)

    def set_view(self, view: PdfView) -> None:
        """Show ``view``'s document and keep in step with it (both directions)."""
        if self._service is None:
            self._connect(view.render_service())
        view.document_opened.connect(lambda _n: self.set_document(view.source(),
                                                                  view.document_info()))
        view.document_closed.connect(lambda: self.set_document(None, None))
        view.current_page_changed.connect(self.set_current_page)
        self.page_activated.connect(view.go_to_page)
        if view.is_open():
            self.set_document(view.source(), view.document_info())

    def set_document(self, source: DocumentSource | None, info: DocumentInfo | None) -> None:
        """Show ``info``'s pages (None clears the list)."""
        if self._service is not None:
            self._service.cancel_except(self._client, set())
        self._source = source if info is not None else None
        self._cache.clear()
        self._model.set_info(info if source is not None else None)
        self._timer.start()

    @Slot(int)
    def set_current_page(self, page: int) -> None:
        """Highlight ``page`` and scroll it into view (does not emit ``page_activated``)."""
        idx = self._model.index(page)
        if idx.isValid():
            self.setCurrentIndex(idx)
            self.scrollTo(idx)

    def _scale(self, page: int) -> float:
        assert self._model.info is not None
        info = self._model.info.pages[page]
        fit = min(THUMB_BOX.width() / info.width, THUMB_BOX.height() / info.height)
        return fit * self.devicePixelRatioF()

    def _key(self, page: int) -> RenderKey:
        token = self._source.token if self._source else 0
        return RenderKey(token, page, round(self._scale(page) * 1000), self._client)

    def pixmap_for(self, page: int) -> QPixmap:
        """The thumbnail of ``page`` if rendered, else a placeholder of the right size."""
        image = self._cache.get(page)
        if image is not None:
            thumb = QPixmap.fromImage(image)
            thumb.setDevicePixelRatio(self.devicePixelRatioF())
            return thumb
        assert self._model.info is not None
        info = self._model.info.pages[page]
        scale = self._scale(page) / self.devicePixelRatioF()
        size = (round(info.width * scale), round(info.height * scale))
        pm = self._placeholders.get(size)
        if pm is None:
            pm = QPixmap(size[0], size[1])
            pm.fill(QColor(Qt.GlobalColor.white))
            p = QPainter(pm)
            p.setPen(QColor(0x9A, 0x9A, 0x9A))
            p.drawRect(0, 0, size[0] - 1, size[1] - 1)
            p.end()
            if len(self._placeholders) > 64:
                self._placeholders.clear()
            self._placeholders[size] = pm
        return pm

    def visible_rows(self) -> range:
        """Rows currently (at least partly) in view."""
        if self._model.info is None:
            return range(0)
        vp = self.viewport().rect()
        x = self.visualRect(self._model.index(0)).center().x()
        # Probe down from the top and up from the bottom; a probe may land in the spacing.
        first = next((i for y in range(vp.top(), vp.bottom(), 4)
                      if (i := self.indexAt(QPoint(x, y))).isValid()), None)
        last = next((i for y in range(vp.bottom(), vp.top(), -4)
                     if (i := self.indexAt(QPoint(x, y))).isValid()), None)
        if first is None or last is None:
            return range(0)
        return range(first.row(), last.row() + 1)

    @Slot()
    def _request_visible(self) -> None:
        if self._service is None or self._source is None or self._model.info is None:
            return
        rows = self.visible_rows()
        keys = {self._key(r) for r in rows}
        for r in rows:
            if r not in self._cache:
                self._service.render(self._key(r), self._source)
        self._service.cancel_except(self._client, keys)

    @Slot(object, object, float)
    def _on_rendered(self, key: RenderKey, image: QImage, _scale: float) -> None:
        if key.client != self._client or self._source is None or key.token != self._source.token:
            return
        self._cache.put(key.page, image)
        self._model.page_changed(key.page)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._timer.start()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._timer.start()
