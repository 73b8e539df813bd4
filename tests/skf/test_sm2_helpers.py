"""``ukey.sm2``: the e = SM3(Z ‖ M) an SKF UKEY signs, (r, s) from a signature blob, DER."""

from __future__ import annotations

import gmalg
import pytest
from asn1crypto import algos, core, keys
from gmssl_pyx import sm2_verify_sm3_digest

from cgn_seal_desktop.ukey import sm2
from tests.skf import oracle


def test_e_matches_what_other_implementations_sign() -> None:
    # gmalg signs M with its own Z; GmSSL checks that signature against our e.
    sk, pk = gmalg.SM2().generate_keypair()
    signer = gmalg.SM2(sk=sk, pk=pk, uid=sm2.DEFAULT_SIGNER_ID)
    public_key = pk[1:] if len(pk) == 65 else pk
    message = "电子印章".encode()
    r, s = signer.sign(message)
    der = sm2.der_signature(int.from_bytes(r, "big"), int.from_bytes(s, "big"))
    e = sm2.digest_to_sign(public_key, message)
    assert sm2_verify_sm3_digest(public_key, e, der)
    assert not sm2_verify_sm3_digest(public_key, sm2.digest_to_sign(public_key, b"x"), der)
    assert oracle.verify(public_key, message, der)
    assert sm2.sm3(b"abc") == oracle.sm3(b"abc")


def test_signature_blob_fields() -> None:
    r, s = 0x1234, sm2.SM2_N - 1
    right = (bytes(32) + r.to_bytes(32, "big"), bytes(32) + s.to_bytes(32, "big"))
    left = (r.to_bytes(32, "big") + bytes(32), s.to_bytes(32, "big") + bytes(32))
    assert sm2.rs_from_blob(*right) == (r, s)
    assert sm2.rs_from_blob(*left) == (r, s)  # a driver that left-aligns is still understood
    with pytest.raises(ValueError):
        sm2.rs_from_blob(bytes(64), right[1])  # r = 0
    with pytest.raises(ValueError):
        sm2.rs_from_blob(b"\xff" * 64, right[1])


@pytest.mark.parametrize(("r", "s"), [(1, 2), (2**255 + 7, 2**200), (sm2.SM2_N - 1, 128)])
def test_der_signature_is_the_standard_encoding(r: int, s: int) -> None:
    der = sm2.der_signature(r, s)
    assert der == algos.DSASignature({"r": r, "s": s}).dump()
    seq = core.Sequence.load(der, strict=True)
    assert (int(seq[0].native), int(seq[1].native)) == (r, s)


def test_public_key_from_either_spki_form() -> None:
    point = bytes(range(1, 65))
    ec = keys.PublicKeyInfo({
        "algorithm": {"algorithm": "ec",
                      "parameters": keys.ECDomainParameters(name="named", value=sm2.SM2_CURVE_OID)},
        "public_key": b"\x04" + point,
    })
    assert sm2.public_key_from_spki(ec.dump()) == point
    # Some CAs name SM2 itself as the algorithm.
    oid = core.ObjectIdentifier(sm2.SM2_CURVE_OID).dump()
    algorithm = b"\x30" + bytes([len(oid)]) + oid
    bits = core.BitString.load(b"\x03\x42\x00\x04" + point).dump()
    spki = b"\x30" + bytes([len(algorithm) + len(bits)]) + algorithm + bits
    assert sm2.public_key_from_spki(spki) == point
    p256 = keys.PublicKeyInfo({
        "algorithm": {"algorithm": "ec",
                      "parameters": keys.ECDomainParameters(name="named", value="secp256r1")},
        "public_key": b"\x04" + point,
    })
    assert sm2.public_key_from_spki(p256.dump()) is None
    assert sm2.public_key_from_spki(b"\x30\x03garbage") is None
