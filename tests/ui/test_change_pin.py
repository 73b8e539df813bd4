"""修改PIN码 in the desktop program, on the software SKF UKEY: from the UKEY menu and from the
environment check's UKEY line; a wrong current PIN with the tries left, two new PINs that differ,
a PIN the UKEY refuses, a locked PIN, success and then sealing with the new PIN; and no error of
the GUI path reaches a frame that still holds a PIN."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cgn_seal_desktop.demo.softskf import IssuedDevice
from cgn_seal_desktop.ukey.model import TokenInfo
from cgn_seal_desktop.ukey.pin import Pin
from tests.pdfs import make_pdf
from tests.softskf import PIN, SoftSkf
from tests.ui.conftest import DialogBot
from tests.ui.test_seal_flow import choose_token, open_and_wait, place_seal
from tests.ui.test_skf_sealing import lock

TIMEOUT = 30_000
NEW = "24681357"


def status(softskf: SoftSkf, dev: IssuedDevice) -> TokenInfo:
    from cgn_seal_desktop.ukey.service import token_status

    return token_status(softskf.ref(dev.label))


def pin_works(softskf: SoftSkf, dev: IssuedDevice, pin: str) -> bool:
    from cgn_seal_desktop.ukey.errors import WrongPinError
    from cgn_seal_desktop.ukey.service import UKEY_LOCK, open_session

    with UKEY_LOCK, open_session(softskf.ref(dev.label)) as s:
        try:
            s.login(Pin(pin))
        except WrongPinError:
            return False
    return True


def fill(label: str, old: str, new: str, again: str | None = None,
         into: list[dict[str, Any]] | None = None, answer: int = 1) -> Callable[[Any], int]:
    """Answer a ChangePinDialog as a user: pick the UKEY *label*, type the PINs."""
    def handler(dlg: Any) -> int:
        texts = [dlg.token_combo.itemText(i) for i in range(dlg.token_combo.count())]
        dlg.token_combo.setCurrentIndex(
            next(i for i, t in enumerate(texts) if t.startswith(f"{label} (")))
        assert dlg.old_edit.echoMode() == dlg.old_edit.EchoMode.Password
        assert dlg.new_edit.echoMode() == dlg.repeat_edit.echoMode() == dlg.old_edit.echoMode()
        dlg.old_edit.setText(old)
        dlg.new_edit.setText(new)
        dlg.repeat_edit.setText(new if again is None else again)
        if into is not None:
            into.append(seen(dlg))
        return answer
    return handler


def seen(dlg: Any) -> dict[str, Any]:
    return {"token": dlg.chosen_token().label, "item": dlg.token_combo.currentText(),
            "ok": dlg.ok_button.isEnabled(),
            "form_error": dlg.form_error.text() if dlg.form_error.isVisibleTo(dlg) else "",
            "warning": dlg.warning.text() if dlg.warning.isVisibleTo(dlg) else "",
            "tries": dlg.tries_label.text(), "final": dlg.confirm_box.isVisibleTo(dlg)}


def look(into: list[dict[str, Any]], answer: int = 0) -> Callable[[Any], int]:
    def handler(dlg: Any) -> int:
        into.append(seen(dlg))
        return answer
    return handler


def change(qtbot: Any, window: Any) -> bool:
    flow = window.change_pin_flow
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT) as done:
        window.act_change_pin.trigger()
    return bool(done.args[0])


def test_menu_has_change_pin(skf_window: Any) -> None:
    actions = [a.text() for a in skf_window.ukey_menu.actions()]
    assert actions[0] == skf_window.act_change_pin.text() and "PIN" in actions[0]


def test_wrong_current_pin_comes_back_with_the_tries_left(
        qtbot: Any, skf_window: Any, bot: DialogBot, softskf: SoftSkf) -> None:
    dev = softskf.issue()
    first: list[dict[str, Any]] = []
    again: list[dict[str, Any]] = []
    bot.on("ChangePinDialog", fill(dev.label, "000000", NEW, into=first))
    bot.on("ChangePinDialog", look(again))  # then cancel
    assert change(qtbot, skf_window) is False
    assert first[0]["ok"] and first[0]["tries"].endswith("6 of 6") and not first[0]["warning"]
    [retry] = again
    assert retry["token"] == dev.label
    assert "The current PIN was wrong." in retry["warning"]
    assert "Tries left before the UKEY locks: 5." in retry["warning"]
    assert "5 of 6" in retry["tries"]
    assert not bot.of("QMessageBox")  # said in the dialog, not in a box before it
    assert status(softskf, dev).pin_tries_left == 5
    assert pin_works(softskf, dev, PIN) and not pin_works(softskf, dev, NEW)


def test_two_new_pins_that_differ_are_never_sent(qtbot: Any, skf_window: Any, bot: DialogBot,
                                                 softskf: SoftSkf) -> None:
    dev = softskf.issue()
    shown: list[dict[str, Any]] = []
    # The bot presses OK even though the dialog keeps it disabled: the flow still refuses.
    bot.on("ChangePinDialog", fill(dev.label, PIN, NEW, again=NEW[::-1], into=shown))
    assert change(qtbot, skf_window) is False
    [d] = shown
    assert not d["ok"] and "differ" in d["form_error"]
    assert status(softskf, dev).pin_tries_left == 6  # the UKEY was not asked
    assert pin_works(softskf, dev, PIN)


def test_dialog_checks_the_new_pin_as_it_is_typed(qtbot: Any, softskf: SoftSkf) -> None:
    from cgn_seal_desktop.ui.change_pin import ChangePinDialog
    from cgn_seal_desktop.ukey.service import list_all_tokens

    dev = softskf.issue()
    tokens = [t for t in list_all_tokens(softskf.module, with_certificates=False) or []
              if t.label == dev.label]
    dlg = ChangePinDialog(tokens)
    qtbot.addWidget(dlg)
    assert not dlg.ok_button.isEnabled() and not dlg.token_combo.isEnabled()
    dlg.old_edit.setText(PIN)
    dlg.new_edit.setText("123")
    assert "6 to 16" in dlg.form_error.text()
    dlg.new_edit.setText(PIN)
    dlg.repeat_edit.setText(PIN)
    assert "same as the current" in dlg.form_error.text() and not dlg.ok_button.isEnabled()
    dlg.new_edit.setText(NEW)
    dlg.repeat_edit.setText(NEW)
    assert dlg.form_error.text() == "" and dlg.ok_button.isEnabled()
    assert dlg.take_pins() == (PIN, NEW)
    assert dlg.old_edit.text() == dlg.new_edit.text() == dlg.repeat_edit.text() == ""


def test_change_then_seal_with_the_new_pin(qtbot: Any, skf_window: Any, bot: DialogBot,
                                           softskf: SoftSkf, tmp_path: Path) -> None:
    dev = softskf.issue()
    bot.on("ChangePinDialog", fill(dev.label, PIN, NEW))
    bot.on("QMessageBox", lambda _d: 1)
    assert change(qtbot, skf_window) is True
    assert any("PIN was changed" in text for text, _ in bot.messages), bot.messages
    assert status(softskf, dev).pin_tries_left == 6

    # Seal: the old PIN is refused (the dialog comes back in red), the new one seals.
    page = skf_window.self_check
    open_and_wait(qtbot, skf_window, make_pdf(tmp_path / "n.pdf", pages=1))
    bot.on("TokenDialog", choose_token(dev.label))
    bot.on("PinDialog", lambda d: d.pin_edit.setText(PIN) or 1)
    retry: list[str] = []

    def new_pin(dlg: Any) -> int:
        retry.append(dlg.warning.text())
        dlg.pin_edit.setText(NEW)
        return 1

    bot.on("PinDialog", new_pin)
    with qtbot.waitSignal(page.sealing.signed, timeout=TIMEOUT) as signed:
        place_seal(qtbot, skf_window)
    assert "The PIN was wrong" in retry[0]
    out = Path(signed.args[0])
    qtbot.waitUntil(lambda: page.current_path() == out and page.report() is not None
                    and bool(page.report().signatures), timeout=TIMEOUT)
    assert page.report().verdict == "valid", page.report().to_json()


def test_from_the_environment_checks_ukey_line(qtbot: Any, skf_window: Any, bot: DialogBot,
                                               softskf: SoftSkf) -> None:
    dev = softskf.issue()
    env = skf_window.environment
    with qtbot.waitSignal(env.checked, timeout=TIMEOUT):
        skf_window.show_page("environment")
    qtbot.waitUntil(lambda: any(dev.label in b.toolTip() for b in env.change_pin_buttons),
                    timeout=TIMEOUT)
    button = next(b for b in env.change_pin_buttons if dev.label in b.toolTip())
    shown: list[dict[str, Any]] = []
    bot.on("ChangePinDialog", look(shown))
    with qtbot.waitSignal(skf_window.change_pin_flow.finished, timeout=TIMEOUT):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [d["token"] for d in shown] == [dev.label]  # the line's UKEY is preselected
    assert shown[0]["tries"].endswith("6 of 6")


def test_locked_pin_is_not_tried(qtbot: Any, skf_window: Any, bot: DialogBot,
                                 softskf: SoftSkf) -> None:
    dev = softskf.issue(max_retries=2)
    lock(softskf, dev.label)
    shown: list[dict[str, Any]] = []
    bot.on("ChangePinDialog", lambda d: shown.append(seen(d)) or 1)
    with qtbot.waitSignal(skf_window.change_pin_flow.finished, timeout=TIMEOUT) as done:
        skf_window.change_pin_flow.start(softskf.ref(dev.label))
    assert done.args == [False]
    if shown:  # several UKEYs inserted: the dialog says it and offers nothing to send
        [d] = shown
        assert d["token"] == dev.label and not d["ok"] and "locked" in d["warning"]
    else:  # only this one: said plainly, no dialog
        assert any("PIN is locked" in t for t, _ in bot.messages)
    assert status(softskf, dev).pin_tries_left == 0


@pytest.fixture
def refusing_ukey(softskf: SoftSkf) -> Iterator[None]:
    """A vendor whose UKEY refuses any new PIN (rules stricter than ours, e.g. letters and
    digits mixed): the software UKEY's driver wrapped at the token service's seam."""
    from cgn_seal_desktop.ukey import service
    from cgn_seal_desktop.ukey.errors import PinPolicyError
    from tests.ukey_backends import DelayedBackend, _DelayedSession

    class Refusing(_DelayedSession):
        def change_pin(self, old: Pin, new: Pin, *, confirm_final_try: bool = False) -> None:
            old.wipe()
            new.wipe()
            raise PinPolicyError("SKF_ChangePIN: SAR_PIN_INVALID")

    class RefusingBackend(DelayedBackend):
        def open_session(self, ref: Any) -> Any:
            return Refusing(self.inner.open_session(ref), 0.0)

    real = service.backend_for(softskf.module, "skf")
    service.install_backend(RefusingBackend(real, 0.0))
    yield
    service.install_backend(real)


def test_a_new_pin_the_ukey_refuses_is_explained(qtbot: Any, skf_window: Any, bot: DialogBot,
                                                 softskf: SoftSkf, refusing_ukey: None) -> None:
    dev = softskf.issue()
    again: list[dict[str, Any]] = []
    bot.on("ChangePinDialog", fill(dev.label, PIN, NEW))
    bot.on("ChangePinDialog", look(again))
    assert change(qtbot, skf_window) is False
    [d] = again
    assert "new PIN is not accepted" in d["warning"] and "6 to 16" in d["warning"]


OLD_SECRET = "80246135"  # distinctive module constants: no test frame holds them as locals
NEW_SECRET = "57913468"


def test_change_pin_errors_reach_no_frame_holding_a_pin(
        qtbot: Any, skf_window: Any, bot: DialogBot, softskf: SoftSkf,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """The GUI path: dialog → Pin → worker → token service → SKF_ChangePIN, and the
    WrongPinError the worker hands back to the GUI thread."""
    from tests.secrets_scan import where_is

    caplog.set_level(logging.DEBUG)
    dev = softskf.issue()
    flow = skf_window.change_pin_flow
    errors: list[BaseException] = []
    real = flow._on_failed

    def keep(exc: BaseException) -> None:
        errors.append(exc)
        real(exc)

    monkeypatch.setattr(flow, "_on_failed", keep)
    bot.on("ChangePinDialog", fill(dev.label, OLD_SECRET, NEW_SECRET))
    again: list[dict[str, Any]] = []
    bot.on("ChangePinDialog", look(again))
    assert change(qtbot, skf_window) is False
    assert [type(e).__name__ for e in errors] == ["WrongPinError"]
    assert errors[0].__traceback__ is not None  # a real traceback was walked
    for secret in (OLD_SECRET, NEW_SECRET):
        assert where_is(secret, errors[0]) == [], secret
        assert secret not in caplog.text
        assert all(secret not in t + e for t, e in bot.messages)
        assert all(secret not in str(d) for d in again)
    assert status(softskf, dev).pin_tries_left == 5


def test_final_try_needs_the_tick(qtbot: Any, skf_window: Any, bot: DialogBot,
                                  softskf: SoftSkf) -> None:
    dev = softskf.issue(max_retries=2)
    final: list[dict[str, Any]] = []

    def sure(dlg: Any) -> int:
        dlg.old_edit.setText(PIN)
        dlg.new_edit.setText(NEW)
        dlg.repeat_edit.setText(NEW)
        before = dlg.ok_button.isEnabled()
        dlg.confirm_box.setChecked(True)
        final.append({**seen(dlg), "before": before})
        return 1

    bot.on("ChangePinDialog", fill(dev.label, "000000", NEW))
    bot.on("ChangePinDialog", sure)
    bot.on("QMessageBox", lambda _d: 1)
    assert change(qtbot, skf_window) is True
    [d] = final
    assert d["final"] and not d["before"] and d["ok"]
    assert "Final try" in d["warning"] and "1 of 2" in d["tries"]
    assert pin_works(softskf, dev, NEW)


def test_change_pin_on_a_pkcs11_ukey(qtbot: Any, window: Any, bot: DialogBot,
                                     ukey: Any) -> None:
    """The same dialog and flow drive C_SetPIN (SoftHSM2); PKCS#11 counts no tries."""
    from cgn_seal_desktop.ukey.service import change_pin
    from tests.ui.test_seal_flow import reset_pin_counter

    shown: list[dict[str, Any]] = []
    bot.on("ChangePinDialog", fill("CGN-EXPIRED", ukey.pin, NEW, into=shown))
    bot.on("QMessageBox", lambda _d: 1)
    flow = window.change_pin_flow
    try:
        with qtbot.waitSignal(flow.finished, timeout=TIMEOUT) as done:
            window.act_change_pin.trigger()
        assert done.args == [True]
        assert shown[0]["tries"] == "" and "PKCS#11" in shown[0]["item"]
    finally:
        ref = next(t.ref for t in _tokens(ukey.module) if t.label == "CGN-EXPIRED")
        change_pin(ref, Pin(NEW), Pin(ukey.pin))  # back, for the other tests
        reset_pin_counter(ukey, "CGN-EXPIRED")
    assert any("PIN was changed" in t for t, _ in bot.messages)


def _tokens(module: str) -> list[TokenInfo]:
    from cgn_seal_desktop.ukey.service import list_all_tokens

    return list_all_tokens(module, with_certificates=False) or []
