"""A throw-away test PKI built with ``cryptography``: root → issuing CA → organisation certificates.

Mirrors the real shape (SZCA root → SZCA issuing CA → supplier's organisation certificate) so
chain building, trust, key usage and expiry are exercised for real.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey

_CA_USAGE = x509.KeyUsage(False, False, False, False, False, True, True, False, False)

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass
class Issued:
    key: PrivateKey
    cert: x509.Certificate
    chain: list[x509.Certificate] = field(default_factory=list)  # issuers, nearest first

    @property
    def cert_der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)

    @property
    def cert_pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    @property
    def key_der(self) -> bytes:
        return self.key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )


def _name(cn: str, org: str | None = None) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "CN")]
    if org:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attrs)


def _ski(key: PrivateKey) -> x509.SubjectKeyIdentifier:
    return x509.SubjectKeyIdentifier.from_public_key(key.public_key())


def make_root(cn: str = "CGN Test Root CA", key: PrivateKey | None = None) -> Issued:
    key = key or rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = _name(cn, "CGN Seal Desktop Test PKI")
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=3650))
        .not_valid_after(NOW + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            _CA_USAGE, critical=True
        )
        .add_extension(_ski(key), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Issued(key, cert)


def issue(
    issuer: Issued,
    cn: str,
    *,
    org: str | None = None,
    ca: bool = False,
    key: PrivateKey | None = None,
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    hash_alg: hashes.HashAlgorithm | None = None,
    key_usage_signing: bool = True,
) -> Issued:
    """Issue a CA or end-entity certificate under *issuer*."""
    key = key or rsa.generate_private_key(public_exponent=65537, key_size=2048)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(cn, org))
        .issuer_name(issuer.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or NOW - dt.timedelta(days=30))
        .not_valid_after(not_after or NOW + dt.timedelta(days=730))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
        .add_extension(_ski(key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),  # type: ignore[arg-type]
            critical=False,
        )
    )
    if ca:
        builder = builder.add_extension(
            _CA_USAGE, critical=True
        )
    else:
        builder = builder.add_extension(
            x509.KeyUsage(
                key_usage_signing, key_usage_signing, False, False, False, False, False, False,
                False,
            ),
            critical=True,
        ).add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
    cert = builder.sign(issuer.key, hash_alg or hashes.SHA256())
    return Issued(key, cert, [issuer.cert, *issuer.chain])


@dataclass
class TestPki:
    __test__ = False

    root: Issued
    ca: Issued
    org_rsa: Issued
    org_ec: Issued
    org_expired: Issued
    org_b: Issued  # a second organisation, for several seals by different signers
    other_root: Issued
    other_org: Issued  # chains to other_root, which is not trusted

    @property
    def root_pem(self) -> bytes:
        return self.root.cert_pem


def build_test_pki() -> TestPki:
    root = make_root()
    ca = issue(root, "CGN Test Issuing CA", org="CGN Seal Desktop Test PKI", ca=True)
    org_rsa = issue(ca, "深圳市测试供应商有限公司", org="深圳市测试供应商有限公司")
    org_ec = issue(
        ca, "广州市椭圆曲线科技有限公司", org="广州市椭圆曲线科技有限公司",
        key=ec.generate_private_key(ec.SECP256R1()),
    )
    org_expired = issue(
        ca, "过期证书测试有限公司", org="过期证书测试有限公司",
        not_before=NOW - dt.timedelta(days=400), not_after=NOW - dt.timedelta(days=10),
    )
    org_b = issue(ca, "第二家供应商有限公司", org="第二家供应商有限公司")
    other_root = make_root("Untrusted Root CA")
    other_org = issue(other_root, "不受信任有限公司", org="不受信任有限公司")
    return TestPki(root, ca, org_rsa, org_ec, org_expired, org_b, other_root, other_org)
