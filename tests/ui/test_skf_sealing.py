"""The seal self-check with the SM2 UKEY driven through SKF (the software SKF UKEY, loaded as a
vendor's DLL): place the seal → PIN dialog with the tries left → 签名有效; a wrong PIN counted
exactly; a locked PIN said plainly without a PIN dialog; the UKEY pulled out while sealing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtTest import QTest

from cgn_seal_desktop.paths import translations_dir
from cgn_seal_desktop.ui.messages import status_text
from cgn_seal_desktop.ukey.errors import PinLockedError, WrongPinError
from cgn_seal_desktop.ukey.pin import Pin
from tests.pdfs import make_pdf
from tests.softskf import PIN, SoftSkf
from tests.ui.conftest import DialogBot
from tests.ui.test_seal_flow import capture, choose_token, hover, open_and_wait, place_seal

TIMEOUT = 30_000


@pytest.fixture
def zh_CN(qapp: Any) -> Iterator[None]:
    t = QTranslator()
    assert t.load(str(translations_dir() / "cgn_seal_desktop_zh_CN.qm"))
    QCoreApplication.installTranslator(t)
    yield
    QCoreApplication.removeTranslator(t)


def lock(softskf: SoftSkf, label: str) -> None:
    """Spend every PIN try of the UKEY *label* (2 tries: the second needs the final-try tick)."""
    from cgn_seal_desktop.ukey.service import UKEY_LOCK, open_session

    with UKEY_LOCK, open_session(softskf.ref(label)) as s:
        with pytest.raises(WrongPinError):
            s.login(Pin("000000"))
        with pytest.raises(PinLockedError):
            s.login(Pin("000000"), confirm_final_try=True)


def test_sm2_seal_from_pin_dialog_to_signature_valid(
        qtbot: Any, skf_window: Any, bot: DialogBot, softskf: SoftSkf, tmp_path: Path,
        zh_CN: None) -> None:
    dev = softskf.issue()
    window = skf_window
    page = window.self_check
    src = make_pdf(tmp_path / "国密合同.pdf", pages=1)
    assert open_and_wait(qtbot, window, src).verdict == "no_signatures"
    # The toolbar says which UKEY is there (the watcher asked the SKF driver in a worker).
    qtbot.waitUntil(lambda: dev.label in page.ukey_label.text(), timeout=TIMEOUT)

    seen: list[dict[str, Any]] = []

    def pin_dialog(dlg: Any) -> int:
        seen.append({"tries": dlg.tries_label.text(),
                     "tries_visible": dlg.tries_label.isVisibleTo(dlg),
                     "warning": dlg.warning.isVisibleTo(dlg), "owner": dlg.choice.owner,
                     "key": dlg.choice.cert.key_type})
        dlg.pin_edit.setText(PIN)
        return 1

    certs: list[list[str]] = []

    def token_dialog(dlg: Any) -> int:
        certs.append([dlg.list.item(i).text() for i in range(dlg.list.count())])
        return choose_token(dev.label)(dlg)

    bot.on("TokenDialog", token_dialog)
    bot.on("PinDialog", pin_dialog)
    with qtbot.waitSignal(page.sealing.signed, timeout=TIMEOUT) as signed:
        place_seal(qtbot, window)
    out = Path(signed.args[0])
    assert out.name == "国密合同_已盖章.pdf"
    # Several SKF UKEYs hold SM2 certificates: each row names the key as SM2 (国密).
    if certs:
        row = next(r for r in certs[0] if r.startswith(f"{dev.label} — "))
        assert "SM2" in row and "国密" in row
    [shown] = seen
    assert shown["key"] == "sm2" and shown["tries_visible"] and not shown["warning"]
    assert "6" in shown["tries"] and "PIN" in shown["tries"]  # 剩余 6 次（共 6 次）
    qtbot.waitUntil(lambda: page.current_path() == out and page.report() is not None
                    and bool(page.report().signatures), timeout=TIMEOUT)
    report = page.report()
    assert report.verdict == "valid", report.to_json()
    sig = report.signatures[0]
    assert sig.algorithm == "SM2-SM3"

    # Click the seal: the verdict dialog says 签名有效, in green.
    page.view.go_to_page(0)
    rect = page.overlay.viewport_rect(sig.field)
    assert rect is not None
    hover(page.view.viewport(), rect.center().toPoint())
    verdicts: list[dict[str, str]] = []
    bot.on("VerificationDialog", capture(verdicts))
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center().toPoint())
    qtbot.waitUntil(lambda: bool(verdicts), timeout=TIMEOUT)
    assert verdicts[0]["status"] == "valid"
    assert verdicts[0]["verdict"] == status_text("valid") == "签名有效"
    assert "1e7e34" in verdicts[0]["style"]


def test_wrong_pin_shows_the_real_count_in_red_without_a_message_box(
        qtbot: Any, skf_window: Any, bot: DialogBot, softskf: SoftSkf, tmp_path: Path) -> None:
    dev = softskf.issue()
    page = skf_window.self_check
    open_and_wait(qtbot, skf_window, make_pdf(tmp_path / "a.pdf", pages=1))
    bot.on("TokenDialog", choose_token(dev.label))
    texts: list[tuple[str, str]] = []

    def wrong(dlg: Any) -> int:
        dlg.pin_edit.setText("000000")
        return 1

    def right(dlg: Any) -> int:
        texts.append((dlg.warning.text(), dlg.tries_label.text()))
        dlg.pin_edit.setText(PIN)
        return 1

    bot.on("PinDialog", wrong)
    bot.on("PinDialog", right)
    with qtbot.waitSignal(page.sealing.signed, timeout=TIMEOUT):
        place_seal(qtbot, skf_window)
    [(warning, tries)] = texts
    assert "The PIN was wrong" in warning
    assert "Tries left before the UKEY locks: 5." in warning  # the exact count
    assert "5 of 6" in tries
    assert not bot.of("QMessageBox")
    assert (tmp_path / "a_已盖章.pdf").is_file()


def test_final_try_needs_the_tick(qtbot: Any, skf_window: Any, bot: DialogBot,
                                  softskf: SoftSkf, tmp_path: Path) -> None:
    dev = softskf.issue(max_retries=2)
    page = skf_window.self_check
    open_and_wait(qtbot, skf_window, make_pdf(tmp_path / "f.pdf", pages=1))
    bot.on("TokenDialog", choose_token(dev.label))
    states: list[tuple[bool, bool, str]] = []

    def wrong(dlg: Any) -> int:
        dlg.pin_edit.setText("000000")
        return 1

    def final(dlg: Any) -> int:
        ok = dlg.buttons.button(dlg.buttons.StandardButton.Ok)
        dlg.pin_edit.setText(PIN)
        before = ok.isEnabled()
        dlg.confirm_box.setChecked(True)
        states.append((before, ok.isEnabled(), dlg.warning.text()))
        return 1

    bot.on("PinDialog", wrong)
    bot.on("PinDialog", final)
    with qtbot.waitSignal(page.sealing.signed, timeout=TIMEOUT):
        place_seal(qtbot, skf_window)
    [(before, after, text)] = states
    assert not before and after
    assert "The PIN was wrong" in text and "Final try" in text


def test_locked_skf_pin_is_said_plainly_with_no_pin_dialog(
        qtbot: Any, skf_window: Any, bot: DialogBot, softskf: SoftSkf, tmp_path: Path) -> None:
    dev = softskf.issue(max_retries=2)
    lock(softskf, dev.label)
    page = skf_window.self_check
    src = make_pdf(tmp_path / "l.pdf", pages=1)
    open_and_wait(qtbot, skf_window, src)
    bot.on("TokenDialog", choose_token(dev.label))
    with qtbot.waitSignal(page.sealing.ended, timeout=TIMEOUT):
        place_seal(qtbot, skf_window)
    assert not bot.of("PinDialog")
    assert any("PIN is locked" in t and "400-112-3838" in t for t, _ in bot.messages), \
        bot.messages
    assert sorted(p.name for p in tmp_path.iterdir()) == ["l.pdf"]
    # The toolbar says it too.
    qtbot.waitUntil(lambda: "PIN locked" in page.ukey_label.text()
                    or dev.label not in page.ukey_label.text(), timeout=TIMEOUT)


@pytest.fixture
def unplug_on_sign(softskf: SoftSkf) -> Iterator[list[Any]]:
    """The SKF driver wrapped so that the device in the list is pulled out right after the PIN
    was accepted (through the token service's backend seam)."""
    from cgn_seal_desktop.ukey import service
    from tests.ukey_backends import UnplugBackend

    victims: list[Any] = []
    real = service.backend_for(softskf.module, "skf")

    def unplug() -> None:
        for dev in victims:
            softskf.remove(dev)

    service.install_backend(UnplugBackend(real, unplug))
    yield victims
    service.install_backend(real)


def test_ukey_pulled_out_while_sealing(qtbot: Any, skf_window: Any, bot: DialogBot,
                                       softskf: SoftSkf, tmp_path: Path,
                                       unplug_on_sign: list[Any]) -> None:
    dev = softskf.issue()
    unplug_on_sign.append(dev)
    page = skf_window.self_check
    src = make_pdf(tmp_path / "r.pdf", pages=1)
    open_and_wait(qtbot, skf_window, src)
    bot.on("TokenDialog", choose_token(dev.label))
    bot.on("PinDialog", lambda d: d.pin_edit.setText(PIN) or 1)
    failures: list[Any] = []
    page.sealing.runner.failed.connect(failures.append)
    with qtbot.waitSignal(page.sealing.ended, timeout=TIMEOUT):
        place_seal(qtbot, skf_window)
    page.sealing.runner.failed.disconnect(failures.append)
    assert [type(e).__name__ for e in failures] == ["TokenRemovedError"]
    assert any("UKEY was removed" in t and "Nothing was written" in t
               for t, _ in bot.messages), bot.messages
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]  # no output, no temp file
    # The toolbar notices the UKEY is gone.
    page.watcher.poll()
    qtbot.waitUntil(lambda: dev.label not in page.ukey_label.text(), timeout=TIMEOUT)

    # Still usable: put it back and seal.
    unplug_on_sign.clear()
    softskf.reinsert(dev)
    assert page.act_seal.isEnabled() and not page.sealing.is_busy()
    bot.on("TokenDialog", choose_token(dev.label))
    bot.on("PinDialog", lambda d: d.pin_edit.setText(PIN) or 1)
    with qtbot.waitSignal(page.sealing.signed, timeout=TIMEOUT) as signed:
        place_seal(qtbot, skf_window)
    assert Path(signed.args[0]) == tmp_path / "r_已盖章.pdf"


