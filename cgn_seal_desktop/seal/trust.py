"""The offline trust store: which root certificates a seal's chain must reach.

Four sources, all local: roots bundled under ``resources/trust/`` (the CAs the product ships
for, e.g. SZCA's), roots the user added (kept in the config dir's ``trust/``), the built-in
sandbox's test CA while the user works in the sandbox, and roots given for one run
(``--trust``). :func:`trust_store_for` composes them the same way for the CLI and the GUI, so one
file gets one verdict whichever front end checks it. Validation never fetches anything from the
network: no AIA, CRL or OCSP downloads; revocation is checked only against data embedded in the
PDF.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509

from cgn_seal_desktop import paths
from cgn_seal_desktop.fsutil import atomic_write_bytes
from cgn_seal_desktop.seal.errors import TrustStoreError

if TYPE_CHECKING:  # the validator stack loads only when something is verified
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.sig_validate import SignatureValidator

    from cgn_seal_desktop.settings import Settings

__all__ = [
    "TrustRoot",
    "TrustStore",
    "add_user_root",
    "load_certificates",
    "remove_user_root",
    "sandbox_ca_files",
    "short_name",
    "trust_store_for",
    "user_trust_dir",
]

Source = Literal["bundled", "user", "sandbox", "run"]
_SUFFIXES = {".pem", ".crt", ".cer", ".der"}


@dataclass(frozen=True)
class TrustRoot:
    """One trusted root, with where it came from (shown in the environment check)."""

    cert: asn1_x509.Certificate
    source: Source
    origin: str  # file it was read from

    @property
    def subject(self) -> str:
        return short_name(self.cert.subject)

    @property
    def common_name(self) -> str:
        """The root's common name (its whole short subject when it has none)."""
        try:
            cn = self.cert.subject.native.get("common_name")
        except (ValueError, TypeError, AttributeError):
            cn = None
        if isinstance(cn, list):
            cn = cn[0] if cn else None
        return str(cn) if cn else self.subject

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.cert.dump()).hexdigest()

    @property
    def not_after(self) -> datetime:
        value: datetime = self.cert["tbs_certificate"]["validity"]["not_after"].native
        return value


_SHORT = {"common_name": "CN", "organizational_unit_name": "OU", "organization_name": "O",
          "locality_name": "L", "state_or_province_name": "ST", "country_name": "C",
          "email_address": "E", "serial_number": "SERIALNUMBER"}


def short_name(name: asn1_x509.Name) -> str:
    """``CN=…, O=…, C=…`` (most specific first): compact and the same in every language."""
    parts: list[str] = []
    try:
        native = name.native
    except (ValueError, TypeError):
        return ""
    for key, value in native.items():
        values = value if isinstance(value, list) else [value]
        parts += [f"{_SHORT.get(key, key)}={v}" for v in values]
    return ", ".join(reversed(parts))


def load_certificates(data: bytes, origin: str = "") -> list[asn1_x509.Certificate]:
    """Certificates in *data*: one DER certificate, or any number of PEM blocks."""
    try:
        if pem.detect(data):
            return [
                asn1_x509.Certificate.load(der)
                for kind, _h, der in pem.unarmor(data, multiple=True)
                if kind == "CERTIFICATE"
            ] or _raise(origin)
        cert = asn1_x509.Certificate.load(data)
        cert.native  # noqa: B018 - forces a full parse so garbage fails here, not later
        return [cert]
    except (ValueError, TypeError, OSError) as exc:
        raise TrustStoreError(f"Not a certificate: {origin or 'data'}") from exc


def _raise(origin: str) -> list[asn1_x509.Certificate]:
    raise TrustStoreError(f"No certificate in {origin or 'data'}")


def user_trust_dir() -> Path:
    """Where roots the user added are kept."""
    path = paths.config_dir() / "trust"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.suffix.lower() in _SUFFIXES)


