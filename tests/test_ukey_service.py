"""The UKEY service both front ends use: drivers to ask, UKEYs across drivers, certificate
choice, the backend seam. Real SoftHSM2 drivers (the test UKEYs and an empty copy)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cgn_seal_desktop.ukey import service
from cgn_seal_desktop.ukey.errors import (
    InterfaceNotSupportedError,
    ModuleLoadError,
    NoModuleError,
    NoTokenError,
    TokenAmbiguousError,
)
from cgn_seal_desktop.ukey.model import TokenRef
from cgn_seal_desktop.ukey.pin import Pin
from tests.conftest import TestUKey
from tests.ukey_backends import DelayedBackend


def test_tokens_are_listed_across_drivers(ukey: TestUKey, empty_module: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # Automatic: every driver found is asked (here the test SoftHSM2 and, through the
    # environment variable, its empty copy); the empty one adds nothing and breaks nothing.
    monkeypatch.setenv("CGN_SEAL_PKCS11_MODULE", empty_module)
    paths = [m.path for m in service.candidate_drivers("")]
    assert empty_module in paths and ukey.module in paths
    labels = {t.label for t in service.list_all_tokens("") or []}
    assert {"CGN-RSA", "CGN-EC", "CGN-B"} <= labels
    assert all(t.interface == "pkcs11" for t in service.list_all_tokens("") or [])
    # A chosen driver is the only one asked.
    assert service.list_all_tokens(empty_module) == []


def test_a_chosen_driver_that_is_gone_says_why(tmp_path: Path) -> None:
    gone = str(tmp_path / "vendor-pkcs11.so")
    with pytest.raises(ModuleLoadError):
        service.list_all_tokens(gone)
    survey = service.survey_drivers(gone) or []
    assert survey[0].candidate.path == gone and not survey[0].usable
    assert isinstance(survey[0].error, NoModuleError)


def test_no_driver_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "find_modules", lambda *_a, **_k: [])
    with pytest.raises(NoModuleError):
        service.list_all_tokens("")


def test_find_token_by_label(ukey: TestUKey) -> None:
    token = service.find_token(ukey.module, "CGN-EC")
    assert token.ref == TokenRef(ukey.module, "CGN-EC", token.serial, "pkcs11")
    with pytest.raises(NoTokenError):
        service.find_token(ukey.module, "NOT-INSERTED")
    with pytest.raises(TokenAmbiguousError):
        service.find_token(ukey.module)


def test_signing_choices_leave_out_ca_certificates(ukey: TestUKey) -> None:
    tokens = [t for t in service.list_all_tokens(ukey.module) or [] if t.label == "CGN-RSA"]
    choices = service.signing_choices(tokens)
    assert [c.cert.key_id for c in choices] == [b"\x01"]
    assert choices[0].owner == "深圳市测试供应商有限公司"


def test_unknown_interface_is_refused_typed(tmp_path: Path) -> None:
    with pytest.raises(InterfaceNotSupportedError):
        service.backend_for(str(tmp_path / "x.dll"), "csp")


def test_an_installed_backend_serves_every_caller(ukey: TestUKey) -> None:
    real = service.backend_for(ukey.module, "pkcs11")
    slow = DelayedBackend(real, 0.01)
    service.install_backend(slow)
    try:
        assert service.backend_for(ukey.module, "pkcs11") is slow
        with service.open_session(TokenRef(ukey.module, "CGN-RSA")) as s:
            s.login(Pin(ukey.pin))
            assert s.logged_in
    finally:
        service.install_backend(real)
    assert service.backend_for(ukey.module, "pkcs11") is real
