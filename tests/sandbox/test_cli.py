"""`cgn-seal sandbox` starts a server; `cgn-seal sandbox ops …` drives a supplier to the end."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.serialization import pkcs12

from cgn_seal_desktop.cli import main
from cgn_seal_desktop.portal.client import PortalClient, new_idempotency_key
from cgn_seal_desktop.portal.models import ApplicationStatus, MaterialKind, PaymentChannel
from tests.portal.helpers import (
    PASSWORD,
    bank,
    elements,
    full_form,
    invoice,
    pdf_bytes,
    register_request,
)


def ops(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str]:
    code = main(["sandbox", "ops", "--data", str(data), *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_cli_serves_and_ops_commands_drive_the_journey(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "sbx"
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; from cgn_seal_desktop.cli import main;"
         " sys.exit(main(sys.argv[1:]))", "sandbox", "--port", "0", "--data", str(data)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert proc.stdout is not None
        url = None
        deadline = time.monotonic() + 60
        while url is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            assert line, "sandbox exited before it was ready"
            if m := re.search(r"Uvicorn running on (http://127\.0\.0\.1:\d+)", line):
                url = m.group(1)
        assert url is not None
        assert httpx.get(f"{url}/openapi.json").json()["info"]["title"].startswith("CGN")

        client = PortalClient(url)
        client.register(register_request("bob"))
        client.login("bob", PASSWORD)
        code, out = ops(capsys, data, "list")
        assert code == 0 and "bob" in out and "填写六要素 (editing)" in out
        client.submit_elements(elements())
        code, out = ops(capsys, data, "identity", "bob", "pass")
        # The operator reads the error in Chinese, with the server's message after it.
        assert code == 1 and "找不到对象" in out and "no identity session" in out.lower()
        client.start_identity()
        assert ops(capsys, data, "identity", "bob", "scan")[0] == 0
        assert ops(capsys, data, "identity", "bob", "pass") == (
            0, "身份认证会话 / identity session: 认证通过 (passed)\n")
        client.submit_bank_account(bank())
        code, out = ops(capsys, data, "deposit", "bob")
        assert code == 0 and "尚未打款" in out and "not yet deposited" in out
        code, out = ops(capsys, data, "deposit", "bob", "--post")
        deposit_code = re.search(r"随机码 / random code: (\d{6})", out)
        assert code == 0 and deposit_code is not None
        client.enter_deposit_code(deposit_code.group(1))

        app = client.create_application(full_form())
        code, out = ops(capsys, data, "list")  # states and what is missing, in words
        assert code == 0 and f"SANDBOX-{app.id:08d}" in out and "草稿（资料未齐） (draft)" in out
        assert "营业执照" in out and "business_licence" not in out
        for kind in MaterialKind:
            if kind is not MaterialKind.AUTHORISATION_LETTER:
                client.upload_material(app.id, kind, pdf_bytes(kind.value), f"{kind.value}.pdf")
        client.submit_application(app.id)
        assert ops(capsys, data, "mark-paid", str(app.id))[0] == 1  # no order yet
        client.create_payment(app.id, PaymentChannel.ALIPAY, new_idempotency_key(), invoice())
        assert ops(capsys, data, "mark-paid", str(app.id)) == (
            0, "申请状态 / application is now: 审核中 (under_review)\n")
        code, out = ops(capsys, data, "reject", str(app.id), "--reason", "营业执照过期",
                        "--redo", "business_licence")
        assert code == 0 and "已驳回 (rejected)" in out
        rejected = client.application(app.id)
        assert rejected.reject_reason == "营业执照过期" and rejected.missing == ["business_licence"]
        client.upload_material(app.id, MaterialKind.BUSINESS_LICENCE, pdf_bytes("new"), "l.pdf")
        assert client.submit_application(app.id).status is ApplicationStatus.UNDER_REVIEW
        code, out = ops(capsys, data, "approve", str(app.id), "--tracking", "SF123456")
        assert code == 0 and "SF123456" in out
        monkeypatch.setenv("P12_PW", "test-pass")
        p12 = tmp_path / "org.p12"
        code, out = ops(capsys, data, "issue-cert", str(app.id), "--out", str(p12),
                        "--password-env", "P12_PW")
        assert code == 0 and p12.exists()
        _key, cert, _cas = pkcs12.load_key_and_certificates(p12.read_bytes(), b"test-pass")
        assert cert is not None
        # Never overwrites a file the user owns.
        assert ops(capsys, data, "issue-cert", str(app.id), "--out", str(p12),
                   "--password-env", "P12_PW")[0] == 1
        assert client.application(app.id).shipping is not None
        client.close()
    finally:
        proc.send_signal(signal.SIGINT if os.name == "posix" else signal.CTRL_C_EVENT)
        assert proc.wait(timeout=20) == 0


def test_ops_without_state_is_a_clear_error(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out = ops(capsys, tmp_path / "none", "list")
    assert code == 1 and "没有沙箱数据" in out and "no sandbox state" in out


def test_sandbox_cli_module_is_cheap_to_import() -> None:
    probe = ("import sys, cgn_seal_desktop.sandbox.cli;"
             " print(any(m in sys.modules for m in ('fastapi', 'uvicorn', 'httpx')))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
