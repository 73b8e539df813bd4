"""An SM2 implementation other than the ones the product signs with (OpenSSL in the software
UKEY, GmSSL for the demo root): pure-Python ``gmalg``, used to check signatures in the tests."""

from __future__ import annotations

import gmalg
from asn1crypto import core

SIGNER_ID = b"1234567812345678"


def rs(der_signature: bytes) -> tuple[int, int]:
    seq = core.Sequence.load(der_signature, strict=True)
    assert len(seq) == 2
    return int(seq[0].native), int(seq[1].native)


def verify(public_key: bytes, message: bytes, der_signature: bytes) -> bool:
    """SM2 verification of *der_signature* over *message* (Z with the default signer ID)."""
    r, s = rs(der_signature)
    sm2 = gmalg.SM2(pk=b"\x04" + public_key, uid=SIGNER_ID)
    return bool(sm2.verify(message, r.to_bytes(32, "big"), s.to_bytes(32, "big")))


def sm3(data: bytes) -> bytes:
    h = gmalg.SM3()
    h.update(data)
    return bytes(h.value())
