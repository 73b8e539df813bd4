"""A SoftHSM2 token directory made for the tests: the test UKEY.

Tokens are initialised with ``softhsm2-util`` and filled through python-pkcs11 (the same library
the product uses), so the signing tests go through a real PKCS#11 module.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pkcs11
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from pkcs11 import Attribute, CertificateType, ObjectClass
from pkcs11.util.ec import decode_ec_private_key
from pkcs11.util.rsa import decode_rsa_private_key

from cgn_seal_desktop.ukey.backend import TokenSession
from cgn_seal_desktop.ukey.model import TokenRef
from cgn_seal_desktop.ukey.pkcs11.driver import load_module
from cgn_seal_desktop.ukey.service import open_session
from tests.pki import Issued

USER_PIN = "123456"
SO_PIN = "12345678"


@dataclass
class TokenSpec:
    label: str
    keys: list[tuple[bytes, Issued]]  # key id -> key+cert (both imported)
    extra_certs: list[tuple[bytes, Issued]]  # certs only (CA certs, or a cert without key)
    keys_without_cert: list[tuple[bytes, Issued]]


def write_config(base: Path) -> Path:
    tokendir = base / "tokens"
    tokendir.mkdir(parents=True, exist_ok=True)
    conf = base / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {tokendir}\nobjectstore.backend = file\nlog.level = ERROR\n"
        "slots.removable = false\n"
    )
    return conf


def init_token(conf: Path, label: str) -> None:
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    subprocess.run(
        ["softhsm2-util", "--init-token", "--free", "--label", label, "--pin", USER_PIN,
         "--so-pin", SO_PIN],
        check=True, env=env, capture_output=True,
    )


def _import_key(session: pkcs11.Session, key_id: bytes, issued: Issued, label: str) -> None:
    der = issued.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    if isinstance(issued.key, ec.EllipticCurvePrivateKey):
        attrs = decode_ec_private_key(der)
    else:
        attrs = decode_rsa_private_key(der)
    attrs.update({
        Attribute.TOKEN: True, Attribute.PRIVATE: True, Attribute.SENSITIVE: True,
        Attribute.SIGN: True, Attribute.ID: key_id, Attribute.LABEL: label,
    })
    session.create_object(attrs)


def _import_cert(session: pkcs11.Session, key_id: bytes, issued: Issued, label: str) -> None:
    cert = issued.cert
    session.create_object({
        Attribute.CLASS: ObjectClass.CERTIFICATE,
        Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
        Attribute.TOKEN: True,
        Attribute.PRIVATE: False,
        Attribute.ID: key_id,
        Attribute.LABEL: label,
        Attribute.SUBJECT: cert.subject.public_bytes(),
        Attribute.ISSUER: cert.issuer.public_bytes(),
        Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
    })


def fill_token(module_path: str, spec: TokenSpec) -> None:
    # Through the product's module cache: SoftHSM2 must be initialised once per process.
    lib = load_module(module_path)
    token = lib.get_token(token_label=spec.label)
    with token.open(rw=True, user_pin=USER_PIN) as session:
        for key_id, issued in spec.keys:
            _import_key(session, key_id, issued, f"key-{key_id.hex()}")
            _import_cert(session, key_id, issued, f"cert-{key_id.hex()}")
        for key_id, issued in spec.extra_certs:
            _import_cert(session, key_id, issued, f"cert-{key_id.hex()}")
        for key_id, issued in spec.keys_without_cert:
            _import_key(session, key_id, issued, f"key-{key_id.hex()}")


def open_token(module_path: str, label: str | None) -> TokenSession:
    """A session on the SoftHSM2 token *label* through the product's token interface."""
    return open_session(TokenRef(module_path, label or ""))
