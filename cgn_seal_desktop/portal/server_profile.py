"""Which service the wizard talks to, and who logged in last (no Qt, no secrets).

Kept in ``paths.config_dir()/server_profile.json``: the kind (built-in sandbox or a service URL),
the URL, and the last user name with the "remember me" choice. Tokens are in the token store.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from cgn_seal_desktop import paths
from cgn_seal_desktop.fsutil import atomic_write_text

__all__ = ["KIND_SANDBOX", "KIND_SERVICE", "ServerProfile", "profile_path", "valid_service_url"]

log = logging.getLogger(__name__)

KIND_SANDBOX = "sandbox"
KIND_SERVICE = "service"


def profile_path() -> Path:
    return paths.config_dir() / "server_profile.json"


def valid_service_url(url: str) -> bool:
    """https URLs, or http only to the loopback interface (a local sandbox)."""
    url = url.strip()
    if url.startswith("https://") and len(url) > len("https://"):
        return True
    return url.startswith(("http://127.0.0.1", "http://localhost", "http://[::1]"))


@dataclass
class ServerProfile:
    """``kind`` is empty until the user chose on first start."""

    kind: str = ""
    url: str = ""
    username: str = ""
    remember: bool = False

    @property
    def chosen(self) -> bool:
        return self.kind == KIND_SANDBOX or (self.kind == KIND_SERVICE and bool(self.url))

    @classmethod
    def load(cls, path: Path | None = None) -> ServerProfile:
        """The saved profile; a missing or broken file gives an unchosen profile."""
        try:
            raw = json.loads((path or profile_path()).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("Server profile unreadable: %s", type(exc).__name__)
            return cls()
        if not isinstance(raw, dict):
            return cls()
        p = cls()
        for name in ("kind", "url", "username"):
            if isinstance(raw.get(name), str):
                setattr(p, name, raw[name])
        p.remember = raw.get("remember") is True
        if p.kind not in (KIND_SANDBOX, KIND_SERVICE, ""):
            p.kind = ""
        return p

    def save(self, path: Path | None = None) -> None:
        atomic_write_text(path or profile_path(), json.dumps(asdict(self), ensure_ascii=False))
