"""The sandbox's own test CA, and test organisation certificates (PKCS#12) issued from it.

The CA key sits unencrypted in the sandbox data directory: it is a toy. Never add this CA to
``resources/trust`` — anyone can mint certificates with it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from cgn_seal_desktop.fsutil import atomic_write_bytes
from cgn_seal_desktop.sandbox.labels import SANDBOX_MARK

__all__ = ["TestCA"]


class TestCA:
    """Load (or create on first use) the CA under ``data_dir/testca``."""

    __test__ = False  # not a pytest test class

    def __init__(self, data_dir: Path, now: datetime) -> None:
        folder = Path(data_dir) / "testca"
        folder.mkdir(parents=True, exist_ok=True)
        key_path, cert_path = folder / "ca.key.pem", folder / "ca.cert.pem"
        if key_path.exists() and cert_path.exists():
            key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
            assert isinstance(key, rsa.RSAPrivateKey)
            self.key = key
            self.cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
            return
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = x509.Name([
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "cgn-seal-desktop sandbox"),
            x509.NameAttribute(NameOID.COMMON_NAME,
                               f"cgn-seal Sandbox Test CA (NOT TRUSTED) {SANDBOX_MARK}"),
        ])
        self.cert = (
            x509.CertificateBuilder()
            .subject_name(name).issuer_name(name)
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=True, crl_sign=True,
                                         encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(self.key.public_key()),
                           critical=False)
            .sign(self.key, hashes.SHA256())
        )
        atomic_write_bytes(key_path, self.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()), mode=0o600)
        atomic_write_bytes(cert_path, self.cert.public_bytes(serialization.Encoding.PEM))

    def cert_pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def issue_p12(self, org_name: str, uscc: str, serial_hex: str, password: str,
                  now: datetime, years: int = 1) -> bytes:
        """A PKCS#12 (key + organisation certificate + CA) protected by *password*.

        The organisation's name in the certificate carries the sandbox mark, so a seal drawn
        from it (the name runs round the seal) and every verification report say it is a test.
        """
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        mark = f"（{SANDBOX_MARK}）"
        marked = org_name[:64 - len(mark)] + mark  # X.520 names are at most 64 characters
        subject = x509.Name([
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, marked),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, uscc),
            x509.NameAttribute(NameOID.COMMON_NAME, marked),
        ])
        cert = (
            x509.CertificateBuilder()
            .subject_name(subject).issuer_name(self.cert.subject)
            .public_key(key.public_key())
            .serial_number(int(serial_hex, 16))
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=365 * years))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256())
        )
        return pkcs12.serialize_key_and_certificates(
            org_name.encode(), key, cert, [self.cert],
            serialization.BestAvailableEncryption(password.encode()))
