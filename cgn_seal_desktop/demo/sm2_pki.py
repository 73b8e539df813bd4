"""A tiny SM2 certificate authority for the demo UKEY and the tests (never for production).

Certificates are built with asn1crypto (SM2 public keys: ``id-ecPublicKey`` on the SM2 curve;
signature ``SM2-with-SM3``, 1.2.156.10197.1.501) and signed with GmSSL (``gmssl-pyx``), an SM2
implementation other than the software UKEY's OpenSSL, over e = SM3(Z ‖ TBSCertificate) with
the default signer ID.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from cgn_seal_desktop.ukey.sm2 import SM2_CURVE_OID, digest_to_sign, sm3

__all__ = ["Sm2Authority", "Sm2Name", "sm2_spki"]

SM2_WITH_SM3 = "1.2.156.10197.1.501"


@dataclass(frozen=True)
class Sm2Name:
    """Subject or issuer: organisation and common name (country CN)."""

    organization: str
    common_name: str

    def asn1(self) -> object:
        from asn1crypto import x509

        return x509.Name.build({"country_name": "CN", "organization_name": self.organization,
                                "common_name": self.common_name})


def sm2_spki(public_key: bytes) -> object:
    """``SubjectPublicKeyInfo`` of the 64-byte SM2 public key x‖y."""
    from asn1crypto import keys

    return keys.PublicKeyInfo({
        "algorithm": keys.PublicKeyAlgorithm({
            "algorithm": "ec",
            "parameters": keys.ECDomainParameters(name="named", value=SM2_CURVE_OID),
        }),
        "public_key": b"\x04" + public_key,
    })


def _key_id(public_key: bytes) -> bytes:
    return sm3(b"\x04" + public_key)[:20]


class Sm2Authority:
    """A self-signed SM2 root that issues end-entity certificates.

    :param name: the root's name. A fresh key pair is generated (GmSSL) unless *key* =
        (private 32 bytes, public 64 bytes) is given.
    """

    def __init__(self, name: Sm2Name, *, key: tuple[bytes, bytes] | None = None,
                 years: int = 10) -> None:
        from gmssl_pyx import sm2_key_generate

        if key is None:
            public, private = sm2_key_generate()
            key = (bytes(private), bytes(public))
        self.private_key, self.public_key = key
        self.name = name
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        self.certificate = self._build(
            name, name, self.public_key, ca=True, not_before=now - dt.timedelta(days=1),
            not_after=now + dt.timedelta(days=365 * years))

    def _sign(self, tbs_der: bytes) -> bytes:
        from gmssl_pyx import sm2_sign_sm3_digest

        e = digest_to_sign(self.public_key, tbs_der)
        return bytes(sm2_sign_sm3_digest(self.private_key, e))

    def _build(self, subject: Sm2Name, issuer: Sm2Name, public_key: bytes, *, ca: bool,
               not_before: dt.datetime, not_after: dt.datetime,
               key_usage: set[str] | None = None) -> bytes:
        from asn1crypto import x509

        usage = {"key_cert_sign", "crl_sign"} if ca else (
            key_usage or {"digital_signature", "non_repudiation"})
        extensions = [
            {"extn_id": "basic_constraints", "critical": True,
             "extn_value": {"ca": ca, "path_len_constraint": 0 if ca else None}},
            {"extn_id": "key_usage", "critical": True, "extn_value": usage},
            {"extn_id": "key_identifier", "critical": False,
             "extn_value": _key_id(public_key)},
        ]
        if not ca or issuer != subject:
            extensions.append({"extn_id": "authority_key_identifier", "critical": False,
                               "extn_value": {"key_identifier": _key_id(self.public_key)}})
        tbs = x509.TbsCertificate({
            "version": "v3",
            "serial_number": secrets.randbits(63) | 1,
            "signature": {"algorithm": SM2_WITH_SM3},
            "issuer": issuer.asn1(),
            "validity": {"not_before": x509.Time(name="utc_time", value=not_before),
                         "not_after": x509.Time(name="utc_time", value=not_after)},
            "subject": subject.asn1(),
            "subject_public_key_info": sm2_spki(public_key),
            "extensions": extensions,
        })
        cert = x509.Certificate({
            "tbs_certificate": tbs,
            "signature_algorithm": {"algorithm": SM2_WITH_SM3},
            "signature_value": self._sign(tbs.dump()),
        })
        return bytes(cert.dump())

    def issue(self, subject: Sm2Name, public_key: bytes, *, days: int = 730,
              not_before: dt.datetime | None = None, not_after: dt.datetime | None = None,
              key_usage: set[str] | None = None) -> bytes:
        """DER certificate for the 64-byte SM2 *public_key* (a seal certificate by default)."""
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        return self._build(subject, self.name, public_key, ca=False,
                           not_before=not_before or now - dt.timedelta(days=1),
                           not_after=not_after or now + dt.timedelta(days=days),
                           key_usage=key_usage)

    @property
    def certificate_pem(self) -> bytes:
        import base64

        body = base64.encodebytes(self.certificate).replace(b"\n", b"")
        lines = [body[i:i + 64] for i in range(0, len(body), 64)]
        return b"-----BEGIN CERTIFICATE-----\n" + b"\n".join(lines) + \
            b"\n-----END CERTIFICATE-----\n"
