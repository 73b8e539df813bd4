"""Typed errors of the remote-API client; the UI turns each type into a translated message."""

from __future__ import annotations

from cgn_seal_desktop.errors import CgnSealError

__all__ = [
    "Conflict",
    "Forbidden",
    "NotFound",
    "Offline",
    "PortalError",
    "PortalTimeout",
    "RateLimited",
    "ServerError",
    "SessionExpired",
    "TlsUntrusted",
    "TooLarge",
    "ValidationFailed",
]


class PortalError(CgnSealError):
    """The online service could not do what was asked."""

    code = "portal_error"

    def __init__(self, message: str = "", *, status: int | None = None,
                 server_code: str | None = None) -> None:
        super().__init__(message)
        #: HTTP status, when the server answered at all.
        self.status = status
        #: The server's machine-readable error code (``ApiErrorBody.code``).
        self.server_code = server_code


class Offline(PortalError):
    """Cannot reach the online service (no network, DNS failure, connection refused)."""

    code = "portal_offline"


class TlsUntrusted(Offline):
    """The service's TLS certificate is not trusted (wrong CA bundle, interception, wrong host)."""

    code = "portal_tls_untrusted"


class PortalTimeout(PortalError):
    """The online service did not answer in time."""

    code = "portal_timeout"


class ServerError(PortalError):
    """The online service failed (5xx) or answered something unreadable."""

    code = "portal_server_error"


class SessionExpired(PortalError):
    """Not logged in, or the login expired; log in again."""

    code = "portal_session_expired"


class Forbidden(PortalError):
    """Not allowed (wrong username or password, or not permitted)."""

    code = "portal_forbidden"


class NotFound(PortalError):
    """The requested item does not exist (or belongs to someone else)."""

    code = "portal_not_found"


class Conflict(PortalError):
    """Not possible in the current state (e.g. already paid, step not reached yet)."""

    code = "portal_conflict"


class TooLarge(PortalError):
    """The uploaded file is too large."""

    code = "portal_too_large"


class RateLimited(PortalError):
    """Too many attempts; wait before trying again."""

    code = "portal_rate_limited"

    def __init__(self, message: str = "", *, retry_after: float | None = None,
                 status: int | None = None, server_code: str | None = None) -> None:
        super().__init__(message, status=status, server_code=server_code)
        self.retry_after = retry_after


class ValidationFailed(PortalError):
    """The server rejected the input; ``fields`` says what is wrong with which field."""

    code = "portal_validation_failed"

    def __init__(self, message: str = "", *, fields: dict[str, str] | None = None,
                 attempts_left: int | None = None, status: int | None = None,
                 server_code: str | None = None) -> None:
        super().__init__(message, status=status, server_code=server_code)
        self.fields = dict(fields or {})
        self.attempts_left = attempts_left
