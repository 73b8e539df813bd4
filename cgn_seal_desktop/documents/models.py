"""Data printed on the generated forms (Qt-free; the wizard fills these from its state).

Personal ID numbers are printed in full on the applicant's own form but never appear in logs:
``repr()`` of the models masks them (:func:`mask_id`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

__all__ = ["ApplicationFormData", "mask_id"]


def mask_id(value: str) -> str:
    """Mask an ID number for logs: keep the first 3 and last 4 characters (``440***********123X``).

    Short values (8 characters or fewer) are masked completely.
    """
    value = value.strip()
    if len(value) <= 8:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


_MASKED = frozenset({"agent_id_number", "legal_rep_id_number"})


@dataclass(frozen=True)
class ApplicationFormData:
    """Everything printed on the 数字证书(电子印章)申请表. Plain strings and ints only.

    Empty strings print as blank cells the applicant may fill in by hand.
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

    def __repr__(self) -> str:
        parts = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _MASKED and isinstance(value, str):
                value = mask_id(value)
            parts.append(f"{f.name}={value!r}")
        return f"ApplicationFormData({', '.join(parts)})"

    __str__ = __repr__
