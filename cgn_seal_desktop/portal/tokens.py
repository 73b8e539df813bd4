"""Where the client keeps its access/refresh tokens: the OS keyring, or memory only.

"Remember me" needs a working keyring backend; without one (headless Linux, the ``fail``
backend) tokens live in memory and the user logs in again after a restart.
"""

from __future__ import annotations

import contextlib
import json
import threading
from datetime import datetime
from typing import Protocol

from cgn_seal_desktop import APP_ID
from cgn_seal_desktop.portal.models import TokenPair

__all__ = ["KeyringTokenStore", "MemoryTokenStore", "TokenStore", "keyring_usable",
           "make_token_store"]


class TokenStore(Protocol):
    """Holds one token pair; ``persistent`` says whether it survives a restart."""

    persistent: bool

    def load(self) -> TokenPair | None: ...

    def save(self, tokens: TokenPair) -> None: ...

    def clear(self) -> None: ...


class MemoryTokenStore:
    """Tokens in process memory only."""

    persistent = False

    def __init__(self) -> None:
        self._tokens: TokenPair | None = None
        self._lock = threading.Lock()

    def load(self) -> TokenPair | None:
        with self._lock:
            return self._tokens

    def save(self, tokens: TokenPair) -> None:
        with self._lock:
            self._tokens = tokens

    def clear(self) -> None:
        with self._lock:
            self._tokens = None


def keyring_usable() -> bool:
    """True when a real keyring backend is available (not the ``fail``/``null`` backends)."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            return False
        return float(getattr(backend, "priority", 1)) > 0
    except Exception:  # any import or backend-discovery failure means "no keyring"
        return False


class KeyringTokenStore:
    """Tokens in the OS keyring under service ``cgn-seal-desktop``, one entry per *account*."""

    persistent = True

    def __init__(self, account: str, service: str = f"{APP_ID}/portal") -> None:
        self.account, self.service = account, service

    def load(self) -> TokenPair | None:
        import keyring
        from keyring.errors import KeyringError

        try:
            raw = keyring.get_password(self.service, self.account)
        except KeyringError:
            return None
        if not raw:
            return None
        try:
            data = json.loads(raw)
            return TokenPair(
                access_token=data["a"], refresh_token=data["r"],
                access_expires_at=datetime.fromisoformat(data["ae"]),
                refresh_expires_at=datetime.fromisoformat(data["re"]),
            )
        except (ValueError, KeyError, TypeError):
            return None

    def save(self, tokens: TokenPair) -> None:
        import keyring

        keyring.set_password(self.service, self.account, json.dumps({
            "a": tokens.access_token, "r": tokens.refresh_token,
            "ae": tokens.access_expires_at.isoformat(),
            "re": tokens.refresh_expires_at.isoformat(),
        }))

    def clear(self) -> None:
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        with contextlib.suppress(PasswordDeleteError, KeyringError):
            keyring.delete_password(self.service, self.account)


def make_token_store(account: str, remember: bool) -> TokenStore:
    """Keyring-backed when *remember* and a keyring works; otherwise memory-only."""
    if remember and keyring_usable():
        return KeyringTokenStore(account)
    return MemoryTokenStore()
