"""Is the online service reachable? One short GET, TLS verified (the environment check's probe)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ServiceProbe", "probe_service"]


@dataclass(frozen=True)
class ServiceProbe:
    """What one GET of the service's address showed.

    ``reachable``: an HTTP answer came back (any status). ``status`` is its code; ``failure`` a
    stable word for why there was none: ``timeout``, ``tls``, ``connect``, ``other``.
    """

    url: str
    reachable: bool
    status: int | None = None
    failure: str | None = None

    @property
    def healthy(self) -> bool:
        return self.reachable and self.status is not None and self.status < 500


def probe_service(url: str, timeout: float = 3.0) -> ServiceProbe:
    """GET *url* with a short timeout; never raises for network trouble."""
    import ssl

    import httpx

    from cgn_seal_desktop.portal.tls import tls_context

    try:
        r = httpx.get(url, timeout=timeout, follow_redirects=True, verify=tls_context())
    except httpx.TimeoutException:
        return ServiceProbe(url, False, failure="timeout")
    except httpx.ConnectError as exc:
        tls = isinstance(exc.__cause__, ssl.SSLError) or "SSL" in str(exc) or "certificate" in str(
            exc)
        return ServiceProbe(url, False, failure="tls" if tls else "connect")
    except httpx.HTTPError:
        return ServiceProbe(url, False, failure="other")
    return ServiceProbe(url, True, status=r.status_code)
