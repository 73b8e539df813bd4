"""Fixtures: a real sandbox server on a free loopback port with a manual clock, and clients."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from cgn_seal_desktop.portal.client import PortalClient
from cgn_seal_desktop.portal.tokens import MemoryTokenStore
from cgn_seal_desktop.sandbox.clock import ManualClock
from cgn_seal_desktop.sandbox.context import Limits
from cgn_seal_desktop.sandbox.server import SandboxServer
from tests.portal.helpers import PASSWORD, START, register_request

#: Small upload limit keeps the oversize test cheap; everything else as in production.
LIMITS = Limits(max_upload_bytes=256 * 1024)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def sandbox_dir(tmp_path: Path) -> Path:
    return tmp_path / "sandbox"


@pytest.fixture
def sandbox(sandbox_dir: Path, clock: ManualClock) -> Iterator[SandboxServer]:
    server = SandboxServer(sandbox_dir, clock=clock, limits=LIMITS).start()
    yield server
    server.stop()


ClientFactory = Callable[..., PortalClient]


@pytest.fixture
def make_client(sandbox: SandboxServer) -> Iterator[ClientFactory]:
    """Clients of the running sandbox (no real sleeping between retries)."""
    made: list[PortalClient] = []

    def factory(base_url: str | None = None, **kw: object) -> PortalClient:
        kw.setdefault("sleep", lambda _s: None)
        client = PortalClient(base_url or sandbox.base_url, **kw)  # type: ignore[arg-type]
        made.append(client)
        return client

    yield factory
    for c in made:
        c.close()


@pytest.fixture
def supplier(make_client: ClientFactory) -> PortalClient:
    """A registered, logged-in supplier 'alice'."""
    client = make_client(token_store=MemoryTokenStore())
    client.register(register_request("alice"))
    client.login("alice", PASSWORD)
    return client


@pytest.fixture
def ops_http(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    """Plain HTTP client for the sandbox's /ops/api (what the operator console posts)."""
    with httpx.Client(base_url=sandbox.base_url) as c:
        yield c
