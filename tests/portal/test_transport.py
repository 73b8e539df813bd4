"""Network failures become typed errors; only safe requests are retried."""

from __future__ import annotations

import json
import logging
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.client import PortalClient
from cgn_seal_desktop.portal.redact import mask_id_number, mask_mobile
from cgn_seal_desktop.portal.tokens import MemoryTokenStore
from tests.portal.conftest import ClientFactory
from tests.portal.helpers import PASSWORD, elements, register_request

SUPPORT = {"hotline": "1", "website": "w", "online_service_url": "o", "wechat_service_qr": "q",
           "wechat_subscription_qr": "q", "driver_download_url": "d"}


class Flaky(BaseHTTPRequestHandler):
    """Answers 503 for the first ``fail_first`` requests, then a valid support body."""

    calls: ClassVar[list[str]] = []
    fail_first = 2

    def _answer(self) -> None:
        Flaky.calls.append(self.command)
        if len(Flaky.calls) <= Flaky.fail_first:
            self.send_response(503)
            body = b'{"code": "busy", "message": "busy"}'
        else:
            self.send_response(200)
            body = json.dumps(SUPPORT).encode()
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = _answer
    do_POST = _answer

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def flaky() -> Iterator[str]:
    Flaky.calls = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Flaky)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_idempotent_get_is_retried_with_backoff(flaky: str) -> None:
    delays: list[float] = []
    with PortalClient(flaky, sleep=delays.append, backoff=0.1) as client:
        assert client.support().hotline == "1"
    assert Flaky.calls == ["GET", "GET", "GET"]
    assert len(delays) == 2 and delays[1] > delays[0] * 1.0 - 1e-9 and delays[0] >= 0.05


def test_post_without_idempotency_key_is_not_retried(flaky: str) -> None:
    with PortalClient(flaky, sleep=lambda _s: None) as client, pytest.raises(E.ServerError):
        client.register(register_request("xyz"))
    assert Flaky.calls == ["POST"]


def test_retries_give_up_with_server_error(flaky: str) -> None:
    Flaky.fail_first = 99
    try:
        with (PortalClient(flaky, sleep=lambda _s: None, retries=2) as client,
              pytest.raises(E.ServerError) as err):
            client.support()
        assert err.value.status == 503 and len(Flaky.calls) == 3
    finally:
        Flaky.fail_first = 2


def test_connection_refused_is_offline() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: nothing listens
    with (PortalClient(f"http://127.0.0.1:{port}", sleep=lambda _s: None) as client,
          pytest.raises(E.Offline)):
        client.support()


def test_silent_server_is_a_timeout() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # accepts connections (kernel backlog) but never answers
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        with (PortalClient(url, timeout=0.3, retries=1, sleep=lambda _s: None) as client,
              pytest.raises(E.PortalTimeout)):
            client.support()


def test_not_logged_in_is_session_expired(make_client: ClientFactory) -> None:
    with pytest.raises(E.SessionExpired):
        make_client().verification()


def test_logs_never_contain_secrets(make_client: ClientFactory,
                                    caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client = make_client(token_store=MemoryTokenStore())
    client.register(register_request("frank"))
    client.login("frank", PASSWORD)
    el = elements()
    client.submit_elements(el)
    pair = client._core.tokens.load()
    assert pair is not None
    text = caplog.text
    for secret in (PASSWORD, pair.access_token, pair.refresh_token, el.operator_id_number,
                   el.legal_rep_id_number):
        assert secret not in text
    assert mask_id_number(el.legal_rep_id_number) in text
    assert el.legal_rep_id_number not in repr(el) and PASSWORD not in repr(
        register_request("frank"))


def test_masking() -> None:
    assert mask_id_number("440301199001011234") == "4403**********1234"
    assert mask_id_number("1234") == "****"
    assert mask_mobile("13800138000") == "138****8000"


class ExpiredThenBusy(BaseHTTPRequestHandler):
    """Every access token is expired, and the refresh endpoint is down (500)."""

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._send(401, b'{"code": "token_expired", "message": "expired"}')

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self._send(500, b'{"code": "internal_error", "message": "down"}')

    def log_message(self, *_args: object) -> None:
        pass


def test_refresh_failing_on_the_server_keeps_the_session() -> None:
    from cgn_seal_desktop.portal.models import TokenPair
    from tests.portal.helpers import START

    server = ThreadingHTTPServer(("127.0.0.1", 0), ExpiredThenBusy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        store = MemoryTokenStore()
        store.save(TokenPair(access_token="a", refresh_token="r", access_expires_at=START,
                             refresh_expires_at=START))
        url = f"http://127.0.0.1:{server.server_address[1]}"
        with PortalClient(url, token_store=store, sleep=lambda _s: None) as client:
            with pytest.raises(E.ServerError):
                client.me()
            assert client.logged_in  # try again later; no forced re-login
    finally:
        server.shutdown()
        server.server_close()
