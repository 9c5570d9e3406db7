"""`outpost sync enrol --ca-file` against a real `outpost-hq` reached over TLS on 127.0.0.1.

HQ itself speaks plain HTTP (in the field TLS ends at a reverse proxy), so a small TLS front
here stands for that proxy: it holds a certificate from a throwaway clinic CA made with the
`cryptography` package and forwards the decrypted bytes to HQ. With the CA file the laptop
enrols (and its next sync still trusts the CA, which it remembered); without it, or with
another CA, it refuses in one line that says what to do, and nothing is saved."""

from __future__ import annotations

import select
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.hostile import CLINIC, PASSWORD, Ran, assert_one_clear_line, make_clinic, run_outpost
from tests.hqserver import HqServer, hq_server

# The throwaway CA and a server certificate for 127.0.0.1 signed by it.
from tests.sync.test_client_urls import make_ca, make_server_cert

__all__ = ["hq_server"]  # the fixture


class TlsFront:
    """Accepts TLS on 127.0.0.1 (a free port) and forwards each connection to `target_port`
    in clear, both ways, until either side closes. `handshakes_failed` counts the clients that
    refused the certificate."""

    def __init__(self, cert: Path, key: Path, target_port: int) -> None:
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert, key)
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.url = f"https://127.0.0.1:{self.port}"
        self.handshakes_failed = 0
        self.handshakes_done = 0
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                raw, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(raw,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, raw: socket.socket) -> None:
        raw.settimeout(10)
        try:
            tls = self.context.wrap_socket(raw, server_side=True)
        except (ssl.SSLError, OSError):
            self.handshakes_failed += 1
            raw.close()
            return
        self.handshakes_done += 1
        with tls, socket.create_connection(("127.0.0.1", self.target_port), timeout=10) as hq:
            tls.setblocking(False)
            hq.setblocking(False)
            while not self._stop.is_set():
                # bytes already decrypted inside the TLS object are not seen by select
                ready = [tls] if tls.pending() else select.select([tls, hq], [], [], 0.1)[0]
                try:
                    for source in ready:
                        data = source.recv(65536)
                        if not data:
                            return
                        (hq if source is tls else tls).setblocking(True)
                        (hq if source is tls else tls).sendall(data)
                        (hq if source is tls else tls).setblocking(False)
                except (ssl.SSLWantReadError, BlockingIOError):
                    continue
                except OSError:
                    return

    def close(self) -> None:
        self._stop.set()
        self.listener.close()
        self._accepting.join(5)
        for thread in self._threads:
            thread.join(5)


@pytest.fixture
def tls_hq(tmp_path: Path, hq_server: HqServer) -> Iterator[tuple[TlsFront, Path, Path]]:
    """HQ behind TLS: (the front, the clinic CA's file, another CA's file)."""
    ca_key, ca = make_ca(tmp_path, "clinic-ca")
    make_ca(tmp_path, "other-ca")
    cert, key = make_server_cert(tmp_path, ca_key, ca)
    front = TlsFront(cert, key, hq_server.port)
    try:
        yield front, tmp_path / "clinic-ca.pem", tmp_path / "other-ca.pem"
    finally:
        front.close()


@pytest.fixture
def no_ca_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # requests would trust a bundle named here instead of the system's; the laptop has none.
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"):
        monkeypatch.delenv(name, raising=False)


def wait_for(condition: Callable[[], bool], seconds: float = 5.0) -> bool:
    """The front's thread counts a refused handshake a moment after the client gave up."""
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            return False
        time.sleep(0.02)
    return True


def outpost(data: Path, *args: str) -> Ran:
    return run_outpost(data, *args, stdin=PASSWORD + "\n")


def test_enrol_with_the_clinic_ca_file_joins_over_tls_and_the_next_sync_trusts_it(
    tmp_path: Path, hq_server: HqServer, tls_hq: tuple[TlsFront, Path, Path]
) -> None:
    front, clinic_ca, _ = tls_hq
    data = make_clinic(tmp_path / "a")
    ran = outpost(
        data, "sync", "enrol", front.url, hq_server.enrol(CLINIC), "--ca-file", str(clinic_ca)
    )
    assert ran.code == 0, ran.err
    assert f"joined to HQ at {front.url} as {CLINIC}" in ran.out
    assert front.handshakes_done >= 1 and front.handshakes_failed == 0
    synced = outpost(data, "sync")  # no --ca-file now: the laptop kept it
    assert synced.code == 0, synced.err
    assert synced.out.startswith("Synced with HQ:"), synced.out
    assert front.handshakes_failed == 0


@pytest.mark.usefixtures("no_ca_from_environment")
@pytest.mark.parametrize("pin", ["no_ca_file", "another_ca"])
def test_enrol_without_the_clinic_ca_refuses_in_one_line_and_saves_nothing(
    tmp_path: Path, hq_server: HqServer, tls_hq: tuple[TlsFront, Path, Path], pin: str
) -> None:
    front, _, other_ca = tls_hq
    data = make_clinic(tmp_path / "a")
    code = hq_server.enrol(CLINIC)
    extra = ["--ca-file", str(other_ca)] if pin == "another_ca" else []
    ran = outpost(data, "sync", "enrol", front.url, code, *extra)
    assert_one_clear_line(ran, says="certificate could not be verified")
    assert "--ca-file" in ran.err  # what to do about it
    assert wait_for(lambda: front.handshakes_failed >= 1) and front.handshakes_done == 0
    status = outpost(data, "sync", "status")
    assert status.code == 0, status.err
    assert front.url not in status.out  # not joined
    # The code was never spent: with the right CA file it still joins.
    again = outpost(data, "sync", "enrol", front.url, code, "--ca-file", str(tls_hq[1]))
    assert again.code == 0, again.err
