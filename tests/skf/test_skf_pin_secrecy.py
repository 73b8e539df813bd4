"""The PIN reaches ``SKF_VerifyPIN``/``SKF_ChangePIN`` and nothing else: a wrong PIN travelling
up as ``WrongPinError`` (and a locked or removed UKEY) reaches no frame, exception or attribute
that still holds it — from the token layer, the sealing core and the CLI (as
``tests/test_pin_secrecy.py`` does for PKCS#11)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from cgn_seal_desktop import cli_commands
from cgn_seal_desktop.cli import main
from cgn_seal_desktop.errors import CgnSealError
from cgn_seal_desktop.seal.request import SealPlacement, SignRequest
from cgn_seal_desktop.seal.ukey_sign import sign_with_ukey
from cgn_seal_desktop.ukey.errors import (
    PinLockedError,
    PinPolicyError,
    TokenRemovedError,
    UKeyError,
    WrongPinError,
)
from cgn_seal_desktop.ukey.pin import Pin
from cgn_seal_desktop.ukey.service import change_pin, open_session
from tests.pdfs import make_pdf
from tests.secrets_scan import where_is
from tests.skf.conftest import PIN, SoftSkf

WRONG = "97531864"  # distinctive, so a hit is never a coincidence
NEW = "24681357"


def _clean(exc: BaseException, *secrets: str) -> None:
    # Only distinctive PINs are searched: "123456" is part of the SM2 signer ID every session
    # holds in the open.
    for secret in secrets:
        assert where_is(secret, exc) == [], secret
    assert exc.__context__ is None and exc.__cause__ is None


def test_wrong_and_locked_pin_from_the_token_layer(softskf: SoftSkf) -> None:
    dev = softskf.issue(max_retries=2)
    with open_session(softskf.ref(dev.label)) as s:
        with pytest.raises(WrongPinError) as info:
            s.login(Pin(WRONG))
        _clean(info.value, WRONG)
        with pytest.raises(PinLockedError) as locked:
            s.login(Pin(WRONG), confirm_final_try=True)
        _clean(locked.value, WRONG)


def test_removed_ukey_during_login_reaches_no_pin(softskf: SoftSkf) -> None:
    dev = softskf.issue()
    with open_session(softskf.ref(dev.label)) as s:
        softskf.remove(dev)
        with pytest.raises(TokenRemovedError) as info:
            s.login(Pin(WRONG))
        _clean(info.value, WRONG)


def test_wrong_pin_from_the_core_reaches_no_pin(softskf: SoftSkf, tmp_path: Path) -> None:
    dev = softskf.issue()
    src = make_pdf(tmp_path / "a.pdf", pages=1)
    with pytest.raises(WrongPinError) as info:
        sign_with_ukey(softskf.ref(dev.label), Pin(WRONG), src, tmp_path / "out.pdf",
                       SignRequest(placement=SealPlacement(1, (100.0, 100.0, 200.0, 200.0))))
    assert where_is(WRONG, info.value) == []
    assert not (tmp_path / "out.pdf").exists()


def test_wrong_pin_from_the_cli_reaches_no_pin(softskf: SoftSkf, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    dev = softskf.issue()
    src = make_pdf(tmp_path / "a.pdf", pages=1)
    caught: list[CgnSealError] = []
    real_fail = cli_commands._fail

    def keep(exc: CgnSealError, code: int = 1) -> int:
        caught.append(exc)
        return real_fail(exc, code)

    monkeypatch.setattr(cli_commands, "_fail", keep)
    monkeypatch.setattr(sys, "stdin", io.StringIO(WRONG + "\n"))
    code = main(["sign", str(src), "-o", str(tmp_path / "out.pdf"), "--rect", "100,100,200,200",
                 "--module", softskf.module, "--token", dev.label, "--pin-stdin"])
    assert code == 1
    assert len(caught) == 1 and isinstance(caught[0], WrongPinError)
    assert where_is(WRONG, caught[0]) == []
    assert not (tmp_path / "out.pdf").exists()


def test_change_pin_errors_reach_no_pin(softskf: SoftSkf, monkeypatch: pytest.MonkeyPatch
                                        ) -> None:
    dev = softskf.issue()
    ref = softskf.ref(dev.label)
    with pytest.raises(WrongPinError) as info:
        change_pin(ref, Pin(WRONG), Pin(NEW))
    _clean(info.value, WRONG, NEW)
    with pytest.raises(PinPolicyError) as policy:
        change_pin(ref, Pin(PIN), Pin("97"))
    _clean(policy.value, "97")
    # Through the CLI too (old, new, new on stdin).
    caught: list[CgnSealError] = []
    real_fail = cli_commands._fail

    def keep(exc: CgnSealError, code: int = 1) -> int:
        caught.append(exc)
        return real_fail(exc, code)

    monkeypatch.setattr(cli_commands, "_fail", keep)
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{WRONG}\n{NEW}\n{NEW}\n"))
    assert main(["change-pin", "--module", softskf.module, "--token", dev.label,
                 "--pin-stdin"]) == 1
    assert len(caught) == 1 and isinstance(caught[0], UKeyError)
    assert where_is(WRONG, caught[0]) == [] and where_is(NEW, caught[0]) == []
