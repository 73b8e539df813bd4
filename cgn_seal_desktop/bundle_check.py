"""``cgn-seal --self-test``: check, headless, that the bundled parts load and work.

Meant to run inside the installed bundle (PyInstaller) on a machine without a display: Qt
offscreen with our zh_CN and Qt's own translations, PyMuPDF renders a page (also in a "spawn"
worker process, as the viewer does), pyHanko signs and verifies a PDF with a throw-away key and
verifies the bundled sample signed PDF (``resources/samples/``, made by
``packaging/make_sample.py``) against the sample root, pyHanko's data files are present,
SM2 (国密) signatures verify with GmSSL and the bundled SZCA SM2 CA chains to NRCAC ROOTCA,
PKCS#11 module discovery runs with python-pkcs11's extension loaded, keyring finds its backends
(the Windows Credential Manager on Windows), and the built-in sandbox server answers over
loopback. Prints one line per check; exit 0 if all pass.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["CHECKS", "SAMPLE_PDF", "SAMPLE_ROOT", "run_self_test"]


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
    from PySide6.QtCore import QLibraryInfo

    # Qt's own dialogs (buttons of message boxes, file dialogs): qtbase_zh_CN.qm, in Qt's
    # translations directory or beside ours (the bundle has both).
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qtbase = [d / "qtbase_zh_CN.qm" for d in (qt_dir, translations_dir())]
    if not any(QTranslator().load(str(q)) for q in qtbase if q.is_file()):
        raise RuntimeError(f"qtbase_zh_CN.qm not loaded from {qt_dir} or {translations_dir()}")
    return f"Qt {app.applicationName() or 'ok'} painted offscreen; zh_CN + qtbase_zh_CN loaded"


def _pymupdf() -> str:
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "self-test", fontsize=24)
    pix = page.get_pixmap(dpi=72)
    samples = pix.samples  # a property that copies the whole image: read it once
    if not any(samples[i] < 128 for i in range(0, len(samples), pix.n)):
        raise RuntimeError("rendered page is blank")
    return f"PyMuPDF {pymupdf.VersionBind} rendered {pix.width}x{pix.height}"


def _sign_verify() -> str:
    import datetime as dt
    import io
    import tempfile

    import pymupdf
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    from cgn_seal_desktop.seal.appearance import default_seal_pdf
    from cgn_seal_desktop.seal.pdf_sign import SealPlacement, SignRequest, sign_pdf
    from cgn_seal_desktop.seal.soft_signer import software_signer
    from cgn_seal_desktop.seal.trust import TrustStore
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
    signer = software_signer(key, cert)
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


def _sample() -> str:
    from cgn_seal_desktop.paths import resource_path
    from cgn_seal_desktop.seal.trust import TrustStore
    from cgn_seal_desktop.seal.verify import verify_pdf

    pdf, root = resource_path("samples", SAMPLE_PDF), resource_path("samples", SAMPLE_ROOT)
    if not pdf.is_file() or not root.is_file():
        raise RuntimeError(f"sample files missing in {pdf.parent}")
    report = verify_pdf(pdf, TrustStore.load([root], bundled=False, user=False))
    if report.verdict != "valid":
        raise RuntimeError(f"bundled sample is {report.verdict}: "
                           f"{[s.messages for s in report.signatures]}")
    # The sample root must never be a production trust root.
    untrusted = verify_pdf(pdf, TrustStore.load(user=False))
    if untrusted.verdict == "valid":
        raise RuntimeError("the sample root is trusted by the bundled trust store")
    statuses = ",".join(sig.status for sig in untrusted.signatures) or untrusted.verdict
    return f"bundled {pdf.name}: 签名有效 with the sample root; {statuses} without it"


def _sm2() -> str:
    """国密: GmSSL loads, a throw-away SM2 signature verifies (and a changed one does not),
    and the bundled SZCA SM2 CA's signature verifies under the bundled NRCAC ROOTCA."""
    from asn1crypto import pem
    from gmssl_pyx import sm2_key_generate

    from cgn_seal_desktop.paths import resource_path
    from cgn_seal_desktop.seal.gm import certs, sm2

    public, private = sm2_key_generate()
    message = "盖章自检 self-test".encode()
    signature = sm2.sign(private, public, message)
    if not sm2.verify(public, message, signature) or sm2.verify(public, message + b".",
                                                                signature):
        raise RuntimeError("SM2 sign/verify round trip failed")
    loaded = {}
    for name in ("nrcac-rootca-sm2.pem", "szca-sm2-ca.pem"):
        path = resource_path("trust", name)
        if not path.is_file():
            raise RuntimeError(f"bundled trust root {name} missing in {path.parent}")
        loaded[name] = certs.read_certificate(pem.unarmor(path.read_bytes())[2])
    if not certs.signature_by(loaded["szca-sm2-ca.pem"], loaded["nrcac-rootca-sm2.pem"]):
        raise RuntimeError("SZCA SM2 CA does not verify under NRCAC ROOTCA")
    # The same chain through pyHanko's validator (what PDF seals use), ROOTCA as the only root.
    import asyncio

    from asn1crypto import x509
    from pyhanko_certvalidator import CertificateValidator

    from cgn_seal_desktop.seal.trust import TrustRoot, TrustStore

    root = x509.Certificate.load(loaded["nrcac-rootca-sm2.pem"].der)
    store = TrustStore([TrustRoot(root, "bundled", "nrcac-rootca-sm2.pem")])
    validator = CertificateValidator(x509.Certificate.load(loaded["szca-sm2-ca.pem"].der),
                                     validation_context=store.validation_context())
    asyncio.run(validator.async_validate_path())
    return (f"GmSSL SM2 sign/verify ({sm2.sm3(b'abc').hex()[:8]}…); "
            "SZCA SM2 CA verifies under NRCAC ROOTCA (ours and pyHanko's path)")


