"""Sample PDFs made on the fly with PyMuPDF (no binary fixtures in the repo)."""

from __future__ import annotations

from pathlib import Path

import pymupdf


def make_pdf(path: Path, pages: int = 2, *, text: str = "中广核电子商务平台 测试文件",
             encrypt_user_pw: str | None = None, with_empty_field: str | None = None) -> Path:
    doc = pymupdf.open()
    for i in range(pages):
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 100), f"Page {i + 1}", fontsize=20)
        page.insert_text((72, 140), text, fontname="china-s", fontsize=14)
        page.draw_rect(pymupdf.Rect(72, 200, 300, 260), color=(0, 0, 1), width=1)
    if with_empty_field:
        widget = pymupdf.Widget()
        widget.field_type = pymupdf.PDF_WIDGET_TYPE_SIGNATURE
        widget.field_name = with_empty_field
        widget.rect = pymupdf.Rect(400, 600, 520, 720)  # top-left origin in PyMuPDF
        doc[0].add_widget(widget)
    kwargs: dict[str, object] = {}
    if encrypt_user_pw is not None:
        kwargs = {"encryption": pymupdf.PDF_ENCRYPT_AES_256, "user_pw": encrypt_user_pw,
                  "owner_pw": "owner-" + encrypt_user_pw}
    doc.save(path, **kwargs)
    doc.close()
    return path
