"""Off-GUI rendering: a small pool of worker processes, results delivered as Qt signals.

Why processes, not QThreadPool: PyMuPDF holds the GIL for the whole of a MuPDF call, so a page
that takes a second to render in a thread freezes every Python slot in the GUI thread for that
second (measured: 15 s render → 15 s main-thread gap). Worker processes render truly in parallel
(two by default, one per core) and the GUI thread only unpickles the pixels (~4 ms for an A4 page
at 150 %). Each process opens its own ``pymupdf.Document`` from the path (see
:mod:`cgn_seal_desktop.documents.render`), which also sidesteps Document's lack of thread safety.

Requests not yet started are cancelled when the view no longer needs them; results of requests
that could not be cancelled arrive and are ignored by the consumer if stale (keys carry the
document token, page and scale). A crashed worker (e.g. MuPDF dying on a hostile file) breaks only
the pool, which is rebuilt on the next request; the request reports a :class:`RenderError`.

Packaging note: the pool uses the "spawn" start method, so a frozen (PyInstaller) executable must
call ``multiprocessing.freeze_support()`` first thing in ``main``, and a script run by path must
guard its entry point with ``if __name__ == "__main__":`` (the workers re-import it).
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QImage

from cgn_seal_desktop.documents import render
from cgn_seal_desktop.documents.errors import DocumentError, RenderError
from cgn_seal_desktop.documents.render import DocumentInfo, DocumentSource, RenderedPage

__all__ = ["PageRenderer", "RenderKey", "RenderService", "shared_render_service"]

#: What renders one page in a worker process: ``(source, page index, scale, max pixels)`` →
#: :class:`RenderedPage`. It travels to the worker processes, so it must be picklable: a
#: module-level function (the product's is :func:`documents.render.render_page`) or an instance
#: of a module-level class (tests use a slow one, see ``tests/render_backends.py``).
PageRenderer = Callable[[DocumentSource, int, float, int], RenderedPage]


@dataclass(frozen=True)
class RenderKey:
    """Identifies one page image: which document (token), page, scale and which consumer."""

    token: int
    page: int
    scale_milli: int  #: device pixels per point x 1000 (rounded, so equal zooms share keys)
    client: str = "view"

    @property
    def scale(self) -> float:
        """Device pixels per point requested."""
        return self.scale_milli / 1000.0


def _to_qimage(page: RenderedPage) -> QImage:
    # QImage wraps the bytes without copying; convertToFormat makes the owned, fast-to-paint copy.
    raw = QImage(page.samples, page.width, page.height, page.stride, QImage.Format.Format_RGB888)
    return raw.convertToFormat(QImage.Format.Format_RGB32)


class RenderService(QObject):
    """Loads document infos and renders pages in worker processes; signals arrive in the GUI thread.

    Signals: ``info_loaded(DocumentSource, DocumentInfo)``, ``info_failed(DocumentSource,
    DocumentError)``, ``page_rendered(RenderKey, QImage, float scale_used)``,
    ``page_failed(RenderKey, DocumentError)``.
    """

    info_loaded = Signal(object, object)
    info_failed = Signal(object, object)
    page_rendered = Signal(object, object, float)
    page_failed = Signal(object, object)
    # Internal: from the executor's callback thread to this object's (the GUI) thread.
    _done = Signal(object, object, object)

    def __init__(self, workers: int = 2, parent: QObject | None = None, *,
                 renderer: PageRenderer = render.render_page) -> None:
        super().__init__(parent)
        self._workers = max(1, workers)
        self._renderer = renderer
        self._executor: ProcessPoolExecutor | None = None
        self._pending: dict[RenderKey, Future[Any]] = {}
        self._closed = False  # after shutdown(): late results are dropped, not emitted
        #: Number of render requests submitted (cache misses), for tests and diagnostics.
        self.submitted = 0
        self.max_pixels = render.DEFAULT_MAX_PIXELS
        self._done.connect(self._finish)

    # --- pool -------------------------------------------------------------------------------

    def _pool(self) -> ProcessPoolExecutor:
        self._closed = False
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self._workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=render.worker_init,
            )
        return self._executor

    def warm_up(self) -> None:
        """Start the worker processes now (spawning costs ~0.15 s each), without blocking."""
        pool = self._pool()
        for _ in range(self._workers):
            # Everything a worker runs lives in documents.render, so workers never import Qt.
            pool.submit(render.warm_up)

    def shutdown(self) -> None:
        """Cancel everything queued and let the workers exit; does not wait for them."""
        self._closed = True
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        self._pending.clear()

    def _submit(self, fn: Any, *args: Any) -> Future[Any]:
        try:
            return self._pool().submit(fn, *args)
        except (BrokenProcessPool, RuntimeError):
            # The pool died (a worker crashed) or was shut down: start a fresh one once.
            self._executor = None
            return self._pool().submit(fn, *args)

    # --- requests ---------------------------------------------------------------------------

    def load(self, source: DocumentSource) -> None:
        """Open ``source`` in a worker; answer with ``info_loaded`` or ``info_failed``."""
        fut = self._submit(render.load_info, source)
        fut.add_done_callback(lambda f: self._callback(source, f))

    def render(self, key: RenderKey, source: DocumentSource) -> bool:
        """Queue a render of ``key`` unless one is pending; True if a new request was made."""
        if key in self._pending:
            return False
        fut = self._submit(self._renderer, source, key.page, key.scale, self.max_pixels)
        self._pending[key] = fut
        self.submitted += 1
        fut.add_done_callback(lambda f: self._callback(key, f))
        return True

    def is_pending(self, key: RenderKey) -> bool:
        """True while a request for ``key`` is queued or running."""
        return key in self._pending

    def pending(self, client: str) -> list[RenderKey]:
        """Keys of ``client``'s requests still queued or running."""
        return [k for k in self._pending if k.client == client]

    def cancel(self, key: RenderKey) -> bool:
        """Cancel ``key`` if it has not started; True if it was cancelled."""
        fut = self._pending.get(key)
        if fut is not None and fut.cancel():
            del self._pending[key]
            return True
        return False

    def cancel_except(self, client: str, keep: set[RenderKey]) -> int:
        """Cancel ``client``'s queued requests not in ``keep``; returns how many were cancelled."""
        return sum(self.cancel(k) for k in self.pending(client) if k not in keep)

    # --- results ----------------------------------------------------------------------------

    def _callback(self, what: object, fut: Future[Any]) -> None:
        # Runs in the executor's management thread (or the caller's, if already done).
        if fut.cancelled() or self._closed:
            return
        exc = fut.exception()
        result: object = exc if exc is not None else fut.result()
        if isinstance(result, RenderedPage):
            result = (_to_qimage(result), result.scale)
        # RuntimeError: the service was deleted while the worker ran (the app is quitting).
        with contextlib.suppress(RuntimeError):
            self._done.emit(what, result, fut)

    @Slot(object, object, object)
    def _finish(self, what: object, result: object, fut: object) -> None:
        if isinstance(what, RenderKey):
            if self._pending.get(what) is fut:
                del self._pending[what]
            if isinstance(result, tuple):
                self.page_rendered.emit(what, result[0], result[1])
            else:
                self.page_failed.emit(what, _as_document_error(result, RenderError))
        elif isinstance(result, DocumentInfo):
            self.info_loaded.emit(what, result)
        else:
            self.info_failed.emit(what, _as_document_error(result, DocumentError))


def _as_document_error(exc: object, fallback: type[DocumentError]) -> DocumentError:
    if isinstance(exc, DocumentError):
        return exc
    if isinstance(exc, BrokenProcessPool):
        return fallback("the rendering process stopped unexpectedly")
    return fallback(f"unexpected failure: {type(exc).__name__}")


_SHARED: RenderService | None = None


def shared_render_service() -> RenderService:
    """The application-wide service (created on first use, shut down when the app quits)."""
    global _SHARED
    if _SHARED is None:
        app = QCoreApplication.instance()
        _SHARED = RenderService(parent=app)
        if app is not None:
            app.aboutToQuit.connect(_SHARED.shutdown)
    return _SHARED
