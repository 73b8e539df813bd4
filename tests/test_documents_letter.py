"""The printed forms filled from the right sources (the 申请表's 机构地址 is the organisation's,
not the UKEY's mailing address), the 授权书, and the test mark on everything a test environment
(the built-in sandbox) makes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from datetime import UTC, datetime

import pymupdf
import pytest

from cgn_seal_desktop.documents.application_form import render_application_form
from cgn_seal_desktop.documents.authorisation_letter import (
    ADDRESSEE,
    NOTES,
    authorisation_text,
    render_authorisation_letter,
)
from cgn_seal_desktop.documents.layout import TEST_NOTICE
from cgn_seal_desktop.documents.models import TEST_MARK, AuthorisationLetterData
from cgn_seal_desktop.documents.seal_impression_page import render_seal_impression_page
from cgn_seal_desktop.portal.models import (
    Account,
    Application,
    ApplicationStatus,
    MaterialKind,
    OrgElements,
)
from cgn_seal_desktop.portal.print_data import (
    application_form_data,
    authorisation_letter_data,
    needs_authorisation_letter,
)
from tests.portal.helpers import elements, full_form, resident_id
from tests.test_documents import (
    _assert_a4_one_page,
    _assert_cjk_font_embedded,
    _assert_no_text_crosses_a_border,
    _flat,
    _text,
)

TODAY = dt.date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
ORG_ADDRESS = "深圳市南山区科技南十二路 18 号"
MAIL_ADDRESS = "深圳市福田区深南大道 1 号 收发室"


def _account() -> Account:
    return Account(id=1, username="clerk", company_name="深圳市测试科技有限公司",
                   contact_name="张三", mobile="13800138000", email="clerk@e.cn", created_at=NOW)


def _application(**kw: object) -> Application:
    data: dict[str, object] = {
        "id": 7, "reference": "SZCA-00000007", "status": ApplicationStatus.DRAFT,
        "form": full_form(org_address=ORG_ADDRESS, mail_address=MAIL_ADDRESS,
                          org_phone="0755-88886666"),
        "org_name": "深圳市测试科技有限公司", "uscc": "x", "materials": [], "missing": [],
        "paid": False, "revision": 1, "created_at": NOW, "updated_at": NOW}
    data.update(kw)
    return Application.model_validate(data)


def _words(pdf: bytes) -> list[tuple[pymupdf.Rect, str]]:
    with pymupdf.open("pdf", pdf) as doc:
        return [(pymupdf.Rect(b[:4]), b[4]) for b in doc[0].get_text("blocks")]


def _right_of(pdf: bytes, label: str, value: str) -> bool:
    """*value* is printed in the cell right of *label*, on the same row of the table."""
    with pymupdf.open("pdf", pdf) as doc:
        page = doc[0]
        labels = page.search_for(label)
        values = page.search_for(value)
    return any(v.x0 > lab.x1 and v.y0 < lab.y1 and lab.y0 < v.y1
               for lab in labels for v in values)


def test_each_printed_value_comes_from_its_source() -> None:
    el = elements(operator_name="王五", legal_rep_id_type="护照",
                  legal_rep_id_number="E12345678")
    data = application_form_data(_account(), el, _application())
    assert data.address == ORG_ADDRESS and data.mail_address == MAIL_ADDRESS
    assert data.org_phone == "0755-88886666" and data.application_no == "SZCA-00000007"
    assert data.agent_name == "王五" and data.legal_rep_id_number == "护照：E12345678"
    assert not data.test_mark
    pdf = render_application_form(data, today=TODAY)
    _assert_a4_one_page(pdf)
    _assert_no_text_crosses_a_border(pdf)
    assert _right_of(pdf, "机构地址", ORG_ADDRESS.split()[0])
    assert _right_of(pdf, "邮寄地址", MAIL_ADDRESS.split()[0])
    assert not _right_of(pdf, "机构地址", MAIL_ADDRESS.split()[0])
    assert _right_of(pdf, "单位电话", "0755-88886666")
    assert _right_of(pdf, "印章名称", "深圳市测试科技有限公司")
    assert _right_of(pdf, "联系人", "张三 13800138000")
    assert _right_of(pdf, "收件人手机", "13800138000")
    assert _right_of(pdf, "法定代表人", "李四")
    assert "业务单号：SZCA-00000007" in _text(pdf)
    assert TEST_MARK not in _text(pdf)


def test_authorisation_letter_is_needed_only_for_someone_else() -> None:
    same = elements()  # 李四, one ID number on both sides
    assert not needs_authorisation_letter(same, None)
    assert needs_authorisation_letter(elements(operator_name="王五"), None)
    twin = elements(operator_id_number=resident_id("44030119850505123"))
    assert needs_authorisation_letter(twin, None)
    # Once there is an application, the service decides.
    app = _application(required_materials=[MaterialKind.BUSINESS_LICENCE,
                                            MaterialKind.AUTHORISATION_LETTER])
    assert needs_authorisation_letter(same, app)
    assert not needs_authorisation_letter(twin, _application(
        required_materials=[MaterialKind.BUSINESS_LICENCE]))


def _letter_data(el: OrgElements, **kw: object) -> AuthorisationLetterData:
    data = authorisation_letter_data(el, _application())
    return AuthorisationLetterData(**{**data.__dict__, **kw})  # type: ignore[arg-type]


def test_authorisation_letter_is_filled_printable_a4() -> None:
    el = elements(operator_name="王五")
    data = _letter_data(el)
    pdf = render_authorisation_letter(data, today=TODAY)
    _assert_a4_one_page(pdf)
    _assert_no_text_crosses_a_border(pdf)
    _assert_cjk_font_embedded(pdf)
    text = _flat(_text(pdf))
    for value in (el.org_name, el.uscc, el.legal_rep_name, el.legal_rep_id_number, "王五",
                  el.operator_id_number, el.operator_mobile, "SZCA-00000007"):
        assert _flat(value) in text, value
    for fixed in ("授权书", ADDRESSEE, *authorisation_text(data), *NOTES, "授权单位（盖章）",
                  "法定代表人（签字）", "被授权人（签字）", "生成日期：2026-11-25"):
        assert _flat(fixed) in text, fixed
    assert _right_of(pdf, "单位名称", el.org_name)
    # The operator is named as the authorised person in the sentence itself.
    assert f"兹授权王五（居民身份证号码：{el.operator_id_number}）" in text
    # A 42 mm seal fits in the stamp box.
    with pymupdf.open("pdf", pdf) as doc:
        boxes = [it[1] for d in doc[0].get_drawings() for it in d["items"] if it[0] == "re"]
    seal = 42 / 25.4 * 72
    assert any(b.width > seal and b.height > seal for b in boxes)


def test_authorisation_letter_long_values_and_masked_repr() -> None:
    el = elements(operator_name="王五", org_name="广东省深圳市南山区某某某新能源技术研究院" * 4)
    data = _letter_data(el)
    assert el.operator_id_number not in repr(data)
    pdf = render_authorisation_letter(data, today=TODAY)
    _assert_a4_one_page(pdf)
    _assert_no_text_crosses_a_border(pdf)


def _red_share(pdf: bytes, area: pymupdf.Rect) -> float:
    """Share of reddish pixels in *area* of page 1 (rendered at 36 dpi)."""
    with pymupdf.open("pdf", pdf) as doc:
        pix = doc[0].get_pixmap(dpi=36, clip=area)
    n = red = 0
    for y in range(pix.height):
        for x in range(pix.width):
            r, g, b = pix.pixel(x, y)[:3]
            n += 1
            red += r > 200 and g < 215 and b < 215 and r - g > 25
    return red / max(n, 1)


_MAKERS: dict[str, Callable[[bool], bytes]] = {
    "application form": lambda marked: render_application_form(
        application_form_data(_account(), elements(), _application(test_environment=marked)),
        today=TODAY),
    "seal impression page": lambda marked: render_seal_impression_page(
        "深圳市测试科技有限公司", "91440300MA5DAB12C0", today=TODAY, test_mark=marked),
    "authorisation letter": lambda marked: render_authorisation_letter(
        authorisation_letter_data(elements(operator_name="王五"),
                                  _application(test_environment=marked)), today=TODAY),
}


@pytest.mark.parametrize("which", list(_MAKERS))
def test_test_environment_marks_every_document(which: str) -> None:
    plain, marked = _MAKERS[which](False), _MAKERS[which](True)
    _assert_a4_one_page(marked)
    text = _text(marked)
    assert TEST_NOTICE in text and text.count(TEST_MARK) >= 4  # top line, diagonals, footer
    assert TEST_MARK not in _text(plain)
    with pymupdf.open("pdf", marked) as doc:
        assert TEST_MARK in doc.metadata["title"]
    # Visible, not only extractable: the middle of the page turns red where the mark runs.
    middle = pymupdf.Rect(100, 300, 495, 540)
    assert _red_share(marked, middle) > 0.02 > _red_share(plain, middle)


def test_sandbox_in_use_marks_even_without_the_service_saying_so() -> None:
    data = application_form_data(_account(), elements(), _application(), sandbox=True)
    assert data.test_mark
    assert re.search(TEST_MARK, _text(render_application_form(data, today=TODAY)))
