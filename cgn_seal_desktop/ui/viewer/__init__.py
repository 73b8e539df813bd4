"""The built-in PDF viewer: continuous page view, thumbnails, off-GUI rendering.

Public API: :class:`PdfView`, :class:`ThumbnailList`, :class:`ZoomMode`, :class:`PdfMouseEvent`,
:class:`RenderService`. Errors come from :mod:`cgn_seal_desktop.documents.errors`.
"""

from cgn_seal_desktop.ui.viewer.pdf_view import PdfMouseEvent, PdfView, ZoomMode
from cgn_seal_desktop.ui.viewer.render_worker import RenderService, shared_render_service
from cgn_seal_desktop.ui.viewer.thumbnails import ThumbnailList

__all__ = [
    "PdfMouseEvent",
    "PdfView",
    "RenderService",
    "ThumbnailList",
    "ZoomMode",
    "shared_render_service",
]
