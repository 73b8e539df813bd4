"""Seal appearance: generated company seal (vector PDF + PNG) and user images wrapped as PDF."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pymupdf
import pytest

from cgn_seal_desktop.seal.appearance import (
    MAX_IMAGE_BYTES,
    cjk_font_buffer,
    default_seal_pdf,
    default_seal_png,
    find_cjk_font,
    image_to_seal_pdf,
    mm_to_pt,
)
from cgn_seal_desktop.seal.errors import SealError, SealImageError

NAME = "深圳市示例新能源科技有限公司"
LONG_NAME = "广东省深圳市南山区粤海街道科技园某某某新能源技术股份有限公司"  # 30 characters


def _chars(pdf: bytes) -> list[tuple[str, pymupdf.Quad]]:
    """Every character on page 1 with its (possibly rotated) quad."""
    out = []
    with pymupdf.open("pdf", pdf) as doc:
        raw = doc[0].get_text("rawdict")
        for block in raw["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    for ch in span["chars"]:
                        quad = pymupdf.recover_char_quad(line["dir"], span, ch)
                        out.append((ch["c"], quad))
    return out


def _pixmap(png: bytes) -> pymupdf.Pixmap:
    pix = pymupdf.Pixmap(png)
    assert pix.alpha == 1, "PNG must carry an alpha channel"
    return pix


def test_page_is_exactly_the_seal_diameter() -> None:
    with pymupdf.open("pdf", default_seal_pdf(NAME)) as doc:
        assert doc.page_count == 1
        assert doc[0].rect.width == pytest.approx(119.06, abs=0.01)  # 42 mm
        assert doc[0].rect.height == pytest.approx(119.06, abs=0.01)
    with pymupdf.open("pdf", default_seal_pdf(NAME, diameter_mm=40)) as doc:
        assert doc[0].rect.width == pytest.approx(mm_to_pt(40), abs=0.01)


def test_every_character_of_the_name_subtitle_and_serial_is_real_text() -> None:
    pdf = default_seal_pdf(NAME, subtitle="电子签章专用章", serial="4403050012345")
    text = "".join(c for c, _ in _chars(pdf))
    assert text.startswith(NAME)  # in reading order, left to right clockwise
    assert "电子签章专用章" in text
    assert text.endswith("4403050012345")


def test_name_reads_clockwise_along_the_upper_arc() -> None:
    pdf = default_seal_pdf(NAME)
    c = mm_to_pt(42) / 2
    angles = []
    for _ch, quad in _chars(pdf)[: len(NAME)]:
        centre = (quad.ul + quad.lr) / 2
        angles.append(math.degrees(math.atan2(centre.x - c, c - centre.y)))  # clockwise from top
    assert angles == sorted(angles)
    span = angles[-1] - angles[0]
    assert 180 < span < 250
    assert abs(angles[0] + angles[-1]) < 1  # symmetric about 12 o'clock


def test_short_name_is_not_spread_round_the_ring() -> None:
    c = mm_to_pt(42) / 2
    quads = [q for _ch, q in _chars(default_seal_pdf("华为"))]
    angles = [math.degrees(math.atan2(((q.ul + q.lr) / 2).x - c, c - ((q.ul + q.lr) / 2).y))
              for q in quads]
    assert 20 < angles[1] - angles[0] < 60  # neighbours, roughly one glyph apart


def test_font_is_embedded_as_a_small_subset() -> None:
    pdf = default_seal_pdf(NAME)
    assert len(pdf) < 60_000
    with pymupdf.open("pdf", pdf) as doc:
        fonts = doc[0].get_fonts()
        assert fonts, "name must be drawn with a font"
        for xref, *_ in fonts:
            _name, ext, _type, buffer = doc.extract_font(xref)
            assert ext in ("ttf", "otf", "cff") and len(buffer) > 0  # embedded, not referenced


def test_deterministic() -> None:
    assert default_seal_pdf(NAME, serial="123") == default_seal_pdf(NAME, serial="123")


@pytest.mark.parametrize("name", [NAME, LONG_NAME, "华为", "ABC Technology 有限公司"])
def test_characters_stay_inside_the_ring(name: str) -> None:
    pdf = default_seal_pdf(name, subtitle="合同专用章", serial="91440300MA5ABCDE1X")
    size = mm_to_pt(42)
    c = pymupdf.Point(size / 2, size / 2)
    chars = _chars(pdf)
    assert len(chars) >= len(name.replace(" ", ""))
    for ch, quad in chars:
        for corner in (quad.ul, quad.ur, quad.ll, quad.lr):
            assert abs(corner - c) < size / 2, f"{ch!r} sticks out of the seal"


def test_long_name_shrinks_glyphs() -> None:
    short = _chars(default_seal_pdf(NAME))[0][1]
    long_ = _chars(default_seal_pdf(LONG_NAME))[0][1]
    assert abs(long_.ul - long_.ll) < abs(short.ul - short.ll)  # smaller glyph height


def test_png_is_transparent_outside_and_red_on_the_ring() -> None:
    pix = _pixmap(default_seal_png(NAME, dpi=150))
    assert pix.width == pytest.approx(42 / 25.4 * 150, abs=1)
    for x, y in [(0, 0), (pix.width - 1, 0), (0, pix.height - 1), (pix.width - 1, pix.height - 1)]:
        assert pix.pixel(x, y)[3] == 0
    # The ring crosses the horizontal midline just inside the left edge.
    mid = pix.height // 2
    ring = [pix.pixel(x, mid) for x in range(0, pix.width // 10)]
    opaque = [p for p in ring if p[3] > 200]
    assert opaque, "no ink on the ring"
    r, g, b, _ = opaque[len(opaque) // 2]
    assert r > 200 and g < 60 and b < 60
    # Centre of the star is ink, the gap between star and ring is clear.
    assert pix.pixel(pix.width // 2, pix.height // 2)[3] > 200
    assert pix.pixel(pix.width // 2, int(pix.height * 0.28))[3] == 0


def test_all_ink_is_red() -> None:
    pix = _pixmap(default_seal_png(LONG_NAME, dpi=72, subtitle="电子签章专用章"))
    samples = pix.samples
    n = pix.n
    inked = 0
    for i in range(0, len(samples), n):
        r, g, b, a = samples[i : i + 4]
        if a > 128:  # samples are premultiplied by alpha
            inked += 1
            assert r > 0.75 * a and g < 0.25 * r and b < 0.25 * r
    assert inked > 0.1 * pix.width * pix.height


def test_rejects_empty_name_and_bad_diameter() -> None:
    with pytest.raises(ValueError):
        default_seal_pdf("   ")
    with pytest.raises(ValueError):
        default_seal_pdf(NAME, diameter_mm=5)


def test_pyhanko_can_use_page_one_as_stamp_background(tmp_path: Path) -> None:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.layout import BoxConstraints
    from pyhanko.stamp import StaticStampStyle
    from pyhanko.stamp.static import StaticContentStamp

    seal = tmp_path / "seal.pdf"
    seal.write_bytes(default_seal_pdf(NAME))
    target = pymupdf.open()
    target.new_page(width=595, height=842).insert_text((72, 72), "Contract")
    writer = IncrementalPdfFileWriter(io.BytesIO(target.tobytes()))
    style = StaticStampStyle.from_pdf_file(str(seal), border_width=0, background_opacity=1)
    size = mm_to_pt(42)
    StaticContentStamp(writer=writer, style=style,
                       box=BoxConstraints(width=size, height=size)).apply(0, 100, 100)
    out = io.BytesIO()
    writer.write(out)
    with pymupdf.open("pdf", out.getvalue()) as doc:
        page = doc[0]
        assert NAME[0] in page.get_text()
        # Stamp at x=100.., y=100.. from the bottom: its centre in top-down pixels at 72 dpi.
        pix = page.get_pixmap(dpi=72)
        cx, cy = int(100 + size / 2), int(842 - 100 - size / 2)
        r, g, b = pix.pixel(cx, cy)[:3]  # the star's centre
        assert r > 200 and g < 80 and b < 80


def test_find_cjk_font_and_fallback_for_rare_characters() -> None:
    # The built-in font covers common names without touching the system.
    assert cjk_font_buffer(NAME) == bytes(pymupdf.Font("cjk").buffer)
    assert find_cjk_font() is not None, "fonts-noto-cjk (or SimSun on Windows) must be installed"
    rare = "㐀"  # CJK Ext-A, missing from the built-in Droid Sans Fallback
    assert not pymupdf.Font("cjk").has_glyph(ord(rare))
    font = pymupdf.Font(fontbuffer=cjk_font_buffer(rare))
    assert font.has_glyph(ord(rare))


def test_rare_character_is_drawn_as_outline_without_embedding_a_huge_font() -> None:
    name = "㐀华科技有限公司"
    pdf = default_seal_pdf(name)
    assert len(pdf) < 100_000  # the system font (20+ MB) is not embedded
    chars = _chars(pdf)
    assert "".join(c for c, _ in chars).startswith(name)  # still extractable (invisible text)
    quad = next(q for c, q in chars if c == "㐀")
    with pymupdf.open("pdf", pdf) as doc:
        pix = doc[0].get_pixmap(dpi=150, alpha=True)
        for _xref, ext, _type, basefont, refname, _enc in doc[0].get_fonts():
            # Only the invisible text layer may use a non-embedded font.
            assert ext != "n/a" or refname == "china-s", basefont
    box = quad.rect * pymupdf.Matrix(150 / 72, 150 / 72)
    ink = sum(1 for x in range(int(box.x0), int(box.x1)) for y in range(int(box.y0), int(box.y1))
              if 0 <= x < pix.width and 0 <= y < pix.height and pix.pixel(x, y)[3] > 200)
    assert ink > 0.1 * box.width * box.height, "the rare character left a blank"


# --------------------------------------------------------------------------- user images


def _png_with_alpha() -> bytes:
    """64×32 PNG: left half opaque red, right half fully transparent."""
    row = bytes([230, 0, 18, 255]) * 32 + bytes([0, 0, 0, 0]) * 32
    pix = pymupdf.Pixmap(pymupdf.csRGB, 64, 32, row * 32, True)
    return bytes(pix.tobytes("png"))


def _jpeg() -> bytes:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), 0)
    pix.clear_with(200)
    return bytes(pix.tobytes("jpeg"))


def test_png_keeps_transparency_and_aspect_ratio() -> None:
    pdf = image_to_seal_pdf(_png_with_alpha(), width_mm=40)
    with pymupdf.open("pdf", pdf) as doc:
        assert doc.page_count == 1
        page = doc[0]
        assert page.rect.width == pytest.approx(mm_to_pt(40), abs=0.01)
        assert page.rect.height == pytest.approx(mm_to_pt(20), abs=0.01)
        info = doc.get_page_images(0, full=True)
        assert info and info[0][1] != 0, "PNG alpha must become an SMask"
        pix = page.get_pixmap(dpi=72, alpha=True)
        assert pix.pixel(pix.width // 4, pix.height // 2)[3] == 255  # opaque half
        assert pix.pixel(pix.width * 3 // 4, pix.height // 2)[3] == 0  # transparent half stays so


def test_jpeg_is_accepted_and_opaque() -> None:
    with pymupdf.open("pdf", image_to_seal_pdf(_jpeg())) as doc:
        page = doc[0]
        assert page.rect.width == pytest.approx(mm_to_pt(42), abs=0.01)
        assert page.rect.width == pytest.approx(page.rect.height, abs=0.01)
        pix = page.get_pixmap(dpi=72, alpha=True)
        assert pix.pixel(pix.width // 2, pix.height // 2)[3] == 255


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7 not an image",
        b"GIF89a" + b"\0" * 100,
        b"",
        b"\x89PNG\r\n\x1a\n" + b"\0" * 200,  # PNG signature, garbage body
        b"\xff\xd8\xff\xe0" + b"\x13" * 50,  # JPEG signature, garbage body
    ],
)
def test_rejects_non_images_and_damaged_images(data: bytes) -> None:
    with pytest.raises(SealImageError) as info:
        image_to_seal_pdf(data)
    assert info.value.code == "seal_image_invalid"
    assert isinstance(info.value, SealError)


def test_rejects_oversized_file() -> None:
    data = _png_with_alpha() + b"\0" * MAX_IMAGE_BYTES
    with pytest.raises(SealImageError, match="MB"):
        image_to_seal_pdf(data)


def test_rejects_tiny_image() -> None:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 4, 4), 0)
    with pytest.raises(SealImageError, match="pixels"):
        image_to_seal_pdf(bytes(pix.tobytes("png")))
