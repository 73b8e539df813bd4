"""The trust store the GUI verifies with: bundled + user roots, plus the sandbox CA if chosen."""

from __future__ import annotations

from pathlib import Path

from cgn_seal_desktop import paths
from cgn_seal_desktop.seal.trust import TrustRoot, TrustStore
from cgn_seal_desktop.settings import Settings

__all__ = ["common_name", "load_trust_store", "sandbox_ca_files"]


def sandbox_ca_files() -> list[Path]:
    """Test CA certificates written by a local sandbox server (``…/testca/ca.cert.pem``)."""
    base = paths.data_dir()
    return sorted(p for p in base.glob("**/testca/ca.cert.pem") if p.is_file())[:5]


def load_trust_store(settings: Settings) -> TrustStore:
    """Load the roots (worker thread: reads files). Unreadable sandbox files are ignored."""
    extra = sandbox_ca_files() if settings.trust_sandbox_ca else []
    try:
        return TrustStore.load(extra)
    except Exception:  # a sandbox file vanished or is broken: verify without it
        return TrustStore.load()


def common_name(root: TrustRoot) -> str:
    """The root's common name (its whole short subject when it has none)."""
    try:
        cn = root.cert.subject.native.get("common_name")
    except (ValueError, TypeError, AttributeError):
        cn = None
    if isinstance(cn, list):
        cn = cn[0] if cn else None
    return str(cn) if cn else root.subject
