"""Masking of personal data before it reaches a log or a report."""

from __future__ import annotations

__all__ = ["mask_id_number", "mask_mobile"]


def mask_id_number(number: str) -> str:
    """``440301199001011234`` → ``4403**********1234`` (first 4, last 4 kept)."""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_mobile(number: str) -> str:
    """``13800138000`` → ``138****8000``."""
    if len(number) < 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]
