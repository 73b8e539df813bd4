"""SM2 seals in CMS: the OIDs pyHanko must know to write them, and the two container formats.

``pkcs7`` (the default): PKCS#7/CMS content types (``signedData`` 1.2.840.113549.1.7.2,
``data``), digest SM3 (1.2.156.10197.1.401), signature SM2-with-SM3 (1.2.156.10197.1.501).
``gm``: the GM/T 0010 (GB/T 35275) content types 1.2.156.10197.6.1.4.2.2 / .2.1, with the
signature algorithm written as SM2-1 (1.2.156.10197.1.301.1), as GmSSL 3 and some Chinese
toolkits write it. The README says why ``pkcs7`` is the default.

The OIDs and their registration with asn1crypto are ``seal.gm.oids`` (shared with the
verifier, which reads the GM content types as aliases of the PKCS#7 ones); the GM content types
are written here as plain dotted OIDs.
"""

from __future__ import annotations

from typing import Literal

from cgn_seal_desktop.seal.gm.oids import (
    GM_DATA,
    GM_SIGNED_DATA,
    SM2_SIGN,
    SM2_SM3,
    SM3,
    register,
)

__all__ = ["FORMATS", "GM_DATA", "GM_SIGNED_DATA", "SM2_SIGN", "SM2_SM3", "SM3", "Sm2Format",
           "apply_format", "register", "signature_mechanism_name"]

Sm2Format = Literal["pkcs7", "gm"]
FORMATS: tuple[str, ...] = ("pkcs7", "gm")


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
