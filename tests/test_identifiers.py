"""GB 32100 (USCC) and GB 11643 (resident ID) check digits, mobile numbers."""

from __future__ import annotations

import pytest

from cgn_seal_desktop.identifiers import (
    id_check_char,
    is_valid_mobile,
    is_valid_resident_id,
    is_valid_uscc,
    uscc_check_char,
)


@pytest.mark.parametrize("code", ["91350100M000100Y43", "91110000600037341L",
                                  "91440300708461136T"])
def test_known_valid_uscc(code: str) -> None:
    assert is_valid_uscc(code)


def test_uscc_rejects_wrong_check_char_and_bad_alphabet() -> None:
    good = "91350100M000100Y43"
    for c in "0123456789ABCDEFGHJKLMNPQRTUWXY":
        if c != good[-1]:
            assert not is_valid_uscc(good[:-1] + c)
    assert not is_valid_uscc("91350100M000100YI3")  # I is not in the alphabet
    assert not is_valid_uscc("91350100m000100Y43")  # lower case
    assert not is_valid_uscc("9135010M000100Y43")  # 17 characters
    assert not is_valid_uscc("913501A0M000100Y43".replace("A", "0")[:-1] + "X")
    assert uscc_check_char("91350100M000100Y4") == "3"
    with pytest.raises(ValueError):
        uscc_check_char("short")


def test_resident_id() -> None:
    assert is_valid_resident_id("11010519491231002X")
    assert is_valid_resident_id("11010519491231002x")  # lower-case x is typed often
    assert not is_valid_resident_id("110105194912310021")
    assert not is_valid_resident_id("110105194902300028")  # 30 February
    assert not is_valid_resident_id("11010519491231002")
    assert id_check_char("11010519491231002") == "X"
    first17 = "44030119900101123"
    assert is_valid_resident_id(first17 + id_check_char(first17))


def test_mobile() -> None:
    assert is_valid_mobile("13800138000")
    assert is_valid_mobile("19912345678")
    assert not is_valid_mobile("12800138000")
    assert not is_valid_mobile("1380013800")
    assert not is_valid_mobile("+8613800138000")
