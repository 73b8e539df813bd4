"""A clerk's first day (issue 15), the wizard's part: the real service first and the sandbox
marked, material names and wrapped lines in the progress tree, no stale QR code or banner,
feedback for "check again" and for submitting, errors that go when fixed and say what is wrong,
the 发票 at the payment step, and the operator page's address to copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from cgn_seal_desktop.portal.models import IdentityStatus, MaterialKind, PaymentStatus
from cgn_seal_desktop.portal.server_profile import KIND_SERVICE, ServerProfile
from cgn_seal_desktop.portal.wizard.state import StepId, StepState
from cgn_seal_desktop.sandbox import ops
from cgn_seal_desktop.settings import Settings
from cgn_seal_desktop.ui.wizard import WizardWidget, ops_console
from cgn_seal_desktop.ui.wizard.bank_page import BankPage
from cgn_seal_desktop.ui.wizard.identity_page import IdentityPage
from cgn_seal_desktop.ui.wizard.materials_page import MaterialsPage
from cgn_seal_desktop.ui.wizard.ops_console import OpsConsoleDialog
from cgn_seal_desktop.ui.wizard.payment_page import PaymentPage
from cgn_seal_desktop.ui.wizard.review_page import ReviewPage
from cgn_seal_desktop.ui.wizard.wording import material_label
from tests.portal.helpers import bank, elements, full_form, uscc
from tests.ui.test_wizard_pages import api, fast_forward_to_payment, login, start_sandbox_widget
from tests.ui.wizard_helpers import WAIT, Env, click, ctx, env, find, on_page, type_into, write

__all__ = ["env"]  # the fixture

pytestmark = pytest.mark.timeout(120)


def _reddish(label: QLabel) -> bool:
    """The label's text is drawn in red (as the clerk sees it, not as a property says)."""
    img: QImage = label.grab().toImage()
    for y in range(img.height()):
        for x in range(img.width()):
            c = QColor(img.pixel(x, y))
            if c.red() > 150 and c.red() - max(c.green(), c.blue()) > 60:
                return True
    return False


def test_a_release_build_starts_with_the_real_service(qtbot: QtBot, env: Env) -> None:
    settings = Settings(service_base_url="https://ecp-service.invalid")
    w = WizardWidget(settings, client_factory=env.client, token_store_factory=env.tokens,
                     sandbox_factory=env.sandbox, now=env.clock.now, poll_ms=50, tray=False,
                     release=True)
    qtbot.addWidget(w)
    env.widgets.append(w)
    w.show()
    assert w.current_page_name != "server"  # no question on the first start…
    assert w.profile.kind == KIND_SERVICE and w.profile.url == "https://ecp-service.invalid"
    assert not w.sandbox.running and not w.sandbox_mark.isVisible()
    assert "ecp-service.invalid" in w.server_label.text()
    click(qtbot, w, "changeServer")  # …the sandbox only by choice, and it says what it is
    assert w.server_page.service_radio.isChecked()
    assert not w.server_page.sandbox_radio.isChecked()
    assert "NOT VALID" in w.server_page.sandbox_note.text()
    w.server_page.sandbox_radio.setChecked(True)
    click(qtbot, w, "continueButton")
    qtbot.waitUntil(lambda: w.sandbox.running and w.current_page_name == "account",
                    timeout=WAIT)
    assert w.sandbox_mark.isVisible()
    # A saved choice is kept at the next start, release or not.
    assert ServerProfile.load().kind == "sandbox"


