"""环境检测 in words: the core's findings (:mod:`cgn_seal_desktop.envcheck`) as translated lines.

:func:`describe` turns one :class:`~cgn_seal_desktop.envcheck.Finding` into a :class:`CheckLine`:
what was checked, what was found, what to do. :func:`report_text` makes the plain-text report for
"复制报告"; it contains no PIN (none is ever known here), token serials only by their last four
characters, and ID-shaped numbers masked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from cgn_seal_desktop.envcheck import Code, Finding, Level
from cgn_seal_desktop.logsetup import mask_id_numbers
from cgn_seal_desktop.ui.messages import error_message
from cgn_seal_desktop.ukey.model import TokenRef


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark *text* for translation in *context*; translated when shown (typed, unlike Qt's)."""
    return text


__all__ = ["CheckLine", "describe", "report_text"]

_CTX = "EnvCheck"


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
    extra: str = ""  # full detail (paths, names) for the tool tip and the copied report
    token: TokenRef | None = None  # the UKEY of a UKEY line (its PIN can be changed)


def _os(p: dict[str, str]) -> tuple[str, str, str]:
    return (_t(QT_TRANSLATE_NOOP("EnvCheck", "Operating system")),
            f"{p['system']} {p['release']} ({p['machine']}, {p['bits']}-bit)", "")


def _paren(text: str, note: str) -> str:
    """*text* with *note* in brackets of the language (full-width in Chinese)."""
    return _t(QT_TRANSLATE_NOOP("EnvCheck", "%1 (%2)")).replace("%1", text).replace("%2", note)


def _interface(p: dict[str, str]) -> str:
    return "SKF" if p.get("interface") == "skf" else "PKCS#11"


def _ukey_detail(p: dict[str, str]) -> str:
    maker = f"{p['manufacturer']} {p['model']}".strip()
    detail = _paren(p["label"], f"{_interface(p)} · {maker} · {p['serial']}")
    if p.get("tries_left") and p.get("max_tries"):
        detail += " — " + _t(QT_TRANSLATE_NOOP("EnvCheck", "PIN tries left: %1 of %2")).replace(
            "%1", p["tries_left"]).replace("%2", p["max_tries"])
    return detail


def _tries_used(p: dict[str, str]) -> tuple[str, str, str]:
    if p.get("tries_left"):
        advice = _t(QT_TRANSLATE_NOOP("EnvCheck", "Wrong PINs were entered. Tries left before "
                                                  "the UKEY locks: %1. Enter the PIN carefully.")
                    ).replace("%1", p["tries_left"])
    else:
        advice = _t(QT_TRANSLATE_NOOP("EnvCheck", "Wrong PINs were entered. Be careful: the "
                                                  "UKEY locks after too many."))
    return _t(QT_TRANSLATE_NOOP("EnvCheck", "UKEY")), _ukey_detail(p), advice


_KEY_TYPES = {"sm2": QT_TRANSLATE_NOOP("EnvCheck", "SM2"), "rsa": "RSA", "ec": "ECC"}


def _owner(p: dict[str, str]) -> str:
    key = p.get("key_type", "")
    if not key:
        return p["owner"]
    return _paren(p["owner"], _t(_KEY_TYPES.get(key, key.upper())))


def _valid_until(p: dict[str, str]) -> str:
    when = _t(QT_TRANSLATE_NOOP("EnvCheck", "valid until %1 (%2 days left)"))
    return f"{_owner(p)} — " + when.replace("%1", p["until"]).replace("%2", p["days"])


def _driver_name(p: dict[str, str]) -> str:
    """The driver's brand with what kind it is, in words (the table holds brand names only)."""
    kind = (_t(QT_TRANSLATE_NOOP("EnvCheck", "SKF driver, GM/T 0016"))
            if p.get("interface") == "skf" else
            _t(QT_TRANSLATE_NOOP("EnvCheck", "PKCS#11 driver")))
    if p.get("test"):
        kind += _t(QT_TRANSLATE_NOOP("EnvCheck", ", software test UKEY"))
    return _paren(p["name"], kind)


def _driver_unusable(f: Finding) -> tuple[str, str, str]:
    title, todo = error_message(f.error) if f.error is not None else ("", "")
    return (_t(QT_TRANSLATE_NOOP("EnvCheck", "UKEY driver cannot be used")),
            f"{_driver_name(dict(f.params))} — {title}".rstrip(" —"), todo)


_FAILURES = {
    "timeout": QT_TRANSLATE_NOOP("EnvCheck", "no answer in time"),
    "tls": QT_TRANSLATE_NOOP("EnvCheck", "its certificate is not trusted"),
    "connect": QT_TRANSLATE_NOOP("EnvCheck", "no connection"),
    "other": QT_TRANSLATE_NOOP("EnvCheck", "network error"),
}


def _unreachable(p: dict[str, str]) -> tuple[str, str, str]:
    why = _t(_FAILURES.get(p["failure"], _FAILURES["other"]))
    return (_t(QT_TRANSLATE_NOOP("EnvCheck", "Online service")), f"{p['url']} — {why}",
            _t(QT_TRANSLATE_NOOP("EnvCheck", "Not reachable. The seal self-check works offline; "
                                             "the application wizard needs the network.")))


_Texts = Callable[[dict[str, str]], tuple[str, str, str]]

