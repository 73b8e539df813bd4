"""Login, refresh on 401, logout, throttling, and where tokens are kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.client import PortalClient
from cgn_seal_desktop.portal.tokens import (
    KeyringTokenStore,
    MemoryTokenStore,
    keyring_usable,
    make_token_store,
)
from cgn_seal_desktop.sandbox.clock import ManualClock
from tests.portal.conftest import ClientFactory
from tests.portal.helpers import PASSWORD, register_request


def test_access_token_expiry_is_refreshed_transparently(supplier: PortalClient,
                                                        clock: ManualClock) -> None:
    before = supplier._core.tokens.load()
    assert before is not None
    clock.advance(timedelta(minutes=16))
    assert supplier.me().username == "alice"  # 401 token_expired → refresh → retry
    after = supplier._core.tokens.load()
    assert after is not None and after.access_token != before.access_token
    # Refresh tokens rotate: the old one is no longer accepted.
    other = PortalClient(supplier.base_url, token_store=MemoryTokenStore())
    other._core.save_tokens(before)
    with pytest.raises(E.SessionExpired):
        other.me()
    assert not other.logged_in  # a dead session is forgotten
    other.close()


def test_expired_refresh_token_means_session_expired(supplier: PortalClient,
                                                     clock: ManualClock) -> None:
    clock.advance(timedelta(days=31))
    with pytest.raises(E.SessionExpired):
        supplier.verification()


def test_logout_ends_the_session(supplier: PortalClient, make_client: ClientFactory) -> None:
    pair = supplier._core.tokens.load()
    supplier.logout()
    assert not supplier.logged_in
    with pytest.raises(E.SessionExpired):
        supplier.me()
    stale = make_client(token_store=MemoryTokenStore())
    assert pair is not None
    stale._core.save_tokens(pair)
    with pytest.raises(E.SessionExpired):  # neither the access nor the refresh token works
        stale.me()


def test_login_is_throttled(make_client: ClientFactory, clock: ManualClock) -> None:
    client = make_client()
    client.register(register_request("carol"))
    for _ in range(5):
        with pytest.raises(E.Forbidden):
            client.login("carol", "wrong password")
    with pytest.raises(E.RateLimited) as err:
        client.login("carol", PASSWORD)  # even the right password, while locked
    assert err.value.retry_after is not None and err.value.retry_after > 0
    clock.advance(timedelta(minutes=6))
    assert client.login("carol", PASSWORD).username == "carol"


class DictKeyring(KeyringBackend):
    """A minimal real keyring backend (what an OS backend does, in a dict)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.data.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.data[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.data.pop((service, username), None)


@pytest.fixture
def restore_keyring() -> Iterator[None]:
    original = keyring.get_keyring()
    yield
    keyring.set_keyring(original)


@pytest.mark.usefixtures("restore_keyring")
def test_no_keyring_backend_falls_back_to_memory(make_client: ClientFactory) -> None:
    keyring.set_keyring(fail.Keyring())
    assert not keyring_usable()
    store = make_token_store("dave", remember=True)
    assert isinstance(store, MemoryTokenStore) and not store.persistent
    client = make_client(token_store=store)
    client.register(register_request("dave"))
    assert client.login("dave", PASSWORD).username == "dave"


@pytest.mark.usefixtures("restore_keyring")
def test_remember_me_keeps_tokens_in_the_keyring(make_client: ClientFactory) -> None:
    backend = DictKeyring()
    keyring.set_keyring(backend)
    assert keyring_usable()
    assert isinstance(make_token_store("erin", remember=False), MemoryTokenStore)
    store = make_token_store("erin", remember=True)
    assert isinstance(store, KeyringTokenStore)
    client = make_client(token_store=store)
    client.register(register_request("erin"))
    client.login("erin", PASSWORD)
    # A new client (think: the app restarted) resumes the session from the keyring.
    resumed = make_client(token_store=KeyringTokenStore("erin"))
    assert resumed.me().username == "erin"
    resumed.logout()
    assert backend.data == {}
