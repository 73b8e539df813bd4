"""Make the sample signed PDF the self-test verifies: ``resources/samples/``.

Writes ``sample-root.pem`` (a throw-away "sample" root CA, never a production trust root — those
live in ``resources/trust/``), ``sample-signed.pdf`` (one page stamped with a visible seal by a
leaf certificate issued by that root) and nothing else. The keys are discarded. Run again only to
renew the sample (the certificates are valid for 25 years from the run)::

    python packaging/make_sample.py [OUTPUT_DIR]
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import tempfile
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

__all__ = ["ROOT_NAME", "SIGNED_NAME", "make_sample"]

ROOT_NAME = "sample-root.pem"
SIGNED_NAME = "sample-signed.pdf"
_ORG = "示例供应商有限公司"


def _name(cn: str, org: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _certs() -> tuple[x509.Certificate, x509.Certificate, ec.EllipticCurvePrivateKey]:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    start, end = now - dt.timedelta(days=1), now + dt.timedelta(days=365 * 25)
    root_key, leaf_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(
        ec.SECP256R1())
    root_name = _name("自检样例根证书 Sample Root, NOT FOR PRODUCTION",
                      "cgn-seal-desktop self-test")
    root = (x509.CertificateBuilder().subject_name(root_name).issuer_name(root_name)
            .public_key(root_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                         False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()),
                           critical=False)
            .sign(root_key, hashes.SHA256()))
    leaf = (x509.CertificateBuilder().subject_name(_name(f"{_ORG}(样例)", _ORG))
            .issuer_name(root_name).public_key(leaf_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(end - dt.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False,
                                         False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]),
                           critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(leaf_key.public_key()),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA256()))
    return root, leaf, leaf_key


def _document() -> bytes:
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 100), "cgn-seal-desktop self-test sample", fontsize=18)
    page.insert_text((72, 130), "This file is signed with a sample certificate.", fontsize=11)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def make_sample(out_dir: Path) -> tuple[Path, Path]:
    """Write the sample root and signed PDF into *out_dir*; returns their paths.

    Promises: the PDF verifies as ``valid`` against the written root alone.
    """

    from cgn_seal_desktop.fsutil import atomic_write_bytes
    from cgn_seal_desktop.seal.appearance import default_seal_pdf
    from cgn_seal_desktop.seal.pdf_sign import SealPlacement, SignRequest, sign_pdf
    from cgn_seal_desktop.seal.soft_signer import software_signer
    from cgn_seal_desktop.seal.trust import TrustStore
    from cgn_seal_desktop.seal.verify import verify_pdf

    root, leaf, leaf_key = _certs()
    root_pem = root.public_bytes(serialization.Encoding.PEM)
    signer = software_signer(leaf_key, leaf, [root])
    out_dir.mkdir(parents=True, exist_ok=True)
    root_path, pdf_path = out_dir / ROOT_NAME, out_dir / SIGNED_NAME
    with tempfile.TemporaryDirectory() as tmp:
        src, signed = Path(tmp, "in.pdf"), Path(tmp, "signed.pdf")
        src.write_bytes(_document())
        sign_pdf(src, signed, signer, SignRequest(
            placement=SealPlacement(1, (400, 560, 520, 680)),
            appearance_pdf=default_seal_pdf(_ORG), reason="自检样例 self-test sample"))
        (Path(tmp) / ROOT_NAME).write_bytes(root_pem)
        report = verify_pdf(signed, TrustStore.load([Path(tmp) / ROOT_NAME], bundled=False,
                                                    user=False))
        if report.verdict != "valid":
            raise RuntimeError(f"fresh sample does not verify: {report.verdict}")
        atomic_write_bytes(root_path, root_pem)
        atomic_write_bytes(pdf_path, signed.read_bytes())
    for written in (root_path, pdf_path):
        written.chmod(0o644)  # atomic_write makes 0600 temp files; these ship to everyone
    return root_path, pdf_path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else (
        Path(__file__).resolve().parent.parent / "resources" / "samples")
    for written in make_sample(target):
        print(written)
