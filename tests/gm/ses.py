"""GB/T 38540 (v4) and GM/T 0031 (v1) electronic seals and seal signatures, written by hand.

:func:`make_seal` is what a seal maker (制章者) produces: the seal picture and properties, bound
to the signers' certificates, signed with the maker's key. :func:`sign_seal` is what a signing
tool produces when a supplier applies that seal: TBS_Sign over the data hash, signed with the
signer's key. The structures follow ofdrw's ofdrw-gm ``ses`` classes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from cgn_seal_desktop.seal.gm import oids, sm2
from tests.gm import asn1
from tests.gm.pki import NOW, Sm2Issued


def seal_picture(text: str = "测试") -> bytes:
    """A small red round seal picture (PNG)."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=120, height=120)
    page.draw_circle((60, 60), 50, color=(0.8, 0, 0), width=4)
    page.insert_text((30, 68), text, fontname="china-s", fontsize=22, color=(0.8, 0, 0))
    png = page.get_pixmap(dpi=72).tobytes("png")
    doc.close()
    return bytes(png)


def make_seal(maker: Sm2Issued, signers: Sequence[Sm2Issued], *, version: int = 4,
              name: str = "深圳市国密测试供应商有限公司合同专用章", esid: str = "4403000000001",
              seal_type: int = 1, valid_from: dt.datetime | None = None,
              valid_to: dt.datetime | None = None, picture: bytes | None = None,
              picture_type: str = "PNG", cert_digests: bool = False,
              vendor: str = "CGNTEST") -> bytes:
    """An SESeal (v4 layout for version 4/5, GM/T 0031 layout for version 1)."""
    valid_from = valid_from or NOW - dt.timedelta(days=365)
    valid_to = valid_to or NOW + dt.timedelta(days=365)
    header = asn1.seq(asn1.ia5("ES"), asn1.integer(version), asn1.ia5(vendor))
    pic = asn1.seq(asn1.ia5(picture_type), asn1.octets(picture or seal_picture()),
                   asn1.integer(40), asn1.integer(40))
    if version == 1:
        time = asn1.utc_time
        cert_list = asn1.seq(*(asn1.octets(s.cert_der) for s in signers))
        prop = asn1.seq(asn1.integer(seal_type), asn1.utf8(name), cert_list,
                        time(valid_from), time(valid_from), time(valid_to))
    else:
        time = asn1.gen_time
        if cert_digests:
            entries = [asn1.seq(asn1.printable("sm3"), asn1.octets(sm2.sm3(s.cert_der)))
                       for s in signers]
        else:
            entries = [asn1.octets(s.cert_der) for s in signers]
        prop = asn1.seq(asn1.integer(seal_type), asn1.utf8(name),
                        asn1.integer(2 if cert_digests else 1), asn1.seq(*entries),
                        time(valid_from), time(valid_from), time(valid_to))
    info = asn1.seq(header, asn1.ia5(esid), prop, pic)
    cert, alg = asn1.octets(maker.cert_der), asn1.oid(oids.SM2_SM3)
    if version == 1:
        value = maker.key.sign(asn1.seq(info, cert, alg))
        return asn1.seq(info, asn1.seq(cert, alg, asn1.bits(value)))
    return asn1.seq(info, cert, alg, asn1.bits(maker.key.sign(info)))


def sign_seal(seal: bytes, signer: Sm2Issued, data_hash: bytes, *, version: int = 4,
              when: dt.datetime | None = None, property_info: str = "/Doc_0/Signs",
              raw_signature: bool = False, timestamp: bytes | None = None) -> bytes:
    """An SES_Signature applying *seal* over *data_hash* (v1 or v4 structure)."""
    when = when or dt.datetime.now(dt.UTC).replace(microsecond=0)
    sign = signer.key.sign_raw if raw_signature else signer.key.sign
    cert, alg = asn1.octets(signer.cert_der), asn1.oid(oids.SM2_SM3)
    if version == 1:
        tbs = asn1.seq(asn1.integer(1), seal, asn1.bits(when.strftime("%Y%m%d%H%M%SZ").encode()),
                       asn1.bits(data_hash), asn1.ia5(property_info), cert, alg)
        return asn1.seq(tbs, asn1.bits(sign(tbs)))
    tbs = asn1.seq(asn1.integer(version), seal, asn1.gen_time(when), asn1.bits(data_hash),
                   asn1.ia5(property_info))
    parts = [tbs, cert, alg, asn1.bits(sign(tbs))]
    if timestamp is not None:
        parts.append(asn1.explicit(0, asn1.bits(timestamp)))
    return asn1.seq(*parts)


