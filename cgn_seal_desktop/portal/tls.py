"""The TLS context every connection to the online service uses: verification always on, the
operating system's trust store first, certifi's bundle as the fallback.

Company networks install their own roots (TLS-inspecting proxies, private CAs) in the OS store;
certifi's static bundle knows nothing of them, so trusting only certifi breaks the wizard there.
``truststore`` (MIT, the library pip uses for the same purpose) verifies with the OS: the Windows
certificate chain engine, macOS Security framework, OpenSSL's system paths on Linux (honouring
``SSL_CERT_FILE``/``SSL_CERT_DIR``). As in pip, certifi's roots are added to the context: on
Windows and macOS they are tried only when the OS refuses the chain, on Linux they join the system
roots (a machine without a CA bundle still connects).
"""

from __future__ import annotations

import ssl
from pathlib import Path

__all__ = ["tls_context", "uses_system_store"]


def tls_context(ca_bundle: Path | None = None) -> ssl.SSLContext:
    """A client context verifying certificates and host names against the OS store, certifi and
    the optional extra *ca_bundle* (a private CA the user chose). Never unverified."""
    import certifi

    try:
        import truststore
    except ImportError:  # not installed (a trimmed environment): certifi alone, still verified
        ctx = ssl.create_default_context(cafile=certifi.where())
    else:
        ctx = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.load_verify_locations(cafile=certifi.where())
    if ca_bundle is not None:
        ctx.load_verify_locations(cafile=str(ca_bundle))
    return ctx


def uses_system_store(ctx: ssl.SSLContext) -> bool:
    """True if *ctx* verifies with the operating system's trust store (a truststore context)."""
    return type(ctx).__module__.split(".")[0] == "truststore"