def _render_worker() -> str:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from cgn_seal_desktop.documents.render import DocumentSource, render_page
    from cgn_seal_desktop.paths import resource_path

    # The viewer renders in "spawn" processes: in a frozen build this only works when the entry
    # point calls multiprocessing.freeze_support().
    source = DocumentSource(str(resource_path("samples", SAMPLE_PDF)))
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        page = pool.submit(render_page, source, 0, 0.5).result(timeout=120)
    if page.width < 100 or len(page.samples) < page.height * page.width:
        raise RuntimeError(f"worker rendered a {page.width}x{page.height} image")
    return f"worker process rendered the sample at {page.width}x{page.height}"


def _pyhanko_data() -> str:
    from importlib import resources

    certs = resources.files("pyhanko.sign.validation.qualified").joinpath("lotl-certs")
    pems = [p.name for p in certs.iterdir() if p.name.endswith(".pem")]
    if not pems:
        raise RuntimeError("pyHanko's lotl-certs/*.pem are missing")
    from importlib import metadata

    return f"pyHanko {metadata.version('pyhanko')} data files present ({len(pems)} LOTL certs)"


def _pkcs11() -> str:
    from pkcs11 import _pkcs11  # python-pkcs11's compiled extension must load

    from cgn_seal_desktop.ukey.discovery import find_modules, load_vendor_table

    found = find_modules()
    return (f"python-pkcs11 extension {_pkcs11.__name__} loaded; vendor table "
            f"{len(load_vendor_table())} entries; {len(found)} driver(s) found")


def _keyring() -> str:
    import importlib
    from importlib import metadata

    from cgn_seal_desktop.portal.tokens import keyring_usable

    names = {ep.name for ep in metadata.entry_points(group="keyring.backends")}
    if "Windows" not in names:
        raise RuntimeError(f"keyring backends not registered (entry points: {sorted(names)})")
    module = {"win32": "Windows", "darwin": "macOS"}.get(sys.platform, "SecretService")
    importlib.import_module(f"keyring.backends.{module}")
    usable = keyring_usable()
    if sys.platform == "win32":
        import keyring

        active = keyring.get_keyring()
        kinds = [type(b).__name__ for b in getattr(active, "backends", [active])]
        if not usable or not any("WinVault" in k for k in kinds):
            raise RuntimeError(f"Windows Credential Manager backend not active ({kinds})")
    return (f"{len(names)} backends registered, keyring.backends.{module} loads; "
            f"usable here: {'yes' if usable else 'no (remember-me off)'}")


def _sandbox() -> str:
    import tempfile

    import httpx

    from cgn_seal_desktop.sandbox.server import SandboxServer

    # trust_env=False: a system proxy must not intercept a loopback request.
    with (tempfile.TemporaryDirectory() as tmp, SandboxServer(Path(tmp)) as server,
          httpx.Client(trust_env=False, timeout=10) as client):
        resp = client.get(f"{server.base_url}/healthz")
    if resp.status_code != 200:
        raise RuntimeError(f"sandbox /healthz answered {resp.status_code}")
    return "built-in sandbox served /healthz over loopback (uvicorn + FastAPI)"


#: Files of ``resources/samples/`` (see packaging/make_sample.py).
SAMPLE_PDF, SAMPLE_ROOT = "sample-signed.pdf", "sample-root.pem"

CHECKS: list[tuple[str, Callable[[], str]]] = [
    ("qt", _qt), ("pymupdf", _pymupdf), ("render-worker", _render_worker),
    ("sign+verify", _sign_verify), ("sample", _sample), ("sm2", _sm2),
    ("pyhanko-data", _pyhanko_data),
    ("pkcs11", _pkcs11), ("keyring", _keyring), ("sandbox", _sandbox),
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
        print(f"{status:4} {name:13} {time.perf_counter() - start:6.2f}s  {detail}")
    print("self-test:", "passed" if not failed else f"{failed} check(s) failed")
    return 0 if not failed else 1


if __name__ == "__main__":
    from cgn_seal_desktop.consoleio import use_utf8_output

    use_utf8_output()
    sys.exit(run_self_test())