def test_pin_dialog_follows_the_ukey_pulled_out_and_back(
        qtbot: Any, skf_window: Any, bot: DialogBot, softskf: SoftSkf, tmp_path: Path) -> None:
    dev = softskf.issue()
    page = skf_window.self_check
    open_and_wait(qtbot, skf_window, make_pdf(tmp_path / "p.pdf", pages=1))
    bot.on("TokenDialog", choose_token(dev.label))
    states: list[tuple[bool, bool, str]] = []

    def while_open(dlg: Any) -> int:
        ok = dlg.buttons.button(dlg.buttons.StandardButton.Ok)
        dlg.pin_edit.setText(PIN)
        softskf.remove(dev)
        page.watcher.poll()
        qtbot.waitUntil(lambda: not dlg.present, timeout=TIMEOUT)
        states.append((ok.isEnabled(), dlg.warning.isVisibleTo(dlg), dlg.warning.text()))
        softskf.reinsert(dev)
        page.watcher.poll()
        qtbot.waitUntil(lambda: dlg.present, timeout=TIMEOUT)
        states.append((ok.isEnabled(), dlg.warning.isVisibleTo(dlg), dlg.warning.text()))
        return 1

    bot.on("PinDialog", while_open)
    with qtbot.waitSignal(page.sealing.signed, timeout=TIMEOUT):
        place_seal(qtbot, skf_window)
    (gone_ok, gone_warn, gone_text), (back_ok, back_warn, _text) = states
    assert not gone_ok and gone_warn and "removed" in gone_text
    assert back_ok and not back_warn
