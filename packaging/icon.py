"""Build a multi-size Windows icon (16…256 px) from ``resources/icons/app-<size>.png``.

``resources/icons/app.ico`` may hold a single image; Explorer, the taskbar and Programs and
Features then scale it down badly. The spec (executables) and the WiX build (shortcuts, ARP icon)
use this file instead. PNG-compressed entries are valid in .ico files since Windows Vista.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

__all__ = ["ICON_DIR", "app_icon", "write_ico"]

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"


def _png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def write_ico(pngs: list[Path], out: Path) -> Path:
    """Write an .ico holding every PNG (square, at most 256 px), smallest first; returns ``out``."""
    images = sorted(((_png_size(p.read_bytes()), p.read_bytes()) for p in pngs),
                    key=lambda item: item[0])
    images = [(size, data) for size, data in images if size[0] == size[1] <= 256]
    if not images:
        raise ValueError("no square PNG of at most 256 px")
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = [], []
    for (w, h), data in images:
        # Width/height 256 are stored as 0; 32 bits per pixel; no palette.
        entries.append(struct.pack("<BBBBHHII", w % 256, h % 256, 0, 0, 1, 32, len(data), offset))
        blobs.append(data)
        offset += len(data)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(header + b"".join(entries) + b"".join(blobs))
    return out


def app_icon(out: Path, icon_dir: Path = ICON_DIR) -> Path:
    """The program's icon as ``out`` from ``app-<size>.png``; ``app.ico`` itself if no PNGs."""
    pngs = [p for p in icon_dir.glob("app-*.png") if re.fullmatch(r"app-\d+\.png", p.name)]
    if not pngs:
        return icon_dir / "app.ico"
    return write_ico(pngs, out)
