"""Printable A4 documents: the application form and the seal impression collection page."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
import shutil
import subprocess
from pathlib import Path

import pymupdf
import pytest

from cgn_seal_desktop.documents import application_form, seal_impression_page
from cgn_seal_desktop.documents.application_form import render_application_form
from cgn_seal_desktop.documents.layout import wrap_text
from cgn_seal_desktop.documents.models import ApplicationFormData, mask_id
from cgn_seal_desktop.documents.output import save_pdf
from cgn_seal_desktop.documents.seal_impression_page import render_seal_impression_page

TODAY = dt.date(2026, 11, 25)
ID_NUMBER = "44030519900101123X"
DATA = ApplicationFormData(
    org_name="深圳市示例新能源科技有限公司",
    uscc="91440300MA5G123456",
    legal_rep_name="张三",
    agent_name="李四",
    agent_id_number=ID_NUMBER,
    agent_mobile="13800138000",
    email="seal@example.com",
    address="广东省深圳市南山区粤海街道科技南十二路 18 号示例大厦 A 座 1201 室",
    org_phone="0755-88886666",
    application_no="SZCA-2026-000123",
)
LONG_ORG = "广东省深圳市南山区粤海街道科技园某某某新能源技术研究院暨国际电子商务供应链管理" * 2
A4_W, A4_H = 595.0, 842.0


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _text(pdf: bytes) -> str:
    with pymupdf.open("pdf", pdf) as doc:
        return "".join(page.get_text() for page in doc)


def _assert_a4_one_page(pdf: bytes) -> None:
    with pymupdf.open("pdf", pdf) as doc:
        assert doc.page_count == 1
        assert doc[0].rect.width == pytest.approx(A4_W, abs=0.5)
        assert doc[0].rect.height == pytest.approx(A4_H, abs=0.5)


def _assert_no_text_crosses_a_border(pdf: bytes) -> None:
    """Every text span is either inside or outside each drawn box, never across its edge."""
    with pymupdf.open("pdf", pdf) as doc:
        page = doc[0]
        boxes = [item[1] for d in page.get_drawings() for item in d["items"] if item[0] == "re"]
        assert len(boxes) > 5
        spans = [
            (s["text"], pymupdf.Rect(s["bbox"]))
            for b in page.get_text("dict")["blocks"]
            for line in b.get("lines", [])
            for s in line["spans"]
            if s["text"].strip()
        ]
        for text, bbox in spans:
            assert pymupdf.Rect(0, 0, A4_W, A4_H).contains(bbox), text
            for box in boxes:
                inner = pymupdf.Rect(bbox.x0 + 0.5, bbox.y0 + 0.5, bbox.x1 - 0.5, bbox.y1 - 0.5)
                overlap = box & inner
                if overlap.is_empty:
                    continue
                grown = pymupdf.Rect(box.x0 - 0.5, box.y0 - 0.5, box.x1 + 0.5, box.y1 + 0.5)
                assert grown.contains(bbox), f"{text!r} crosses the edge of {box}"


def _assert_cjk_font_embedded(pdf: bytes) -> None:
    with pymupdf.open("pdf", pdf) as doc:
        fonts = doc.get_page_fonts(0)
        assert fonts
        for xref, ext, _type, basefont, *_ in fonts:
            assert ext in ("ttf", "otf", "cff"), f"{basefont} is not embedded"
            assert "+" in basefont, f"{basefont} is not subset"
            assert len(doc.extract_font(xref)[3]) > 1000
        assert len(pdf) < 300_000


# --------------------------------------------------------------------------- application form


def test_application_form_shows_every_value_and_fixed_line() -> None:
    pdf = render_application_form(DATA, today=TODAY)
    _assert_a4_one_page(pdf)
    text = _flat(_text(pdf))
    for value in (DATA.org_name, DATA.uscc, DATA.legal_rep_name, DATA.agent_name, ID_NUMBER,
                  DATA.agent_mobile, DATA.email, DATA.address, DATA.org_phone,
                  DATA.application_no, DATA.agent_id_type, DATA.cert_type):
        assert _flat(value) in text, value
    for fixed in (application_form.TITLE, "中广核电子商务平台", "深圳CA", "机构名称",
                  "统一社会信用代码", "法定代表人", "经办人姓名", "证件号码", "联系邮箱",
                  "机构地址", "证书类型", "申请数量", "有效期", "申请日期：2026年11月25日",
                  "单位盖章", "法定代表人签字", "经办人签字", "日期",
                  application_form.DECLARATION, *application_form.NOTES,
                  "第1页/共1页", "生成日期：2026-11-25"):
        assert _flat(fixed) in text, fixed


def test_application_form_quantity_validity_and_explicit_date() -> None:
    data = dataclasses.replace(DATA, cert_quantity=3, validity_years=2,
                               application_date="2026-12-01",
                               legal_rep_id_number="110101198001010017")
    text = _flat(_text(render_application_form(data, today=TODAY)))
    assert "3个" in text and "2年" in text
    assert "2026年12月1日" in text
    assert "110101198001010017" in text


def test_application_form_layout_has_no_overflow_and_embeds_font() -> None:
    pdf = render_application_form(DATA, today=TODAY)
    _assert_no_text_crosses_a_border(pdf)
    _assert_cjk_font_embedded(pdf)


def test_long_values_wrap_inside_their_cells() -> None:
    data = dataclasses.replace(DATA, org_name=LONG_ORG, address=LONG_ORG + "一号大楼",
                               email="procurement.department.e-seal.application@very-long-company-domain.example.com")
    pdf = render_application_form(data, today=TODAY)
    _assert_no_text_crosses_a_border(pdf)
    text = _flat(_text(pdf))
    assert _flat(LONG_ORG) in text  # wrapped and shrunk, not cut
    assert "very-long-company-domain" in text


def test_absurdly_long_value_is_cut_not_overflowing() -> None:
    data = dataclasses.replace(DATA, org_name="某" * 600)
    pdf = render_application_form(data, today=TODAY)
    _assert_no_text_crosses_a_border(pdf)
    assert "…" in _text(pdf)


def test_application_form_is_deterministic_apart_from_the_date() -> None:
    a = render_application_form(DATA, today=TODAY)
    assert a == render_application_form(DATA, today=TODAY)
    b = render_application_form(DATA, today=TODAY + dt.timedelta(days=1))
    assert a != b
    assert "生成日期：2026-11-26" in _text(b)


def test_id_numbers_are_masked_in_repr_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    data = dataclasses.replace(DATA, legal_rep_id_number="110101198001010017")
    assert ID_NUMBER not in repr(data) and "110101198001010017" not in str(data)
    assert mask_id(ID_NUMBER) in repr(data)
    with caplog.at_level(logging.DEBUG, logger="cgn_seal_desktop"):
        render_application_form(data, today=TODAY)
    assert "深圳市示例" in caplog.text  # the form was logged …
    assert ID_NUMBER not in caplog.text  # … without the ID number


def test_mask_id() -> None:
    assert mask_id(ID_NUMBER) == "440***********123X"
    assert mask_id("12345678") == "********"
    assert mask_id("") == ""


# --------------------------------------------------------------------------- seal impression page


def test_seal_impression_page_text() -> None:
    pdf = render_seal_impression_page(DATA.org_name, DATA.uscc, today=TODAY)
    _assert_a4_one_page(pdf)
    text = _text(pdf)
    # The guide's wording, verbatim.
    assert ("深圳 CA 承诺，此公章印模仅限于申请办理中广核电子商务平台电子签章，"
            "不得用于别途！") in text
    assert "● 请选用 A4 纯白纸张打印此表；" in text
    flat = _flat(text)
    for fixed in (seal_impression_page.TITLE, DATA.org_name, DATA.uscc, "印模一", "印模三",
                  "生成日期：2026-11-25"):
        assert _flat(fixed) in flat, fixed


def _stamp_boxes(pdf: bytes) -> list[pymupdf.Rect]:
    with pymupdf.open("pdf", pdf) as doc:
        rects = [item[1] for d in doc[0].get_drawings() for item in d["items"] if item[0] == "re"]
    return [r for r in rects if r.width > 120 and r.height > 120 and r.width < 200]


@pytest.mark.parametrize("boxes", [1, 3, 6])
def test_stamp_boxes_fit_a_42mm_seal(boxes: int) -> None:
    pdf = render_seal_impression_page(DATA.org_name, DATA.uscc, boxes=boxes, today=TODAY)
    found = _stamp_boxes(pdf)
    assert len(found) == boxes
    seal = 42 / 25.4 * 72
    for r in found:
        assert r.width > seal + 20 and r.height > seal + 20
        assert pymupdf.Rect(40, 100, A4_W - 40, A4_H - 60).contains(r)
    for a in found:  # no two boxes overlap
        for b in found:
            assert a is b or (a & b).is_empty
    _assert_no_text_crosses_a_border(pdf)


def test_seal_impression_page_long_name_and_font() -> None:
    pdf = render_seal_impression_page(LONG_ORG, DATA.uscc, today=TODAY)
    _assert_no_text_crosses_a_border(pdf)
    _assert_cjk_font_embedded(pdf)
    assert _flat(LONG_ORG) in _flat(_text(pdf))


def test_seal_impression_page_rejects_bad_box_count() -> None:
    with pytest.raises(ValueError):
        render_seal_impression_page(DATA.org_name, DATA.uscc, boxes=0)


def test_other_readers_extract_the_text(tmp_path: Path) -> None:
    """Poppler (a different PDF engine) reads the embedded font's Unicode mapping too."""
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "poppler-utils must be installed (see README)"
    path = save_pdf(render_seal_impression_page(DATA.org_name, DATA.uscc, today=TODAY),
                    tmp_path / "印模采集页.pdf")
    out = subprocess.run([pdftotext, "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    assert "不得用于别途" in out and DATA.org_name in _flat(out)


# --------------------------------------------------------------------------- helpers


def test_save_pdf_is_atomic_and_checks_input(tmp_path: Path) -> None:
    pdf = render_seal_impression_page(DATA.org_name, DATA.uscc, today=TODAY)
    target = tmp_path / "申请表.pdf"
    assert save_pdf(pdf, target) == target
    assert target.read_bytes() == pdf
    with pytest.raises(FileExistsError):
        save_pdf(pdf, target, overwrite=False)
    with pytest.raises(ValueError):
        save_pdf(b"<html>", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["申请表.pdf"]  # no temp files left


def test_wrap_text_respects_width_words_and_punctuation() -> None:
    font = pymupdf.Font("cjk")
    text = "本单位确认以上信息真实、准确、完整，已阅读并同意 www.szca.com 的服务协议。" * 3
    lines = wrap_text(font, text, 10, 120)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert font.text_length(line, fontsize=10) <= 120 + 0.01
        assert line[:1] not in "，。、；：！？）"
    assert any("www.szca.com" in line for line in lines)  # a Latin word is not split
    assert wrap_text(font, "第一行\n第二行", 10, 500) == ["第一行", "第二行"]


def test_rare_characters_are_drawn_without_embedding_a_system_font() -> None:
    name = "深圳市㐀华科技有限公司"  # 㐀 (CJK Ext-A) is missing from the built-in font
    pdf = render_seal_impression_page(name, DATA.uscc, today=TODAY)
    assert len(pdf) < 300_000  # a system CJK font would add 20+ MB
    assert _flat(name) in _flat(_text(pdf))
    _assert_no_text_crosses_a_border(pdf)
    with pymupdf.open("pdf", pdf) as doc:
        page = doc[0]
        hit = page.search_for("㐀")
        assert hit, "rare character not extractable"
        box = hit[0] * pymupdf.Matrix(2, 2)
        pix = page.get_pixmap(dpi=144)
        dark = sum(1 for x in range(int(box.x0), int(box.x1))
                   for y in range(int(box.y0), int(box.y1)) if pix.pixel(x, y)[0] < 100)
        assert dark > 0.08 * box.width * box.height, "rare character left blank"