# code → (title, detail, advice) from the finding's params. (Plain comments: lupdate would
# hand a "#:" comment to the translators as a note on the next string.)
_TEXTS: dict[Code, _Texts] = {
    Code.OS: _os,
    Code.DRIVER_OK: lambda p: (_t(QT_TRANSLATE_NOOP("EnvCheck", "UKEY driver")), _driver_name(p),
                               ""),
    Code.DRIVER_MISSING: lambda p: (
        _t(QT_TRANSLATE_NOOP("EnvCheck", "UKEY driver missing")), p["path"],
        _t(QT_TRANSLATE_NOOP("EnvCheck", "The chosen driver file is gone. Choose it again "
                                         "under Settings, or reinstall the driver."))),
    Code.NO_DRIVER: lambda p: (
        _t(QT_TRANSLATE_NOOP("EnvCheck", "No UKEY driver found")), "",
        _t(QT_TRANSLATE_NOOP("EnvCheck", "Download the SZCA driver from www.szca.com "
                                         "(Customer service → Driver download) and install it."))),
    Code.UKEY_BUSY: lambda p: (
        _t(QT_TRANSLATE_NOOP("EnvCheck", "UKEY")),
        _t(QT_TRANSLATE_NOOP("EnvCheck", "In use: a document is being sealed")),
        _t(QT_TRANSLATE_NOOP("EnvCheck", "This list updates by itself."))),
    Code.NO_UKEY: lambda p: (
        _t(QT_TRANSLATE_NOOP("EnvCheck", "No UKEY inserted")), "",
        _t(QT_TRANSLATE_NOOP("EnvCheck", "Insert the UKEY; this list updates by itself."))),
    Code.UKEY: lambda p: (_t(QT_TRANSLATE_NOOP("EnvCheck", "UKEY")), _ukey_detail(p), ""),
    Code.UKEY_PIN_LOCKED: lambda p: (
        _t(QT_TRANSLATE_NOOP("EnvCheck", "UKEY")), _ukey_detail(p),
        _t(QT_TRANSLATE_NOOP("EnvCheck", "The PIN is locked. Call 400-112-3838 to unlock it."))),
    Code.UKEY_PIN_TRIES_USED: _tries_used,
    Code.CERT_VALID: lambda p: (
        _t(QT_TRANSLATE_NOOP("EnvCheck", "Certificate")), _valid_until(p), ""),
    Code.CERT_EXPIRES_SOON: lambda p: (
        _t(QT_TRANSLATE_NOOP("EnvCheck", "Certificate expires soon")), _valid_until(p),
        _t(QT_TRANSLATE_NOOP("EnvCheck", "Renew the certificate before it expires."))),
    Code.CERT_EXPIRED: lambda p: (
        _t(QT_TRANSLATE_NOOP("EnvCheck", "Certificate expired")),
        f"{_owner(p)} — "
        + _t(QT_TRANSLATE_NOOP("EnvCheck", "expired on %1")).replace("%1", p["until"]),
        _t(QT_TRANSLATE_NOOP("EnvCheck", "Renew the certificate with SZCA (Application "
                                         "progress)."))),
    Code.NO_TRUST_ROOTS: lambda p: (
        _t(QT_TRANSLATE_NOOP("EnvCheck", "No trust roots")), "",
        _t(QT_TRANSLATE_NOOP("EnvCheck", "Seals cannot be shown as valid. Add the SZCA root "
                                         "under Settings."))),
    Code.TRUST_ROOT: lambda p: (_t(QT_TRANSLATE_NOOP("EnvCheck", "Trust root")), p["name"], ""),
    Code.SERVICE_UNREACHABLE: _unreachable,
    Code.SERVICE_ANSWERS: lambda p: (
        _t(QT_TRANSLATE_NOOP("EnvCheck", "Online service")), f"{p['url']} — HTTP {p['status']}",
        ""),
    Code.SERVICE_NOT_CHECKED: lambda p: (
        _t(QT_TRANSLATE_NOOP("EnvCheck", "Online service")),
        _t(QT_TRANSLATE_NOOP("EnvCheck", "Not checked (offline)")), ""),
    Code.SERVICE_SANDBOX: lambda p: (
        _t(QT_TRANSLATE_NOOP("EnvCheck", "Online service")),
        _t(QT_TRANSLATE_NOOP("EnvCheck", "Built-in sandbox (test data only): runs on this "
                                         "computer, no network needed")), ""),
    Code.CLOCK_OK: lambda p: (_t(QT_TRANSLATE_NOOP("EnvCheck", "Computer clock")), p["now"], ""),
    Code.CLOCK_WRONG: lambda p: (
        _t(QT_TRANSLATE_NOOP("EnvCheck", "Computer clock")), p["now"],
        _t(QT_TRANSLATE_NOOP("EnvCheck", "The date is wrong. Set the correct date and time; "
                                         "signatures carry the signing time."))),
}


def describe(finding: Finding) -> CheckLine:
    """The translated line for *finding* (every :class:`Code` has its words)."""
    if finding.code is Code.DRIVER_UNUSABLE:
        title, detail, advice = _driver_unusable(finding)
    else:
        title, detail, advice = _TEXTS[finding.code](dict(finding.params))
    return CheckLine(finding.group.value, finding.level, title, detail, advice, finding.extra,
                     finding.token)


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
