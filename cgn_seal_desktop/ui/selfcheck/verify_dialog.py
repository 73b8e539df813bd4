"""The "验证印章" result: a big verdict, who sealed, the certificate, and the findings."""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cgn_seal_desktop.seal.report import SignatureReport
from cgn_seal_desktop.ui.messages import CHANGES, FINDINGS, STATUS_ADVICE, status_text, tr

__all__ = ["INVALID_COLOR", "VALID_COLOR", "VerificationDialog", "format_time", "name_lines"]

VALID_COLOR = "#1e7e34"
INVALID_COLOR = "#b3261e"
AMBER_COLOR = "#b26a00"


def name_lines(value: str) -> str:
    """A distinguished name ("CN=x, O=y, C=CN") one attribute per line; other text unchanged.

    Splits only before ``KEY=`` so commas inside a value (``CN=Root, NOT FOR …``) stay put.
    """
    return re.sub(r"(?:, |; )(?=[A-Za-z][A-Za-z0-9.]*=|[A-Z][a-z]+(?: [A-Z][a-z]+)*: )", "\n",
                  value)


def format_time(iso: str | None) -> str:
    """An ISO-8601 time as local ``YYYY-MM-DD HH:MM:SS``; empty stays empty."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return iso


class VerificationDialog(QDialog):
    """Shows one :class:`SignatureReport`. ``verdict_label`` holds the big verdict text."""

    def __init__(self, rep: SignatureReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verificationDialog")
        self.setWindowTitle(self.tr("Verify seal"))
        self.status = rep.status
        layout = QVBoxLayout(self)
        layout.setSpacing(12)

        banner = QFrame(self)
        valid = rep.status == "valid"
        color = VALID_COLOR if valid else INVALID_COLOR
        banner.setStyleSheet(
            f"QFrame {{ border: 2px solid {color}; border-radius: 8px; background: "
            f"{'#e9f6ec' if valid else '#fdecea'}; }} QLabel {{ border: none; }}")
        row = QHBoxLayout(banner)
        icon = QLabel("✔" if valid else "✖", banner)
        icon.setStyleSheet(f"color: {color}; font-size: 30pt;")
        row.addWidget(icon)
        self.verdict_label = QLabel(status_text(rep.status), banner)
        self.verdict_label.setObjectName("verdictLabel")
        font = QFont(self.verdict_label.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 2.0)
        font.setBold(True)
        self.verdict_label.setFont(font)
        self.verdict_label.setStyleSheet(f"color: {color};")
        texts = QVBoxLayout()
        texts.addWidget(self.verdict_label)
        self.reason_label = QLabel(self._reason(rep), banner)
        self.reason_label.setObjectName("reasonLabel")
        self.reason_label.setWordWrap(True)
        self.reason_label.setVisible(not valid)
        texts.addWidget(self.reason_label)
        row.addLayout(texts, 1)
        layout.addWidget(banner)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.fields: dict[str, QLabel] = {}

        def add(key: str, label: str, value: str) -> None:
            if key in ("issuer", "trust_anchor"):
                value = name_lines(value)
            w = QLabel(value or "—", self)
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            w.setWordWrap(True)
            self.fields[key] = w
            form.addRow(label, w)

        add("organization", self.tr("Signer organisation:"), rep.organization)
        add("signer", self.tr("Signer:"), rep.signer)
        add("signing_time", self.tr("Signing time:"), format_time(rep.signing_time))
        add("serial", self.tr("Certificate serial:"), rep.certificate_serial or "")
        add("issuer", self.tr("Issuer:"), rep.issuer or "")
        validity = ""
        if rep.not_before or rep.not_after:
            validity = f"{format_time(rep.not_before)} — {format_time(rep.not_after)}"
        add("validity", self.tr("Certificate validity:"), validity)
        changes = tr(CHANGES.get(rep.changes_after_signing, CHANGES["other"]))
        if not rep.intact:
            changes = self.tr("The sealed content itself was altered")
        elif not rep.covers_whole_file and rep.changes_after_signing == "none":
            changes = self.tr("The signature does not cover the whole file")
        add("changes", self.tr("Changes after signing:"), changes)
        add("trust_anchor", self.tr("Trust anchor:"), rep.trust_anchor or self.tr("none"))
        layout.addLayout(form)

        self.details_button = QToolButton(self)
        self.details_button.setObjectName("detailsButton")
        self.details_button.setText(self.tr("Details"))
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        layout.addWidget(self.details_button)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("detailsText")
        self.details.setReadOnly(True)
        self.details.setPlainText(self._details_text(rep))
        self.details.setVisible(False)
        self.details.setMinimumHeight(120)
        layout.addWidget(self.details)
        self.details_button.toggled.connect(self._toggle_details)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.adjustSize()

    @staticmethod
    def _reason(rep: SignatureReport) -> str:
        """Why (the first finding) and what to do (per status), for a red verdict."""
        if rep.status == "valid":
            return ""
        parts = []
        first = rep.findings[0] if rep.findings else None
        if first is not None:
            parts.append(tr(FINDINGS[first.code]) if first.code in FINDINGS else first.text)
        advice = STATUS_ADVICE.get(rep.status)
        if advice:
            parts.append(tr(advice))
        return "\n".join(parts)

    def _toggle_details(self, on: bool) -> None:
        self.details.setVisible(on)
        self.details_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.adjustSize()

    def _details_text(self, rep: SignatureReport) -> str:
        lines = [self.tr("Field: %1").replace("%1", rep.field)]
        if rep.page:
            lines.append(self.tr("Page: %1").replace("%1", str(rep.page)))
        if rep.digest_algorithm or rep.signature_algorithm:
            lines.append(self.tr("Algorithms: %1").replace(
                "%1", " / ".join(a for a in (rep.digest_algorithm, rep.signature_algorithm) if a)))
        lines.append(self.tr("Document intact: %1").replace(
            "%1", self.tr("yes") if rep.intact else self.tr("no")))
        lines.append(self.tr("Signature covers the whole file: %1").replace(
            "%1", self.tr("yes") if rep.covers_whole_file else self.tr("no")))
        if rep.findings:
            lines.append("")
            lines.append(self.tr("Findings:"))
        for f in rep.findings:
            text = tr(FINDINGS[f.code]) if f.code in FINDINGS else ""
            lines.append(f"• {text} ({f.text})" if text else f"• {f.text}")
        return "\n".join(lines)
