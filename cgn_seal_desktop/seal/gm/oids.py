"""Object identifiers of the Chinese commercial cryptography standards (GM/T 0006, GM/T 0010).

:func:`register` teaches asn1crypto the SM2/SM3 algorithms, the SM2 curve and the GM/T 0010
content types. The GM content types are *aliases* of the PKCS#7 ones (``data``,
``signed_data``) when parsing, so pyHanko and our own code read both families the same way;
encoding a name still gives the PKCS#7 OID (the reverse maps are pinned to it).
"""

from __future__ import annotations

import threading

__all__ = [
    "GM_DATA",
    "GM_SIGNED_DATA",
    "SM2_CURVE",
    "SM2_SIGN",
    "SM2_SM3",
    "SM3",
    "SM3_WITH_SM2_NAMES",
    "algorithm_label",
    "register",
]

SM3 = "1.2.156.10197.1.401"  # digest
SM2_SM3 = "1.2.156.10197.1.501"  # signature: SM2 with SM3 (GM/T 0006)
SM2_SIGN = "1.2.156.10197.1.301.1"  # signature: SM2-1 (GM/T 0010 writes this for SM2-with-SM3)
SM2_CURVE = "1.2.156.10197.1.301"  # the SM2 curve (public key parameters)
GM_DATA = "1.2.156.10197.6.1.4.2.1"  # GM/T 0010 data
GM_SIGNED_DATA = "1.2.156.10197.6.1.4.2.2"  # GM/T 0010 signedData

#: asn1crypto names of the signature algorithms that mean SM2 with SM3.
SM3_WITH_SM2_NAMES = frozenset({"sm2_sm3", "sm2_sign"})

_lock = threading.Lock()
_done = False


def _alias(map_cls: type, oid: str, name: str) -> None:
    """Parse *oid* as *name* without changing which OID *name* encodes to."""
    current = map_cls._reverse_map  # type: ignore[attr-defined]
    reverse = dict(current) if current is not None else {
        v: k for k, v in map_cls._map.items()}  # type: ignore[attr-defined]
    standard = reverse.get(name)
    map_cls._map[oid] = name  # type: ignore[attr-defined]
    reverse[name] = standard or oid
    map_cls._reverse_map = reverse  # type: ignore[attr-defined]


def _add(map_cls: type, oid: str, name: str) -> None:
    map_cls._map[oid] = name  # type: ignore[attr-defined]
    if map_cls._reverse_map is not None:  # type: ignore[attr-defined]
        map_cls._reverse_map[name] = oid  # type: ignore[attr-defined]


def register() -> None:
    """Register the GM OIDs with asn1crypto (idempotent, thread-safe)."""
    global _done
    if _done:
        return
    with _lock:
        if _done:
            return
        from asn1crypto import algos, cms, keys

        _add(algos.DigestAlgorithmId, SM3, "sm3")
        _add(algos.SignedDigestAlgorithmId, SM2_SM3, "sm2_sm3")
        _add(algos.SignedDigestAlgorithmId, SM2_SIGN, "sm2_sign")
        if SM2_CURVE not in keys.NamedCurve._map:
            keys.NamedCurve.register("sm2p256v1", SM2_CURVE, 32)
        # GM/T 0010 content types parse as their PKCS#7 twins.
        _alias(cms.ContentType, GM_DATA, "data")
        _alias(cms.ContentType, GM_SIGNED_DATA, "signed_data")
        _done = True


_LABELS = {
    "sm2_sm3": "SM2-SM3", "sm2_sign": "SM2-SM3",
    "sha256_rsa": "RSA-SHA256", "sha384_rsa": "RSA-SHA384", "sha512_rsa": "RSA-SHA512",
    "sha1_rsa": "RSA-SHA1", "md5_rsa": "RSA-MD5", "rsassa_pss": "RSA-PSS",
    "sha256_ecdsa": "ECDSA-SHA256", "sha384_ecdsa": "ECDSA-SHA384",
    "sha512_ecdsa": "ECDSA-SHA512", "sha1_ecdsa": "ECDSA-SHA1",
    "ed25519": "Ed25519", "ed448": "Ed448",
}
_KEY_LABELS = {"rsa": "RSA", "rsassa_pkcs1v15": "RSA", "ecdsa": "ECDSA", "ec": "ECDSA",
               "dsa": "DSA"}


def algorithm_label(signature_algorithm: str | None, digest: str | None,
                    *, sm2_key: bool = False) -> str | None:
    """A short name like ``SM2-SM3``, ``RSA-SHA256`` or ``ECDSA-SHA256`` for the report.

    CMS often names only the key type (``rsassa_pkcs1v15``, ``ecdsa``) and gives the digest
    separately; an EC key on the SM2 curve with SM3 is SM2 whatever the OID says.
    """
    if signature_algorithm in _LABELS:
        return _LABELS[signature_algorithm]
    if sm2_key and (digest in (None, "sm3")):
        return "SM2-SM3"
    key = _KEY_LABELS.get(signature_algorithm or "")
    if key and digest:
        return f"{key}-{digest.upper()}"
    if signature_algorithm and digest:
        return f"{signature_algorithm}-{digest}".upper()
    return signature_algorithm
