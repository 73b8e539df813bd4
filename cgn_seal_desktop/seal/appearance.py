"""The seal picture placed on the page when signing: a generated company seal or the user's image.

:func:`default_seal_pdf` draws a red round Chinese company seal (公章) as a one-page vector PDF
whose page is exactly the seal's diameter square and holds nothing but the ink, so pyHanko can use
page 1 as a stamp background (``StaticStampStyle.from_pdf_file``) and it stays crisp at any zoom.
The organisation name is real text in an embedded, subset CJK font, so it can be extracted.

:func:`default_seal_png` renders the same seal with a transparent background for GUI previews, and
:func:`image_to_seal_pdf` wraps a user-supplied PNG/JPEG (alpha kept as a soft mask) the same way.
"""

from __future__ import annotations

import functools
import logging
import math
from dataclasses import dataclass

import pymupdf

from cgn_seal_desktop.documents.fonts import cjk_font_buffer, draw_outline_char, find_cjk_font
from cgn_seal_desktop.seal.errors import SealImageError

__all__ = [
    "MAX_IMAGE_BYTES",
    "SEAL_RED",
    "cjk_font_buffer",
    "default_seal_pdf",
    "default_seal_png",
    "find_cjk_font",
    "image_to_seal_pdf",
    "mm_to_pt",
]

log = logging.getLogger(__name__)

#: Seal red, #E60012 (the red of Chinese official seal ink on screen).
SEAL_RED: tuple[float, float, float] = (0xE6 / 255, 0x00 / 255, 0x12 / 255)

#: Largest user seal image accepted by :func:`image_to_seal_pdf`.
MAX_IMAGE_BYTES = 10 * 1024 * 1024
_MAX_IMAGE_PIXELS = 8000  # per side; a seal scanned at 600 dpi is ~1000 px
_MIN_IMAGE_PIXELS = 16

_PT_PER_MM = 72 / 25.4
_FONT_RES = "SealCJK"  # resource name of the font inside the seal page
_STROKE = 0.02  # outline added to glyphs (fraction of font size): seal characters are heavy

_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC = b"\xff\xd8\xff"


def mm_to_pt(mm: float) -> float:
    """Millimetres to PDF points (1/72 inch)."""
    return mm * _PT_PER_MM


# --------------------------------------------------------------------------- the seal


@dataclass(frozen=True)
class _Geometry:
    size: float  # page side (points) = diameter
    centre: float
    ring_outer: float
    ring_width: float

    @property
    def ring_inner(self) -> float:
        return self.ring_outer - self.ring_width


def _geometry(diameter_mm: float) -> _Geometry:
    size = mm_to_pt(diameter_mm)
    margin = size * 0.004  # keeps the anti-aliased ring edge inside the page
    return _Geometry(size=size, centre=size / 2, ring_outer=size / 2 - margin,
                     ring_width=size * 0.034)


class _Painter:
    """Draws the seal's characters on *page* in seal red.

    Characters of the built-in font are real text. A character it lacks is drawn as vector
    outlines from a system font (a whole system font would add ~20 MB to every signed document),
    with invisible text on top so the name still extracts and searches.
    """

    def __init__(self, page: pymupdf.Page) -> None:
        self.page = page
        self.font = pymupdf.Font("cjk")
        page.insert_font(fontname=_FONT_RES, fontbuffer=bytes(self.font.buffer))

    def advance(self, text: str, fontsize: float) -> float:
        return sum(self.font.text_length(ch, fontsize=fontsize) if self.font.has_glyph(ord(ch))
                   else fontsize for ch in text)

    def char(self, ch: str, anchor: pymupdf.Point, *, rotation: float, fontsize: float,
             xscale: float = 1.0) -> None:
        """Draw *ch* centred on its baseline at *anchor*, turned clockwise by *rotation* degrees
        and squeezed horizontally by *xscale*."""
        # In PyMuPDF page space (y down) Matrix(-deg) turns text clockwise on screen.
        morph = (anchor, pymupdf.Matrix(xscale, 0, 0, 1, 0, 0) * pymupdf.Matrix(-rotation))
        start = pymupdf.Point(anchor.x - self.advance(ch, fontsize) / 2, anchor.y)
        if self.font.has_glyph(ord(ch)):
            self.page.insert_text(start, ch, fontname=_FONT_RES, fontsize=fontsize,
                                  color=SEAL_RED, fill=SEAL_RED, render_mode=2,
                                  border_width=_STROKE, morph=morph)
        else:
            draw_outline_char(self.page, ch, anchor, fontsize=fontsize, rotation=rotation,
                              xscale=xscale, color=SEAL_RED, stroke=_STROKE)

    def text(self, text: str, left: pymupdf.Point, fontsize: float) -> None:
        """A horizontal line of text with its baseline starting at *left*."""
        x = left.x
        for ch in text:
            adv = self.advance(ch, fontsize)
            self.char(ch, pymupdf.Point(x + adv / 2, left.y), rotation=0, fontsize=fontsize)
            x += adv


