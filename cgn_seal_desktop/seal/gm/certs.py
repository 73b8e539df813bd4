"""Certificates as they are in the wild, and chains that end at a trusted root (SM2 or not).

:func:`read_certificate` reads a certificate with our tolerant DER reader, so the deviations
Chinese CAs and seal tools produce are shown rather than fatal: UTF-8 inside an IA5String
e-mail, x500UniqueIdentifier as a UTF8String, GeneralizedTime where UTCTime is due, an OCTET
STRING where the key's BIT STRING is due. :func:`build_chain` walks issuer links through the
certificates at hand to a root of the trust store, checking each signature (SM2 with our
code, RSA/ECDSA with ``cryptography``), validity at the signing time and the CA flag.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from cgn_seal_desktop.seal.gm import der, oids, sm2

__all__ = [
    "CertInfo",
    "ChainResult",
    "algorithm_label",
    "build_chain",
    "is_sm2_algorithm",
    "read_certificate",
    "read_name",
    "same_name",
    "signature_by",
    "verify_signature",
]

_MAX_DEPTH = 8

_ATTR = {
    "2.5.4.3": "CN", "2.5.4.11": "OU", "2.5.4.10": "O", "2.5.4.7": "L", "2.5.4.8": "ST",
    "2.5.4.6": "C", "1.2.840.113549.1.9.1": "E", "2.5.4.5": "SERIALNUMBER",
    "2.5.4.45": "UID", "0.9.2342.19200300.100.1.1": "UID", "2.5.4.4": "SN", "2.5.4.42": "GN",
    "2.5.4.9": "STREET", "2.5.4.12": "T",
}
# signature algorithm OID -> (key kind, hash name for cryptography)
_SIG_ALGS = {
    oids.SM2_SM3: ("sm2", "sm3"), oids.SM2_SIGN: ("sm2", "sm3"),
    "1.2.840.113549.1.1.11": ("rsa", "SHA256"), "1.2.840.113549.1.1.12": ("rsa", "SHA384"),
    "1.2.840.113549.1.1.13": ("rsa", "SHA512"), "1.2.840.113549.1.1.5": ("rsa", "SHA1"),
    "1.2.840.10045.4.3.2": ("ec", "SHA256"), "1.2.840.10045.4.3.3": ("ec", "SHA384"),
    "1.2.840.10045.4.3.4": ("ec", "SHA512"), "1.2.840.10045.4.1": ("ec", "SHA1"),
}


@dataclass(frozen=True)
class CertInfo:
    """What the verifier needs from one certificate, read tolerantly."""

    der: bytes = field(repr=False)
    tbs: bytes = field(repr=False)
    signature_algorithm: str  # dotted OID
    signature: bytes = field(repr=False)
    serial: int
    issuer: tuple[tuple[str, str], ...]  # (attribute OID, value), most general first
    subject: tuple[tuple[str, str], ...]
    not_before: datetime | None
    not_after: datetime | None
    spki: bytes = field(repr=False)  # SubjectPublicKeyInfo as encoded
    sm2_key: bytes | None = field(repr=False)  # 64-byte x‖y when the key is SM2
    is_ca: bool
    quirks: tuple[str, ...] = field(default=())  # deviations from the standard found

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.der).hexdigest()

    def name_text(self, which: str = "subject") -> str:
        """``CN=…, O=…, C=…`` (most specific first), like the rest of the report."""
        name = self.subject if which == "subject" else self.issuer
        return ", ".join(f"{_ATTR.get(oid, oid)}={value}" for oid, value in reversed(name))

    def attribute(self, oid: str) -> str:
        return next((v for o, v in reversed(self.subject) if o == oid), "")

    @property
    def common_name(self) -> str:
        return self.attribute("2.5.4.3")

    @property
    def organization(self) -> str:
        return self.attribute("2.5.4.10")

    @property
    def self_issued(self) -> bool:
        return _norm(self.subject) == _norm(self.issuer)


def _norm(name: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((oid, " ".join(value.split()).casefold()) for oid, value in name)


def same_name(a: Iterable[tuple[str, str]], b: Iterable[tuple[str, str]]) -> bool:
    """Whether two distinguished names are equal (case and spacing ignored, as RFC 5280)."""
    return _norm(a) == _norm(b)


def read_name(tlv: der.Tlv) -> tuple[tuple[str, str], ...]:
    """A Name as (attribute OID, text) pairs, read tolerantly."""
    return _name(tlv, [])


def _name(tlv: der.Tlv, quirks: list[str]) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for rdn in tlv.sequence():
        for atv in rdn.children():
            oid_tlv, value = atv.sequence(2)[:2]
            oid = oid_tlv.oid()
            try:
                text = value.text()
                if value.tag == der.IA5 and not value.contents.isascii():
                    quirks.append(f"non-ASCII text in an IA5String ({_ATTR.get(oid, oid)})")
                if oid == "2.5.4.45" and value.tag != der.BIT_STRING:
                    quirks.append("x500UniqueIdentifier is a string, not a BIT STRING")
            except der.DerError:
                text = value.contents.hex()
            out.append((oid, text))
    return tuple(out)


def _time(tlv: der.Tlv, quirks: list[str]) -> datetime | None:
    try:
        value = tlv.time()
    except der.DerError:
        quirks.append("unreadable validity date")
        return None
    if tlv.is_(der.GEN_TIME) and value.year < 2050:
        quirks.append("GeneralizedTime where UTCTime is due")
    return value


def _extensions(tlv: der.Tlv) -> bool:
    """Whether basicConstraints says cA (the only extension the chain check needs)."""
    for ext in tlv.children()[0].sequence():
        parts = ext.sequence(2)
        if parts[0].oid() != "2.5.29.19":
            continue
        inner = der.read(parts[-1].octets()).sequence()
        return bool(inner) and inner[0].cls == 0 and inner[0].tag == 1 \
            and inner[0].contents not in (b"", b"\x00")
    return False


def read_certificate(data: bytes) -> CertInfo:
    """Read one DER certificate; raises :class:`der.DerError` only when it is not one at all."""
    quirks: list[str] = []
    cert, alg, sig = der.read(data).sequence(3)[:3]
    items = cert.sequence(6)
    pos = 1 if items[0].cls == 2 and items[0].tag == 0 else 0  # [0] version
    serial = items[pos].integer()
    issuer = _name(items[pos + 2], quirks)
    validity = items[pos + 3].sequence(2)
    subject = _name(items[pos + 4], quirks)
    spki = items[pos + 5]
    is_ca = False
    for extra in items[pos + 6:]:
        if extra.cls == 2 and extra.tag == 3:
            try:
                is_ca = _extensions(extra)
            except der.DerError:
                quirks.append("unreadable extensions")
    key_alg, key_value = spki.sequence(2)[:2]
    sm2_key = None
    alg_parts = key_alg.sequence(1)
    params = alg_parts[1] if len(alg_parts) > 1 else None
    curve = params.oid() if params is not None and params.is_(der.OID) else None
    if oids.SM2_CURVE in (alg_parts[0].oid(), curve):
        if key_value.is_(der.OCTET_STRING):
            quirks.append("OCTET STRING where the public key's BIT STRING is due")
        point = key_value.octets()
        if len(point) == 65 and point[0] == 4:
            sm2_key = point[1:]
    sig_value = sig.octets()
    if sig.is_(der.OCTET_STRING):
        quirks.append("OCTET STRING where the signature's BIT STRING is due")
    return CertInfo(
        der=bytes(data), tbs=cert.raw, signature_algorithm=alg.sequence(1)[0].oid(),
        signature=sig_value, serial=serial, issuer=issuer, subject=subject,
        not_before=_time(validity[0], quirks), not_after=_time(validity[1], quirks),
        spki=spki.raw, sm2_key=sm2_key, is_ca=is_ca, quirks=tuple(dict.fromkeys(quirks)),
    )


def verify_signature(key_cert: CertInfo, algorithm: str, message: bytes,
                     signature: bytes) -> bool:
    """True when *key_cert*'s public key made *signature* over *message* with *algorithm*
    (a dotted signature algorithm OID: SM2-with-SM3, RSA or ECDSA with SHA-1/2)."""
    kind = _SIG_ALGS.get(algorithm)
    if kind is None:
        return False
    if kind[0] == "sm2":
        return key_cert.sm2_key is not None and sm2.verify(key_cert.sm2_key, message, signature)
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    try:
        key = serialization.load_der_public_key(key_cert.spki)
        digest = getattr(hashes, kind[1])()
        if kind[0] == "rsa" and isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, message, padding.PKCS1v15(), digest)
            return True
        if kind[0] == "ec" and isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, message, ec.ECDSA(digest))
            return True
    except (InvalidSignature, ValueError, TypeError, AttributeError):
        return False
    return False


def signature_by(child: CertInfo, issuer: CertInfo) -> bool:
    """True when *issuer*'s key made *child*'s signature."""
    return verify_signature(issuer, child.signature_algorithm, child.tbs, child.signature)


def is_sm2_algorithm(algorithm: str) -> bool:
    return _SIG_ALGS.get(algorithm, ("",))[0] == "sm2"


def algorithm_label(algorithm: str) -> str:
    """``SM2-SM3``, ``RSA-SHA256``, ``ECDSA-SHA256``… for a dotted signature algorithm OID."""
    kind = _SIG_ALGS.get(algorithm)
    if kind is None:
        return algorithm
    if kind[0] == "sm2":
        return "SM2-SM3"
    return f"{'RSA' if kind[0] == 'rsa' else 'ECDSA'}-{kind[1]}"


@dataclass(frozen=True)
class ChainResult:
    """Where a certificate's chain leads."""

    trusted: bool
    anchor: CertInfo | None  # the trust root reached
    path: tuple[CertInfo, ...]  # leaf first
    code: str | None  # why not trusted: no_chain, chain_failure, cert_expired, ca_expired
    text: str = ""


