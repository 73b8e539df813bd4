"""Small layout kit for the printable A4 forms: embedded CJK font, fitted text, tables, footer.

Text never overflows its box: :meth:`FormWriter.fit` wraps (CJK per character, Latin words kept
whole), then shrinks the font size step by step, and only as a last resort cuts the text with an
ellipsis. All text uses PyMuPDF's built-in CJK font, embedded as a subset; the rare characters it
lacks are drawn as outlines from a system font (:mod:`cgn_seal_desktop.documents.fonts`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pymupdf

from cgn_seal_desktop.documents.fonts import draw_outline_char
from cgn_seal_desktop.documents.models import TEST_MARK

__all__ = ["A4", "BLACK", "GREY", "MARGIN", "RED", "TEST_NOTICE", "Cell", "FormWriter",
           "wrap_text"]

A4 = pymupdf.paper_rect("a4")  # 595 × 842 pt
MARGIN = 48.0  # ~17 mm left/right
BLACK = (0.0, 0.0, 0.0)
GREY = (0.35, 0.35, 0.35)
RED = (0.78, 0.16, 0.16)
#: The line at the top of every page made for a test environment.
TEST_NOTICE = f"{TEST_MARK}　本文件由测试环境（内置沙箱）生成，不能用于办理任何业务"
HEADER_FILL = (0.92, 0.92, 0.92)
LINE_FACTOR = 1.35  # line height / font size; CJK text's box (asc+desc) is 1.31 em
_FONT = "FormCJK"

# Latin words, numbers, e-mail addresses and URLs stay on one line; anything else breaks anywhere.
_TOKEN = re.compile(r"[A-Za-z0-9@._:/+\-#&]+|\s+|.")
# Chinese typesetting keeps these off the start of a line.
_NO_LINE_START = set("，。、；：！？）》」』】〕,.;:!?)%")


def wrap_text(font: pymupdf.Font, text: str, size: float, width: float) -> list[str]:
    """Break *text* into lines no wider than *width* at *size* (hard breaks at ``\\n`` kept)."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for tok in _TOKEN.findall(para):
            pieces = [tok] if font.text_length(tok, fontsize=size) <= width else list(tok)
            for piece in pieces:
                if not line or font.text_length(line + piece, fontsize=size) <= width:
                    line += piece if line or not piece.isspace() else ""
                    continue
                if piece.isspace():
                    lines.append(line)
                    line = ""
                elif piece in _NO_LINE_START and len(line) > 1:
                    lines.append(line[:-1])  # carry the last character along with the punctuation
                    line = line[-1] + piece
                else:
                    lines.append(line.rstrip())
                    line = piece
        lines.append(line.rstrip())
    return lines


def _runs(font: pymupdf.Font, text: str) -> list[str]:
    """Split *text* into runs the font can draw, and single characters it cannot."""
    runs: list[str] = []
    for ch in text:
        if ch.isspace() or font.has_glyph(ord(ch)):
            if runs and (runs[-1][0].isspace() or font.has_glyph(ord(runs[-1][0]))):
                runs[-1] += ch
            else:
                runs.append(ch)
        else:
            runs.append(ch)
    return runs


@dataclass(frozen=True)
class Cell:
    """One table cell: text, width in points, and how to draw it."""

    text: str
    width: float
    label: bool = False  # bold, centred, shaded label cell
    align: str = "left"  # left | center
    size: float = 11.0


