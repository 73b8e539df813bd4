"""The built-in PDF viewer: continuous page view, thumbnails, rendering in worker processes.

Typical use (main window)::

    view = PdfView(parent)                 # starts the shared render workers
    thumbs = ThumbnailList(parent)
    thumbs.set_view(view)                  # follows the view; clicking a thumbnail scrolls it
    view.password_required.connect(ask_password_then_call_view_open)
    view.open_failed.connect(show_error)   # a documents.errors.DocumentError
    view.open(path)                        # returns at once; document_opened(page_count) follows

Seal tools and signature overlays build on ``page_at``, ``pdf_rect_to_viewport``,
``viewport_rect_to_pdf``, ``overlay_paint`` and the ``mouse_*`` signals (PDF user space, points,
origin bottom-left), never by subclassing. Scripts that create a view and are run by path must
guard their entry point with ``if __name__ == "__main__":`` (workers are spawned processes).
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
