"""The six-element form (机构信息认证六要素): its schema, served to clients, and its validation."""

from __future__ import annotations

from cgn_seal_desktop.identifiers import (
    is_valid_mobile,
    is_valid_resident_id,
    is_valid_uscc,
)
from cgn_seal_desktop.portal.models import ElementField, ElementSchema, OrgElements

__all__ = ["ELEMENT_SCHEMA", "ID_TYPES", "RESIDENT_ID", "normalise_name", "validate_elements"]

RESIDENT_ID = "居民身份证"
ID_TYPES = [RESIDENT_ID, "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "护照"]

ELEMENT_SCHEMA = ElementSchema(
    title="机构信息认证六要素",
    fields=[
        ElementField(name="org_name", label="机构名称", kind="text", max_length=100,
                     group="机构名称", help="与营业执照上的名称一致"),
        ElementField(name="uscc", label="统一社会信用代码", kind="uscc", max_length=18,
                     pattern=r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$",
                     group="统一社会信用代码", help="18 位，见营业执照"),
        ElementField(name="legal_rep_name", label="法定代表人姓名", kind="text", max_length=50,
                     group="法定代表人姓名"),
        ElementField(name="legal_rep_id_type", label="法定代表人证件类型", kind="select",
                     options=ID_TYPES, group="法定代表人证件"),
        ElementField(name="legal_rep_id_number", label="法定代表人证件号码", kind="id_number",
                     max_length=30, group="法定代表人证件"),
        ElementField(name="operator_name", label="经办人姓名", kind="text", max_length=50,
                     group="经办人姓名及身份证号"),
        ElementField(name="operator_id_number", label="经办人身份证号", kind="id_number",
                     max_length=18, pattern=r"^\d{17}[\dXx]$", group="经办人姓名及身份证号"),
        ElementField(name="operator_mobile", label="经办人手机号", kind="mobile", max_length=11,
                     pattern=r"^1[3-9]\d{9}$", group="经办人手机号",
                     help="用于接收打款通知短信"),
    ],
)


def normalise_name(name: str) -> str:
    """Compare organisation names the way people type them: trimmed, ASCII/CJK brackets alike."""
    return name.strip().replace("（", "(").replace("）", ")").replace(" ", "")


def validate_elements(el: OrgElements) -> dict[str, str]:
    """Per-field errors (Chinese, shown next to the field); empty when everything is valid."""
    errors: dict[str, str] = {}
    for name in ("org_name", "legal_rep_name", "operator_name"):
        if len(getattr(el, name).strip()) < 2:
            errors[name] = "请填写完整名称"
    if not is_valid_uscc(el.uscc):
        errors["uscc"] = "统一社会信用代码无效（GB 32100 校验位不符或格式错误）"
    if el.legal_rep_id_type not in ID_TYPES:
        errors["legal_rep_id_type"] = "请选择证件类型"
    elif el.legal_rep_id_type == RESIDENT_ID:
        if not is_valid_resident_id(el.legal_rep_id_number):
            errors["legal_rep_id_number"] = "身份证号码无效（GB 11643 校验位不符或格式错误）"
    elif not (5 <= len(el.legal_rep_id_number) <= 30 and el.legal_rep_id_number.isalnum()):
        errors["legal_rep_id_number"] = "证件号码格式不正确"
    if not is_valid_resident_id(el.operator_id_number):
        errors["operator_id_number"] = "身份证号码无效（GB 11643 校验位不符或格式错误）"
    if not is_valid_mobile(el.operator_mobile):
        errors["operator_mobile"] = "手机号码格式不正确"
    return errors
