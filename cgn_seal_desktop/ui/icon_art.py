"""The program's icon, drawn in code: a red round seal with a star and a check mark.

``python -m cgn_seal_desktop.ui.icon_art resources/icons`` writes ``app.svg``, ``app-<n>.png``
and ``app.ico`` (committed, so packaging needs no drawing step). :func:`app_icon` loads them.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPainterPath, QPen

from cgn_seal_desktop import paths

__all__ = ["ICON_SIZES", "app_icon", "draw_icon", "star_path", "svg_text", "write_icon_files"]

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
RED = "#d01f1f"


def star_path(cx: float, cy: float, r: float) -> QPainterPath:
    """A five-pointed star centred at (cx, cy), point up, outer radius *r*."""
    path = QPainterPath()
    for i in range(10):
        rr = r if i % 2 == 0 else r * 0.382
        a = -math.pi / 2 + i * math.pi / 5
        pt = QPointF(cx + rr * math.cos(a), cy + rr * math.sin(a))
        if i == 0:
            path.moveTo(pt)
        else:
            path.lineTo(pt)
    path.closeSubpath()
    return path


def draw_icon(size: int) -> QImage:
    """The icon at *size* × *size* pixels (transparent background)."""
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    red = QColor(RED)
    s = float(size)
    p.setBrush(QColor(255, 255, 255))
    ring = max(1.5, s * 0.07)
    p.setPen(QPen(red, ring))
    m = ring / 2 + s * 0.02
    p.drawEllipse(QRectF(m, m, s - 2 * m, s - 2 * m))
    if size >= 24:
        inner = max(0.8, s * 0.018)
        p.setPen(QPen(red, inner))
        m2 = m + ring * 1.3
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QRectF(m2, m2, s - 2 * m2, s - 2 * m2))
    p.fillPath(star_path(s / 2, s * 0.44, s * 0.22), red)
    # A small green check at the bottom right: "seal verified".
    check = QPainterPath()
    check.moveTo(s * 0.56, s * 0.78)
    check.lineTo(s * 0.68, s * 0.90)
    check.lineTo(s * 0.95, s * 0.60)
    pen = QPen(QColor("#1e7e34"), max(2.0, s * 0.085))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(check)
    p.end()
    return img


def svg_text() -> str:
    """The same design as an SVG document (256 × 256 user units)."""
    pts = []
    for i in range(10):
        rr = 56.32 if i % 2 == 0 else 56.32 * 0.382
        a = -math.pi / 2 + i * math.pi / 5
        pts.append(f"{128 + rr * math.cos(a):.2f},{112.64 + rr * math.sin(a):.2f}")
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">\n'
        f'  <circle cx="128" cy="128" r="114" fill="#fff" stroke="{RED}" stroke-width="18"/>\n'
        f'  <circle cx="128" cy="128" r="91" fill="none" stroke="{RED}" stroke-width="4.6"/>\n'
        f'  <polygon points="{" ".join(pts)}" fill="{RED}"/>\n'
        '  <polyline points="143,200 174,230 243,154" fill="none" stroke="#1e7e34" '
        'stroke-width="22" stroke-linecap="round" stroke-linejoin="round"/>\n'
        "</svg>\n"
    )


def write_icon_files(directory: Path) -> list[Path]:
    """Write app.svg, app-<size>.png for every size, and a multi-size app.ico."""
    directory.mkdir(parents=True, exist_ok=True)
    out = [directory / "app.svg"]
    out[0].write_text(svg_text(), encoding="utf-8")
    for size in ICON_SIZES:
        target = directory / f"app-{size}.png"
        draw_icon(size).save(str(target))
        out.append(target)
    ico = directory / "app.ico"
    if draw_icon(256).save(str(ico)):
        out.append(ico)
    return out


def app_icon() -> QIcon:
    """The application icon from the committed PNGs (drawn on the fly if they are missing)."""
    icon = QIcon()
    for size in ICON_SIZES:
        f = paths.resource_path("icons", f"app-{size}.png")
        if f.is_file():
            icon.addFile(str(f))
    if icon.isNull():
        from PySide6.QtGui import QPixmap

        for size in ICON_SIZES:
            icon.addPixmap(QPixmap.fromImage(draw_icon(size)))
    return icon


if __name__ == "__main__":  # pragma: no cover - asset generation
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for written in write_icon_files(Path(sys.argv[1] if len(sys.argv) > 1 else "resources/icons")):
        print(written)
