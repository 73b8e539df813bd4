"""Qt-free PDF model and page rendering on top of PyMuPDF.

:class:`PdfDocument` wraps one ``pymupdf.Document`` and turns every way opening can fail into a
typed :mod:`cgn_seal_desktop.documents.errors` error. :func:`load_info` and :func:`render_page` are
the entry points the viewer runs in its worker *processes*: PyMuPDF keeps the GIL while MuPDF
renders (measured: a 15 s render in a thread froze the main thread's Python for 15 s), so only a
separate process keeps the GUI responsive and lets two pages render in parallel. A
``pymupdf.Document`` is not thread-safe either; each worker process opens its own copy from the
path and keeps it open for the next request (re-opening costs ~0.5 ms, a page render 10-50 ms).

Coordinates: a page's *display space* is the rotated, cropped page as shown, in points, origin
top-left, y down (what ``Page.get_pixmap`` draws). *PDF space* is the page's default user space
(origin bottom-left, y up) in which annotation and signature field ``/Rect`` boxes are written.
:attr:`PageInfo.pdf_to_display` maps one to the other for any ``/Rotate`` and ``/CropBox``.
"""

from __future__ import annotations

import math
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pymupdf

from cgn_seal_desktop.documents.errors import (
    CorruptDocumentError,
    NotAPdfError,
    PasswordRequiredError,
    RenderError,
    UnreadableDocumentError,
    WrongPasswordError,
)

__all__ = [
    "DEFAULT_MAX_PIXELS",
    "DocumentInfo",
    "DocumentSource",
    "Matrix6",
    "PageInfo",
    "PdfDocument",
    "RenderedPage",
    "load_info",
    "render_page",
    "warm_up",
    "worker_init",
]

#: Affine matrix ``(a, b, c, d, e, f)``: ``x' = a*x + c*y + e``, ``y' = b*x + d*y + f``.
Matrix6 = tuple[float, float, float, float, float, float]

#: Largest page image rendered (pixels); beyond it the page is rendered coarser and scaled up.
DEFAULT_MAX_PIXELS = 24_000_000

# A PDF header may be preceded by junk; the spec tolerates up to 1024 bytes of it.
_HEADER_WINDOW = 1024


@dataclass(frozen=True)
class DocumentSource:
    """Where to open a document from. ``token`` changes on reload so workers re-open the file.

    The password is kept only in memory (workers need it to open their own copy); it is excluded
    from ``repr`` so it never reaches a log.
    """

    path: str
    password: str | None = field(default=None, repr=False)
    token: int = 0


@dataclass(frozen=True)
class PageInfo:
    """Size and orientation of one page, as displayed."""

    width: float  #: display width in points (after rotation and crop)
    height: float  #: display height in points
    rotation: int  #: the page's ``/Rotate``: 0, 90, 180 or 270
    pdf_to_display: Matrix6  #: PDF user space → display space


@dataclass(frozen=True)
class DocumentInfo:
    """What the viewer needs to lay a document out without touching it again."""

    page_count: int
    pages: tuple[PageInfo, ...]
    encrypted: bool
    title: str


@dataclass(frozen=True)
class RenderedPage:
    """An RGB888 page image. ``scale`` is pixels per point actually used (may be capped)."""

    index: int
    width: int
    height: int
    stride: int
    scale: float
    samples: bytes = field(repr=False)


def _check_header(path: str) -> None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEADER_WINDOW)
    except OSError as exc:
        raise UnreadableDocumentError(f"cannot read {Path(path).name}: {exc.strerror}") from None
    if b"%PDF-" not in head:
        raise NotAPdfError(f"{Path(path).name} is not a PDF file")


