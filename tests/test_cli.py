"""The `cgn-seal` command as a user runs it: a real process, real exit codes, real output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TestUKey
from tests.pdfs import make_pdf


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "cgn_seal_desktop", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=120)


def test_help_is_bilingual() -> None:
    out = run("--help").stdout
    assert "验证" in out and "verify" in out and "tokens" in out and "sign" in out
    sign_help = run("sign", "--help").stdout
    assert "--pin-stdin" in sign_help and "PIN" in sign_help and "印章位置" in sign_help


def test_tokens_lists_softhsm(ukey: TestUKey) -> None:
    proc = run("tokens", "--module", ukey.module, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    tokens = {t["label"]: t for m in data["modules"] for t in m["tokens"]}
    assert tokens["CGN-RSA"]["pin_state"] == "ok"
    orgs = {c["organization"] for c in tokens["CGN-RSA"]["certificates"]}
    assert "深圳市测试供应商有限公司" in orgs
    text = run("tokens", "--module", ukey.module).stdout
    assert "CGN-EC" in text and "PIN: ok" in text


def test_sign_then_verify_round_trip(ukey: TestUKey, tmp_path: Path) -> None:
    src = make_pdf(tmp_path / "合同.pdf")
    out = tmp_path / "合同_已盖章.pdf"
    proc = run("sign", str(src), "-o", str(out), "--page", "1", "--rect", "400,80,520,200",
               "--module", ukey.module, "--token", "CGN-RSA", "--pin-stdin", stdin=ukey.pin + "\n")
    assert proc.returncode == 0, proc.stderr
    assert ukey.pin not in proc.stdout + proc.stderr
    verify = run("verify", str(out), "--trust", str(ukey.root_pem_path), "--json")
    assert verify.returncode == 0, verify.stdout
    report = json.loads(verify.stdout)
    assert report["verdict"] == "valid" and report["signatures"][0]["status"] == "valid"
    human = run("verify", str(out), "--trust", str(ukey.root_pem_path))
    assert human.returncode == 0 and "签名有效" in human.stdout
    untrusted = run("verify", str(out), "--json")
    assert untrusted.returncode == 1
    assert json.loads(untrusted.stdout)["signatures"][0]["status"] == "untrusted"


def test_sign_never_over_the_original_even_with_overwrite(ukey: TestUKey,
                                                          tmp_path: Path) -> None:
    src = make_pdf(tmp_path / "合同.pdf")
    original = src.read_bytes()
    link = tmp_path / "link.pdf"
    link.symlink_to(src)
    for target in (src, link):
        proc = run("sign", str(src), "-o", str(target), "--rect", "400,80,520,200",
                   "--module", ukey.module, "--token", "CGN-RSA", "--pin-stdin", "--overwrite",
                   stdin=ukey.pin + "\n")
        assert proc.returncode == 1 and "[output_exists]" in proc.stderr, proc.stderr
    assert src.read_bytes() == original and link.is_symlink()


def test_sign_with_wrong_pin_and_seal_image(ukey: TestUKey, tmp_path: Path) -> None:
    src = make_pdf(tmp_path / "in.pdf")
    proc = run("sign", str(src), "-o", str(tmp_path / "o.pdf"), "--rect", "400,80,520,200",
               "--module", ukey.module, "--token", "CGN-RSA", "--pin-stdin", stdin="987654\n")
    assert proc.returncode == 1 and "wrong_pin" in proc.stderr
    assert "987654" not in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "o.pdf").exists()
    from cgn_seal_desktop.seal.appearance import default_seal_png

    png = tmp_path / "seal.png"
    png.write_bytes(default_seal_png("自带印章图片有限公司"))
    ok = run("sign", str(src), "-o", str(tmp_path / "o.pdf"), "--rect", "400,80,520,200",
             "--seal-image", str(png), "--module", ukey.module, "--token", "CGN-RSA",
             "--pin-stdin", stdin=ukey.pin + "\n")
    assert ok.returncode == 0, ok.stderr
    bad_img = tmp_path / "bad.png"
    bad_img.write_bytes(b"not an image")
    bad = run("sign", str(src), "-o", str(tmp_path / "o3.pdf"), "--rect", "400,80,520,200",
              "--seal-image", str(bad_img), "--module", ukey.module, "--token", "CGN-RSA",
              "--pin-stdin", stdin=ukey.pin + "\n")
    assert bad.returncode == 1 and "seal_image_invalid" in bad.stderr


@pytest.mark.parametrize(
    ("content", "code"), [(b"plain text", 2), (None, 2)],
)
def test_verify_exit_codes_for_unreadable(tmp_path: Path, content: bytes | None,
                                          code: int) -> None:
    p = tmp_path / "f.pdf"
    if content is not None:
        p.write_bytes(content)
    proc = run("verify", str(p), "--json")
    assert proc.returncode == code
    assert json.loads(proc.stdout)["verdict"] == "error"
    assert "Traceback" not in proc.stderr


def test_verify_unsigned_exits_1(tmp_path: Path) -> None:
    proc = run("verify", str(make_pdf(tmp_path / "u.pdf")))
    assert proc.returncode == 1 and "没有印章" in proc.stdout


def test_bad_arguments_exit_2(tmp_path: Path) -> None:
    assert run("sign", "x.pdf", "-o", "y.pdf", "--rect", "1,2,3").returncode == 2
    assert run("sign", "x.pdf", "-o", "y.pdf").returncode == 2
    assert run("verify", "x.pdf", "--trust", str(tmp_path / "missing.pem")).returncode == 2


def test_verify_cli_does_not_import_qt(tmp_path: Path) -> None:
    code = ("import sys; from cgn_seal_desktop.cli import main; "
            f"main(['verify', {str(make_pdf(tmp_path / 'q.pdf'))!r}]); "
            "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.strip().endswith("NOQT")


def test_demo_ukey_from_the_command_line(tmp_path: Path) -> None:
    """A new user's path without a real UKEY: make the demo token, seal, verify: 签名有效."""
    env = {k: v for k, v in os.environ.items() if k != "SOFTHSM2_CONF"}
    env.update(CGN_SEAL_HOME=str(tmp_path / "home"), PYTHONIOENCODING="utf-8")

    def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "cgn_seal_desktop", *args], input=stdin,
                              capture_output=True, text=True, env=env, timeout=120)

    made = cli("demo-ukey")
    assert made.returncode == 0, made.stderr
    tokens = json.loads(cli("tokens", "--json").stdout)
    assert "CGN-DEMO" in {t["label"] for m in tokens["modules"] for t in m["tokens"]}
    src = make_pdf(tmp_path / "in.pdf")
    out = tmp_path / "in_已盖章.pdf"
    signed = cli("sign", str(src), "-o", str(out), "--rect", "400,80,520,200", "--token",
                 "CGN-DEMO", "--pin-stdin", stdin="123456\n")
    assert signed.returncode == 0, signed.stderr
    verified = cli("verify", str(out))
    assert verified.returncode == 0 and "签名有效" in verified.stdout


