"""A fault-injecting TCP proxy for the sync tests (the kernel here has no netem).

It listens on 127.0.0.1 (a free port) in front of a target port and forwards bytes both
ways, doing to them what a test asks while it runs:

    with NetProxy(hq_port) as proxy:
        client = HqClient(proxy.url)                 # http://127.0.0.1:<proxy.port>
        proxy.set(Faults.link(rtt_ms=300, rate=8000, loss=0.02))   # every connection, live
        proxy.next(1, Faults(cut_down_after=0))      # the next connection only: reply lost
        proxy.refuse(); proxy.listen()               # connection refused, then back
        proxy.cut_all()                              # drop every open connection now
        proxy.bytes_up, proxy.bytes_down             # bytes forwarded each way

Directions: "up" is client → server (the request), "down" is server → client (the reply).
`Faults` (all optional, combined):
    delay_up_ms / delay_down_ms   one-way latency of each direction (a pipeline: bytes keep
                                  flowing, each arrives that much later)
    rate_up / rate_down           bandwidth cap, bytes per second, per connection and
                                  direction (bytes are sent in 1460-byte segments)
    cut_up_after=N                forward N bytes of the request, then drop the connection
                                  (a cut mid-upload)
    cut_down_after=N              forward N bytes of the reply, then drop the connection;
                                  N=0: the server got the whole request and answered, the
                                  client gets nothing ("server committed, reply lost")
    blackhole                     accept and read, never forward, never answer (a dead link)
    loss, loss_delay_ms           this fraction of segments is delayed by an RTO-like extra
                                  delay drawn from the range (a lost segment retransmitted),
                                  holding back what follows it; drawn from `seed` per
                                  segment of each connection's stream (reproducible);
                                  `segments_lost` counts them
    reset                         cuts send RST (default) rather than FIN

`set(faults)` changes what applies to every connection that has no rules of its own,
including open ones (checked at each chunk). `next(k, faults)` gives the next k accepted
connections their own fixed rules (queued calls apply in order). `refuse()` stops
listening (connections are refused, open ones stay); `listen()` listens again on the same
port. `retarget(port)` sends new connections elsewhere (HQ moved). A connection the target
refuses is reset. `close()` (or leaving the `with`) stops everything and joins every
thread it started; `threads()` lists the ones still alive (none after close).
"""

from __future__ import annotations

import contextlib
import queue
import random
import select
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from types import TracebackType

SEGMENT = 1460  # bytes: a TCP segment on an Ethernet link
WINDOW = 64  # segments queued per direction before the proxy stops reading (backpressure)
POLL = 0.05  # seconds: how often a blocked thread looks at the stop flag


@dataclass(frozen=True)
class Faults:
    delay_up_ms: float = 0.0
    delay_down_ms: float = 0.0
    rate_up: float | None = None  # bytes per second
    rate_down: float | None = None
    cut_up_after: int | None = None
    cut_down_after: int | None = None
    blackhole: bool = False
    loss: float = 0.0  # fraction of segments delayed as lost
    loss_delay_ms: tuple[float, float] = (200.0, 400.0)
    reset: bool = True

    @classmethod
    def link(cls, *, rtt_ms: float = 0.0, rate: float | None = None, loss: float = 0.0) -> Faults:
        """A symmetric link: `rtt_ms` round trip (half each way), `rate` bytes/s each way,
        `loss` fraction of segments delayed as lost."""
        half = rtt_ms / 2.0
        return cls(delay_up_ms=half, delay_down_ms=half, rate_up=rate, rate_down=rate, loss=loss)


_EOF = "eof"  # the source closed its side
_CUT = "cut"  # drop the connection here
_Item = tuple[float, bytes] | str  # (when to deliver, bytes) or one of the two above


