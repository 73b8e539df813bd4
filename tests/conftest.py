"""Shared test set-up: Qt offscreen, an isolated per-user directory, test PKI, SoftHSM2 UKEY."""

from __future__ import annotations

import os

# Set before anything imports Qt; the tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settings, drafts and user trust roots go to a temporary directory, never the real profile."""
    monkeypatch.setenv("CGN_SEAL_HOME", str(tmp_path_factory.mktemp("home")))


# --- the test PKI and the test UKEY (SoftHSM2) ------------------------------------------------

import shutil  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

from tests.gm.pki import Sm2TestPki, build_sm2_pki  # noqa: E402
from tests.pki import TestPki, build_test_pki  # noqa: E402


@pytest.fixture(scope="session")
def test_pki() -> TestPki:
    return build_test_pki()


@dataclass
class TestUKey:
    """The SoftHSM2 set-up: module path, PIN, and which token holds what."""

    __test__ = False

    module: str
    pin: str
    pki: TestPki
    root_pem_path: Path


@pytest.fixture(scope="session")
def ukey(test_pki: TestPki, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestUKey]:
    """Five SoftHSM2 tokens (see the table below), made once per test session."""
    from cgn_seal_desktop.ukey.discovery import find_modules
    from tests import softhsm

    base = tmp_path_factory.mktemp("softhsm")
    conf = softhsm.write_config(base)
    # SoftHSM2 reads its configuration when the module is initialised in this process: a test
    # that surveyed every driver before (the environment check) loaded it with the defaults.
    os.environ["SOFTHSM2_CONF"] = str(conf)
    module = next(
        (m.path for m in find_modules() if m.vendor and m.vendor.id == "softhsm2"), None
    )
    assert module, "SoftHSM2 is not installed (packaging/dev.sh installs it)"
    p = test_pki
    specs = [
        softhsm.TokenSpec("CGN-RSA", [(b"\x01", p.org_rsa)], [(b"\xca\x01", p.ca),
                                                             (b"\xca\x02", p.root)], []),
        softhsm.TokenSpec("CGN-EC", [(b"\x02", p.org_ec)],
                          [(b"\xca\x01", p.ca), (b"\x04", p.org_b)], [(b"\x03", p.org_b)]),
        softhsm.TokenSpec("CGN-EXPIRED", [(b"\x05", p.org_expired)], [(b"\xca\x01", p.ca)], []),
        softhsm.TokenSpec("CGN-B", [(b"\x06", p.org_b)], [(b"\xca\x01", p.ca)], []),
        softhsm.TokenSpec("CGN-UNTRUSTED", [(b"\x07", p.other_org)], [], []),
    ]
    for spec in specs:
        softhsm.init_token(conf, spec.label)
    from cgn_seal_desktop.ukey.pkcs11.driver import reload_module

    reload_module(module)  # loaded before (see above): read the configuration and tokens again
    for spec in specs:
        softhsm.fill_token(module, spec)
    root_pem = base / "test-root.pem"
    root_pem.write_bytes(p.root_pem)
    yield TestUKey(module=module, pin=softhsm.USER_PIN, pki=p, root_pem_path=root_pem)


@pytest.fixture(scope="session")
def empty_module(tmp_path_factory: pytest.TempPathFactory, ukey: TestUKey) -> str:
    """A second SoftHSM2 instance (library copy) whose token directory is empty: no UKEY."""
    import os

    from cgn_seal_desktop.ukey.pkcs11.driver import load_module

    base = tmp_path_factory.mktemp("emptyhsm")
    (base / "tokens").mkdir()
    conf = base / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {base / 'tokens'}\nobjectstore.backend = file\n"
                    "log.level = ERROR\n")
    lib = base / "libsofthsm2-empty.so"
    shutil.copy(ukey.module, lib)
    old = os.environ["SOFTHSM2_CONF"]
    os.environ["SOFTHSM2_CONF"] = str(conf)
    try:
        load_module(str(lib))  # SoftHSM2 reads its configuration when initialised
    finally:
        os.environ["SOFTHSM2_CONF"] = old
    return str(lib)


@pytest.fixture(scope="session")
def sm2_pki() -> Sm2TestPki:
    """The SM2 test PKI (test root → TEST SZCA SM2 CA → suppliers, seal maker)."""
    return build_sm2_pki()


@pytest.fixture(scope="session")
def gm_trust(sm2_pki: Sm2TestPki, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A PEM with the SM2 test root and CA: trusted the way production trusts NRCAC ROOTCA
    and SZCA SM2 CA (an SES seal carries only the signer's certificate)."""
    path = tmp_path_factory.mktemp("gm-trust") / "sm2-roots.pem"
    path.write_bytes(sm2_pki.root.cert_pem + sm2_pki.ca.cert_pem)
    return path


# --- the software SKF UKEY (SM2), for the SKF tests and the GUI tests ---------------------------

from tests.softskf import skf_device, softskf  # noqa: E402,F401
