"""The wizard in words: what ``portal/wizard`` says as codes (steps, stages, notes, waits, results
of a wait), translated. Every code has its sentence here, and only here."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from cgn_seal_desktop.portal.models import Invoice, MaterialKind
from cgn_seal_desktop.portal.wizard.navigation import WaitResult
from cgn_seal_desktop.portal.wizard.state import (
    Note,
    NoteCode,
    Progress,
    StepGroup,
    StepId,
    WaitingFor,
)

__all__ = ["field_label", "group_title", "invoice_text", "material_label", "missing_label",
           "next_action_text", "note_text", "result_text", "step_title", "waiting_text"]

_CTX = "WizardText"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def group_title(group: StepGroup) -> str:
    """The stage's name in the process guide's words (机构认证, 申请数字证书, …)."""
    return {
        StepGroup.REGISTER: _tr("Supplier registration"),
        StepGroup.ORG_VERIFICATION: _tr("Organisation verification"),
        StepGroup.CERT_APPLICATION: _tr("Certificate application"),
        StepGroup.SHIPPING: _tr("UKEY delivery"),
        StepGroup.SELF_CHECK: _tr("Seal self-check"),
    }[group]


def step_title(step: StepId) -> str:
    """The step's name in the process guide's words (六要素, 上传资料, …)."""
    return {
        StepId.REGISTER: _tr("Supplier registration"),
        StepId.ORG_ELEMENTS: _tr("Six elements"),
        StepId.ORG_IDENTITY: _tr("Identity check"),
        StepId.ORG_BANK: _tr("Bank account (small deposit)"),
        StepId.ORG_DEPOSIT_CODE: _tr("Random code"),
        StepId.APP_FORM: _tr("Fill in"),
        StepId.APP_PRINT: _tr("Print the application form"),
        StepId.APP_MATERIALS: _tr("Upload materials"),
        StepId.APP_PAYMENT: _tr("Payment"),
        StepId.APP_REVIEW: _tr("Review"),
        StepId.SHIPPING: _tr("UKEY delivery"),
        StepId.SELF_CHECK: _tr("Seal self-check"),
    }[step]


def field_label(name: str) -> str:
    """A field of the certificate application form (``ApplicationForm``) by its name."""
    return {
        "org_address": _tr("Organisation address"),
        "org_phone": _tr("Organisation telephone"),
        "seal_name": _tr("Name on the seal"),
        "validity_years": _tr("Validity"),
        "contact_name": _tr("Contact person"),
        "contact_mobile": _tr("Contact mobile"),
        "contact_email": _tr("Contact e-mail"),
        "mail_recipient": _tr("UKEY recipient"),
        "mail_mobile": _tr("Recipient mobile"),
        "mail_address": _tr("Mailing address"),
    }.get(name, name)


def material_label(kind: MaterialKind) -> str:
    """A kind of material to upload, in the process guide's words (营业执照, 授权书, …)."""
    return {
        MaterialKind.BUSINESS_LICENCE: _tr("Business licence"),
        MaterialKind.APPLICATION_FORM: _tr("Application form (signed and stamped)"),
        MaterialKind.SEAL_IMPRESSION: _tr("Seal impression page"),
        MaterialKind.OPERATOR_ID_FRONT: _tr("Operator's ID card (photo side)"),
        MaterialKind.OPERATOR_ID_BACK: _tr("Operator's ID card (emblem side)"),
        MaterialKind.AUTHORISATION_LETTER: _tr("Authorisation letter"),
    }[kind]


def invoice_text(invoice: Invoice) -> str:
    """The 发票 details kept with a payment order, in words."""
    return _tr("Invoice made out to %1, tax ID %2").replace("%1", invoice.title).replace(
        "%2", invoice.tax_id)


def missing_label(item: str) -> str:
    """One entry of what is still missing (a form field or a material kind), in words; an
    entry a newer service added and this version does not know stays as it is."""
    try:
        return material_label(MaterialKind(item))
    except ValueError:
        return field_label(item)


def _listed(items: tuple[str, ...]) -> str:
    return _tr(", ").join(missing_label(i) for i in items)


def _identity_failed(p: Mapping[str, str]) -> str:
    reason = p.get("reason") or _tr("please try again")
    return _tr("Identity check failed: %1").replace("%1", reason)


def _attempts_left(p: Mapping[str, str]) -> str:
    return _tr("Attempts left: %1").replace("%1", p["attempts"])


def _rejected(p: Mapping[str, str]) -> str:
    if p.get("paid") == "yes":
        text = _tr("Rejected: %1. Correct it and submit again (no second payment).")
    else:
        text = _tr("Rejected: %1. Correct it and submit again.")
    return text.replace("%1", p.get("reason", ""))


