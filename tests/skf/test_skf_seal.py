"""Sealing PDFs with the SM2 SKF UKEY, and the CMS in /Contents checked by hand with gmalg (an
SM2 and SM3 implementation other than the UKEY's OpenSSL): both container formats, a tampered
copy, a wrong PIN and a removed UKEY leaving no output.

End to end, the product's own verifier (``seal/gm`` over pyHanko) says 签名有效 for both
formats with the demo SM2 root trusted, and names the algorithm.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from asn1crypto import cms, x509

from cgn_seal_desktop.demo.softskf import IssuedDevice
from cgn_seal_desktop.seal import sm2_cms
from cgn_seal_desktop.seal.request import SealPlacement, SignRequest
from cgn_seal_desktop.seal.ukey_sign import sign_with_ukey
from cgn_seal_desktop.ukey.certinfo import sm2_public_key
from cgn_seal_desktop.ukey.errors import NoContainerError, TokenRemovedError, WrongPinError
from cgn_seal_desktop.ukey.pin import Pin
from tests.pdfs import make_pdf
from tests.skf import oracle
from tests.skf.conftest import PIN, SoftSkf

Issue = Callable[..., IssuedDevice]
PKCS7_SIGNED, PKCS7_DATA = "1.2.840.113549.1.7.2", "1.2.840.113549.1.7.1"

_BR = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")


def _request(fmt: str = "pkcs7") -> SignRequest:
    return SignRequest(placement=SealPlacement(1, (100.0, 100.0, 220.0, 220.0)), sm2_format=fmt)


def _signature(pdf: bytes) -> tuple[bytes, bytes]:
    """(signed bytes, CMS) of the last signature in *pdf*, read from its ByteRange."""
    a, b, c, d = (int(v) for v in _BR.findall(pdf)[-1])
    contents = pdf[a + b:c].strip()
    assert contents[:1] == b"<" and contents[-1:] == b">"
    return pdf[a:a + b] + pdf[c:c + d], bytes.fromhex(contents[1:-1].decode())


def _parts(cms_der: bytes) -> tuple[cms.ContentInfo, cms.SignedData, cms.SignerInfo]:
    ci = cms.ContentInfo.load(cms_der, strict=False)
    content = ci["content"]
    sd = content if isinstance(content, cms.SignedData) else content.parse(cms.SignedData)
    (si,) = sd["signer_infos"]
    return ci, sd, si


def _check(pdf_path: Path, public_key: bytes, fmt: str) -> None:
    sm2_cms.register()
    signed, cms_der = _signature(pdf_path.read_bytes())
    ci, sd, si = _parts(cms_der)
    expected = {"pkcs7": (PKCS7_SIGNED, PKCS7_DATA, sm2_cms.SM2_SM3),
                "gm": (sm2_cms.GM_SIGNED_DATA, sm2_cms.GM_DATA, sm2_cms.SM2_SIGN)}[fmt]
    assert ci["content_type"].dotted == expected[0]
    assert sd["encap_content_info"]["content_type"].dotted == expected[1]
    assert si["signature_algorithm"]["algorithm"].dotted == expected[2]
    assert si["digest_algorithm"]["algorithm"].dotted == sm2_cms.SM3
    attrs = {a["type"].dotted: a["values"][0] for a in si["signed_attrs"]}
    assert attrs["1.2.840.113549.1.9.3"].dotted == expected[1]  # content type, signed
    # messageDigest is SM3 of the ByteRange, by gmalg's SM3.
    assert bytes(attrs["1.2.840.113549.1.9.4"].native) == oracle.sm3(signed)
    # The SM2 signature is over the DER SET OF the signed attributes.
    signed_attrs = b"\x31" + si["signed_attrs"].dump()[1:]
    assert oracle.verify(public_key, signed_attrs, bytes(si["signature"].native))
    assert not oracle.verify(public_key, signed_attrs + b"\x00", bytes(si["signature"].native))
    certs = [c.chosen for c in sd["certificates"]]
    assert any(isinstance(c, x509.Certificate) and sm2_public_key(c.dump()) == public_key
               for c in certs)


@pytest.mark.parametrize("fmt", ["pkcs7", "gm"])
def test_sm2_seal_in_both_formats(softskf: SoftSkf, tmp_path: Path, fmt: str) -> None:
    dev = softskf.issue()
    assert dev.public_key is not None
    src = make_pdf(tmp_path / "in.pdf", pages=1)
    out = tmp_path / "out.pdf"
    result = sign_with_ukey(softskf.ref(dev.label), Pin(PIN), src, out, _request(fmt))
    assert result.output == out and result.page == 1
    _check(out, dev.public_key, fmt)


@pytest.mark.parametrize("fmt", ["pkcs7", "gm"])
def test_our_verifier_says_valid_and_names_sm2(softskf: SoftSkf, tmp_path: Path,
                                               fmt: str) -> None:
    from cgn_seal_desktop.seal.trust import TrustStore
    from cgn_seal_desktop.seal.verify_file import verify_file

    dev = softskf.issue()
    src = make_pdf(tmp_path / "in.pdf", pages=1)
    out = tmp_path / "out.pdf"
    sign_with_ukey(softskf.ref(dev.label), Pin(PIN), src, out, _request(fmt))
    report = verify_file(out, TrustStore.load([softskf.root_pem], bundled=False, user=False))
    assert report.verdict == "valid", [s.messages for s in report.signatures]
    (sig,) = report.signatures
    assert sig.algorithm == "SM2-SM3" and sig.intact and sig.trusted
    assert sig.format == ("gm-cms" if fmt == "gm" else "cms")
    untrusted = verify_file(out, TrustStore.load([], bundled=False, user=False))
    assert untrusted.signatures[0].status == "untrusted"


def test_a_tampered_copy_no_longer_matches(softskf: SoftSkf, tmp_path: Path) -> None:
    dev = softskf.issue()
    src = make_pdf(tmp_path / "in.pdf", pages=1)
    out = tmp_path / "out.pdf"
    sign_with_ukey(softskf.ref(dev.label), Pin(PIN), src, out, _request())
    data = bytearray(out.read_bytes())
    i = data.index(b"/Type /Page") if b"/Type /Page" in data else 200
    data[i + 1] ^= 0x01
    signed, cms_der = _signature(bytes(data))
    _ci, _sd, si = _parts(cms_der)
    attrs = {a["type"].dotted: a["values"][0] for a in si["signed_attrs"]}
    assert bytes(attrs["1.2.840.113549.1.9.4"].native) != oracle.sm3(signed)


def test_wrong_pin_leaves_no_output(softskf: SoftSkf, tmp_path: Path) -> None:
    dev = softskf.issue()
    src = make_pdf(tmp_path / "in.pdf", pages=1)
    with pytest.raises(WrongPinError) as info:
        sign_with_ukey(softskf.ref(dev.label), Pin("000000"), src, tmp_path / "out.pdf",
                       _request())
    assert info.value.tries_left == 5
    assert not (tmp_path / "out.pdf").exists()


def test_removed_while_sealing_leaves_no_output(softskf: SoftSkf, tmp_path: Path) -> None:
    dev = softskf.issue()
    src = make_pdf(tmp_path / "in.pdf", pages=1)
    out = tmp_path / "out.pdf"

    def progress(stage: str, _fraction: float) -> None:
        if stage == "sign":  # after login, before the UKEY is asked to sign
            softskf.remove(dev)

    with pytest.raises(TokenRemovedError):
        sign_with_ukey(softskf.ref(dev.label), Pin(PIN), src, out, _request(),
                       progress=progress)
    assert not out.exists()
    assert not list(tmp_path.glob("*.tmp*"))


def test_ukey_without_container_says_so(softskf: SoftSkf, tmp_path: Path) -> None:
    dev = softskf.issue(container=None)
    src = make_pdf(tmp_path / "in.pdf", pages=1)
    with pytest.raises(NoContainerError):
        sign_with_ukey(softskf.ref(dev.label), Pin(PIN), src, tmp_path / "out.pdf", _request())
    assert not (tmp_path / "out.pdf").exists()
