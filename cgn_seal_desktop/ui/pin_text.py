"""What the PIN dialogs say about the PIN's tries, in one place (entering and changing the PIN).

SKF UKEYs report the exact number of tries left (``TokenInfo.pin_tries_left``,
``WrongPinError.tries_left``): the words give that number. PKCS#11 tokens only raise flags
(:class:`~cgn_seal_desktop.ukey.model.PinState`): "a wrong PIN was entered before" and "final
try"; the words then say no more than the flags do — never "few tries remain" after one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from cgn_seal_desktop.ukey.errors import WrongPinError
from cgn_seal_desktop.ukey.model import PinState, TokenInfo, pin_state_from_retries

__all__ = ["PinTries", "tries_info", "warning_lines"]

_CTX = "PinText"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


@dataclass(frozen=True)
class PinTries:
    """The PIN's state as far as the token tells: the flags, and for SKF the counter."""

    state: PinState
    left: int | None = None  #: exact tries left (SKF), else None
    maximum: int | None = None  #: tries after a good PIN (SKF), else None

    @classmethod
    def of_token(cls, token: TokenInfo) -> PinTries:
        return cls(token.pin_state, token.pin_tries_left, token.pin_max_tries)

    def after(self, error: WrongPinError) -> PinTries:
        """The state after the wrong PIN *error* reported (its counter where it has one)."""
        if error.tries_left is not None:
            maximum = self.maximum if self.maximum is not None else error.tries_left + 1
            return PinTries(pin_state_from_retries(error.tries_left, maximum), error.tries_left,
                            maximum)
        state = (PinState.LOCKED if error.locked else PinState.FINAL_TRY if error.final_try
                 else PinState.COUNT_LOW if error.count_low else PinState.OK)
        return PinTries(state)

    @property
    def final_try(self) -> bool:
        return self.state is PinState.FINAL_TRY

    @property
    def counted(self) -> bool:
        return self.left is not None and self.maximum is not None


def tries_info(tries: PinTries) -> str:
    """A neutral line with the counter (SKF), e.g. "PIN tries left: 6 of 6"; "" when the token
    does not count (PKCS#11)."""
    if not tries.counted:
        return ""
    return _t("PIN tries left: %1 of %2").replace("%1", str(tries.left)).replace(
        "%2", str(tries.maximum))


def warning_lines(tries: PinTries, *, retry: bool = False, what: str = "PIN") -> list[str]:
    """The red lines of a PIN dialog: *retry* after a wrong PIN (*what*: ``"PIN"``, or
    ``"current"`` when changing it), then what the token says about the tries left."""
    lines: list[str] = []
    if retry:
        lines.append(_t("The current PIN was wrong.") if what == "current"
                     else _t("The PIN was wrong. Please enter it again."))
    if tries.state is PinState.FINAL_TRY:
        lines.append(_t("Final try: one more wrong PIN locks the UKEY, and only SZCA can unlock "
                        "it (400-112-3838)."))
    elif tries.state is PinState.COUNT_LOW:
        if tries.counted and tries.left is not None:
            text = (_t("Tries left before the UKEY locks: %1.") if retry else
                    _t("Wrong PINs were entered before. Tries left before the UKEY locks: %1."))
            lines.append(text.replace("%1", str(tries.left)))
        elif not retry:
            lines.append(_t("A wrong PIN was entered since the UKEY was last used. The UKEY "
                            "does not say how many tries remain; it locks after several wrong "
                            "PINs in a row."))
    return lines
