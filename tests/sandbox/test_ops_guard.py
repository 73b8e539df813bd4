"""The operator side of the sandbox has no login, so other web sites, other computers and other
host names must not reach it: cross-origin posts, DNS rebinding, remote clients, framing; and
what it shows masks personal ID numbers."""

from __future__ import annotations

import asyncio
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from cgn_seal_desktop.portal.client import PortalClient, new_idempotency_key
from cgn_seal_desktop.portal.models import MaterialKind, PaymentChannel
from cgn_seal_desktop.portal.redact import mask_id_number
from cgn_seal_desktop.sandbox.app import create_app
from cgn_seal_desktop.sandbox.server import SandboxServer
from tests.portal.helpers import elements, full_form, invoice, pdf_bytes, register_request, verify

EVIL = "https://evil.example"


def _awaiting_payment(supplier: PortalClient, ops_http: httpx.Client) -> tuple[int, str]:
    """A verified supplier with a submitted application and an open payment order."""
    verify(supplier, ops_http)
    app = supplier.create_application(full_form())
    for kind in MaterialKind:
        if kind is not MaterialKind.AUTHORISATION_LETTER:
            supplier.upload_material(app.id, kind, pdf_bytes(kind.value), "m.pdf")
    supplier.submit_application(app.id)
    order = supplier.create_payment(app.id, PaymentChannel.ALIPAY, new_idempotency_key(), invoice())
    return app.id, order.qr_payload.split("?")[0]


def _token(ops_http: httpx.Client) -> str:
    m = re.search(r'name="ops_token" value="([^"]+)"', ops_http.get("/ops").text)
    assert m is not None, "the console's forms carry the per-start token"
    return m.group(1)


def test_overview_masks_personal_id_numbers(supplier: PortalClient,
                                            ops_http: httpx.Client) -> None:
    verify(supplier, ops_http)
    el = elements()
    body = ops_http.get("/ops/api/overview").text
    for number in (el.legal_rep_id_number, el.operator_id_number):
        assert number not in body
        assert mask_id_number(number) in body
    assert el.operator_id_number not in ops_http.get("/ops").text
    # The supplier (logged in) still sees its own elements in full, for cancel-and-redo.
    ov = supplier.verification()
    assert ov.elements is not None and ov.elements.operator_id_number == el.operator_id_number


def test_cross_origin_posts_change_nothing(supplier: PortalClient, ops_http: httpx.Client,
                                          sandbox: SandboxServer) -> None:
    app_id, pay_url = _awaiting_payment(supplier, ops_http)
    token = _token(ops_http)
    own = sandbox.base_url
    forged = [
        # (path, headers, form data)
        (f"/ops/api/applications/{app_id}/mark-paid", {"Origin": EVIL}, None),
        (f"/ops/api/applications/{app_id}/mark-paid", {"Origin": "null"}, None),
        (f"/ops/api/applications/{app_id}/mark-paid", {"Referer": f"{EVIL}/x"}, None),
        # The token does not help a foreign page, and the console's own origin needs it.
        (f"/ops/do/applications/{app_id}/mark-paid", {"Origin": EVIL}, {"ops_token": token}),
        (f"/ops/do/applications/{app_id}/mark-paid", {"Referer": f"{EVIL}/"},
         {"ops_token": token}),
        (f"/ops/do/applications/{app_id}/mark-paid", {"Origin": own}, {}),
        (f"/ops/do/applications/{app_id}/mark-paid", {"Origin": own}, {"ops_token": "x" * 32}),
        (f"/ops/do/applications/{app_id}/mark-paid", {}, {}),
        (pay_url.removeprefix(own), {"Origin": EVIL}, None),
    ]
    for path, headers, data in forged:
        r = ops_http.post(path, headers=headers, data=data)
        assert r.status_code == 403, (path, headers, r.status_code, r.text)
        assert not supplier.application(app_id).paid, (path, headers)
    # The console in a browser: same origin, token from the page it rendered.
    r = ops_http.post(f"/ops/do/applications/{app_id}/mark-paid",
                      headers={"Origin": own, "Referer": f"{own}/ops"},
                      data={"ops_token": token}, follow_redirects=True)
    assert r.status_code == 200 and "缴费: 完成" in r.text
    assert supplier.application(app_id).paid


