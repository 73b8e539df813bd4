"""The remote API's data models, shared by the sandbox server and the desktop client.

These pydantic models *are* the contract: the sandbox generates its OpenAPI document from them and
the client parses every response with them. Secrets and ID numbers are excluded from ``repr`` so
that logging a model never leaks them.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Account",
    "ApiErrorBody",
    "Application",
    "ApplicationForm",
    "ApplicationStatus",
    "ApprovalRequest",
    "BankAccount",
    "CertificateIssueRequest",
    "DepositCodeRequest",
    "DepositInfo",
    "DepositReveal",
    "ElementField",
    "ElementSchema",
    "IdentitySession",
    "IdentityStatus",
    "Invoice",
    "LoginRequest",
    "Material",
    "MaterialKind",
    "MaterialKindInfo",
    "OpsOverview",
    "OpsSupplier",
    "OrgElements",
    "OrgVerification",
    "OrgVerificationState",
    "PaymentChannel",
    "PaymentOrder",
    "PaymentRequest",
    "PaymentStatus",
    "RefreshRequest",
    "RegisterRequest",
    "RejectionRequest",
    "Shipping",
    "SupportInfo",
    "TokenPair",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ApiErrorBody(_Model):
    """Every 4xx/5xx body. ``fields`` maps a request field name to what is wrong with it."""

    code: str
    message: str
    fields: dict[str, str] = Field(default_factory=dict)
    attempts_left: int | None = None


# ---------------------------------------------------------------- accounts


class RegisterRequest(_Model):
    """供应商注册."""

    username: str = Field(min_length=3, max_length=32, pattern=r"^[A-Za-z0-9_.-]+$")
    password: str = Field(min_length=8, max_length=128, repr=False)
    company_name: str = Field(min_length=2, max_length=100)
    contact_name: str = Field(min_length=1, max_length=50)
    mobile: str = Field(max_length=20)
    email: str = Field(max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Account(_Model):
    id: int
    username: str
    company_name: str
    contact_name: str
    mobile: str
    email: str
    created_at: datetime


class LoginRequest(_Model):
    username: str = Field(max_length=64)
    password: str = Field(max_length=128, repr=False)


class RefreshRequest(_Model):
    refresh_token: str = Field(max_length=256, repr=False)


class TokenPair(_Model):
    access_token: str = Field(repr=False)
    refresh_token: str = Field(repr=False)
    token_type: str = "Bearer"
    access_expires_at: datetime
    refresh_expires_at: datetime


# ---------------------------------------------------------------- organisation verification


class ElementField(_Model):
    """One input of the six-element form, as the client must render and pre-check it."""

    name: str
    label: str
    kind: str = Field(description="text | select | id_number | mobile | uscc")
    required: bool = True
    max_length: int | None = None
    pattern: str | None = None
    options: list[str] = Field(default_factory=list)
    help: str = ""
    group: str = Field(description="which of the six elements this field belongs to")


class ElementSchema(_Model):
    title: str
    fields: list[ElementField]


class OrgElements(_Model):
    """机构信息认证六要素."""

    org_name: str = Field(max_length=100)
    uscc: str = Field(max_length=18)
    legal_rep_name: str = Field(max_length=50)
    legal_rep_id_type: str = Field(max_length=20)
    legal_rep_id_number: str = Field(max_length=30, repr=False)
    operator_name: str = Field(max_length=50)
    operator_id_number: str = Field(max_length=30, repr=False)
    operator_mobile: str = Field(max_length=20)


class OrgVerificationState(StrEnum):
    EDITING = "editing"  # six elements to fill in (or fix after cancel-and-redo)
    IDENTITY = "identity"  # operator must scan the WeChat QR code
    BANK = "bank"  # corporate bank account to enter
    DEPOSIT_PENDING = "deposit_pending"  # waiting for the small deposit (≤ 3 working days)
    DEPOSIT_SENT = "deposit_sent"  # deposit made; supplier types the random code
    LOCKED = "locked"  # too many wrong codes; only cancel-and-redo helps
    VERIFIED = "verified"


class IdentityStatus(StrEnum):
    PENDING = "pending"
    SCANNED = "scanned"
    PASSED = "passed"
    FAILED = "failed"
    EXPIRED = "expired"


class IdentitySession(_Model):
    id: int
    status: IdentityStatus
    qr_payload: str = Field(description="URL to show as a QR code for WeChat to scan")
    created_at: datetime
    expires_at: datetime
    failure_reason: str | None = None


class BankAccount(_Model):
    """企业对公账户 (基本户)."""

    bank_name: str = Field(min_length=2, max_length=100)
    branch_name: str = Field(min_length=2, max_length=100)
    account_name: str = Field(min_length=2, max_length=100)
    account_number: str = Field(min_length=6, max_length=40, pattern=r"^[0-9 ]+$")


class DepositInfo(_Model):
    submitted_at: datetime
    expected_by: date
    sent_at: datetime | None = None
    attempts_left: int


class OrgVerification(_Model):
    state: OrgVerificationState
    elements: OrgElements | None = None
    identity: IdentitySession | None = None
    bank_account: BankAccount | None = None
    deposit: DepositInfo | None = None
    verified_at: datetime | None = None
    updated_at: datetime


class DepositCodeRequest(_Model):
    code: str = Field(min_length=1, max_length=12)


# ---------------------------------------------------------------- applications


class MaterialKind(StrEnum):
    BUSINESS_LICENCE = "business_licence"
    APPLICATION_FORM = "application_form"
    SEAL_IMPRESSION = "seal_impression"
    OPERATOR_ID_FRONT = "operator_id_front"
    OPERATOR_ID_BACK = "operator_id_back"
    AUTHORISATION_LETTER = "authorisation_letter"


class MaterialKindInfo(_Model):
    kind: MaterialKind
    label: str
    required: bool
    content_types: list[str]
    max_bytes: int


class Material(_Model):
    kind: MaterialKind
    filename: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: datetime


class ApplicationForm(_Model):
    """数字证书申请信息 (all optional while a draft; complete before submit).

    What the printed 申请表 needs beyond the six elements: the organisation's address and
    telephone (机构地址, 单位电话), the seal's name and validity, a contact, and where the UKEY
    is mailed (which is not the organisation's address)."""

    org_address: str | None = Field(default=None, max_length=200,
                                    description="机构地址 (registered address of the organisation)")
    org_phone: str | None = Field(default=None, max_length=20,
                                  description="单位电话 (landline with area code, or a mobile)")
    seal_name: str | None = Field(default=None, max_length=100)
    validity_years: int | None = Field(default=None, ge=1, le=3)
    contact_name: str | None = Field(default=None, max_length=50)
    contact_mobile: str | None = Field(default=None, max_length=20)
    contact_email: str | None = Field(default=None, max_length=254)
    mail_recipient: str | None = Field(default=None, max_length=50)
    mail_mobile: str | None = Field(default=None, max_length=20)
    mail_address: str | None = Field(default=None, max_length=200)


class ApplicationStatus(StrEnum):
    DRAFT = "draft"
    AWAITING_PAYMENT = "awaiting_payment"
    UNDER_REVIEW = "under_review"
    REJECTED = "rejected"
    APPROVED = "approved"

    @property
    def editable(self) -> bool:
        """The rule for the client and the server alike: the supplier may change the form and
        the materials of a draft or of a rejected application, and of nothing else."""
        return self in _EDITABLE


_EDITABLE = frozenset({ApplicationStatus.DRAFT, ApplicationStatus.REJECTED})


class PaymentChannel(StrEnum):
    ALIPAY = "alipay"
    WECHAT = "wechat"


class PaymentStatus(StrEnum):
    OPEN = "open"
    PAID = "paid"
    EXPIRED = "expired"
    SUPERSEDED = "superseded"


class Invoice(_Model):
    """发票 for the fee: the buyer's name as printed (发票抬头) and its taxpayer ID (税号: for a
    company, the 18-character unified social credit code, check character verified)."""

    title: str = Field(min_length=2, max_length=100, description="发票抬头")
    tax_id: str = Field(min_length=18, max_length=18, pattern=r"^[0-9A-Z]+$",
                        description="税号 (纳税人识别号): a company's unified social credit code")


class PaymentOrder(_Model):
    id: int
    application_id: int
    channel: PaymentChannel
    amount_cents: int
    currency: str = "CNY"
    qr_payload: str
    status: PaymentStatus
    created_at: datetime
    expires_at: datetime
    paid_at: datetime | None = None
    invoice: Invoice | None = Field(default=None, description="发票 details kept with the order")


class PaymentRequest(_Model):
    channel: PaymentChannel
    invoice: Invoice


class Shipping(_Model):
    courier: str
    tracking_number: str
    shipped_at: datetime


class Application(_Model):
    id: int
    reference: str = Field(default="", description="业务单号 as printed on the forms")
    test_environment: bool = Field(
        default=False, description="Served by a test environment (the sandbox): nothing issued "
        "for this application is valid, and every printout must say so")
    status: ApplicationStatus
    form: ApplicationForm
    org_name: str
    uscc: str
    materials: list[Material]
    missing: list[str] = Field(description="form fields and material kinds still needed to submit")
    required_materials: list[MaterialKind] = Field(
        default_factory=list, description="material kinds this application needs (uploaded or "
        "not): the authorisation letter only when the operator is not the legal representative")
    amount_cents: int | None = None
    paid: bool
    payment: PaymentOrder | None = None
    submitted_at: datetime | None = None
    reject_reason: str | None = None
    redo_materials: list[MaterialKind] = Field(default_factory=list)
    certificate_serial: str | None = None
    shipping: Shipping | None = None
    revision: int
    created_at: datetime
    updated_at: datetime

    @property
    def editable(self) -> bool:
        """The form and the materials may still change (see :attr:`ApplicationStatus.editable`)."""
        return self.status.editable


# ---------------------------------------------------------------- support and operator actions


class SupportInfo(_Model):
    hotline: str
    website: str
    online_service_url: str
    wechat_service_qr: str
    wechat_subscription_qr: str
    driver_download_url: str


class RejectionRequest(_Model):
    reason: str = Field(min_length=1, max_length=500)
    redo_materials: list[MaterialKind] = Field(default_factory=list)


class ApprovalRequest(_Model):
    courier: str = Field(default="顺丰速运", max_length=50)
    tracking_number: str | None = Field(default=None, max_length=40)


class DepositReveal(_Model):
    user_id: int
    code: str
    sent_at: datetime | None


class CertificateIssueRequest(_Model):
    password: str = Field(min_length=4, max_length=128, repr=False)


class OpsSupplier(_Model):
    account: Account
    verification: OrgVerification
    applications: list[Application]


class OpsOverview(_Model):
    suppliers: list[OpsSupplier]
