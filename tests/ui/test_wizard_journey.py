"""The application wizard driven through its widgets against the built-in sandbox (in-process).

Operator actions (WeChat scan, bank deposit, payment, CA review) are played in between with the
sandbox's ops functions; the sandbox clock is a ManualClock, so no test waits for real days.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from cgn_seal_desktop.portal.models import (
    ApplicationStatus,
    ApprovalRequest,
    IdentityStatus,
    MaterialKind,
    RejectionRequest,
)
from cgn_seal_desktop.portal.wizard.state import StepId
from cgn_seal_desktop.sandbox import ops
from cgn_seal_desktop.ui import dialogs
from cgn_seal_desktop.ui.wizard.elements_page import ElementsPage
from cgn_seal_desktop.ui.wizard.identity_page import IdentityPage
from cgn_seal_desktop.ui.wizard.materials_page import MaterialsPage
from cgn_seal_desktop.ui.wizard.payment_page import PaymentPage
from cgn_seal_desktop.ui.wizard.print_page import PrintFormsPage
from cgn_seal_desktop.ui.wizard.printing import print_pdf
from cgn_seal_desktop.ui.wizard.wording import material_label
from tests.portal.conftest import LIMITS
from tests.portal.helpers import png_bytes, resident_id, uscc
from tests.ui.wizard_helpers import (
    ORG,
    PASSWORD,
    USER,
    WAIT,
    Env,
    click,
    ctx,
    env,
    find,
    on_page,
    type_into,
    write,
)

__all__ = ["env"]  # the fixture

pytestmark = pytest.mark.timeout(120)


def test_whole_journey(qtbot: QtBot, env: Env, tmp_path: Path,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    # --- first start (run from source: asked): the real service is pre-selected, the
    # built-in sandbox is a deliberate choice
    w = env.widget(qtbot)
    assert w.current_page_name == "server"
    assert w.server_page.service_radio.isChecked() and not w.server_page.sandbox_radio.isChecked()
    w.server_page.sandbox_radio.setChecked(True)
    click(qtbot, w, "continueButton")
    on_page(qtbot, w, "account")
    assert w.sandbox.running
    assert w.ops_url == f"{w.ctl.base_url}/ops"  # the operator page
    assert w.sandbox_mark.isVisible() and "NOT VALID" in w.sandbox_mark.text()

    # --- 供应商注册 (registration logs in at once, "remember me" on)
    find(w, type(w.pages["account"].remember), "rememberMe").setChecked(True)  # type: ignore[attr-defined]
    for name, text in [("username", USER), ("company_name", ORG), ("contact_name", "张三"),
                       ("mobile", "13800138000"), ("email", "clerk@acme.cn"),
                       ("password", PASSWORD), ("password2", PASSWORD)]:
        type_into(qtbot, w, f"reg_{name}", text)
    click(qtbot, w, "registerButton")
    on_page(qtbot, w, "elements")
    uid = ops.find_user(ctx(w), USER)
    for key in w.drafts.keys(""):  # drafts never hold a password
        assert PASSWORD not in str(w.drafts.get(key))

    # --- 六要素: inline check digits, confirmation, submit
    el = w.pages["elements"]
    assert isinstance(el, ElementsPage)
    qtbot.waitUntil(lambda: bool(el.inputs), timeout=WAIT)
    good_uscc = uscc()
    bad_uscc = good_uscc[:-1] + ("0" if good_uscc[-1] != "0" else "1")
    type_into(qtbot, w, "el_uscc", bad_uscc)
    assert "check" in find(w, type(el.errors["uscc"]), "err_uscc").text()
    assert not find(w, QPushButton, "elementsNext").isEnabled()
    type_into(qtbot, w, "el_uscc", good_uscc)
    assert el.errors["uscc"].text() == ""
    type_into(qtbot, w, "el_org_name", ORG)
    type_into(qtbot, w, "el_legal_rep_name", "李四")
    type_into(qtbot, w, "el_legal_rep_id_number", "11010519491231002X")
    type_into(qtbot, w, "el_operator_name", "王五")
    op_id = resident_id()
    type_into(qtbot, w, "el_operator_id_number", op_id[:-1] + ("1" if op_id[-1] != "1" else "2"))
    assert el.errors["operator_id_number"].text() != ""
    type_into(qtbot, w, "el_operator_id_number", op_id)
    type_into(qtbot, w, "el_operator_mobile", "12345")
    assert el.errors["operator_mobile"].text() != ""
    type_into(qtbot, w, "el_operator_mobile", "13912345678")
    assert find(w, QComboBox, "el_legal_rep_id_type").currentText() == "居民身份证"
    click(qtbot, w, "elementsNext")
    assert el.stack.currentIndex() == 1 and good_uscc in el.confirm_text.text()
    click(qtbot, w, "backButton")
    assert el.stack.currentIndex() == 0
    click(qtbot, w, "elementsNext")
    click(qtbot, w, "submitElements")
    on_page(qtbot, w, "identity")
    assert w.ctl.drafts.get("wizard/elements") is None

    # --- 身份认证: QR, countdown, expiry and refresh, then passed by "WeChat"
    idp = w.pages["identity"]
    assert isinstance(idp, IdentityPage)
    click(qtbot, w, "startIdentity")
    qtbot.waitUntil(lambda: idp.qr.payload.startswith(("https://", "http://")), timeout=WAIT)
    first = idp.qr.payload
    assert ":" in idp.countdown.text() and not idp.start_button.isEnabled()
    env.clock.advance(LIMITS.identity_ttl * 2)
    qtbot.waitUntil(lambda: idp.start_button.isEnabled() and idp.qr.expired, timeout=WAIT)
    assert env.notifications(w) == []  # an expired QR code is no "result"
    click(qtbot, w, "startIdentity")
    assert idp.qr.payload == ""  # the dead code goes at once, before the new one arrives
    qtbot.waitUntil(lambda: idp.qr.payload not in ("", first) and not idp.qr.expired,
                    timeout=WAIT)
    ops.identity_set(ctx(w), uid, IdentityStatus.SCANNED)
    qtbot.waitUntil(lambda: "Scanned" in idp.status.text(), timeout=WAIT)
    ops.identity_set(ctx(w), uid, IdentityStatus.PASSED)
    on_page(qtbot, w, "bank")
    assert env.notifications(w) == ["The identity check has passed."]

    # --- 金融认证: bank account; the deposit will take days
    for name, text in [("bank_name", "中国银行"), ("branch_name", "深圳福田支行"),
                       ("account_name", ORG), ("account_number", "7555 1234 5678 9012")]:
        type_into(qtbot, w, f"bank_{name}", text)
    click(qtbot, w, "submitBank")
    qtbot.waitUntil(lambda: w.ctl.progress.current is StepId.ORG_DEPOSIT_CODE
                    and not w.ctl.busy, timeout=WAIT)
    assert w.ctl.progress.waiting is not None
    assert w.ctl.progress.waiting.expected_by is not None
    deposit_text = find(w, type(w.pages["bank"].deposit_text), "depositText").text()  # type: ignore[attr-defined]
    assert w.ctl.progress.waiting.expected_by.isoformat() in deposit_text

    # --- restart in the middle: same data directory, remembered login → same step
    w.shutdown()
    w.close()
    w = env.widget(qtbot)
    on_page(qtbot, w, "bank")
    assert w.ctl.progress.current is StepId.ORG_DEPOSIT_CODE
    assert not find(w, QLineEdit, "depositCode").isEnabled()
    assert not find(w, QPushButton, "supportButton").isVisible()

    # --- days pass (sandbox clock): the deposit arrives, the background poll notices
    env.clock.advance(timedelta(days=5))
    qtbot.waitUntil(lambda: find(w, QLineEdit, "depositCode").isEnabled(), timeout=WAIT)
    assert any("deposit" in n for n in env.notifications(w))
    assert "random code" in w.info.text() and w.info.isVisible()
    code = ops.deposit_reveal(ctx(w), uid).code  # what the finance department reads
    # a wrong code costs an attempt
    wrong = "000000" if code != "000000" else "111111"
    type_into(qtbot, w, "depositCode", wrong)
    click(qtbot, w, "submitDepositCode")
    qtbot.waitUntil(lambda: "2" in find(w, type(w.pages["bank"].code_error),  # type: ignore[attr-defined]
                                        "depositCodeError").text(), timeout=WAIT)
    qtbot.waitUntil(lambda: "2" in w.pages["bank"].deposit_text.text(), timeout=WAIT)  # type: ignore[attr-defined]
    type_into(qtbot, w, "depositCode", code)
    click(qtbot, w, "submitDepositCode")
    on_page(qtbot, w, "form")

    # --- 录入: prefilled from the six elements; what the form needs besides them is asked
    assert find(w, QLineEdit, "app_seal_name").text() == ORG
    form_page = w.pages["form"]
    errors = form_page.errors  # type: ignore[attr-defined]
    type_into(qtbot, w, "app_mail_address", "深圳市福田区深南大道 1 号")
    type_into(qtbot, w, "app_contact_mobile", "1380013")
    type_into(qtbot, w, "app_org_phone", "8888")
    click(qtbot, w, "saveApplication")
    assert errors["contact_mobile"].text() != "" and errors["org_phone"].text() != ""
    assert errors["org_address"].text() != ""  # required, never taken from the mail address
    assert w.current_page_name == "form"
    type_into(qtbot, w, "app_contact_mobile", "13800138000")
    assert errors["contact_mobile"].text() == ""  # gone as soon as the field is right
    assert errors["org_phone"].text() != ""  # the others stay until they are fixed
    type_into(qtbot, w, "app_org_phone", "0755-88886666")
    type_into(qtbot, w, "app_org_address", "深圳市南山区科技南十二路 18 号")
    assert not any(e.text() for e in errors.values())
    click(qtbot, w, "saveApplication")
    on_page(qtbot, w, "print")

    # --- 打印申请表: the two PDFs, their text and page size; save and print
    pp = w.pages["print"]
    assert isinstance(pp, PrintFormsPage)
    # 王五 is not the legal representative 李四: the 授权书 is made too.
    qtbot.waitUntil(lambda: len(pp.pdfs) == 3, timeout=WAIT)
    assert find(w, QPushButton, "previewLetter").isVisible()
    form_pdf, seal_pdf, letter_pdf = pp.pdfs["form"], pp.pdfs["seal"], pp.pdfs["letter"]
    with pymupdf.open(stream=form_pdf, filetype="pdf") as doc:
        text = "".join(p.get_text() for p in doc)
        assert ORG in text and good_uscc in text and "申请表" in text
        assert "深南大道" in text and "科技南十二路" in text and "0755-88886666" in text
        assert round(doc[0].rect.width) == 595 and round(doc[0].rect.height) == 842
        # Everything the built-in sandbox prints says it is worth nothing.
        assert "测试/沙箱 — 无效" in text and "SANDBOX-" in text
        address = doc[0].search_for("科技南十二路")[0]
        label = doc[0].search_for("机构地址")[0]
        assert address.y0 < label.y1 and label.y0 < address.y1  # in the 机构地址 row
    with pymupdf.open(stream=letter_pdf, filetype="pdf") as doc:
        text = "".join(p.get_text() for p in doc).replace("\n", "")
        assert doc.page_count == 1 and "授权书" in text and "兹授权王五" in text
        assert op_id in text and "测试/沙箱 — 无效" in text
    with pymupdf.open(stream=seal_pdf, filetype="pdf") as doc:
        text = "".join(p.get_text() for p in doc).replace("\n", "")
        assert "此公章印模仅限于申请办理中广核电子商务平台电子签章" in text
        assert "请选用 A4 纯白纸张打印此表" in text and ORG in text
        assert round(doc[0].rect.width) == 595 and round(doc[0].rect.height) == 842
    target = tmp_path / "申请表.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_a: str(target))
    click(qtbot, w, "savePdfButton")
    assert target.read_bytes() == form_pdf
    # Print through the print dialog (answered as a user choosing "print to file").
    def print_to_file(dialog: QPrintDialog) -> int:
        assert dialog.printer().pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(tmp_path / "printed-form.pdf"))
        return 1

    monkeypatch.setattr(dialogs, "exec_dialog", print_to_file)
    click(qtbot, w, "printButton")
    with pymupdf.open(tmp_path / "printed-form.pdf") as printed:
        assert printed.page_count == 1
        assert abs(printed[0].rect.width - 595) < 2 and abs(printed[0].rect.height - 842) < 2
        assert printed[0].get_images()  # the page went to the printer as an image
    # The seal impression page: shown in the built-in viewer, printed the same way.
    click(qtbot, w, "previewSeal")
    assert pp.current == "seal" and pp.preview is not None
    qtbot.waitUntil(lambda: pp.preview is not None and pp.preview.page_count() == 1,
                    timeout=WAIT)
    assert pp.preview.path() == str(pp.pdf_path("seal"))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(seal_pdf, printer) == 1
    with pymupdf.open(tmp_path / "printed.pdf") as printed:
        assert printed.page_count == 1
    click(qtbot, w, "toMaterials")
    on_page(qtbot, w, "materials")

    # --- 上传资料: checks before sending, then real files through the drop slot
    mp = w.pages["materials"]
    assert isinstance(mp, MaterialsPage)
    qtbot.waitUntil(lambda: len(mp.rows) >= 5, timeout=WAIT)
    licence = mp.rows[MaterialKind.BUSINESS_LICENCE]
    mp.add_file(MaterialKind.BUSINESS_LICENCE, write(tmp_path / "notes.txt", b"hello"))
    assert licence.property("problem") == "type"
    mp.add_file(MaterialKind.BUSINESS_LICENCE,
                write(tmp_path / "big.pdf", b"%PDF-1.4\n" + b"0" * (LIMITS.max_upload_bytes + 1)))
    assert licence.property("problem") == "size"
    files = {
        MaterialKind.BUSINESS_LICENCE: write(tmp_path / "licence.pdf", form_pdf),
        MaterialKind.APPLICATION_FORM: target,
        MaterialKind.SEAL_IMPRESSION: write(tmp_path / "seal.pdf", seal_pdf),
        MaterialKind.OPERATOR_ID_FRONT: write(tmp_path / "front.png", png_bytes()),
        MaterialKind.OPERATOR_ID_BACK: write(tmp_path / "back.png", png_bytes()),
        # the operator is not the legal representative: an authorisation letter is needed
        MaterialKind.AUTHORISATION_LETTER: write(tmp_path / "letter.pdf", form_pdf),
    }
    # The server goes away during one upload: the row says so and offers retry / remove.
    front = mp.rows[MaterialKind.OPERATOR_ID_FRONT]
    w.sandbox.stop()
    mp.add_file(MaterialKind.OPERATOR_ID_FRONT, files[MaterialKind.OPERATOR_ID_FRONT])
    qtbot.waitUntil(lambda: front.retry.isVisible() and not w.ctl.busy, timeout=WAIT)
    assert "Cannot reach" in front.state.text() and front.remove.isVisible()
    assert not w.banner.isVisible()  # reported on the row; the rest of the page is usable
    qtbot.mouseClick(front.remove, Qt.MouseButton.LeftButton)
    assert front.pending is None and not front.retry.isVisible()
    mp.add_file(MaterialKind.OPERATOR_ID_FRONT, files[MaterialKind.OPERATOR_ID_FRONT])
    qtbot.waitUntil(lambda: front.retry.isVisible() and not w.ctl.busy, timeout=WAIT)
    w.sandbox.start()
    qtbot.waitUntil(lambda: w.sandbox.running and not w.ctl.busy, timeout=WAIT)
    qtbot.mouseClick(front.retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "front.png" in front.state.text() and not w.ctl.busy,
                    timeout=WAIT)
    sent: list[tuple[int, int]] = []
    licence.bytes_sent.connect(lambda a, b: sent.append((a, b)))
    for kind, path in files.items():
        if kind is not MaterialKind.OPERATOR_ID_FRONT:
            mp.add_file(kind, path)
    qtbot.waitUntil(lambda: find(w, QPushButton, "submitApplication").isEnabled()
                    and not w.ctl.busy, timeout=WAIT)
    size = len(form_pdf)
    assert sent and sent[-1] == (size, size) and all(a <= size for a, _b in sent)
    assert front.thumb.pixmap() is not None and not front.thumb.pixmap().isNull()
    assert "licence.pdf" in licence.state.text()
    # The letter is needed for this application, uploaded or not: its asterisk stays.
    letter_row = mp.rows[MaterialKind.AUTHORISATION_LETTER]
    assert letter_row.required and "*" in letter_row.title.text()
    assert "letter.pdf" in letter_row.state.text()
    click(qtbot, w, "submitApplication")
    on_page(qtbot, w, "payment")
    qtbot.waitUntil(lambda: "submitted" in w.info.text(), timeout=WAIT)

    # --- 缴费 while the server is down: a message, then retry after the restart
    pay = w.pages["payment"]
    assert isinstance(pay, PaymentPage)
    assert "¥" in find(w, type(pay.amount), "paymentAmount").text()
    w.sandbox.stop()
    find(w, type(pay.wechat), "wechat").setChecked(True)
    click(qtbot, w, "payButton")
    qtbot.waitUntil(lambda: w.banner.isVisible() and not w.ctl.busy, timeout=WAIT)
    assert "Cannot reach" in w.banner.label.text()
    assert find(w, QPushButton, "payButton").isEnabled()  # page still usable
    app_id = w.ctl.snapshot.application.id  # type: ignore[union-attr]
    key = w.ctl.drafts.get(f"wizard/payment_key/{app_id}")["key"]
    w.sandbox.start()
    qtbot.waitUntil(lambda: w.sandbox.running, timeout=WAIT)
    click(qtbot, w, "retryButton")
    qtbot.waitUntil(lambda: pay.qr.payload != "" and not w.ctl.busy, timeout=WAIT)
    assert not w.banner.isVisible()
    assert w.ctl.drafts.get(f"wizard/payment_key/{app_id}") is None
    assert key  # the same key was used for the retry: only one order exists
    with ctx(w).db.tx() as conn:
        assert conn.execute("SELECT COUNT(*) FROM payments WHERE application_id=?",
                            (app_id,)).fetchone()[0] == 1
    assert "Waiting for the payment" in pay.status.text()

    # --- the payment is made → review
    ops.mark_paid(ctx(w), app_id)
    on_page(qtbot, w, "review")
    assert any("Payment received" in n for n in env.notifications(w))
    # The review takes more than 3 working days: overdue, customer service offered.
    assert not find(w, QPushButton, "supportButton").isVisible()
    env.clock.advance(timedelta(days=7))
    qtbot.waitUntil(lambda: find(w, QPushButton, "supportButton").isVisible(), timeout=WAIT)
    assert "longer than usual" in w.steps_panel.waiting.text()

    # --- rejected: reason and materials to redo; edit and resubmit (no second payment)
    ops.reject(ctx(w), app_id, RejectionRequest(reason="公章印模不清晰",
                                                redo_materials=[MaterialKind.SEAL_IMPRESSION]))
    on_page(qtbot, w, "materials")
    assert "公章印模不清晰" in mp.notice.text()
    assert material_label(MaterialKind.SEAL_IMPRESSION) in mp.notice.text()
    assert not find(w, QPushButton, "submitApplication").isEnabled()
    assert any("rejected" in n for n in env.notifications(w))
    click(qtbot, w, "editApplication")
    on_page(qtbot, w, "form")
    type_into(qtbot, w, "app_mail_address", "深圳市福田区深南大道 2 号")
    click(qtbot, w, "saveApplication")
    on_page(qtbot, w, "print")
    click(qtbot, w, "toMaterials")
    on_page(qtbot, w, "materials")
    mp.add_file(MaterialKind.SEAL_IMPRESSION, files[MaterialKind.SEAL_IMPRESSION])
    qtbot.waitUntil(lambda: find(w, QPushButton, "submitApplication").isEnabled()
                    and not w.ctl.busy, timeout=WAIT)
    click(qtbot, w, "submitApplication")
    on_page(qtbot, w, "review")
    assert w.ctl.snapshot.application.status is ApplicationStatus.UNDER_REVIEW  # type: ignore[union-attr]
    # Resubmitting is confirmed, and says that no second payment is due.
    qtbot.waitUntil(lambda: "submitted again" in w.info.text() and w.info.isVisible(),
                    timeout=WAIT)
    assert "no second payment" in w.info.text()

    # --- approved: serial and tracking; the self-check closes the journey
    approved = ops.approve(ctx(w), app_id, ApprovalRequest(tracking_number="SF1234567890"))
    qtbot.waitUntil(lambda: "SF1234567890" in w.pages["review"].tracking.text(),  # type: ignore[attr-defined]
                    timeout=WAIT)
    assert approved.certificate_serial
    assert approved.certificate_serial in w.pages["review"].serial.text()  # type: ignore[attr-defined]
    assert w.ctl.progress.current is StepId.SHIPPING
    assert any("approved" in n for n in env.notifications(w))
    with qtbot.waitSignal(w.self_check_requested):
        click(qtbot, w, "selfCheck")
    click(qtbot, w, "selfCheckDone")
    assert w.ctl.progress.finished

