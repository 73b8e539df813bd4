"""A test UKEY for trying the seal self-check without a real one (SoftHSM2, PIN 123456).

``cgn-seal demo-ukey`` (``python -m cgn_seal_desktop.demo.softhsm_ukey``) creates, under the
per-user data directory, a SoftHSM2 token "CGN-DEMO" holding a seal key and certificate for
"示例供应商有限公司" issued by a demo root CA made for this computer; adds that root to the
user's trusted roots (so a demo seal verifies as "签名有效"); and chooses SoftHSM2 as the UKEY
driver in the settings. The program points SoftHSM2 at this token at start-up
(:func:`activate`) unless ``SOFTHSM2_CONF`` is already set.

The demo root is a toy: anyone with this computer's profile can sign with it. Remove it under
Settings → trusted roots when done.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

from cgn_seal_desktop import paths

__all__ = ["DEMO_LABEL", "DEMO_PIN", "activate", "create_demo_ukey", "demo_dir"]

DEMO_LABEL = "CGN-DEMO"
DEMO_PIN = "123456"
_SO_PIN = "12345678"
_ORG = "示例供应商有限公司"


def demo_dir() -> Path:
    return paths.data_dir() / "demo-ukey"


def activate() -> bool:
    """Point SoftHSM2 at the demo token if one was created and nothing else is configured."""
    conf = demo_dir() / "softhsm2.conf"
    if "SOFTHSM2_CONF" in os.environ or not conf.is_file():
        return False
    os.environ["SOFTHSM2_CONF"] = str(conf)
    return True


def _softhsm_module() -> str:
    from cgn_seal_desktop.ukey.discovery import find_modules

    module = next((m.path for m in find_modules() if m.vendor and m.vendor.id == "softhsm2"),
                  None)
    if module is None or shutil.which("softhsm2-util") is None:
        raise RuntimeError("SoftHSM2 is not installed (Debian/Ubuntu: apt-get install softhsm2)")
    return module


def create_demo_ukey() -> tuple[str, Path]:
    """Create (or re-create) the demo token; returns (PKCS#11 module path, demo root PEM)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    from pkcs11 import Attribute, CertificateType, ObjectClass
    from pkcs11.util.ec import decode_ec_private_key

    from cgn_seal_desktop.fsutil import atomic_write_bytes
    from cgn_seal_desktop.seal.trust import add_user_root
    from cgn_seal_desktop.settings import Settings
    from cgn_seal_desktop.ukey.pkcs11.driver import load_module

    module = _softhsm_module()
    base = demo_dir()
    if base.exists():
        shutil.rmtree(base)
    (base / "tokens").mkdir(parents=True)
    conf = base / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {base / 'tokens'}\nobjectstore.backend = file\n"
                    "log.level = ERROR\n", encoding="utf-8")
    os.environ["SOFTHSM2_CONF"] = str(conf)  # before this process loads the module
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", DEMO_LABEL,
                    "--pin", DEMO_PIN, "--so-pin", _SO_PIN], check=True, capture_output=True)

    now = dt.datetime.now(dt.UTC)
    root_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(
        ec.SECP256R1())
    root_name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                           x509.NameAttribute(NameOID.ORGANIZATION_NAME, "cgn-seal-desktop demo"),
                           x509.NameAttribute(NameOID.COMMON_NAME,
                                              "演示根证书 Demo Root, NOT FOR PRODUCTION")])
    root = (x509.CertificateBuilder().subject_name(root_name).issuer_name(root_name)
            .public_key(root_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                         False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()),
                           critical=False)
            .sign(root_key, hashes.SHA256()))
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, _ORG),
                      x509.NameAttribute(NameOID.COMMON_NAME, f"{_ORG}(演示)")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(root_name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=730))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False,
                                         False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA256()))

    def cert_attrs(c: x509.Certificate, key_id: bytes, label: str) -> dict[Attribute, object]:
        return {
            Attribute.CLASS: ObjectClass.CERTIFICATE,
            Attribute.CERTIFICATE_TYPE: CertificateType.X_509, Attribute.TOKEN: True,
            Attribute.PRIVATE: False, Attribute.ID: key_id, Attribute.LABEL: label,
            Attribute.SUBJECT: c.subject.public_bytes(), Attribute.ISSUER: c.issuer.public_bytes(),
            Attribute.VALUE: c.public_bytes(serialization.Encoding.DER),
        }

    der = key.private_bytes(serialization.Encoding.DER,
                            serialization.PrivateFormat.TraditionalOpenSSL,
                            serialization.NoEncryption())
    key_attrs = decode_ec_private_key(der)
    key_attrs.update({Attribute.TOKEN: True, Attribute.PRIVATE: True, Attribute.SENSITIVE: True,
                      Attribute.SIGN: True, Attribute.ID: b"\x01", Attribute.LABEL: "seal-key"})
    lib = load_module(module)
    with lib.get_token(token_label=DEMO_LABEL).open(rw=True, user_pin=DEMO_PIN) as session:
        session.create_object(key_attrs)
        session.create_object(cert_attrs(cert, b"\x01", "seal"))
        session.create_object(cert_attrs(root, b"\xca\x01", "demo-root"))
    root_pem = base / "demo-root.pem"
    atomic_write_bytes(root_pem, root.public_bytes(serialization.Encoding.PEM))
    add_user_root(root_pem)
    settings = Settings.load()
    settings.module_path = module
    settings.save()
    return module, root_pem


def main() -> int:
    try:
        module, root = create_demo_ukey()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        print(f"无法创建试用 UKEY / cannot create the demo UKEY: {exc}", file=sys.stderr)
        return 1
    print(f"已创建试用 UKEY“{DEMO_LABEL}”（PIN {DEMO_PIN}），驱动 {module}。")
    print(f"  Demo UKEY '{DEMO_LABEL}' created (PIN {DEMO_PIN}); driver {module}.")
    print(f"它的根证书 {root} 现已被当前用户信任（仅用于试用）。启动程序：cgn-seal")
    print(f"  Its root {root} is now trusted for this user. Start the program: cgn-seal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
