"""The token interface: what the rest of the program may ask of a UKEY, whatever its driver.

Two kinds of driver exist in the field: PKCS#11 modules (``ukey.pkcs11``) and SKF libraries
(GM/T 0016, ``ukey.skf``). Each is a :class:`TokenBackend` (one loaded driver file) that lists
its UKEYs and opens a :class:`TokenSession` on one of them. ``seal/`` and ``ui/`` only see these
two classes, :class:`~cgn_seal_desktop.ukey.model.TokenInfo` and
:class:`~cgn_seal_desktop.ukey.certinfo.CertificateInfo`, so a new backend needs no change there.

Promises every backend keeps:

- Every failure is a :class:`~cgn_seal_desktop.ukey.errors.UKeyError` subclass; no driver
  exception leaves the backend.
- PIN operations refuse without calling the driver when the PIN is locked, or when the next
  wrong PIN would lock it and ``confirm_final_try`` is false (:func:`check_pin_state`).
- The PIN (a :class:`~cgn_seal_desktop.ukey.pin.Pin`) is revealed only inside the backend's
  driver call and the holder is wiped whatever happens; an error raised to the caller has no
  ``__context__``/``__cause__`` and its traceback reaches no frame that held the revealed value.
- A session belongs to the thread that opened it; callers hold :data:`UKEY_LOCK` around a
  whole use (see ``ukey.service``).
"""

from __future__ import annotations

import abc
from types import TracebackType

from cgn_seal_desktop.ukey.certinfo import CertificateInfo
from cgn_seal_desktop.ukey.errors import CertificateNotFoundError, UKeyError
from cgn_seal_desktop.ukey.model import TokenInfo, TokenRef
from cgn_seal_desktop.ukey.pin import Pin

__all__ = ["TokenBackend", "TokenSession"]


class TokenSession(abc.ABC):
    """An open connection to one UKEY. A context manager; :meth:`close` is idempotent."""

    def __enter__(self) -> TokenSession:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @abc.abstractmethod
    def token_info(self) -> TokenInfo:
        """Fresh facts about the UKEY, the PIN state re-read from the token."""

    @abc.abstractmethod
    def certificates(self) -> list[CertificateInfo]:
        """Certificates on the UKEY (no login needed); ``key_id`` names the paired key."""

    @property
    @abc.abstractmethod
    def logged_in(self) -> bool:
        """Whether :meth:`login` succeeded on this session."""

    @abc.abstractmethod
    def login(self, pin: Pin, *, confirm_final_try: bool = False) -> None:
        """Verify the user PIN. Raises ``WrongPinError`` (with the state after the failure),
        ``PinLockedError``, ``FinalTryNotConfirmedError``, ``TokenRemovedError``…"""

    @abc.abstractmethod
    def sign(self, cert: CertificateInfo, data: bytes, digest: str) -> bytes:
        """Sign the message *data* with the key paired with *cert*, hashing with *digest*.

        Returns the signature value as CMS carries it: PKCS#1 v1.5 bytes for RSA, DER
        ``SEQUENCE {r, s}`` for ECDSA and SM2 (SM2 with ``Z`` of the signer ID
        ``1234567812345678``, the hash being ``SM3(Z || data)``). Log in first.
        """

    @abc.abstractmethod
    def change_pin(self, old: Pin, new: Pin, *, confirm_final_try: bool = False) -> None:
        """Replace the user PIN *old* by *new*; same guards and errors as :meth:`login`;
        ``PinPolicyError`` when the token refuses the new PIN's form."""

    @abc.abstractmethod
    def close(self) -> None:
        """Log out and release the UKEY (a removed UKEY is not an error here)."""

    def missing_certificate_error(self) -> UKeyError:
        """Why :meth:`certificates` offers nothing to sign with, as precisely as the driver can
        tell (SKF: no key container, a key without a certificate…)."""
        return CertificateNotFoundError("The UKEY holds no certificate that can sign documents")


class TokenBackend(abc.ABC):
    """One UKEY driver file, loaded once per process."""

    #: ``"pkcs11"`` or ``"skf"`` (the module table's ``interface``).
    interface: str = ""

    def __init__(self, module_path: str) -> None:
        self.module_path = module_path

    @abc.abstractmethod
    def list_tokens(self, *, with_certificates: bool = True) -> list[TokenInfo]:
        """Every usable UKEY this driver sees now (blank ones left out)."""

    @abc.abstractmethod
    def open_session(self, ref: TokenRef) -> TokenSession:
        """Open the UKEY *ref* (by label, and serial when given). ``NoTokenError`` when it is
        not inserted, ``TokenAmbiguousError`` when several match."""

    def reload(self) -> None:
        """Make the driver read its configuration and devices again (no session may be open:
        hold :data:`UKEY_LOCK`). Drivers that look afresh on every listing need nothing."""
        return None


def no_pin_in(error: UKeyError) -> UKeyError:
    """*error* cut loose from the exception being handled (for ``raise ... from None`` sites
    that run while a PIN-holding frame is on the stack)."""
    error.__traceback__ = None
    error.__context__ = None
    error.__cause__ = None
    error.__suppress_context__ = True
    return error
