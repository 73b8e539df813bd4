"""``cgn-seal --self-test``: check, headless, that the bundled parts load and work.

Meant to run inside the installed bundle (PyInstaller) on a machine without a display: Qt
offscreen, PyMuPDF renders a page, pyHanko signs and verifies a PDF with a throw-away key,
PKCS#11 module discovery runs, translations load. Prints one line per check; exit 0 if all pass.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

__all__ = ["CHECKS", "run_self_test"]


def _qt() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["cgn-seal-selftest"])
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.drawText(4, 40, "盖章")
    painter.end()
    from cgn_seal_desktop.paths import translations_dir

    qm = translations_dir() / "cgn_seal_desktop_zh_CN.qm"
    loaded = QTranslator().load(str(qm)) if qm.exists() else False
    if not loaded:
        raise RuntimeError(f"zh_CN translation not loaded from {qm}")
    return f"Qt {app.applicationName() or 'ok'} painted offscreen; zh_CN translation loaded"


def _pymupdf() -> str:
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "self-test", fontsize=24)
    pix = page.get_pixmap(dpi=72)
    if not any(pix.samples[i] < 128 for i in range(0, len(pix.samples), pix.n)):
        raise RuntimeError("rendered page is blank")
    return f"PyMuPDF {pymupdf.VersionBind} rendered {pix.width}x{pix.height}"


def _sign_verify() -> str:
    import datetime as dt
    import io
    import tempfile
    from pathlib import Path

    import pymupdf
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    from cgn_seal_desktop.seal.appearance import default_seal_pdf
    from cgn_seal_desktop.seal.sign import SealPlacement, SignRequest, sign_pdf
    from cgn_seal_desktop.seal.trust import TrustStore, load_certificates
    from cgn_seal_desktop.seal.verify import verify_pdf

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "自检 Self-test"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "自检 Self-test")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False,
                                         False), critical=True)
            .sign(key, hashes.SHA256()))
    pem = cert.public_bytes(serialization.Encoding.PEM)
    asn1_cert = load_certificates(pem)[0]
    from asn1crypto import keys as asn1_keys

    signer = SimpleSigner(
        signing_cert=asn1_cert,
        signing_key=asn1_keys.PrivateKeyInfo.load(key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption())),
        cert_registry=SimpleCertificateStore(),
    )
    with tempfile.TemporaryDirectory() as tmp:
        src, out, root = Path(tmp, "in.pdf"), Path(tmp, "out.pdf"), Path(tmp, "root.pem")
        doc = pymupdf.open()
        doc.new_page()
        buf = io.BytesIO()
        doc.save(buf)
        src.write_bytes(buf.getvalue())
        root.write_bytes(pem)
        sign_pdf(src, out, signer, SignRequest(
            placement=SealPlacement(1, (400, 80, 520, 200)),
            appearance_pdf=default_seal_pdf("自检")))
        report = verify_pdf(out, TrustStore.load([root], bundled=False, user=False))
    if report.verdict != "valid":
        raise RuntimeError(f"verification said {report.verdict}: "
                           f"{[s.messages for s in report.signatures]}")
    return "pyHanko signed and verified a PDF: 签名有效"


def _pkcs11() -> str:
    from cgn_seal_desktop.ukey.discovery import find_modules, load_vendor_table

    found = find_modules()
    return f"vendor table {len(load_vendor_table())} entries; {len(found)} driver(s) found"


CHECKS: list[tuple[str, Callable[[], str]]] = [
    ("qt", _qt), ("pymupdf", _pymupdf), ("sign+verify", _sign_verify), ("pkcs11", _pkcs11),
]


def run_self_test() -> int:
    """Run every check; print ``ok``/``FAIL`` per line; 0 when all pass."""
    failed = 0
    for name, check in CHECKS:
        start = time.perf_counter()
        try:
            detail = check()
            status = "ok"
        except Exception as exc:
            failed += 1
            detail, status = f"{type(exc).__name__}: {exc}", "FAIL"
        print(f"{status:4} {name:12} {time.perf_counter() - start:6.2f}s  {detail}")
    print("self-test:", "passed" if not failed else f"{failed} check(s) failed")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(run_self_test())
