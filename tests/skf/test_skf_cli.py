"""``cgn-seal tokens``, ``sign``, ``change-pin`` and ``demo-ukey --sm2`` with SKF UKEYs."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from cgn_seal_desktop.cli import main
from cgn_seal_desktop.demo.softskf import ENV_DIR, ENV_LIB_DIR
from tests.conftest import TestUKey
from tests.pdfs import make_pdf
from tests.skf.conftest import PIN, SoftSkf


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_tokens_lists_an_skf_ukey_with_an_sm2_key(softskf: SoftSkf, ukey: TestUKey,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    # `tokens` asks every driver found: SoftHSM2 must be set up (``ukey``) before it loads.
    dev = softskf.issue()
    assert main(["tokens", "--module", softskf.module, "--json"]) == 0
    modules = json.loads(capsys.readouterr().out)["modules"]
    module = modules[0]  # the chosen driver first
    assert module["path"] == softskf.module and module["source"] == "user"
    assert module["interface"] == "skf" and module["machine_ok"]
    token = next(t for t in module["tokens"] if t["label"] == dev.label)
    assert token["interface"] == "skf" and token["pin_tries_left"] == 6
    assert [c["key_type"] for c in token["certificates"]] == ["sm2"]
    assert main(["tokens", "--module", softskf.module]) == 0
    text = capsys.readouterr().out
    assert f"SKF UKEY: {dev.label}" in text and "SM2" in text and "6 of 6 tries left" in text


def test_sign_and_wrong_pin(softskf: SoftSkf, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    dev = softskf.issue()
    src = make_pdf(tmp_path / "in.pdf", pages=1)
    out = tmp_path / "out.pdf"
    args = ["sign", str(src), "-o", str(out), "--rect", "100,100,220,220", "--module",
            softskf.module, "--token", dev.label, "--pin-stdin"]
    _stdin(monkeypatch, "000000\n")
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "[wrong_pin]" in err and "5 tries left" in err and "Traceback" not in err
    assert not out.exists()
    _stdin(monkeypatch, PIN + "\n")
    assert main([*args, "--sm2-format", "gm"]) == 0
    assert out.is_file() and b"/ByteRange" in out.read_bytes()


def test_change_pin(softskf: SoftSkf, monkeypatch: pytest.MonkeyPatch,
                    capsys: pytest.CaptureFixture[str]) -> None:
    dev = softskf.issue()
    args = ["change-pin", "--module", softskf.module, "--token", dev.label, "--pin-stdin"]
    _stdin(monkeypatch, f"{PIN}\n111111\n111112\n")
    assert main(args) == 2  # the two new PINs differ: nothing tried
    assert "differ" in capsys.readouterr().err
    _stdin(monkeypatch, "000000\n111111\n111111\n")
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "6 PIN tries left" in err and "5 tries left" in err
    _stdin(monkeypatch, f"{PIN}\n24681357\n24681357\n")
    assert main(args) == 0
    assert "PIN changed" in capsys.readouterr().out
    _stdin(monkeypatch, f"{PIN}\n111111\n111111\n")
    assert main(args) == 1  # the old PIN is gone
    _stdin(monkeypatch, f"24681357\n{PIN}\n{PIN}\n")
    assert main(args) == 0


def test_change_pin_refuses_the_final_try_from_a_script(
        softskf: SoftSkf, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    dev = softskf.issue(max_retries=2)
    args = ["change-pin", "--module", softskf.module, "--token", dev.label, "--pin-stdin"]
    _stdin(monkeypatch, "000000\n111111\n111111\n")
    assert main(args) == 1
    capsys.readouterr()
    _stdin(monkeypatch, f"{PIN}\n111111\n111111\n")
    assert main(args) == 1
    assert "[pin_final_try]" in capsys.readouterr().err
    _stdin(monkeypatch, f"{PIN}\n111111\n111111\n")
    assert main([*args, "--confirm-final-try"]) == 0


def test_demo_ukey_sm2(softskf: SoftSkf, ukey: TestUKey, tmp_path: Path,
                       monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # The demo points these at its own UKEY; monkeypatch puts the test's back afterwards.
    # setenv (not delenv) even for the unset one, so monkeypatch removes what the demo sets.
    monkeypatch.setenv(ENV_DIR, str(softskf.state))
    monkeypatch.setenv(ENV_LIB_DIR, "")
    assert main(["demo-ukey", "--sm2"]) == 0
    assert "CGN-DEMO-SM2" in capsys.readouterr().out
    assert main(["tokens", "--json"]) == 0
    modules = json.loads(capsys.readouterr().out)["modules"]
    tokens = [t for m in modules for t in m["tokens"] if t["label"] == "CGN-DEMO-SM2"]
    assert len(tokens) == 1 and tokens[0]["interface"] == "skf"
    assert tokens[0]["certificates"][0]["key_type"] == "sm2"
    src = make_pdf(tmp_path / "in.pdf", pages=1)
    _stdin(monkeypatch, "123456\n")
    assert main(["sign", str(src), "-o", str(tmp_path / "out.pdf"), "--rect",
                 "100,100,220,220", "--token", "CGN-DEMO-SM2", "--pin-stdin"]) == 0
    # The demo root is trusted for the user.
    from cgn_seal_desktop.seal.trust import user_trust_dir

    assert list(user_trust_dir().iterdir())


def test_sm2_format_comes_from_the_settings(softskf: SoftSkf, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from cgn_seal_desktop.seal.sm2_cms import GM_SIGNED_DATA
    from cgn_seal_desktop.settings import Settings, settings_path

    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(json.dumps({"sm2_format": "nonsense"}), encoding="utf-8")
    assert Settings.load().sm2_format == "pkcs7"  # an unknown value falls back to the default
    settings = Settings.load()
    settings.sm2_format = "gm"
    settings.save()
    dev = softskf.issue()
    src = make_pdf(tmp_path / "in.pdf", pages=1)
    out = tmp_path / "out.pdf"
    _stdin(monkeypatch, PIN + "\n")
    assert main(["sign", str(src), "-o", str(out), "--rect", "100,100,220,220", "--module",
                 softskf.module, "--token", dev.label, "--pin-stdin"]) == 0
    from asn1crypto import core

    oid = core.ObjectIdentifier(GM_SIGNED_DATA).dump().hex()
    assert oid.encode() in out.read_bytes().lower()
