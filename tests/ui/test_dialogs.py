"""PIN dialog states, verification dialog verdicts, the exception hook."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from cgn_seal_desktop.seal.report import SignatureReport
from cgn_seal_desktop.ui.messages import STATUS_TEXT, status_text
from cgn_seal_desktop.ui.selfcheck.verify_dialog import VerificationDialog
from cgn_seal_desktop.ui.ukey_dialogs import CertChoice, PinDialog
from cgn_seal_desktop.ukey.certinfo import CertificateInfo
from cgn_seal_desktop.ukey.model import PinState, TokenInfo
from tests.ui.conftest import DialogBot


def _choice() -> CertChoice:
    now = datetime.now(UTC)
    cert = CertificateInfo(der=b"", key_id=b"\x01", label="seal", subject="CN=x,O=示例公司",
                           subject_cn="x", organization="示例公司", issuer="CN=ca",
                           issuer_cn="ca", serial=1, not_before=now - timedelta(days=1),
                           not_after=now + timedelta(days=300), key_usage=("digital_signature",),
                           key_type="rsa", is_ca=False)
    token = TokenInfo(module_path="", slot_id=0, label="CGN-RSA", manufacturer="m", model="m",
                      serial="1234567890", flags=0, pin_state=PinState.OK, login_required=True,
                      protected_auth_path=False, certificates=[cert])
    return CertChoice(token, cert)


def test_pin_dialog_final_try_needs_confirmation(qtbot: Any) -> None:
    dlg = PinDialog(_choice(), PinState.FINAL_TRY)
    qtbot.addWidget(dlg)
    ok = dlg.buttons.button(dlg.buttons.StandardButton.Ok)
    assert dlg.findChild(type(dlg.pin_edit), "pinEdit").echoMode() == dlg.pin_edit.EchoMode.Password
    assert "示例公司" in dlg.findChild(type(dlg.warning), "ownerLabel").text()
    dlg.pin_edit.setText("123456")
    assert not ok.isEnabled()  # final try: the tick is required
    assert dlg.confirm_box.isVisibleTo(dlg) and dlg.warning.isVisibleTo(dlg)
    dlg.confirm_box.setChecked(True)
    assert ok.isEnabled()
    assert dlg.take_pin() == "123456"
    assert dlg.pin_edit.text() == ""


def test_pin_dialog_cancel_clears(qtbot: Any) -> None:
    dlg = PinDialog(_choice(), PinState.OK)
    qtbot.addWidget(dlg)
    assert not dlg.confirm_box.isVisibleTo(dlg) and not dlg.warning.isVisibleTo(dlg)
    dlg.pin_edit.setText("123456")
    dlg.reject()
    assert dlg.pin_edit.text() == ""


def test_every_status_has_a_distinct_verdict(qtbot: Any) -> None:
    seen = set()
    for status in STATUS_TEXT:
        rep = SignatureReport(field="Seal1", page=1, status=status,  # type: ignore[arg-type]
                              organization="示例公司")
        dlg = VerificationDialog(rep)
        qtbot.addWidget(dlg)
        assert dlg.verdict_label.text() == status_text(status)
        assert ("1e7e34" in dlg.verdict_label.styleSheet()) == (status == "valid")
        seen.add(dlg.verdict_label.text())
    assert len(seen) == len(STATUS_TEXT)


def test_excepthook_shows_generic_message(qtbot: Any, bot: DialogBot) -> None:
    from cgn_seal_desktop.ui.app import _excepthook

    try:
        raise ValueError("internal detail /secret/path")
    except ValueError as exc:
        _excepthook(ValueError, exc, exc.__traceback__)
    assert len(bot.messages) == 1
    text, extra = bot.messages[0]
    assert "secret" not in text + extra and "Traceback" not in text + extra


def _skf_choice(left: int, maximum: int = 6) -> CertChoice:
    from dataclasses import replace

    from cgn_seal_desktop.ukey.model import pin_state_from_retries

    choice = _choice()
    token = replace(choice.token, interface="skf", pin_tries_left=left, pin_max_tries=maximum,
                    pin_state=pin_state_from_retries(left, maximum))
    return CertChoice(token, choice.cert)


def test_pin_dialog_shows_the_exact_tries_of_an_skf_ukey(qtbot: Any) -> None:
    full = PinDialog(_skf_choice(6), PinState.OK)
    qtbot.addWidget(full)
    assert full.tries_label.text() == "PIN tries left: 6 of 6"
    assert not full.warning.isVisibleTo(full)
    used = PinDialog(_skf_choice(4), PinState.COUNT_LOW)
    qtbot.addWidget(used)
    assert "Tries left before the UKEY locks: 4." in used.warning.text()
    assert "b3261e" in used.warning.styleSheet()


def test_pin_dialog_says_no_more_than_pkcs11_flags(qtbot: Any) -> None:
    dlg = PinDialog(_choice(), PinState.COUNT_LOW)
    qtbot.addWidget(dlg)
    assert not dlg.tries_label.isVisibleTo(dlg)  # PKCS#11 does not count
    text = dlg.warning.text().lower()
    assert "does not say how many" in text and "few" not in text


def test_pin_dialog_follows_the_ukey_presence(qtbot: Any) -> None:
    dlg = PinDialog(_choice(), PinState.OK)
    qtbot.addWidget(dlg)
    ok = dlg.buttons.button(dlg.buttons.StandardButton.Ok)
    dlg.pin_edit.setText("123456")
    assert ok.isEnabled()
    dlg.set_present(False)
    assert not ok.isEnabled() and "removed" in dlg.warning.text()
    dlg.set_present(True)
    assert ok.isEnabled() and not dlg.warning.isVisibleTo(dlg)
