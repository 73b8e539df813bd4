"""An SM2 test PKI built here: test root → "TEST SZCA SM2 CA" → organisations and a seal maker.

Keys come from GmSSL (gmssl-pyx), certificates are written by asn1crypto and signed with our
SM2 code (SM2-with-SM3, default signer ID), the shape of SZCA's real chain (NRCAC ROOTCA →
SZCA SM2 CA → supplier). :func:`issue_sm2` can also write certificates the way some CAs do
in the wild (``quirks``), signed so that only the deviation is wrong.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from asn1crypto import keys, pem, x509
from gmssl_pyx import sm2_key_generate

from cgn_seal_desktop.seal.gm import oids, sm2
from tests.gm import asn1

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)

#: Deviations :func:`issue_sm2` can write (each one seen in real certificates).
QUIRKS = ("utf8_in_ia5_email", "unique_id_as_utf8", "generalized_time", "octet_string_key")


@dataclass(frozen=True)
class Sm2Key:
    private: bytes  # 32 bytes
    public: bytes  # 64 bytes x‖y

    @classmethod
    def generate(cls) -> Sm2Key:
        public, private = sm2_key_generate()
        return cls(bytes(private), bytes(public))

    def sign(self, message: bytes) -> bytes:
        """DER SM2 signature with the default signer ID."""
        return sm2.sign(self.private, self.public, message)

    def sign_raw(self, message: bytes) -> bytes:
        """The same signature as 64 bytes r‖s."""
        rs = sm2.split_signature(self.sign(message))
        assert rs is not None
        return rs[0].to_bytes(32, "big") + rs[1].to_bytes(32, "big")

    @property
    def public_key_info(self) -> keys.PublicKeyInfo:
        oids.register()
        return keys.PublicKeyInfo({
            "algorithm": {"algorithm": "ec", "parameters": ("named", "sm2p256v1")},
            "public_key": b"\x04" + self.public,
        })


@dataclass(frozen=True)
class Sm2Issued:
    key: Sm2Key
    cert_der: bytes
    chain: tuple[bytes, ...] = field(default=())  # issuers' DER, nearest first

    @property
    def cert(self) -> x509.Certificate:
        return x509.Certificate.load(self.cert_der)

    @property
    def cert_pem(self) -> bytes:
        return pem.armor("CERTIFICATE", self.cert_der)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.cert_der).hexdigest()


def _name(cn: str, org: str | None, email: str | None = None,
          unique: str | None = None) -> x509.Name:
    attrs: dict[str, str] = {"country_name": "CN"}
    if org:
        attrs["organization_name"] = org
    attrs["common_name"] = cn
    if email:
        attrs["email_address"] = email
    if unique:
        attrs["name"] = unique  # re-labelled x500UniqueIdentifier by the quirk
    return x509.Name.build(attrs, use_printable=False)


def _ext(name: str, value: object, critical: bool = False) -> dict[str, object]:
    return {"extn_id": name, "critical": critical, "extn_value": value}


def _tbs(subject: x509.Name, issuer: x509.Name, key: Sm2Key, *, ca: bool,
         not_before: dt.datetime, not_after: dt.datetime, issuer_key: Sm2Key,
         generalized: bool) -> x509.TbsCertificate:
    oids.register()
    time_kind = "general_time" if generalized else "utc_time"
    exts = [
        _ext("basic_constraints", {"ca": ca}, True),
        _ext("key_usage", {"key_cert_sign", "crl_sign"} if ca
             else {"digital_signature", "non_repudiation"}, True),
        _ext("key_identifier", hashlib.sha1(key.public).digest()),
        _ext("authority_key_identifier",
             {"key_identifier": hashlib.sha1(issuer_key.public).digest()}),
    ]
    return x509.TbsCertificate({
        "version": "v3",
        "serial_number": int.from_bytes(hashlib.sha256(key.public).digest()[:8], "big"),
        "signature": {"algorithm": "sm2_sm3"},
        "issuer": issuer,
        "validity": {"not_before": x509.Time(name=time_kind, value=not_before),
                     "not_after": x509.Time(name=time_kind, value=not_after)},
        "subject": subject,
        "subject_public_key_info": key.public_key_info,
        "extensions": exts,
    })


def _signed(tbs_der: bytes, issuer_key: Sm2Key) -> bytes:
    return asn1.seq(tbs_der, asn1.seq(asn1.oid(oids.SM2_SM3)),
                    asn1.bits(issuer_key.sign(tbs_der)))


def _apply_quirks(tbs_der: bytes, key: Sm2Key, quirks: Iterable[str]) -> bytes:
    for quirk in quirks:
        if quirk == "utf8_in_ia5_email":  # same byte length: 6 ASCII letters -> 张三
            tbs_der = tbs_der.replace(b"zzzzzz@", "张三".encode() + b"@", 1)
        elif quirk == "unique_id_as_utf8":  # id-at-name (UTF8String) relabelled 2.5.4.45
            tbs_der = tbs_der.replace(asn1.oid("2.5.4.41"), asn1.oid("2.5.4.45"), 1)
        elif quirk == "octet_string_key":
            spki = asn1.seq(asn1.seq(asn1.oid("1.2.840.10045.2.1"), asn1.oid(oids.SM2_CURVE)),
                            asn1.octets(b"\x04" + key.public))
            tbs_der = asn1.replace_child(tbs_der, 6, spki)
    return tbs_der


def make_sm2_root(cn: str = "TEST NRCAC ROOTCA", org: str = "CGN Seal Desktop SM2 Test PKI"
                  ) -> Sm2Issued:
    key = Sm2Key.generate()
    name = _name(cn, org)
    tbs = _tbs(name, name, key, ca=True, not_before=NOW - dt.timedelta(days=3650),
               not_after=NOW + dt.timedelta(days=3650), issuer_key=key, generalized=False)
    return Sm2Issued(key, _signed(tbs.dump(), key))


def issue_sm2(issuer: Sm2Issued, cn: str, *, org: str | None = None, ca: bool = False,
              not_before: dt.datetime | None = None, not_after: dt.datetime | None = None,
              quirks: Iterable[str] = (), key: Sm2Key | None = None) -> Sm2Issued:
    """An SM2 certificate for *cn* signed by *issuer* (optionally with real-world quirks)."""
    quirks = tuple(quirks)
    key = key or Sm2Key.generate()
    subject = _name(cn, org,
                    email="zzzzzz@szca.test" if "utf8_in_ia5_email" in quirks else None,
                    unique="UID-000123" if "unique_id_as_utf8" in quirks else None)
    tbs = _tbs(subject, issuer.cert.subject, key, ca=ca,
               not_before=not_before or NOW - dt.timedelta(days=30),
               not_after=not_after or NOW + dt.timedelta(days=730),
               issuer_key=issuer.key, generalized="generalized_time" in quirks)
    tbs_der = _apply_quirks(tbs.dump(), key, quirks)
    return Sm2Issued(key, _signed(tbs_der, issuer.key), (issuer.cert_der, *issuer.chain))


@dataclass(frozen=True)
class Sm2TestPki:
    __test__ = False

    root: Sm2Issued
    ca: Sm2Issued  # "TEST SZCA SM2 CA"
    org: Sm2Issued  # the supplier (signer)
    org_b: Sm2Issued  # a second supplier, for a second seal
    maker: Sm2Issued  # the seal maker (制章者)
    expired: Sm2Issued  # a supplier whose certificate has expired
    other_root: Sm2Issued  # not trusted
    other_org: Sm2Issued  # chains to other_root

    @property
    def root_pem(self) -> bytes:
        return self.root.cert_pem


def build_sm2_pki() -> Sm2TestPki:
    root = make_sm2_root()
    ca = issue_sm2(root, "TEST SZCA SM2 CA", org="ShenZhen Certificate Authority TEST", ca=True)
    org = issue_sm2(ca, "深圳市国密测试供应商有限公司", org="深圳市国密测试供应商有限公司")
    org_b = issue_sm2(ca, "广州市第二国密供应商有限公司", org="广州市第二国密供应商有限公司")
    maker = issue_sm2(ca, "TEST 电子印章制作中心", org="ShenZhen Certificate Authority TEST")
    expired = issue_sm2(ca, "过期国密证书有限公司", org="过期国密证书有限公司",
                        not_before=NOW - dt.timedelta(days=400),
                        not_after=NOW - dt.timedelta(days=10))
    other_root = make_sm2_root("Untrusted SM2 Root")
    other_org = issue_sm2(other_root, "不受信任国密有限公司", org="不受信任国密有限公司")
    return Sm2TestPki(root, ca, org, org_b, maker, expired, other_root, other_org)
