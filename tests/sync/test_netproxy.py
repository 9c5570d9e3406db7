"""The fault-injecting proxy does what the sync tests rely on it for."""

from __future__ import annotations

import contextlib
import http.client
import http.server
import socket
import threading
from collections.abc import Iterator

import pytest

from tests.netproxy import Faults, NetProxy


class EchoServer:
    """A plain TCP server on 127.0.0.1 that echoes what it reads and records it."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.received: list[bytes] = []  # per connection, all it read
        self.connections = 0
        self.closed = threading.Event()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accept_thread = threading.Thread(target=self._accept, daemon=True)
        self._accept_thread.start()

    def _accept(self) -> None:
        self.listener.settimeout(0.05)
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.connections += 1
                index = len(self.received)
                self.received.append(b"")
            thread = threading.Thread(target=self._serve, args=(conn, index), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket, index: int) -> None:
        conn.settimeout(0.05)
        with conn:
            while not self._stop.is_set():
                try:
                    data = conn.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not data:
                    break
                with self._lock:
                    self.received[index] += data
                try:
                    conn.sendall(data)
                except OSError:
                    break
        self.closed.set()

    def close(self) -> None:
        self._stop.set()
        self.listener.close()
        self._accept_thread.join(5)
        for thread in self._threads:
            thread.join(5)


@pytest.fixture
def echo() -> Iterator[EchoServer]:
    server = EchoServer()
    yield server
    server.close()


@pytest.fixture
def proxy(echo: EchoServer) -> Iterator[NetProxy]:
    with NetProxy(echo.port, seed=7) as p:
        yield p
        threads = p.threads
    assert threads() == []


def connect(proxy: NetProxy, timeout: float = 5.0) -> socket.socket:
    return socket.create_connection(("127.0.0.1", proxy.port), timeout=timeout)


def recv_exactly(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            break
        data += chunk
    return data


def recv_until_closed(sock: socket.socket) -> bytes:
    data = b""
    with contextlib.suppress(ConnectionResetError):
        while chunk := sock.recv(65536):
            data += chunk
    return data


def test_pass_through_forwards_both_ways_and_counts_bytes(proxy: NetProxy) -> None:
    with connect(proxy) as sock:
        sock.sendall(b"hello HQ")
        assert recv_exactly(sock, 8) == b"hello HQ"
    assert proxy.bytes_up == 8
    assert proxy.bytes_down == 8
    assert proxy.accepted == 1
    proxy.reset_counters()
    assert (proxy.bytes_up, proxy.bytes_down) == (0, 0)


def test_delay_holds_bytes_back_each_way(proxy: NetProxy) -> None:
    proxy.set(Faults(delay_up_ms=150, delay_down_ms=150))
    with connect(proxy) as sock:
        sock.sendall(b"ping")
        sock.settimeout(0.02)
        with pytest.raises(TimeoutError):
            sock.recv(10)  # 300 ms round trip: nothing back yet
        sock.settimeout(5)
        assert recv_exactly(sock, 4) == b"ping"


def test_bandwidth_cap_delivers_everything_in_order_but_not_at_once(proxy: NetProxy) -> None:
    payload = bytes(range(256)) * 120  # 30 KiB at 20 KiB/s: over a second
    proxy.set(Faults(rate_down=20 * 1024))
    with connect(proxy) as sock:
        sock.sendall(payload)
        sock.settimeout(0.05)
        got = b""
        with contextlib.suppress(TimeoutError):
            while len(got) < len(payload):
                got += sock.recv(65536)
        assert len(got) < len(payload)  # capped: not all there after the first moments
        sock.settimeout(10)
        got += recv_exactly(sock, len(payload) - len(got))
    assert got == payload


def test_lossy_link_is_seeded_and_loses_no_byte(echo: EchoServer) -> None:
    payload = bytes(range(256)) * 400  # 100 KiB: 71 segments each way
    lost = []
    for _ in range(2):
        with NetProxy(echo.port, seed=11) as proxy:
            proxy.set(Faults(loss=0.1, loss_delay_ms=(5.0, 20.0)))
            with connect(proxy) as sock:
                sock.sendall(payload)
                assert recv_exactly(sock, len(payload)) == payload
            assert proxy.bytes_up == proxy.bytes_down == len(payload)
            lost.append(proxy.segments_lost)
    assert lost[0] == lost[1]  # the same seed and traffic: the same segments lost
    assert 0 < lost[0] < 142


def test_cut_after_n_request_bytes_gives_the_server_exactly_those(
    proxy: NetProxy, echo: EchoServer
) -> None:
    proxy.set(cut_up_after=1000)
    with connect(proxy) as sock:
        with contextlib.suppress(OSError):
            sock.sendall(b"x" * 5000)
        received = recv_until_closed(sock)
    assert echo.closed.wait(5)
    assert echo.received == [b"x" * 1000]
    assert len(received) <= 1000


def test_cut_after_zero_reply_bytes_lets_the_server_answer_but_the_client_gets_nothing(
    echo: EchoServer,
) -> None:
    handled: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            handled.append(body.decode())
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        with NetProxy(server.server_address[1]) as proxy:
            proxy.next(1, Faults(cut_down_after=0))
            conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=5)
            with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
                conn.request("POST", "/v1/push", body=b"batch-1")
                conn.getresponse()
            conn.close()
            assert handled == ["batch-1"]  # the server did the work: only the reply was lost
            # the rule was for one connection: the retry goes through
            conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=5)
            conn.request("POST", "/v1/push", body=b"batch-1")
            assert conn.getresponse().read() == b"ok"
            conn.close()
            assert handled == ["batch-1", "batch-1"]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_cut_after_n_reply_bytes_delivers_exactly_those(proxy: NetProxy) -> None:
    proxy.set(Faults(cut_down_after=300, reset=False))
    with connect(proxy) as sock:
        sock.sendall(b"y" * 1000)
        assert recv_until_closed(sock) == b"y" * 300


def test_blackhole_accepts_and_reads_but_never_answers(proxy: NetProxy, echo: EchoServer) -> None:
    proxy.set(blackhole=True)
    with connect(proxy) as sock:
        sock.sendall(b"anyone there?")
        sock.settimeout(0.2)
        with pytest.raises(TimeoutError):
            sock.recv(10)
    assert echo.connections == 0
    assert proxy.bytes_down == 0


def test_refuse_stops_listening_and_listen_comes_back_on_the_same_port(
    proxy: NetProxy,
) -> None:
    port = proxy.port
    proxy.refuse()
    with pytest.raises(ConnectionRefusedError):
        connect(proxy)
    proxy.listen()
    assert proxy.port == port
    with connect(proxy) as sock:
        sock.sendall(b"back")
        assert recv_exactly(sock, 4) == b"back"


def test_rules_for_the_next_k_connections_then_pass_through(proxy: NetProxy) -> None:
    proxy.next(2, Faults(cut_down_after=0))
    for _ in range(2):
        with connect(proxy) as sock:
            sock.sendall(b"lost")
            assert recv_until_closed(sock) == b""
    with connect(proxy) as sock:
        sock.sendall(b"fine")
        assert recv_exactly(sock, 4) == b"fine"


def test_set_changes_an_open_connection(proxy: NetProxy) -> None:
    with connect(proxy) as sock:
        sock.sendall(b"one")
        assert recv_exactly(sock, 3) == b"one"
        proxy.set(cut_down_after=3)  # this connection has already sent 3 bytes back
        sock.sendall(b"two")
        assert recv_until_closed(sock) == b""


def test_cut_all_drops_open_connections(proxy: NetProxy) -> None:
    with connect(proxy) as sock:
        sock.sendall(b"a")
        assert recv_exactly(sock, 1) == b"a"
        proxy.cut_all()
        assert recv_until_closed(sock) == b""


def test_a_target_that_refuses_resets_the_client(proxy: NetProxy) -> None:
    free = socket.socket()
    free.bind(("127.0.0.1", 0))
    port = free.getsockname()[1]
    free.close()
    proxy.retarget(port)
    with contextlib.suppress(BrokenPipeError), connect(proxy) as sock:
        assert recv_until_closed(sock) == b""


def test_retarget_sends_new_connections_elsewhere(proxy: NetProxy) -> None:
    other = EchoServer()
    try:
        proxy.retarget(other.port)
        with connect(proxy) as sock:
            sock.sendall(b"moved")
            assert recv_exactly(sock, 5) == b"moved"
        assert other.connections == 1
    finally:
        other.close()


def test_close_joins_every_thread_even_with_connections_open(echo: EchoServer) -> None:
    proxy = NetProxy(echo.port)
    proxy.set(delay_down_ms=10_000)
    socks = [connect(proxy) for _ in range(3)]
    for sock in socks:
        sock.sendall(b"waiting")
    proxy.close()
    assert proxy.threads() == []
    assert not [t for t in threading.enumerate() if t.name.startswith("netproxy")]
    for sock in socks:
        sock.close()
