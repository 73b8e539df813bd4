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
    is_valid_resident_id,
    is_valid_uscc,
    uscc_check_char,
)
from cgn_seal_desktop.portal.models import ElementField

__all__ = [
    "RESIDENT_ID",
    "check_field",
    "id_check_char",
    "is_valid_mobile",
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
