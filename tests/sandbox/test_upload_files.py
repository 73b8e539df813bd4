"""Stored uploads stay in step with the database: a replaced or redone material's file is deleted,
and what a kill -9 leaves behind (orphans, temporary files) is swept at the next start."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from cgn_seal_desktop.portal.client import PortalClient, new_idempotency_key
from cgn_seal_desktop.portal.models import MaterialKind, PaymentChannel, RejectionRequest
from cgn_seal_desktop.portal.tokens import MemoryTokenStore
from cgn_seal_desktop.sandbox import ops
from cgn_seal_desktop.sandbox.db import Database
from cgn_seal_desktop.sandbox.server import SandboxServer
from tests.portal.helpers import PASSWORD, full_form, invoice, pdf_bytes, register_request, verify


def _referenced(db: Database) -> dict[str, str]:
    with db.tx() as conn:
        return {r["stored_name"]: r["sha256"]
                for r in conn.execute("SELECT stored_name, sha256 FROM materials")}


def _files(db: Database) -> set[str]:
    return {p.name for p in db.uploads_dir.iterdir()}


def test_replaced_and_redone_materials_leave_no_files(
    supplier: PortalClient, ops_http: httpx.Client, sandbox: SandboxServer
) -> None:
    db = sandbox.ctx.db
    verify(supplier, ops_http)
    app = supplier.create_application(full_form())
    for kind in MaterialKind:
        if kind is not MaterialKind.AUTHORISATION_LETTER:
            supplier.upload_material(app.id, kind, pdf_bytes(kind.value), "m.pdf")
    for version in range(3):  # replaced with other content, then with the same content again
        supplier.upload_material(app.id, MaterialKind.BUSINESS_LICENCE,
                                 pdf_bytes(f"licence v{version}"), "l.pdf")
    supplier.upload_material(app.id, MaterialKind.BUSINESS_LICENCE, pdf_bytes("licence v2"),
                             "l.pdf")
    assert _files(db) == set(_referenced(db)) and len(_files(db)) == 5
    # ID card scans and the database: the owner's only.
    assert stat.S_IMODE(db.uploads_dir.stat().st_mode) == 0o700
    for p in [*db.uploads_dir.iterdir(), *db.data_dir.glob("sandbox.sqlite3*")]:
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
    supplier.submit_application(app.id)
    supplier.create_payment(app.id, PaymentChannel.WECHAT, new_idempotency_key(), invoice())
    ops.mark_paid(sandbox.ctx, app.id)
    ops.reject(sandbox.ctx, app.id, RejectionRequest(
        reason="印模不清晰", redo_materials=[MaterialKind.SEAL_IMPRESSION]))
    assert _files(db) == set(_referenced(db)) and len(_files(db)) == 4


def _start_cli_sandbox(data: Path) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; from cgn_seal_desktop.cli import main;"
         " sys.exit(main(sys.argv[1:]))", "sandbox", "--port", "0", "--data", str(data)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        assert line, "sandbox exited before it was ready"
        if m := re.search(r"Uvicorn running on (http://127\.0\.0\.1:\d+)", line):
            return proc, m.group(1)
    proc.kill()
    raise AssertionError("sandbox did not start")


def test_kill_9_during_uploads_leaves_nothing_after_restart(tmp_path: Path) -> None:
    data = tmp_path / "sbx"
    proc, url = _start_cli_sandbox(data)
    uploads = 0
    try:
        client = PortalClient(url, token_store=MemoryTokenStore(), retries=0)
        client.register(register_request("gina"))
        client.login("gina", PASSWORD)
        with httpx.Client(base_url=url) as ops_http:
            verify(client, ops_http)
        app = client.create_application(full_form())
        stop = threading.Event()

        def keep_replacing() -> None:
            nonlocal uploads
            n = 0
            while not stop.is_set():
                n += 1
                blob = pdf_bytes(f"v{n}") + os.urandom(1024 * 1024)  # 1 MB, new each time
                try:
                    client.upload_material(app.id, MaterialKind.BUSINESS_LICENCE, blob, "l.pdf")
                except Exception:
                    return  # the server died under us
                uploads += 1

        workers = [threading.Thread(target=keep_replacing) for _ in range(2)]
        for w in workers:
            w.start()
        deadline = time.monotonic() + 30
        while uploads < 10 and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)  # mid-upload, most likely
        proc.wait(timeout=10)
        stop.set()
        for w in workers:
            w.join(timeout=30)
        client.close()
    finally:
        if proc.poll() is None:
            proc.kill()
    assert uploads >= 10
    up = data / "uploads"
    # Whatever the kill hit, add the two kinds of leftovers it can make.
    (up / ".1-business_licence-0123456789abcdef.pdf.x1y2z3.tmp").write_bytes(b"%PDF-half")
    (up / "1-business_licence-fedcba9876543210.pdf").write_bytes(b"%PDF-orphan")
    with SandboxServer(data) as server:
        db = server.ctx.db
        referenced = _referenced(db)
        assert _files(db) == set(referenced), sorted(_files(db) - set(referenced))
        for name, digest in referenced.items():
            assert hashlib.sha256((db.uploads_dir / name).read_bytes()).hexdigest() == digest
        with httpx.Client(base_url=server.base_url) as http:
            assert http.get(f"/ops/files/{app.id}/business_licence").status_code == 200
