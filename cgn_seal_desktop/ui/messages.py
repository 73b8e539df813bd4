"""Every user-facing error and verdict text, in one table, translated at display time.

``ERRORS`` maps each :class:`~cgn_seal_desktop.errors.CgnSealError` ``code`` (ukey, seal,
documents, portal, sandbox packages, plus the verification report's ``error_code`` values) to a
(title, what to do) pair. Source strings are English; ``translations/`` provides zh_CN.
:func:`show_error` is the one way the UI reports an exception; it never shows a traceback.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from cgn_seal_desktop.errors import CgnSealError
from cgn_seal_desktop.ui import dialogs


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark *text* for translation in *context*; translated when shown (typed, unlike Qt's)."""
    return text

__all__ = [
    "CHANGES",
    "ERRORS",
    "FINDINGS",
    "STATUS_ADVICE",
    "STATUS_TEXT",
    "error_message",
    "show_error",
    "status_text",
]

log = logging.getLogger(__name__)
_CTX = "Messages"


# code -> (title, text). Titles say what happened, texts say what to do.
ERRORS: dict[str, tuple[str, str]] = {
    # --- UKEY (ukey.errors) ---
    "ukey_error": (QT_TRANSLATE_NOOP("Messages", "The UKEY could not be used"),
                   QT_TRANSLATE_NOOP("Messages", "Remove the UKEY, insert it again and retry.")),
    "module_not_found": (
        QT_TRANSLATE_NOOP("Messages", "No UKEY driver found"),
        QT_TRANSLATE_NOOP("Messages", "Install the SZCA UKEY driver (Customer service → Driver "
                          "download at www.szca.com), or choose the driver file under Settings.")),
    "module_load_failed": (
        QT_TRANSLATE_NOOP("Messages", "The UKEY driver could not be loaded"),
        QT_TRANSLATE_NOOP("Messages", "Reinstall the UKEY driver, or choose another driver file "
                          "under Settings. 32-bit drivers cannot be used by this 64-bit program.")),
    "driver_architecture": (
        QT_TRANSLATE_NOOP("Messages", "The UKEY driver is a 32-bit driver"),
        QT_TRANSLATE_NOOP("Messages", "This 64-bit program cannot use a 32-bit UKEY driver. "
                          "Install the 64-bit driver of your UKEY (Customer service → Driver "
                          "download at www.szca.com).")),
    "interface_not_supported": (
        QT_TRANSLATE_NOOP("Messages", "This UKEY driver is not supported yet"),
        QT_TRANSLATE_NOOP("Messages", "Install the PKCS#11 driver of your UKEY, or call the "
                          "hotline 400-112-3838.")),
    "no_token": (QT_TRANSLATE_NOOP("Messages", "No UKEY inserted"),
                 QT_TRANSLATE_NOOP("Messages", "Insert the UKEY into a USB port and try again.")),
    "token_ambiguous": (
        QT_TRANSLATE_NOOP("Messages", "Several UKEYs are inserted"),
        QT_TRANSLATE_NOOP("Messages", "Choose the UKEY to use, or remove the others.")),
    "token_removed": (
        QT_TRANSLATE_NOOP("Messages", "The UKEY was removed"),
        QT_TRANSLATE_NOOP("Messages", "Insert the UKEY again and repeat the step. Nothing was "
                          "written.")),
    "token_error": (QT_TRANSLATE_NOOP("Messages", "The UKEY reported an error"),
                    QT_TRANSLATE_NOOP("Messages", "Remove the UKEY, insert it again and retry. "
                                      "If it keeps failing, call 400-112-3838.")),
    "wrong_pin": (QT_TRANSLATE_NOOP("Messages", "Wrong PIN"),
                  QT_TRANSLATE_NOOP("Messages", "Check the PIN and enter it again. Too many wrong "
                                    "PINs lock the UKEY.")),
    "pin_locked": (
        QT_TRANSLATE_NOOP("Messages", "The PIN is locked"),
        QT_TRANSLATE_NOOP("Messages", "Too many wrong PINs were entered. Only SZCA can unlock "
                          "the UKEY: call 400-112-3838.")),
    "pin_policy": (
        QT_TRANSLATE_NOOP("Messages", "The new PIN is not accepted by the UKEY"),
        QT_TRANSLATE_NOOP("Messages", "Choose a PIN of 6 to 16 digits or letters and type it "
                          "again.")),
    "pin_final_try": (
        QT_TRANSLATE_NOOP("Messages", "Final PIN try"),
        QT_TRANSLATE_NOOP("Messages", "One more wrong PIN locks the UKEY. Confirm only if you "
                          "are sure of the PIN.")),
    "certificate_not_found": (
        QT_TRANSLATE_NOOP("Messages", "No signing certificate on the UKEY"),
        QT_TRANSLATE_NOOP("Messages", "This UKEY holds no certificate for sealing. Check that "
                          "it is the e-seal UKEY from SZCA.")),
    "no_container": (
        QT_TRANSLATE_NOOP("Messages", "The UKEY holds no seal key"),
        QT_TRANSLATE_NOOP("Messages", "This UKEY has not been issued with a seal key. Check that "
                          "it is the e-seal UKEY from SZCA, or call 400-112-3838.")),
    "private_key_not_found": (
        QT_TRANSLATE_NOOP("Messages", "The UKEY has no key for this certificate"),
        QT_TRANSLATE_NOOP("Messages", "The UKEY may be damaged or wrongly issued. Call "
                          "400-112-3838.")),
    "mechanism_not_supported": (
        QT_TRANSLATE_NOOP("Messages", "The UKEY cannot make this kind of signature"),
        QT_TRANSLATE_NOOP("Messages", "Update the UKEY driver, or call 400-112-3838.")),
    # --- seal ---
    "seal_error": (QT_TRANSLATE_NOOP("Messages", "The seal could not be applied"),
                   QT_TRANSLATE_NOOP("Messages", "Try again; if it keeps failing, call "
                                     "400-112-3838.")),
    "seal_image_invalid": (
        QT_TRANSLATE_NOOP("Messages", "The seal image cannot be used"),
        QT_TRANSLATE_NOOP("Messages", "Choose a PNG or JPEG image (transparent PNG works best), "
                          "or use the default seal.")),
    "pdf_unreadable": (
        QT_TRANSLATE_NOOP("Messages", "The PDF cannot be read"),
        QT_TRANSLATE_NOOP("Messages", "The file is damaged or not a PDF. Open the original "
                          "file again.")),
    "pdf_password": (QT_TRANSLATE_NOOP("Messages", "The PDF is password-protected"),
                     QT_TRANSLATE_NOOP("Messages", "Enter the document's password.")),
    "seal_placement": (
        QT_TRANSLATE_NOOP("Messages", "The seal cannot be placed there"),
        QT_TRANSLATE_NOOP("Messages", "Place the seal completely inside a page.")),
    "signature_field": (
        QT_TRANSLATE_NOOP("Messages", "The signature field cannot be used"),
        QT_TRANSLATE_NOOP("Messages", "Place the seal in a free area of the page instead.")),
    "output_exists": (
        QT_TRANSLATE_NOOP("Messages", "The file already exists"),
        QT_TRANSLATE_NOOP("Messages", "Choose another name. The original is never replaced.")),
    "signing_cancelled": (QT_TRANSLATE_NOOP("Messages", "Sealing cancelled"),
                          QT_TRANSLATE_NOOP("Messages", "Nothing was written.")),
    "signing_failed": (
        QT_TRANSLATE_NOOP("Messages", "The document could not be sealed"),
        QT_TRANSLATE_NOOP("Messages", "Nothing was written. Try again, or save the PDF anew "
                          "(print to PDF) and seal that copy.")),
    "trust_store": (
        QT_TRANSLATE_NOOP("Messages", "Not a certificate"),
        QT_TRANSLATE_NOOP("Messages", "Choose a root certificate file (.cer, .crt, .pem, .der).")),
    # --- documents (viewer) ---
    "document": (QT_TRANSLATE_NOOP("Messages", "The document cannot be opened"),
                 QT_TRANSLATE_NOOP("Messages", "Check the file and try again.")),
    "document.unreadable": (
        QT_TRANSLATE_NOOP("Messages", "The file cannot be read"),
        QT_TRANSLATE_NOOP("Messages", "Check that the file exists and that you may read it.")),
    "document.not_pdf": (QT_TRANSLATE_NOOP("Messages", "This is not a PDF file"),
                         QT_TRANSLATE_NOOP("Messages", "Open a PDF document (*.pdf).")),
    "document.corrupt": (
        QT_TRANSLATE_NOOP("Messages", "The PDF file is damaged"),
        QT_TRANSLATE_NOOP("Messages", "Ask the sender for the file again.")),
    "document.password_required": (
        QT_TRANSLATE_NOOP("Messages", "The PDF is password-protected"),
        QT_TRANSLATE_NOOP("Messages", "Enter the document's password.")),
    "document.wrong_password": (QT_TRANSLATE_NOOP("Messages", "Wrong document password"),
                                QT_TRANSLATE_NOOP("Messages", "Enter the password again.")),
    "document.render_failed": (
        QT_TRANSLATE_NOOP("Messages", "A page could not be shown"),
        QT_TRANSLATE_NOOP("Messages", "The page may be damaged; the rest of the document is "
                          "still usable.")),
    # --- verification report error codes ---
    "not_pdf": (QT_TRANSLATE_NOOP("Messages", "This is not a PDF file"),
                QT_TRANSLATE_NOOP("Messages", "Open a PDF document (*.pdf).")),
    "too_large": (QT_TRANSLATE_NOOP("Messages", "The file is too large"),
                  QT_TRANSLATE_NOOP("Messages", "Files over 2 GB cannot be verified.")),
    "unreadable": (
        QT_TRANSLATE_NOOP("Messages", "The file cannot be read"),
        QT_TRANSLATE_NOOP("Messages", "Check that the file exists and that you may read it.")),
    # --- portal (online service) ---
    "portal_error": (QT_TRANSLATE_NOOP("Messages", "The online service could not do this"),
                     QT_TRANSLATE_NOOP("Messages", "Try again later.")),
    "portal_offline": (
        QT_TRANSLATE_NOOP("Messages", "Cannot reach the online service"),
        QT_TRANSLATE_NOOP("Messages", "Check the network connection and the service address "
                          "under Settings.")),
    "portal_tls_untrusted": (
        QT_TRANSLATE_NOOP("Messages", "The online service's certificate is not trusted"),
        QT_TRANSLATE_NOOP("Messages", "The connection is not safe, so it was stopped. Check the "
                          "service address under Settings and the computer's date and time.")),
    "portal_timeout": (QT_TRANSLATE_NOOP("Messages", "The online service did not answer"),
                       QT_TRANSLATE_NOOP("Messages", "Try again in a moment.")),
    "portal_server_error": (
        QT_TRANSLATE_NOOP("Messages", "The online service failed"),
        QT_TRANSLATE_NOOP("Messages", "Try again later; if it persists, call 400-112-3838.")),
    "portal_session_expired": (QT_TRANSLATE_NOOP("Messages", "Please log in again"),
                               QT_TRANSLATE_NOOP("Messages", "Your login has expired.")),
    "portal_forbidden": (
        QT_TRANSLATE_NOOP("Messages", "Not allowed"),
        QT_TRANSLATE_NOOP("Messages", "Check the user name and password.")),
    "portal_not_found": (QT_TRANSLATE_NOOP("Messages", "Not found"),
                         QT_TRANSLATE_NOOP("Messages", "The item no longer exists. Refresh.")),
    "portal_conflict": (
        QT_TRANSLATE_NOOP("Messages", "Not possible at this step"),
        QT_TRANSLATE_NOOP("Messages", "Refresh the progress page to see the current step.")),
    "portal_too_large": (QT_TRANSLATE_NOOP("Messages", "The file is too large"),
                         QT_TRANSLATE_NOOP("Messages", "Upload a smaller file (scan at 200 dpi).")),
    "portal_rate_limited": (QT_TRANSLATE_NOOP("Messages", "Too many attempts"),
                            QT_TRANSLATE_NOOP("Messages", "Wait a few minutes and try again.")),
    "portal_validation_failed": (
        QT_TRANSLATE_NOOP("Messages", "Some entries are not valid"),
        QT_TRANSLATE_NOOP("Messages", "Correct the marked fields and submit again.")),
    "sandbox_start_failed": (
        QT_TRANSLATE_NOOP("Messages", "The test server could not start"),
        QT_TRANSLATE_NOOP("Messages", "Another program may use the port; choose another one.")),
    "error": (QT_TRANSLATE_NOOP("Messages", "Something went wrong"),
              QT_TRANSLATE_NOOP("Messages", "Try again; if it keeps failing, call 400-112-3838.")),
}

