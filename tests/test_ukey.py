"""UKEY layer against a real SoftHSM2 module: discovery, tokens, PIN handling, signing."""

from __future__ import annotations

import hashlib
import json

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, utils
from pkcs11 import TokenFlag
from pkcs11 import exceptions as p11x

from cgn_seal_desktop.ukey import discovery, errors, model, service
from cgn_seal_desktop.ukey.model import TokenRef
from cgn_seal_desktop.ukey.pin import Pin
from cgn_seal_desktop.ukey.pkcs11 import driver, mechanisms
from cgn_seal_desktop.ukey.pkcs11.session import Pkcs11Session
from cgn_seal_desktop.ukey.service import choose_signing_certificate
from tests.conftest import TestUKey
from tests.softhsm import open_token


def test_vendor_table_has_the_known_ukeys_for_every_platform() -> None:
    table = discovery.load_vendor_table()
    by_id = {e.id: e for e in table}
    assert "gm3000_pkcs11.dll" in by_id["longmai-gm3000"].files["windows"]
    assert "libgm3000_pkcs11.so" in by_id["longmai-gm3000"].files["linux"]
    assert "eps2003csp11.dll" in by_id["feitian-epass2003"].files["windows"]
    assert "HtPkcs11.dll" in by_id["haitai"].files["windows"]
    assert "WDPKCS.dll" in by_id["watchdata"].files["windows"]
    assert by_id["longmai-gm3000-skf"].interface == "skf"
    for entry in table:
        assert set(entry.files) == {"windows", "linux", "darwin"}, entry.id
        assert any("System32" in d for d in entry.dirs["windows"]) or entry.test_only, entry.id


def test_discovery_finds_softhsm_and_lists_user_path_first(tmp_path) -> None:
    fake = tmp_path / "gm3000_pkcs11.dll"
    found = discovery.find_modules(str(fake), platform="linux")
    assert found[0].source == "user" and not found[0].exists
    assert found[0].vendor is not None and found[0].vendor.id == "longmai-gm3000"
    softhsm = [m for m in found if m.vendor and m.vendor.id == "softhsm2"]
    assert softhsm and softhsm[0].exists
    assert all(m.vendor.id != "softhsm2" for m in discovery.find_modules(
        include_test_modules=False) if m.vendor)


def test_discovery_expands_windows_dirs(tmp_path, monkeypatch) -> None:
    system32 = tmp_path / "System32"
    system32.mkdir()
    (system32 / "HtPkcs11.dll").write_bytes(b"MZ")
    monkeypatch.setenv("SystemRoot", str(tmp_path))
    found = discovery.find_modules(platform="windows")
    assert [m.vendor.id for m in found if m.vendor] == ["haitai"]


def test_tokens_lists_labels_pin_state_and_certificates(ukey: TestUKey) -> None:
    infos = {t.label: t for t in driver.list_tokens(ukey.module)}
    assert {"CGN-RSA", "CGN-EC", "CGN-EXPIRED", "CGN-B", "CGN-UNTRUSTED"} <= set(infos)
    rsa_tok = infos["CGN-RSA"]
    assert rsa_tok.pin_state is model.PinState.OK
    assert rsa_tok.login_required
    assert rsa_tok.manufacturer and rsa_tok.model and rsa_tok.serial
    signer = [c for c in rsa_tok.certificates if not c.is_ca]
    assert len(signer) == 1 and signer[0].organization == "深圳市测试供应商有限公司"
    assert signer[0].key_id == b"\x01"
    assert "digital_signature" in signer[0].key_usage and signer[0].key_type == "rsa"
    assert signer[0].serial == ukey.pki.org_rsa.cert.serial_number
    assert sum(c.is_ca for c in rsa_tok.certificates) == 2
    assert [c.key_type for c in infos["CGN-EC"].certificates if c.key_id == b"\x02"] == ["ec"]


@pytest.mark.parametrize(
    ("flags", "state"),
    [
        (TokenFlag.USER_PIN_INITIALIZED, model.PinState.OK),
        (TokenFlag.USER_PIN_INITIALIZED | TokenFlag.USER_PIN_COUNT_LOW, model.PinState.COUNT_LOW),
        (TokenFlag.USER_PIN_INITIALIZED | TokenFlag.USER_PIN_COUNT_LOW
         | TokenFlag.USER_PIN_FINAL_TRY, model.PinState.FINAL_TRY),
        (TokenFlag.USER_PIN_INITIALIZED | TokenFlag.USER_PIN_LOCKED, model.PinState.LOCKED),
        (TokenFlag(0), model.PinState.NOT_INITIALIZED),
    ],
)
def test_pin_state_from_flags(flags: TokenFlag, state: model.PinState) -> None:
    assert model.pin_state_from_flags(flags) is state