class _Connection:
    def __init__(
        self, proxy: NetProxy, client: socket.socket, own: Faults | None, index: int
    ) -> None:
        self.proxy = proxy
        self.index = index  # the how-manieth connection of the proxy (0 first)
        self.client = client
        self.server: socket.socket | None = None
        self.own = own
        self.dead = threading.Event()
        self.threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._closed = False
        self._running = 0

    def faults(self) -> Faults:
        return self.own if self.own is not None else self.proxy.faults

    def start(self, target: tuple[str, int]) -> None:
        # Connecting to the target happens on the connection's own thread: a slow target
        # never holds up the proxy's accepting.
        self._spawn(self._start, target)

    def _exited(self) -> None:
        with self._lock:
            self._running -= 1
            last = self._running == 0
        if last:
            self.close()

    def _start(self, target: tuple[str, int]) -> None:
        if self.faults().blackhole:
            self._spawn(self._swallow)
            return
        try:
            self.server = socket.create_connection(target, timeout=5.0)
        except OSError:
            self.cut(reset=True)
            return
        self.server.settimeout(None)
        self.server.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        up: queue.Queue[_Item] = queue.Queue(WINDOW)
        down: queue.Queue[_Item] = queue.Queue(WINDOW)
        self._spawn(self._read, self.client, up, "up")
        self._spawn(self._write, up, self.server, "up")
        self._spawn(self._read, self.server, down, "down")
        self._spawn(self._write, down, self.client, "down")

    def _spawn(self, target: Callable[..., None], *args: object) -> None:
        def run() -> None:
            try:
                target(*args)
            except Exception:  # a peer gone (reset, broken pipe...): drop the other side
                self.cut(reset=True)
            finally:
                self._exited()

        thread = threading.Thread(target=run, name="netproxy-conn", daemon=True)
        with self._lock:
            self._running += 1
        self.threads.append(thread)
        self.proxy._track(thread)
        thread.start()

    def _readable(self, sock: socket.socket) -> bool:
        while not self.dead.is_set() and not self.proxy._stopping.is_set():
            try:
                ready, _, _ = select.select([sock], [], [], POLL)
            except (OSError, ValueError):
                return False
            if ready:
                return True
        return False

    def _swallow(self) -> None:
        while self._readable(self.client):
            data = self.client.recv(65536)
            if not data:
                return
            with self.proxy._lock:
                self.proxy.bytes_swallowed += len(data)

    def _put(self, q: queue.Queue[_Item], item: _Item) -> bool:
        while not self.dead.is_set() and not self.proxy._stopping.is_set():
            try:
                q.put(item, timeout=POLL)
                return True
            except queue.Full:
                continue
        return False

    def _read(self, source: socket.socket, q: queue.Queue[_Item], direction: str) -> None:
        received = 0  # bytes of this direction so far (segments are counted from the start)
        link_free = 0.0  # when the shaped link has sent what it was given
        last_due = 0.0
        # Loss is drawn per segment of the stream, from a generator of this connection and
        # direction: the same traffic loses the same segments, however recv() splits it.
        rng = random.Random(f"{self.proxy.seed}:{self.index}:{direction}")
        segment = -1  # the stream segment whose fate was drawn last
        segment_extra = 0.0
        while self._readable(source):
            data = source.recv(65536)
            if not data:
                self._put(q, _EOF)
                return
            faults = self.faults()
            cut_after = faults.cut_up_after if direction == "up" else faults.cut_down_after
            cut = False
            if cut_after is not None and received + len(data) > cut_after:
                data = data[: max(0, cut_after - received)]
                cut = True
            start = received
            received += len(data)
            delay = (faults.delay_up_ms if direction == "up" else faults.delay_down_ms) / 1e3
            rate = faults.rate_up if direction == "up" else faults.rate_down
            shaped = rate is not None or faults.loss > 0
            pieces: list[tuple[int, bytes]] = []  # (stream offset, bytes)
            if shaped:  # cut on the stream's segment boundaries
                at = 0
                while at < len(data):
                    size = SEGMENT - (start + at) % SEGMENT
                    pieces.append((start + at, data[at : at + size]))
                    at += size
            elif data:
                pieces.append((start, data))
            now = time.monotonic()
            for offset, piece in pieces:
                sent = now
                if rate is not None:
                    link_free = max(now, link_free) + len(piece) / rate
                    sent = link_free
                due = sent + delay
                if faults.loss > 0:
                    if offset // SEGMENT != segment:
                        segment = offset // SEGMENT
                        lost = rng.random() < faults.loss
                        extra = rng.uniform(*faults.loss_delay_ms) / 1e3
                        segment_extra = extra if lost else 0.0
                        if lost:
                            with self.proxy._lock:
                                self.proxy.segments_lost += 1
                    due += segment_extra
                due = max(due, last_due)  # TCP delivers in order: a lost segment holds back
                last_due = due
                if not self._put(q, (due, piece)):
                    return
            if cut:
                self._put(q, _CUT)
                return

    def _write(self, q: queue.Queue[_Item], dest: socket.socket, direction: str) -> None:
        while not self.dead.is_set() and not self.proxy._stopping.is_set():
            try:
                item = q.get(timeout=POLL)
            except queue.Empty:
                continue
            if item == _EOF:
                with contextlib.suppress(OSError):
                    dest.shutdown(socket.SHUT_WR)
                return
            if item == _CUT:
                self.cut(reset=self.faults().reset)
                return
            assert not isinstance(item, str)
            due, piece = item
            wait = due - time.monotonic()
            if wait > 0 and (self.dead.wait(wait) or self.proxy._stopping.is_set()):
                return
            with self.proxy._lock:  # counted as handed over (before the peer can see it)
                if direction == "up":
                    self.proxy.bytes_up += len(piece)
                else:
                    self.proxy.bytes_down += len(piece)
            dest.sendall(piece)

    def cut(self, *, reset: bool = True) -> None:
        """Drop the connection both ways (RST when `reset`), waking its threads."""
        self.dead.set()
        for sock in (self.client, self.server):
            if sock is None:
                continue
            with contextlib.suppress(OSError):
                if reset:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                sock.shutdown(socket.SHUT_RDWR)
        with self._lock:
            idle = self._running == 0
        if idle:
            self.close()

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
        for sock in (self.client, self.server):
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.close()
        self.proxy._forget(self)