#: Verdict per signature status, in the words of the process guide (shown big in the dialog).
STATUS_TEXT: dict[str, str] = {
    "valid": QT_TRANSLATE_NOOP("Messages", "Signature valid"),
    "invalid": QT_TRANSLATE_NOOP("Messages", "Signature invalid"),
    "modified": QT_TRANSLATE_NOOP("Messages", "Document modified after signing"),
    "untrusted": QT_TRANSLATE_NOOP("Messages", "Certificate not trusted"),
    "expired": QT_TRANSLATE_NOOP("Messages", "Certificate expired"),
    "revoked": QT_TRANSLATE_NOOP("Messages", "Certificate revoked"),
    "weak_algorithm": QT_TRANSLATE_NOOP("Messages", "Algorithm too weak"),
    "unknown": QT_TRANSLATE_NOOP("Messages", "Cannot be determined"),
}

#: What to do, per status (shown under a red verdict).
STATUS_ADVICE: dict[str, str] = {
    "invalid": QT_TRANSLATE_NOOP("Messages", "The seal or the document was damaged or forged. "
                                 "Do not rely on this document; ask the sender for the original."),
    "modified": QT_TRANSLATE_NOOP("Messages", "The document was changed after it was sealed. "
                                  "Ask the sender for the sealed original."),
    "untrusted": QT_TRANSLATE_NOOP("Messages", "The certificate was not issued under a trusted "
                                   "root. For SZCA e-seals, check the trusted roots under "
                                   "Settings."),
    "expired": QT_TRANSLATE_NOOP("Messages", "The certificate was not valid when the document "
                                 "was sealed. Renew the certificate and seal again."),
    "revoked": QT_TRANSLATE_NOOP("Messages", "The certificate has been revoked. Contact SZCA: "
                                 "400-112-3838."),
    "weak_algorithm": QT_TRANSLATE_NOOP("Messages", "The seal uses an outdated algorithm. Seal "
                                        "the document again with this program."),
    "unknown": QT_TRANSLATE_NOOP("Messages", "The result cannot be determined offline. See the "
                                 "details below."),
}

