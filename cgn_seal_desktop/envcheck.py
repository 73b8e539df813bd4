"""环境检测 without a UI: what this computer has for sealing, as findings with codes and data.

Each check returns :class:`Finding` rows: which group it belongs to, a level (ok / warn / error /
info), a stable :class:`Code` saying what was found, and the facts the sentence needs
(``params``). The desktop program turns codes into translated sentences (``ui/env_checks.py``);
nothing here is worded for a user. The rules live here once:

* drivers: every driver found, as :func:`~cgn_seal_desktop.ukey.service.survey_drivers` sees it
  (missing file, cannot be used, works); the UKEYs shown are those of the drivers sealing would
  use (:func:`~cgn_seal_desktop.ukey.service.candidate_drivers`);
* UKEYs: a locked PIN is an error, used-up PIN tries a warning;
* certificates: the expiry rule of :func:`~cgn_seal_desktop.ukey.certinfo.expiry_of`;
* trust roots: none means no seal can be shown as valid;
* online service: the one the application wizard uses (:func:`service_in_use`), asked with
  :func:`~cgn_seal_desktop.portal.probe.probe_service`; the built-in sandbox needs no network;
* clock: a date before :data:`EARLIEST_PLAUSIBLE_YEAR` is wrong.

Demo UKEYs made while the program runs are looked for first (``demo.refresh``), so the UKEY
lines follow them like a UKEY plugged in.

Runs on worker threads (drivers, network); no PIN is ever known here, and token serials are
shortened to their last four characters.
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cgn_seal_desktop.ukey.certinfo import ExpiryState
from cgn_seal_desktop.ukey.errors import UKeyError
from cgn_seal_desktop.ukey.model import PinState, TokenInfo, TokenRef

if TYPE_CHECKING:
    from cgn_seal_desktop.portal.probe import ServiceProbe
    from cgn_seal_desktop.settings import Settings
    from cgn_seal_desktop.ukey.discovery import ModuleCandidate

__all__ = [
    "EARLIEST_PLAUSIBLE_YEAR",
    "Code",
    "EnvReport",
    "Finding",
    "Group",
    "Level",
    "check_clock",
    "check_drivers",
    "check_os",
    "check_service",
    "check_tokens",
    "check_trust",
    "collect",
    "inserted_tokens",
    "service_in_use",
    "short_serial",
]

Level = Literal["ok", "warn", "error", "info"]

#: The computer's clock is wrong when it says a year before this one (signatures carry the
#: signing time; certificates for this platform are issued from 2024 on).
EARLIEST_PLAUSIBLE_YEAR = 2024


class Group(StrEnum):
    """Which part of the check a finding belongs to (the UKEY lines are re-read by polling)."""

    OS = "os"
    DRIVERS = "modules"
    TOKENS = "tokens"
    TRUST = "trust"
    SERVICE = "service"
    CLOCK = "clock"


class Code(StrEnum):
    """What a finding says; ``params`` carries its facts (named in each comment)."""

    OS = "os"  #: system, release, machine, bits
    #: name, vendor, product, interface (pkcs11/skf), test ("1" for a software test driver);
    #: path in ``extra``
    DRIVER_OK = "driver_ok"
    DRIVER_MISSING = "driver_missing"  #: path
    #: as DRIVER_OK (the reason in ``error``, path in ``extra``)
    DRIVER_UNUSABLE = "driver_unusable"
    NO_DRIVER = "no_driver"
    UKEY_BUSY = "ukey_busy"  #: the UKEYs stayed in use (sealing) while the check waited
    NO_UKEY = "no_ukey"
    #: label, manufacturer, model, serial (shortened), interface, tries_left and max_tries
    #: (digits, or "" where the driver does not count: PKCS#11); the UKEY in ``token``
    UKEY = "ukey"
    UKEY_PIN_LOCKED = "ukey_pin_locked"  #: as UKEY
    UKEY_PIN_TRIES_USED = "ukey_pin_tries_used"  #: as UKEY
    #: owner, until (ISO date), days, key_type (rsa/ec/sm2) (subject in ``extra``)
    CERT_VALID = "cert_valid"
    CERT_EXPIRES_SOON = "cert_expires_soon"  #: as CERT_VALID
    CERT_EXPIRED = "cert_expired"  #: owner, until
    NO_TRUST_ROOTS = "no_trust_roots"
    TRUST_ROOT = "trust_root"  #: name (subject, source and origin in ``extra``)
    SERVICE_UNREACHABLE = "service_unreachable"  #: url, failure (timeout, tls, connect, other)
    SERVICE_ANSWERS = "service_answers"  #: url, status (level warn for a 5xx status)
    SERVICE_NOT_CHECKED = "service_not_checked"  #: the user chose to stay offline
    SERVICE_SANDBOX = "service_sandbox"  #: the wizard uses the built-in sandbox: no network
    CLOCK_OK = "clock_ok"  #: now (local time, ``YYYY-MM-DD HH:MM TZ``)
    CLOCK_WRONG = "clock_wrong"  #: now


@dataclass(frozen=True)
class Finding:
    """One line of the check.

    ``extra`` is the full detail (paths, distinguished names) for a tool tip and the copied
    report; ``error`` the typed reason a driver cannot be used; ``token`` the UKEY a UKEY line
    is about (so the page can offer to change its PIN).
    """

    group: Group
    level: Level
    code: Code
    params: Mapping[str, str] = field(default_factory=dict)
    extra: str = ""
    error: UKeyError | None = None
    token: TokenRef | None = None


@dataclass(frozen=True)
class EnvReport:
    """Everything one run found. ``has_driver``: a driver sealing would use is there, so the
    UKEY lines are worth re-reading (polling)."""

    findings: tuple[Finding, ...]
    tokens: tuple[TokenInfo, ...] = ()
    has_driver: bool = False


def short_serial(serial: str) -> str:
    """A token serial as reports show it: its last four characters (the rest identifies it)."""
    return "…" + serial[-4:] if len(serial) > 4 else serial


def check_os() -> list[Finding]:
    bits = "64" if sys.maxsize > 2**32 else "32"
    return [Finding(Group.OS, "ok", Code.OS, {
        "system": platform.system(), "release": platform.release(),
        "machine": platform.machine(), "bits": bits})]


def _driver_params(m: ModuleCandidate) -> dict[str, str]:
    """Facts the words of a driver line need: the vendor table's names (brands, no prose) and
    the interface; a driver not in the table is named by its file."""
    v = m.vendor
    return {"name": m.display_name, "vendor": v.vendor if v else "",
            "product": v.product if v else Path(m.path).name, "interface": m.interface,
            "test": "1" if v is not None and v.test_only else ""}


def check_drivers(chosen: str = "", *, wait_s: float = 30.0
                  ) -> tuple[list[Finding], list[TokenInfo] | None, bool]:
    """Driver findings, the UKEYs of the drivers sealing would use (``None`` if the UKEYs stayed
    busy for *wait_s* seconds), and whether there is such a driver."""
    from cgn_seal_desktop.ukey.service import candidate_drivers, survey_drivers

    used = {m.path for m in candidate_drivers(chosen)}
    surveys = survey_drivers(chosen, wait_s=wait_s)
    if surveys is None:  # the UKEYs' lines follow at the next poll
        return ([Finding(Group.TOKENS, "info", Code.UKEY_BUSY)], None, bool(used))
    findings: list[Finding] = []
    tokens: list[TokenInfo] = []
    for s in surveys:
        m = s.candidate
        if not m.exists:
            findings.append(Finding(Group.DRIVERS, "error", Code.DRIVER_MISSING, {"path": m.path}))
        elif s.error is not None:
            findings.append(Finding(Group.DRIVERS, "warn", Code.DRIVER_UNUSABLE,
                                    _driver_params(m), m.path, s.error))
        else:
            findings.append(Finding(Group.DRIVERS, "ok", Code.DRIVER_OK, _driver_params(m),
                                    m.path))
            if m.path in used:
                tokens += s.tokens
    if not findings:
        findings.append(Finding(Group.DRIVERS, "error", Code.NO_DRIVER))
    return findings, tokens, bool(used)


def inserted_tokens(chosen: str = "", *, wait_s: float = 30.0,
                    with_certificates: bool = True) -> list[TokenInfo] | None:
    """UKEYs now inserted, over the drivers sealing would use (empty when there is none or all
    fail); ``None`` when the UKEYs stayed busy (another thread sealing) for *wait_s* seconds.
    A demo UKEY made since the last look counts as inserted (``demo.refresh``)."""
    from cgn_seal_desktop.demo import refresh
    from cgn_seal_desktop.ukey.service import list_all_tokens

    refresh()
    try:
        return list_all_tokens(chosen, wait_s=wait_s, with_certificates=with_certificates)
    except UKeyError:
        return []


def _token_params(t: TokenInfo) -> dict[str, str]:
    def count(n: int | None) -> str:
        return "" if n is None else str(n)

    return {"label": t.label, "manufacturer": t.manufacturer, "model": t.model,
            "serial": short_serial(t.serial), "interface": t.interface,
            "tries_left": count(t.pin_tries_left), "max_tries": count(t.pin_max_tries)}


_PIN_CODES: dict[PinState, tuple[Level, Code]] = {
    PinState.LOCKED: ("error", Code.UKEY_PIN_LOCKED),
    PinState.FINAL_TRY: ("warn", Code.UKEY_PIN_TRIES_USED),
    PinState.COUNT_LOW: ("warn", Code.UKEY_PIN_TRIES_USED),
}
_EXPIRY_CODES: dict[ExpiryState, tuple[Level, Code]] = {
    ExpiryState.VALID: ("ok", Code.CERT_VALID),
    ExpiryState.EXPIRES_SOON: ("warn", Code.CERT_EXPIRES_SOON),
    ExpiryState.EXPIRED: ("error", Code.CERT_EXPIRED),
}


def check_tokens(has_driver: bool, tokens: list[TokenInfo] | tuple[TokenInfo, ...],
                 now: datetime | None = None) -> list[Finding]:
    """UKEYs and their end-entity certificates, each with its PIN state and expiry."""
    if not has_driver:
        return []
    if not tokens:
        return [Finding(Group.TOKENS, "warn", Code.NO_UKEY)]
    now = now or datetime.now(UTC)
    findings: list[Finding] = []
    for t in tokens:
        level, code = _PIN_CODES.get(t.pin_state, ("ok", Code.UKEY))
        findings.append(Finding(Group.TOKENS, level, code, _token_params(t), token=t.ref))
        for c in t.certificates:
            if c.is_ca:
                continue
            expiry = c.expiry(now)
            level, code = _EXPIRY_CODES[expiry.state]
            findings.append(Finding(Group.TOKENS, level, code, {
                "owner": c.organization or c.subject_cn,
                "until": c.not_after.date().isoformat(), "days": str(expiry.days_left),
                "key_type": c.key_type},
                c.subject))
    return findings


def check_trust(settings: Settings) -> list[Finding]:
    """The roots a verification would trust (the same composition as every verification)."""
    from cgn_seal_desktop.seal.trust import trust_store_for

    store = trust_store_for(settings)
    if not store.roots:
        return [Finding(Group.TRUST, "warn", Code.NO_TRUST_ROOTS)]
    return [Finding(Group.TRUST, "ok", Code.TRUST_ROOT, {"name": r.common_name},
                    f"{r.subject} ({r.source}, {r.origin})") for r in store.roots]


def check_service(url: str, timeout: float = 3.0,
                  probe: Callable[[str, float], ServiceProbe] | None = None) -> list[Finding]:
    """Whether the online service answers (TLS verified); any HTTP answer means reachable, a
    server error (5xx) is a warning."""
    if probe is None:
        from cgn_seal_desktop.portal.probe import probe_service

        probe = probe_service
    result = probe(url, timeout)
    if not result.reachable:
        return [Finding(Group.SERVICE, "warn", Code.SERVICE_UNREACHABLE,
                        {"url": url, "failure": result.failure or "other"})]
    return [Finding(Group.SERVICE, "ok" if result.healthy else "warn", Code.SERVICE_ANSWERS,
                    {"url": url, "status": str(result.status)})]


def service_in_use(settings: Settings) -> str | None:
    """The address of the online service the application wizard talks to, or ``None`` when it
    uses the built-in sandbox (which runs inside the program: nothing to reach). Before the
    user chose, the address in the settings."""
    from cgn_seal_desktop.portal.server_profile import KIND_SANDBOX, KIND_SERVICE, ServerProfile

    profile = ServerProfile.load()
    if profile.kind == KIND_SANDBOX:
        return None
    if profile.kind == KIND_SERVICE and profile.url:
        return profile.url
    return settings.service_base_url


def check_clock(now: datetime | None = None) -> list[Finding]:
    """The computer's date, wrong when before :data:`EARLIEST_PLAUSIBLE_YEAR`."""
    now = now or datetime.now(UTC)
    text = now.astimezone().strftime("%Y-%m-%d %H:%M %Z")
    if now.year < EARLIEST_PLAUSIBLE_YEAR:
        return [Finding(Group.CLOCK, "error", Code.CLOCK_WRONG, {"now": text})]
    return [Finding(Group.CLOCK, "ok", Code.CLOCK_OK, {"now": text})]


def collect(settings: Settings, *, online: bool,
            service_check: Callable[[str], list[Finding]] = check_service) -> EnvReport:
    """Run every check (worker thread: drivers are loaded, the service may be asked)."""
    from cgn_seal_desktop.demo import refresh

    refresh()
    findings = check_os()
    driver_findings, tokens, has_driver = check_drivers(settings.module_path)
    findings += driver_findings
    if tokens is not None:
        findings += check_tokens(has_driver, tokens)
    findings += check_trust(settings)
    url = service_in_use(settings)
    if url is None:
        findings.append(Finding(Group.SERVICE, "info", Code.SERVICE_SANDBOX))
    elif online:
        findings += service_check(url)
    else:
        findings.append(Finding(Group.SERVICE, "info", Code.SERVICE_NOT_CHECKED))
    findings += check_clock()
    return EnvReport(tuple(findings), tuple(tokens or ()), has_driver)
