"""The HTTP core of the portal client: TLS, timeouts, retries, token refresh, typed errors.

Retries (with exponential backoff) happen only where repeating cannot do harm: idempotent
methods, requests carrying an ``Idempotency-Key``, and connections that never got established.
Request and response bodies are never logged; tokens only travel in the Authorization header.
"""

from __future__ import annotations

import logging
import random
import ssl
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from cgn_seal_desktop import __version__
from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.models import ApiErrorBody, TokenPair
from cgn_seal_desktop.portal.tls import tls_context
from cgn_seal_desktop.portal.tokens import MemoryTokenStore, TokenStore

__all__ = ["HttpCore"]

log = logging.getLogger("cgn_seal_desktop.portal")

_IDEMPOTENT = {"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}
_RETRY_STATUS = {502, 503, 504}


def _is_tls_verification_failure(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(exc)


class HttpCore:
    """One ``httpx.Client`` bound to *base_url*, with the client's policies applied."""

    def __init__(
        self,
        base_url: str,
        *,
        ca_bundle: Path | None = None,
        token_store: TokenStore | None = None,
        timeout: float = 15.0,
        retries: int = 3,
        backoff: float = 0.25,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.tokens: TokenStore = token_store or MemoryTokenStore()
        self.retries, self.backoff, self._sleep = retries, backoff, sleep
        self._refresh_lock = threading.Lock()
        self._http = httpx.Client(
            base_url=self.base_url,
            verify=tls_context(ca_bundle),
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            transport=transport,
            headers={"User-Agent": f"cgn-seal-desktop/{__version__}"},
            follow_redirects=False,
        )

    def close(self) -> None:
        self._http.close()

    # ------------------------------------------------------------------ tokens

    def save_tokens(self, pair: TokenPair) -> None:
        try:
            self.tokens.save(pair)
        except Exception as exc:  # a broken keyring must not break the login
            log.warning("could not store tokens (%s); keeping them in memory", type(exc).__name__)
            fallback = MemoryTokenStore()
            fallback.save(pair)
            self.tokens = fallback

    def _refresh(self, used_access: str | None) -> bool:
        """Get a new token pair; True if there is now a different access token to try."""
        with self._refresh_lock:
            current = self.tokens.load()
            if current is None:
                return False
            if current.access_token != used_access:
                return True  # another thread already refreshed
            # Offline / timeout propagate: that is not an expired session.
            resp = self._send("POST", "/v1/sessions/refresh",
                              {"json": {"refresh_token": current.refresh_token}},
                              retry=False, headers={})
            if resp.status_code >= 500:
                # A server hiccup is not a reason to forget the session.
                raise E.ServerError(f"Service error {resp.status_code}", status=resp.status_code)
            if resp.status_code != 200:
                self.tokens.clear()
                return False
            try:
                pair = TokenPair.model_validate(resp.json())
            except ValueError:
                raise E.ServerError("refresh: unexpected response") from None
            self.save_tokens(pair)
            log.info("session refreshed")
            return True

    # ------------------------------------------------------------------ requests

    def request(
        self,
        method: str,
        path: str,
        *,
        auth: bool = True,
        idempotency_key: str | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        """Send; on 401 refresh once and resend; raise a typed error for any non-2xx answer."""
        retry = method in _IDEMPOTENT or idempotency_key is not None
        headers: dict[str, str] = {}
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        used: str | None = None
        if auth:
            pair = self.tokens.load()
            if pair is None:
                raise E.SessionExpired("Not logged in")
            used = pair.access_token
            headers["Authorization"] = f"Bearer {used}"
        resp = self._send(method, path, kwargs, retry=retry, headers=headers)
        if resp.status_code == 401 and auth and self._refresh(used):
            pair = self.tokens.load()
            assert pair is not None
            headers["Authorization"] = f"Bearer {pair.access_token}"
            resp = self._send(method, path, kwargs, retry=retry, headers=headers)
        if resp.is_success:
            return resp
        raise self._error(resp, auth)

    def _send(self, method: str, path: str, kwargs: dict[str, Any], *, retry: bool,
              headers: dict[str, str]) -> httpx.Response:
        attempt = 0
        while True:
            started = time.monotonic()
            try:
                resp = self._http.request(method, path, headers=headers, **kwargs)
            except httpx.TimeoutException as exc:
                # A connect timeout never reached the server: always safe to repeat.
                if (retry or isinstance(exc, httpx.ConnectTimeout)) and attempt < self.retries:
                    attempt = self._pause(attempt, method, path, type(exc).__name__)
                    continue
                raise E.PortalTimeout(f"{method} {path}: no answer in time") from None
            except httpx.ConnectError as exc:
                if _is_tls_verification_failure(exc):
                    # Retrying cannot help and must not be silently worked around.
                    raise E.TlsUntrusted(f"{method} {path}: the service's certificate is not "
                                         "trusted") from None
                if attempt < self.retries:
                    attempt = self._pause(attempt, method, path, type(exc).__name__)
                    continue
                raise E.Offline(f"{method} {path}: cannot reach the service "
                                f"({type(exc).__name__})") from None
            except httpx.TransportError as exc:
                if retry and attempt < self.retries:
                    attempt = self._pause(attempt, method, path, type(exc).__name__)
                    continue
                raise E.Offline(f"{method} {path}: cannot reach the service "
                                f"({type(exc).__name__})") from None
            log.debug("%s %s → %s in %.0f ms", method, path, resp.status_code,
                      (time.monotonic() - started) * 1000)
            if resp.status_code in _RETRY_STATUS and retry and attempt < self.retries:
                attempt = self._pause(attempt, method, path, str(resp.status_code))
                continue
            return resp

    def _pause(self, attempt: int, method: str, path: str, why: str) -> int:
        delay = self.backoff * (2**attempt) * (0.5 + random.random() / 2)
        log.info("%s %s failed (%s); retry %d in %.2f s", method, path, why, attempt + 1, delay)
        self._sleep(delay)
        return attempt + 1

    @staticmethod
    def _error(resp: httpx.Response, auth: bool) -> E.PortalError:
        try:
            body = ApiErrorBody.model_validate(resp.json())
        except ValueError:
            body = ApiErrorBody(code=f"http_{resp.status_code}", message=resp.reason_phrase)
        status, msg = resp.status_code, body.message
        kw: dict[str, Any] = {"status": status, "server_code": body.code}
        if status == 401:
            return (E.SessionExpired if auth else E.Forbidden)(msg, **kw)
        if status == 403:
            return E.Forbidden(msg, **kw)
        if status == 404:
            return E.NotFound(msg, **kw)
        if status == 409:
            return E.Conflict(msg, **kw)
        if status == 413:
            return E.TooLarge(msg, **kw)
        if status in (400, 422):
            return E.ValidationFailed(msg, fields=body.fields, attempts_left=body.attempts_left,
                                      **kw)
        if status == 429:
            retry_after = resp.headers.get("Retry-After")
            return E.RateLimited(msg, retry_after=float(retry_after) if retry_after and
                                 retry_after.isdigit() else None, **kw)
        if status >= 500:
            return E.ServerError(f"Service error {status}", **kw)
        return E.PortalError(msg, **kw)
