"""SM2 signatures (GB/T 32918, GM/T 0003/0009) verified with GmSSL.

The signer ID defaults to ``1234567812345678`` (GM/T 0009) unless a caller knows better. SM3,
the Z value and e = SM3(Z ‖ M) come from ``ukey.sm2`` (the same code the UKEY side signs with),
computed in the open so that what is hashed is plain to read; the curve arithmetic is GmSSL's
(``gmssl-pyx``). Signatures are accepted DER-encoded (SEQUENCE of r, s) or raw (64 bytes r‖s),
as Chinese tools write both.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

# The curve, SM3, Z and e are shared with the token side (seal may use ukey, not the reverse).
from cgn_seal_desktop.ukey.sm2 import (
    DEFAULT_SIGNER_ID,
    SM2_A,
    SM2_B,
    SM2_N,
    SM2_P,
    Sm3Hasher,
    der_signature,
    sm3,
    sm3_hasher,
    z_value,
)
from cgn_seal_desktop.ukey.sm2 import digest_to_sign as digest_for_signature

if TYPE_CHECKING:
    from asn1crypto import keys

__all__ = [
    "DEFAULT_SIGNER_ID",
    "SM2_B",
    "SM2_P",
    "Sm3Hasher",
    "digest_for_signature",
    "is_sm2_public_key",
    "public_key_bytes",
    "sign",
    "sm3",
    "sm3_hasher",
    "split_signature",
    "to_der_signature",
    "verify",
    "z_value",
]

_stderr_lock = threading.Lock()


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """GmSSL prints a trace to the C stderr when a signature does not verify; a tampered file
    is an expected outcome here, not an error to print, so fd 2 is muted during the call."""
    with _stderr_lock:
        try:
            sys.stderr.flush()
            saved = os.dup(2)
        except (OSError, ValueError, AttributeError):
            yield
            return
        try:
            with open(os.devnull, "wb") as null:
                os.dup2(null.fileno(), 2)
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def split_signature(signature: bytes) -> tuple[int, int] | None:
    """(r, s) from a DER SEQUENCE or a raw 64-byte r‖s; None if neither."""
    if len(signature) == 64:
        return int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
    from cgn_seal_desktop.seal.gm import der

    try:
        items = der.read(signature).sequence()
        if len(items) != 2:
            return None
        r, s = items[0].integer(), items[1].integer()
    except der.DerError:
        return None
    if not isinstance(r, int) or not isinstance(s, int):
        return None
    return r, s


def to_der_signature(r: int, s: int) -> bytes:
    """DER SEQUENCE { r INTEGER, s INTEGER }."""
    return der_signature(r, s)


def _on_curve(public_key: bytes) -> bool:
    x, y = int.from_bytes(public_key[:32], "big"), int.from_bytes(public_key[32:], "big")
    if not (0 <= x < SM2_P and 0 <= y < SM2_P):
        return False
    return (y * y - (x * x * x + SM2_A * x + SM2_B)) % SM2_P == 0


def verify(public_key: bytes, message: bytes, signature: bytes, *,
           signer_id: bytes | None = DEFAULT_SIGNER_ID) -> bool:
    """True when *signature* (DER or raw r‖s) is *public_key*'s SM2 signature over *message*.

    *public_key* is 64 bytes x‖y (or 65 with the 0x04 prefix). With ``signer_id=None`` the
    message is taken as the 32-byte digest e itself (no Z value), as a few tools sign.
    Never raises for malformed input: it is simply not a valid signature.
    """
    if len(public_key) == 65 and public_key[0] == 4:
        public_key = public_key[1:]
    if len(public_key) != 64 or not _on_curve(public_key):
        return False
    rs = split_signature(signature)
    if rs is None:
        return False
    r, s = rs
    if not (1 <= r < SM2_N and 1 <= s < SM2_N):
        return False
    if signer_id is None:
        if len(message) != 32:
            return False
        e = message
    else:
        e = digest_for_signature(public_key, message, signer_id)
    from gmssl_pyx import GmsslInnerError, sm2_verify_sm3_digest

    try:
        with _quiet_stderr():
            return bool(sm2_verify_sm3_digest(public_key, e, to_der_signature(r, s)))
    except (GmsslInnerError, ValueError, TypeError):
        return False


def sign(private_key: bytes, public_key: bytes, message: bytes, *,
         signer_id: bytes = DEFAULT_SIGNER_ID) -> bytes:
    """A DER SM2 signature over *message* (for the self-test and test fixtures; the product
    signs on the UKEY)."""
    from gmssl_pyx import sm2_sign_sm3_digest

    if len(public_key) == 65:
        public_key = public_key[1:]
    return bytes(sm2_sign_sm3_digest(private_key,
                                     digest_for_signature(public_key, message, signer_id)))


def is_sm2_public_key(info: keys.PublicKeyInfo) -> bool:
    """True for an EC public key on the SM2 curve (or the SM2 algorithm OID some CAs use)."""
    from cgn_seal_desktop.seal.gm import oids

    oids.register()
    try:
        alg = info["algorithm"]
        algorithm = alg["algorithm"].dotted
        if algorithm == oids.SM2_CURVE:
            return True
        params = alg["parameters"]
        return algorithm == "1.2.840.10045.2.1" and getattr(params, "chosen", None) is not None \
            and params.chosen.dotted == oids.SM2_CURVE
    except (ValueError, TypeError, KeyError, AttributeError):
        return False


def public_key_bytes(info: keys.PublicKeyInfo) -> bytes | None:
    """The 64-byte x‖y of an SM2 public key (None if it is not one or cannot be read)."""
    from cgn_seal_desktop.ukey.sm2 import public_key_from_spki

    try:
        return public_key_from_spki(info.dump())
    except (ValueError, TypeError):
        return None
