"""SM2 seals in CMS: the OIDs pyHanko must know to write them, and the two container formats.

``pkcs7`` (the default): PKCS#7/CMS content types (``signedData`` 1.2.840.113549.1.7.2,
``data``), digest SM3 (1.2.156.10197.1.401), signature SM2-with-SM3 (1.2.156.10197.1.501).
``gm``: the GM/T 0010 (GB/T 35275) content types 1.2.156.10197.6.1.4.2.2 / .2.1, with the
signature algorithm written as SM2-1 (1.2.156.10197.1.301.1), as GmSSL 3 and some Chinese
toolkits write it. The README says why ``pkcs7`` is the default.

The names registered with asn1crypto (``sm3``, ``sm2_sm3``, ``sm2_sign``, curve ``sm2p256v1``)
are the ones the SM2 verifier uses, so registering twice is harmless. The GM content types are
never registered here: they are written as plain dotted OIDs.
"""

from __future__ import annotations

import threading
from typing import Literal

__all__ = ["FORMATS", "GM_DATA", "GM_SIGNED_DATA", "SM2_SIGN", "SM2_SM3", "SM3", "Sm2Format",
           "apply_format", "register", "signature_mechanism_name"]

SM3 = "1.2.156.10197.1.401"
SM2_SM3 = "1.2.156.10197.1.501"
SM2_SIGN = "1.2.156.10197.1.301.1"
SM2_CURVE = "1.2.156.10197.1.301"
GM_DATA = "1.2.156.10197.6.1.4.2.1"
GM_SIGNED_DATA = "1.2.156.10197.6.1.4.2.2"

Sm2Format = Literal["pkcs7", "gm"]
FORMATS: tuple[str, ...] = ("pkcs7", "gm")

_lock = threading.Lock()
_done = False


def _add(map_cls: type, oid: str, name: str) -> None:
    mapping = map_cls._map  # type: ignore[attr-defined]
    if oid in mapping:
        return
    mapping[oid] = name
    if map_cls._reverse_map is not None:  # type: ignore[attr-defined]
        map_cls._reverse_map[name] = oid  # type: ignore[attr-defined]


def register() -> None:
    """Teach asn1crypto the SM3 digest, the SM2 signature algorithms and curve (idempotent)."""
    global _done
    if _done:
        return
    with _lock:
        if _done:
            return
        from asn1crypto import algos, keys

        _add(algos.DigestAlgorithmId, SM3, "sm3")
        _add(algos.SignedDigestAlgorithmId, SM2_SM3, "sm2_sm3")
        _add(algos.SignedDigestAlgorithmId, SM2_SIGN, "sm2_sign")
        if SM2_CURVE not in keys.NamedCurve._map:
            keys.NamedCurve.register("sm2p256v1", SM2_CURVE, 32)
        _done = True


def signature_mechanism_name(fmt: str) -> str:
    """The asn1crypto name of the SignerInfo signature algorithm for *fmt*."""
    return "sm2_sign" if fmt == "gm" else "sm2_sm3"


def gm_content_type_attr(signed_attrs: object) -> object:
    """*signed_attrs* (``cms.CMSAttributes``) with the content-type attribute set to GM/T 0010
    ``data``: it is signed, so it must be right before the signature is made."""
    from asn1crypto import cms

    attrs = []
    for attr in signed_attrs:  # type: ignore[attr-defined]
        if attr["type"].native == "content_type":
            attr = cms.CMSAttribute({"type": "content_type",
                                     "values": [cms.ContentType(GM_DATA)]})
        attrs.append(attr)
    return cms.CMSAttributes(attrs)


def apply_format(content_info: object, fmt: str) -> object:
    """The finished ``ContentInfo`` in container format *fmt* (the content types are not
    signed, so they can be set after signing)."""
    if fmt != "gm":
        return content_info
    from asn1crypto import cms

    ci: cms.ContentInfo = content_info
    signed = ci["content"]
    signed["encap_content_info"]["content_type"] = cms.ContentType(GM_DATA)
    return cms.ContentInfo({"content_type": cms.ContentType(GM_SIGNED_DATA), "content": signed})
