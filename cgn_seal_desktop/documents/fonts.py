"""CJK fonts for the generated documents and the seal picture.

PyMuPDF's built-in CJK font (Droid Sans Fallback) is the default everywhere: it is always present,
identical on every machine (so output is reproducible) and MuPDF subsets it to a few KB. It lacks
rarer characters (CJK Extension A and later, e.g. 㐀); for those a system font is found at runtime
(:func:`find_cjk_font`). MuPDF cannot subset the CFF-based Noto CJK fonts, so where file size
matters (the seal, embedded in every signed document) the missing glyphs are drawn as vector
outlines instead of embedding a 20 MB font (:func:`glyph_outline`).
"""

from __future__ import annotations

import functools
import logging
import math
import os
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

import pymupdf

__all__ = ["OUTLINE_EM", "GlyphOutline", "cjk_font_buffer", "draw_outline_char", "find_cjk_font",
           "glyph_outline", "load_font_file", "system_font_for"]

log = logging.getLogger(__name__)

#: Font size at which :func:`glyph_outline` draws (points per em).
OUTLINE_EM = 100.0


def _font_candidates() -> list[Path]:
    # Sans (黑体) faces first: they match the built-in Droid Sans Fallback they stand in for.
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        return [windir / n for n in ("simhei.ttf", "msyh.ttc", "simsun.ttc", "simsunb.ttf",
                                     "simkai.ttf")]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts/STHeiti Medium.ttc"),
                Path("/System/Library/Fonts/PingFang.ttc"),
                Path("/System/Library/Fonts/Supplemental/Songti.ttc")]
    roots = [Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/noto-cjk"),
             Path("/usr/share/fonts/google-noto-cjk")]
    names = ("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc", "NotoSerifCJK-Regular.ttc",
             "NotoSerifCJK-Bold.ttc")
    return [root / n for root in roots for n in names]


def find_cjk_font() -> Path | None:
    """First installed system CJK font: SimHei/YaHei/SimSun on Windows, Noto CJK on Linux…

    Returns None when none of the known files exists.
    """
    return next((p for p in _font_candidates() if p.is_file()), None)


def _ttc_face(data: bytes, prefer: tuple[str, ...] = ("SC", "SimSun", "YaHei", "GB")) -> bytes:
    """Cut one face out of a TrueType/OpenType collection as a standalone font.

    MuPDF always loads face 0 of a collection, which for Noto CJK is the Japanese one; the
    Simplified Chinese face has the mainland glyph shapes. Tables are copied, not parsed.
    """
    count = struct.unpack(">I", data[8:12])[0]
    offsets = struct.unpack(f">{count}I", data[12 : 12 + 4 * count])
    faces: list[bytes] = []
    for off in offsets:
        num = struct.unpack(">H", data[off + 4 : off + 6])[0]
        records = [struct.unpack(">4sIII", data[off + 12 + 16 * i : off + 28 + 16 * i])
                   for i in range(num)]
        table_dir = bytearray()
        body = bytearray()
        start = 12 + 16 * num
        for tag, checksum, t_off, t_len in records:
            table_dir += struct.pack(">4sIII", tag, checksum, start + len(body), t_len)
            body += data[t_off : t_off + t_len]
            body += b"\0" * (-len(body) % 4)
        faces.append(bytes(data[off : off + 12] + table_dir + body))
    for want in prefer:
        for face in faces:
            if want.lower() in pymupdf.Font(fontbuffer=face).name.lower():
                return face
    return faces[0]


@functools.lru_cache(maxsize=2)
def load_font_file(path: Path) -> bytes:
    """A font file's bytes; for a collection (.ttc) the Simplified Chinese face alone."""
    data = path.read_bytes()
    return _ttc_face(data) if data[:4] == b"ttcf" else data


def system_font_for(text: str) -> bytes | None:
    """A system CJK font (bytes) that has every character of *text*, or None."""
    needed = {ord(c) for c in text if not c.isspace()}
    for path in _font_candidates():
        if not path.is_file():
            continue
        try:
            data = load_font_file(path)
            font = pymupdf.Font(fontbuffer=data)
        except Exception:  # unreadable or unsupported font file: try the next one
            log.debug("cannot load font %s", path, exc_info=True)
            continue
        if all(font.has_glyph(cp) for cp in needed):
            return data
    return None