_NOTES: dict[NoteCode, Callable[[Note], str]] = {
    NoteCode.ELEMENTS_RESUBMIT: lambda n: _tr(
        "Check and correct the six elements, then submit the verification again."),
    NoteCode.IDENTITY_QR_EXPIRED: lambda n: _tr(
        "The QR code has expired. Make a new one and scan it with WeChat."),
    NoteCode.IDENTITY_FAILED: lambda n: _identity_failed(n.params),
    NoteCode.DEPOSIT_EXPECTED: lambda n: _tr(
        "SZCA makes a small deposit to the corporate account by %1. When the SMS arrives, ask "
        "your finance department for the random code.").replace("%1", n.params["expected_by"]),
    NoteCode.DEPOSIT_OVERDUE: lambda n: _tr(
        "The deposit is later than expected. Please contact customer service."),
    NoteCode.DEPOSIT_ATTEMPTS_LEFT: lambda n: _attempts_left(n.params),
    NoteCode.DEPOSIT_CODE_LOCKED: lambda n: _tr(
        "Too many wrong random codes. Cancel the verification and start it again."),
    NoteCode.FORM_MISSING: lambda n: _tr("Still to fill in: %1").replace("%1", _listed(n.items)),
    NoteCode.MATERIALS_MISSING: lambda n: _tr("Still to upload: %1").replace(
        "%1", _listed(n.items)),
    NoteCode.REVIEW_REJECTED: lambda n: _tr("Rejected: %1").replace(
        "%1", n.params.get("reason", "")),
    NoteCode.APPLICATION_REJECTED: lambda n: _rejected(n.params),
    NoteCode.PAYMENT_QR_EXPIRED: lambda n: _tr(
        "The payment QR code has expired. Start the payment again."),
    NoteCode.SHIPPED: lambda n: f"{n.params['courier']} {n.params['tracking']}".strip(),
    NoteCode.SELF_CHECK_REMINDER: lambda n: _tr(
        "When the UKEY arrives, be sure to do the seal self-check."),
}


def note_text(note: Note | None) -> str:
    """A step's detail or a notice in words ("" for none)."""
    return "" if note is None else _NOTES[note.code](note)


def waiting_text(progress: Progress) -> str:
    """What the wizard waits for, in words (empty when nothing)."""
    w = progress.waiting
    if w is None:
        return ""
    base = {
        WaitingFor.IDENTITY_SCAN: _tr("Waiting for the operator to scan the QR code with WeChat."),
        WaitingFor.DEPOSIT: _tr("SZCA will make a small deposit to the corporate account within "
                                "3 working days."),
        WaitingFor.PAYMENT: _tr("Waiting for the payment."),
        WaitingFor.REVIEW: _tr("SZCA reviews the application (3 working days)."),
        WaitingFor.DELIVERY: _tr("The UKEY is on its way by courier."),
    }[w.what]
    if w.expected_by is not None:
        base += " " + _tr("Expected by %1.").replace("%1", w.expected_by.isoformat())
    if w.overdue:
        base += " " + _tr("This takes longer than usual: call 400-112-3838.")
    return base


def next_action_text(progress: Progress) -> str:
    """The one thing the user should do now."""
    texts = {
        StepId.REGISTER: _tr("Register, or log in."),
        StepId.ORG_ELEMENTS: _tr("Fill in the six elements and submit them."),
        StepId.ORG_IDENTITY: _tr("Scan the QR code with the operator's WeChat."),
        StepId.ORG_BANK: _tr("Enter the corporate bank account."),
        StepId.ORG_DEPOSIT_CODE: _tr("Enter the random code of the small deposit."),
        StepId.APP_FORM: _tr("Fill in the certificate application."),
        StepId.APP_PRINT: _tr("Print, sign and stamp the forms, then upload them."),
        StepId.APP_MATERIALS: _tr("Upload the materials and submit the application."),
        StepId.APP_PAYMENT: _tr("Pay the fee with Alipay or WeChat."),
        StepId.APP_REVIEW: _tr("Wait for the review result."),
        StepId.SHIPPING: _tr("When the UKEY arrives, do the seal self-check."),
        StepId.SELF_CHECK: _tr("Done."),
    }
    if progress.current is StepId.ORG_DEPOSIT_CODE and progress.waiting is not None:
        return _tr("Wait for the deposit SMS, then ask your finance department for the code.")
    return texts[progress.current]


def result_text(result: WaitResult) -> str:
    """What to tell the user when a long wait ended (in the page and the tray)."""
    return {
        WaitResult.APPROVED: _tr(
            "Your certificate application was approved; the UKEY is being shipped."),
        WaitResult.REJECTED: _tr(
            "Your certificate application was rejected; please correct and resubmit."),
        WaitResult.PAYMENT_RECEIVED: _tr("Payment received; the application is under review."),
        WaitResult.IDENTITY_PASSED: _tr("The identity check has passed."),
        WaitResult.IDENTITY_FAILED: _tr(
            "The identity check failed; see the reason and try again."),
        WaitResult.DEPOSIT_MADE: _tr("The small deposit was made: enter the random code."),
    }[result]
