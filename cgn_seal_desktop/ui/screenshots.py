"""Render the main screens offscreen to PNG: ``python -m cgn_seal_desktop.ui.screenshots OUTDIR``.

Uses a throw-away profile (``CGN_SEAL_HOME`` in a temporary directory), the bundled sample signed
PDF with its sample root trusted for this run only, a demo SoftHSM2 UKEY (when SoftHSM2 is
installed; key and certificate generated for the run), and the language given by ``--language``
(default zh_CN). Writes:

``self-check.png`` (signed sample open, seal hovered), ``verify-dialog.png`` (the verdict),
``pin-dialog.png``, ``environment.png``, ``support.png``, ``settings.png``.
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


def _demo_ukey(home: Path) -> str | None:
    """A SoftHSM2 token "CGN-UKEY" holding a demo seal certificate, if SoftHSM2 is installed.

    Set up before anything loads the module (SoftHSM2 reads ``SOFTHSM2_CONF`` once). The key and
    certificate are generated for this run and thrown away with *home*.
    """
    import datetime as dt
    import shutil
    import subprocess

    from cgn_seal_desktop.ukey.discovery import find_modules

    module = next((m.path for m in find_modules() if m.vendor and m.vendor.id == "softhsm2"),
                  None)
    if module is None or shutil.which("softhsm2-util") is None:
        return None
    base = home / "softhsm"
    (base / "tokens").mkdir(parents=True)
    conf = base / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {base / 'tokens'}\nobjectstore.backend = file\n"
                    "log.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", "CGN-UKEY",
                    "--pin", "123456", "--so-pin", "12345678"], check=True, capture_output=True)
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    from pkcs11 import Attribute, CertificateType, ObjectClass

    from cgn_seal_desktop.ukey.tokens import load_module

    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "示例供应商有限公司"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "示例供应商有限公司(演示)")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=730))
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False,
                                         False), critical=True)
            .sign(key, hashes.SHA256()))
    lib = load_module(module)
    with lib.get_token(token_label="CGN-UKEY").open(rw=True, user_pin="123456") as session:
        session.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE,
            Attribute.CERTIFICATE_TYPE: CertificateType.X_509, Attribute.TOKEN: True,
            Attribute.PRIVATE: False, Attribute.ID: b"\x01", Attribute.LABEL: "seal",
            Attribute.SUBJECT: cert.subject.public_bytes(),
            Attribute.ISSUER: cert.issuer.public_bytes(),
            Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
        })
    return module


def render_all(out_dir: Path, language: str = "zh_CN") -> list[Path]:
    """Render every screen into *out_dir*; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="cgn-shots-"))
    os.environ["CGN_SEAL_HOME"] = str(home)

    from cgn_seal_desktop.settings import Settings

    module = _demo_ukey(home)
    Settings(language=language, check_service_online=False, module_path=module or "").save()

    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from cgn_seal_desktop import paths
    from cgn_seal_desktop.seal.trust import add_user_root
    from cgn_seal_desktop.ui.app import create_application
    from cgn_seal_desktop.ui.main_window import MainWindow
    from cgn_seal_desktop.ui.ukey_dialogs import CertChoice, PinDialog
    from cgn_seal_desktop.ui.verify_dialog import VerificationDialog
    from cgn_seal_desktop.ukey.certinfo import certificate_info
    from cgn_seal_desktop.ukey.tokens import PinState, TokenInfo

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

    sample_root = paths.resource_path("samples", "sample-root.pem")
    sample_pdf = paths.resource_path("samples", "sample-signed.pdf")
    add_user_root(sample_root)
    work = home / "documents"
    work.mkdir()
    doc = work / "供货合同_已盖章.pdf"
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
    if rect is not None:
        pos = rect.center().toPoint()
        vp = page.view.viewport()
        QApplication.sendEvent(vp, QMouseEvent(
            QEvent.Type.MouseMove, QPointF(pos), QPointF(vp.mapToGlobal(pos)),
            Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    _settle(1.0)
    save(win, "self-check.png")

    dlg = VerificationDialog(sig, win)
    dlg.details_button.setChecked(True)
    dlg.show()
    _settle(0.4)
    save(dlg, "verify-dialog.png")
    dlg.close()

    cert = certificate_info(_leaf_der(sample_pdf))
    if cert is not None:
        token = TokenInfo(module_path="", slot_id=0, label="CGN-UKEY", manufacturer="SZCA",
                          model="UKEY", serial="0000", flags=0, pin_state=PinState.OK,
                          login_required=True, protected_auth_path=False, certificates=[cert])
        pin = PinDialog(CertChoice(token, cert), PinState.OK, parent=win)
        pin.pin_edit.setText("******")
        pin.show()
        _settle(0.3)
        save(pin, "pin-dialog.png")
        pin.pin_edit.clear()
        pin.close()

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
    return written


def _leaf_der(pdf: Path) -> bytes:
    """The signer certificate embedded in the sample's first signature."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    with pdf.open("rb") as fh:
        reader = PdfFileReader(fh, strict=False)
        sig = reader.embedded_signatures[0]
        return bytes(sig.signer_cert.dump())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="zh_CN")
    args = parser.parse_args(argv)
    for f in render_all(args.out_dir, args.language):
        print(f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
