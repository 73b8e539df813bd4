"""Pure geometry of the continuous page view (no Qt): where each page sits, and point mapping.

Content space is the scrollable canvas in logical pixels: pages stacked top to bottom with
``spacing`` between them and ``margin`` around, each centred horizontally. A page's display space
(points, top-left origin, rotation applied) maps to content space by ``scale`` and the page's
offset; PDF user space maps to display space by the page's ``pdf_to_display`` matrix.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import NamedTuple

from cgn_seal_desktop.documents.render import Matrix6

__all__ = [
    "Box",
    "PageLayout",
    "apply",
    "fit_page_scale",
    "fit_width_scale",
    "invert",
    "map_rect",
]


class Box(NamedTuple):
    """An axis-aligned rectangle: top-left corner and size."""

    x: float
    y: float
    w: float
    h: float

    def contains(self, px: float, py: float) -> bool:
        """True if the point lies inside or on the border."""
        return self.x <= px <= self.x + self.w and self.y <= py <= self.y + self.h


def apply(m: Matrix6, x: float, y: float) -> tuple[float, float]:
    """Transform the point ``(x, y)`` by ``m``."""
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def invert(m: Matrix6) -> Matrix6:
    """Inverse of ``m``; raises ``ZeroDivisionError`` for a degenerate matrix."""
    a, b, c, d, e, f = m
    det = a * d - b * c
    ia, ib, ic, id_ = d / det, -b / det, -c / det, a / det
    return ia, ib, ic, id_, -(ia * e + ic * f), -(ib * e + id_ * f)


def map_rect(m: Matrix6, x0: float, y0: float, x1: float, y1: float) -> Box:
    """Bounding box of the rectangle's four corners under ``m`` (exact for 90° multiples)."""
    pts = [apply(m, x, y) for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def fit_width_scale(
    sizes: Sequence[tuple[float, float]], viewport_width: float, margin: float
) -> float:
    """Scale (pixels per point) at which the widest page fills the viewport's width."""
    widest = max((w for w, _ in sizes), default=1.0)
    return max(viewport_width - 2 * margin, 1.0) / widest


def fit_page_scale(
    size: tuple[float, float], viewport_width: float, viewport_height: float, margin: float
) -> float:
    """Scale at which one page of ``size`` fits entirely into the viewport."""
    w, h = size
    avail_w = max(viewport_width - 2 * margin, 1.0)
    avail_h = max(viewport_height - 2 * margin, 1.0)
    return min(avail_w / w, avail_h / h)


class PageLayout:
    """Positions of all pages at one scale. Building it is O(pages); queries are O(log pages).

    :param sizes: display size (points) of each page.
    :param scale: logical pixels per point.
    :param viewport_width: width available; narrow pages are centred in it.
    """

    def __init__(
        self,
        sizes: Sequence[tuple[float, float]],
        scale: float,
        viewport_width: float,
        spacing: float = 8.0,
        margin: float = 8.0,
    ) -> None:
        self.sizes = list(sizes)
        self.scale = scale
        self.spacing = spacing
        self.margin = margin
        widest = max((w for w, _ in self.sizes), default=0.0) * scale
        self.content_width = max(widest + 2 * margin, viewport_width)
        heights = [h * scale for _, h in self.sizes]
        # tops[i] = y of page i; one extra entry marks the bottom of the last page + spacing.
        self._tops = [margin + s + i * spacing for i, s in enumerate([0.0, *accumulate(heights)])]
        self.content_height = (self._tops[-1] - spacing + margin) if self.sizes else 0.0

    @property
    def page_count(self) -> int:
        """Number of pages laid out."""
        return len(self.sizes)

    def page_box(self, index: int) -> Box:
        """Rectangle of page ``index`` in content space."""
        w, h = self.sizes[index]
        w, h = w * self.scale, h * self.scale
        return Box((self.content_width - w) / 2, self._tops[index], w, h)

    def nearest_page(self, y: float) -> int:
        """Index of the page at height ``y`` (or the gap below it), clamped to valid pages."""
        if not self.sizes:
            raise IndexError("no pages")
        i = bisect_right(self._tops, y) - 1
        return min(max(i, 0), len(self.sizes) - 1)

    def page_at(self, x: float, y: float) -> int | None:
        """Index of the page under content point ``(x, y)``, or None over a gap or margin."""
        if not self.sizes:
            return None
        i = self.nearest_page(y)
        return i if self.page_box(i).contains(x, y) else None

    def pages_between(self, y0: float, y1: float) -> range:
        """Indices of pages intersecting the content band ``y0..y1`` (may be empty)."""
        if not self.sizes or y1 < y0:
            return range(0)
        first = self.nearest_page(y0)
        if self.page_box(first).y + self.page_box(first).h < y0:
            first += 1
        last = self.nearest_page(y1)
        return range(first, last + 1) if first <= last else range(0)

    def display_to_content(self, index: int, x: float, y: float) -> tuple[float, float]:
        """Page ``index`` display point (points) → content point (pixels)."""
        box = self.page_box(index)
        return box.x + x * self.scale, box.y + y * self.scale

    def content_to_display(self, index: int, x: float, y: float) -> tuple[float, float]:
        """Content point (pixels) → display point (points) of page ``index``."""
        box = self.page_box(index)
        return (x - box.x) / self.scale, (y - box.y) / self.scale
