"""GB/T 38540 (SES v4, v5) and GM/T 0031 (SES v1) electronic seal signatures.

Structure (after the ASN.1 of GM/T 0031-2014 and GB/T 38540-2020, as in ofdrw's ``ofdrw-gm``):

- v1 ``SES_Signature ::= SEQUENCE { toSign TBS_Sign, signature BIT STRING }`` with
  ``TBS_Sign ::= SEQUENCE { version, eseal SESeal, timeInfo BIT STRING, dataHash BIT STRING,
  propertyInfo IA5String, cert OCTET STRING, signatureAlgorithm OID }`` and
  ``SESeal ::= SEQUENCE { esealInfo SES_SealInfo, signInfo SEQUENCE { cert OCTET STRING,
  signatureAlgorithm OID, signData BIT STRING } }``. The maker signs
  SEQUENCE { esealInfo, cert, signatureAlgorithm }.
- v4 ``SES_Signature ::= SEQUENCE { toSign TBS_Sign, cert OCTET STRING, signatureAlgID OID,
  signature BIT STRING, timeStamp [0] BIT STRING OPTIONAL }`` with ``TBS_Sign ::= SEQUENCE {
  version, eseal SESeal, timeInfo GeneralizedTime, dataHash BIT STRING, propertyInfo IA5String,
  extDatas [0] OPTIONAL }`` and ``SESeal ::= SEQUENCE { esealInfo, cert OCTET STRING, signAlgID
  OID, signedValue BIT STRING }``; the maker signs esealInfo. v5 has the same shape.
- ``SES_SealInfo ::= SEQUENCE { header SEQUENCE { id IA5 "ES", version, vid IA5 }, esID IA5,
  property SES_ESPropertyInfo, picture SEQUENCE { type IA5, data OCTET STRING, width, height },
  extDatas OPTIONAL }``; v1 property ``{ type, name UTF8, certList SEQUENCE OF OCTET STRING,
  createDate, validStart, validEnd UTCTime }``, v4 ``{ type, name, certListType INTEGER,
  certList (certificates, or digests SEQUENCE { type PrintableString, value OCTET STRING }),
  createDate, validStart, validEnd GeneralizedTime }``.

The signer's signature is over the encoded TBS_Sign, ``dataHash`` is the digest (SM3) of what
was sealed: the bytes of a PDF's ByteRange, or an OFD seal's Signature.xml.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime

from cgn_seal_desktop.seal.gm import certs, der, sm2
from cgn_seal_desktop.seal.gm.outcome import check_trust, fill_signer, iso
from cgn_seal_desktop.seal.report import SealInfo, SignatureReport

__all__ = ["SesSeal", "SesSignature", "looks_like_ses", "parse", "verify"]

_PICTURES = {"PNG", "JPG", "JPEG", "GIF", "BMP"}
_MAGIC = {b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPG", b"GIF8": "GIF", b"BM": "BMP"}


@dataclass(frozen=True)
class SesSeal:
    """The electronic seal (SESeal) inside a seal signature."""

    header_version: int
    vendor: str
    esid: str
    seal_type: int | None
    name: str
    certs: tuple[bytes, ...]  # signers' certificates the seal is bound to (certListType 1)
    cert_digests: tuple[tuple[str, bytes], ...]  # or their digests (certListType 2)
    created: datetime | None
    valid_start: datetime | None
    valid_end: datetime | None
    picture_type: str
    picture: bytes = field(repr=False)
    width_mm: int | None
    height_mm: int | None
    maker_cert: bytes = field(repr=False)
    maker_algorithm: str
    maker_signature: bytes = field(repr=False)
    maker_signed: bytes = field(repr=False)  # the bytes the maker's signature is over
    raw: bytes = field(repr=False)


@dataclass(frozen=True)
class SesSignature:
    """A parsed SES_Signature (``structure`` 1 for GM/T 0031, 4 for GB/T 38540)."""

    structure: int
    seal: SesSeal
    time: datetime | None
    data_hash: bytes
    property_info: str
    signer_cert: bytes = field(repr=False)
    algorithm: str
    signature: bytes = field(repr=False)
    tbs: bytes = field(repr=False)
    timestamp: bytes | None = field(repr=False, default=None)

    @property
    def format(self) -> str:
        version = self.seal.header_version if self.structure == 4 else 1
        return f"ses-v{version if version in (4, 5) else self.structure}"


def looks_like_ses(data: bytes) -> bool:
    """Whether *data* starts like an SES_Signature (a SEQUENCE whose first element is a
    SEQUENCE starting with an INTEGER) rather than a CMS ContentInfo (starts with an OID)."""
    try:
        first = der.read_first(data)
        inner = first.sequence(2)
        return inner[0].is_(der.SEQUENCE) and inner[0].sequence(1)[0].is_(der.INTEGER)
    except der.DerError:
        return False


def _time_from_bits(tlv: der.Tlv) -> datetime | None:
    """v1 timeInfo: a BIT/OCTET STRING holding a time (text or DER), or a time itself."""
    try:
        return tlv.time()
    except der.DerError:
        pass
    try:
        raw = tlv.octets()
    except der.DerError:
        return None
    try:
        return der.read(raw).time()
    except der.DerError:
        pass
    text = raw.decode("ascii", errors="replace").strip()
    for fmt in ("%Y%m%d%H%M%SZ", "%y%m%d%H%M%SZ", "%Y-%m-%d %H:%M:%S", "%Y%m%d%H%M%S"):
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def _opt_time(tlv: der.Tlv) -> datetime | None:
    try:
        return tlv.time()
    except der.DerError:
        return None


def _seal_info(info: der.Tlv) -> dict[str, object]:
    items = info.sequence(4)
    header = items[0].sequence(3)
    prop = items[2].sequence(5)
    picture = items[3].sequence(2)
    out: dict[str, object] = {
        "header_version": header[1].integer(), "vendor": header[2].text(),
        "esid": items[1].text(),
        "seal_type": prop[0].integer() if prop[0].is_(der.INTEGER) else None,
        "name": prop[1].text(),
        "picture_type": picture[0].text().strip().upper(), "picture": picture[1].octets(),
        "width_mm": picture[2].integer() if len(picture) > 2 else None,
        "height_mm": picture[3].integer() if len(picture) > 3 else None,
    }
    certs_: list[bytes] = []
    digests: list[tuple[str, bytes]] = []
    if prop[2].is_(der.INTEGER):  # v4: certListType, certList, createDate, validStart, validEnd
        kind = prop[2].integer()
        entries = prop[3].sequence()
        if kind == 2:
            for entry in entries:
                parts = entry.sequence(2)
                digests.append((parts[0].text().strip().lower(), parts[1].octets()))
        else:
            certs_ = [e.octets() for e in entries]
        dates = prop[4:7]
    else:  # v1: certList, createDate, validStart, validEnd
        certs_ = [e.octets() for e in prop[2].sequence()]
        dates = prop[3:6]
    dates = list(dates) + [None] * (3 - len(dates))  # type: ignore[list-item]
    out.update(certs=tuple(certs_), cert_digests=tuple(digests),
               created=_opt_time(dates[0]) if dates[0] else None,
               valid_start=_opt_time(dates[1]) if dates[1] else None,
               valid_end=_opt_time(dates[2]) if dates[2] else None)
    return out


def _seal(tlv: der.Tlv) -> SesSeal:
    if tlv.is_(der.OCTET_STRING):  # some tools wrap the seal in an OCTET STRING
        tlv = der.read(tlv.octets())
    items = tlv.sequence(2)
    info = items[0]
    if len(items) >= 4:  # v4: esealInfo, cert, signAlgID, signedValue
        maker_cert, alg, value = items[1].octets(), items[2].oid(), items[3].octets()
        signed = info.raw
    else:  # v1: esealInfo, signInfo { cert, signatureAlgorithm, signData }
        sign_info = items[1]
        if sign_info.is_(der.BIT_STRING):
            sign_info = der.read(sign_info.octets())
        parts = sign_info.sequence(3)
        maker_cert, alg, value = parts[0].octets(), parts[1].oid(), parts[2].octets()
        body = info.raw + parts[0].raw + parts[1].raw
        signed = b"\x30" + _der_len(len(body)) + body
    return SesSeal(**_seal_info(info), maker_cert=maker_cert,  # type: ignore[arg-type]
                   maker_algorithm=alg, maker_signature=value, maker_signed=signed, raw=tlv.raw)


def _der_len(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def parse(data: bytes) -> SesSignature:
    """Parse an SES_Signature (trailing zero padding, as in a PDF's /Contents, is ignored).

    Raises :class:`der.DerError` when the bytes are not one.
    """
    top = der.read_first(bytes(data))
    if data[len(top.raw):].strip(b"\x00"):
        raise der.DerError("bytes after the end of the seal signature")
    items = top.sequence(2)
    tbs = items[0].sequence(5)
    seal = _seal(tbs[1])
    if len(items) == 2:  # v1
        tbs = items[0].sequence(7)
        return SesSignature(
            structure=1, seal=seal, time=_time_from_bits(tbs[2]), data_hash=tbs[3].octets(),
            property_info=tbs[4].text(), signer_cert=tbs[5].octets(), algorithm=tbs[6].oid(),
            signature=items[1].octets(), tbs=items[0].raw)
    if len(items) < 4:
        raise der.DerError("not an SES_Signature")
    timestamp = None
    if len(items) > 4 and items[4].cls == 2:
        inner = items[4].children()
        timestamp = inner[0].octets() if inner else None
    return SesSignature(
        structure=4, seal=seal, time=_opt_time(tbs[2]), data_hash=tbs[3].octets(),
        property_info=tbs[4].text(), signer_cert=items[1].octets(), algorithm=items[2].oid(),
        signature=items[3].octets(), tbs=items[0].raw, timestamp=timestamp)


def _picture_type(seal: SesSeal) -> str:
    declared = seal.picture_type
    return "JPG" if declared == "JPEG" else declared


def seal_info(seal: SesSeal, maker: certs.CertInfo | None) -> SealInfo:
    return SealInfo(
        name=seal.name, esid=seal.esid, type=seal.seal_type,
        maker=maker.name_text() if maker else "", valid_from=iso(seal.valid_start),
        valid_to=iso(seal.valid_end), picture_type=_picture_type(seal),
        picture_width_mm=seal.width_mm, picture_height_mm=seal.height_mm,
        version=seal.header_version, vendor=seal.vendor, created=iso(seal.created),
        picture=seal.picture)


def _cert_listed(seal: SesSeal, signer_der: bytes) -> bool:
    if signer_der in seal.certs:
        return True
    for kind, value in seal.cert_digests:
        name = {"sm3": "sm3", "sha1": "sha1", "sha-1": "sha1", "sha256": "sha256",
                "sha-256": "sha256"}.get(kind.replace(" ", ""))
        if name == "sm3" and sm2.sm3(signer_der) == value:
            return True
        if name in ("sha1", "sha256") and hashlib.new(name, signer_der).digest() == value:
            return True
    return not seal.certs and not seal.cert_digests  # an empty list binds nobody: not checked


def verify(sig: SesSignature, actual_hash: bytes, store: object, rep: SignatureReport, *,
           hash_what: str = "the sealed content") -> None:
    """Check *sig* and record the result in *rep* (status, findings, seal, signer, trust).

    *actual_hash* is the SM3 digest of what was sealed, to compare with ``dataHash``.
    """
    from cgn_seal_desktop.seal.trust import TrustStore

    assert isinstance(store, TrustStore)
    rep.format = sig.format
    rep.algorithm = certs.algorithm_label(sig.algorithm)
    rep.signature_algorithm = sig.algorithm
    rep.digest_algorithm = "sm3"
    rep.signing_time = iso(sig.time)
    rep.status = "valid"  # each problem below lowers it
    try:
        signer = certs.read_certificate(sig.signer_cert)
    except der.DerError:
        rep.worsen("invalid")
        rep.note("malformed_signature", "The signer's certificate in the seal cannot be read")
        return
    fill_signer(rep, signer)
    maker: certs.CertInfo | None = None
    try:
        maker = certs.read_certificate(sig.seal.maker_cert)
    except der.DerError:
        rep.note("maker_certificate_unreadable", "The seal maker's certificate cannot be read")
    rep.seal = seal_info(sig.seal, maker)

    signature_ok = certs.verify_signature(signer, sig.algorithm, sig.tbs, sig.signature)
    hash_ok = actual_hash == sig.data_hash
    rep.intact = signature_ok and hash_ok
    if not signature_ok:
        rep.worsen("invalid")
        rep.note("bad_signature", "The signer's signature over the seal data is not valid")
    if not hash_ok:
        rep.worsen("invalid")
        rep.note("digest_mismatch", f"The seal's data hash does not match {hash_what}: "
                 "it was changed after sealing", what=hash_what)
    if maker is None or not certs.verify_signature(maker, sig.seal.maker_algorithm,
                                                   sig.seal.maker_signed,
                                                   sig.seal.maker_signature):
        rep.worsen("invalid")
        rep.note("maker_signature_invalid",
                 "The seal maker's signature over the seal is not valid (the seal was altered "
                 "or not made by its maker)")
    if not _cert_listed(sig.seal, sig.signer_cert):
        rep.worsen("invalid")
        rep.note("signer_not_in_seal",
                 "The signer's certificate is not one the seal was made for")

    moment = sig.time or datetime.now(UTC)
    if sig.time is None:
        rep.note("no_signing_time", "The seal signature has no readable signing time; "
                 "validity is judged now")
    start, end = sig.seal.valid_start, sig.seal.valid_end
    if start is not None and moment < start:
        rep.worsen("expired")
        rep.note("seal_not_yet_valid", "The seal was used before its validity period began",
                 valid_from=iso(start) or "")
    if end is not None and moment > end:
        rep.worsen("expired")
        rep.note("seal_expired", "The seal had expired when it was used",
                 valid_to=iso(end) or "")

    others: list[certs.CertInfo] = []
    for der_bytes in sig.seal.certs:
        try:
            others.append(certs.read_certificate(der_bytes))
        except der.DerError:
            continue
    if maker is not None:
        others.append(maker)
    check_trust(rep, signer, others, store, moment)
    if maker is not None:
        check_trust(rep, maker, others, store, moment, role="maker")
    picture = _picture_type(sig.seal)
    if picture not in _PICTURES:
        rep.note("picture_unsupported",
                 f"The seal picture is in a format that cannot be shown ({picture or '?'})",
                 type=picture)
    else:
        found = next((v for k, v in _MAGIC.items() if sig.seal.picture.startswith(k)), None)
        if found is not None and found != picture:
            rep.note("picture_type_mismatch", f"The seal picture is {found}, not {picture}")
    if sig.timestamp is not None:
        rep.note("timestamp_not_checked",
                 "The seal signature carries a timestamp; the time shown is the signer's")
    if not certs.is_sm2_algorithm(sig.algorithm):
        rep.note("non_sm2_seal", f"The seal is signed with {rep.algorithm}, not SM2")
