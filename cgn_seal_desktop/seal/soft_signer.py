"""A pyHanko signer from a key held in memory: for the self-test, the bundled sample and tests.

The product never signs with a software key: users' keys stay on the UKEY (``ukey_signer``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import CertificateIssuerPrivateKeyTypes

if TYPE_CHECKING:
    from pyhanko.sign.signers import SimpleSigner

__all__ = ["software_signer"]


def software_signer(
    key: CertificateIssuerPrivateKeyTypes, cert: x509.Certificate,
    chain: Iterable[x509.Certificate] = (),
) -> SimpleSigner:
    """A pyHanko ``SimpleSigner`` for *key*/*cert*, embedding *chain* (issuers) in signatures."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    def asn1(c: x509.Certificate) -> asn1_x509.Certificate:
        return asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))

    key_der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return SimpleSigner(signing_cert=asn1(cert),
                        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
                        cert_registry=SimpleCertificateStore.from_certs([asn1(c) for c in chain]))