class FormWriter:
    """One generated document: pages, the embedded font, and the helpers that draw on them."""

    def __init__(self) -> None:
        self.font = pymupdf.Font("cjk")
        self._buffer = bytes(self.font.buffer)
        self.doc = pymupdf.open()

    # ------------------------------------------------------------------ pages and text

    def new_page(self) -> pymupdf.Page:
        page = self.doc.new_page(width=A4.width, height=A4.height)
        page.insert_font(fontname=_FONT, fontbuffer=self._buffer)
        return page

    def text(self, page: pymupdf.Page, x: float, baseline: float, text: str, size: float, *,
             bold: bool = False, color: tuple[float, float, float] = BLACK,
             align: str = "left") -> None:
        """Draw one line of *text*; *x* is its left edge, centre or right edge per *align*."""
        width = self.font.text_length(text, fontsize=size)
        if align == "center":
            x -= width / 2
        elif align == "right":
            x -= width
        # Simulated bold: fill plus a thin stroke of the same colour (the font has no bold face).
        stroke = 0.035 if bold else 0.0
        for run in _runs(self.font, text):
            if self.font.has_glyph(ord(run[0])):
                page.insert_text(pymupdf.Point(x, baseline), run, fontname=_FONT, fontsize=size,
                                 color=color, fill=color, render_mode=2 if bold else 0,
                                 border_width=stroke)
                x += self.font.text_length(run, fontsize=size)
            else:  # one character the built-in font lacks; its advance is 1 em (.notdef)
                draw_outline_char(page, run, pymupdf.Point(x + size / 2, baseline),
                                  fontsize=size, color=color, stroke=stroke)
                x += size

    def fit(self, page: pymupdf.Page, rect: pymupdf.Rect, text: str, *, size: float = 11.0,
            min_size: float = 6.0, align: str = "left", valign: str = "middle",
            bold: bool = False, pad: float = 4.0,
            color: tuple[float, float, float] = BLACK) -> float:
        """Draw *text* inside *rect* (minus *pad*), wrapped and shrunk until it fits.

        Returns the font size used. Text that does not fit even at *min_size* is cut with "…".
        """
        inner = pymupdf.Rect(rect.x0 + pad, rect.y0 + pad / 2, rect.x1 - pad, rect.y1 - pad / 2)
        text = text.strip()
        if not text:
            return size
        current = size
        while True:
            lines = wrap_text(self.font, text, current, inner.width)
            if len(lines) * current * LINE_FACTOR <= inner.height or current <= min_size:
                break
            current = max(min_size, current - 0.5)
        line_h = current * LINE_FACTOR
        max_lines = max(1, int(inner.height // line_h))
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            last = lines[-1]
            while last and self.font.text_length(last + "…", fontsize=current) > inner.width:
                last = last[:-1]
            lines[-1] = last + "…"
        block = len(lines) * line_h
        top = {"top": inner.y0, "bottom": inner.y1 - block}.get(
            valign, inner.y0 + (inner.height - block) / 2)
        x = {"center": (inner.x0 + inner.x1) / 2, "right": inner.x1}.get(align, inner.x0)
        for i, line in enumerate(lines):
            # Centre the 1.31 em text box (ascender 1.04, descender 0.27) in its line.
            baseline = top + line_h * (i + 0.5) + current * 0.385
            self.text(page, x, baseline, line, current, bold=bold, color=color, align=align)
        return current

    def paragraph(self, page: pymupdf.Page, x: float, y: float, width: float, text: str,
                  size: float, *, indent: float = 0.0,
                  color: tuple[float, float, float] = BLACK) -> float:
        """Draw *text* wrapped to *width* from top *y*; continuation lines start at *indent*.

        Returns the y just below the last line.
        """
        line_h = size * LINE_FACTOR
        first, *rest = wrap_text(self.font, text, size, width)
        lines = [(x, first)]
        if rest:
            lines += [(x + indent, ln) for ln in wrap_text(self.font, "".join(rest), size,
                                                           width - indent)]
        for i, (lx, line) in enumerate(lines):
            self.text(page, lx, y + line_h * (i + 0.5) + size * 0.385, line, size, color=color)
        return y + line_h * len(lines)

    # ------------------------------------------------------------------ tables

    def row(self, page: pymupdf.Page, x: float, y: float, height: float,
            cells: list[Cell]) -> float:
        """Draw a table row of *cells* starting at (*x*, *y*); returns the row's bottom y."""
        for cell in cells:
            rect = pymupdf.Rect(x, y, x + cell.width, y + height)
            if cell.label:
                page.draw_rect(rect, color=None, fill=HEADER_FILL, width=0)
            page.draw_rect(rect, color=BLACK, width=0.7)
            self.fit(page, rect, cell.text, size=cell.size, bold=cell.label,
                     align="center" if cell.label else cell.align)
            x += cell.width
        return y + height

    def section(self, page: pymupdf.Page, x: float, y: float, width: float, title: str,
                height: float = 22.0) -> float:
        """A full-width shaded section heading row; returns its bottom y."""
        rect = pymupdf.Rect(x, y, x + width, y + height)
        page.draw_rect(rect, color=BLACK, fill=HEADER_FILL, width=0.7)
        self.fit(page, rect, title, size=11.5, bold=True, pad=5)
        return y + height

    # ------------------------------------------------------------------ output

    def test_mark(self, page: pymupdf.Page) -> None:
        """Mark *page* as made by a test environment: a red line at the top and
        :data:`~cgn_seal_desktop.documents.models.TEST_MARK` large and diagonal across the page,
        translucent so the form stays readable, but impossible to miss or to cut off."""
        self.text(page, A4.width / 2, 30, TEST_NOTICE, 10, bold=True, color=RED, align="center")
        size = 64.0
        centre = pymupdf.Point(A4.width / 2, A4.height / 2)
        width = self.font.text_length(TEST_MARK, fontsize=size)
        for dy in (-A4.height / 4, 0.0, A4.height / 4):
            at = pymupdf.Point(centre.x, centre.y + dy)
            page.insert_text(pymupdf.Point(at.x - width / 2, at.y + size * 0.35), TEST_MARK,
                             fontname=_FONT, fontsize=size, color=RED, fill_opacity=0.22,
                             morph=(at, pymupdf.Matrix(-30)))

    def finish(self, *, title: str, footer_left: str, today: dt.date,
               test_mark: bool = False) -> bytes:
        """Add footers (page x of n, generation date), subset the font and return the PDF bytes.

        With *test_mark* every page is marked as made by a test environment (:meth:`test_mark`)
        and so is the document title. Output depends only on the content and *today*: no
        random document ID, fixed metadata.
        """
        total = self.doc.page_count
        if test_mark:
            title = f"{title}（{TEST_MARK}）"
            footer_left = f"{TEST_MARK} · {footer_left}"
        for number in range(1, total + 1):
            page = self.doc[number - 1]
            if test_mark:
                self.test_mark(page)
            y = A4.height - 28
            page.draw_line(pymupdf.Point(MARGIN, y - 12), pymupdf.Point(A4.width - MARGIN, y - 12),
                           color=GREY, width=0.4)
            self.text(page, MARGIN, y, footer_left, 8, color=RED if test_mark else GREY)
            self.text(page, A4.width - MARGIN, y,
                      f"第 {number} 页 / 共 {total} 页　　生成日期：{today.isoformat()}", 8,
                      color=GREY, align="right")
        stamp = f"D:{today.strftime('%Y%m%d')}000000"
        self.doc.set_metadata({"title": title, "creator": "cgn-seal-desktop",
                               "producer": "cgn-seal-desktop (PyMuPDF)",
                               "creationDate": stamp, "modDate": stamp})
        self.doc.subset_fonts()
        data = self.doc.tobytes(garbage=4, deflate=True, no_new_id=True)
        self.doc.close()
        return data
