"""The application wizard's screens for ``resources/screenshots`` (called by
:mod:`cgn_seal_desktop.ui.screenshots`, ``--only wizard`` renders just these).

A supplier is fast-forwarded through the built-in sandbox (running in-process in the throw-away
profile the caller set up) to the steps a clerk found hard on the first day, and the main window
is grabbed at 1366×768, the screen the issue was found on:

``wizard-form.png`` (录入: 机构地址 and 单位电话 asked; the progress tree in words, wrapped),
``wizard-print.png`` (the 授权书 beside 申请表 and 印模采集页, marked 测试/沙箱 — 无效),
``wizard-materials.png`` (the arrow on the uploads; an empty file refused in red; the letter's
asterisk), ``wizard-payment.png`` (发票抬头 and 税号, the marked QR code),
``wizard-ops-console.png`` (the operator page's address to copy).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["render_wizard"]

SIZE = (1366, 768)
USER, PASSWORD = "shenzhen_demo", "demo-password-1"


def _wait(predicate: Callable[[], bool], timeout_s: float = 20.0) -> bool:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if predicate():
            return True
        time.sleep(0.02)
    return False


def render_wizard(save: Callable[[object, str], None]) -> None:
    """Grab the wizard's screens with *save(widget, file name)*."""
    from cgn_seal_desktop.identifiers import id_check_char, uscc_check_char
    from cgn_seal_desktop.portal.client import PortalClient
    from cgn_seal_desktop.portal.models import (
        ApplicationForm,
        BankAccount,
        IdentityStatus,
        MaterialKind,
        OrgElements,
        RegisterRequest,
    )
    from cgn_seal_desktop.portal.server_profile import KIND_SANDBOX, ServerProfile
    from cgn_seal_desktop.portal.tokens import MemoryTokenStore
    from cgn_seal_desktop.portal.wizard.navigation import View
    from cgn_seal_desktop.sandbox import ops
    from cgn_seal_desktop.settings import Settings
    from cgn_seal_desktop.ui.main_window import MainWindow
    from cgn_seal_desktop.ui.wizard.materials_page import MaterialsPage
    from cgn_seal_desktop.ui.wizard.print_page import PrintFormsPage
    from cgn_seal_desktop.ui.wizard.widget import WizardWidget

    ServerProfile(kind=KIND_SANDBOX).save()
    settings = Settings.load()
    win = MainWindow(settings)
    win.resize(*SIZE)
    wizard = WizardWidget(settings, tray=False,
                          token_store_factory=lambda _u, _r: MemoryTokenStore())
    win.install_page("progress", wizard)
    win.show()
    win.show_page("progress")
    assert _wait(lambda: wizard.sandbox.running and wizard.current_page_name == "account")
    server = wizard.sandbox.server
    assert server is not None
    ctx = server.ctx

    org, usc = "深圳市示例新能源科技有限公司", "91440300MA5G12345" + uscc_check_char(
        "91440300MA5G12345")
    client = PortalClient(server.base_url, token_store=MemoryTokenStore())
    client.register(RegisterRequest(username=USER, password=PASSWORD, company_name=org,
                                    contact_name="王五", mobile="13912345678",
                                    email="seal@example.com"))
    client.login(USER, PASSWORD)
    uid = ops.find_user(ctx, USER)
    client.submit_elements(OrgElements(
        org_name=org, uscc=usc, legal_rep_name="张三", legal_rep_id_type="居民身份证",
        legal_rep_id_number="11010519491231002X", operator_name="王五",
        operator_id_number="44030119900101123" + id_check_char("44030119900101123"),
        operator_mobile="13912345678"))
    client.start_identity()
    ops.identity_set(ctx, uid, IdentityStatus.PASSED)
    client.submit_bank_account(BankAccount(bank_name="中国银行", branch_name="深圳福田支行",
                                           account_name=org, account_number="7555 1234 5678 9012"))
    client.enter_deposit_code(ops.deposit_post(ctx, uid).code)
    app = client.create_application(ApplicationForm(
        seal_name=org, validity_years=1, contact_name="王五", contact_mobile="13912345678",
        contact_email="seal@example.com", mail_recipient="王五", mail_mobile="13912345678",
        mail_address="广东省深圳市福田区深南大道 1 号 示例大厦 28 楼"))

    wizard.ctl.login(USER, PASSWORD, False)
    assert _wait(lambda: wizard.current_page_name == "form" and not wizard.ctl.busy)
    _wait(lambda: False, 0.5)
    save(win, "wizard-form.png")

    client.update_application(app.id, app.form.model_copy(update={
        "org_address": "广东省深圳市南山区科技南十二路 18 号示例大厦 A 座 1201 室",
        "org_phone": "0755-88886666"}))
    wizard.ctl.show_view(View.PRINT)
    wizard.ctl.refresh()
    page = wizard.pages[View.PRINT]
    assert isinstance(page, PrintFormsPage)
    assert _wait(lambda: "letter" in page.pdfs and not wizard.ctl.busy)
    page.show_letter.click()
    _wait(lambda: page.preview is not None and page.preview.page_count() == 1)
    _wait(lambda: False, 1.5)  # the preview renders in its worker processes
    save(win, "wizard-print.png")

    page.next_button.click()
    materials = wizard.pages[View.MATERIALS]
    assert isinstance(materials, MaterialsPage)
    assert _wait(lambda: len(materials.rows) == len(MaterialKind) and not wizard.ctl.busy)
    with tempfile.TemporaryDirectory() as tmp:  # a scan that came out empty
        empty = Path(tmp) / "营业执照扫描件.pdf"
        empty.write_bytes(b"")
        materials.add_file(MaterialKind.BUSINESS_LICENCE, empty)
    client.upload_material(app.id, MaterialKind.AUTHORISATION_LETTER, page.pdfs["letter"],
                           "授权书.pdf")
    wizard.ctl.refresh()
    _wait(lambda: materials.rows[MaterialKind.AUTHORISATION_LETTER].uploaded is not None)
    _wait(lambda: False, 0.5)
    save(win, "wizard-materials.png")

    for kind in MaterialKind:
        if kind is not MaterialKind.AUTHORISATION_LETTER:
            client.upload_material(app.id, kind, page.pdfs["form"], f"{kind.value}.pdf")
    client.submit_application(app.id)
    wizard.ctl.refresh()
    assert _wait(lambda: wizard.current_page_name == "payment" and not wizard.ctl.busy)
    pay = wizard.pages[View.PAYMENT]
    pay.pay_button.click()  # type: ignore[attr-defined]
    _wait(lambda: pay.qr.payload != "" and not wizard.ctl.busy)  # type: ignore[attr-defined]
    _wait(lambda: False, 0.5)
    save(win, "wizard-payment.png")

    dlg = wizard.show_ops_console()
    if dlg is not None:
        dlg.copy_button.click()
        _wait(lambda: False, 0.3)
        save(dlg, "wizard-ops-console.png")
        dlg.close()
    client.close()
    wizard.shutdown()
    win.close()
    _wait(lambda: False, 0.2)