def test_token_changes_with_each_start(sandbox_dir: Path) -> None:
    tokens = []
    for _ in range(2):
        with SandboxServer(sandbox_dir) as server, PortalClient(server.base_url) as client:
            client.register(register_request(f"user{len(tokens)}"))
            with httpx.Client(base_url=server.base_url) as http:
                tokens.append(_token(http))
    assert tokens[0] != tokens[1]


def test_dns_rebinding_host_names_are_refused(supplier: PortalClient, ops_http: httpx.Client,
                                              sandbox: SandboxServer) -> None:
    uid = verify(supplier, ops_http)  # a deposit code exists now
    port = sandbox.port
    for host in (f"attacker.example:{port}", f"localhost.attacker.example:{port}",
                 f"127.0.0.1.nip.io:{port}", f"127.0.0.1:{port}@attacker.example", ""):
        for path in ("/ops", "/ops/api/overview", f"/ops/api/suppliers/{uid}/deposit"):
            r = ops_http.get(path, headers={"Host": host})
            assert r.status_code == 403 and "code" not in r.text.replace('"code"', ""), (host, path)
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"127.1.2.3:{port}"):
        assert ops_http.get("/ops/api/overview", headers={"Host": host}).status_code == 200
    # The supplier API is not the operator side: it has its own login.
    assert ops_http.get("/v1/support", headers={"Host": "attacker.example"}).status_code == 200


def test_pages_cannot_be_framed(ops_http: httpx.Client) -> None:
    for path in ("/ops", "/ops/api/overview"):
        r = ops_http.get(path)
        assert r.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
        assert r.headers["cache-control"] == "no-store"


def _get_from(app: object, client: tuple[str, int], path: str,
              host: str = "127.0.0.1:8765") -> int:
    async def go() -> int:
        transport = httpx.ASGITransport(app=app, client=client)  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url=f"http://{host}") as http:
            return (await http.get(path)).status_code
    return asyncio.run(go())


@pytest.mark.parametrize("remote_ops", [False, True])
def test_other_computers_reach_ops_only_when_asked(tmp_path: Path, remote_ops: bool) -> None:
    # The peer address of a request cannot be faked over loopback, so the app is called
    # through ASGI with the peer a LAN address would give (the app is the real one).
    app = create_app(tmp_path / "sbx", remote_ops=remote_ops)
    lan = ("192.0.2.7", 50000)
    try:
        for path in ("/ops", "/ops/api/overview", "/scan/x", "/pay/x"):
            expected = 200 if remote_ops else 403
            assert _get_from(app, lan, path, host="192.0.2.2:8765") == expected, path
            assert _get_from(app, ("127.0.0.1", 5), path) == 200
            assert _get_from(app, ("::ffff:127.0.0.1", 5), path) == 200
        assert _get_from(app, lan, "/v1/support", host="192.0.2.2:8765") == 200
    finally:
        app.state.ctx.db.close()


@pytest.mark.parametrize("allow", [False, True])
def test_cli_on_a_non_loopback_address_says_who_gets_the_console(tmp_path: Path,
                                                                 allow: bool) -> None:
    cmd = [sys.executable, "-c", "import sys; from cgn_seal_desktop.cli import main;"
           " sys.exit(main(sys.argv[1:]))", "sandbox", "--host", "0.0.0.0", "--port", "0",
           "--data", str(tmp_path / "sbx")] + (["--allow-remote-ops"] if allow else [])
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert proc.stdout is not None
        seen, port = [], None
        deadline = time.monotonic() + 60
        while port is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            assert line, "sandbox exited before it was ready: " + "".join(seen)
            seen.append(line)
            if m := re.search(r"Uvicorn running on http://0\.0\.0\.0:(\d+)", line):
                port = int(m.group(1))
        text = "".join(seen)
        if allow:
            assert "warning: --allow-remote-ops" in text and "no login" in text
        else:
            assert "only on this computer" in text and "--allow-remote-ops" in text
        # This computer always gets the console.
        assert httpx.get(f"http://127.0.0.1:{port}/ops").status_code == 200
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