def test_verify_ofd_and_sm2_pdf(sm2_pki, gm_trust: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`cgn-seal verify` decides PDF or OFD by content (the name says nothing) and reports
    国密 seals with their algorithm, format and seal."""
    from cgn_seal_desktop.seal.gm import sm2
    from tests.gm import ofd as ofdb
    from tests.gm import pdf as pdfb
    from tests.gm import ses as sesb

    sealed = ofdb.write_zip(ofdb.seal_files(ofdb.make_ofd_files(), sm2_pki.org, sm2_pki.maker),
                            tmp_path / "invoice.bin")
    proc = run("verify", str(sealed), "--trust", str(gm_trust), "--json")
    assert proc.returncode == 0, proc.stdout
    sig = json.loads(proc.stdout)["signatures"][0]
    assert (sig["format"], sig["algorithm"]) == ("ses-v4", "SM2-SM3")
    assert sig["seal"]["esid"] == "4403000000001" and "picture_base64" not in sig["seal"]
    human = run("verify", str(sealed), "--trust", str(gm_trust))
    assert "签名有效" in human.stdout and "合同专用章" in human.stdout
    assert "制章者" in human.stdout
    # Without the SM2 test roots: intact, not trusted; exit 1, no traceback.
    untrusted = run("verify", str(sealed))
    assert untrusted.returncode == 1 and "证书不受信任" in untrusted.stdout
    seal = sesb.make_seal(sm2_pki.maker, [sm2_pki.org])
    pdf = pdfb.embed(make_pdf(tmp_path / "c.pdf"), tmp_path / "sealed.pdf",
                     lambda signed: sesb.sign_seal(seal, sm2_pki.org, sm2.sm3(signed)))
    proc = run("verify", str(pdf), "--trust", str(gm_trust), "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["signatures"][0]["format"] == "ses-v4"
    broken = tmp_path / "broken.ofd"
    broken.write_bytes(sealed.read_bytes()[:500])
    proc = run("verify", str(broken), "--json")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert json.loads(proc.stdout)["error_code"] == "ofd_unreadable"