CHANGES: dict[str, str] = {
    "none": QT_TRANSLATE_NOOP("Messages", "No changes after signing"),
    "form_filling": QT_TRANSLATE_NOOP("Messages", "Form fields filled in or further seals added"),
    "annotations": QT_TRANSLATE_NOOP("Messages", "Comments (annotations) added"),
    "other": QT_TRANSLATE_NOOP("Messages", "Content changed"),
}

#: Verification findings by code (report.Finding.code); unknown codes show the English text.
FINDINGS: dict[str, str] = {
    "bad_signature": QT_TRANSLATE_NOOP("Messages", "The signature value does not match."),
    "byte_range": QT_TRANSLATE_NOOP("Messages", "The signed byte range is not sound."),
    "coverage_unclear": QT_TRANSLATE_NOOP("Messages",
                                          "It is unclear which part of the file is signed."),
    "digest_mismatch": QT_TRANSLATE_NOOP("Messages",
                                         "The document was changed: its digest does not match."),
    "malformed_signature": QT_TRANSLATE_NOOP("Messages", "The signature is malformed."),
    "modified_after_signing": QT_TRANSLATE_NOOP("Messages",
                                                "The document was changed after signing."),
    "timestamp": QT_TRANSLATE_NOOP("Messages", "Time-stamp information."),
    "trailing_bytes": QT_TRANSLATE_NOOP("Messages",
                                        "Data was appended after the end of the document."),
    "trust_unknown": QT_TRANSLATE_NOOP("Messages", "Trust in the certificate cannot be decided."),
    "weak_algorithm": QT_TRANSLATE_NOOP("Messages", "A weak algorithm was used."),
    "no_chain": QT_TRANSLATE_NOOP("Messages",
                                  "The certificate chain does not lead to a trusted root."),
    "cert_expired": QT_TRANSLATE_NOOP("Messages",
                                      "The certificate was not valid at the signing time."),
    "cert_revoked": QT_TRANSLATE_NOOP("Messages", "The certificate has been revoked."),
}


