"""``cgn-seal change-pin`` on a PKCS#11 UKEY (C_SetPIN through the token interface)."""

from __future__ import annotations

import io
import sys

import pytest

from cgn_seal_desktop.cli import main
from cgn_seal_desktop.ukey.errors import WrongPinError
from cgn_seal_desktop.ukey.pin import Pin
from tests.conftest import TestUKey
from tests.softhsm import open_token

NEW = "24681357"


def test_change_pin_on_softhsm(ukey: TestUKey, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    args = ["change-pin", "--module", ukey.module, "--token", "CGN-B", "--pin-stdin"]
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{ukey.pin}\n{NEW}\n{NEW}x\n"))
    assert main(args) == 2  # the new PIN typed differently: nothing changed
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{ukey.pin}\n{NEW}\n{NEW}\n"))
    assert main(args) == 0
    assert "PIN changed" in capsys.readouterr().out
    with open_token(ukey.module, "CGN-B") as s:
        with pytest.raises(WrongPinError):
            s.login(Pin(ukey.pin))
        s.login(Pin(NEW))
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{NEW}\n{ukey.pin}\n{ukey.pin}\n"))
    assert main(args) == 0  # back, for the other tests
    with open_token(ukey.module, "CGN-B") as s:
        s.login(Pin(ukey.pin))
