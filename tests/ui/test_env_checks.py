"""Environment checks as plain functions: service reachability over loopback, clock, expiry."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from cgn_seal_desktop.ui.env_checks import check_clock, check_service, check_tokens, report_text
from cgn_seal_desktop.ukey.certinfo import CertificateInfo
from cgn_seal_desktop.ukey.model import PinState, TokenInfo


class _Ok(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *_a: Any) -> None:
        pass


def test_service_reachable_and_not() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Ok)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        [line] = check_service(url, timeout=3)
        assert line.level == "ok" and "HTTP 200" in line.detail
    finally:
        server.shutdown()
        server.server_close()
    [down] = check_service(url, timeout=1)  # the port is closed now
    assert down.level == "warn" and down.advice


def test_clock() -> None:
    assert check_clock(datetime(2020, 1, 1, tzinfo=UTC))[0].level == "error"
    assert check_clock(datetime(2026, 6, 1, tzinfo=UTC))[0].level == "ok"


def _token(days_left: int, pin_state: PinState = PinState.OK) -> TokenInfo:
    now = datetime.now(UTC)
    cert = CertificateInfo(der=b"", key_id=b"\x01", label="", subject="", subject_cn="x",
                           organization="示例公司", issuer="", issuer_cn="", serial=1,
                           not_before=now - timedelta(days=400),
                           not_after=now + timedelta(days=days_left),
                           key_usage=("digital_signature",), key_type="rsa", is_ca=False)
    return TokenInfo(module_path="m", slot_id=0, label="KEY", manufacturer="SZCA", model="U",
                     serial="110101199003071234", flags=0, pin_state=pin_state,
                     login_required=True, protected_auth_path=False, certificates=[cert])


def test_expiry_levels_and_report_masks_serial() -> None:
    levels = [ln.level for ln in check_tokens(True, [_token(400)]) if ln.title != "UKEY"]
    assert levels == ["ok"]
    soon = check_tokens(True, [_token(10)])
    assert soon[-1].level == "warn"
    expired = check_tokens(True, [_token(-1)])
    assert expired[-1].level == "error"
    locked = check_tokens(True, [_token(400, PinState.LOCKED)])
    assert locked[0].level == "error" and "400-112-3838" in locked[0].advice
    assert check_tokens(True, [])[0].level == "warn"
    text = report_text(soon)
    assert "110101199003071234" not in text and "1234" in text
