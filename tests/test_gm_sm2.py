"""SM2/SM3 primitives against an independent implementation (gmalg), the bundled production
roots, and certificates as they are in the wild."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib

import gmalg
import pytest
from asn1crypto import pem, x509
from pyhanko_certvalidator import CertificateValidator

from cgn_seal_desktop.paths import resource_path
from cgn_seal_desktop.seal.gm import certs, der, oids, sm2
from cgn_seal_desktop.seal.trust import TrustStore
from tests.gm.pki import QUIRKS, Sm2Key, Sm2TestPki, issue_sm2

ROOTS = {  # /work/shared/trust/README.md: SHA-256 of the DER
    "nrcac-rootca-sm2.pem": "9c28d3847414bfff1a5749e7e2381146f82842083e8c592e16a612d04a5ba8cd",
    "szca-sm2-ca.pem": "275d303c6acaf3eaac34a103e2d364b3820857d71b159c3c0d3cf947126bc1d2",
}


def _bundled(name: str) -> bytes:
    return pem.unarmor(resource_path("trust", name).read_bytes())[2]


def test_sm3_known_answer() -> None:
    # GB/T 32905 example 1.
    assert sm2.sm3(b"abc").hex() == \
        "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    oracle = gmalg.SM3()
    oracle.update(b"abcd" * 16)
    assert sm2.sm3(b"abcd" * 16) == oracle.value()


def test_our_signatures_verify_in_gmalg_and_back() -> None:
    key = Sm2Key.generate()
    oracle = gmalg.SM2(sk=key.private, uid=sm2.DEFAULT_SIGNER_ID, pk=b"\x04" + key.public)
    for message in (b"", b"seal", bytes(range(256)) * 40):
        ours = key.sign(message)
        r, s = sm2.split_signature(ours) or (0, 0)
        assert oracle.verify(message, r.to_bytes(32, "big"), s.to_bytes(32, "big"))
        theirs = b"".join(oracle.sign(message))  # raw r‖s
        assert sm2.verify(key.public, message, theirs)
        assert sm2.verify(key.public, message, sm2.to_der_signature(
            int.from_bytes(theirs[:32], "big"), int.from_bytes(theirs[32:], "big")))
        assert not sm2.verify(key.public, message + b"x", theirs)


def test_z_value_depends_on_signer_id() -> None:
    key = Sm2Key.generate()
    other = gmalg.SM2(sk=key.private, uid=b"ALICE123@YAHOO.COM", pk=b"\x04" + key.public)
    r, s = other.sign(b"m")
    assert not sm2.verify(key.public, b"m", r + s)
    assert sm2.verify(key.public, b"m", r + s, signer_id=b"ALICE123@YAHOO.COM")


@pytest.mark.parametrize("bad", [b"", b"\x30\x00", b"\x00" * 64, b"\x30\x06\x02\x01\x01\x02\x01",
                                 b"\xff" * 64, b"\x30" + b"\x80" * 10])
def test_malformed_signatures_are_just_invalid(bad: bytes) -> None:
    key = Sm2Key.generate()
    assert sm2.verify(key.public, b"m", bad) is False
    assert sm2.verify(b"\x00" * 64, b"m", key.sign(b"m")) is False  # not a curve point


def test_production_roots_are_pinned() -> None:
    for name, sha256 in ROOTS.items():
        assert hashlib.sha256(_bundled(name)).hexdigest() == sha256
    bundled = {r.sha256 for r in TrustStore.load(user=False).roots}
    assert set(ROOTS.values()) <= bundled


def test_szca_sm2_ca_is_signed_by_nrcac_rootca() -> None:
    root = certs.read_certificate(_bundled("nrcac-rootca-sm2.pem"))
    ca = certs.read_certificate(_bundled("szca-sm2-ca.pem"))
    assert ca.signature_algorithm == oids.SM2_SM3 and root.sm2_key is not None
    assert certs.signature_by(ca, root) and certs.signature_by(root, root)
    assert not certs.signature_by(root, ca)
    assert ca.common_name == "SZCA SM2 CA" and ca.is_ca
    chain = certs.build_chain(ca, [], [root], dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert chain.trusted and chain.code is None and chain.anchor == root
    # pyhanko-certvalidator, with our SM2 validator, agrees.
    store = TrustStore.load(user=False)
    validator = CertificateValidator(x509.Certificate.load(ca.der),
                                     validation_context=store.validation_context())
    path = asyncio.run(validator.async_validate_path())
    assert path.trust_anchor is not None


def test_test_pki_chain(sm2_pki: Sm2TestPki) -> None:
    root, ca = (certs.read_certificate(i.cert_der) for i in (sm2_pki.root, sm2_pki.ca))
    org = certs.read_certificate(sm2_pki.org.cert_der)
    now = dt.datetime.now(dt.UTC)
    assert certs.build_chain(org, [ca], [root], now).trusted
    assert certs.build_chain(org, [], [root], now).code == "no_chain"
    expired = certs.read_certificate(sm2_pki.expired.cert_der)
    assert certs.build_chain(expired, [ca], [root], now).code == "cert_expired"
    other = certs.read_certificate(sm2_pki.other_org.cert_der)
    assert not certs.build_chain(other, [ca], [root], now).trusted


def test_certificates_from_the_wild_are_read_and_shown(sm2_pki: Sm2TestPki) -> None:
    wild = issue_sm2(sm2_pki.ca, "野生证书有限公司", org="野生证书有限公司", quirks=QUIRKS)
    info = certs.read_certificate(wild.cert_der)
    assert "E=张三@szca.test" in info.name_text() and "UID=UID-000123" in info.name_text()
    assert len(info.quirks) == 4
    assert info.not_after is not None and info.sm2_key == wild.key.public
    ca = certs.read_certificate(sm2_pki.ca.cert_der)
    assert certs.build_chain(info, [], [ca], dt.datetime.now(dt.UTC)).trusted


@pytest.mark.parametrize("cut", [0, 1, 10, 100, -1])
def test_truncated_certificates_raise_only_der_errors(sm2_pki: Sm2TestPki, cut: int) -> None:
    data = sm2_pki.org.cert_der
    with pytest.raises(der.DerError):
        certs.read_certificate(data[:cut] if cut >= 0 else data + b"\x00")


def test_gm_oids_parse_without_changing_pkcs7_encoding() -> None:
    from asn1crypto import cms

    oids.register()
    assert cms.ContentType("1.2.156.10197.6.1.4.2.2").native == "signed_data"
    assert cms.ContentType("signed_data").dotted == "1.2.840.113549.1.7.2"
    assert cms.ContentType("data").dotted == "1.2.840.113549.1.7.1"


def test_sm3_without_openssl_sm3_uses_cryptography(monkeypatch: pytest.MonkeyPatch) -> None:
    """An OpenSSL built without SM3 (hashlib has none): cryptography's SM3, fed in pieces, gives
    the same digests, and signatures still verify."""
    from cgn_seal_desktop.ukey import sm2 as token_sm2

    data = bytes(range(256)) * 300
    expected = sm2.sm3(data)
    monkeypatch.setattr(token_sm2, "_HASHLIB_SM3", False)
    hasher = sm2.sm3_hasher()
    assert type(hasher).__name__ == "_CryptographySm3"
    for i in range(0, len(data), 7000):
        hasher.update(data[i:i + 7000])
    assert hasher.digest() == expected == sm2.sm3(data)
    key = Sm2Key.generate()
    assert sm2.verify(key.public, data, key.sign(data))
