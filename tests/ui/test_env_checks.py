"""The environment check in words: every finding code has a translated line; the copied report
masks serials and ID numbers. (The rules themselves are tested without Qt in
``tests/test_envcheck.py``.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from cgn_seal_desktop.envcheck import Code, Finding, Group, check_tokens
from cgn_seal_desktop.paths import translations_dir
from cgn_seal_desktop.ui.env_checks import describe, report_text
from cgn_seal_desktop.ukey.certinfo import CertificateInfo
from cgn_seal_desktop.ukey.errors import ModuleLoadError
from cgn_seal_desktop.ukey.model import PinState, TokenInfo

_PARAMS = {"system": "Windows", "release": "10", "machine": "AMD64", "bits": "64",
           "name": "SZCA UKEY", "path": r"C:\Windows\System32\szca_p11.dll", "label": "KEY",
           "manufacturer": "SZCA", "model": "U", "serial": "…1234", "owner": "示例公司",
           "until": "2026-07-01", "days": "12", "url": "https://ecp.cgnpc.com.cn/",
           "failure": "timeout", "status": "200", "now": "2026-06-01 12:00 CST"}


def _sample(code: Code) -> Finding:
    error = ModuleLoadError("cannot load") if code is Code.DRIVER_UNUSABLE else None
    return Finding(Group.DRIVERS, "ok", code, _PARAMS, "extra", error)


@pytest.fixture
def zh_CN(qapp: Any) -> Iterator[None]:
    t = QTranslator()
    assert t.load(str(translations_dir() / "cgn_seal_desktop_zh_CN.qm"))
    QCoreApplication.installTranslator(t)
    yield
    QCoreApplication.removeTranslator(t)


def _cjk(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text))


@pytest.mark.parametrize("code", list(Code))
def test_every_code_has_words_in_english_and_chinese(qapp: Any, code: Code) -> None:
    english = describe(_sample(code))
    assert english.title and english.key == "modules" and english.extra == "extra"
    t = QTranslator()
    assert t.load(str(translations_dir() / "cgn_seal_desktop_zh_CN.qm"))
    QCoreApplication.installTranslator(t)
    try:
        chinese = describe(_sample(code))
    finally:
        QCoreApplication.removeTranslator(t)
    for en, zh in ((english.title, chinese.title), (english.advice, chinese.advice)):
        if en and en != "UKEY":
            assert _cjk(zh), (code, en, zh)


def test_expiry_words_and_the_report_masks_the_serial(zh_CN: None) -> None:
    now = datetime.now(UTC)
    cert = CertificateInfo(der=b"", key_id=b"\x01", label="", subject="", subject_cn="x",
                           organization="示例公司", issuer="", issuer_cn="", serial=1,
                           not_before=now - timedelta(days=400),
                           not_after=now + timedelta(days=10, hours=1),
                           key_usage=("digital_signature",), key_type="rsa", is_ca=False)
    token = TokenInfo(module_path="m", slot_id=0, label="KEY", manufacturer="SZCA", model="U",
                      serial="110101199003071234", flags=0, pin_state=PinState.LOCKED,
                      login_required=True, protected_auth_path=False, certificates=[cert])
    lines = [describe(f) for f in check_tokens(True, [token])]
    assert lines[0].level == "error" and "400-112-3838" in lines[0].advice
    assert lines[1].level == "warn" and "10" in lines[1].detail and "示例公司" in lines[1].detail
    text = report_text(lines)
    assert "110101199003071234" not in text and "1234" in text


def test_service_failures_and_drivers_are_worded_in_chinese(zh_CN: None) -> None:
    for failure in ("timeout", "tls", "connect", "other"):
        line = describe(Finding(Group.SERVICE, "warn", Code.SERVICE_UNREACHABLE,
                                {"url": "https://www.szca.com", "failure": failure}))
        words = line.detail.split(" — ", 1)[1]
        assert _cjk(words) and not re.search(r"[A-Za-z]", words), (failure, words)
    sandbox = describe(Finding(Group.SERVICE, "info", Code.SERVICE_SANDBOX))
    assert "沙箱" in sandbox.detail and "szca" not in sandbox.detail + sandbox.advice
    test_driver = describe(Finding(Group.DRIVERS, "ok", Code.DRIVER_OK, {
        "name": "OpenDNSSEC SoftHSM 2", "vendor": "OpenDNSSEC", "product": "SoftHSM 2",
        "interface": "pkcs11", "test": "1"}))
    assert test_driver.detail == "OpenDNSSEC SoftHSM 2（PKCS#11 驱动，测试用软件 UKEY）"
    skf = describe(Finding(Group.DRIVERS, "ok", Code.DRIVER_OK, {
        "name": "飞天诚信 Feitian ePass3000GM SZCA", "vendor": "飞天诚信 Feitian",
        "product": "ePass3000GM SZCA", "interface": "skf", "test": ""}))
    assert "SKF 驱动" in skf.detail and "test" not in skf.detail


def test_skf_ukey_line_gives_the_real_count(zh_CN: None) -> None:
    token = TokenInfo(module_path="m", slot_id=0, label="CGN-DEMO-SM2", manufacturer="SZCA",
                      model="U", serial="CGNSM2DEMO0001", flags=0, pin_state=PinState.COUNT_LOW,
                      login_required=True, protected_auth_path=False, interface="skf",
                      pin_tries_left=5, pin_max_tries=6)
    [line] = [describe(f) for f in check_tokens(True, [token])]
    assert "SKF" in line.detail and "剩余尝试次数：5（共 6 次）" in line.detail
    assert "剩余尝试次数：5" in line.advice and "不多" not in line.advice
    assert line.token == token.ref


def test_the_module_table_holds_no_english_prose() -> None:
    from cgn_seal_desktop.ukey.discovery import load_vendor_table

    for entry in load_vendor_table():
        assert "(" not in entry.product and "test" not in entry.product.lower(), entry