def test_operator_page_address_to_copy(qtbot: QtBot, env: Env,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    w = start_sandbox_widget(qtbot, env)
    button = find(w, QPushButton, "consoleLink")
    assert button.isVisible()
    click(qtbot, w, "consoleLink")
    dlg = w.findChild(OpsConsoleDialog)
    assert isinstance(dlg, OpsConsoleDialog) and dlg.isVisible()
    assert dlg.url == f"{w.ctl.base_url}/ops" and dlg.address.isReadOnly()
    dlg.copy_button.click()
    assert QGuiApplication.clipboard().text() == dlg.url
    assert "copied" in dlg.status.text()

    class NoBrowser:
        @staticmethod
        def openUrl(_url: object) -> bool:
            return False

    monkeypatch.setattr(ops_console, "QDesktopServices", NoBrowser)
    dlg.open_button.click()
    assert "No web browser" in dlg.status.text() and dlg.isVisible()
    dlg.close()


def _verified(w: WizardWidget, user: str = "bob", **overrides: str) -> int:
    client = api(w, user)
    uid = ops.find_user(ctx(w), user)
    client.submit_elements(elements(**overrides))
    client.start_identity()
    ops.identity_set(ctx(w), uid, IdentityStatus.PASSED)
    client.submit_bank_account(bank())
    client.enter_deposit_code(ops.deposit_post(ctx(w), uid).code)
    return client.create_application(full_form()).id


def test_progress_tree_names_materials_wraps_and_follows_the_page(qtbot: QtBot,
                                                                  env: Env) -> None:
    w = start_sandbox_widget(qtbot, env)
    _verified(w, operator_name="王五")
    login(qtbot, w)
    on_page(qtbot, w, "print")
    panel = w.steps_panel
    w.resize(900, 700)
    panel.parentWidget().setSizes([240, 660])  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: panel.list.viewport().width() < 260, timeout=WAIT)
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    joined = "\n".join(texts)
    for kind in MaterialKind:
        assert kind.value not in joined  # internal ids never reach the clerk
    assert material_label(MaterialKind.AUTHORISATION_LETTER) in joined
    # Long lines wrap inside the panel: no horizontal scroll bar, nothing beyond its edge.
    assert not panel.list.horizontalScrollBar().isVisible()
    width = panel.list.viewport().width()
    line = panel.list.fontMetrics().lineSpacing()
    detail = next(i for i in range(panel.list.count()) if "Still to upload" in texts[i])
    for i in range(panel.list.count()):
        assert panel.list.visualItemRect(panel.list.item(i)).right() <= width
    assert panel.list.visualItemRect(panel.list.item(detail)).height() >= 3 * line
    # The arrow is where the clerk is: on the uploads once they are on screen.
    def marked(step: StepId) -> str:
        title = {StepId.APP_PRINT: "Print the application form",
                 StepId.APP_MATERIALS: "Upload materials"}[step]
        return next(t for t in texts if title in t)

    assert "➜" in marked(StepId.APP_PRINT) and "➜" not in marked(StepId.APP_MATERIALS)
    click(qtbot, w, "toMaterials")
    on_page(qtbot, w, "materials")
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert "➜" in marked(StepId.APP_MATERIALS) and "➜" not in marked(StepId.APP_PRINT)
    assert w.ctl.progress.step(StepId.APP_PRINT).state is StepState.CURRENT  # still to do


def test_failed_identity_check_leaves_no_old_qr_or_banner(qtbot: QtBot, env: Env) -> None:
    w = start_sandbox_widget(qtbot, env)
    client = api(w)
    client.submit_elements(elements())
    login(qtbot, w)
    on_page(qtbot, w, "identity")
    idp = w.pages["identity"]
    assert isinstance(idp, IdentityPage)
    # Before a code exists, nothing speaks of "this QR code".
    assert idp.qr.payload == "" and "Show QR code" in idp.instructions.text()
    assert "scan this QR code" not in idp.instructions.text()
    click(qtbot, w, "startIdentity")
    qtbot.waitUntil(lambda: idp.qr.payload != "" and not w.ctl.busy, timeout=WAIT)
    assert "scan this QR code" in idp.instructions.text()
    assert idp.qr.test_mark  # the sandbox's code says it is a test
    ops.identity_set(ctx(w), ops.find_user(ctx(w), "bob"), IdentityStatus.FAILED, "人脸比对未通过")
    qtbot.waitUntil(lambda: "人脸比对未通过" in idp.status.text(), timeout=WAIT)
    assert idp.qr.payload == ""  # the failed code is gone
    assert _reddish(idp.status)
    assert w.info.isVisible() and "failed" in w.info.text()
    click(qtbot, w, "startIdentity")
    qtbot.waitUntil(lambda: idp.qr.payload != "" and not w.ctl.busy, timeout=WAIT)
    assert not w.info.isVisible()  # the 未通过 message went with the new code
    assert not w.steps_panel.notices.text()
    assert "Waiting for the WeChat scan" in idp.status.text() and not _reddish(idp.status)


