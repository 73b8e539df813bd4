"""Wizard behaviours beyond the happy path: drafts survive a restart, login after a restart
without "remember me", cancel-and-redo, deposit code lockout, a service that is down, the
service-URL profile, the main-window wiring, client-side validators, crisp QR codes."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from cgn_seal_desktop.portal.client import PortalClient
from cgn_seal_desktop.portal.models import (
    ElementField,
    IdentityStatus,
    OrgVerificationState,
    TokenPair,
)
from cgn_seal_desktop.portal.server_profile import (
    KIND_SERVICE,
    ServerProfile,
    valid_service_url,
)
from cgn_seal_desktop.portal.tokens import MemoryTokenStore, TokenStore
from cgn_seal_desktop.portal.validators import check_field
from cgn_seal_desktop.portal.wizard.state import StepId
from cgn_seal_desktop.sandbox import ops
from cgn_seal_desktop.sandbox.server import SandboxServer, SandboxStartError
from cgn_seal_desktop.ui import dialogs
from cgn_seal_desktop.ui.wizard import WizardWidget
from cgn_seal_desktop.ui.wizard.elements_page import ElementsPage
from cgn_seal_desktop.ui.wizard.qr import QrCodeWidget
from tests.portal.helpers import (
    PASSWORD,
    START,
    bank,
    elements,
    register_request,
    resident_id,
    uscc,
)
from tests.ui.wizard_helpers import WAIT, Env, click, ctx, env, find, on_page, type_into

__all__ = ["env"]  # the fixture

pytestmark = pytest.mark.timeout(120)


def start_sandbox_widget(qtbot: QtBot, env: Env) -> WizardWidget:
    ServerProfile(kind="sandbox").save()
    w = env.widget(qtbot)
    qtbot.waitUntil(lambda: w.sandbox.running and w.current_page_name == "account",
                    timeout=WAIT)
    return w


def api(w: WizardWidget, user: str = "bob") -> PortalClient:
    """A second client of the same sandbox (what the user did earlier, fast-forwarded)."""
    client = PortalClient(w.ctl.base_url, token_store=MemoryTokenStore(), retries=1,
                          sleep=lambda _s: None)
    client.register(register_request(user))
    client.login(user, PASSWORD)
    return client


def login(qtbot: QtBot, w: WizardWidget, user: str = "bob", remember: bool = False) -> None:
    w.pages["account"].tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
    type_into(qtbot, w, "loginUser", user)
    type_into(qtbot, w, "loginPassword", PASSWORD)
    w.pages["account"].remember.setChecked(remember)  # type: ignore[attr-defined]
    click(qtbot, w, "loginButton")


def test_drafts_and_login_after_restart(qtbot: QtBot, env: Env) -> None:
    w = start_sandbox_widget(qtbot, env)
    api(w)
    login(qtbot, w)
    on_page(qtbot, w, "elements")
    el = w.pages["elements"]
    assert isinstance(el, ElementsPage)
    qtbot.waitUntil(lambda: bool(el.inputs), timeout=WAIT)
    type_into(qtbot, w, "el_org_name", "未提交的公司")
    type_into(qtbot, w, "el_uscc", uscc())
    w.shutdown()
    w.close()

    w = env.widget(qtbot)
    on_page(qtbot, w, "account")  # no "remember me": log in again…
    assert find(w, QLineEdit, "loginUser").text() == "bob"
    type_into(qtbot, w, "loginPassword", "wrong password")  # a message, nothing else
    click(qtbot, w, "loginButton")
    qtbot.waitUntil(lambda: "Wrong" in w.pages["account"].login_error.text(),  # type: ignore[attr-defined]
                    timeout=WAIT)
    login(qtbot, w)
    on_page(qtbot, w, "elements")  # …and land on the same step with the typed input back
    again = w.pages["elements"]
    assert isinstance(again, ElementsPage)
    qtbot.waitUntil(lambda: bool(again.inputs), timeout=WAIT)
    assert again.values()["org_name"] == "未提交的公司"
    assert again.values()["uscc"] == uscc()

    # Another user on the same computer never sees them.
    carol = api(w, "carol")
    carol.close()
    click(qtbot, w, "logoutButton")
    on_page(qtbot, w, "account")
    login(qtbot, w, "carol")
    on_page(qtbot, w, "elements")
    other = w.pages["elements"]
    assert isinstance(other, ElementsPage) and other is not again
    qtbot.waitUntil(lambda: bool(other.inputs), timeout=WAIT)
    assert other.values()["org_name"] == "" and other.values()["uscc"] == ""


def test_server_errors_on_fields_cancel_and_lockout(qtbot: QtBot, env: Env,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    w = start_sandbox_widget(qtbot, env)
    client = api(w)
    login(qtbot, w)
    on_page(qtbot, w, "elements")
    el = w.pages["elements"]
    assert isinstance(el, ElementsPage)
    qtbot.waitUntil(lambda: bool(el.inputs), timeout=WAIT)
    # A legal representative's ID that passes the client check, but the server's rules
    # (organisation name too short) answer per field: shown on the field, not in a box.
    good = elements()
    for name, value in good.model_dump().items():
        if name != "legal_rep_id_type":
            type_into(qtbot, w, f"el_{name}", "某" if name == "org_name" else value)
    click(qtbot, w, "elementsNext")
    click(qtbot, w, "submitElements")
    qtbot.waitUntil(lambda: el.errors["org_name"].text() != "", timeout=WAIT)
    assert el.stack.currentIndex() == 0 and not w.banner.isVisible()
    assert not el.next_button.isEnabled()
    type_into(qtbot, w, "el_org_name", good.org_name)
    click(qtbot, w, "elementsNext")
    click(qtbot, w, "submitElements")
    on_page(qtbot, w, "identity")

    # Fast-forward: identity passed, bank account submitted, deposit made.
    uid = ops.find_user(ctx(w), "bob")
    client.start_identity()
    ops.identity_set(ctx(w), uid, IdentityStatus.PASSED)
    client.submit_bank_account(bank())
    code = ops.deposit_post(ctx(w), uid).code
    w.ctl.refresh()
    qtbot.waitUntil(lambda: find(w, QLineEdit, "depositCode").isEnabled(), timeout=WAIT)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(3):
        type_into(qtbot, w, "depositCode", wrong)
        click(qtbot, w, "submitDepositCode")
        qtbot.waitUntil(lambda: not w.ctl.busy, timeout=WAIT)
    qtbot.waitUntil(lambda: w.ctl.snapshot.verification is not None
                    and w.ctl.snapshot.verification.state is OrgVerificationState.LOCKED,
                    timeout=WAIT)
    assert "Too many" in w.pages["bank"].deposit_text.text()  # type: ignore[attr-defined]
    with qtbot.waitSignal(w.support_requested):
        click(qtbot, w, "supportButton")  # offered while the verification is blocked
    assert not find(w, QLineEdit, "depositCode").isEnabled()

    # Cancel and redo: warned first; "No" keeps everything.
    questions: list[str] = []
    def answer_no(_parent: object, _title: str, text: str, **_k: object) -> bool:
        questions.append(text)
        return False

    monkeypatch.setattr(dialogs, "ask_yes_no", answer_no)
    click(qtbot, w, "cancelVerification")
    assert questions and "3 more working days" in questions[0]
    assert w.ctl.progress.current is StepId.ORG_DEPOSIT_CODE
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *_a, **_k: True)
    click(qtbot, w, "cancelVerification")
    on_page(qtbot, w, "elements")
    qtbot.waitUntil(lambda: el.values()["org_name"] == good.org_name, timeout=WAIT)
    assert el.values()["operator_id_number"] == good.operator_id_number


def test_service_down_then_back(qtbot: QtBot, env: Env) -> None:
    w = start_sandbox_widget(qtbot, env)
    api(w)
    login(qtbot, w)
    on_page(qtbot, w, "elements")
    el = w.pages["elements"]
    assert isinstance(el, ElementsPage)
    qtbot.waitUntil(lambda: bool(el.inputs), timeout=WAIT)
    for name, value in elements().model_dump().items():
        if name != "legal_rep_id_type":
            type_into(qtbot, w, f"el_{name}", value)
    click(qtbot, w, "elementsNext")
    w.sandbox.stop()
    click(qtbot, w, "submitElements")
    qtbot.waitUntil(lambda: w.banner.isVisible() and not w.ctl.busy, timeout=WAIT)
    assert "Cannot reach the online service" in w.banner.label.text()
    # Still on the confirmation screen with everything typed; the buttons work.
    assert w.current_page_name == "elements" and el.stack.currentIndex() == 1
    assert find(w, QPushButton, "submitElements").isEnabled()
    w.sandbox.start()
    qtbot.waitUntil(lambda: w.sandbox.running, timeout=WAIT)
    click(qtbot, w, "retryButton")
    on_page(qtbot, w, "identity")
    assert not w.banner.isVisible()


def test_sandbox_that_cannot_start(qtbot: QtBot, env: Env) -> None:
    attempts: list[int] = []

    def broken(data_dir: Path, port: int) -> SandboxServer:
        attempts.append(port)
        if len(attempts) == 1:
            raise SandboxStartError("Cannot start sandbox: address in use")
        return SandboxServer(data_dir, port=port, clock=env.clock)

    env.sandbox = broken  # type: ignore[method-assign]
    ServerProfile(kind="sandbox").save()
    w = env.widget(qtbot)
    qtbot.waitUntil(lambda: w.banner.isVisible(), timeout=WAIT)
    assert "test server could not start" in w.banner.label.text()
    click(qtbot, w, "retryButton")
    on_page(qtbot, w, "account")


def test_service_profile_and_settings(qtbot: QtBot, env: Env, tmp_path: Path) -> None:
    server = SandboxServer(tmp_path / "remote", clock=env.clock).start()
    try:
        from cgn_seal_desktop.settings import Settings

        settings = Settings()
        w = WizardWidget(settings, client_factory=env.client, token_store_factory=env.tokens,
                         now=env.clock.now, poll_ms=50, tray=False)
        qtbot.addWidget(w)
        env.widgets.append(w)
        w.show()
        assert w.current_page_name == "server"
        assert not w.server_page.cancel_button.isVisible()  # first start: a choice is needed
        type_into(qtbot, w, "serviceUrl", "http://example.com")
        click(qtbot, w, "continueButton")
        assert w.current_page_name == "server" and "https" in w.server_page.error.text()
        type_into(qtbot, w, "serviceUrl", server.base_url)  # loopback http is allowed
        click(qtbot, w, "continueButton")
        on_page(qtbot, w, "account")
        assert not w.sandbox.running
        assert ServerProfile.load().kind == KIND_SERVICE
        assert settings.service_base_url == server.base_url
        assert w.ctl.base_url == server.base_url
        click(qtbot, w, "changeServer")
        assert w.current_page_name == "server"
        assert w.server_page.service_radio.isChecked()
        click(qtbot, w, "cancelServerChoice")
        assert w.current_page_name == "account"
        # Changing the address on the settings page moves the wizard along.
        settings.service_base_url = "https://ecp.example.cn"
        w.settings_changed()
        assert w.ctl.base_url == "https://ecp.example.cn"
    finally:
        server.stop()


def test_main_window_wiring(qtbot: QtBot) -> None:
    from cgn_seal_desktop.settings import Settings
    from cgn_seal_desktop.ui.main_window import MainWindow
    from cgn_seal_desktop.ui.wizard.install import install_wizard

    win = MainWindow(Settings())
    qtbot.addWidget(win)
    wizard = install_wizard(win)
    assert win.pages["progress"] is wizard
    win.show_page("progress")
    assert win.stack.currentWidget() is wizard
    wizard.self_check_requested.emit()
    assert win.current_page_key() == "self_check"
    wizard.support_requested.emit()
    assert win.current_page_key() == "support"
    wizard.shutdown()


def test_validators() -> None:
    f = ElementField(name="uscc", label="统一社会信用代码", kind="uscc", max_length=18,
                     group="g")
    assert check_field(f, uscc()) is None
    assert check_field(f, uscc()[:-1] + "0") in ("uscc", None)
    assert check_field(f, "") == "required"
    idf = ElementField(name="id", label="证件号码", kind="id_number", group="g")
    rid = resident_id()
    bad = rid[:-1] + ("0" if rid[-1] != "0" else "1")
    assert check_field(idf, rid) is None and check_field(idf, bad) == "id_number"
    assert check_field(idf, "H12345678", id_type="港澳居民来往内地通行证") is None
    mob = ElementField(name="m", label="手机", kind="mobile", group="g")
    assert check_field(mob, "13912345678") is None and check_field(mob, "1391234567") == "mobile"
    assert valid_service_url("https://ecp.cgnpc.com.cn")
    assert not valid_service_url("http://ecp.cgnpc.com.cn")
    assert valid_service_url("http://127.0.0.1:8765")


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_qr_is_crisp(qtbot: QtBot, ratio: float) -> None:
    qr = QrCodeWidget()
    qtbot.addWidget(qr)
    qr.set_payload("https://szca.example/identity/abc")
    qr.resize(QSize(231, 231))
    img = QImage(int(231 * ratio), int(231 * ratio), QImage.Format.Format_RGB32)
    img.setDevicePixelRatio(ratio)
    img.fill(QColor("white"))
    qr.render(img)
    colours = {img.pixelColor(x, y).name() for x in range(0, img.width(), 3)
               for y in range(0, img.height(), 3)}
    assert colours <= {"#000000", "#ffffff"} | {qr.palette().window().color().name()}
    assert "#000000" in colours
    qr.set_expired(True)
    assert qr.expired


def fast_forward_to_payment(w: WizardWidget, client: PortalClient, user: str) -> int:
    """Verified organisation and a complete, submitted application (done through the API)."""
    from tests.portal.helpers import full_form, pdf_bytes, png_bytes

    uid = ops.find_user(ctx(w), user)
    client.submit_elements(elements())
    client.start_identity()
    ops.identity_set(ctx(w), uid, IdentityStatus.PASSED)
    client.submit_bank_account(bank())
    client.enter_deposit_code(ops.deposit_post(ctx(w), uid).code)
    app = client.create_application(full_form())
    for info in client.material_kinds():
        if info.required:
            data = png_bytes() if "id" in info.kind.value else pdf_bytes(info.kind.value)
            name = "x.png" if "id" in info.kind.value else "x.pdf"
            client.upload_material(app.id, info.kind, data, name)
    client.submit_application(app.id)
    return app.id


def test_pay_click_survives_a_crash(qtbot: QtBot, env: Env) -> None:
    """A click whose answer never came is repeated with the same key after a restart."""
    w = start_sandbox_widget(qtbot, env)
    app_id = fast_forward_to_payment(w, api(w), "bob")
    login(qtbot, w, remember=True)
    on_page(qtbot, w, "payment")
    w.sandbox.stop()
    click(qtbot, w, "payButton")
    qtbot.waitUntil(lambda: w.banner.isVisible() and not w.ctl.busy, timeout=WAIT)
    key = w.ctl.drafts.get(f"wizard/payment_key/{app_id}")["key"]
    # A second click before the order is known re-uses the key (same channel).
    click(qtbot, w, "payButton")
    qtbot.waitUntil(lambda: not w.ctl.busy, timeout=WAIT)
    assert w.ctl.drafts.get(f"wizard/payment_key/{app_id}")["key"] == key
    w.shutdown()
    w.close()

    w = env.widget(qtbot)  # restart: sandbox up again, remembered login
    on_page(qtbot, w, "payment")
    pay = w.pages["payment"]
    qtbot.waitUntil(lambda: pay.qr.payload != "" and not w.ctl.busy,  # type: ignore[attr-defined]
                    timeout=WAIT)
    assert w.ctl.drafts.get(f"wizard/payment_key/{app_id}") is None
    with ctx(w).db.tx() as conn:
        rows = conn.execute("SELECT idempotency_key FROM payments WHERE application_id=?",
                            (app_id,)).fetchall()
    assert len(rows) == 1


def test_session_expired_goes_to_login(qtbot: QtBot, env: Env) -> None:
    w = start_sandbox_widget(qtbot, env)
    api(w)
    login(qtbot, w, remember=True)
    on_page(qtbot, w, "elements")
    # The server no longer accepts the session (expired or revoked): 401, refresh refused.
    stale = TokenPair(access_token="stale", refresh_token="stale",
                      access_expires_at=START, refresh_expires_at=START)
    env.keyring["bob"].save(stale)
    w.ctl.refresh()
    on_page(qtbot, w, "account")
    assert not w.banner.isVisible()
    assert find(w, QLineEdit, "loginUser").text() == "bob"
    login(qtbot, w)
    on_page(qtbot, w, "elements")


def test_login_while_the_service_is_down(qtbot: QtBot, env: Env) -> None:
    w = start_sandbox_widget(qtbot, env)
    api(w)
    w.sandbox.stop()
    login(qtbot, w)
    qtbot.waitUntil(lambda: w.banner.isVisible() and not w.ctl.busy, timeout=WAIT)
    assert w.ctl._retry is None  # a call carrying the password is never kept for a retry
    assert find(w, QLineEdit, "loginPassword").text() == ""
    w.sandbox.start()
    qtbot.waitUntil(lambda: w.sandbox.running, timeout=WAIT)
    login(qtbot, w)
    on_page(qtbot, w, "elements")


def test_payment_qr_expires_and_is_renewed(qtbot: QtBot, env: Env) -> None:
    from datetime import timedelta

    from cgn_seal_desktop.ui.wizard.payment_page import PaymentPage

    w = start_sandbox_widget(qtbot, env)
    app_id = fast_forward_to_payment(w, api(w), "bob")
    login(qtbot, w)
    on_page(qtbot, w, "payment")
    pay = w.pages["payment"]
    assert isinstance(pay, PaymentPage)
    click(qtbot, w, "payButton")
    qtbot.waitUntil(lambda: pay.qr.payload != "" and not w.ctl.busy, timeout=WAIT)
    first = pay.qr.payload
    assert "30:00" in pay.status.text() and not pay.qr.expired
    env.clock.advance(timedelta(minutes=31))
    qtbot.waitUntil(lambda: pay.qr.expired, timeout=WAIT)  # the 1 s countdown notices
    assert "expired" in pay.status.text()
    pay.wechat.setChecked(True)
    click(qtbot, w, "payButton")
    qtbot.waitUntil(lambda: pay.qr.payload not in ("", first) and not pay.qr.expired,
                    timeout=WAIT)
    assert pay.order is not None and pay.order.channel.value == "wechat"
    ops.mark_paid(ctx(w), app_id)
    on_page(qtbot, w, "review")


def test_identity_check_failed_can_be_repeated(qtbot: QtBot, env: Env) -> None:
    from cgn_seal_desktop.ui.wizard.identity_page import IdentityPage

    w = start_sandbox_widget(qtbot, env)
    client = api(w)
    client.submit_elements(elements())
    login(qtbot, w)
    on_page(qtbot, w, "identity")
    idp = w.pages["identity"]
    assert isinstance(idp, IdentityPage)
    click(qtbot, w, "startIdentity")
    qtbot.waitUntil(lambda: idp.qr.payload != "" and not w.ctl.busy, timeout=WAIT)
    ops.identity_set(ctx(w), ops.find_user(ctx(w), "bob"), IdentityStatus.FAILED,
                     "人脸比对未通过")
    qtbot.waitUntil(lambda: "人脸比对未通过" in idp.status.text(), timeout=WAIT)
    assert env.notifications(w) == ["The identity check failed; see the reason and try again."]
    assert w.ctl.progress.current is StepId.ORG_IDENTITY
    first = idp.qr.payload
    click(qtbot, w, "startIdentity")  # "Refresh QR code": a new session
    qtbot.waitUntil(lambda: idp.qr.payload not in ("", first), timeout=WAIT)
    assert "Waiting for the WeChat scan" in idp.status.text()


def test_restart_shows_the_page_the_user_chose(qtbot: QtBot, env: Env) -> None:
    from tests.portal.helpers import full_form

    w = start_sandbox_widget(qtbot, env)
    client = api(w)
    uid = ops.find_user(ctx(w), "bob")
    client.submit_elements(elements())
    client.start_identity()
    ops.identity_set(ctx(w), uid, IdentityStatus.PASSED)
    client.submit_bank_account(bank())
    client.enter_deposit_code(ops.deposit_post(ctx(w), uid).code)
    client.create_application(full_form())
    login(qtbot, w, remember=True)
    on_page(qtbot, w, "print")  # the state machine: print the form first
    click(qtbot, w, "toMaterials")  # the user moves on to the uploads
    on_page(qtbot, w, "materials")
    w.shutdown()
    w.close()
    w = env.widget(qtbot)
    on_page(qtbot, w, "materials")
    assert w.ctl.progress.current is StepId.APP_PRINT


def test_drop_a_file_on_a_material_row(qtbot: QtBot, env: Env, tmp_path: Path) -> None:
    """A real drop event on a row (what Explorer/Finder sends) uploads the file."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    from cgn_seal_desktop.portal.models import MaterialKind
    from cgn_seal_desktop.ui.wizard.materials_page import MaterialsPage
    from tests.portal.helpers import full_form, png_bytes

    w = start_sandbox_widget(qtbot, env)
    client = api(w)
    uid = ops.find_user(ctx(w), "bob")
    client.submit_elements(elements())
    client.start_identity()
    ops.identity_set(ctx(w), uid, IdentityStatus.PASSED)
    client.submit_bank_account(bank())
    client.enter_deposit_code(ops.deposit_post(ctx(w), uid).code)
    client.create_application(full_form())
    login(qtbot, w)
    on_page(qtbot, w, "print")
    click(qtbot, w, "toMaterials")
    on_page(qtbot, w, "materials")
    mp = w.pages["materials"]
    assert isinstance(mp, MaterialsPage)
    qtbot.waitUntil(lambda: len(mp.rows) >= 5, timeout=WAIT)
    row = mp.rows[MaterialKind.OPERATOR_ID_BACK]
    image = tmp_path / "id-back.png"
    image.write_bytes(png_bytes())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(image))])
    pos = QPointF(row.width() / 2, row.height() / 2)
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(row, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(row, drop)
    qtbot.waitUntil(lambda: "id-back.png" in row.state.text() and not w.ctl.busy,
                    timeout=WAIT)
    assert not row.thumb.pixmap().isNull()
    app = w.ctl.snapshot.application
    assert app is not None and MaterialKind.OPERATOR_ID_BACK in {m.kind for m in app.materials}


class _WatchedStore:
    """A token store (the "keyring") that records the thread of every read and write."""

    def __init__(self, inner: TokenStore, seen: list[tuple[str, threading.Thread]]) -> None:
        self.inner, self.seen, self.persistent = inner, seen, inner.persistent

    def load(self) -> TokenPair | None:
        self.seen.append(("load", threading.current_thread()))
        return self.inner.load()

    def save(self, tokens: TokenPair) -> None:
        self.seen.append(("save", threading.current_thread()))
        self.inner.save(tokens)

    def clear(self) -> None:
        self.seen.append(("clear", threading.current_thread()))
        self.inner.clear()


def test_the_keyring_is_never_touched_on_the_gui_thread(qtbot: QtBot, env: Env,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from cgn_seal_desktop.portal import tokens as tokens_module
    from cgn_seal_desktop.ui.wizard import account_page

    seen: list[tuple[str, threading.Thread]] = []
    real = env.tokens

    def tokens(user: str, remember: bool) -> TokenStore:
        seen.append(("open", threading.current_thread()))
        return _WatchedStore(real(user, remember), seen)

    def keyring_usable() -> bool:
        seen.append(("probe", threading.current_thread()))
        return tokens_module.keyring_usable()

    env.tokens = tokens  # type: ignore[method-assign]
    monkeypatch.setattr(account_page, "keyring_usable", keyring_usable)
    w = start_sandbox_widget(qtbot, env)
    api(w)
    login(qtbot, w, remember=True)
    on_page(qtbot, w, "elements")
    w.shutdown()
    w.close()
    w = env.widget(qtbot)  # "remember me": the session comes back from the keyring
    on_page(qtbot, w, "elements")
    click(qtbot, w, "logoutButton")
    on_page(qtbot, w, "account")
    kinds = {kind for kind, _t in seen}
    assert {"open", "probe", "load", "save", "clear"} <= kinds, kinds
    assert all(t is not threading.main_thread() for _k, t in seen), [
        k for k, t in seen if t is threading.main_thread()]
