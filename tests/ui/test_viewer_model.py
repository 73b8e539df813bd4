"""Viewer pieces without widgets: page geometry, the byte-bounded cache, the PDF model's errors."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from cgn_seal_desktop.documents.errors import (
    CorruptDocumentError,
    DocumentError,
    NotAPdfError,
    PasswordRequiredError,
    UnreadableDocumentError,
    WrongPasswordError,
)
from cgn_seal_desktop.documents.render import DocumentSource, PdfDocument, load_info, render_page
from cgn_seal_desktop.errors import CgnSealError
from cgn_seal_desktop.ui.viewer.cache import ByteLru
from cgn_seal_desktop.ui.viewer.page_layout import (
    PageLayout,
    apply,
    fit_page_scale,
    fit_width_scale,
    invert,
    map_rect,
)

# --- geometry ------------------------------------------------------------------------------


def test_invert_round_trips_points() -> None:
    m = (0.0, 1.0, 1.0, 0.0, -150.0, -50.0)  # a 90° page with a cropbox offset
    x, y = apply(m, 60.0, 440.0)
    assert apply(invert(m), x, y) == pytest.approx((60.0, 440.0))


def test_map_rect_normalises_rotated_boxes() -> None:
    box = map_rect((0.0, -1.0, 1.0, 0.0, 0.0, 100.0), 10, 20, 30, 60)  # rotates by -90°
    assert box.w == pytest.approx(40) and box.h == pytest.approx(20)


def test_layout_stacks_and_centres_pages() -> None:
    sizes = [(600.0, 800.0), (800.0, 600.0), (600.0, 800.0)]
    lay = PageLayout(sizes, scale=0.5, viewport_width=500, spacing=10, margin=5)
    b0, b1, b2 = (lay.page_box(i) for i in range(3))
    assert (b0.y, b0.h) == (5, 400)
    assert b1.y == 5 + 400 + 10 and b2.y == b1.y + 300 + 10
    assert lay.content_height == b2.y + 400 + 5
    assert lay.content_width == 500  # wider than the widest page (400 + 2 * 5)
    assert b0.x == pytest.approx((500 - 300) / 2) and b1.x == pytest.approx(50)
    assert lay.page_at(b1.x + 1, b1.y + 1) == 1
    assert lay.page_at(b0.x - 1, b0.y + 1) is None  # left of a narrow page
    assert lay.page_at(250, b0.y + b0.h + 5) is None  # in the gap
    assert list(lay.pages_between(b0.y + b0.h + 2, b1.y + 3)) == [1]  # gap + top of page 1
    assert list(lay.pages_between(0, lay.content_height)) == [0, 1, 2]
    x, y = lay.display_to_content(2, 100, 200)
    assert lay.content_to_display(2, x, y) == pytest.approx((100, 200))


def test_fit_scales() -> None:
    sizes = [(600.0, 800.0), (800.0, 600.0)]
    assert fit_width_scale(sizes, 816, 8) == pytest.approx(1.0)
    assert fit_page_scale((600.0, 800.0), 1000, 416, 8) == pytest.approx(0.5)


def test_layout_queries_are_fast_enough_for_huge_documents() -> None:
    lay = PageLayout([(595.0, 842.0)] * 100_000, scale=1.0, viewport_width=800)
    mid = lay.page_box(50_000)
    assert lay.page_at(mid.x + 5, mid.y + 5) == 50_000
    assert len(lay.pages_between(mid.y, mid.y + 900)) == 2


# --- cache ---------------------------------------------------------------------------------


def test_byte_lru_respects_bound_and_recency() -> None:
    cache: ByteLru[str, bytes] = ByteLru(10, len)
    cache.put("a", b"xxxx")
    cache.put("b", b"yyyy")
    assert cache.get("a") == b"xxxx"  # a is now most recent
    cache.put("c", b"zzzz")  # 12 bytes > 10: evict the least recent, b
    assert "b" not in cache and "a" in cache and "c" in cache
    assert cache.total_bytes == 8 and cache.evictions == 1
    cache.put("huge", b"h" * 11)  # larger than the bound: not stored, nothing evicted
    assert "huge" not in cache and cache.total_bytes == 8
    cache.set_max_bytes(4)
    assert cache.total_bytes <= 4 and list(cache.keys()) == ["c"]


# --- PDF model -----------------------------------------------------------------------------


@pytest.fixture
def pdfs(tmp_path: Path) -> dict[str, Path]:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "secret")
    enc = tmp_path / "enc.pdf"
    doc.save(enc, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="s3cret", owner_pw="owner")
    plain = tmp_path / "plain.pdf"
    doc.save(plain)
    text = tmp_path / "notes.pdf"
    text.write_text("just text, not a PDF")
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    return {"enc": enc, "plain": plain, "text": text, "corrupt": corrupt,
            "missing": tmp_path / "missing.pdf"}


@pytest.mark.parametrize(
    ("name", "password", "error"),
    [
        ("text", None, NotAPdfError),
        ("corrupt", None, CorruptDocumentError),
        ("missing", None, UnreadableDocumentError),
        ("enc", None, PasswordRequiredError),
        ("enc", "not-the-pass-123", WrongPasswordError),
    ],
)
def test_open_errors_are_typed(
    pdfs: dict[str, Path], name: str, password: str | None, error: type[DocumentError]
) -> None:
    with pytest.raises(error) as info:
        PdfDocument.open(pdfs[name], password)
    assert isinstance(info.value, CgnSealError) and info.value.code.startswith("document")
    if password:
        assert password not in str(info.value)


def test_wrong_password_is_a_password_required_error() -> None:
    assert issubclass(WrongPasswordError, PasswordRequiredError)


def test_encrypted_opens_with_password_and_renders(pdfs: dict[str, Path]) -> None:
    with PdfDocument.open(pdfs["enc"], "s3cret") as doc:
        assert doc.encrypted and doc.page_count == 1
        page = doc.render(0, 0.5)
        assert (page.width, page.height) == (298, 421)
        assert len(page.samples) == page.stride * page.height


def test_source_repr_hides_password() -> None:
    assert "s3cret" not in repr(DocumentSource("/x.pdf", "s3cret", 1))


def test_render_caps_pixels(pdfs: dict[str, Path]) -> None:
    page = render_page(DocumentSource(str(pdfs["plain"])), 0, 10.0, max_pixels=100_000)
    assert page.width * page.height <= 100_000 and page.scale < 10.0


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_page_matrix_matches_pdf_annotation_rect(tmp_path: Path, rotation: int) -> None:
    """PDF space from PageInfo agrees with the /Rect MuPDF writes, for each /Rotate and a crop."""
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=600)
    page.set_cropbox(pymupdf.Rect(50, 100, 350, 450))
    page.set_rotation(rotation)
    unrotated = pymupdf.Rect(10, 20, 30, 60)
    annot = page.add_rect_annot(unrotated)  # MuPDF pads /Rect by the 1 pt border, evenly
    pdf_rect = [float(v) for v in doc.xref_get_key(annot.xref, "Rect")[1].strip("[]").split()]
    doc.save(tmp_path / "rot.pdf")
    info = load_info(DocumentSource(str(tmp_path / "rot.pdf")))
    pinfo = info.pages[0]
    assert pinfo.rotation == rotation
    display = unrotated * page.rotation_matrix  # where MuPDF draws it on the rotated page
    box = map_rect(invert(pinfo.pdf_to_display), display.x0, display.y0, display.x1, display.y1)
    centre = ((pdf_rect[0] + pdf_rect[2]) / 2, (pdf_rect[1] + pdf_rect[3]) / 2)
    assert (box.x + box.w / 2, box.y + box.h / 2) == pytest.approx(centre, abs=0.01)
    assert (box.w, box.h) == pytest.approx((pdf_rect[2] - pdf_rect[0] - 2,
                                            pdf_rect[3] - pdf_rect[1] - 2), abs=0.01)
    assert (pinfo.width, pinfo.height) == ((300, 350) if rotation in (0, 180) else (350, 300))


def test_quick_page_info_equals_mupdfs_own(tmp_path: Path) -> None:
    """The page-dictionary shortcut agrees with MuPDF's pdf_page_transform for odd boxes too."""
    doc = pymupdf.open()
    variants = []
    for rotate in (0, 90, 180, -90, 450, 44):
        for crop in (None, "[50 100 350 450]", "[-10 -10 1000 1000]", "[500 500 600 600]"):
            for media in ("[0 0 400 600]", "[20 30 420 630]", "[400 600 0 0]"):
                page = doc.new_page()
                doc.xref_set_key(page.xref, "MediaBox", media)
                if crop:
                    doc.xref_set_key(page.xref, "CropBox", crop)
                doc.xref_set_key(page.xref, "Rotate", str(rotate))
                variants.append((rotate, crop, media))
    doc.save(tmp_path / "variants.pdf")
    with PdfDocument.open(tmp_path / "variants.pdf") as pdf:
        for i, variant in enumerate(variants):
            quick, exact = pdf.page_info(i), pdf.exact_page_info(i)
            assert quick.rotation == exact.rotation, variant
            size = (exact.width, exact.height)
            assert (quick.width, quick.height) == pytest.approx(size), variant
            assert quick.pdf_to_display == pytest.approx(exact.pdf_to_display), variant
