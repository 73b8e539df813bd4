"""Render the main screens offscreen to PNG: ``python -m cgn_seal_desktop.ui.screenshots OUTDIR``.

Uses a throw-away profile (``CGN_SEAL_HOME`` in a temporary directory) with a demo UKEY
(``demo.softhsm_ukey``: SoftHSM2, keys made for the run) that seals a sample contract — or, without
SoftHSM2, the bundled sample signed PDF with its sample root trusted for the run — and the
language given by ``--language`` (default zh_CN). Writes:

``self-check.png`` (signed sample open, seal hovered), ``placing-seal.png`` (the seal tool),
``verify-dialog.png`` (the verdict),
``pin-dialog.png``, ``change-pin-dialog.png`` and ``change-pin-retry.png`` (修改PIN码 on an SM2 SKF
UKEY: as opened, and after a wrong current PIN), ``environment.png``, ``support.png``,
``settings.png``, and the application wizard's ``wizard-*.png``
(:mod:`cgn_seal_desktop.ui.wizard.screenshots`; ``--only wizard`` renders just those).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["main", "render_all"]

SIZE = (1280, 800)


def _wait(predicate: Callable[[], bool], timeout_s: float = 20.0) -> bool:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if predicate():
            return True
        time.sleep(0.02)
    return False


def _settle(seconds: float = 0.6) -> None:
    _wait(lambda: False, seconds)


def _contract(path: Path) -> Path:
    """A one-page sample contract (CJK text) to seal."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((240, 110), "供货合同", fontname="china-s", fontsize=24)
    lines = [
        "甲方：中广核电子商务平台采购单位（示例）",
        "乙方：示例供应商有限公司",
        "",
        "一、乙方按本合同附件所列清单向甲方供应货物，质量符合国家标准。",
        "二、交货地点：甲方指定仓库；交货期限：合同签订后三十日内。",
        "三、本合同以电子印章签署，与手写签字、加盖实物印章具有同等效力。",
        "四、本合同一式两份，甲乙双方各执一份。",
    ]
    for n, text in enumerate(lines):
        page.insert_text((72, 170 + 26 * n), text, fontname="china-s", fontsize=12)
    page.insert_text((72, 640), "甲方（盖章）：", fontname="china-s", fontsize=12)
    page.insert_text((330, 640), "乙方（盖章）：", fontname="china-s", fontsize=12)
    page.insert_text((330, 790), "二〇二六年十一月二十五日", fontname="china-s", fontsize=12)
    doc.save(path)
    doc.close()
    return path


def _seal_with_demo_ukey(src: Path, out: Path, module: str) -> Path:
    """Seal *src* like the program does (UKEY session, default seal of the certificate)."""
    from cgn_seal_desktop.demo.softhsm_ukey import DEMO_LABEL, DEMO_PIN
    from cgn_seal_desktop.seal.request import SealPlacement, SignRequest
    from cgn_seal_desktop.seal.ukey_sign import sign_with_ukey
    from cgn_seal_desktop.ukey.model import TokenRef
    from cgn_seal_desktop.ukey.pin import Pin

    sign_with_ukey(TokenRef(module, DEMO_LABEL), Pin(DEMO_PIN), src, out, SignRequest(
        placement=SealPlacement(1, (400.0, 100.0, 519.0, 219.0))))
    return out


