"""SM2 CMS SignedData as Chinese signing tools write it, in both OID families.

``family="pkcs7"``: PKCS#7 content types with SM3 / SM2-with-SM3 (1.2.156.10197.1.501);
``family="gm"``: GM/T 0010 content types (1.2.156.10197.6.1.4.2.x) with SM2 1.2.156.10197.1.301.1.
With signed attributes (content type, signing time, message digest) the SM2 signature is over
their DER SET; without, over the content itself. ``raw_signature`` writes r‖s (64 bytes)
instead of a DER SEQUENCE.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from cgn_seal_desktop.seal.gm import oids, sm2
from tests.gm import asn1
from tests.gm.pki import Sm2Issued

PKCS7_DATA, PKCS7_SIGNED = "1.2.840.113549.1.7.1", "1.2.840.113549.1.7.2"

FAMILIES = {
    "pkcs7": (PKCS7_SIGNED, PKCS7_DATA, oids.SM2_SM3),
    "gm": (oids.GM_SIGNED_DATA, oids.GM_DATA, oids.SM2_SIGN),
}


def _issuer_and_serial(cert_der: bytes) -> bytes:
    from cgn_seal_desktop.seal.gm import der

    tbs = der.read(cert_der).sequence()[0].sequence()
    pos = 1 if tbs[0].cls == 2 else 0
    return asn1.seq(tbs[pos + 2].raw, tbs[pos].raw)


def signer_info(content: bytes, signer: Sm2Issued, *, family: str = "pkcs7",
                signed_attrs: bool = True, raw_signature: bool = False,
                signing_time: dt.datetime | None = None) -> bytes:
    """One SignerInfo over *content*."""
    _sd, data_oid, sig_oid = FAMILIES[family]
    digest_alg = asn1.seq(asn1.oid(oids.SM3))
    sign = signer.key.sign_raw if raw_signature else signer.key.sign
    if signed_attrs:
        attrs = [
            asn1.seq(asn1.oid("1.2.840.113549.1.9.3"), asn1.set_of(asn1.oid(data_oid))),
            asn1.seq(asn1.oid("1.2.840.113549.1.9.5"),
                     asn1.set_of(asn1.utc_time(signing_time or dt.datetime.now(dt.UTC)))),
            asn1.seq(asn1.oid("1.2.840.113549.1.9.4"),
                     asn1.set_of(asn1.octets(sm2.sm3(content)))),
        ]
        attr_set = asn1.set_of(*attrs)
        signature = sign(attr_set)
        attrs_field = b"\xa0" + attr_set[1:]  # [0] IMPLICIT SET OF
    else:
        signature = sign(content)
        attrs_field = b""
    return asn1.seq(asn1.integer(1), _issuer_and_serial(signer.cert_der), digest_alg,
                    attrs_field, asn1.seq(asn1.oid(sig_oid)), asn1.octets(signature))


def signed_data(content: bytes, signers: Sequence[Sm2Issued], *, family: str = "pkcs7",
                signed_attrs: bool = True, raw_signature: bool = False,
                with_chain: bool = True, signing_time: dt.datetime | None = None,
                infos: Sequence[bytes] | None = None) -> bytes:
    """A detached ContentInfo(SignedData) with one SignerInfo per signer (or *infos*)."""
    sd_oid, data_oid, _sig = FAMILIES[family]
    certs: list[bytes] = []
    for s in signers:
        for c in (s.cert_der, *(s.chain if with_chain else ())):
            if c not in certs:
                certs.append(c)
    infos = infos if infos is not None else [
        signer_info(content, s, family=family, signed_attrs=signed_attrs,
                    raw_signature=raw_signature, signing_time=signing_time) for s in signers]
    sd = asn1.seq(
        asn1.integer(1), asn1.set_of(asn1.seq(asn1.oid(oids.SM3))),
        asn1.seq(asn1.oid(data_oid)),
        asn1.tlv(0xA0, b"".join(certs)),
        asn1.set_of(*infos),
    )
    return asn1.seq(asn1.oid(sd_oid), asn1.explicit(0, sd))