def tr(text: str) -> str:
    """Translate a table entry (context ``Messages``)."""
    return QCoreApplication.translate(_CTX, text)


def status_text(status: str) -> str:
    """The translated verdict for a signature status."""
    return tr(STATUS_TEXT.get(status, STATUS_TEXT["unknown"]))


def error_message(exc: BaseException) -> tuple[str, str]:
    """Translated (title, what to do) for *exc*; unknown exceptions get the generic text."""
    code = exc.code if isinstance(exc, CgnSealError) else "error"
    if isinstance(exc, CgnSealError) and code not in ERRORS:
        # Walk the class hierarchy so a new subclass still gets its family's message.
        for cls in type(exc).__mro__:
            c = getattr(cls, "code", None)
            if isinstance(c, str) and c in ERRORS:
                code = c
                break
    title, text = ERRORS.get(code, ERRORS["error"])
    return tr(title), tr(text)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Tell the user what went wrong and what to do (via ``dialogs.show_message``).

    Logs the error's code and secret-free message; never a traceback in the dialog.
    """
    code = getattr(exc, "code", type(exc).__name__)
    log.info("User-facing error %s: %s", code, exc if isinstance(exc, CgnSealError) else "")
    title, text = error_message(exc)
    extra = ""
    wrong_pin_final = getattr(exc, "final_try", False)
    if wrong_pin_final:
        extra = tr(QT_TRANSLATE_NOOP("Messages", "Warning: the next wrong PIN locks the UKEY."))
    dialogs.show_message(parent, QMessageBox.Icon.Warning, title, f"{title}\n\n{text}", extra)