class NetProxy:
    def __init__(self, target_port: int, *, target_host: str = "127.0.0.1", seed: int = 0):
        self.target: tuple[str, int] = (target_host, target_port)
        self.faults = Faults()
        self.bytes_up = 0
        self.bytes_down = 0
        self.bytes_swallowed = 0  # read by a blackhole, never forwarded
        self.accepted = 0
        self._queued: list[list[object]] = []  # [remaining, Faults] for the next connections
        self.seed = seed
        self.segments_lost = 0  # segments delayed as lost (Faults.loss)
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._connections: set[_Connection] = set()
        self._threads: list[threading.Thread] = []
        self._listener: socket.socket | None = None
        self._acceptor: threading.Thread | None = None
        self._listener_stop = threading.Event()
        self.port = 0
        self.listen()

    # -- the test's controls -------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set(self, faults: Faults | None = None, **changes: object) -> None:
        """Rules for every connection without its own (open ones included): `faults`, or
        the current rules with `changes` (field=value) applied."""
        base = faults if faults is not None else self.faults
        self.faults = replace(base, **changes)  # type: ignore[arg-type]

    def clear(self) -> None:
        """Back to a plain pass-through (queued rules dropped too)."""
        with self._lock:
            self._queued.clear()
        self.faults = Faults()

    def next(self, k: int, faults: Faults) -> None:
        """`faults` for the next `k` connections accepted (after those queued before)."""
        if k > 0:
            with self._lock:
                self._queued.append([k, faults])

    def reset_counters(self) -> None:
        with self._lock:
            self.bytes_up = self.bytes_down = self.bytes_swallowed = 0
            self.segments_lost = 0

    def retarget(self, port: int, host: str = "127.0.0.1") -> None:
        self.target = (host, port)

    def cut_all(self, *, reset: bool = True) -> None:
        for connection in self.connections():
            connection.cut(reset=reset)

    def connections(self) -> list[_Connection]:
        with self._lock:
            return list(self._connections)

    def refuse(self) -> None:
        """Stop listening: new connections are refused; open ones go on."""
        listener, acceptor = self._listener, self._acceptor
        self._listener = self._acceptor = None
        self._listener_stop.set()
        if acceptor is not None:
            acceptor.join(5.0)
        if listener is not None:
            listener.close()

    def listen(self) -> None:
        """Listen (again) on the proxy's port."""
        if self._listener is not None:
            return
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._listener_stop = threading.Event()
        stop = self._listener_stop
        self._acceptor = threading.Thread(
            target=self._accept, args=(listener, stop), name="netproxy-accept", daemon=True
        )
        self._track(self._acceptor)
        self._acceptor.start()

    def threads(self) -> list[threading.Thread]:
        """Threads this proxy started that are still alive."""
        with self._lock:
            return [t for t in self._threads if t.is_alive()]

    def close(self) -> None:
        self._stopping.set()
        self.refuse()
        for connection in self.connections():
            connection.cut(reset=True)
        deadline = time.monotonic() + 10.0
        for thread in list(self._threads):
            thread.join(max(0.0, deadline - time.monotonic()))
        for connection in self.connections():
            connection.close()

    def __enter__(self) -> NetProxy:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- inside --------------------------------------------------------------------------

    def _track(self, thread: threading.Thread) -> None:
        with self._lock:
            self._threads = [t for t in self._threads if t.is_alive() or not t.ident]
            self._threads.append(thread)

    def _forget(self, connection: _Connection) -> None:
        with self._lock:
            self._connections.discard(connection)

    def _own_faults(self) -> Faults | None:
        with self._lock:
            while self._queued:
                entry = self._queued[0]
                remaining, faults = entry
                assert isinstance(remaining, int) and isinstance(faults, Faults)
                if remaining <= 0:
                    self._queued.pop(0)
                    continue
                entry[0] = remaining - 1
                if remaining - 1 == 0:
                    self._queued.pop(0)
                return faults
        return None

    def _accept(self, listener: socket.socket, stop: threading.Event) -> None:
        while not stop.is_set() and not self._stopping.is_set():
            try:
                ready, _, _ = select.select([listener], [], [], POLL)
                if not ready:
                    continue
                client, _ = listener.accept()
            except OSError:
                return
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                index = self.accepted
                self.accepted += 1
            connection = _Connection(self, client, self._own_faults(), index)
            with self._lock:
                self._connections.add(connection)
            connection.start(self.target)
