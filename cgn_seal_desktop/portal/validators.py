"""Client-side checks of the six-element form, the same rules the service applies (no Qt).

The check-digit functions live in the neutral ``cgn_seal_desktop.identifiers`` (the sandbox
applies the same ones); they are re-exported here for the wizard.
:func:`check_field` answers with a short error *code*; the UI turns codes into translated text.
"""

from __future__ import annotations

import re

from cgn_seal_desktop.identifiers import (
    id_check_char,
    is_valid_mobile,
    is_valid_phone,
    is_valid_resident_id,
    is_valid_uscc,
    uscc_check_char,
)
from cgn_seal_desktop.portal.models import BankAccount, ElementField, Invoice

__all__ = [
    "RESIDENT_ID",
    "check_bank_field",
    "check_field",
    "check_invoice_field",
    "id_check_char",
    "is_valid_mobile",
    "is_valid_phone",
    "is_valid_resident_id",
    "is_valid_uscc",
    "uscc_check_char",
]

#: The ID type whose numbers carry a GB 11643 check digit.
RESIDENT_ID = "居民身份证"


def check_field(field: ElementField, value: str, id_type: str | None = None) -> str | None:
    """Error code for *value* in *field*, or None when it is acceptable.

    Codes: ``required``, ``too_long``, ``uscc``, ``id_number``, ``mobile``, ``pattern``,
    ``option``. *id_type* is the chosen ID type for an ``id_number`` field that depends on it
    (only resident ID numbers are check-digit verified).
    """
    value = value.strip()
    if not value:
        return "required" if field.required else None
    if field.max_length is not None and len(value) > field.max_length:
        return "too_long"
    if field.kind == "uscc":
        return None if is_valid_uscc(value) else "uscc"
    if field.kind == "mobile":
        return None if is_valid_mobile(value) else "mobile"
    if field.kind == "id_number":
        if id_type is None or id_type == RESIDENT_ID:
            return None if is_valid_resident_id(value) else "id_number"
        return None if (5 <= len(value) <= 30 and value.isalnum()) else "id_number"
    if field.kind == "select":
        return None if not field.options or value in field.options else "option"
    if field.pattern and re.fullmatch(field.pattern, value) is None:
        return "pattern"
    return None


def _length(model: type, name: str) -> tuple[int, int]:
    """(min_length, max_length) the contract gives field *name* of *model*."""
    lo, hi = 0, 10**6
    for rule in model.model_fields[name].metadata:  # type: ignore[attr-defined]
        lo = getattr(rule, "min_length", None) or lo
        hi = getattr(rule, "max_length", None) or hi
    return lo, hi


def check_bank_field(name: str, value: str) -> str | None:
    """Error code for one field of the corporate bank account (:class:`BankAccount`), or None.

    Codes: ``required``, ``too_short``, ``too_long``, ``digits`` (the account number holds
    digits and spaces only).
    """
    value = value.strip()
    if not value:
        return "required"
    lo, hi = _length(BankAccount, name)
    if name == "account_number":
        digits = value.replace(" ", "")
        if not digits.isdigit() or not digits.isascii():
            return "digits"
    if len(value) < lo:
        return "too_short"
    if len(value) > hi:
        return "too_long"
    return None


def check_invoice_field(name: str, value: str) -> str | None:
    """Error code for one field of the 发票 details (:class:`Invoice`), or None.

    Codes: ``required``, ``too_short``, ``too_long``, ``uscc`` (the 税号 of a company is its
    unified social credit code, check character verified).
    """
    value = value.strip()
    if not value:
        return "required"
    if name == "tax_id":
        return None if is_valid_uscc(value) else "uscc"
    lo, hi = _length(Invoice, name)
    if len(value) < lo:
        return "too_short"
    if len(value) > hi:
        return "too_long"
    return None
