"""Helpers that sign test PDFs: through the SoftHSM2 UKEY (the product path), with pyHanko
directly (a software key), with MuPDF (`mutool sign`) and with poppler (`pdfsig`)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.sign.signers import SimpleSigner

from cgn_seal_desktop.seal import soft_signer
from cgn_seal_desktop.seal.pdf_sign import SealPlacement, SignRequest, SignResult, sign_pdf
from cgn_seal_desktop.seal.ukey_sign import sign_with_session
from cgn_seal_desktop.ukey.pin import Pin
from tests.pki import Issued
from tests.softhsm import open_token

RECT = (400.0, 80.0, 520.0, 200.0)


def sign_with_ukey(module: str, pin: str, label: str, src: Path, out: Path, *,
                   page: int = 1, rect: tuple[float, float, float, float] = RECT,
                   field_name: str | None = None, placement: bool = True) -> SignResult:
    request = SignRequest(placement=SealPlacement(page, rect) if placement else None,
                          field_name=field_name, reason="盖章自检")
    with open_token(module, label) as s:
        s.login(Pin(pin))
        return sign_with_session(s, src, out, request)


def software_signer(issued: Issued) -> SimpleSigner:
    return soft_signer.software_signer(issued.key, issued.cert, issued.chain)


def sign_with_pyhanko(issued: Issued, src: Path, out: Path, *, digest: str = "sha256") -> None:
    sign_pdf(src, out, software_signer(issued),
             SignRequest(placement=SealPlacement(1, RECT), digest=digest))


def write_p12(issued: Issued, path: Path, password: str = "p12pass") -> Path:
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"org", issued.key, issued.cert, issued.chain,  # type: ignore[arg-type]
        serialization.BestAvailableEncryption(password.encode()),
    ))
    return path


def sign_with_mutool(issued: Issued, src_with_field: Path, out: Path, tmp: Path) -> None:
    """MuPDF signs the first (empty) signature field of *src_with_field*."""
    p12 = write_p12(issued, tmp / "mutool.p12")
    subprocess.run(["mutool", "sign", "-s", str(p12), "-P", "p12pass", "-o", str(out),
                    str(src_with_field)], check=True, capture_output=True)


def sign_with_pdfsig(issued: Issued, src: Path, out: Path, tmp: Path) -> None:
    """poppler signs *src* with a key imported into a fresh NSS database."""
    nss = tmp / "nssdb"
    nss.mkdir(exist_ok=True)
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True,
                   capture_output=True)
    p12 = write_p12(issued, tmp / "pdfsig.p12")
    subprocess.run(["pk12util", "-i", str(p12), "-d", f"sql:{nss}", "-W", "p12pass"],
                   check=True, capture_output=True)
    subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", "-add-signature", "-nick", "org",
                    "-new-signature-field-name", "PopplerSig", str(src), str(out)],
                   check=True, capture_output=True)


def pdfsig_report(path: Path) -> str:
    """pdfsig's text, without certificate validation (it has no access to our roots)."""
    return subprocess.run(["pdfsig", "-nocert", str(path)], capture_output=True,
                          text=True).stdout
