"""The SKF backend against the software SKF UKEY (C over OpenSSL, loaded like a vendor DLL):
listing, PIN counters and guards, SM2 signing checked by gmalg, removal, missing container or
certificate, change PIN."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cgn_seal_desktop.demo.softskf import IssuedDevice
from cgn_seal_desktop.ukey import sm2
from cgn_seal_desktop.ukey.certinfo import sm2_public_key
from cgn_seal_desktop.ukey.errors import (
    CertificateNotFoundError,
    FinalTryNotConfirmedError,
    MechanismNotSupportedError,
    NoContainerError,
    NoTokenError,
    PinLockedError,
    PinPolicyError,
    TokenError,
    TokenRemovedError,
    WrongPinError,
)
from cgn_seal_desktop.ukey.model import PinState
from cgn_seal_desktop.ukey.pin import Pin
from cgn_seal_desktop.ukey.service import backend_for, open_session
from tests.skf import oracle
from tests.skf.conftest import ORG, PIN, SoftSkf

Issue = Callable[..., IssuedDevice]


def _token(softskf: SoftSkf, label: str):  # type: ignore[no-untyped-def]
    tokens = backend_for(softskf.module, "skf").list_tokens()
    return next(t for t in tokens if t.label == label)


def test_lists_the_ukey_with_its_sm2_certificate_and_pin_counter(softskf: SoftSkf,
                                                                 skf_device: Issue) -> None:
    dev = skf_device()
    t = _token(softskf, dev.label)
    assert t.interface == "skf" and t.ref.interface == "skf"
    assert (t.pin_tries_left, t.pin_max_tries, t.pin_state) == (6, 6, PinState.OK)
    assert t.serial.startswith("SKF") and t.manufacturer == "cgn-seal-desktop"
    (cert,) = t.certificates
    assert cert.key_type == "sm2" and cert.organization == ORG and cert.can_sign
    assert cert.key_id == b"SEAL"
    assert sm2_public_key(cert.der) == dev.public_key


def test_sm2_signature_verifies_with_an_independent_implementation(softskf: SoftSkf,
                                                                   skf_device: Issue) -> None:
    dev = skf_device()
    message = "合同编号 2024-001 盖章".encode()
    with open_session(softskf.ref(dev.label)) as s:
        s.login(Pin(PIN))
        cert = s.certificates()[0]
        signature = s.sign(cert, message, "sm3")
        second = s.sign(cert, message, "sm3")
    assert dev.public_key is not None
    assert oracle.verify(dev.public_key, message, signature)
    assert not oracle.verify(dev.public_key, message + b"x", signature)
    assert signature != second  # SM2 is randomised: the token really signs each time
    r, s_ = oracle.rs(signature)
    assert 0 < r < sm2.SM2_N and 0 < s_ < sm2.SM2_N


def test_sign_needs_login_and_sm3(softskf: SoftSkf, skf_device: Issue) -> None:
    dev = skf_device()
    with open_session(softskf.ref(dev.label)) as s:
        cert = s.certificates()[0]
        with pytest.raises(MechanismNotSupportedError):
            s.sign(cert, b"data", "sha256")
        with pytest.raises(TokenError) as info:  # the token refuses: not logged in
            s.sign(cert, b"data", "sm3")
        assert "SAR_USER_NOT_LOGGED_IN" in info.value.message


def test_wrong_pin_reports_tries_left_and_a_good_pin_resets(softskf: SoftSkf,
                                                            skf_device: Issue) -> None:
    dev = skf_device()
    with open_session(softskf.ref(dev.label)) as s:
        with pytest.raises(WrongPinError) as info:
            s.login(Pin("000000"))
        assert info.value.tries_left == 5 and info.value.count_low
        assert not info.value.final_try and "5 tries left" in info.value.message
        assert s.token_info().pin_state is PinState.COUNT_LOW
        s.login(Pin(PIN))
        assert s.logged_in
        assert s.token_info().pin_tries_left == 6


def test_final_try_needs_confirmation_and_the_lock_stops_everything(softskf: SoftSkf,
                                                                    skf_device: Issue) -> None:
    dev = skf_device(max_retries=3)
    with open_session(softskf.ref(dev.label)) as s:
        with pytest.raises(WrongPinError):
            s.login(Pin("000000"))
        with pytest.raises(WrongPinError) as info:
            s.login(Pin("000001"))
        assert info.value.final_try and info.value.tries_left == 1
        assert s.token_info().pin_state is PinState.FINAL_TRY
        # Not confirmed: refused before the driver is asked, so no try is spent.
        with pytest.raises(FinalTryNotConfirmedError):
            s.login(Pin(PIN))
        assert s.token_info().pin_tries_left == 1
        with pytest.raises(PinLockedError):
            s.login(Pin("000002"), confirm_final_try=True)
        info_after = s.token_info()
        assert info_after.pin_state is PinState.LOCKED and info_after.pin_tries_left == 0
        # Locked: even the right PIN is refused, and so is changing it.
        with pytest.raises(PinLockedError):
            s.login(Pin(PIN), confirm_final_try=True)
        with pytest.raises(PinLockedError):
            s.change_pin(Pin(PIN), Pin("654321"), confirm_final_try=True)
    assert _token(softskf, dev.label).pin_state is PinState.LOCKED


def test_removed_ukey(softskf: SoftSkf, skf_device: Issue) -> None:
    dev = skf_device()
    with open_session(softskf.ref(dev.label)) as s:
        s.login(Pin(PIN))
        cert = s.certificates()[0]
        softskf.remove(dev)
        with pytest.raises(TokenRemovedError):
            s.sign(cert, b"data", "sm3")
        with pytest.raises(TokenRemovedError):
            s.token_info()
    # Gone from the list, and cannot be opened; back when inserted again.
    labels = [t.label for t in backend_for(softskf.module, "skf").list_tokens()]
    assert dev.label not in labels
    with pytest.raises(NoTokenError):
        open_session(softskf.ref(dev.label))
    softskf.reinsert(dev)
    with open_session(softskf.ref(dev.label)) as s:
        s.login(Pin(PIN))


def test_removed_during_login(softskf: SoftSkf, skf_device: Issue) -> None:
    dev = skf_device()
    with open_session(softskf.ref(dev.label)) as s:
        softskf.remove(dev)
        with pytest.raises(TokenRemovedError):
            s.login(Pin(PIN))


def test_no_container(softskf: SoftSkf, skf_device: Issue) -> None:
    dev = skf_device(container=None)
    t = _token(softskf, dev.label)
    assert t.certificates == []
    with open_session(softskf.ref(dev.label)) as s:
        assert isinstance(s.missing_certificate_error(), NoContainerError)


def test_key_without_certificate(softskf: SoftSkf, skf_device: Issue) -> None:
    dev = skf_device(with_cert=False)
    assert _token(softskf, dev.label).certificates == []
    with open_session(softskf.ref(dev.label)) as s:
        error = s.missing_certificate_error()
    assert type(error) is CertificateNotFoundError
    assert "no signing certificate" in error.message


def test_change_pin(softskf: SoftSkf, skf_device: Issue) -> None:
    dev = skf_device()
    with open_session(softskf.ref(dev.label)) as s:
        with pytest.raises(WrongPinError) as info:
            s.change_pin(Pin("000000"), Pin("654321"))
        assert info.value.tries_left == 5
        with pytest.raises(PinPolicyError):
            s.change_pin(Pin(PIN), Pin("12"))  # too short: refused, no try spent
        assert s.token_info().pin_tries_left == 5
        s.change_pin(Pin(PIN), Pin("654321"))
        assert s.token_info().pin_tries_left == 6
    with open_session(softskf.ref(dev.label)) as s:
        with pytest.raises(WrongPinError):
            s.login(Pin(PIN))
        s.login(Pin("654321"))
