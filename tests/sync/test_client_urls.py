"""Which addresses the client talks to, and TLS: plain http:// only to this machine, refused
before any connection; certificates verified, a clinic's own CA pinned with ca_file."""

from __future__ import annotations

import datetime
import http.server
import ipaddress
import json
import ssl
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import requests.adapters
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from sync.client import HqClient, HqUnreachable, InsecureUrl, check_url, is_loopback


class NoNetwork(requests.adapters.BaseAdapter):
    """A transport adapter that fails the test if anything is sent."""

    def __init__(self) -> None:
        super().__init__()
        self.sent = 0

    def send(self, request: Any, *args: Any, **kwargs: Any) -> requests.Response:
        self.sent += 1
        raise AssertionError(f"a request was sent to {request.url}")

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    ("url", "normalised"),
    [
        ("http://127.0.0.1:8470/", "http://127.0.0.1:8470"),
        ("http://127.4.5.6:8470", "http://127.4.5.6:8470"),
        ("http://localhost:8470//", "http://localhost:8470"),
        ("HTTP://LocalHost", "http://localhost"),
        ("http://[::1]:8470", "http://[::1]:8470"),
        ("https://HQ.Example.org/outpost/", "https://hq.example.org/outpost"),
        ("  https://10.0.0.5:8443  ", "https://10.0.0.5:8443"),
    ],
)
def test_https_anywhere_and_plain_http_to_loopback_are_accepted(url: str, normalised: str) -> None:
    assert check_url(url) == normalised


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.5:8470",
        "http://hq.example.org",
        "http://127.0.0.1.nip.io",
        "http://localhost.example.org",
        "http://[::ffff:10.0.0.1]",
        "http://0.0.0.0:8470",
        "ftp://hq.example.org",
        "file:///etc/passwd",
        "hq.example.org",
        "https://",
        "https://admin:secret@hq.example.org",
        "https://hq.example.org/?next=evil",
        "https://hq.example.org:notaport",
        "",
    ],
)
def test_other_addresses_are_refused_before_any_connection(url: str) -> None:
    session = requests.Session()
    adapter = NoNetwork()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    with pytest.raises(InsecureUrl) as caught:
        HqClient(url, session=session)
    assert adapter.sent == 0
    assert caught.value.message
    session.close()


def test_plain_http_beyond_this_machine_says_to_use_https() -> None:
    with pytest.raises(InsecureUrl, match=r"https://hq\.example\.org:8470"):
        check_url("http://hq.example.org:8470")


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.255.255.254", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("localhost", True),
        ("LOCALHOST.", True),
        ("128.0.0.1", False),
        ("::2", False),
        ("localhost.localdomain", False),
        ("example.org", False),
    ],
)
def test_loopback_means_127_slash_8_and_colon_colon_1(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


# --- TLS ---------------------------------------------------------------------------------


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_ca(directory: Path, name: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(name))
        .issuer_name(_name(name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    (directory / f"{name}.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key, cert


def make_server_cert(
    directory: Path, ca_key: ec.EllipticCurvePrivateKey, ca: x509.Certificate
) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("hq.clinic.test"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    cert_path = directory / "server.pem"
    key_path = directory / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class Hello(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        body = json.dumps(
            {
                "protocol_min": 1,
                "protocol_max": 1,
                "server_time_ms": int(time.time() * 1000),
                "log_id": "6f0f3c1e-7d7a-4c53-9c4c-1f2d9f1d0a11",
                "encodings": ["zstd", "gzip"],
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class TlsServer(http.server.ThreadingHTTPServer):
    def __init__(self, cert: Path, key: Path) -> None:
        super().__init__(("127.0.0.1", 0), Hello)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.context = context
        self.handshakes_failed = 0

    def get_request(self) -> tuple[Any, Any]:
        sock, address = self.socket.accept()
        return self.context.wrap_socket(
            sock, server_side=True, do_handshake_on_connect=False
        ), address

    def finish_request(self, request: Any, client_address: Any) -> None:
        try:
            request.do_handshake()
        except (ssl.SSLError, OSError):
            self.handshakes_failed += 1
            return
        super().finish_request(request, client_address)

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture
def tls(tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    ca_key, ca = make_ca(tmp_path, "clinic-ca")
    make_ca(tmp_path, "other-ca")
    cert, key = make_server_cert(tmp_path, ca_key, ca)
    server = TlsServer(cert, key)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,))
    thread.start()
    try:
        yield (
            f"https://127.0.0.1:{server.server_address[1]}",
            tmp_path / "clinic-ca.pem",
            (tmp_path / "other-ca.pem"),
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def test_a_certificate_from_the_pinned_clinic_ca_is_accepted(
    tls: tuple[str, Path, Path],
) -> None:
    url, clinic_ca, _ = tls
    with HqClient(url, ca_file=str(clinic_ca)) as client:
        assert client.hello().protocol_max == 1


@pytest.mark.parametrize("pin", ["none", "other"])
def test_a_certificate_that_cannot_be_verified_is_refused_without_retrying(
    pin: str, tls: tuple[str, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, _, other_ca = tls
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    ca_file = str(other_ca) if pin == "other" else None
    with HqClient(url, ca_file=ca_file, backoff=0.001) as client:
        slept: list[float] = []
        client.transport.sleep = slept.append
        with pytest.raises(HqUnreachable, match="certificate could not be verified") as caught:
            client.hello()
    assert caught.value.reason == "its certificate could not be verified"
    assert slept == []
