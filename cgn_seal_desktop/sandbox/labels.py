"""The sandbox's states and codes in the operator's words (Chinese), for the ``/ops`` console and
``cgn-seal sandbox ops``: the API keeps its machine values, people read these.

Every value of the enums below has its label (``tests/sandbox`` checks it), so a new state
cannot reach the console raw.
"""

from __future__ import annotations

from enum import StrEnum

from cgn_seal_desktop.documents.models import TEST_MARK
from cgn_seal_desktop.portal.models import (
    ApplicationStatus,
    IdentityStatus,
    MaterialKind,
    OrgVerificationState,
    PaymentChannel,
    PaymentStatus,
)

__all__ = ["ERROR_LABELS", "LABELS", "MATERIAL_LABELS", "SANDBOX_MARK", "error_text", "label",
           "missing_label"]

#: What every sandbox printout, page and certificate carries: nothing from it is valid.
SANDBOX_MARK = TEST_MARK

MATERIAL_LABELS: dict[StrEnum, str] = {
    MaterialKind.BUSINESS_LICENCE: "营业执照",
    MaterialKind.APPLICATION_FORM: "数字证书申请表（签字盖章）",
    MaterialKind.SEAL_IMPRESSION: "公章印模采集页",
    MaterialKind.OPERATOR_ID_FRONT: "经办人身份证（人像面）",
    MaterialKind.OPERATOR_ID_BACK: "经办人身份证（国徽面）",
    MaterialKind.AUTHORISATION_LETTER: "授权书（经办人非法定代表人时）",
}

LABELS: dict[StrEnum, str] = {
    OrgVerificationState.EDITING: "填写六要素",
    OrgVerificationState.IDENTITY: "等待经办人身份认证",
    OrgVerificationState.BANK: "等待填写对公账户",
    OrgVerificationState.DEPOSIT_PENDING: "等待小额打款",
    OrgVerificationState.DEPOSIT_SENT: "已打款，等待回填随机码",
    OrgVerificationState.LOCKED: "随机码错误次数过多，已锁定",
    OrgVerificationState.VERIFIED: "机构认证已通过",
    IdentityStatus.PENDING: "等待扫码",
    IdentityStatus.SCANNED: "已扫码，等待确认",
    IdentityStatus.PASSED: "认证通过",
    IdentityStatus.FAILED: "认证未通过",
    IdentityStatus.EXPIRED: "二维码已过期",
    ApplicationStatus.DRAFT: "草稿（资料未齐）",
    ApplicationStatus.AWAITING_PAYMENT: "待缴费",
    ApplicationStatus.UNDER_REVIEW: "审核中",
    ApplicationStatus.REJECTED: "已驳回",
    ApplicationStatus.APPROVED: "审核通过，UKEY 已寄出",
    PaymentStatus.OPEN: "待支付",
    PaymentStatus.PAID: "已支付",
    PaymentStatus.EXPIRED: "已过期",
    PaymentStatus.SUPERSEDED: "已被新订单取代",
    PaymentChannel.ALIPAY: "支付宝",
    PaymentChannel.WECHAT: "微信支付",
    **MATERIAL_LABELS,
}

#: Form fields of an application, as listed among what is still missing.
_FORM_FIELDS = {
    "org_address": "机构地址", "org_phone": "单位电话", "seal_name": "印章名称",
    "validity_years": "有效期", "contact_name": "联系人", "contact_mobile": "联系人手机",
    "contact_email": "联系邮箱", "mail_recipient": "UKEY 收件人", "mail_mobile": "收件人手机",
    "mail_address": "UKEY 邮寄地址",
}

#: ``ApiError`` codes the operator actions raise, in words.
ERROR_LABELS = {
    "not_found": "找不到对象",
    "wrong_state": "当前状态下不能执行此操作",
    "no_open_payment": "没有待支付的订单",
    "validation_failed": "输入无效",
    "already_paid": "已缴费",
}


def label(value: StrEnum) -> str:
    """The Chinese label of a state, status, channel or material kind."""
    return LABELS.get(value, str(value))


def missing_label(item: str) -> str:
    """An entry of ``Application.missing`` (a form field or a material kind) in words."""
    if item in _FORM_FIELDS:
        return _FORM_FIELDS[item]
    try:
        return MATERIAL_LABELS[MaterialKind(item)]  # every kind has its label
    except ValueError:
        return item


def error_text(code: str, message: str) -> str:
    """An operator action's error: the code in words, the server's message after it."""
    words = ERROR_LABELS.get(code)
    return f"{words}（{message}）" if words else message
