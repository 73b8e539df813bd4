"""The environment check's rules, without Qt: drivers, UKEYs, certificate expiry, trust roots,
the online service (a real HTTP server on loopback) and the clock. Findings are codes and data."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from cgn_seal_desktop import envcheck
from cgn_seal_desktop.envcheck import Code, Group
from cgn_seal_desktop.settings import Settings
from cgn_seal_desktop.ukey import service
from cgn_seal_desktop.ukey.certinfo import (
    RENEWAL_WINDOW_DAYS,
    CertificateInfo,
    ExpiryState,
    expiry_of,
)
from cgn_seal_desktop.ukey.errors import ModuleLoadError
from cgn_seal_desktop.ukey.model import PinState, TokenInfo
from tests.conftest import TestUKey

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def _cert(days_left: float, *, is_ca: bool = False) -> CertificateInfo:
    return CertificateInfo(der=b"", key_id=b"\x01", label="", subject="CN=x,O=示例公司",
                           subject_cn="x", organization="示例公司", issuer="", issuer_cn="",
                           serial=1, not_before=NOW - timedelta(days=400),
                           not_after=NOW + timedelta(days=days_left),
                           key_usage=("digital_signature",), key_type="rsa", is_ca=is_ca)


def _token(*certs: CertificateInfo, pin_state: PinState = PinState.OK) -> TokenInfo:
    return TokenInfo(module_path="m", slot_id=0, label="KEY", manufacturer="SZCA", model="U",
                     serial="110101199003071234", flags=0, pin_state=pin_state,
                     login_required=True, protected_auth_path=False, certificates=list(certs))


# --- the expiry rule (ukey.certinfo; the certificate renewal reuses it) -----------------------

@pytest.mark.parametrize(("days", "state"), [
    (400, ExpiryState.VALID),
    (RENEWAL_WINDOW_DAYS, ExpiryState.VALID),  # exactly 30 whole days left: not yet
    (RENEWAL_WINDOW_DAYS - 0.5, ExpiryState.EXPIRES_SOON),
    (1, ExpiryState.EXPIRES_SOON),
    (0.01, ExpiryState.EXPIRES_SOON),  # expires later today
    (-0.01, ExpiryState.EXPIRED),
    (-400, ExpiryState.EXPIRED),
])
def test_expiry_rule(days: float, state: ExpiryState) -> None:
    expiry = _cert(days).expiry(NOW)
    assert expiry.state is state
    assert expiry.needs_renewal is (state is not ExpiryState.VALID)
    assert expiry == expiry_of(NOW + timedelta(days=days), NOW)


def test_expiry_window_can_be_asked_for() -> None:
    assert expiry_of(NOW + timedelta(days=50), NOW, window_days=60).state is (
        ExpiryState.EXPIRES_SOON)


# --- UKEYs and certificates --------------------------------------------------------------------

def test_certificate_findings_follow_the_expiry_rule() -> None:
    [ukey_line, valid, soon, expired] = envcheck.check_tokens(
        True, [_token(_cert(400), _cert(10), _cert(-1), _cert(5, is_ca=True))], NOW)
    assert (ukey_line.code, ukey_line.level) == (Code.UKEY, "ok")
    assert ukey_line.params["serial"] == "…1234"  # never the whole serial
    assert (valid.code, valid.level, valid.params["days"]) == (Code.CERT_VALID, "ok", "400")
    assert (soon.code, soon.level, soon.params["days"]) == (Code.CERT_EXPIRES_SOON, "warn", "10")
    assert (expired.code, expired.level) == (Code.CERT_EXPIRED, "error")
    assert expired.params["until"] == (NOW - timedelta(days=1)).date().isoformat()
    assert {f.params.get("owner") for f in (valid, soon, expired)} == {"示例公司"}
    assert valid.extra == "CN=x,O=示例公司"


@pytest.mark.parametrize(("state", "level", "code"), [
    (PinState.OK, "ok", Code.UKEY),
    (PinState.LOCKED, "error", Code.UKEY_PIN_LOCKED),
    (PinState.FINAL_TRY, "warn", Code.UKEY_PIN_TRIES_USED),
    (PinState.COUNT_LOW, "warn", Code.UKEY_PIN_TRIES_USED),
])
def test_pin_state_findings(state: PinState, level: str, code: Code) -> None:
    [line] = envcheck.check_tokens(True, [_token(pin_state=state)], NOW)
    assert (line.group, line.level, line.code) == (Group.TOKENS, level, code)


def test_no_ukey_only_matters_with_a_driver() -> None:
    assert envcheck.check_tokens(False, [], NOW) == []
    [line] = envcheck.check_tokens(True, [], NOW)
    assert (line.level, line.code) == ("warn", Code.NO_UKEY)


# --- drivers (real SoftHSM2 modules) ---------------------------------------------------------

def test_drivers_and_ukeys_of_the_chosen_driver(ukey: TestUKey) -> None:
    findings, tokens, has_driver = envcheck.check_drivers(ukey.module)
    assert has_driver
    assert findings[0].code is Code.DRIVER_OK and findings[0].extra == ukey.module
    labels = {t.label for t in tokens or []}
    assert {"CGN-RSA", "CGN-EC", "CGN-EXPIRED", "CGN-B", "CGN-UNTRUSTED"} <= labels


def test_a_chosen_driver_that_is_gone_or_broken(tmp_path: Path) -> None:
    gone = str(tmp_path / "vendor-pkcs11.so")
    findings, tokens, has_driver = envcheck.check_drivers(gone)
    assert (findings[0].code, findings[0].level, findings[0].params["path"]) == (
        Code.DRIVER_MISSING, "error", gone)
    # Sealing would use (and fail on) the chosen driver: the UKEY lines say "none inserted".
    assert tokens == [] and has_driver
    broken = tmp_path / "libbroken-pkcs11.so"
    broken.write_bytes(b"\x7fELF not really a library")
    findings, tokens, _ = envcheck.check_drivers(str(broken))
    first = findings[0]
    assert (first.code, first.level, first.extra) == (Code.DRIVER_UNUSABLE, "warn", str(broken))
    assert isinstance(first.error, ModuleLoadError)
    assert tokens == []


def test_no_driver_anywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "find_modules", lambda *_a, **_k: [])
    findings, tokens, has_driver = envcheck.check_drivers("")
    assert [(f.code, f.level) for f in findings] == [(Code.NO_DRIVER, "error")]
    assert not has_driver and tokens == []


def test_busy_ukeys_are_said_not_guessed(ukey: TestUKey) -> None:
    # Another thread holds the UKEYs (sealing): the check says so instead of "no UKEY".
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with service.UKEY_LOCK:
            held.set()
            release.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    try:
        assert held.wait(10)
        findings, tokens, has_driver = envcheck.check_drivers(ukey.module, wait_s=0.1)
        assert tokens is None and has_driver
        assert [f.code for f in findings] == [Code.UKEY_BUSY]
        assert envcheck.inserted_tokens(ukey.module, wait_s=0.1) is None
    finally:
        release.set()
        t.join()
    assert {t.label for t in envcheck.inserted_tokens(ukey.module) or []} >= {"CGN-RSA"}


# --- trust, service, clock -------------------------------------------------------------------

def test_trust_roots(ukey: TestUKey) -> None:
    from cgn_seal_desktop.seal.trust import add_user_root

    settings = Settings()
    before = envcheck.check_trust(settings)
    assert all(f.group is Group.TRUST and "user" not in f.extra for f in before)
    [added] = add_user_root(ukey.root_pem_path)
    after = envcheck.check_trust(settings)
    mine = [f for f in after if "user" in f.extra]
    assert [(f.code, f.level, f.params["name"]) for f in mine] == [
        (Code.TRUST_ROOT, "ok", added.common_name)]


def test_no_trust_roots(monkeypatch: pytest.MonkeyPatch) -> None:
    from cgn_seal_desktop.seal import trust

    monkeypatch.setattr(trust, "trust_store_for", lambda *_a, **_k: trust.TrustStore([]))
    assert [(f.code, f.level) for f in envcheck.check_trust(Settings())] == [
        (Code.NO_TRUST_ROOTS, "warn")]


class _Status(BaseHTTPRequestHandler):
    status = 200

    def do_GET(self) -> None:
        self.send_response(self.server.status)  # type: ignore[attr-defined]
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *_a: Any) -> None:
        pass


@pytest.fixture
def http_server() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Status)
    server.status = 200  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_service_answers_fails_and_is_unreachable(http_server: ThreadingHTTPServer) -> None:
    url = f"http://127.0.0.1:{http_server.server_address[1]}/"
    [ok] = envcheck.check_service(url, timeout=3)
    assert (ok.code, ok.level, ok.params["status"]) == (Code.SERVICE_ANSWERS, "ok", "200")
    http_server.status = 503  # type: ignore[attr-defined]
    [sick] = envcheck.check_service(url, timeout=3)
    assert (sick.code, sick.level, sick.params["status"]) == (Code.SERVICE_ANSWERS, "warn", "503")
    http_server.shutdown()
    http_server.server_close()
    [down] = envcheck.check_service(url, timeout=1)  # the port is closed now
    assert (down.code, down.level, down.params["failure"]) == (
        Code.SERVICE_UNREACHABLE, "warn", "connect")


def test_clock() -> None:
    [wrong] = envcheck.check_clock(datetime(2020, 1, 1, tzinfo=UTC))
    assert (wrong.code, wrong.level) == (Code.CLOCK_WRONG, "error")
    assert wrong.params["now"].startswith(("2020-01-01", "2019-12-31"))  # local time
    [right] = envcheck.check_clock(NOW)
    assert (right.code, right.level) == (Code.CLOCK_OK, "ok")


def test_collect_offline_runs_every_check(ukey: TestUKey) -> None:
    settings = Settings(module_path=ukey.module)
    asked: list[str] = []

    def service_check(url: str) -> list[envcheck.Finding]:
        asked.append(url)
        return []

    report = envcheck.collect(settings, online=False, service_check=service_check)
    assert asked == []
    groups = {f.group for f in report.findings}
    assert groups == {Group.OS, Group.DRIVERS, Group.TOKENS, Group.TRUST, Group.SERVICE,
                      Group.CLOCK}
    assert any(f.code is Code.SERVICE_NOT_CHECKED for f in report.findings)
    assert report.has_driver and {t.label for t in report.tokens} >= {"CGN-RSA", "CGN-EXPIRED"}
    # The expired test certificate is found expired.
    assert any(f.code is Code.CERT_EXPIRED for f in report.findings)
    envcheck.collect(settings, online=True, service_check=service_check)
    assert asked == [settings.service_base_url]


def test_the_service_checked_is_the_one_the_wizard_uses() -> None:
    from cgn_seal_desktop.portal.server_profile import KIND_SANDBOX, KIND_SERVICE, ServerProfile

    settings = Settings(module_path="/nonexistent/driver.so")
    asked: list[str] = []

    def service_check(url: str) -> list[envcheck.Finding]:
        asked.append(url)
        return []

    ServerProfile(kind=KIND_SANDBOX).save()
    report = envcheck.collect(settings, online=True, service_check=service_check)
    # The built-in sandbox runs in the program: no probe of www.szca.com, no warning.
    assert asked == []
    [line] = [f for f in report.findings if f.group is Group.SERVICE]
    assert (line.code, line.level) == (Code.SERVICE_SANDBOX, "info")
    ServerProfile(kind=KIND_SERVICE, url="https://ecp.example.test/").save()
    envcheck.collect(settings, online=True, service_check=service_check)
    assert asked == ["https://ecp.example.test/"]


def test_driver_and_ukey_facts_for_the_words(ukey: TestUKey) -> None:
    findings, _tokens, _ = envcheck.check_drivers(ukey.module)
    p = findings[0].params
    # Brand names only (the program words the kind): no English prose from the table.
    assert (p["vendor"], p["product"], p["interface"], p["test"]) == (
        "OpenDNSSEC", "SoftHSM 2", "pkcs11", "1")
    counted = TokenInfo(module_path="m", slot_id=0, label="SM2KEY", manufacturer="SZCA",
                        model="U", serial="1234", flags=0, pin_state=PinState.COUNT_LOW,
                        login_required=True, protected_auth_path=False, interface="skf",
                        pin_tries_left=4, pin_max_tries=6)
    [line] = envcheck.check_tokens(True, [counted], NOW)
    assert (line.code, line.params["interface"], line.params["tries_left"],
            line.params["max_tries"]) == (Code.UKEY_PIN_TRIES_USED, "skf", "4", "6")
    assert line.token == counted.ref
    [pkcs11] = envcheck.check_tokens(True, [_token()], NOW)
    assert pkcs11.params["tries_left"] == "" and pkcs11.params["interface"] == "pkcs11"
