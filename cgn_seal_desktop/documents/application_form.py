"""The printable 数字证书(电子印章)申请表 for the CGN e-commerce platform / 深圳CA (one A4 page).

The applicant prints it, the legal representative and the agent sign, the organisation stamps it,
and the scan is uploaded with the other materials. ID numbers are printed in full here (it is the
applicant's own form); :class:`~cgn_seal_desktop.documents.models.ApplicationFormData` masks them
in ``repr`` so logs never hold them.
"""

from __future__ import annotations

import datetime as dt
import logging

import pymupdf

from cgn_seal_desktop.documents.layout import A4, MARGIN, Cell, FormWriter
from cgn_seal_desktop.documents.models import ApplicationFormData

__all__ = ["DECLARATION", "NOTES", "TITLE", "render_application_form"]

log = logging.getLogger(__name__)

TITLE = "数字证书(电子印章)申请表"
SUBTITLE = "中广核电子商务平台 · 深圳CA"
DECLARATION = (
    "本单位确认以上信息真实、准确、完整，已阅读并同意深圳CA数字证书服务协议；所申请的数字证书及"
    "电子印章仅用于中广核电子商务平台相关业务，本单位承担因信息不实或保管不善造成的一切后果。"
)
NOTES = (
    "1. 请用 A4 纸打印本表，核对无误后由法定代表人、经办人签字并加盖单位公章（印模须清晰、完整）。",
    "2. 签字盖章后的申请表请扫描或拍照，与营业执照、经办人身份证件（经办人不是法定代表人时"
    "还需授权书）一并在“上传资料”中提交。",
    "3. 所填信息须与机构认证（六要素）信息一致；如资料有误，请返回中广核电子商务平台修改信息。",
    "4. 客户服务热线：400-112-3838　官方网址：www.szca.com",
)

_W = A4.width - 2 * MARGIN  # table width
_LABEL = 92.0  # label column width
_VALUE = (_W - 2 * _LABEL) / 2  # value column width in two-pair rows
_WIDE = _W - _LABEL  # value width in full-width rows
_TOP = 110.0  # top of the table
_SECTION = 20.0  # height of a section heading row


def _date_cn(iso: str) -> str:
    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return iso  # already formatted by the caller; print as given
    return f"{d.year}年{d.month}月{d.day}日"


def _pair(l1: str, v1: str, l2: str, v2: str) -> list[Cell]:
    return [Cell(l1, _LABEL, label=True, size=10.5), Cell(v1, _VALUE),
            Cell(l2, _LABEL, label=True, size=10.5), Cell(v2, _VALUE)]


def _wide(label: str, value: str) -> list[Cell]:
    return [Cell(label, _LABEL, label=True, size=10.5), Cell(value, _WIDE)]


def render_application_form(data: ApplicationFormData, *, today: dt.date | None = None) -> bytes:
    """Return the application form for *data* as a one-page A4 PDF (CJK font embedded).

    *today* is the generation date printed in the footer and used when ``application_date`` is
    empty; apart from it the output is deterministic.
    """
    today = today or dt.date.today()
    applied = _date_cn(data.application_date or today.isoformat())
    quantity = f"{data.cert_quantity} 个（每个证书配 UKEY 1 个）"
    validity = f"{data.validity_years} 年"
    w = FormWriter()
    log.debug("rendering application form for %r", data)  # repr masks ID numbers
    page = w.new_page()

    w.text(page, A4.width / 2, 66, TITLE, 20, bold=True, align="center")
    w.text(page, A4.width / 2, 86, SUBTITLE, 11, align="center")
    w.text(page, MARGIN, 104, f"业务单号：{data.application_no or '（提交后生成）'}", 9.5)
    w.text(page, A4.width - MARGIN, 104, f"申请日期：{applied}", 9.5, align="right")
    contact = " ".join(v for v in (data.contact_name, data.contact_mobile) if v)

    x, y = MARGIN, _TOP
    y = w.section(page, x, y, _W, "一、申请单位信息", _SECTION)
    y = w.row(page, x, y, 30, _wide("机构名称", data.org_name))
    y = w.row(page, x, y, 30, _pair("统一社会\n信用代码", data.uscc, "单位电话", data.org_phone))
    y = w.row(page, x, y, 30, _pair("法定代表人", data.legal_rep_name, "法定代表人\n证件号码",
                                    data.legal_rep_id_number))
    y = w.row(page, x, y, 30, _wide("机构地址", data.address))
    y = w.row(page, x, y, 26, _pair("联系人", contact, "联系邮箱", data.email))

    y = w.section(page, x, y, _W, "二、经办人信息", _SECTION)
    y = w.row(page, x, y, 26, _pair("经办人姓名", data.agent_name, "手机号码", data.agent_mobile))
    y = w.row(page, x, y, 26, _pair("证件类型", data.agent_id_type, "证件号码",
                                    data.agent_id_number))

    y = w.section(page, x, y, _W, "三、证书申请信息", _SECTION)
    y = w.row(page, x, y, 26, _pair("证书类型", data.cert_type, "印章名称", data.seal_name))
    y = w.row(page, x, y, 26, _pair("申请数量", quantity, "有效期", validity))

    y = w.section(page, x, y, _W, "四、UKEY 邮寄信息", _SECTION)
    y = w.row(page, x, y, 26, _pair("收件人", data.mail_recipient, "收件人手机", data.mail_mobile))
    y = w.row(page, x, y, 28, _wide("邮寄地址", data.mail_address))

    y = w.section(page, x, y, _W, "五、申请单位承诺", _SECTION)
    box = pymupdf.Rect(x, y, x + _W, y + 40)
    page.draw_rect(box, color=(0, 0, 0), width=0.7)
    w.fit(page, box, DECLARATION, size=10.5, pad=8)
    y = box.y1

    y = _signature_row(w, page, x, y)
    page.draw_rect(pymupdf.Rect(x, _TOP, x + _W, y), color=(0, 0, 0), width=1.4)  # outer frame

    y += 16
    w.text(page, MARGIN, y, "填表说明", 10.5, bold=True)
    y += 6
    for note in NOTES:
        y = w.paragraph(page, MARGIN, y, _W, note, 9, indent=w.font.text_length("1. ", 9)) + 2
    log.debug("application form ends at y=%.0f of %.0f", y, A4.height)
    return w.finish(title=TITLE, footer_left=f"{SUBTITLE} · {TITLE}", today=today,
                    test_mark=data.test_mark)


def _signature_row(w: FormWriter, page: pymupdf.Page, x: float, y: float) -> float:
    """Three boxes: 单位盖章 (room for a 42 mm seal), 法定代表人签字, 经办人签字, each dated."""
    height = 128.0  # a 42 mm (119 pt) seal may cover the box's title, as on paper forms
    widths = (_W * 0.4, _W * 0.3, _W * 0.3)
    titles = ("单位盖章", "法定代表人签字", "经办人签字")
    for width, title in zip(widths, titles, strict=True):
        rect = pymupdf.Rect(x, y, x + width, y + height)
        page.draw_rect(rect, color=(0, 0, 0), width=0.7)
        w.fit(page, pymupdf.Rect(rect.x0, rect.y0, rect.x1, rect.y0 + 24), title, size=10.5,
              bold=True, align="center")
        w.fit(page, pymupdf.Rect(rect.x0, rect.y1 - 26, rect.x1, rect.y1),
              "日期：　　　年　　月　　日", size=10, align="center")
        x += width
    return y + height
