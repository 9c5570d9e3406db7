"""A real `outpost-hq` process for tests: initialised in a temporary data folder, serving on
a free 127.0.0.1 port, waited for until /v1/hello answers.

    from tests.hqserver import HqServer, hq_server   # hq_server is a pytest fixture

    def test_something(hq_server: HqServer) -> None:
        code = hq_server.enrol("Kisumu Health Post")
        ... HqClient(hq_server.url) ...
        hq_server.kill(); hq_server.restart()       # same port, same data

    with HqServer.started(tmp_path / "hq", database_url=pg_url) as hq: ...

The server's output goes to `<data_dir>/../hq-<n>.log` (`hq.log_text()`), so a test that fails
can show what the server said (`hq.log_text()` is printed when start-up fails).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest
import requests

ADMIN = "HQ Admin"
ADMIN_PASSWORD = "hq admin password"
HQ_ENV = ("OUTPOST_HQ_DATA_DIR", "OUTPOST_HQ_DATABASE_URL")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class HqServerError(RuntimeError):
    pass


class HqServer:
    """One HQ: its data folder, its port and (while running) its process."""

    def __init__(
        self,
        data_dir: Path,
        *,
        database_url: str | None = None,
        port: int | None = None,
        workers: int = 1,
        env: dict[str, str] | None = None,
        start_timeout: float = 30.0,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.database_url = database_url
        self.port = port or free_port()
        self.workers = workers
        self.extra_env = dict(env or {})
        self.start_timeout = start_timeout
        self.process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self._starts = 0
        self.log_id: str | None = None  # known after init: tells our server from another
        self.log_path = self.data_dir.parent / f"{self.data_dir.name}-hq.log"

    # --- plumbing ---------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in HQ_ENV}
        env["PYTHONUNBUFFERED"] = "1"
        repo = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = repo + os.pathsep + env.get("PYTHONPATH", "")
        env.update(self.extra_env)
        return env

    def _base(self) -> list[str]:
        cmd = [sys.executable, "-m", "sync.server.cli", "--data-dir", str(self.data_dir)]
        return cmd

    def run_cli(
        self, *args: str, input: str | None = None, check: bool = True, timeout: float = 60
    ) -> subprocess.CompletedProcess[str]:
        """`outpost-hq --data-dir DATA ARGS...` (the database comes from the data folder)."""
        done = subprocess.run(
            [*self._base(), *args],
            input=input,
            capture_output=True,
            text=True,
            env=self._env(),
            timeout=timeout,
            check=False,
        )
        if check and done.returncode != 0:
            raise HqServerError(
                f"outpost-hq {' '.join(args)} failed ({done.returncode}): "
                f"{done.stderr.strip() or done.stdout.strip()}"
            )
        return done

    def init(self) -> None:
        args = ["init", "--admin", ADMIN, "--password-stdin"]
        if self.database_url:
            args = ["--database-url", self.database_url, *args]
        out = self.run_cli(*args, input=ADMIN_PASSWORD + "\n").stdout
        found = re.search(r"\(log ([0-9a-f-]{36})\)", out)
        self.log_id = found.group(1) if found else None

    def enrol(self, clinic: str) -> str:
        """A fresh one-time code for `clinic` (created at HQ if new)."""
        out = self.run_cli("enrol", "--clinic", clinic).stdout.strip().splitlines()
        return out[-1].strip()

    def devices(self) -> list[list[str]]:
        """`devices list`, each line split into id, clinic, name, last sync, state."""
        out = self.run_cli("devices", "list").stdout
        return [line.split("\t") for line in out.splitlines() if line.strip()]

    def revoke(self, device_id: str) -> None:
        self.run_cli("devices", "revoke", str(device_id))

    def status_text(self) -> str:
        return self.run_cli("status").stdout

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    # --- the process ------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> None:
        if self.running:
            return
        self._log = open(self.log_path, "ab")  # noqa: SIM115 (kept open while it runs)
        self._starts += 1
        self._log.write(f"\n--- start {self._starts} on port {self.port} ---\n".encode())
        self._log.flush()
        cmd = [
            *self._base(),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            str(self.workers),
        ]
        self.process = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=self._env(),
            start_new_session=True,  # its workers die with it (see kill)
        )
        self._wait_ready()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                self._close_log()
                raise HqServerError(
                    f"outpost-hq exited ({self.process.returncode}) before answering:\n"
                    + self.log_text()[-4000:]
                )
            if self.hello_ok():
                return
            time.sleep(0.05)
        self.kill()
        raise HqServerError(
            f"outpost-hq did not answer within {self.start_timeout} s:\n" + self.log_text()[-4000:]
        )

    def hello_ok(self) -> bool:
        try:
            r = requests.get(self.url + "/v1/hello", headers={"Outpost-Protocol": "1"}, timeout=1)
        except requests.RequestException:
            return False
        if r.status_code != 200:
            return False
        if self.log_id is None:
            return True
        try:
            return bool(r.json().get("log_id") == self.log_id)
        except ValueError:
            return False

    def _signal(self, sig: signal.Signals) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)  # its own session: the server and its workers

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM (uvicorn finishes the requests in flight), then SIGKILL if it lingers."""
        if self.process is None:
            return
        self._signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self._signal(signal.SIGKILL)
            self.process.wait(10)
        self._reap()

    def kill(self) -> None:
        """SIGKILL at once (a crash): whatever was not committed is gone."""
        if self.process is None:
            return
        self._signal(signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(10)
        self._reap()

    def _reap(self) -> None:
        if self.process is not None:
            # Workers of a multi-process server are in the same group: make sure they are gone.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process = None
        self._close_log()

    def _close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def restart(self) -> None:
        """Stopped (if running) and started again: same port, same data."""
        self.stop()
        deadline = time.monotonic() + 10
        while True:
            try:
                self.start()
                return
            except HqServerError:
                if time.monotonic() > deadline:  # the port may linger a moment
                    raise
                time.sleep(0.2)

    # --- lifetime ---------------------------------------------------------------------

    @classmethod
    @contextlib.contextmanager
    def started(
        cls,
        data_dir: Path,
        *,
        database_url: str | None = None,
        workers: int = 1,
        env: dict[str, str] | None = None,
    ) -> Iterator[HqServer]:
        """Initialised, started, and stopped on leaving (even on failure)."""
        server = cls(data_dir, database_url=database_url, workers=workers, env=env)
        server.init()
        try:
            for attempt in range(3):  # a free port can be taken between picking and binding
                try:
                    server.start()
                    break
                except HqServerError:
                    if attempt == 2:
                        raise
                    server.port = free_port()
            yield server
        finally:
            server.stop()

    def __enter__(self) -> HqServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@pytest.fixture
def hq_server(tmp_path: Path) -> Iterator[HqServer]:
    """A running HQ on SQLite in the test's tmp folder."""
    with HqServer.started(tmp_path / "hq") as server:
        yield server
