"""Output piped on a Windows console in a legacy code page (cp1252) must not crash the program.

The frozen Windows executables ignore ``PYTHONIOENCODING``; here it stands in for the ANSI code
page a pipe gets on an English Windows (the Wine smoke test runs the real thing).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cgn_seal_desktop.consoleio import use_utf8_output

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"


def _stream(encoding: str, errors: str = "strict") -> tuple[io.BytesIO, io.TextIOWrapper]:
    raw = io.BytesIO()
    return raw, io.TextIOWrapper(raw, encoding=encoding, errors=errors, write_through=True)


def test_cp1252_streams_switch_to_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    out_raw, out = _stream("cp1252")
    err_raw, err = _stream("cp1252")
    out.write("before ")  # what was written in the old code page stays as it was
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    with pytest.raises(UnicodeEncodeError):
        print("签名有效", file=sys.stdout)
    use_utf8_output()
    print("签名有效 / signature valid — ✓")
    print("错误 / error", file=sys.stderr)
    assert out_raw.getvalue().decode("utf-8") == "before 签名有效 / signature valid — ✓\n"
    assert err_raw.getvalue().decode("utf-8") == "错误 / error\n"


def test_utf8_stream_keeps_encoding_and_survives_lone_surrogates(
        monkeypatch: pytest.MonkeyPatch) -> None:
    raw, out = _stream("utf-8")
    monkeypatch.setattr(sys, "stdout", out)
    bad_name = b"\xff.pdf".decode("utf-8", "surrogateescape")  # an undecodable file name
    use_utf8_output()
    print(f"无法读取 / cannot read: {bad_name}")
    assert out.encoding == "utf-8"
    assert raw.getvalue().decode("utf-8") == "无法读取 / cannot read: ?.pdf\n"


def test_surrogateescape_stream_is_left_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    raw, out = _stream("utf-8", errors="surrogateescape")
    monkeypatch.setattr(sys, "stdout", out)
    use_utf8_output()
    print(b"\xff".decode("utf-8", "surrogateescape"))
    assert raw.getvalue() == b"\xff\n"


def test_missing_streams_of_a_windowed_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    use_utf8_output()  # must not raise
    assert sys.stdout is None and sys.stderr is None


def _run_cp1252(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, *args], capture_output=True, env=env, timeout=120,
                          cwd=ROOT)


def test_cli_verify_piped_on_cp1252(tmp_path: Path) -> None:
    pdf, root = SAMPLES / "sample-signed.pdf", SAMPLES / "sample-root.pem"
    proc = _run_cp1252("-m", "cgn_seal_desktop", "verify", str(pdf), "--trust", str(root))
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0, out + proc.stderr.decode("utf-8", "replace")
    assert "签名有效" in out and "全部印章有效 / all seals valid" in out
    # --json stays lossless (ensure_ascii=False): the Chinese names survive the pipe.
    proc = _run_cp1252("-m", "cgn_seal_desktop", "verify", str(pdf), "--trust", str(root),
                       "--json")
    assert proc.returncode == 0
    assert '"verdict": "valid"' in proc.stdout.decode("utf-8")
    # Errors go to stderr in UTF-8 too (a file that cannot be read: exit 2).
    missing = tmp_path / "不存在.pdf"
    proc = _run_cp1252("-m", "cgn_seal_desktop", "verify", str(missing))
    assert proc.returncode == 2
    assert "无法读取 / cannot read" in proc.stderr.decode("utf-8")
    assert b"Traceback" not in proc.stderr