def test_final_try_needs_confirmation_and_locked_is_refused() -> None:
    final = TokenFlag.USER_PIN_INITIALIZED | TokenFlag.USER_PIN_FINAL_TRY
    with pytest.raises(errors.FinalTryNotConfirmedError):
        model.check_pin_allowed(final, confirm_final_try=False)
    model.check_pin_allowed(final, confirm_final_try=True)
    with pytest.raises(errors.PinLockedError):
        model.check_pin_allowed(
            TokenFlag.USER_PIN_INITIALIZED | TokenFlag.USER_PIN_LOCKED, confirm_final_try=True
        )


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (p11x.PinIncorrect(), errors.WrongPinError),
        (p11x.PinLocked(), errors.PinLockedError),
        (p11x.DeviceRemoved(), errors.TokenRemovedError),
        (p11x.TokenNotPresent(), errors.TokenRemovedError),
        (p11x.SessionHandleInvalid(), errors.TokenRemovedError),
        (p11x.GeneralError(), errors.TokenError),
    ],
)
def test_pkcs11_errors_become_typed_errors(exc: Exception, expected: type) -> None:
    assert isinstance(driver.translate_pkcs11_error(exc), expected)


def test_wrong_pin_is_a_typed_error_without_the_pin(ukey: TestUKey) -> None:
    with open_token(ukey.module, "CGN-B") as s:
        with pytest.raises(errors.WrongPinError) as info:
            s.login(Pin("999999"))
        assert "999999" not in str(info.value) and "999999" not in repr(info.value.args)
        assert info.value.__cause__ is None
        s.login(Pin(ukey.pin))  # a good PIN still works afterwards
        assert s.logged_in


def test_no_token_and_unknown_label(ukey: TestUKey) -> None:
    with pytest.raises(errors.NoTokenError):
        open_token(ukey.module, "NOT-INSERTED")
    with pytest.raises(errors.TokenAmbiguousError):
        open_token(ukey.module, None)


def test_module_load_failures_are_typed(tmp_path) -> None:
    with pytest.raises(errors.ModuleLoadError):
        driver.load_module(str(tmp_path / "missing.so"))
    garbage = tmp_path / "garbage.so"
    garbage.write_bytes(b"not a shared library")
    with pytest.raises(errors.ModuleLoadError):
        driver.load_module(str(garbage))
    with pytest.raises(errors.InterfaceNotSupportedError):
        service.backend_for(str(garbage), "no-such-interface")


def test_certificate_selection(ukey: TestUKey) -> None:
    with open_token(ukey.module, "CGN-EC") as s:
        certs = s.certificates()
        # Two end-entity certificates: the real one (02) and a stray one without key (04).
        assert {c.key_id for c in certs if not c.is_ca} == {b"\x02", b"\x04"}
        assert choose_signing_certificate(certs, b"\x02").key_id == b"\x02"
        with pytest.raises(errors.CertificateNotFoundError):
            choose_signing_certificate(certs, b"\x03")  # a key without certificate
        with pytest.raises(errors.CertificateNotFoundError):
            choose_signing_certificate([c for c in certs if c.is_ca])
        s.login(Pin(ukey.pin))
        assert s.has_private_key(b"\x02") and s.has_private_key(b"\x03")
        assert not s.has_private_key(b"\x04")
        stray = next(c for c in certs if c.key_id == b"\x04")
        with pytest.raises(errors.PrivateKeyNotFoundError):
            s.sign(stray, b"data", "sha256")


def test_rsa_and_ecdsa_signatures_verify(ukey: TestUKey) -> None:
    data = b"\x00hello seal" * 100
    # The module table's override (a driver without CKM_SHA256_RSA_PKCS) and the default.
    for overrides in ({}, {"rsa": "RSA_PKCS+SHA256"}):
        with Pkcs11Session(ukey.module, TokenRef(ukey.module, "CGN-RSA"),
                           mechanisms=overrides) as s:
            s.login(Pin(ukey.pin))
            cert = choose_signing_certificate(s.certificates())
            sig = s.sign(cert, data, "sha256")
            ukey.pki.org_rsa.cert.public_key().verify(  # type: ignore[call-arg]
                sig, data, padding.PKCS1v15(), hashes.SHA256()
            )
    with open_token(ukey.module, "CGN-EC") as s:
        s.login(Pin(ukey.pin))
        sig = s.sign(choose_signing_certificate(s.certificates(), b"\x02"), data, "sha256")
        pub = ukey.pki.org_ec.cert.public_key()
        assert isinstance(pub, ec.EllipticCurvePublicKey)
        pub.verify(sig, data, ec.ECDSA(hashes.SHA256()))  # DER-encoded, as CMS needs
        digest = hashlib.sha256(data).digest()
        pub.verify(sig, digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))


def test_sign_before_login_or_after_close_is_typed(ukey: TestUKey) -> None:
    s = open_token(ukey.module, "CGN-RSA")
    cert = choose_signing_certificate(s.certificates())
    with pytest.raises(errors.UKeyError):
        s.sign(cert, b"x", "sha256")
    s.close()
    s.close()
    with pytest.raises(errors.UKeyError):
        s.certificates()


def test_unknown_mechanism_is_refused() -> None:
    with pytest.raises(errors.MechanismNotSupportedError):
        mechanisms.scheme_for("sm2", "sm3")
    with pytest.raises(errors.MechanismNotSupportedError):
        mechanisms.scheme_for("rsa", "sha256", override="ECDSA+SHA256")
    assert json.dumps(sorted(mechanisms.SCHEMES))  # names are plain strings (settings-friendly)
