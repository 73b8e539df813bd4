"""Contract fuzzing: schemathesis against the live sandbox's /openapi.json finds no 5xx, no
response that breaks the published schema, no undocumented status or content type."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx

from cgn_seal_desktop.portal.client import PortalClient
from cgn_seal_desktop.portal.models import MaterialKind
from cgn_seal_desktop.sandbox.server import SandboxServer
from tests.portal.helpers import PASSWORD, full_form, pdf_bytes, register_request, verify


def test_schemathesis_finds_no_server_error_or_schema_violation(
    sandbox: SandboxServer, supplier: PortalClient, ops_http: httpx.Client, tmp_path: Path
) -> None:
    # The fuzzer is a verified supplier owning application #1, so that the low ids the coverage
    # phase tries reach real state (logout is excluded: it would end the fuzzer's session).
    fuzzer = PortalClient(sandbox.base_url)
    fuzzer.register(register_request("fuzzer"))
    fuzzer.login("fuzzer", PASSWORD)
    verify(fuzzer, ops_http)
    app = fuzzer.create_application(full_form())
    assert app.id == 1
    fuzzer.upload_material(app.id, MaterialKind.BUSINESS_LICENCE, pdf_bytes(), "l.pdf")
    pair = fuzzer._core.tokens.load()
    assert pair is not None
    cmd = [
        sys.executable, "-c", "from schemathesis.cli import schemathesis; schemathesis()",
        "run", f"{sandbox.base_url}/openapi.json",
        # Every check except positive_data_acceptance: the schema is deliberately looser than
        # the server (check digits, state rules), so valid-looking data may be refused.
        "--checks", "all", "--exclude-checks", "positive_data_acceptance",
        "--phases", "coverage,fuzzing,stateful", "--max-examples", "6", "--seed", "4",
        "--workers", "1",
        "--no-shrink", "--suppress-health-check", "all", "--exclude-path", "/v1/sessions/current",
        "--request-timeout", "10", "--header", f"Authorization: Bearer {pair.access_token}",
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=170, cwd=tmp_path)
    fuzzer.close()
    tail = result.stdout[-4000:] + result.stderr[-2000:]
    assert result.returncode == 0, tail
    assert "generated" in result.stdout and " passed" in result.stdout, tail