def cjk_font_buffer(text: str = "") -> bytes:
    """Bytes of a CJK font able to draw every character of *text*, for embedding.

    The built-in font when it has every character; otherwise a system font that has them all
    (which MuPDF may be unable to subset: the PDF then carries the whole font, tens of MB — still
    better than a blank where a character of the organisation's name should be).
    """
    builtin = pymupdf.Font("cjk")
    if all(builtin.has_glyph(ord(c)) for c in text if not c.isspace()):
        return bytes(builtin.buffer)
    data = system_font_for(text)
    if data is not None:
        log.info("built-in CJK font lacks characters; embedding a system font")
        return data
    log.warning("no CJK font has every character of the text; some will be blank")
    return bytes(builtin.buffer)


@dataclass
class GlyphOutline:
    """One character as vector paths: ``page`` 1 of ``doc`` is ``advance`` × ``height`` points
    at a 100 pt em, with the baseline ``ascender`` points below the top edge."""

    doc: pymupdf.Document
    advance: float
    height: float
    ascender: float


def glyph_outline(ch: str, *, xscale: float = 1.0,
                  color: tuple[float, float, float] = (0.0, 0.0, 0.0),
                  stroke: float = 0.0) -> GlyphOutline | None:
    """*ch* drawn from a system font as filled vector paths (no font needed to show it).

    *xscale* squeezes the glyph horizontally; *stroke* > 0 adds an outline of that fraction of
    the font size in the same colour (simulated bold, like ``render_mode=2``). Returns None when
    no system font has the character.
    """
    data = system_font_for(ch)
    if data is None:
        return None
    font = pymupdf.Font(fontbuffer=data)
    advance = font.text_length(ch, fontsize=OUTLINE_EM) * xscale
    ascender = font.ascender * OUTLINE_EM
    height = (font.ascender - font.descender) * OUTLINE_EM
    src = pymupdf.open()
    page = src.new_page(width=advance, height=height)
    page.insert_font(fontname="G", fontbuffer=data)
    origin = pymupdf.Point(0, ascender)
    page.insert_text(origin, ch, fontname="G", fontsize=OUTLINE_EM, color=color, fill=color,
                     render_mode=2 if stroke > 0 else 0, border_width=stroke,
                     morph=(origin, pymupdf.Matrix(xscale, 0, 0, 1, 0, 0)))
    svg = page.get_svg_image(text_as_path=True)
    src.close()
    with pymupdf.open("svg", svg.encode("utf-8")) as vector:
        doc = pymupdf.open("pdf", vector.convert_to_pdf())
    return GlyphOutline(doc=doc, advance=advance, height=height, ascender=ascender)


def draw_outline_char(page: pymupdf.Page, ch: str, anchor: pymupdf.Point, *, fontsize: float,
                      rotation: float = 0.0, xscale: float = 1.0,
                      color: tuple[float, float, float] = (0.0, 0.0, 0.0),
                      stroke: float = 0.0) -> bool:
    """Draw *ch* as outlines centred on its baseline at *anchor*, turned clockwise by *rotation*.

    For characters the built-in font lacks. Invisible text (render mode 3, so the font need not
    be embedded) is laid on top so the character still extracts and searches, as far as the
    Adobe-GB1 character collection has it. Returns False when no system font has the glyph and
    nothing visible was drawn.
    """
    outline = glyph_outline(ch, xscale=xscale, color=color, stroke=stroke)
    if outline is None:
        log.warning("no font has character U+%04X; it is left blank", ord(ch))
    else:
        k = fontsize / OUTLINE_EM
        w, h = outline.advance * k, outline.height * k
        lift = h / 2 - outline.ascender * k  # glyph box centre below the baseline
        t = math.radians(rotation)
        centre = pymupdf.Point(anchor.x - lift * math.sin(t), anchor.y + lift * math.cos(t))
        bw = w * abs(math.cos(t)) + h * abs(math.sin(t))
        bh = w * abs(math.sin(t)) + h * abs(math.cos(t))
        rect = pymupdf.Rect(centre.x - bw / 2, centre.y - bh / 2,
                            centre.x + bw / 2, centre.y + bh / 2)
        # show_pdf_page turns counter-clockwise for positive angles.
        page.show_pdf_page(rect, outline.doc, 0, rotate=-rotation)
        outline.doc.close()
    # In PyMuPDF page space (y down) Matrix(-deg) turns text clockwise on screen.
    morph = (anchor, pymupdf.Matrix(xscale, 0, 0, 1, 0, 0) * pymupdf.Matrix(-rotation))
    page.insert_text(pymupdf.Point(anchor.x - fontsize / 2, anchor.y), ch, fontname="china-s",
                     fontsize=fontsize, render_mode=3, morph=morph)
    return outline is not None
