"""The verification report: plain data, the same for the CLI (``--json``) and the GUI dialog.

The JSON shape is the one in DESIGN.md. ``codes`` (not in the design, additive) lets the UI show a
translated sentence per finding instead of the English ``messages``.
"""

from __future__ import annotations

import base64
import json
from dataclasses import asdict, dataclass
from dataclasses import field as dc_field
from typing import Any, Literal

__all__ = [
    "STATUS_SEVERITY",
    "ChangeKind",
    "Finding",
    "SealInfo",
    "SignatureReport",
    "Status",
    "Verdict",
    "VerificationReport",
]

Status = Literal[
    "valid", "invalid", "modified", "untrusted", "expired", "revoked", "weak_algorithm", "unknown"
]
Verdict = Literal["valid", "invalid", "no_signatures", "error"]
ChangeKind = Literal["none", "form_filling", "annotations", "other"]

#: When a signature has several problems, the most severe decides its status.
STATUS_SEVERITY: dict[str, int] = {
    "valid": 0, "unknown": 1, "untrusted": 2, "expired": 3, "revoked": 4, "weak_algorithm": 5,
    "modified": 6, "invalid": 7,
}


@dataclass(frozen=True)
class Finding:
    """One thing the verifier found: a stable code, English text, and values for translation."""

    code: str
    text: str
    params: dict[str, str] = dc_field(default_factory=dict)


@dataclass(frozen=True)
class SealInfo:
    """The electronic seal (GB/T 38540 SESeal) a signature carries: what the dialog shows.

    ``picture`` holds the seal image bytes for the dialog; JSON leaves them out unless asked
    (``VerificationReport.to_dict(include_pictures=True)`` adds ``picture_base64``).
    """

    name: str  # 印章名称
    esid: str  # 印章编号 (esID)
    type: int | None  # 印章类型: 1 单位印章 (organisation), 2 个人印章 (personal), or as written
    maker: str  # 制章者: subject of the seal maker's certificate
    valid_from: str | None  # 印章有效期 (ISO-8601)
    valid_to: str | None
    picture_type: str  # as written: PNG, JPG, GIF, BMP, SVG, OFD…
    picture_width_mm: int | None = None
    picture_height_mm: int | None = None
    version: int | None = None  # SES_Header version (1 = GM/T 0031, 4 = GB/T 38540)
    vendor: str = ""  # SES_Header vid
    created: str | None = None
    picture: bytes = dc_field(default=b"", repr=False, compare=False)

    def to_dict(self, include_picture: bool = False) -> dict[str, Any]:
        d = {k: v for k, v in asdict(self).items() if k != "picture"}
        d["picture_size"] = len(self.picture)
        if include_picture:
            d["picture_base64"] = base64.b64encode(self.picture).decode("ascii")
        return d


@dataclass
class SignatureReport:
    """Everything about one signature (one seal)."""

    field: str
    page: int | None = None
    signer: str = ""
    organization: str = ""
    signing_time: str | None = None
    status: Status = "unknown"
    intact: bool = False
    trusted: bool = False
    covers_whole_file: bool = False
    changes_after_signing: ChangeKind = "none"
    findings: list[Finding] = dc_field(default_factory=list)
    # Details for the dialog (not in the design's JSON core, but additive and useful).
    certificate_serial: str | None = None
    issuer: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    trust_anchor: str | None = None
    digest_algorithm: str | None = None
    signature_algorithm: str | None = None
    rect: tuple[float, float, float, float] | None = None
    # 国密 additions: algorithm e.g. "SM2-SM3", "RSA-SHA256"; format "cms", "gm-cms" (GM/T 0010
    # OIDs), "ses-v1", "ses-v4", "ses-v5" (electronic seals); seal: the SES seal, if any.
    algorithm: str | None = None
    format: str | None = None
    seal: SealInfo | None = None

    def note(self, code: str, text: str, **params: str) -> None:
        self.findings.append(Finding(code, text, params))

    def worsen(self, status: Status) -> None:
        """Raise the status to *status* if that is more severe."""
        if STATUS_SEVERITY[status] > STATUS_SEVERITY[self.status]:
            self.status = status

    @property
    def messages(self) -> list[str]:
        return [f.text for f in self.findings]

    def to_dict(self, include_picture: bool = False) -> dict[str, Any]:
        d = asdict(self)
        d.pop("findings")
        d["seal"] = self.seal.to_dict(include_picture) if self.seal else None
        d["messages"] = self.messages
        d["codes"] = [f.code for f in self.findings]
        d["rect"] = list(self.rect) if self.rect else None
        return d


@dataclass
class VerificationReport:
    """The whole file's result; ``verdict`` is ``valid`` only if every signature is."""

    file: str
    verdict: Verdict = "no_signatures"
    error: str | None = None
    error_code: str | None = None
    signatures: list[SignatureReport] = dc_field(default_factory=list)

    def finish(self) -> VerificationReport:
        """Derive the verdict from the signatures (unless an error was recorded)."""
        if self.error is not None:
            self.verdict = "error"
        elif not self.signatures:
            self.verdict = "no_signatures"
        elif all(s.status == "valid" for s in self.signatures):
            self.verdict = "valid"
        else:
            self.verdict = "invalid"
        return self

    @property
    def exit_code(self) -> int:
        """0 every seal valid, 1 a seal not valid or none, 2 the file cannot be read."""
        return {"valid": 0, "invalid": 1, "no_signatures": 1, "error": 2}[self.verdict]

    def to_dict(self, include_pictures: bool = False) -> dict[str, Any]:
        return {
            "file": self.file,
            "verdict": self.verdict,
            "error": self.error,
            "error_code": self.error_code,
            "signatures": [s.to_dict(include_pictures) for s in self.signatures],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
