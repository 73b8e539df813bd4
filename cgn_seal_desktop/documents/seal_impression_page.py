"""The printable 中广核电子商务平台电子签章公章印模采集页 (seal impression collection page, A4).

The applicant prints it on plain white A4 paper, stamps the physical company seal into the boxes,
and uploads the scan; 深圳CA makes the electronic seal from these impressions.
"""

from __future__ import annotations

import datetime as dt

import pymupdf

from cgn_seal_desktop.documents.layout import A4, MARGIN, Cell, FormWriter

__all__ = ["COMMITMENT", "NOTES", "TITLE", "render_seal_impression_page"]

TITLE = "中广核电子商务平台电子签章公章印模采集页"
COMMITMENT = "深圳 CA 承诺，此公章印模仅限于申请办理中广核电子商务平台电子签章，不得用于别途！"
PRINT_NOTE = "● 请选用 A4 纯白纸张打印此表；"
NOTES = (
    PRINT_NOTE,
    "● 请使用单位公章及红色印油在方框内盖章，印模须清晰、完整、不重叠，不得超出方框；",
    "● 不得使用复印、打印或扫描的印模；",
    "● 盖章后请扫描或拍照，在“上传资料”步骤中与申请表一并提交。",
)
_NUMERALS = "一二三四五六"
_W = A4.width - 2 * MARGIN
_LABEL = 110.0


def render_seal_impression_page(org_name: str, uscc: str, *, boxes: int = 3,
                                today: dt.date | None = None, test_mark: bool = False) -> bytes:
    """Return the seal impression collection page for the organisation as a one-page A4 PDF.

    *boxes* (1–6) stamp boxes, each large enough for a 42 mm seal with margin, laid out three to
    a row. *today* is printed as the generation date; otherwise the output is deterministic.
    With *test_mark* the page is marked as made by a test environment (the sandbox).
    """
    if not 1 <= boxes <= 6:
        raise ValueError("boxes must be between 1 and 6")
    today = today or dt.date.today()
    w = FormWriter()
    page = w.new_page()
    w.text(page, A4.width / 2, 84, TITLE, 18, bold=True, align="center")

    x, y = MARGIN, 112.0
    y = w.row(page, x, y, 40, [Cell("机构名称", _LABEL, label=True, size=11),
                               Cell(org_name, _W - _LABEL, size=12)])
    y = w.row(page, x, y, 30, [Cell("统一社会信用代码", _LABEL, label=True, size=11),
                               Cell(uscc, _W - _LABEL, size=12)])
    page.draw_rect(pymupdf.Rect(x, 112, x + _W, y), color=(0, 0, 0), width=1.4)

    y += 30
    w.text(page, MARGIN, y, f"请在下方框内加盖单位公章（共 {boxes} 枚）：", 11, bold=True)
    y += 14
    y = _stamp_boxes(w, page, y, boxes)

    y += 36
    w.fit(page, pymupdf.Rect(MARGIN, y, A4.width - MARGIN, y + 26), COMMITMENT, size=12,
          bold=True, align="center", pad=0)
    y += 56
    for note in NOTES:
        y = w.paragraph(page, MARGIN, y, _W, note, 10.5, indent=w.font.text_length("● ", 10.5))
        y += 6

    y += 40
    w.text(page, A4.width - MARGIN, y, "经办人签字：＿＿＿＿＿＿＿＿　日期：　　　年　　月　　日",
           11, align="right")
    return w.finish(title=TITLE, footer_left="中广核电子商务平台 · 深圳CA · 公章印模采集页",
                    today=today, test_mark=test_mark)


def _stamp_boxes(w: FormWriter, page: pymupdf.Page, y: float, boxes: int) -> float:
    """Square stamp boxes, three per row, with a caption under each; returns the bottom y."""
    gap = 22.0
    side = (_W - 2 * gap) / 3  # ~152 pt = 53 mm: a 42 mm seal fits with room to spare
    tall = side * 1.3 if boxes <= 3 else side  # one row: use the page's height
    per_row = min(boxes, 3)
    for i in range(boxes):
        row, col = divmod(i, 3)
        left = MARGIN + (_W - per_row * side - (per_row - 1) * gap) / 2 + col * (side + gap)
        top = y + row * (tall + 30)
        rect = pymupdf.Rect(left, top, left + side, top + tall)
        page.draw_rect(rect, color=(0, 0, 0), width=1.0)
        w.text(page, rect.x0 + side / 2, rect.y1 + 17, f"印模{_NUMERALS[i]}", 10.5,
               align="center")
    rows = (boxes + 2) // 3
    return y + rows * tall + (rows - 1) * 30 + 20