def test_bank_errors_say_what_and_go_when_fixed_check_again_answers(qtbot: QtBot,
                                                                    env: Env) -> None:
    w = start_sandbox_widget(qtbot, env)
    client = api(w)
    client.submit_elements(elements())
    client.start_identity()
    ops.identity_set(ctx(w), ops.find_user(ctx(w), "bob"), IdentityStatus.PASSED)
    login(qtbot, w)
    on_page(qtbot, w, "bank")
    bp = w.pages["bank"]
    assert isinstance(bp, BankPage)
    click(qtbot, w, "submitBank")
    assert all(e.text() == "Required." for e in bp.errors.values())
    type_into(qtbot, w, "bank_bank_name", "中")
    assert "Too short" in bp.errors["bank_name"].text()
    type_into(qtbot, w, "bank_bank_name", "中国银行")
    assert bp.errors["bank_name"].text() == "" and not bp.errors["bank_name"].isVisible()
    assert bp.errors["branch_name"].text() == "Required."  # untouched fields keep theirs
    type_into(qtbot, w, "bank_account_number", "7555-12ab")
    assert "Digits only" in bp.errors["account_number"].text()
    for name, value in bank().model_dump().items():
        type_into(qtbot, w, f"bank_{name}", value)
    assert not any(e.text() for e in bp.errors.values())
    click(qtbot, w, "submitBank")
    qtbot.waitUntil(lambda: w.ctl.progress.current is StepId.ORG_DEPOSIT_CODE
                    and not w.ctl.busy, timeout=WAIT)
    assert bp.checked.text() == ""
    click(qtbot, w, "refreshDeposit")
    qtbot.waitUntil(lambda: "not arrived" in bp.checked.text(), timeout=WAIT)
    assert find(w, QPushButton, "refreshDeposit").isEnabled()


def test_materials_problems_in_red_empty_file_named(qtbot: QtBot, env: Env,
                                                   tmp_path: Path) -> None:
    w = start_sandbox_widget(qtbot, env)
    _verified(w)
    login(qtbot, w)
    on_page(qtbot, w, "print")
    click(qtbot, w, "toMaterials")
    on_page(qtbot, w, "materials")
    mp = w.pages["materials"]
    assert isinstance(mp, MaterialsPage)
    qtbot.waitUntil(lambda: len(mp.rows) == len(MaterialKind), timeout=WAIT)
    row = mp.rows[MaterialKind.BUSINESS_LICENCE]
    assert not _reddish(row.state)
    mp.add_file(MaterialKind.BUSINESS_LICENCE, write(tmp_path / "untrusted_empty.pdf", b""))
    assert row.property("problem") == "empty" and "empty" in row.state.text()
    assert "type" not in row.state.text()
    assert _reddish(row.state)
    # The operator is the legal representative here: no letter, no asterisk on it.
    assert not mp.rows[MaterialKind.AUTHORISATION_LETTER].required
    assert mp.rows[MaterialKind.BUSINESS_LICENCE].required
    # A failed upload's reason: red too, on the row.
    w.sandbox.stop()
    mp.add_file(MaterialKind.BUSINESS_LICENCE, write(tmp_path / "licence.pdf", b"%PDF-1.4\n"))
    qtbot.waitUntil(lambda: row.retry.isVisible() and not w.ctl.busy, timeout=WAIT)
    assert _reddish(row.state)
    w.sandbox.start()
    qtbot.waitUntil(lambda: w.sandbox.running and not w.ctl.busy, timeout=WAIT)
    row.retry.click()
    qtbot.waitUntil(lambda: "licence.pdf" in row.state.text() and not w.ctl.busy,
                    timeout=WAIT)
    assert not _reddish(row.state) and row.property("problem") is None


