"""Which service the wizard talks to, and who logged in last (no Qt, no secrets).

Kept in ``paths.config_dir()/server_profile.json``: the kind (built-in sandbox or a service URL),
the URL, and the last user name with the "remember me" choice. Tokens are in the token store.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

from cgn_seal_desktop import paths
from cgn_seal_desktop.fsutil import atomic_write_text

__all__ = ["KIND_SANDBOX", "KIND_SERVICE", "ServerProfile", "first_start_profile",
           "is_release_build", "profile_path", "valid_service_url"]

log = logging.getLogger(__name__)

KIND_SANDBOX = "sandbox"
KIND_SERVICE = "service"


def profile_path() -> Path:
    return paths.config_dir() / "server_profile.json"


_HOST_CHARS = re.compile(r"^[a-z0-9.-]+$")


def _loopback_literal(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback  # 127.0.0.0/8 and ::1, literals only
    except ValueError:
        return False


def valid_service_url(url: str) -> bool:
    """An ``https://`` address of a host, or ``http://`` only to a literal loopback host
    (``127.0.0.0/8``, ``[::1]``, ``localhost`` exactly: a local sandbox).

    The URL is parsed, not prefix-matched: ``http://localhost.attacker.example``,
    ``http://127.0.0.1.nip.io`` and ``http://localhost@attacker.example`` are other hosts.
    User names, passwords, fragments and bad ports are refused in any URL.
    """
    url = url.strip()
    if not url or any(c.isspace() or ord(c) < 0x20 or c == "\\" for c in url):
        return False
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018  (raises ValueError for a port that is not one)
    except ValueError:
        return False
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return False
    if parts.fragment or not host or host.endswith("."):
        return False
    if parts.scheme == "http":
        return _loopback_literal(host)
    if parts.scheme != "https":
        return False
    if ":" in host:  # an IPv6 literal
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return False
        return True
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    return bool(_HOST_CHARS.match(ascii_host)) and ".." not in ascii_host


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
        if p.kind not in (KIND_SANDBOX, KIND_SERVICE, "") or (
                p.kind == KIND_SERVICE and not valid_service_url(p.url)):
            p.kind = ""  # an edited or old file must not point the client somewhere unsafe
        return p

    def save(self, path: Path | None = None) -> None:
        atomic_write_text(path or profile_path(), json.dumps(asdict(self), ensure_ascii=False))


def is_release_build() -> bool:
    """True in the installed program (the PyInstaller bundle), False when run from source."""
    return bool(getattr(sys, "frozen", False))


def first_start_profile(saved: ServerProfile, service_url: str, *, release: bool) -> ServerProfile:
    """The profile to start with. A saved choice is kept. Without one, a release build starts
    with the real service at *service_url* (the sandbox is only ever a deliberate choice); a
    build run from source asks (an unchosen profile)."""
    if saved.chosen or not release or not valid_service_url(service_url):
        return saved
    return ServerProfile(kind=KIND_SERVICE, url=service_url.strip())
