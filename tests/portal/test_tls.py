"""https: verification is always on; the operating system's trust store is used (certifi as the
fallback), and an extra CA bundle makes a private CA trusted."""

from __future__ import annotations

import ipaddress
import json
import ssl
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.client import PortalClient
from cgn_seal_desktop.portal.probe import probe_service
from cgn_seal_desktop.portal.tls import tls_context, uses_system_store

SUPPORT = {"hotline": "400-112-3838", "website": "w", "online_service_url": "o",
           "wechat_service_qr": "q", "wechat_subscription_qr": "q", "driver_download_url": "d"}


def _cert(subject: str, key: ec.EllipticCurvePrivateKey, issuer_key: ec.EllipticCurvePrivateKey,
          issuer: str, ca: bool) -> x509.Certificate:
    now = datetime.now(UTC)
    b = (x509.CertificateBuilder()
         .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
         .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
         .public_key(key.public_key()).serial_number(x509.random_serial_number())
         .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=1))
         .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if ca:
        b = b.add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                          False), critical=True)
        b = b.add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                            critical=False)
    else:
        b = b.add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        b = b.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
            issuer_key.public_key()), critical=False)
    return b.sign(issuer_key, hashes.SHA256())


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps(SUPPORT).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def https_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    ca_key, srv_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(
        ec.SECP256R1())
    ca = _cert("Private Test CA", ca_key, ca_key, "Private Test CA", ca=True)
    srv = _cert("127.0.0.1", srv_key, ca_key, "Private Test CA", ca=False)
    ca_pem, chain, key = tmp_path / "ca.pem", tmp_path / "srv.pem", tmp_path / "srv.key"
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    chain.write_bytes(srv.public_bytes(serialization.Encoding.PEM))
    key.write_bytes(srv_key.private_bytes(serialization.Encoding.PEM,
                                          serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(chain, key)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}", ca_pem
    server.shutdown()
    server.server_close()


def test_untrusted_certificate_is_refused(https_server: tuple[str, Path]) -> None:
    url, _ca = https_server
    calls: list[float] = []
    with PortalClient(url, sleep=calls.append) as client, pytest.raises(E.TlsUntrusted):
        client.support()
    assert calls == []  # not retried


def test_extra_ca_bundle_is_trusted(https_server: tuple[str, Path]) -> None:
    url, ca = https_server
    with PortalClient(url, ca_bundle=ca, sleep=lambda _s: None) as client:
        assert client.support().hotline == "400-112-3838"


@pytest.fixture
def system_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary operating-system trust store: OpenSSL's system paths follow SSL_CERT_FILE
    and SSL_CERT_DIR, which is where an administrator's root lands on Linux."""
    store = tmp_path / "system-store"
    (store / "certs").mkdir(parents=True)
    bundle = store / "ca-certificates.crt"
    bundle.write_text("")
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    monkeypatch.setenv("SSL_CERT_DIR", str(store / "certs"))
    return bundle


def test_a_root_installed_in_the_system_store_is_trusted(
    https_server: tuple[str, Path], system_store: Path
) -> None:
    url, ca = https_server
    with PortalClient(url, sleep=lambda _s: None) as client, pytest.raises(E.TlsUntrusted):
        client.support()  # not in the system store yet
    system_store.write_bytes(ca.read_bytes())  # the administrator installs the company root
    with PortalClient(url, sleep=lambda _s: None) as client:
        assert client.support().hotline == "400-112-3838"
    # Verification stays on: the same trusted root does not vouch for another host name.
    port = url.rsplit(":", 1)[1]
    with PortalClient(f"https://localhost:{port}", sleep=lambda _s: None) as client, \
            pytest.raises(E.TlsUntrusted):
        client.support()
    assert probe_service(url).status == 200  # the environment check's probe trusts it too


def test_context_is_the_system_store_with_certifi_as_fallback(
    https_server: tuple[str, Path], system_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import certifi

    ctx = tls_context()
    assert uses_system_store(ctx)
    assert ctx.verify_mode is ssl.CERT_REQUIRED and ctx.check_hostname
    # A root only certifi's bundle knows is trusted while the system store is empty.
    url, ca = https_server
    monkeypatch.setattr(certifi, "where", lambda: str(ca))
    with PortalClient(url, sleep=lambda _s: None) as client:
        assert client.support().hotline == "400-112-3838"
