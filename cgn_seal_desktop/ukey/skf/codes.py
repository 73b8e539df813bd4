"""SKF return codes (GM/T 0016-2012 §A, ``SAR_*``) and their typed UKEY errors.

Every code a driver can return becomes a :class:`~cgn_seal_desktop.ukey.errors.UKeyError`
subclass whose ``code`` the UI translates; the English message names the SKF code for the log
and the CLI. Unknown codes (vendors add their own) become :class:`TokenError` with the number.
"""

from __future__ import annotations

from cgn_seal_desktop.ukey.errors import (
    CertificateNotFoundError,
    MechanismNotSupportedError,
    NoContainerError,
    NoTokenError,
    PinLockedError,
    PinPolicyError,
    PrivateKeyNotFoundError,
    TokenError,
    TokenRemovedError,
    UKeyError,
    WrongPinError,
)

__all__ = ["SAR", "SAR_NAMES", "translate"]

SAR_NAMES: dict[int, str] = {
    0x00000000: "SAR_OK",
    0x0A000001: "SAR_FAIL",
    0x0A000002: "SAR_UNKNOWNERR",
    0x0A000003: "SAR_NOTSUPPORTYETERR",
    0x0A000004: "SAR_FILEERR",
    0x0A000005: "SAR_INVALIDHANDLEERR",
    0x0A000006: "SAR_INVALIDPARAMERR",
    0x0A000007: "SAR_READFILEERR",
    0x0A000008: "SAR_WRITEFILEERR",
    0x0A000009: "SAR_NAMELENERR",
    0x0A00000A: "SAR_KEYUSAGEERR",
    0x0A00000B: "SAR_MODULUSLENERR",
    0x0A00000C: "SAR_NOTINITIALIZEERR",
    0x0A00000D: "SAR_OBJERR",
    0x0A00000E: "SAR_MEMORYERR",
    0x0A00000F: "SAR_TIMEOUTERR",
    0x0A000010: "SAR_INDATALENERR",
    0x0A000011: "SAR_INDATAERR",
    0x0A000012: "SAR_GENRANDERR",
    0x0A000013: "SAR_HASHOBJERR",
    0x0A000014: "SAR_HASHERR",
    0x0A000015: "SAR_GENRSAKEYERR",
    0x0A000016: "SAR_RSAMODULUSLENERR",
    0x0A000017: "SAR_CSPIMPRTPUBKEYERR",
    0x0A000018: "SAR_RSAENCERR",
    0x0A000019: "SAR_RSADECERR",
    0x0A00001A: "SAR_HASHNOTEQUALERR",
    0x0A00001B: "SAR_KEYNOTFOUNTERR",
    0x0A00001C: "SAR_CERTNOTFOUNTERR",
    0x0A00001D: "SAR_NOTEXPORTERR",
    0x0A00001E: "SAR_DECRYPTPADERR",
    0x0A00001F: "SAR_MACLENERR",
    0x0A000020: "SAR_BUFFER_TOO_SMALL",
    0x0A000021: "SAR_KEYINFOTYPEERR",
    0x0A000022: "SAR_NOT_EVENTERR",
    0x0A000023: "SAR_DEVICE_REMOVED",
    0x0A000024: "SAR_PIN_INCORRECT",
    0x0A000025: "SAR_PIN_LOCKED",
    0x0A000026: "SAR_PIN_INVALID",
    0x0A000027: "SAR_PIN_LEN_RANGE",
    0x0A000028: "SAR_USER_ALREADY_LOGGED_IN",
    0x0A000029: "SAR_USER_PIN_NOT_INITIALIZED",
    0x0A00002A: "SAR_USER_TYPE_INVALID",
    0x0A00002B: "SAR_APPLICATION_NAME_INVALID",
    0x0A00002C: "SAR_APPLICATION_EXISTS",
    0x0A00002D: "SAR_USER_NOT_LOGGED_IN",
    0x0A00002E: "SAR_APPLICATION_NOT_EXISTS",
    0x0A00002F: "SAR_FILE_ALREADY_EXIST",
    0x0A000030: "SAR_NO_ROOM",
    0x0A000031: "SAR_FILE_NOT_EXIST",
    0x0A000032: "SAR_REACH_MAX_CONTAINER_COUNT",
}

