"""Signature schemes: how a digest algorithm and a key type become a PKCS#11 mechanism call.

Kept as data so a token that lacks e.g. ``CKM_SHA256_RSA_PKCS`` can be switched to raw
``CKM_RSA_PKCS`` with a DigestInfo prefix, and so SM2/SM3 (vendor mechanisms) can be added as new
schemes without touching the signer or the verifier.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

from pkcs11 import Mechanism
from pkcs11.util.ec import encode_ecdsa_signature

from cgn_seal_desktop.ukey.errors import MechanismNotSupportedError

__all__ = ["SCHEMES", "SignatureScheme", "finish_output", "prepare_input", "scheme_for",
           "vendor_number"]

# DER DigestInfo prefixes (RFC 8017 §9.2 note 1), for tokens that only offer raw CKM_RSA_PKCS.
_DIGEST_INFO = {
    "sha256": bytes.fromhex("3031300d060960864801650304020105000420"),
    "sha384": bytes.fromhex("3041300d060960864801650304020205000430"),
    "sha512": bytes.fromhex("3051300d060960864801650304020305000440"),
}


@dataclass(frozen=True)
class SignatureScheme:
    """One way of producing a CMS signature value with a token key.

    :param prehash: hash in software and give the token the digest (or DigestInfo) only.
    :param output: ``raw`` returns token bytes as-is; ``ecdsa_der`` turns r||s into DER.
    :param vendor: the mechanism is vendor-defined: its number is the module table's
        ``vendor_mechanisms[vendor]`` (``mechanism`` is unused), and it is called through
        ``ukey.pkcs11.vendor``.
    :param sm2_e: give the token e = SM3(Z ‖ M) (Z of the certificate's key, default signer ID)
        instead of the message.
    """

    name: str
    key_type: Literal["rsa", "ec", "sm2"]
    digest: str
    mechanism: int
    prehash: bool
    digest_info: bool = False
    output: Literal["raw", "ecdsa_der"] = "raw"
    vendor: str = ""
    sm2_e: bool = False


SCHEMES: dict[str, SignatureScheme] = {
    s.name: s
    for s in (
        SignatureScheme("SHA256_RSA_PKCS", "rsa", "sha256", Mechanism.SHA256_RSA_PKCS, False),
        SignatureScheme("SHA384_RSA_PKCS", "rsa", "sha384", Mechanism.SHA384_RSA_PKCS, False),
        SignatureScheme("SHA512_RSA_PKCS", "rsa", "sha512", Mechanism.SHA512_RSA_PKCS, False),
        SignatureScheme(
            "RSA_PKCS+SHA256", "rsa", "sha256", Mechanism.RSA_PKCS, True, digest_info=True
        ),
        SignatureScheme("ECDSA+SHA256", "ec", "sha256", Mechanism.ECDSA, True, output="ecdsa_der"),
        SignatureScheme("ECDSA+SHA384", "ec", "sha384", Mechanism.ECDSA, True, output="ecdsa_der"),
        # Vendor SM2 mechanisms (numbers differ per vendor: module table vendor_mechanisms).
        # SM3_SM2: the token computes Z (default ID) and SM3 itself, returns r||s.
        SignatureScheme("SM3_SM2", "sm2", "sm3", 0, False, output="ecdsa_der", vendor="SM3_SM2"),
        # SM3_SM2_DER: the same, returning DER.
        SignatureScheme("SM3_SM2_DER", "sm2", "sm3", 0, False, vendor="SM3_SM2_DER"),
        # SM2_SIGN: the token signs the 32-byte e we compute, returns r||s.
        SignatureScheme("SM2_SIGN", "sm2", "sm3", 0, False, output="ecdsa_der",
                        vendor="SM2_SIGN", sm2_e=True),
    )
}

_DEFAULTS = {("rsa", "sha256"): "SHA256_RSA_PKCS", ("rsa", "sha384"): "SHA384_RSA_PKCS",
             ("rsa", "sha512"): "SHA512_RSA_PKCS", ("ec", "sha256"): "ECDSA+SHA256",
             ("ec", "sha384"): "ECDSA+SHA384"}


def scheme_for(key_type: str, digest: str, override: str | None = None) -> SignatureScheme:
    """Pick the scheme for *key_type*/*digest*, honouring a per-module *override* name."""
    name = override or _DEFAULTS.get((key_type, digest))
    scheme = SCHEMES.get(name or "")
    if scheme is None or scheme.key_type != key_type or scheme.digest != digest:
        hint = " (the module table names no SM2 mechanism for this driver)" if (
            key_type == "sm2" and not override) else ""
        raise MechanismNotSupportedError(
            f"No signature mechanism for a {key_type} key with {digest}"
            + (f" (configured: {override})" if override else "") + hint
        )
    return scheme


def vendor_number(scheme: SignatureScheme, numbers: dict[str, str]) -> int:
    """The module table's number for a vendor *scheme* ("0x80008100" or decimal)."""
    text = numbers.get(scheme.vendor, "")
    try:
        return int(text, 0)
    except ValueError:
        raise MechanismNotSupportedError(
            f"The module table gives no number for the vendor mechanism {scheme.vendor}"
        ) from None


def prepare_input(scheme: SignatureScheme, data: bytes) -> bytes:
    """What to hand to ``C_Sign`` for *data* under *scheme*."""
    if not scheme.prehash:
        return data
    digest = hashlib.new(scheme.digest, data).digest()
    if scheme.digest_info:
        return _DIGEST_INFO[scheme.digest] + digest
    return digest


def finish_output(scheme: SignatureScheme, raw: bytes) -> bytes:
    """Turn the token's signature bytes into what CMS expects."""
    if scheme.output == "ecdsa_der":
        return bytes(encode_ecdsa_signature(raw))
    return raw
