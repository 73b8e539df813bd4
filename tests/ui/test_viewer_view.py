"""PdfView and ThumbnailList against real PDFs rendered by real worker processes (offscreen Qt)."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import QElapsedTimer, QPoint, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QWheelEvent
from pytestqt.qtbot import QtBot

from cgn_seal_desktop.documents.errors import CorruptDocumentError, NotAPdfError
from cgn_seal_desktop.ui.viewer import (
    PdfMouseEvent,
    PdfView,
    RenderService,
    ThumbnailList,
    ZoomMode,
)
from cgn_seal_desktop.ui.viewer.pdf_view import PX_PER_PT
from tests.render_backends import SlowRenderer

# A black square on every page, in PDF user space (origin bottom-left), away from the centre.
SQUARE = (100.0, 600.0, 200.0, 700.0)
A4 = (595.0, 842.0)


def _square_page(doc: pymupdf.Document, rotation: int = 0, label: str = "") -> None:
    page = doc.new_page(width=A4[0], height=A4[1])
    x0, y0, x1, y1 = SQUARE  # to PyMuPDF's unrotated, top-left coordinates
    page.draw_rect(pymupdf.Rect(x0, A4[1] - y1, x1, A4[1] - y0), color=None, fill=(0, 0, 0))
    if label:
        page.insert_text((72, 72), label, fontsize=20)
    page.set_rotation(rotation)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("pdfs")
    out: dict[str, Path] = {}
    doc = pymupdf.open()
    for rot in (0, 90, 180, 270):
        _square_page(doc, rot)
    doc.save(d / "rotated.pdf")
    out["rotated"] = d / "rotated.pdf"
    doc = pymupdf.open()
    for i in range(1000):
        _square_page(doc, 0, f"Page {i + 1}")
    doc.save(d / "big.pdf")
    out["big"] = d / "big.pdf"
    doc = pymupdf.open()
    _square_page(doc)
    doc.save(d / "enc.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="pw-123", owner_pw="o")
    out["enc"] = d / "enc.pdf"
    # ~1 s to render: thousands of random strokes.
    doc = pymupdf.open()
    page = doc.new_page(width=A4[0], height=A4[1])
    shape = page.new_shape()
    rnd = random.Random(7)
    for _ in range(4000):
        a = (rnd.random() * 595, rnd.random() * 842)
        shape.draw_line(a, (rnd.random() * 595, rnd.random() * 842))
    shape.finish(width=0.3)
    shape.commit()
    doc.save(d / "heavy.pdf")
    out["heavy"] = d / "heavy.pdf"
    (d / "notes.pdf").write_text("plain text")
    out["text"] = d / "notes.pdf"
    data = (d / "rotated.pdf").read_bytes()
    (d / "corrupt.pdf").write_bytes(data[:9] + bytes(range(256)) * 16)
    out["corrupt"] = d / "corrupt.pdf"
    return out


@pytest.fixture(scope="module")
def service() -> Iterator[RenderService]:
    svc = RenderService(workers=2)
    yield svc
    svc.shutdown()


@pytest.fixture(scope="module")
def slow_service() -> Iterator[RenderService]:
    """Real renders, each after a 0.5 s sleep in the worker (the renderer seam)."""
    svc = RenderService(workers=2, renderer=SlowRenderer(0.5))
    yield svc
    svc.shutdown()


@pytest.fixture
def view(qtbot: QtBot, service: RenderService) -> Iterator[PdfView]:
    v = PdfView(service=service)
    qtbot.addWidget(v)
    v.resize(600, 700)
    v.show()
    qtbot.waitExposed(v)
    yield v
    v.close_document()


def _open(qtbot: QtBot, view: PdfView, path: Path, password: str | None = None) -> None:
    with qtbot.waitSignal(view.document_opened, timeout=20_000):
        view.open(str(path), password)


def _settle(qtbot: QtBot, view: PdfView) -> None:
    """Wait until no render of the view is pending and the visible pages have been painted."""
    qtbot.waitUntil(view.rendering_idle, timeout=20_000)


def _grab(view: PdfView) -> QImage:
    img = view.viewport().grab().toImage()
    img.setDevicePixelRatio(1.0)
    return img


def _is_dark(img: QImage, p: QPointF) -> bool:
    return QColor(img.pixel(round(p.x()), round(p.y()))).lightness() < 60


def test_opens_and_shows_first_page(qtbot: QtBot, view: PdfView, pdfs: dict[str, Path]) -> None:
    pages: list[int] = []
    view.current_page_changed.connect(pages.append)
    _open(qtbot, view, pdfs["big"])
    assert view.page_count() == 1000 and view.is_open()
    with qtbot.waitSignal(view.page_painted, timeout=20_000):
        view.viewport().update()
    _settle(qtbot, view)
    img = _grab(view)
    square = view.pdf_rect_to_viewport(0, SQUARE)
    assert _is_dark(img, square.center())
    # The page itself is white outside the square; the background outside the page is not.
    page = view.page_viewport_rect(0)
    assert QColor(img.pixel(round(page.center().x()), round(page.center().y()))).lightness() > 240
    assert pages[0] == 0 and view.current_page() == 0
    # Rendered at the device pixel ratio: image pixels = logical size x ratio.
    image = view._image_for(0)
    assert image is not None
    assert image.width() == pytest.approx(page.width() * view.devicePixelRatioF(), abs=1)


def test_tiny_cache_still_holds_the_visible_pages(
    qtbot: QtBot, view: PdfView, pdfs: dict[str, Path], service: RenderService
) -> None:
    view.set_cache_limit(1)
    before = service.submitted
    _open(qtbot, view, pdfs["big"])
    _settle(qtbot, view)  # would never settle if visible pages evicted each other
    assert all(view._key(i) in view._images.cache for i in view.visible_pages())
    assert view.cache_limit() < 64 * 1024 * 1024
    qtbot.wait(200)
    assert service.submitted - before <= 4  # no render ping-pong


@pytest.mark.parametrize("page", [0, 1, 2, 3])
def test_coordinates_round_trip_on_rotated_pages(
    qtbot: QtBot, view: PdfView, pdfs: dict[str, Path], page: int
) -> None:
    _open(qtbot, view, pdfs["rotated"])
    assert view.page_info(page).rotation == page * 90
    view.set_zoom(0.6)
    view.go_to_page(page)
    _settle(qtbot, view)
    rect = view.pdf_rect_to_viewport(page, SQUARE)
    # The mapping agrees with MuPDF's own rendering: the square is where we say it is.
    img = _grab(view)
    assert _is_dark(img, rect.center())
    assert not _is_dark(img, rect.center() + QPointF(rect.width(), 0))
    hit = view.page_at(rect.center())
    assert hit is not None and hit[0] == page
    assert hit[1] == pytest.approx((150.0, 650.0), abs=1.0)
    assert view.viewport_rect_to_pdf(page, rect) == pytest.approx(SQUARE, abs=0.01)
    assert view.pdf_point_to_viewport(page, (150.0, 650.0)) == rect.center()
    assert view.page_at(QPointF(2, 2)) is None  # the margin left of the page


def test_zoom_modes(qtbot: QtBot, view: PdfView, pdfs: dict[str, Path]) -> None:
    _open(qtbot, view, pdfs["rotated"])  # page 1 is landscape: the widest page
    vp = view.viewport()
    view.fit_width()
    assert view.zoom_mode() is ZoomMode.FIT_WIDTH
    assert view.page_viewport_rect(1).width() == pytest.approx(vp.width() - 16, abs=0.5)
    view.fit_page()
    r = view.page_viewport_rect(view.current_page())
    assert r.height() == pytest.approx(vp.height() - 16, abs=0.5) and r.width() < vp.width()
    zooms: list[float] = []
    view.zoom_changed.connect(zooms.append)
    view.set_zoom(2.0)
    assert view.zoom_mode() is ZoomMode.CUSTOM and zooms[-1] == 2.0
    assert view.page_viewport_rect(0).width() == pytest.approx(A4[0] * 2.0 * PX_PER_PT)
    view.zoom_in()
    assert view.zoom() == 2.5
    view.zoom_out()
    view.zoom_out()
    assert view.zoom() == 1.75
    view.set_zoom(100.0)
    assert view.zoom() == 6.4  # clamped
    view.set_zoom(1.0)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == 0.9
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.verticalScrollBar().value() == view.verticalScrollBar().maximum()


def test_ctrl_wheel_zooms_around_the_mouse(
    qtbot: QtBot, view: PdfView, pdfs: dict[str, Path]
) -> None:
    _open(qtbot, view, pdfs["big"])
    view.set_zoom(1.0)
    pos = QPointF(300, 300)
    before = view.page_at(pos)
    ev = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                     Qt.ScrollPhase.NoScrollPhase, False)
    view.wheelEvent(ev)
    assert view.zoom() == pytest.approx(1.2)
    after = view.page_at(pos)
    assert before is not None and after is not None and after[0] == before[0]
    assert after[1] == pytest.approx(before[1], abs=1.5)  # one pixel at most


def test_go_to_page_scrolls(qtbot: QtBot, view: PdfView, pdfs: dict[str, Path]) -> None:
    _open(qtbot, view, pdfs["big"])
    with qtbot.waitSignal(view.current_page_changed, check_params_cb=lambda p: p == 499):
        view.go_to_page(499)
    assert 499 in view.visible_pages()
    assert view.page_viewport_rect(499).top() == pytest.approx(8, abs=1)
    view.go_to_page(5000)
    assert view.current_page() == 999


def test_only_visible_pages_are_rendered(
    qtbot: QtBot, view: PdfView, pdfs: dict[str, Path], service: RenderService
) -> None:
    rendered: list[int] = []
    service.page_rendered.connect(lambda key, _img, _s: rendered.append(key.page)
                                  if key.client == view._images.client else None)
    before = service.submitted
    _open(qtbot, view, pdfs["big"])
    _settle(qtbot, view)
    visible = set(view.visible_pages())
    assert visible and visible <= set(rendered)
    # Visible pages plus half a screen of margin below: a handful, not 1,000.
    assert service.submitted - before <= len(visible) + 2
    assert set(rendered) <= set(range(0, max(visible) + 3))
    view.go_to_page(700)
    _settle(qtbot, view)
    assert set(view.visible_pages()) <= set(rendered)
    assert service.submitted - before <= 2 * (len(visible) + 3)


def test_cache_stays_bounded_scrolling_the_whole_document(
    qtbot: QtBot, view: PdfView, pdfs: dict[str, Path]
) -> None:
    view.set_cache_limit(3 * 1024 * 1024)
    _open(qtbot, view, pdfs["big"])
    view.set_zoom(0.3)
    bar = view.verticalScrollBar()
    painted: set[int] = set()
    view.page_painted.connect(lambda page: painted.add(page))
    while True:
        _settle(qtbot, view)
        view.viewport().repaint()
        assert view.cache_bytes() <= view.cache_limit()
        if bar.value() >= bar.maximum():
            break
        bar.setValue(bar.value() + 3 * bar.pageStep())
    assert view._images.cache.peak_bytes <= view.cache_limit()
    assert view._images.cache.evictions > 0
    assert 999 in painted and 0 in painted


def test_password_protected_pdf(qtbot: QtBot, view: PdfView, pdfs: dict[str, Path]) -> None:
    path = str(pdfs["enc"])
    with qtbot.waitSignal(view.password_required, timeout=20_000) as sig:
        view.open(path)
    assert sig.args == [path, False] and not view.is_open()
    with qtbot.waitSignal(view.password_required, timeout=20_000) as sig:
        view.open(path, "wrong-pw")
    assert sig.args == [path, True]
    _open(qtbot, view, pdfs["enc"], "pw-123")
    _settle(qtbot, view)
    assert _is_dark(_grab(view), view.pdf_rect_to_viewport(0, SQUARE).center())


@pytest.mark.parametrize(("name", "error"), [("corrupt", CorruptDocumentError),
                                             ("text", NotAPdfError)])
def test_unreadable_files_give_typed_errors(
    qtbot: QtBot, view: PdfView, pdfs: dict[str, Path], name: str, error: type
) -> None:
    with qtbot.waitSignal(view.open_failed, timeout=20_000) as sig:
        view.open(str(pdfs[name]))
    assert isinstance(sig.args[0], error)
    assert not view.is_open() and view.page_count() == 0
    _grab(view)  # still paints


def test_gui_thread_stays_responsive_during_slow_renders(
    qtbot: QtBot, pdfs: dict[str, Path], slow_service: RenderService
) -> None:
    view = PdfView(service=slow_service)
    qtbot.addWidget(view)
    view.resize(600, 700)
    view.show()
    qtbot.waitExposed(view)
    gaps: list[float] = []
    clock = QElapsedTimer()
    timer = QTimer(interval=10)

    def tick() -> None:
        gaps.append(clock.restart())

    timer.timeout.connect(tick)
    _open(qtbot, view, pdfs["heavy"])  # a real ~1 s MuPDF render, after the 0.5 s sleep
    clock.start()
    timer.start()
    started = time.monotonic()
    with qtbot.waitSignal(view.page_painted, timeout=30_000):
        view.viewport().update()
    heavy_s = time.monotonic() - started
    assert heavy_s >= 0.5  # the renderer seam is in use: the worker slept first
    view.set_zoom(1.5)  # every render sleeps 0.5 s first, then renders for real
    _settle(qtbot, view)
    timer.stop()
    view.close_document()
    assert len(gaps) > 20, "the timer must have ticked throughout"
    assert max(gaps[1:]) < 100, f"GUI thread blocked {max(gaps)} ms (heavy render {heavy_s:.2f} s)"


def test_overlay_and_mouse_signals(qtbot: QtBot, view: PdfView, pdfs: dict[str, Path]) -> None:
    _open(qtbot, view, pdfs["rotated"])
    _settle(qtbot, view)
    box = (300.0, 100.0, 400.0, 150.0)  # PDF space, page 0

    def paint(painter: QPainter, page: int, _rect: QRectF) -> None:
        if page == 0:
            painter.fillRect(view.pdf_rect_to_viewport(0, box), QColor(255, 0, 0))

    view.overlay_paint.connect(paint)
    view.refresh_overlays()
    centre = view.pdf_rect_to_viewport(0, box).center()
    assert QColor(_grab(view).pixel(round(centre.x()), round(centre.y()))).red() > 200
    events: list[PdfMouseEvent] = []
    view.mouse_pressed.connect(events.append)
    view.mouse_released.connect(events.append)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre.toPoint())
    assert len(events) == 2 and events[0].page_index == 0
    assert events[0].pdf_point == pytest.approx((350.0, 125.0), abs=1.0)
    assert events[0].button == Qt.MouseButton.LeftButton
    qtbot.mouseMove(view.viewport(), QPoint(1, 1))
    hovered: list[PdfMouseEvent] = []
    view.mouse_hovered.connect(hovered.append)
    qtbot.mouseMove(view.viewport(), centre.toPoint())
    qtbot.waitUntil(lambda: bool(hovered))
    assert hovered[-1].page_index == 0


def test_reload_keeps_position_and_close_clears(
    qtbot: QtBot, view: PdfView, pdfs: dict[str, Path]
) -> None:
    _open(qtbot, view, pdfs["big"])
    view.go_to_page(42)
    _open_again = qtbot.waitSignal(view.document_opened, timeout=20_000)
    with _open_again:
        view.reload()
    assert view.current_page() == 42
    with qtbot.waitSignal(view.document_closed):
        view.close_document()
    assert not view.is_open() and view.cache_bytes() == 0
    assert view.page_at(QPointF(300, 300)) is None


def test_thumbnails_follow_the_view(
    qtbot: QtBot, view: PdfView, pdfs: dict[str, Path], service: RenderService
) -> None:
    thumbs = ThumbnailList()
    qtbot.addWidget(thumbs)
    thumbs.resize(180, 500)
    thumbs.show()
    thumbs.set_view(view)
    _open(qtbot, view, pdfs["big"])
    assert thumbs.model().rowCount() == 1000
    client = thumbs._client
    qtbot.waitUntil(lambda: len(thumbs._cache) > 0 and not service.pending(client), timeout=20_000)
    rows = thumbs.visible_rows()
    assert 0 < len(rows) < 10 and set(thumbs._cache.keys()) <= set(rows)
    idx = thumbs.model().index(2)
    rect = thumbs.visualRect(idx)
    with qtbot.waitSignal(view.current_page_changed, check_params_cb=lambda p: p == 2):
        qtbot.mouseClick(thumbs.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view.go_to_page(600)
    qtbot.waitUntil(lambda: thumbs.currentIndex().row() == 600)
    qtbot.waitUntil(lambda: 600 in thumbs._cache, timeout=20_000)
