"""Contract fuzzing: schemathesis against the live sandbox's /openapi.json finds no 5xx and no
response that breaks the published schema."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cgn_seal_desktop.portal.client import PortalClient
from cgn_seal_desktop.sandbox.server import SandboxServer
from tests.portal.helpers import PASSWORD, register_request


def test_schemathesis_finds_no_server_error_or_schema_violation(
    sandbox: SandboxServer, supplier: PortalClient, tmp_path: Path
) -> None:
    # A second supplier's token authenticates the fuzzer (logout is excluded: it would end it).
    fuzzer = PortalClient(sandbox.base_url)
    fuzzer.register(register_request("fuzzer"))
    fuzzer.login("fuzzer", PASSWORD)
    pair = fuzzer._core.tokens.load()
    assert pair is not None
    cmd = [
        sys.executable, "-c", "from schemathesis.cli import schemathesis; schemathesis()",
        "run", f"{sandbox.base_url}/openapi.json",
        "--checks", "not_a_server_error,response_schema_conformance,content_type_conformance",
        "--phases", "coverage,fuzzing", "--max-examples", "6", "--seed", "4", "--workers", "2",
        "--no-shrink", "--suppress-health-check", "all", "--exclude-path", "/v1/sessions/current",
        "--request-timeout", "10", "--header", f"Authorization: Bearer {pair.access_token}",
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=170, cwd=tmp_path)
    fuzzer.close()
    tail = result.stdout[-4000:] + result.stderr[-2000:]
    assert result.returncode == 0, tail
    assert "generated" in result.stdout and " passed" in result.stdout, tail
