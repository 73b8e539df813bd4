"""The page images of one view: what to render, the byte-bounded cache, stale and failed renders."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage

from cgn_seal_desktop.documents.errors import DocumentError
from cgn_seal_desktop.documents.render import DocumentSource
from cgn_seal_desktop.ui.viewer.cache import ByteLru
from cgn_seal_desktop.ui.viewer.render_worker import RenderKey, RenderService

__all__ = ["PageImages"]


class PageImages(QObject):
    """Requests page renders from a :class:`RenderService` and keeps the results in an LRU cache.

    Results of another document (token) are dropped. Results at another scale than the one now
    wanted (the zoom changed while they rendered) are kept: they are drawn scaled until the exact
    render arrives, and are the first to be evicted. A failed key is not asked again until the
    zoom or document changes. Signals: ``ready(page)``, ``failed(page, DocumentError)``.
    """

    ready = Signal(int)
    failed = Signal(int, object)

    def __init__(self, service: RenderService, cache_bytes: int, parent: QObject | None = None):
        super().__init__(parent)
        self.service = service
        self.client = f"view-{id(self)}"
        self.cache: ByteLru[RenderKey, QImage] = ByteLru(cache_bytes, lambda im: im.sizeInBytes())
        self._failed: set[RenderKey] = set()
        self._source: DocumentSource | None = None
        service.page_rendered.connect(self._on_rendered)
        service.page_failed.connect(self._on_failed)

    def reset(self, source: DocumentSource | None) -> None:
        """Forget all images and requests; render from ``source`` from now on."""
        self.service.cancel_except(self.client, set())
        self._source = source
        self.cache.clear()
        self._failed.clear()

    def key(self, page: int, device_scale: float) -> RenderKey:
        """The key of ``page`` rendered at ``device_scale`` device pixels per point."""
        token = self._source.token if self._source else 0
        return RenderKey(token, page, round(device_scale * 1000), self.client)

    def request(self, keys: list[RenderKey]) -> None:
        """Render the ``keys`` not cached (in this order); cancel queued requests for others."""
        if self._source is None:
            return
        self._failed &= set(keys)
        for key in keys:
            if self.missing(key):
                self.service.render(key, self._source)
        self.service.cancel_except(self.client, set(keys))

    def missing(self, key: RenderKey) -> bool:
        """True if ``key`` is neither cached, nor failed, nor on its way."""
        if key in self.cache or key in self._failed:
            return False
        return not self.service.is_pending(key)

    def settled(self, keys: list[RenderKey]) -> bool:
        """True if nothing is pending and every key is cached or failed."""
        if self.service.pending(self.client):
            return False
        return all(k in self.cache or k in self._failed for k in keys)

    def best(self, key: RenderKey) -> QImage | None:
        """The exact image for ``key``, else any cached render of that page, else None."""
        exact = self.cache.get(key)
        if exact is not None:
            return exact
        for other in list(self.cache.keys()):
            if other.page == key.page:
                return self.cache.get(other)
        return None

    def ensure_room(self, needed: int) -> None:
        """Grow the bound to ``needed`` bytes if smaller (the visible pages must fit at once)."""
        if needed > self.cache.max_bytes:
            self.cache.set_max_bytes(needed)

    def _mine(self, key: RenderKey) -> bool:
        return key.client == self.client and self._source is not None and (
            key.token == self._source.token
        )

    @Slot(object, object, float)
    def _on_rendered(self, key: RenderKey, image: QImage, _scale_used: float) -> None:
        if self._mine(key):
            self.cache.put(key, image)
            self.ready.emit(key.page)

    @Slot(object, object)
    def _on_failed(self, key: RenderKey, error: DocumentError) -> None:
        if self._mine(key):
            self._failed.add(key)
            self.failed.emit(key.page, error)