#: Name → value, for readable comparisons in code.
SAR: dict[str, int] = {name: value for value, name in SAR_NAMES.items()}

_REMOVED = {"SAR_DEVICE_REMOVED", "SAR_INVALIDHANDLEERR", "SAR_TIMEOUTERR"}
_PIN_WRONG = {"SAR_PIN_INCORRECT", "SAR_PIN_INVALID", "SAR_PIN_LEN_RANGE"}
_NO_KEY = {"SAR_KEYNOTFOUNTERR", "SAR_KEYUSAGEERR", "SAR_KEYINFOTYPEERR"}
_NOT_SUPPORTED = {"SAR_NOTSUPPORTYETERR", "SAR_HASHERR", "SAR_HASHOBJERR", "SAR_INDATALENERR"}


def code_name(code: int) -> str:
    return SAR_NAMES.get(code, f"0x{code:08X}")


def wrong_pin(tries_left: int | None, maximum: int | None = None) -> UKeyError:
    """The error for a rejected PIN given the retry counter the token reported after it."""
    if tries_left is not None and tries_left <= 0:
        return PinLockedError("Wrong PIN: the UKEY's PIN is now locked (SAR_PIN_INCORRECT, "
                              "no tries left)")
    if tries_left is None:
        return WrongPinError("Wrong PIN")
    word = "try" if tries_left == 1 else "tries"
    return WrongPinError(f"Wrong PIN: {tries_left} {word} left", tries_left=tries_left,
                         final_try=tries_left == 1,
                         count_low=maximum is None or tries_left < maximum)


def translate(function: str, code: int, *, retry: int | None = None,
              new_pin: bool = False) -> UKeyError:
    """The typed error for *function* returning *code*.

    *retry* is the retry counter a PIN call reported; with *new_pin*, a PIN of the wrong length
    or form is the new PIN's fault (``SKF_ChangePIN``), not a wrong old PIN.
    """
    name = code_name(code)
    what = f"{function}: {name}"
    if name in _REMOVED:
        return TokenRemovedError(f"The UKEY was removed or stopped answering ({what})")
    if name == "SAR_PIN_LOCKED":
        return PinLockedError(f"The UKEY's PIN is locked ({what})")
    if new_pin and name in ("SAR_PIN_LEN_RANGE", "SAR_PIN_INVALID"):
        return PinPolicyError(f"The UKEY does not accept the new PIN ({what})")
    if name in _PIN_WRONG:
        return wrong_pin(retry)
    if name == "SAR_USER_NOT_LOGGED_IN":
        return TokenError(f"The UKEY asked for the PIN again ({what})")
    if name == "SAR_CERTNOTFOUNTERR":
        return CertificateNotFoundError(f"The UKEY holds no signing certificate ({what})")
    if name in _NO_KEY:
        return PrivateKeyNotFoundError(f"The UKEY holds no signing key ({what})")
    if name == "SAR_APPLICATION_NOT_EXISTS":
        return NoContainerError(f"The UKEY holds no application ({what})")
    if name == "SAR_FILE_NOT_EXIST" and "Container" in function:
        return NoContainerError(f"The key container is not on the UKEY ({what})")
    if name in _NOT_SUPPORTED:
        return MechanismNotSupportedError(f"The UKEY cannot do this ({what})")
    if name == "SAR_USER_PIN_NOT_INITIALIZED":
        return NoTokenError(f"The UKEY has not been issued yet: no user PIN ({what})")
    return TokenError(f"The UKEY reported an error ({what})")