class PdfDocument:
    """An open PDF. Not thread-safe: use one instance per thread or process.

    Use :meth:`open`; it raises a :class:`~cgn_seal_desktop.documents.errors.DocumentError`
    subclass for anything but a readable PDF, and :class:`PasswordRequiredError` /
    :class:`WrongPasswordError` for encrypted files opened without / with a wrong password.
    """

    def __init__(self, doc: pymupdf.Document, path: str, encrypted: bool) -> None:
        self._doc = doc
        self._pdf: Any = None  # the low-level pdf_document, made on first use
        self._names: dict[str, Any] = {}
        self.path = path
        self.encrypted = encrypted

    @classmethod
    def open(cls, path: str | Path, password: str | None = None) -> PdfDocument:
        """Open and (if encrypted) authenticate ``path``; raise a typed error otherwise."""
        import pymupdf  # loaded on first use: not needed to show the window

        path = str(path)
        _check_header(path)
        try:
            doc = pymupdf.open(path, filetype="pdf")
        except Exception as exc:  # MuPDF reports damage as several exception types
            raise CorruptDocumentError(f"{Path(path).name} is damaged: {exc}") from None
        encrypted = bool(doc.needs_pass)
        if encrypted:
            if password is None:
                doc.close()
                raise PasswordRequiredError(f"{Path(path).name} needs a password")
            if not doc.authenticate(password):
                doc.close()
                raise WrongPasswordError(f"wrong password for {Path(path).name}")
        if doc.page_count < 1:
            doc.close()
            raise CorruptDocumentError(f"{Path(path).name} has no readable pages")
        return cls(doc, path, encrypted)

    @property
    def page_count(self) -> int:
        """Number of pages (at least 1)."""
        return int(self._doc.page_count)

    def page_info(self, index: int) -> PageInfo:
        """Display size, rotation and PDF→display matrix of page ``index``.

        Reads the page dictionary only (~16 µs a page) instead of loading the page (~90 µs);
        pages with a /UserUnit take MuPDF's slower exact path.
        """
        try:
            return self._quick_page_info(index) or self.exact_page_info(index)
        except Exception as exc:
            raise CorruptDocumentError(f"page {index + 1} is damaged: {exc}") from None

    def _quick_page_info(self, index: int) -> PageInfo | None:
        import pymupdf  # loaded on first use: not needed to show the window

        # Mirrors MuPDF's pdf_page_transform (pdf-page.c) for the common case.
        m = pymupdf.mupdf
        if self._pdf is None:
            self._pdf = m.pdf_document_from_fz_document(self._doc.this)
            keys = ("UserUnit", "MediaBox", "CropBox", "Rotate")
            self._names = {k: m.pdf_new_name(k) for k in keys}
        names = self._names
        obj = m.pdf_lookup_page_obj(self._pdf, index)
        if m.pdf_dict_get(obj, names["UserUnit"]).m_internal:
            return None
        box = m.pdf_to_rect(m.pdf_dict_get_inheritable(obj, names["MediaBox"]))
        media = (min(box.x0, box.x1), min(box.y0, box.y1), max(box.x0, box.x1), max(box.y0, box.y1))
        if media[2] <= media[0] or media[3] <= media[1]:
            media = (0.0, 0.0, 612.0, 792.0)  # MuPDF's default: US Letter
        box = m.pdf_to_rect(m.pdf_dict_get_inheritable(obj, names["CropBox"]))
        crop = (min(box.x0, box.x1), min(box.y0, box.y1), max(box.x0, box.x1), max(box.y0, box.y1))
        if crop[2] > crop[0] and crop[3] > crop[1]:
            media = (max(media[0], crop[0]), max(media[1], crop[1]),
                     min(media[2], crop[2]), min(media[3], crop[3]))
            if media[2] <= media[0] or media[3] <= media[1]:
                media = (0.0, 0.0, 612.0, 792.0)
        rotate = m.pdf_to_int(m.pdf_dict_get_inheritable(obj, names["Rotate"])) % 360
        rotate = 90 * ((rotate + 45) // 90) % 360
        x0, y0, x1, y1 = media
        # PDF space → y flipped → rotated clockwise by ``rotate`` → box moved to the origin.
        a, b, c, d = {0: (1, 0, 0, -1), 90: (0, 1, 1, 0), 180: (-1, 0, 0, 1), 270: (0, -1, -1, 0)}[
            rotate
        ]
        xs = [a * x + c * y for x in (x0, x1) for y in (y0, y1)]
        ys = [b * x + d * y for x in (x0, x1) for y in (y0, y1)]
        return PageInfo(
            width=max(xs) - min(xs),
            height=max(ys) - min(ys),
            rotation=rotate,
            pdf_to_display=(a, b, c, d, -min(xs), -min(ys)),
        )

    def exact_page_info(self, index: int) -> PageInfo:
        """:meth:`page_info` computed by loading the page and asking MuPDF (slower, exact)."""
        import pymupdf  # loaded on first use: not needed to show the window

        page = self._doc[index]
        ctm = pymupdf.mupdf.FzMatrix()
        # Page.transformation_matrix ignores /Rotate (PyMuPDF 1.28); MuPDF's own is exact.
        pymupdf.mupdf.pdf_page_transform(
            pymupdf.mupdf.pdf_page_from_fz_page(page.this),
            pymupdf.mupdf.FzRect(pymupdf.mupdf.FzRect.Fixed_UNIT),
            ctm,
        )
        rect = page.rect
        return PageInfo(
            width=float(rect.width),
            height=float(rect.height),
            rotation=int(page.rotation) % 360,
            pdf_to_display=(ctm.a, ctm.b, ctm.c, ctm.d, ctm.e, ctm.f),
        )

    def info(self) -> DocumentInfo:
        """All page infos (~16 µs a page: 0.02 s for 1,000 pages — still, call it off the GUI)."""
        pages = tuple(self.page_info(i) for i in range(self.page_count))
        title = str((self._doc.metadata or {}).get("title") or "")
        return DocumentInfo(len(pages), pages, self.encrypted, title)

    def render(
        self, index: int, scale: float, max_pixels: int = DEFAULT_MAX_PIXELS
    ) -> RenderedPage:
        """Render page ``index`` at ``scale`` pixels per point, white background, annotations on.

        If the image would exceed ``max_pixels`` the scale is lowered to fit; the returned
        ``scale`` says what was used.
        """
        import pymupdf  # loaded on first use: not needed to show the window

        try:
            page = self._doc[index]
            rect = page.rect
            area = max(rect.width * rect.height, 1.0)
            scale = min(scale, (max_pixels / area) ** 0.5)
            # MuPDF rounds the pixmap size up; step down until the rounded size fits too.
            while math.ceil(rect.width * scale) * math.ceil(rect.height * scale) > max_pixels:
                scale *= 0.99
            pix = page.get_pixmap(matrix=pymupdf.Matrix(scale, scale), alpha=False)
            return RenderedPage(index, pix.width, pix.height, pix.stride, scale, bytes(pix.samples))
        except Exception as exc:
            raise RenderError(f"page {index + 1} could not be rendered: {exc}") from None

    def close(self) -> None:
        """Release the file; the instance is unusable afterwards."""
        self._doc.close()

    def __enter__(self) -> PdfDocument:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


# --- worker-process side -------------------------------------------------------------------

# Documents kept open in this (worker) process, most recently used last. Two: the viewer's
# document and, briefly, the previous one while a reload or a switch drains.
_OPEN: OrderedDict[DocumentSource, PdfDocument] = OrderedDict()
_OPEN_MAX = 2
# MuPDF's resource store (fonts, images, ...) may grow to 256 MB per process, and PyMuPDF 1.28
# cannot report its size; halving it every few renders keeps workers small but still warm.
_SHRINK_EVERY = 16
_renders = 0


def _document(source: DocumentSource) -> PdfDocument:
    doc = _OPEN.get(source)
    if doc is not None:
        _OPEN.move_to_end(source)
        return doc
    doc = PdfDocument.open(source.path, source.password)
    _OPEN[source] = doc
    while len(_OPEN) > _OPEN_MAX:
        _OPEN.popitem(last=False)[1].close()
    return doc


def worker_init() -> None:
    """Initializer of a render worker process: exit as soon as the parent process is gone.

    Without it, workers of a GUI that crashed or was killed would wait for work forever (their
    task queue stays open because every worker holds both of its ends).
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def warm_up() -> None:
    """No-op run in a new worker so its start-up is paid before the first real request."""


def load_info(source: DocumentSource) -> DocumentInfo:
    """Open ``source`` in this process and describe all its pages (typed errors as ``open``)."""
    import pymupdf  # loaded on first use: not needed to show the window

    pymupdf.TOOLS.mupdf_display_errors(False)
    return _document(source).info()


def render_page(
    source: DocumentSource,
    index: int,
    scale: float,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> RenderedPage:
    """Render one page of ``source`` in this process (typed errors as :meth:`PdfDocument.open`
    and :meth:`PdfDocument.render`)."""
    import pymupdf  # loaded on first use: not needed to show the window

    pymupdf.TOOLS.mupdf_display_errors(False)
    global _renders
    page = _document(source).render(index, scale, max_pixels)
    _renders += 1
    if _renders % _SHRINK_EVERY == 0:
        pymupdf.TOOLS.store_shrink(50)
    return page