def _polar(g: _Geometry, angle: float, radius: float) -> pymupdf.Point:
    """Point at *radius* from the centre, *angle* degrees clockwise from 12 o'clock."""
    a = math.radians(angle)
    return pymupdf.Point(g.centre + radius * math.sin(a), g.centre - radius * math.cos(a))


# CJK ideographs in Droid Sans Fallback sit about 0.12 em below to 0.88 em above the baseline.
_INK_TOP = 0.88
_INK_BOTTOM = 0.12


def _draw_name(p: _Painter, name: str, g: _Geometry) -> None:
    n = len(name)
    top = g.ring_inner - g.size * 0.028  # ink top of every character
    fontsize = g.size * 0.16
    # Degrees of arc the name occupies: 210–250° as names get longer; very short names (under
    # ~7 characters) keep their natural spacing instead of being spread round the whole ring.
    natural = math.degrees(1.3 * fontsize / (top - fontsize * 0.5)) * n
    span = min(250.0, max(210.0, 150.0 + 7.0 * n), natural)
    pitch = span / n
    xscale = 1.0
    for _ in range(4):  # fixed-point: the usable arc length depends on the text radius
        mid = top - fontsize * (_INK_TOP + _INK_BOTTOM) / 2
        arc = mid * math.radians(pitch) * 0.88  # leave a gap between neighbours
        xscale = min(1.0, arc / fontsize)
        if xscale < 0.72:  # squeeze glyphs a little, then shrink them
            fontsize = arc / 0.72
            xscale = 0.72
    fontsize = max(fontsize, g.size * 0.05)
    baseline = top - fontsize * _INK_TOP
    for i, ch in enumerate(name):
        angle = -span / 2 + pitch * (i + 0.5)
        p.char(ch, _polar(g, angle, baseline), rotation=angle, fontsize=fontsize,
               xscale=xscale)


def _draw_serial(p: _Painter, serial: str, g: _Geometry) -> None:
    fontsize = g.size * 0.055
    outer = g.ring_inner - g.size * 0.02  # glyph bottoms face the ring, tops the centre
    baseline = outer - fontsize * 0.05
    n = len(serial)
    radius_mid = baseline - fontsize * 0.35
    pitch = math.degrees(fontsize * 0.72 / radius_mid)
    span = min(pitch * n, 110.0)
    pitch = span / n
    fontsize = min(fontsize, radius_mid * math.radians(pitch) / 0.6)
    for i, ch in enumerate(serial):
        # Left to right along the bottom: from 6 o'clock + span/2 back to 6 o'clock - span/2.
        angle = 180 + span / 2 - pitch * (i + 0.5)
        p.char(ch, _polar(g, angle, baseline), rotation=angle - 180, fontsize=fontsize)


def _draw_star(page: pymupdf.Page, g: _Geometry, radius: float) -> None:
    points = []
    for k in range(10):
        r = radius if k % 2 == 0 else radius * 0.382  # golden-ratio star
        a = math.radians(36 * k)
        points.append(pymupdf.Point(g.centre + r * math.sin(a), g.centre - r * math.cos(a)))
    points.append(points[0])
    page.draw_polyline(points, color=None, fill=SEAL_RED, closePath=True)


def _draw_subtitle(p: _Painter, text: str, g: _Geometry, star_radius: float,
                   serial: bool) -> None:
    fontsize = g.size * 0.075
    top = g.centre + star_radius * 0.809 + g.size * 0.045  # below the star's lower points
    floor_r = g.ring_inner - g.size * (0.1 if serial else 0.03)
    for _ in range(3):
        baseline = top + fontsize * _INK_TOP
        bottom_y = baseline + fontsize * _INK_BOTTOM - g.centre
        half = math.sqrt(max(floor_r**2 - bottom_y**2, 0.0)) * 0.92
        width = p.advance(text, fontsize)
        if width <= 2 * half:
            break
        fontsize *= 2 * half / width
    width = p.advance(text, fontsize)
    p.text(text, pymupdf.Point(g.centre - width / 2, top + fontsize * _INK_TOP), fontsize)


