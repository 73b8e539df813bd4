"""CMS SignedData checked by our own code: the OFD case (a detached signature over an OFD
seal's Signature.xml) in both OID families, SM2 or not.

Several SignerInfos are allowed: the one whose certificate is present and whose signature
verifies is the signer; with signed attributes the message digest must match the content
and the signature is over their DER SET, without them SM2 signs the content itself. PDFs do
not come here: pyHanko checks their CMS (with :mod:`.validator` for SM2).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from cgn_seal_desktop.seal.gm import certs, der, oids, sm2
from cgn_seal_desktop.seal.gm.outcome import check_trust, fill_signer, iso
from cgn_seal_desktop.seal.report import SignatureReport

__all__ = ["CmsSigner", "cms_format", "evaluate", "verify"]

_DIGESTS = {oids.SM3: "sm3", "2.16.840.1.101.3.4.2.1": "sha256",
            "2.16.840.1.101.3.4.2.2": "sha384", "2.16.840.1.101.3.4.2.3": "sha512",
            "1.3.14.3.2.26": "sha1"}
# A key-only signature OID plus the SignerInfo's digest -> the combined algorithm.
_COMBINED = {
    ("1.2.840.113549.1.1.1", "sha256"): "1.2.840.113549.1.1.11",
    ("1.2.840.113549.1.1.1", "sha384"): "1.2.840.113549.1.1.12",
    ("1.2.840.113549.1.1.1", "sha512"): "1.2.840.113549.1.1.13",
    ("1.2.840.113549.1.1.1", "sha1"): "1.2.840.113549.1.1.5",
    ("1.2.840.10045.2.1", "sha256"): "1.2.840.10045.4.3.2",
    ("1.2.840.10045.2.1", "sm3"): oids.SM2_SM3,
    (oids.SM2_CURVE, "sm3"): oids.SM2_SM3,
}
_PKCS7_SIGNED = "1.2.840.113549.1.7.2"


@dataclass(frozen=True)
class CmsSigner:
    """The outcome for the chosen SignerInfo."""

    format: str  # cms | gm-cms
    cert: certs.CertInfo | None
    others: tuple[certs.CertInfo, ...]
    algorithm: str  # dotted, combined with the digest
    digest: str
    digest_ok: bool
    signature_ok: bool
    signing_time: datetime | None
    problem: str = ""  # why nothing could be checked


def cms_format(data: bytes) -> str | None:
    """``cms`` or ``gm-cms`` when *data* starts with a SignedData ContentInfo, else None."""
    try:
        first = der.read_first(data).sequence(1)[0]
        oid = first.oid()
    except der.DerError:
        return None
    return {_PKCS7_SIGNED: "cms", oids.GM_SIGNED_DATA: "gm-cms"}.get(oid)


def _digest(name: str, data: bytes) -> bytes:
    return sm2.sm3(data) if name == "sm3" else hashlib.new(name, data).digest()


def _sid_matches(sid: der.Tlv, cert: certs.CertInfo) -> bool:
    if sid.is_(der.SEQUENCE):  # issuerAndSerialNumber
        try:
            issuer, serial = sid.sequence(2)[:2]
            return serial.integer() == cert.serial and \
                certs.same_name(certs.read_name(issuer), cert.issuer)
        except der.DerError:
            return False
    if sid.cls == 2 and sid.tag == 0:  # subjectKeyIdentifier
        key = cert.sm2_key or cert.spki
        return sid.contents in (hashlib.sha1(key).digest(), hashlib.sha1(b"\x04" + key).digest())
    return False


def _attr(attrs: list[der.Tlv], oid: str) -> der.Tlv | None:
    for attr in attrs:
        parts = attr.sequence(2)
        if parts[0].oid() == oid:
            values = parts[1].children()
            return values[0] if values else None
    return None


def _check_info(info: der.Tlv, content: bytes, cert: certs.CertInfo
                ) -> tuple[str, str, bool, bool, datetime | None]:
    items = info.sequence(5)
    digest_oid = items[2].sequence(1)[0].oid()
    digest = _DIGESTS.get(digest_oid, "")
    pos = 3
    signed_attrs = None
    if items[pos].cls == 2 and items[pos].tag == 0:
        signed_attrs = items[pos]
        pos += 1
    sig_alg = items[pos].sequence(1)[0].oid()
    signature = items[pos + 1].octets()
    algorithm = _COMBINED.get((sig_alg, digest), sig_alg)
    if sig_alg == oids.SM2_SIGN or (cert.sm2_key is not None and digest == "sm3"):
        algorithm = oids.SM2_SM3
    if not digest:
        return algorithm, digest_oid, False, False, None
    actual = _digest(digest, content)
    if signed_attrs is None:
        ok = certs.verify_signature(cert, algorithm, content, signature)
        if not ok and certs.is_sm2_algorithm(algorithm) and cert.sm2_key is not None:
            ok = sm2.verify(cert.sm2_key, actual, signature) or \
                sm2.verify(cert.sm2_key, actual, signature, signer_id=None)
        return algorithm, digest, ok, ok, None
    attrs = signed_attrs.children()
    md = _attr(attrs, "1.2.840.113549.1.9.4")
    digest_ok = md is not None and md.octets() == actual
    when_tlv = _attr(attrs, "1.2.840.113549.1.9.5")
    when = None
    if when_tlv is not None:
        try:
            when = when_tlv.time()
        except der.DerError:
            when = None
    signed = b"\x31" + signed_attrs.header[1:] + signed_attrs.contents
    return algorithm, digest, digest_ok, certs.verify_signature(cert, algorithm, signed,
                                                                 signature), when


def evaluate(data: bytes, content: bytes) -> CmsSigner:
    """Parse the CMS in *data* and check it against the detached *content*."""
    fmt = cms_format(data) or "cms"
    try:
        top = der.read_first(data)
        signed_data = top.sequence(2)[1].children()[0].sequence(4)
    except (der.DerError, IndexError):
        return CmsSigner(fmt, None, (), "", "", False, False, None, "malformed")
    cert_list: list[certs.CertInfo] = []
    infos: list[der.Tlv] = []
    for item in signed_data[3:]:
        if item.cls == 2 and item.tag == 0:
            for c in item.children():
                try:
                    cert_list.append(certs.read_certificate(c.raw))
                except der.DerError:
                    continue
        elif item.is_(17):  # SET OF SignerInfo
            infos = item.children()
    first: CmsSigner | None = None
    for info in infos:
        try:
            sid = info.sequence(5)[1]
        except der.DerError:
            continue
        cert = next((c for c in cert_list if _sid_matches(sid, c)), None)
        if cert is None:
            continue
        try:
            algorithm, digest, digest_ok, sig_ok, when = _check_info(info, content, cert)
        except der.DerError:
            continue
        others = tuple(c for c in cert_list if c is not cert)
        result = CmsSigner(fmt, cert, others, algorithm, digest, digest_ok, sig_ok, when)
        if digest_ok and sig_ok:
            return result
        first = first or result
    if first is not None:
        return first
    problem = "no_signer_certificate" if infos else "no_signer_info"
    return CmsSigner(fmt, None, tuple(cert_list), "", "", False, False, None, problem)


def verify(data: bytes, content: bytes, store: object, rep: SignatureReport, *,
           moment: datetime | None = None, content_name: str = "the signed content") -> None:
    """Check the CMS in *data* over *content*; record the result in *rep*."""
    from datetime import UTC

    from cgn_seal_desktop.seal.trust import TrustStore

    assert isinstance(store, TrustStore)
    result = evaluate(data, content)
    rep.format = result.format
    if result.cert is None:
        rep.worsen("invalid")
        rep.note("malformed_signature", {
            "malformed": "The signature value is malformed",
            "no_signer_info": "The signature has no signer",
        }.get(result.problem, "The signer's certificate is not in the signature"))
        return
    rep.algorithm = certs.algorithm_label(result.algorithm)
    rep.signature_algorithm = result.algorithm
    rep.digest_algorithm = result.digest or None
    fill_signer(rep, result.cert)
    when = result.signing_time or moment
    rep.signing_time = iso(when)
    rep.intact = result.digest_ok and result.signature_ok
    rep.status = "valid"
    if not result.digest_ok:
        rep.worsen("invalid")
        rep.note("digest_mismatch", f"{content_name} was changed after signing: its digest "
                 "does not match the signature", what=content_name)
    if not result.signature_ok:
        rep.worsen("invalid")
        rep.note("bad_signature", "The cryptographic signature is not valid")
    check_trust(rep, result.cert, result.others, store, when or datetime.now(UTC))