def _valid_at(cert: CertInfo, moment: datetime) -> bool:
    return (cert.not_before is None or cert.not_before <= moment) and \
        (cert.not_after is None or moment <= cert.not_after)


def build_chain(leaf: CertInfo, others: Sequence[CertInfo], roots: Sequence[CertInfo],
                moment: datetime) -> ChainResult:
    """Follow issuer links from *leaf* to one of *roots*, checking signatures and dates.

    A root counts as reached when the current certificate *is* a root or a root's key signed
    it. *moment* is the signing time (validity is judged then, as for PDF seals).
    """
    root_hashes = {r.sha256 for r in roots}
    path = [leaf]
    current = leaf
    pool = [c for c in [*others, *roots] if c.sha256 != leaf.sha256]
    broken = False
    for _ in range(_MAX_DEPTH):
        if current.sha256 in root_hashes:
            return _finish(path, current, moment)
        candidates = [c for c in pool if _norm(c.subject) == _norm(current.issuer)
                      and c not in path]
        issuer = next((c for c in candidates if signature_by(current, c)), None)
        if issuer is None:
            broken = bool(candidates)
            break
        path.append(issuer)
        if issuer.sha256 in root_hashes:
            return _finish(path, issuer, moment)
        if not issuer.is_ca:
            return ChainResult(False, None, tuple(path), "chain_failure",
                               "An issuing certificate is not a CA certificate")
        current = issuer
    if broken:
        return ChainResult(False, None, tuple(path), "chain_failure",
                           "A certificate in the chain has an invalid signature")
    return ChainResult(False, None, tuple(path), "no_chain",
                       "The certificate chain does not lead to a trusted root")


def _finish(path: list[CertInfo], anchor: CertInfo, moment: datetime) -> ChainResult:
    if not _valid_at(path[0], moment):
        return ChainResult(True, anchor, tuple(path), "cert_expired",
                           "The signer's certificate was not valid at the signing time")
    if any(not _valid_at(c, moment) for c in path[1:]):
        return ChainResult(True, anchor, tuple(path), "ca_expired",
                           "An issuing certificate was not valid at the signing time")
    return ChainResult(True, anchor, tuple(path), None)
