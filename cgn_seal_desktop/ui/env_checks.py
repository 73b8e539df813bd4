"""环境检测 checks as plain functions (no Qt; they run in workers and in tests).

Each check gives :class:`CheckLine` rows: a level (ok / warn / error / info), what was found,
and what to do. :func:`report_text` makes the plain-text report for "复制报告"; it contains no
PIN (none is ever known here), no token serial beyond its last four characters, and ID-shaped
numbers are masked.
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

from PySide6.QtCore import QCoreApplication

from cgn_seal_desktop.logsetup import mask_id_numbers
from cgn_seal_desktop.settings import Settings
from cgn_seal_desktop.ukey.discovery import ModuleCandidate, find_modules
from cgn_seal_desktop.ukey.errors import UKeyError
from cgn_seal_desktop.ukey.model import PinState, TokenInfo


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark *text* for translation in *context*; translated when shown (typed, unlike Qt's)."""
    return text

__all__ = [
    "CheckLine",
    "EnvSnapshot",
    "Level",
    "check_clock",
    "check_os",
    "check_service",
    "check_tokens",
    "check_trust",
    "collect",
    "report_text",
    "token_snapshot",
]

Level = Literal["ok", "warn", "error", "info"]
_CTX = "EnvCheck"
EXPIRY_WARN_DAYS = 30


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


@dataclass(frozen=True)
class CheckLine:
    """One line of the check: *key* groups lines (os, modules, tokens, trust, service, clock)."""

    key: str
    level: Level
    title: str
    detail: str = ""
    advice: str = ""
    extra: str = ""  #: full detail (paths, names) for the tool tip and the copied report


@dataclass
class EnvSnapshot:
    """Everything the page shows; ``tokens`` lines are refreshed by polling."""

    lines: list[CheckLine] = field(default_factory=list)
    module: str | None = None
    tokens: list[TokenInfo] = field(default_factory=list)


def check_os() -> list[CheckLine]:
    bits = "64" if sys.maxsize > 2**32 else "32"
    text = f"{platform.system()} {platform.release()} ({platform.machine()}, {bits}-bit)"
    return [CheckLine("os", "ok", _t(QT_TRANSLATE_NOOP("EnvCheck", "Operating system")), text)]


def check_modules(settings: Settings) -> tuple[list[CheckLine], str | None]:
    """PKCS#11 drivers found; returns the lines and the driver to use (or None)."""
    mods: list[ModuleCandidate] = find_modules(settings.module_path or None)
    lines: list[CheckLine] = []
    chosen: str | None = None
    for m in mods:
        if not m.exists:
            lines.append(CheckLine(
                "modules", "error", _t(QT_TRANSLATE_NOOP("EnvCheck", "UKEY driver missing")),
                m.path, _t(QT_TRANSLATE_NOOP("EnvCheck",
                                             "The chosen driver file is gone. Choose it again "
                                             "under Settings, or reinstall the driver."))))
            continue
        if chosen is None and m.interface == "pkcs11":
            chosen = m.path
        lines.append(CheckLine("modules", "ok", _t(QT_TRANSLATE_NOOP("EnvCheck", "UKEY driver")),
                               m.display_name, extra=m.path))
    if not lines:
        lines.append(CheckLine(
            "modules", "error", _t(QT_TRANSLATE_NOOP("EnvCheck", "No UKEY driver found")), "",
            _t(QT_TRANSLATE_NOOP("EnvCheck", "Download the SZCA driver from www.szca.com "
                                 "(Customer service → Driver download) and install it."))))
    return lines, chosen


def token_snapshot(settings: Settings, *, wait_s: float = 30.0) -> list[TokenInfo] | None:
    """UKEYs now inserted, over every candidate driver (empty when there is none or all fail).

    ``None`` when the UKEY stayed busy (another thread signing) for *wait_s* seconds.
    """
    from cgn_seal_desktop.ukey.service import list_all_tokens

    try:
        return list_all_tokens(settings.module_path, wait_s=wait_s)
    except UKeyError:
        return []


def _short_serial(serial: str) -> str:
    return "…" + serial[-4:] if len(serial) > 4 else serial


