"""Plain facts about an X.509 certificate, for lists, dialogs and reports (no PKCS#11 here),
and the expiry rule: when a certificate is due for renewal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # parsing loads on first use; the UI imports this module at start-up
    from cryptography import x509

__all__ = ["RENEWAL_WINDOW_DAYS", "CertificateInfo", "Expiry", "ExpiryState", "certificate_info",
           "expiry_of", "name_attr", "sm2_public_key"]

#: A certificate with fewer whole days left than this is due for renewal (SZCA renews up to a
#: month ahead; the environment check warns from then on).
RENEWAL_WINDOW_DAYS = 30


class ExpiryState(StrEnum):
    """Where a certificate stands in its lifetime."""

    VALID = "valid"
    EXPIRES_SOON = "expires_soon"  #: fewer than :data:`RENEWAL_WINDOW_DAYS` days left
    EXPIRED = "expired"


@dataclass(frozen=True)
class Expiry:
    """A certificate's expiry at one moment: its state, whole days left (negative once expired)
    and the last day it is valid."""

    state: ExpiryState
    days_left: int
    not_after: datetime

    @property
    def needs_renewal(self) -> bool:
        """True when the certificate should be renewed now (expiring soon or expired)."""
        return self.state is not ExpiryState.VALID


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

    def expiry(self, now: datetime | None = None) -> Expiry:
        """:func:`expiry_of` this certificate at *now* (aware; default: the current time)."""
        return expiry_of(self.not_after, now)


def expiry_of(not_after: datetime, now: datetime | None = None, *,
              window_days: int = RENEWAL_WINDOW_DAYS) -> Expiry:
    """The expiry rule: expired once *now* is past *not_after*; expiring soon with fewer than
    *window_days* whole days left; valid otherwise."""
    now = now or datetime.now(UTC)
    days = (not_after - now).days
    if not_after < now:
        state = ExpiryState.EXPIRED
    elif days < window_days:
        state = ExpiryState.EXPIRES_SOON
    else:
        state = ExpiryState.VALID
    return Expiry(state, days, not_after)


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
