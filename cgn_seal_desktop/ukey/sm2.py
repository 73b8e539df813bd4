"""What the token side of an SM2 signature needs: SM3, the signer's Z value, the digest e that
an SKF UKEY signs, and the DER form of (r, s) that CMS carries (GB/T 32918.2, GM/T 0009).

An SKF UKEY's ``SKF_ECCSignData`` signs a 32-byte digest e = SM3(Z ‖ M) computed by the caller,
where Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) binds the signer's public key and ID
(``1234567812345678`` unless a certificate says otherwise). SM3 comes from ``hashlib`` where
its OpenSSL has it, else ``cryptography`` (OpenSSL inside its wheels on every platform). No
signing key ever passes through here. ``seal.gm.sm2`` (verification) builds on these.
"""

from __future__ import annotations

import hashlib
from typing import Protocol

__all__ = [
    "DEFAULT_SIGNER_ID",
    "SM2_A",
    "SM2_B",
    "SM2_GX",
    "SM2_GY",
    "SM2_N",
    "SM2_P",
    "der_signature",
    "digest_to_sign",
    "public_key_from_spki",
    "rs_from_blob",
    "sm3",
    "sm3_hasher",
    "z_value",
]

DEFAULT_SIGNER_ID = b"1234567812345678"


class Sm3Hasher(Protocol):
    def update(self, data: bytes, /) -> None: ...

    def digest(self) -> bytes: ...


# GB/T 32918.5 recommended curve (sm2p256v1).
SM2_P = 0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF
SM2_A = 0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC
SM2_B = 0x28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93
SM2_N = 0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123
SM2_GX = 0x32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7
SM2_GY = 0xBC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0

#: OID of the SM2 curve (as EC parameters) and of SM2 as a key algorithm (some CAs use it).
SM2_CURVE_OID = "1.2.156.10197.1.301"
_EC_PUBLIC_KEY_OID = "1.2.840.10045.2.1"


class _CryptographySm3:
    """``hashlib``-style incremental SM3 over ``cryptography`` (for an OpenSSL without SM3)."""

    def __init__(self) -> None:
        from cryptography.hazmat.primitives import hashes

        self._h = hashes.Hash(hashes.SM3())

    def update(self, data: bytes) -> None:
        self._h.update(data)

    def digest(self) -> bytes:
        return self._h.finalize()


def _hashlib_has_sm3() -> bool:
    try:
        hashlib.new("sm3")
    except ValueError:
        return False
    return True


_HASHLIB_SM3 = _hashlib_has_sm3()


def sm3_hasher() -> Sm3Hasher:
    """A fresh incremental SM3 (``update`` / ``digest``)."""
    return hashlib.new("sm3") if _HASHLIB_SM3 else _CryptographySm3()


def sm3(data: bytes) -> bytes:
    """The SM3 digest of *data* (32 bytes)."""
    h = sm3_hasher()
    h.update(data)
    return h.digest()


def _b32(n: int) -> bytes:
    return n.to_bytes(32, "big")


def z_value(public_key: bytes, signer_id: bytes = DEFAULT_SIGNER_ID) -> bytes:
    """Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) for the 64-byte public key xA‖yA (a
    leading 0x04 is accepted) and *signer_id*."""
    if len(public_key) == 65 and public_key[0] == 4:
        public_key = public_key[1:]
    if len(public_key) != 64:
        raise ValueError("an SM2 public key is 64 bytes x||y")
    if len(signer_id) >= 0x2000:  # ENTL is the ID's length in bits, in two bytes
        raise ValueError("signer ID too long")
    entl = (len(signer_id) * 8).to_bytes(2, "big")
    return sm3(entl + signer_id + _b32(SM2_A) + _b32(SM2_B) + _b32(SM2_GX) + _b32(SM2_GY)
               + public_key)


def digest_to_sign(public_key: bytes, message: bytes,
                   signer_id: bytes = DEFAULT_SIGNER_ID) -> bytes:
    """e = SM3(Z ‖ M): the 32 bytes an SKF UKEY is asked to sign for *message*."""
    return sm3(z_value(public_key, signer_id) + message)


def rs_from_blob(r_field: bytes, s_field: bytes) -> tuple[int, int]:
    """(r, s) from an ECCSIGNATUREBLOB's two 64-byte fields.

    GM/T 0016 puts each value right-aligned (32 leading zero bytes for SM2). A value that only
    fits the order when read left-aligned is taken that way, as a few drivers write it.
    """
    def value(field: bytes) -> int:
        v = int.from_bytes(field, "big")
        if v >= SM2_N and len(field) == 64 and not any(field[32:]):
            v = int.from_bytes(field[:32], "big")
        return v

    r, s = value(r_field), value(s_field)
    if not (1 <= r < SM2_N and 1 <= s < SM2_N):
        raise ValueError("the UKEY returned an SM2 signature outside the curve order")
    return r, s


def _der_int(n: int) -> bytes:
    body = n.to_bytes(n.bit_length() // 8 + 1, "big")  # a leading zero keeps it positive
    return b"\x02" + _der_len(len(body)) + body


def _der_len(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def der_signature(r: int, s: int) -> bytes:
    """DER ``SEQUENCE { r INTEGER, s INTEGER }`` (GM/T 0009 SM2Signature, as CMS carries it)."""
    body = _der_int(r) + _der_int(s)
    return b"\x30" + _der_len(len(body)) + body


def public_key_from_spki(spki_der: bytes) -> bytes | None:
    """The 64-byte x‖y of an SM2 ``SubjectPublicKeyInfo`` (DER), or ``None`` if it is not SM2.

    SM2 keys are EC keys on the SM2 curve (``id-ecPublicKey`` with the curve OID), or, from a few
    CAs, the SM2 OID as the algorithm itself.
    """
    from asn1crypto import core

    # Read generically: asn1crypto's PublicKeyInfo refuses algorithm OIDs it does not know.
    try:
        spki = core.Sequence.load(spki_der, strict=True)
        alg, bits = spki[0], spki[1]
        algorithm = alg[0].dotted
        params = alg[1] if len(alg) > 1 else None
        curve = params.dotted if isinstance(params, core.ObjectIdentifier) else None
        if algorithm != SM2_CURVE_OID and not (
                algorithm == _EC_PUBLIC_KEY_OID and curve == SM2_CURVE_OID):
            return None
        raw = bytes(bits.contents) if isinstance(bits, core.BitString | core.OctetString) \
            else b""
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None
    # BIT STRING contents: the unused-bits byte, then 0x04 ‖ x ‖ y; some CAs write an OCTET
    # STRING (no unused-bits byte) where the BIT STRING is due.
    if len(raw) == 66 and raw[0] == 0 and raw[1] == 4:
        return raw[2:]
    if len(raw) == 65 and raw[0] == 4:
        return raw[1:]
    return None
