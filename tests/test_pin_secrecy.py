"""The PIN reaches the token and nothing else: not the error, not a frame the error reaches.

A wrong PIN travels up as ``WrongPinError`` through the token layer, the sealing core and the
front end. Every frame of its traceback chain (following ``__context__`` and ``__cause__``) is
searched for the PIN, as text, bytes or an unwiped :class:`Pin`. The GUI path is in
``tests/ui/test_seal_flow.py``.
"""

from __future__ import annotations

import io
import pickle
import sys
from pathlib import Path

import pytest

from cgn_seal_desktop import cli_commands
from cgn_seal_desktop.cli import main
from cgn_seal_desktop.errors import CgnSealError
from cgn_seal_desktop.seal.request import SealPlacement, SignRequest
from cgn_seal_desktop.seal.ukey_sign import sign_with_ukey
from cgn_seal_desktop.ukey.errors import PinPolicyError, WrongPinError
from cgn_seal_desktop.ukey.model import TokenRef
from cgn_seal_desktop.ukey.pin import Pin
from tests.conftest import TestUKey
from tests.pdfs import make_pdf
from tests.secrets_scan import where_is
from tests.softhsm import open_token

WRONG = "97531864"  # distinctive, so a hit is never a coincidence
NEW = "24681357"  # module constants: the test's own frame holds no PIN as a local


def _reset(ukey: TestUKey, label: str) -> None:
    with open_token(ukey.module, label) as s:
        s.login(Pin(ukey.pin))


def test_pin_holder_hides_and_forgets_its_value() -> None:
    pin = Pin(WRONG)
    assert WRONG not in repr(pin) and WRONG not in str(pin) and pin
    with pytest.raises(TypeError):
        pickle.dumps(pin)
    assert pin.reveal() == WRONG
    assert not pin and pin.reveal() == ""


def test_the_scan_finds_a_pin_left_in_a_frame() -> None:
    # The scanner itself must be able to fail, or the tests below prove nothing.
    def leaky(pin: str) -> None:
        raise WrongPinError()

    with pytest.raises(WrongPinError) as info:
        leaky(WRONG)
    assert where_is(WRONG, info.value)

    def leaky_holder(pin: Pin) -> None:
        raise WrongPinError()

    with pytest.raises(WrongPinError) as info2:
        leaky_holder(Pin(WRONG))
    assert where_is(WRONG, info2.value)


def test_wrong_pin_from_the_core_reaches_no_pin(ukey: TestUKey, tmp_path: Path) -> None:
    src = make_pdf(tmp_path / "a.pdf", pages=1)
    with pytest.raises(WrongPinError) as info:
        sign_with_ukey(TokenRef(ukey.module, "CGN-B"), Pin(WRONG), src, tmp_path / "out.pdf",
                       SignRequest(placement=SealPlacement(1, (100.0, 100.0, 200.0, 200.0))))
    assert where_is(WRONG, info.value) == []
    assert not (tmp_path / "out.pdf").exists()
    _reset(ukey, "CGN-B")


def test_wrong_pin_from_the_cli_reaches_no_pin(ukey: TestUKey, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    src = make_pdf(tmp_path / "a.pdf", pages=1)
    caught: list[CgnSealError] = []
    real_fail = cli_commands._fail

    def keep(exc: CgnSealError, code: int = 1) -> int:
        caught.append(exc)
        return real_fail(exc, code)

    monkeypatch.setattr(cli_commands, "_fail", keep)
    monkeypatch.setattr(sys, "stdin", io.StringIO(WRONG + "\n"))
    code = main(["sign", str(src), "-o", str(tmp_path / "out.pdf"), "--rect", "100,100,200,200",
                 "--module", ukey.module, "--token", "CGN-B", "--pin-stdin"])
    assert code == 1
    assert len(caught) == 1 and isinstance(caught[0], WrongPinError)
    assert where_is(WRONG, caught[0]) == []
    assert not (tmp_path / "out.pdf").exists()
    _reset(ukey, "CGN-B")


def test_change_pin_guards_and_secrecy(ukey: TestUKey) -> None:
    with open_token(ukey.module, "CGN-B") as s:
        with pytest.raises(WrongPinError) as info:
            s.change_pin(Pin(WRONG), Pin(NEW))
        assert where_is(WRONG, info.value) == [] and where_is(NEW, info.value) == []
        with pytest.raises(PinPolicyError):
            s.change_pin(Pin(ukey.pin), Pin("1"))  # SoftHSM2 wants at least 4 characters
        s.change_pin(Pin(ukey.pin), Pin(NEW))
    with open_token(ukey.module, "CGN-B") as s:
        with pytest.raises(WrongPinError):
            s.login(Pin(ukey.pin))  # the old PIN no longer works
        s.login(Pin(NEW))
        s.change_pin(Pin(NEW), Pin(ukey.pin))  # back, for the other tests
    _reset(ukey, "CGN-B")
