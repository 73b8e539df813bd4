"""Which service addresses the client accepts: https to any host, plain http only to a literal
loopback host. Parsed, not prefix-matched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cgn_seal_desktop.portal.server_profile import KIND_SERVICE, ServerProfile, valid_service_url

GOOD = [
    "https://ecp.cgnpc.com.cn",
    "https://ecp.cgnpc.com.cn/",
    "https://ecp.cgnpc.com.cn:8443/api/v1",
    "HTTPS://ECP.CGNPC.COM.CN",
    "https://中广核.中国",
    "https://10.1.2.3",
    "https://[2001:db8::1]:443",
    "  https://ecp.cgnpc.com.cn  ",
    "http://127.0.0.1:8765",
    "http://127.0.0.1",
    "http://127.9.8.7:8765/",
    "http://localhost:8765",
    "http://LOCALHOST:8765",
    "http://[::1]:8765",
]

BAD = [
    # Looks like loopback, is another host.
    "http://localhost.attacker.example",
    "http://localhost.attacker.example:8765",
    "http://127.0.0.1.nip.io:8765",
    "http://localhost@attacker.example/",
    "http://127.0.0.1@attacker.example/",
    "http://127.0.0.1:8765@attacker.example/",
    "http://attacker.example#@127.0.0.1",
    "http://attacker.example\\@127.0.0.1",
    "http://localhost./",
    "http://127.1:8765",  # shorthand is not a literal loopback address
    "http://0x7f000001/",
    "http://2130706433/",
    "http://[::ffff:127.0.0.1]/",
    "http://0.0.0.0:8765",
    # Plain http elsewhere, other schemes, broken URLs.
    "http://ecp.cgnpc.com.cn",
    "http://10.0.0.1:8765",
    "ftp://ecp.cgnpc.com.cn",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "https://",
    "https:///path",
    "https://user:pw@ecp.cgnpc.com.cn",
    "https://ecp.cgnpc.com.cn:99999",
    "https://ecp.cgnpc.com.cn:port",
    "https://ecp cgnpc.com.cn",
    "https://ecp.cgnpc.com.cn\n.evil",
    "https://ecp..cgnpc.com.cn",
    "https://ecp_cgnpc.com.cn",
    "https://[::1",
    "127.0.0.1:8765",
    "",
    "   ",
]


@pytest.mark.parametrize("url", GOOD)
def test_accepted(url: str) -> None:
    assert valid_service_url(url)


@pytest.mark.parametrize("url", BAD)
def test_refused(url: str) -> None:
    assert not valid_service_url(url)


@pytest.mark.parametrize("url", ["http://localhost.attacker.example", "https://ok.example"])
def test_a_saved_profile_pointing_somewhere_unsafe_is_not_used(tmp_path: Path, url: str) -> None:
    path = tmp_path / "server_profile.json"
    path.write_text(json.dumps({"kind": KIND_SERVICE, "url": url}), encoding="utf-8")
    profile = ServerProfile.load(path)
    assert profile.chosen is valid_service_url(url)