def render_all(out_dir: Path, language: str = "zh_CN", only: str = "all") -> list[Path]:
    """Render every screen (*only* ``"wizard"``: the wizard's) into *out_dir*; returns the
    files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="cgn-shots-"))
    os.environ["CGN_SEAL_HOME"] = str(home)

    import subprocess

    from cgn_seal_desktop.demo.softhsm_ukey import create_demo_ukey
    from cgn_seal_desktop.settings import Settings

    module: str | None = None
    if only == "all":
        try:
            module = create_demo_ukey()[0]
        except (RuntimeError, OSError, subprocess.CalledProcessError):
            module = None  # no SoftHSM2: the sample PDF, no UKEY on the environment page
    settings = Settings.load()
    settings.language, settings.check_service_online = language, False
    settings.save()

    from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from cgn_seal_desktop import paths
    from cgn_seal_desktop.seal.trust import add_user_root
    from cgn_seal_desktop.ui.app import create_application
    from cgn_seal_desktop.ui.change_pin import ChangePinDialog
    from cgn_seal_desktop.ui.main_window import MainWindow
    from cgn_seal_desktop.ui.pin_text import PinTries
    from cgn_seal_desktop.ui.selfcheck.verify_dialog import VerificationDialog
    from cgn_seal_desktop.ui.ukey_dialogs import PinDialog
    from cgn_seal_desktop.ukey.certinfo import certificate_info
    from cgn_seal_desktop.ukey.model import PinState, TokenInfo
    from cgn_seal_desktop.ukey.service import CertChoice

    app = create_application([sys.argv[0]])
    assert isinstance(app, QApplication)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(widget: object, name: str) -> None:
        from PySide6.QtWidgets import QWidget

        assert isinstance(widget, QWidget)
        target = out_dir / name
        widget.grab().save(str(target))
        written.append(target)

    if only == "wizard":
        from cgn_seal_desktop.ui.wizard.screenshots import render_wizard

        render_wizard(save)
        return written

    sample_pdf = paths.resource_path("samples", "sample-signed.pdf")
    work = home / "documents"
    work.mkdir()
    doc = work / "供货合同_已盖章.pdf"
    if module is not None:
        _seal_with_demo_ukey(_contract(work / "供货合同.pdf"), doc, module)
    else:
        add_user_root(paths.resource_path("samples", "sample-root.pem"))
        doc.write_bytes(sample_pdf.read_bytes())

    win = MainWindow(Settings.load())
    win.resize(*SIZE)
    win.show()
    page = win.self_check
    win.open_file(doc)
    _wait(lambda: page.report() is not None and bool(page.report().signatures))  # type: ignore[union-attr]
    _settle(1.0)
    report = page.report()
    assert report is not None
    sig = report.signatures[0]
    rect = page.overlay.viewport_rect(sig.field)
    if rect is not None:  # scroll the seal to the middle of the view, then point at it
        bar = page.view.verticalScrollBar()
        bar.setValue(bar.value() + round(rect.center().y() - page.view.viewport().height() / 2))
        _settle(0.8)
        rect = page.overlay.viewport_rect(sig.field)
    if rect is not None:
        pos = rect.center().toPoint()
        vp = page.view.viewport()
        QApplication.sendEvent(vp, QMouseEvent(
            QEvent.Type.MouseMove, QPointF(pos), QPointF(vp.mapToGlobal(pos)),
            Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    _settle(1.0)
    save(win, "self-check.png")

    # The seal tool: the translucent seal follows the mouse (over 甲方's signing place).
    page.act_seal.trigger()
    _settle(1.5)  # the default seal preview is drawn from the UKEY certificate in a worker
    if rect is not None:
        spot = rect.center().toPoint() - QPoint(round(rect.width() * 2.2), 0)
        vp = page.view.viewport()
        QApplication.sendEvent(vp, QMouseEvent(
            QEvent.Type.MouseMove, QPointF(spot), QPointF(vp.mapToGlobal(spot)),
            Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
        _settle(0.5)
        save(win, "placing-seal.png")
    page.seal_tool.deactivate()
    win.statusBar().showMessage(QApplication.translate("MainWindow", "Ready"))

    dlg = VerificationDialog(sig, win)
    dlg.details_button.setChecked(True)
    dlg.show()
    _settle(0.4)
    save(dlg, "verify-dialog.png")
    dlg.close()

    from cgn_seal_desktop.seal.embedded import signer_certificates

    cert = certificate_info(signer_certificates(doc)[0])
    if cert is not None:
        token = TokenInfo(module_path="", slot_id=0, label="CGN-DEMO", manufacturer="SZCA",
                          model="UKEY", serial="0000", flags=0, pin_state=PinState.OK,
                          login_required=True, protected_auth_path=False, certificates=[cert])
        pin = PinDialog(CertChoice(token, cert), PinState.OK, parent=win)
        pin.pin_edit.setText("******")
        pin.show()
        _settle(0.3)
        save(pin, "pin-dialog.png")
        pin.pin_edit.clear()
        pin.close()

    from cgn_seal_desktop.ukey.errors import WrongPinError

    for name, tries, retry in (("change-pin-dialog.png", None, False),
                               ("change-pin-retry.png", 5, True)):
        skf = TokenInfo(module_path="", slot_id=0, label="CGN-DEMO-SM2",
                        manufacturer="cgn-seal-desktop", model="SoftSKF", serial="CGNSM2DEMO0001",
                        flags=0, pin_state=PinState.OK, login_required=True,
                        protected_auth_path=False, interface="skf", pin_tries_left=6,
                        pin_max_tries=6)
        after = (PinTries.of_token(skf).after(WrongPinError(tries_left=tries))
                 if tries is not None else None)
        change = ChangePinDialog([skf], tries=after, retry=retry, parent=win)
        change.old_edit.setText("000000")  # masked; the new PIN typed twice the same way
        change.new_edit.setText("135790")
        change.repeat_edit.setText("135790")
        change.show()
        _settle(0.3)
        save(change, name)
        change.take_pins()
        change.close()

    win.show_page("environment")
    _wait(lambda: bool(win.environment.lines()))
    _settle(2.5)  # one token poll
    save(win, "environment.png")
    win.show_page("support")
    _settle(0.4)
    save(win, "support.png")
    win.show_page("settings")
    _settle(0.4)
    save(win, "settings.png")
    win.environment.timer.stop()
    win.close()
    _settle(0.2)
    from cgn_seal_desktop.ui.wizard.screenshots import render_wizard

    render_wizard(save)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="zh_CN")
    parser.add_argument("--only", choices=("all", "wizard"), default="all")
    args = parser.parse_args(argv)
    for f in render_all(args.out_dir, args.language, args.only):
        print(f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