def check_tokens(has_driver: bool, tokens: list[TokenInfo],
                 now: datetime | None = None) -> list[CheckLine]:
    """UKEYs and their certificates, with expiry warnings (amber < 30 days, red expired)."""
    now = now or datetime.now(UTC)
    if not has_driver:
        return []
    if not tokens:
        return [CheckLine("tokens", "warn", _t(QT_TRANSLATE_NOOP("EnvCheck", "No UKEY inserted")),
                          "", _t(QT_TRANSLATE_NOOP("EnvCheck", "Insert the UKEY; this list "
                                                   "updates by itself.")))]
    lines: list[CheckLine] = []
    for t in tokens:
        level: Level = "ok"
        advice = ""
        if t.pin_state is PinState.LOCKED:
            level, advice = "error", _t(QT_TRANSLATE_NOOP(
                "EnvCheck", "The PIN is locked. Call 400-112-3838 to unlock it."))
        elif t.pin_state in (PinState.FINAL_TRY, PinState.COUNT_LOW):
            level, advice = "warn", _t(QT_TRANSLATE_NOOP(
                "EnvCheck", "Wrong PINs were entered. Be careful: the UKEY locks after too "
                "many."))
        detail = f"{t.label} ({t.manufacturer} {t.model}, {_short_serial(t.serial)})"
        lines.append(CheckLine("tokens", level, _t(QT_TRANSLATE_NOOP("EnvCheck", "UKEY")),
                               detail, advice))
        for c in t.certificates:
            if c.is_ca:
                continue
            days = (c.not_after - now).days
            owner = c.organization or c.subject_cn
            until = c.not_after.date().isoformat()
            if c.not_after < now:
                when = _t(QT_TRANSLATE_NOOP("EnvCheck", "expired on %1")).replace("%1", until)
                lines.append(CheckLine(
                    "tokens", "error", _t(QT_TRANSLATE_NOOP("EnvCheck", "Certificate expired")),
                    f"{owner} — {when}", _t(QT_TRANSLATE_NOOP(
                        "EnvCheck", "Renew the certificate with SZCA (Application progress).")),
                    extra=c.subject))
                continue
            when = _t(QT_TRANSLATE_NOOP("EnvCheck", "valid until %1 (%2 days left)"))
            when = when.replace("%1", until).replace("%2", str(days))
            if days < EXPIRY_WARN_DAYS:
                lines.append(CheckLine(
                    "tokens", "warn", _t(QT_TRANSLATE_NOOP("EnvCheck", "Certificate expires soon")),
                    f"{owner} — {when}", _t(QT_TRANSLATE_NOOP(
                        "EnvCheck", "Renew the certificate before it expires.")), extra=c.subject))
            else:
                lines.append(CheckLine("tokens", "ok",
                                       _t(QT_TRANSLATE_NOOP("EnvCheck", "Certificate")),
                                       f"{owner} — {when}", extra=c.subject))
    return lines


def check_trust(settings: Settings) -> list[CheckLine]:
    from cgn_seal_desktop.seal.trust import trust_store_for

    store = trust_store_for(settings)
    if not store.roots:
        return [CheckLine("trust", "warn", _t(QT_TRANSLATE_NOOP("EnvCheck", "No trust roots")),
                          "", _t(QT_TRANSLATE_NOOP("EnvCheck", "Seals cannot be shown as valid. "
                                                   "Add the SZCA root under Settings.")))]
    return [CheckLine("trust", "ok", _t(QT_TRANSLATE_NOOP("EnvCheck", "Trust root")),
                      r.common_name, extra=f"{r.subject} ({r.source}, {r.origin})")
            for r in store.roots]



def check_service(url: str, timeout: float = 3.0) -> list[CheckLine]:
    """Whether the online service answers (TLS verified); any HTTP answer means reachable."""
    from cgn_seal_desktop.portal.probe import probe_service

    title = _t(QT_TRANSLATE_NOOP("EnvCheck", "Online service"))
    probe = probe_service(url, timeout)
    if not probe.reachable:
        return [CheckLine("service", "warn", title, f"{url} — {probe.failure}",
                          _t(QT_TRANSLATE_NOOP("EnvCheck", "Not reachable. The seal self-check "
                                               "works offline; the application wizard needs "
                                               "the network.")))]
    level: Level = "ok" if probe.healthy else "warn"
    return [CheckLine("service", level, title, f"{url} — HTTP {probe.status}")]


def check_clock(now: datetime | None = None) -> list[CheckLine]:
    now = now or datetime.now(UTC)
    title = _t(QT_TRANSLATE_NOOP("EnvCheck", "Computer clock"))
    text = now.astimezone().strftime("%Y-%m-%d %H:%M %Z")
    if now.year < 2024:
        return [CheckLine("clock", "error", title, text, _t(QT_TRANSLATE_NOOP(
            "EnvCheck", "The date is wrong. Set the correct date and time; signatures carry "
                        "the signing time.")))]
    return [CheckLine("clock", "ok", title, text)]


def collect(settings: Settings, *, online: bool,
            service_check: Callable[[str], list[CheckLine]] = check_service) -> EnvSnapshot:
    """Run every check (worker thread)."""
    snap = EnvSnapshot()
    snap.lines += check_os()
    mod_lines, snap.module = check_modules(settings)
    snap.lines += mod_lines
    snap.tokens = (token_snapshot(settings) or []) if snap.module else []
    snap.lines += check_tokens(snap.module is not None, snap.tokens)
    snap.lines += check_trust(settings)
    if online:
        snap.lines += service_check(settings.service_base_url)
    else:
        snap.lines.append(CheckLine("service", "info",
                                    _t(QT_TRANSLATE_NOOP("EnvCheck", "Online service")),
                                    _t(QT_TRANSLATE_NOOP("EnvCheck", "Not checked (offline)"))))
    snap.lines += check_clock()
    return snap


def report_text(lines: list[CheckLine]) -> str:
    """Plain text for support: one line per check, with the advice indented below."""
    marks = {"ok": "[OK]", "warn": "[!]", "error": "[X]", "info": "[-]"}
    out = [_t(QT_TRANSLATE_NOOP("EnvCheck", "CGN Seal Desktop — environment check")),
           datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S %Z"), ""]
    for line in lines:
        out.append(f"{marks[line.level]} {line.title}: {line.detail}".rstrip(": "))
        if line.extra:
            out.append(f"    {line.extra}")
        if line.advice:
            out.append(f"    → {line.advice}")
    return mask_id_numbers("\n".join(out)) + "\n"
