"""Data printed on the generated forms (Qt-free; the wizard fills these from its state).

Personal ID numbers are printed in full on the applicant's own form but never appear in logs:
``repr()`` of the models masks them (:func:`mask_id`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

__all__ = ["TEST_MARK", "ApplicationFormData", "AuthorisationLetterData", "mask_id"]

#: Printed across every page made for a test environment (the built-in sandbox): nothing it
#: produces may pass for a real document.
TEST_MARK = "测试/沙箱 — 无效"


def mask_id(value: str) -> str:
    """Mask an ID number for logs: keep the first 3 and last 4 characters (``440***********123X``).

    Short values (8 characters or fewer) are masked completely.
    """
    value = value.strip()
    if len(value) <= 8:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


_MASKED = frozenset({"agent_id_number", "legal_rep_id_number"})


def _masked_repr(obj: object) -> str:
    parts = []
    for f in fields(obj):  # type: ignore[arg-type]
        value = getattr(obj, f.name)
        if f.name in _MASKED and isinstance(value, str):
            value = mask_id(value)
        parts.append(f"{f.name}={value!r}")
    return f"{type(obj).__name__}({', '.join(parts)})"


@dataclass(frozen=True)
class ApplicationFormData:
    """Everything printed on the 数字证书(电子印章)申请表. Plain strings and ints only.

    Each value has one source: the organisation, its legal representative and the agent (经办人)
    come from the verified six elements; address, telephone, seal name, validity and the UKEY's
    mailing details from the application form; the 业务单号 from the service. Empty strings
    print as blank cells the applicant may fill in by hand.
    """

    org_name: str  #: 机构名称 (full registered name)
    uscc: str  #: 统一社会信用代码 (18 characters)
    legal_rep_name: str  #: 法定代表人
    agent_name: str  #: 经办人姓名
    agent_id_number: str  #: 经办人证件号码 (printed in full, masked in repr)
    agent_mobile: str  #: 经办人手机
    email: str  #: 联系邮箱
    address: str  #: 机构地址
    legal_rep_id_number: str = ""  #: 法定代表人证件号码 (optional)
    org_phone: str = ""  #: 单位电话 (optional)
    agent_id_type: str = "居民身份证"  #: 经办人证件类型
    cert_type: str = "机构数字证书(含电子印章)"  #: 证书类型
    cert_quantity: int = 1  #: 申请数量 (UKEY count)
    validity_years: int = 1  #: 有效期 (years)
    application_date: str = ""  #: 申请日期, ISO ``YYYY-MM-DD``; empty = the render date
    application_no: str = ""  #: 业务单号 from the service, if already known
    seal_name: str = ""  #: 印章名称 (the name on the electronic seal)
    contact_name: str = ""  #: 联系人 (the application's contact)
    contact_mobile: str = ""  #: 联系人手机
    mail_recipient: str = ""  #: UKEY 收件人
    mail_mobile: str = ""  #: 收件人手机
    mail_address: str = ""  #: UKEY 邮寄地址 (not the organisation's address)
    test_mark: bool = False  #: made for a test environment: printed with :data:`TEST_MARK`

    def __repr__(self) -> str:
        return _masked_repr(self)

    __str__ = __repr__


@dataclass(frozen=True)
class AuthorisationLetterData:
    """Everything printed on the 授权书 (the legal representative authorises the agent), needed
    when the 经办人 is not the 法定代表人. All from the verified six elements."""

    org_name: str  #: 单位名称
    uscc: str  #: 统一社会信用代码
    legal_rep_name: str  #: 法定代表人
    agent_name: str  #: 经办人 (the authorised person)
    agent_id_number: str  #: 经办人证件号码 (printed in full, masked in repr)
    agent_mobile: str  #: 经办人手机
    legal_rep_id_type: str = "居民身份证"  #: 法定代表人证件类型
    legal_rep_id_number: str = ""  #: 法定代表人证件号码 (printed in full, masked in repr)
    agent_id_type: str = "居民身份证"  #: 经办人证件类型
    application_no: str = ""  #: 业务单号, if already known
    test_mark: bool = False  #: made for a test environment: printed with :data:`TEST_MARK`

    def __repr__(self) -> str:
        return _masked_repr(self)

    __str__ = __repr__
