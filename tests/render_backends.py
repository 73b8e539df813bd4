"""Page renderers for tests, handed to ``RenderService(renderer=...)`` (the product's seam, like
Dangerzone's dummy isolation provider), never hooks inside product classes. They run in the
render worker processes, so they are module-level and picklable."""

from __future__ import annotations

import time
from dataclasses import dataclass

from cgn_seal_desktop.documents.render import DocumentSource, RenderedPage, render_page

__all__ = ["SlowRenderer"]


@dataclass(frozen=True)
class SlowRenderer:
    """The real renderer, after sleeping *delay_s* seconds first (a slow machine, a huge page)."""

    delay_s: float

    def __call__(self, source: DocumentSource, index: int, scale: float,
                 max_pixels: int) -> RenderedPage:
        time.sleep(self.delay_s)
        return render_page(source, index, scale, max_pixels)