# Drawing takes ~0.4 s (PyMuPDF inserts each glyph separately) and the result only depends on
# the arguments: sign_with_session asks for the same seal at every signature.
@functools.lru_cache(maxsize=16)
def default_seal_pdf(org_name: str, *, diameter_mm: float = 42, subtitle: str | None = None,
                     serial: str | None = None) -> bytes:
    """Return a one-page vector PDF of a red round company seal for *org_name*.

    The page is exactly ``diameter_mm`` square and contains only the seal's ink (no background):
    an outer ring, the name along the upper arc (clockwise, glyphs following the arc, squeezed and
    then shrunk for long names), a solid five-pointed star, an optional horizontal *subtitle*
    below the star and optional small *serial* digits along the lower arc. The built-in CJK font is
    embedded as a subset; characters it lacks are drawn as outlines from a system font
    (:mod:`cgn_seal_desktop.documents.fonts`). Output is deterministic for equal arguments.

    :raises ValueError: empty name or a diameter outside 20–80 mm.
    """
    name = "".join(org_name.split())
    if not name:
        raise ValueError("organisation name is empty")
    if not 20 <= diameter_mm <= 80:
        raise ValueError("seal diameter must be between 20 and 80 mm")
    sub = (subtitle or "").strip()
    ser = "".join((serial or "").split())
    g = _geometry(diameter_mm)
    doc = pymupdf.open()
    page = doc.new_page(width=g.size, height=g.size)
    painter = _Painter(page)
    ring_mid = g.ring_outer - g.ring_width / 2
    page.draw_circle(pymupdf.Point(g.centre, g.centre), ring_mid, color=SEAL_RED, fill=None,
                     width=g.ring_width)
    star_radius = g.size * (0.15 if sub else 0.165)
    _draw_star(page, g, star_radius)
    _draw_name(painter, name, g)
    if sub:
        _draw_subtitle(painter, sub, g, star_radius, bool(ser))
    if ser:
        _draw_serial(painter, ser, g)
    doc.set_metadata({"title": f"{name} seal", "producer": "cgn-seal-desktop", "creator": ""})
    doc.subset_fonts()
    data = doc.tobytes(garbage=4, deflate=True, no_new_id=True)
    doc.close()
    return data


def default_seal_png(org_name: str, *, diameter_mm: float = 42, dpi: int = 300,
                     subtitle: str | None = None, serial: str | None = None) -> bytes:
    """Render :func:`default_seal_pdf` to a PNG with alpha (transparent outside the ink)."""
    if not 36 <= dpi <= 1200:
        raise ValueError("dpi must be between 36 and 1200")
    pdf = default_seal_pdf(org_name, diameter_mm=diameter_mm, subtitle=subtitle, serial=serial)
    with pymupdf.open("pdf", pdf) as doc:
        pix = doc[0].get_pixmap(dpi=dpi, alpha=True)
        return bytes(pix.tobytes("png"))


# --------------------------------------------------------------------------- user images


def _check_image(data: bytes) -> pymupdf.Pixmap:
    if not isinstance(data, bytes | bytearray | memoryview):
        raise SealImageError("seal image must be bytes")
    data = bytes(data)
    if len(data) > MAX_IMAGE_BYTES:
        raise SealImageError(
            f"seal image is {len(data) / 1048576:.1f} MB; the limit is "
            f"{MAX_IMAGE_BYTES // 1048576} MB")
    if not (data.startswith(_PNG_MAGIC) or data.startswith(_JPEG_MAGIC)):
        raise SealImageError("seal image must be a PNG or JPEG file")
    try:
        pix = pymupdf.Pixmap(data)
    except Exception as exc:  # MuPDF raises plain Exception/RuntimeError on corrupt images
        raise SealImageError("seal image cannot be decoded (damaged or truncated file)") from exc
    if not (_MIN_IMAGE_PIXELS <= pix.width <= _MAX_IMAGE_PIXELS
            and _MIN_IMAGE_PIXELS <= pix.height <= _MAX_IMAGE_PIXELS):
        raise SealImageError(
            f"seal image is {pix.width}×{pix.height} pixels; each side must be "
            f"{_MIN_IMAGE_PIXELS}–{_MAX_IMAGE_PIXELS}")
    return pix


def image_to_seal_pdf(png_or_jpg_bytes: bytes, *, width_mm: float | None = None) -> bytes:
    """Wrap a PNG (transparency kept as a soft mask) or JPEG in a one-page PDF of its aspect ratio.

    The page is *width_mm* wide (default 42 mm, the usual company seal) and as high as the image's
    aspect ratio requires; the image fills it exactly.

    :raises SealImageError: not PNG/JPEG, larger than :data:`MAX_IMAGE_BYTES`, undecodable, or
        with implausible pixel dimensions.
    """
    pix = _check_image(png_or_jpg_bytes)
    width_mm = 42.0 if width_mm is None else float(width_mm)
    if not 5 <= width_mm <= 200:
        raise SealImageError("seal width must be between 5 and 200 mm")
    width = mm_to_pt(width_mm)
    height = width * pix.height / pix.width
    doc = pymupdf.open()
    page = doc.new_page(width=width, height=height)
    try:
        page.insert_image(page.rect, stream=bytes(png_or_jpg_bytes), keep_proportion=False)
    except Exception as exc:
        raise SealImageError("seal image cannot be embedded in a PDF") from exc
    doc.set_metadata({"title": "seal image", "producer": "cgn-seal-desktop", "creator": ""})
    data = doc.tobytes(garbage=4, deflate=True, no_new_id=True)
    doc.close()
    return data