def test_invoice_at_the_payment_step(qtbot: QtBot, env: Env) -> None:
    w = start_sandbox_widget(qtbot, env)
    app_id = fast_forward_to_payment(w, api(w), "bob")
    login(qtbot, w)
    on_page(qtbot, w, "payment")
    pay = w.pages["payment"]
    assert isinstance(pay, PaymentPage)
    # Prefilled with the organisation's name and USCC, as almost every supplier needs it.
    assert pay.invoice_inputs["title"].text() == elements().org_name
    assert pay.invoice_inputs["tax_id"].text() == uscc()
    good = uscc()
    type_into(qtbot, w, "invoice_tax_id", good[:-1] + ("0" if good[-1] != "0" else "1"))
    click(qtbot, w, "payButton")
    assert "check character" in pay.invoice_errors["tax_id"].text()
    qtbot.wait(100)
    assert w.ctl.snapshot.application.payment is None  # type: ignore[union-attr]
    type_into(qtbot, w, "invoice_tax_id", good)
    assert pay.invoice_errors["tax_id"].text() == ""
    type_into(qtbot, w, "invoice_title", "深圳市测试科技有限公司财务部")
    click(qtbot, w, "payButton")
    qtbot.waitUntil(lambda: pay.qr.payload != "" and not w.ctl.busy, timeout=WAIT)
    assert pay.qr.test_mark
    assert "深圳市测试科技有限公司财务部" in pay.order_invoice.text() and good in (
        pay.order_invoice.text())
    ops.mark_paid(ctx(w), app_id)
    on_page(qtbot, w, "review")
    review = w.pages["review"]
    assert isinstance(review, ReviewPage)
    order = w.ctl.snapshot.application.payment  # type: ignore[union-attr]
    assert order is not None and order.status is PaymentStatus.PAID
    assert order.invoice is not None and order.invoice.title == "深圳市测试科技有限公司财务部"
    assert "深圳市测试科技有限公司财务部" in review.invoice.text()
    # "Check status" says that it looked.
    click(qtbot, w, "refreshReview")
    qtbot.waitUntil(lambda: "still under review" in review.checked.text(), timeout=WAIT)



def test_login_and_registration_messages_go_when_the_user_types(qtbot: QtBot,
                                                                env: Env) -> None:
    w = start_sandbox_widget(qtbot, env)
    account = w.pages["account"]
    account.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    type_into(qtbot, w, "reg_username", "a")
    type_into(qtbot, w, "reg_password", "short")
    type_into(qtbot, w, "reg_password2", "other")
    click(qtbot, w, "registerButton")
    errors = account.reg_errors  # type: ignore[attr-defined]
    assert "differ" in errors["password2"].text()
    type_into(qtbot, w, "reg_password2", "short")
    assert errors["password2"].text() == ""
    click(qtbot, w, "registerButton")
    assert errors["username"].text() != "" and errors["password"].text() != ""
    type_into(qtbot, w, "reg_username", "bob_clerk")
    assert errors["username"].text() == "" and errors["password"].text() != ""
    account.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
    click(qtbot, w, "loginButton")
    assert account.login_error.text() != ""  # type: ignore[attr-defined]
    type_into(qtbot, w, "loginUser", "bob")
    assert account.login_error.text() == ""  # type: ignore[attr-defined]
