"""Check digits and formats of Chinese identifiers, as the real service validates them.

- Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-symbol
  alphabet, the last one a mod-31 check character.
- Resident identity card number (居民身份证号码), GB 11643-1999: 17 digits + ISO 7064 MOD 11-2
  check character (0-9 or X), with a valid birth date.
- Mainland mobile numbers: 11 digits starting 13-19.
- Telephone numbers (单位电话): a mobile, a landline with its area code (0755-88886666), or a
  400/800 service number; spaces, hyphens and brackets between the digits are allowed.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = [
    "id_check_char",
    "is_valid_mobile",
    "is_valid_phone",
    "is_valid_resident_id",
    "is_valid_uscc",
    "uscc_check_char",
]

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_MOBILE_RE = re.compile(r"1[3-9]\d{9}")
_PHONE_CHARS = re.compile(r"[\d\s()（）-]+")
# Area code 0 + 2-3 digits and a 7-8 digit number, or a 400/800 service number.
_LANDLINE_RE = re.compile(r"0[1-9]\d{8,10}|[48]00\d{7}")


def uscc_check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters (ValueError if malformed)."""
    if len(first17) != 17 or any(c not in _USCC_ALPHABET for c in first17):
        raise ValueError("need 17 characters from the USCC alphabet")
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_ALPHABET[(31 - total % 31) % 31]


def is_valid_uscc(code: str) -> bool:
    """True when *code* is an 18-character USCC whose check character matches (upper case only)."""
    if len(code) != 18 or any(c not in _USCC_ALPHABET for c in code):
        return False
    # Characters 3-8 are the administrative division code: digits only.
    if not code[2:8].isdigit():
        return False
    return uscc_check_char(code[:17]) == code[17]


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for 17 digits (ValueError if malformed)."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError("need 17 digits")
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def is_valid_resident_id(number: str) -> bool:
    """True for an 18-character resident ID with a real birth date and a matching check char."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if born.year < 1900 or born > date.today():
        return False
    return id_check_char(number[:17]) == number[17].upper()


def is_valid_mobile(number: str) -> bool:
    """True for a mainland China mobile number (11 digits, 13x-19x)."""
    return _MOBILE_RE.fullmatch(number) is not None


def is_valid_phone(number: str) -> bool:
    """True for a telephone an organisation can be called on: a mobile, a landline with its
    area code (``0755-88886666``, ``(010) 6512 3456``) or a 400/800 number."""
    number = number.strip()
    if not number or len(number) > 20 or _PHONE_CHARS.fullmatch(number) is None:
        return False
    digits = re.sub(r"\D", "", number)
    return is_valid_mobile(digits) or _LANDLINE_RE.fullmatch(digits) is not None
