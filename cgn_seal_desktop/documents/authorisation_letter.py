"""The printable 授权书 (letter of authorisation, one A4 page): the legal representative
authorises the agent (经办人) to apply for the certificate and electronic seal on the
organisation's behalf. Needed when the 经办人 is not the 法定代表人; uploaded with the
申请表 and the 公章印模采集页.

Filled from the verified six elements; the legal representative signs, the organisation stamps
it. ID numbers are printed in full (it is the applicant's own document);
:class:`~cgn_seal_desktop.documents.models.AuthorisationLetterData` masks them in ``repr``.
"""

from __future__ import annotations

import datetime as dt
import logging

import pymupdf

from cgn_seal_desktop.documents.layout import A4, MARGIN, Cell, FormWriter
from cgn_seal_desktop.documents.models import AuthorisationLetterData

__all__ = ["ADDRESSEE", "NOTES", "TITLE", "authorisation_text", "render_authorisation_letter"]

log = logging.getLogger(__name__)

TITLE = "授权书"
SUBTITLE = "（中广核电子商务平台数字证书及电子印章业务经办授权）"
ADDRESSEE = "致：深圳市电子商务安全证书管理有限公司（深圳CA）"
NOTES = (
    "1. 本授权书须由法定代表人亲笔签字、被授权人签字，并加盖单位公章；请用 A4 纸打印。",
    "2. 签字盖章后请扫描或拍照，在“上传资料”的“授权书”一项中提交，并同时上传被授权人"
    "（经办人）的身份证件。",
    "3. 经办人为法定代表人本人时，无需提交本授权书。",
    "4. 客户服务热线：400-112-3838　官方网址：www.szca.com",
)
_W = A4.width - 2 * MARGIN
_LABEL = 96.0
_VALUE = (_W - 2 * _LABEL) / 2


def authorisation_text(data: AuthorisationLetterData) -> tuple[str, ...]:
    """The letter's paragraphs, filled with *data* (blank lines where a value is missing)."""
    blank = "＿＿＿＿＿＿"
    agent = data.agent_name or blank
    org = data.org_name or blank
    return (
        f"兹授权{agent}（{data.agent_id_type}号码：{data.agent_id_number or blank}）为{org}"
        "的经办人，代表本单位向深圳市电子商务安全证书管理有限公司（深圳CA）办理中广核电子商务平台"
        "数字证书（电子印章）的申请、资料提交、缴费、审核补正及 UKEY 领取等相关手续。",
        "被授权人在办理上述事项过程中所签署的文件和处理的相关事务，本单位均予以承认，"
        "由此产生的法律责任由本单位承担。",
        "授权期限：自本授权书签署之日起至上述业务办结之日止。被授权人无转委托权。",
    )


def _pair(l1: str, v1: str, l2: str, v2: str) -> list[Cell]:
    return [Cell(l1, _LABEL, label=True, size=10.5), Cell(v1, _VALUE),
            Cell(l2, _LABEL, label=True, size=10.5), Cell(v2, _VALUE)]


def _wide(label: str, value: str) -> list[Cell]:
    return [Cell(label, _LABEL, label=True, size=10.5), Cell(value, _W - _LABEL)]


def render_authorisation_letter(data: AuthorisationLetterData, *,
                                today: dt.date | None = None) -> bytes:
    """Return the 授权书 for *data* as a one-page A4 PDF (CJK font embedded).

    *today* is printed as the generation date; otherwise the output is deterministic. With
    ``data.test_mark`` the page is marked as made by a test environment (the sandbox).
    """
    today = today or dt.date.today()
    w = FormWriter()
    log.debug("rendering authorisation letter for %r", data)  # repr masks ID numbers
    page = w.new_page()
    w.text(page, A4.width / 2, 74, TITLE, 22, bold=True, align="center")
    w.text(page, A4.width / 2, 96, SUBTITLE, 11, align="center")
    if data.application_no:
        w.text(page, A4.width - MARGIN, 118, f"业务单号：{data.application_no}", 9.5,
               align="right")

    y = 140.0
    w.text(page, MARGIN, y, ADDRESSEE, 12, bold=True)
    y += 12
    for para in authorisation_text(data):
        indent = w.font.text_length("　　", 12)
        y = w.paragraph(page, MARGIN + indent, y, _W - indent, para, 12,
                        indent=-indent) + 6

    x = MARGIN
    y += 10
    top = y
    y = w.section(page, x, y, _W, "一、授权单位")
    y = w.row(page, x, y, 30, _wide("单位名称", data.org_name))
    y = w.row(page, x, y, 30, _pair("统一社会\n信用代码", data.uscc, "法定代表人",
                                    data.legal_rep_name))
    y = w.row(page, x, y, 28, _pair("证件类型", data.legal_rep_id_type, "证件号码",
                                    data.legal_rep_id_number))
    y = w.section(page, x, y, _W, "二、被授权人（经办人）")
    y = w.row(page, x, y, 28, _pair("姓名", data.agent_name, "手机号码", data.agent_mobile))
    y = w.row(page, x, y, 28, _pair("证件类型", data.agent_id_type, "证件号码",
                                    data.agent_id_number))
    y = _signature_row(w, page, x, y)
    page.draw_rect(pymupdf.Rect(x, top, x + _W, y), color=(0, 0, 0), width=1.4)

    y += 20
    w.text(page, MARGIN, y, "说明", 10.5, bold=True)
    y += 6
    for note in NOTES:
        y = w.paragraph(page, MARGIN, y, _W, note, 9.5,
                        indent=w.font.text_length("1. ", 9.5)) + 2
    return w.finish(title=TITLE, footer_left="中广核电子商务平台 · 深圳CA · 授权书", today=today,
                    test_mark=data.test_mark)


def _signature_row(w: FormWriter, page: pymupdf.Page, x: float, y: float) -> float:
    """授权单位（盖章） with room for a 42 mm seal, 法定代表人签字 and 被授权人签字, each dated."""
    height = 150.0
    widths = (_W * 0.4, _W * 0.3, _W * 0.3)
    titles = ("授权单位（盖章）", "法定代表人（签字）", "被授权人（签字）")
    for width, title in zip(widths, titles, strict=True):
        rect = pymupdf.Rect(x, y, x + width, y + height)
        page.draw_rect(rect, color=(0, 0, 0), width=0.7)
        w.fit(page, pymupdf.Rect(rect.x0, rect.y0, rect.x1, rect.y0 + 24), title, size=10.5,
              bold=True, align="center")
        w.fit(page, pymupdf.Rect(rect.x0, rect.y1 - 26, rect.x1, rect.y1),
              "日期：　　　年　　月　　日", size=10, align="center")
        x += width
    return y + height
