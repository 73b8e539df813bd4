"""Login throttling holds under concurrency: parallel wrong passwords against the real sandbox
server over loopback get no more guesses evaluated than sequential ones, per account name and
per client address."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import httpx
import pytest

from cgn_seal_desktop.sandbox import accounts
from cgn_seal_desktop.sandbox.clock import ManualClock
from cgn_seal_desktop.sandbox.server import SandboxServer
from tests.portal.conftest import ClientFactory
from tests.portal.helpers import PASSWORD, register_request

PARALLEL = 40


@pytest.fixture
def evaluated(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times the server hashed a login password (= evaluated a guess), per caller."""
    calls: Counter[str] = Counter()
    real = accounts.hash_password

    def counting(password: str, salt: bytes) -> bytes:
        calls[password] += 1
        return real(password, salt)

    monkeypatch.setattr(accounts, "hash_password", counting)
    return calls


def _fire(base_url: str, attempts: list[tuple[str, str]]) -> Counter[int]:
    """Send all login *attempts* at once (a barrier releases them together); count statuses."""
    barrier = threading.Barrier(len(attempts))
    limits = httpx.Limits(max_connections=len(attempts))
    with httpx.Client(base_url=base_url, limits=limits, timeout=60) as http:
        def one(attempt: tuple[str, str]) -> int:
            barrier.wait()
            r = http.post("/v1/sessions", json={"username": attempt[0], "password": attempt[1]})
            return r.status_code

        with ThreadPoolExecutor(max_workers=len(attempts)) as pool:
            return Counter(pool.map(one, attempts))


def test_parallel_wrong_passwords_get_no_more_guesses_than_sequential(
    sandbox: SandboxServer, make_client: ClientFactory, clock: ManualClock,
    evaluated: Counter[str],
) -> None:
    make_client().register(register_request("dave"))
    statuses = _fire(sandbox.base_url, [("dave", f"guess {i}") for i in range(PARALLEL)])
    guesses = sum(n for pw, n in evaluated.items() if pw.startswith("guess"))
    limit = sandbox.ctx.limits.login_max_failures
    assert guesses == statuses[401] == limit, statuses
    assert statuses[429] == PARALLEL - limit, statuses
    # Locked: even the right password is not evaluated now.
    before = sum(evaluated.values())
    r = httpx.post(f"{sandbox.base_url}/v1/sessions",
                   json={"username": "dave", "password": PASSWORD})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    assert sum(evaluated.values()) == before
    clock.advance(sandbox.ctx.limits.login_lockout + timedelta(seconds=1))
    assert make_client().login("dave", PASSWORD).username == "dave"


def test_unknown_names_are_throttled_like_real_ones(
    sandbox: SandboxServer, evaluated: Counter[str],
) -> None:
    statuses = _fire(sandbox.base_url, [("nobody", f"guess {i}") for i in range(12)])
    assert statuses == {401: sandbox.ctx.limits.login_max_failures,
                        429: 12 - sandbox.ctx.limits.login_max_failures}


def test_one_address_guessing_many_accounts_is_throttled(
    sandbox: SandboxServer, make_client: ClientFactory, clock: ManualClock,
    evaluated: Counter[str],
) -> None:
    make_client().register(register_request("erin"))
    # One guess per name (the per-account limit never bites), all from 127.0.0.1.
    statuses = _fire(sandbox.base_url, [(f"user{i}", f"guess {i}") for i in range(PARALLEL)])
    per_address = sandbox.ctx.limits.login_max_failures_per_address
    assert per_address < PARALLEL
    assert statuses[401] == per_address and statuses[429] == PARALLEL - per_address, statuses
    assert sum(n for pw, n in evaluated.items() if pw.startswith("guess")) == per_address
    r = httpx.post(f"{sandbox.base_url}/v1/sessions",
                   json={"username": "erin", "password": PASSWORD})
    assert r.status_code == 429  # the address is locked, whatever the account
    clock.advance(sandbox.ctx.limits.login_lockout + timedelta(seconds=1))
    assert make_client().login("erin", PASSWORD).username == "erin"


def test_successful_logins_do_not_use_up_the_address(
    sandbox: SandboxServer, make_client: ClientFactory,
) -> None:
    client = make_client()
    client.register(register_request("frank"))
    for _ in range(sandbox.ctx.limits.login_max_failures_per_address + 5):
        assert client.login("frank", PASSWORD).username == "frank"
