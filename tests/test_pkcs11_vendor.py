"""Vendor-defined PKCS#11 mechanisms (SM3-with-SM2 numbers differ per vendor): the numbers come
from the module table and the call goes to the module's C_SignInit/C_Sign through ctypes, since
python-pkcs11 refuses numbers outside its enum. SoftHSM2 has no SM2, so the path is exercised
with a standard mechanism number given the vendor way."""

from __future__ import annotations

import hashlib

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from pkcs11 import Mechanism
from pkcs11.util.ec import encode_ecdsa_signature

from cgn_seal_desktop.ukey.errors import MechanismNotSupportedError
from cgn_seal_desktop.ukey.model import TokenRef
from cgn_seal_desktop.ukey.pin import Pin
from cgn_seal_desktop.ukey.pkcs11.mechanisms import (
    SCHEMES,
    SignatureScheme,
    scheme_for,
    vendor_number,
)
from cgn_seal_desktop.ukey.pkcs11.session import Pkcs11Session
from cgn_seal_desktop.ukey.pkcs11.vendor import raw_sign
from tests.conftest import TestUKey

CKM_ECDSA = int(Mechanism.ECDSA)


def _ec_cert(s: Pkcs11Session):  # type: ignore[no-untyped-def]
    return next(c for c in s.certificates() if c.key_type == "ec" and not c.is_ca)


def _verify(cert_der: bytes, data: bytes, der: bytes) -> None:
    key = x509.load_der_x509_certificate(cert_der).public_key()
    assert isinstance(key, ec.EllipticCurvePublicKey)
    key.verify(der, data, ec.ECDSA(hashes.SHA256()))  # raises if it does not verify


def test_raw_sign_calls_the_module_with_any_number(ukey: TestUKey) -> None:
    s = Pkcs11Session(ukey.module, TokenRef(ukey.module, "CGN-EC"))
    try:
        s.login(Pin(ukey.pin))
        cert = _ec_cert(s)
        key = s._key(cert.key_id)
        raw = raw_sign(ukey.module, int(s.session.handle), int(key.handle),  # type: ignore[attr-defined]
                       CKM_ECDSA, hashlib.sha256(b"data").digest())
        _verify(cert.der, b"data", bytes(encode_ecdsa_signature(raw)))
        with pytest.raises(MechanismNotSupportedError):  # SoftHSM2 knows no such vendor number
            raw_sign(ukey.module, int(s.session.handle), int(key.handle),  # type: ignore[attr-defined]
                     0x80008100, bytes(32))
    finally:
        s.close()


def test_a_vendor_scheme_from_the_table_signs(ukey: TestUKey,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(SCHEMES, "TEST_ECDSA", SignatureScheme(
        "TEST_ECDSA", "ec", "sha256", 0, True, output="ecdsa_der", vendor="TEST_ECDSA"))
    s = Pkcs11Session(ukey.module, TokenRef(ukey.module, "CGN-EC"),
                      mechanisms={"ec": "TEST_ECDSA"},
                      vendor_mechanisms={"TEST_ECDSA": hex(CKM_ECDSA)})
    try:
        s.login(Pin(ukey.pin))
        cert = _ec_cert(s)
        _verify(cert.der, b"contract", s.sign(cert, b"contract", "sha256"))
    finally:
        s.close()


def test_sm2_schemes_need_the_table() -> None:
    scheme = scheme_for("sm2", "sm3", "SM3_SM2")
    assert scheme.vendor == "SM3_SM2" and scheme.output == "ecdsa_der"
    assert vendor_number(scheme, {"SM3_SM2": "0x80008100"}) == 0x80008100
    assert scheme_for("sm2", "sm3", "SM2_SIGN").sm2_e
    with pytest.raises(MechanismNotSupportedError):
        vendor_number(scheme, {})
    with pytest.raises(MechanismNotSupportedError) as info:
        scheme_for("sm2", "sm3")
    assert "module table" in info.value.message
