"""SM2 for pyHanko: a signature validator that checks SM2 signatures and defers the rest.

pyhanko-certvalidator hands every cryptographic check (certificate signatures and CMS
signatures) to ``ValidationContext.sig_validator``; with this one, pyHanko's chain building,
integrity checks and PDF difference analysis work unchanged for SM2 seals. When a CMS has no
signed attributes, SM2 signs the content itself (the Z value comes first, so a digest cannot
stand in for it); pyHanko only passes the content's digest, so a *content lookup* maps that
digest back to the signed bytes.
"""

from __future__ import annotations

from collections.abc import Callable

from asn1crypto import algos, keys
from cryptography.exceptions import InvalidSignature
from pyhanko_certvalidator.sig_validate import (
    DEFAULT_VALIDATION_CONTEXT,
    DefaultSignatureValidator,
    SignatureValidationContext,
    SignatureValidator,
)

from cgn_seal_desktop.seal.gm import oids, sm2

__all__ = ["ContentLookup", "Sm2SignatureValidator"]

#: Given a digest pyHanko computed, the bytes it was computed over (None if unknown).
ContentLookup = Callable[[bytes], bytes | None]


def _is_sm2(public_key_info: keys.PublicKeyInfo, algorithm: algos.SignedDigestAlgorithm) -> bool:
    try:
        name = algorithm["algorithm"].native
    except (ValueError, KeyError):
        name = None
    return name in oids.SM3_WITH_SM2_NAMES or sm2.is_sm2_public_key(public_key_info)


class Sm2SignatureValidator(SignatureValidator):
    """SM2-with-SM3 (default signer ID) here; RSA, ECDSA and the others in pyHanko's default."""

    def __init__(self, content_lookup: ContentLookup | None = None) -> None:
        oids.register()
        self._content_lookup = content_lookup
        self._default = DefaultSignatureValidator()

    def validate_signature(
        self,
        signature: bytes,
        signed_data: bytes,
        public_key_info: keys.PublicKeyInfo,
        signature_algorithm: algos.SignedDigestAlgorithm,
        context: SignatureValidationContext = DEFAULT_VALIDATION_CONTEXT,
    ) -> None:
        if not _is_sm2(public_key_info, signature_algorithm):
            self._default.validate_signature(signature, signed_data, public_key_info,
                                             signature_algorithm, context)
            return
        key = sm2.public_key_bytes(public_key_info)
        if key is None:
            raise InvalidSignature("not an SM2 public key")
        if not context.prehashed:
            if sm2.verify(key, signed_data, signature):
                return
            raise InvalidSignature("SM2 signature does not verify")
        # No signed attributes: the signature is over the content (standard), or, as some
        # tools do it, over its SM3 digest as a message, or over the digest as e (no Z).
        content = self._content_lookup(signed_data) if self._content_lookup else None
        if content is not None and sm2.verify(key, content, signature):
            return
        if sm2.verify(key, signed_data, signature) or \
                sm2.verify(key, signed_data, signature, signer_id=None):
            return
        raise InvalidSignature("SM2 signature does not verify")