class TrustStore:
    """An immutable set of trust roots plus a factory for offline validation contexts."""

    def __init__(self, roots: Iterable[TrustRoot]) -> None:
        unique: dict[str, TrustRoot] = {}
        for r in roots:
            unique.setdefault(r.sha256, r)
        self.roots: tuple[TrustRoot, ...] = tuple(unique.values())

    @classmethod
    def load(
        cls,
        extra: Iterable[str | Path] = (),
        *,
        bundled: bool = True,
        user: bool = True,
        sandbox: bool = False,
    ) -> TrustStore:
        """Bundled + user roots (+ the sandbox CA with *sandbox*), plus *extra* files for this run.

        Unreadable bundled/user/sandbox files are skipped (one bad file must not disable
        verification); an unreadable *extra* file raises :class:`TrustStoreError`, since the
        caller named it.
        """
        roots: list[TrustRoot] = []
        sources: list[tuple[Source, Path]] = []
        if bundled:
            sources += [("bundled", p) for p in _files(paths.resource_path("trust"))]
        if user:
            sources += [("user", p) for p in _files(user_trust_dir())]
        if sandbox:
            sources += [("sandbox", p) for p in sandbox_ca_files()]
        for source, path in sources:
            try:
                roots += [TrustRoot(c, source, str(path))
                          for c in load_certificates(path.read_bytes(), str(path))]
            except (TrustStoreError, OSError):
                continue
        for item in extra:
            path = Path(item)
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise TrustStoreError(f"Cannot read trust root file {path}") from exc
            roots += [TrustRoot(c, "run", str(path)) for c in load_certificates(data, str(path))]
        return cls(roots)

    def validation_context(
        self, *, moment: datetime | None = None, other_certs: Iterable[asn1_x509.Certificate] = (),
        signature_validator: SignatureValidator | None = None,
    ) -> ValidationContext:
        """An offline context: no fetching, revocation only from embedded data (soft-fail).

        Signatures are checked by *signature_validator*, by default one that knows SM2 (国密)
        besides RSA and ECDSA, so SM2 chains such as NRCAC ROOTCA → SZCA SM2 CA validate.
        """
        from pyhanko_certvalidator import ValidationContext

        from cgn_seal_desktop.seal.gm.validator import Sm2SignatureValidator

        return ValidationContext(
            signature_validator=signature_validator or Sm2SignatureValidator(),
            trust_roots=[r.cert for r in self.roots],
            other_certs=list(other_certs),
            allow_fetching=False,
            revocation_mode="soft-fail",
            moment=moment,
        )

    def find_anchor(self, cert: asn1_x509.Certificate) -> TrustRoot | None:
        """The trust root equal to *cert*, if any."""
        digest = hashlib.sha256(cert.dump()).hexdigest()
        return next((r for r in self.roots if r.sha256 == digest), None)


def sandbox_ca_files() -> list[Path]:
    """Test CA certificates written by a local sandbox server (``…/testca/ca.cert.pem``)."""
    base = paths.data_dir()
    return sorted(p for p in base.glob("**/testca/ca.cert.pem") if p.is_file())[:5]


def trust_store_for(settings: Settings, extra: Iterable[str | Path] = ()) -> TrustStore:
    """The roots a verification uses — the one rule for the CLI and the GUI.

    Bundled and user roots always; the sandbox's test CA only while the user works in the
    sandbox (``settings.trust_sandbox_ca``); *extra* files named for this run (``--trust``).
    Reads files: call it off the GUI thread.
    """
    return TrustStore.load(extra, sandbox=settings.trust_sandbox_ca)


def add_user_root(path: str | Path) -> list[TrustRoot]:
    """Copy the root(s) in *path* into the user trust store; returns what was added."""
    data = Path(path).read_bytes()
    certs = load_certificates(data, str(path))
    added = []
    for cert in certs:
        digest = hashlib.sha256(cert.dump()).hexdigest()
        target = user_trust_dir() / f"{digest[:16]}.der"
        atomic_write_bytes(target, cert.dump())
        added.append(TrustRoot(cert, "user", str(target)))
    return added


def remove_user_root(sha256: str) -> bool:
    """Remove a user-added root by fingerprint; False if it was not a user root."""
    for p in _files(user_trust_dir()):
        try:
            certs = load_certificates(p.read_bytes(), str(p))
        except (TrustStoreError, OSError):
            continue
        if any(hashlib.sha256(c.dump()).hexdigest() == sha256 for c in certs):
            p.unlink()
            return True
    return False
