"""Plain data about tokens (PIN state, token facts): importable without loading PKCS#11.

The UI imports these at start-up; the PKCS#11 library (python-pkcs11's extension) is only
loaded when a token is actually touched (``ukey.tokens``, ``ukey.session``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from cgn_seal_desktop.ukey.certinfo import CertificateInfo
from cgn_seal_desktop.ukey.errors import FinalTryNotConfirmedError, PinLockedError

__all__ = ["PinState", "TokenInfo", "TokenRef", "check_pin_allowed", "check_pin_state",
           "pin_state_from_flags", "pin_state_from_retries"]

# CK_TOKEN_INFO flag bits (PKCS#11 v2.40 §5.2); the same values as pkcs11.TokenFlag.
LOGIN_REQUIRED = 0x00000004
USER_PIN_INITIALIZED = 0x00000008
PROTECTED_AUTHENTICATION_PATH = 0x00000100
TOKEN_INITIALIZED = 0x00000400
USER_PIN_COUNT_LOW = 0x00010000
USER_PIN_FINAL_TRY = 0x00020000
USER_PIN_LOCKED = 0x00040000
USER_PIN_TO_BE_CHANGED = 0x00080000


class PinState(enum.Enum):
    """User PIN state as the token reports it (CK_TOKEN_INFO flags)."""

    OK = "ok"
    COUNT_LOW = "count_low"  # at least one wrong PIN since the last good one
    FINAL_TRY = "final_try"  # one more wrong PIN locks the token
    LOCKED = "locked"
    NOT_INITIALIZED = "not_initialized"
    TO_BE_CHANGED = "to_be_changed"


def pin_state_from_flags(flags: int) -> PinState:
    """Map token flags to the most severe :class:`PinState`."""
    if flags & USER_PIN_LOCKED:
        return PinState.LOCKED
    if flags & USER_PIN_FINAL_TRY:
        return PinState.FINAL_TRY
    if flags & USER_PIN_COUNT_LOW:
        return PinState.COUNT_LOW
    if not flags & USER_PIN_INITIALIZED:
        return PinState.NOT_INITIALIZED
    if flags & USER_PIN_TO_BE_CHANGED:
        return PinState.TO_BE_CHANGED
    return PinState.OK


def check_pin_state(state: PinState, *, confirm_final_try: bool) -> None:
    """Raise before a PIN use that must not be tried: locked PIN, or final try not confirmed.

    The same guard for every backend and every PIN operation (log in, change PIN).
    """
    if state is PinState.LOCKED:
        raise PinLockedError()
    if state is PinState.FINAL_TRY and not confirm_final_try:
        raise FinalTryNotConfirmedError()


def check_pin_allowed(flags: int, *, confirm_final_try: bool) -> None:
    """:func:`check_pin_state` for PKCS#11 token flags."""
    check_pin_state(pin_state_from_flags(flags), confirm_final_try=confirm_final_try)


def pin_state_from_retries(left: int, maximum: int, *, locked: bool = False) -> PinState:
    """PIN state from a retry counter (SKF reports the exact number of tries left)."""
    if locked or left <= 0:
        return PinState.LOCKED
    if left == 1:
        return PinState.FINAL_TRY
    if left < maximum:
        return PinState.COUNT_LOW
    return PinState.OK


@dataclass(frozen=True)
class TokenRef:
    """Enough to find one UKEY again from another thread: driver, interface, label, serial."""

    module_path: str
    label: str
    serial: str = ""
    interface: str = "pkcs11"


@dataclass(frozen=True)
class TokenInfo:
    """What the UI and ``cgn-seal tokens`` show about one inserted UKEY, whatever its driver.

    ``slot_id`` is the PKCS#11 slot (0 for SKF, where the device name is in ``label``/``serial``).
    ``pin_tries_left``/``pin_max_tries`` are known exactly for SKF UKEYs and ``None`` for PKCS#11,
    which only reports the coarse :class:`PinState` flags.
    """

    module_path: str
    slot_id: int
    label: str
    manufacturer: str
    model: str
    serial: str
    flags: int
    pin_state: PinState
    login_required: bool
    protected_auth_path: bool
    certificates: list[CertificateInfo] = field(default_factory=list)
    interface: str = "pkcs11"
    pin_tries_left: int | None = None
    pin_max_tries: int | None = None

    @property
    def ref(self) -> TokenRef:
        return TokenRef(self.module_path, self.label, self.serial, self.interface)
