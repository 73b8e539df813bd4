"""Plain facts about an X.509 certificate, for lists, dialogs and reports (no PKCS#11 here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # parsing loads on first use; the UI imports this module at start-up
    from cryptography import x509

__all__ = ["CertificateInfo", "certificate_info", "name_attr", "sm2_public_key"]


@dataclass(frozen=True)
class CertificateInfo:
    """A certificate and the key it pairs with on the token (by ``CKA_ID``)."""

    der: bytes
    key_id: bytes
    label: str
    subject: str
    subject_cn: str
    organization: str
    issuer: str
    issuer_cn: str
    serial: int
    not_before: datetime
    not_after: datetime
    key_usage: tuple[str, ...]
    key_type: str  # "rsa", "ec", "sm2", or the OID-ish name for anything else
    is_ca: bool

    @property
    def key_id_hex(self) -> str:
        return self.key_id.hex()

    @property
    def serial_hex(self) -> str:
        return format(self.serial, "X")

    @property
    def can_sign(self) -> bool:
        """End-entity certificate whose key usage allows document signatures."""
        if self.is_ca:
            return False
        return not self.key_usage or bool(
            {"digital_signature", "content_commitment"} & set(self.key_usage)
        )

    def days_left(self, now: datetime | None = None) -> int:
        now = now or datetime.now(UTC)
        return (self.not_after - now).days

    def valid_at(self, when: datetime) -> bool:
        return self.not_before <= when <= self.not_after


def name_attr(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    """First value of *oid* in *name*, or ''."""
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def sm2_public_key(cert_der: bytes) -> bytes | None:
    """The 64-byte x‖y of the certificate's SM2 public key, or ``None`` if it has none."""
    from asn1crypto import x509 as asn1_x509

    from cgn_seal_desktop.ukey.sm2 import public_key_from_spki

    try:
        spki = asn1_x509.Certificate.load(cert_der)["tbs_certificate"]["subject_public_key_info"]
        return public_key_from_spki(spki.dump())
    except (ValueError, TypeError, KeyError):
        return None


_USAGES = ("digital_signature", "content_commitment", "key_encipherment", "data_encipherment",
           "key_agreement", "key_cert_sign", "crl_sign")


def certificate_info(der: bytes, *, key_id: bytes = b"", label: str = "") -> CertificateInfo | None:
    """Parse *der*; ``None`` if it is not a certificate we can read."""
    from cryptography import x509
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.x509.oid import NameOID

    try:
        cert = x509.load_der_x509_certificate(der)
    except ValueError:
        return None
    usages: list[str] = []
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        for name in _USAGES:
            if getattr(ku, name):
                usages.append(name)
    except x509.ExtensionNotFound:
        pass
    try:
        is_ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = False
    try:
        pub = cert.public_key()
        key_type = "rsa" if isinstance(pub, rsa.RSAPublicKey) else (
            "ec" if isinstance(pub, ec.EllipticCurvePublicKey) else type(pub).__name__)
    except (ValueError, TypeError, UnsupportedAlgorithm):  # SM2: cryptography has no such curve
        key_type = "sm2" if sm2_public_key(der) is not None else (
            cert.signature_algorithm_oid.dotted_string)
    return CertificateInfo(
        der=der,
        key_id=key_id,
        label=label,
        subject=cert.subject.rfc4514_string(),
        subject_cn=name_attr(cert.subject, NameOID.COMMON_NAME),
        organization=name_attr(cert.subject, NameOID.ORGANIZATION_NAME),
        issuer=cert.issuer.rfc4514_string(),
        issuer_cn=name_attr(cert.issuer, NameOID.COMMON_NAME),
        serial=cert.serial_number,
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        key_usage=tuple(usages),
        key_type=key_type,
        is_ca=is_ca,
    )
