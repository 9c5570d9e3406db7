"""A throwaway PostgreSQL cluster for one test session.

`pg_cluster` (session-scoped) starts a private cluster: its own folder under the temporary
directory, listening only on 127.0.0.1 on a free port and on a private unix-socket folder,
fsync off (test data is thrown away), trust authentication for the superuser `postgres`,
and `max_connections` high enough for the 200-device benchmark. `pg_database` gives a test
a fresh, empty database of its own (its URL).

PostgreSQL refuses to run as root. As root, the cluster runs as an unprivileged system user
(`outpost-pg`, created with `useradd --system` when missing) through `runuser -u USER --`,
and the cluster folder belongs to that user. As anyone else it runs as the current user.

The binaries are found through `pg_config --bindir`, /usr/lib/postgresql/*/bin (Debian) or
PATH. When they are missing the tests are skipped with the reason, except under CI (the
environment variable CI set), where they fail: CI installs Debian's postgresql and must
really run them.

The cluster is stopped (`pg_ctl stop -m immediate`) and its folder removed at the end of
the session, at interpreter exit if the fixture's finaliser never ran, and by a small
watchdog process if the test process is killed outright.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PG_USER = "outpost-pg"  # the unprivileged account the cluster runs as when we are root
SUPERUSER = "postgres"  # the cluster's database superuser (trust auth, loopback only)
MAX_CONNECTIONS = 300  # 200 simulated devices against 4 HQ workers, with room to spare
START_ATTEMPTS = 5  # a free port can be taken between our probe and the postmaster's bind

_names = itertools.count(1)


class PgUnavailable(Exception):
    """PostgreSQL cannot be started here (binaries or a way to drop root are missing)."""


def find_bindir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, newest version first, or None."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=30, check=True
            ).stdout.strip()
            if out:
                candidates.append(Path(out))

    def version(path: str) -> tuple[int, ...]:
        name = Path(path).parent.name
        return tuple(int(part) for part in name.split(".") if part.isdigit())

    candidates += [
        Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)
    ]
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).resolve().parent)
    for bindir in candidates:
        if all((bindir / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return bindir
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ensure_pg_user() -> pwd.struct_passwd:
    """The unprivileged system user for the cluster, created when missing (we are root)."""
    try:
        return pwd.getpwnam(PG_USER)
    except KeyError:
        pass
    useradd = shutil.which("useradd") or "/usr/sbin/useradd"
    result = subprocess.run(
        [useradd, "--system", "--user-group", "--no-create-home",
         "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", PG_USER],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    try:
        return pwd.getpwnam(PG_USER)  # another session may have created it meanwhile (exit 9)
    except KeyError:
        raise PgUnavailable(
            f"cannot create the system user {PG_USER} for PostgreSQL: {result.stderr.strip()}"
        ) from None


@dataclass
class PgCluster:
    """A running private cluster. `url(db)` is a libpq URL for database `db`."""

    bindir: Path
    base: Path  # the folder holding everything: data/, sockets/, server.log
    port: int
    run_as: str | None  # the user the server runs as when we are root, else None
    host: str = "127.0.0.1"
    _watchdog: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    _stopped: bool = field(default=False, repr=False)

    @property
    def data_dir(self) -> Path:
        return self.base / "data"

    @property
    def socket_dir(self) -> Path:
        return self.base / "sockets"

    @property
    def log_file(self) -> Path:
        return self.base / "server.log"

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@{self.host}:{self.port}/{dbname}"

    def create_database(self, name: str | None = None) -> str:
        """Create an empty database (a fresh name when none is given); its URL."""
        import psycopg
        from psycopg import sql

        name = name or f"t{os.getpid()}_{next(_names)}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name))
            )
        return self.url(name)

    def drop_database(self, name: str) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_file.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """Stop the server at once (no checkpoint: the data is thrown away) and remove it."""
        if self._stopped:
            return
        self._stopped = True
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            _run(
                self, [str(self.bindir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate",
                       "-w", "-t", "60", "stop"], check=False,
            )  # fmt: skip
        if self._watchdog is not None:
            _end_watchdog(self._watchdog)
        shutil.rmtree(self.base, ignore_errors=True)


def _command(cluster_or_user: PgCluster | str | None, argv: list[str]) -> list[str]:
    user = cluster_or_user.run_as if isinstance(cluster_or_user, PgCluster) else cluster_or_user
    if user is None:
        return argv
    runuser = shutil.which("runuser") or "/usr/sbin/runuser"
    return [runuser, "-u", user, "--", *argv]


def _run(
    who: PgCluster | str | None, argv: list[str], *, check: bool = True, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}  # no stray PGHOST...
    env["LC_ALL"] = "C"
    return subprocess.run(
        _command(who, argv),
        capture_output=True,
        text=True,
        timeout=120,
        check=check,
        cwd=str(cwd) if cwd else "/",  # the server user may not be able to enter our cwd
        env=env,
        stdin=subprocess.DEVNULL,
    )


# The watchdog: waits for the test process to go (the watchdog is then adopted by another
# parent: no race with a reused pid or a zombie), then stops the cluster and removes its
# folder. It starts before initdb, so a crash while the cluster starts is cleaned up too.
# It runs in its own session so that a Ctrl-C to pytest's process group leaves it to do
# its work after pytest's own clean-up had its chance.
_WATCHDOG = r"""
import os, shutil, subprocess, sys, time
parent, pg_ctl, data, base, runas = sys.argv[1:6]
while os.getppid() == int(parent):
    time.sleep(0.5)
if os.path.exists(os.path.join(data, "postmaster.pid")):
    cmd = [pg_ctl, "-D", data, "-m", "immediate", "-w", "-t", "60", "stop"]
    if runas:
        cmd = ["runuser", "-u", runas, "--"] + cmd
    subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, cwd="/", check=False)
shutil.rmtree(base, ignore_errors=True)
"""


def start_cluster() -> PgCluster:
    """Start a private cluster (raises PgUnavailable when PostgreSQL cannot run here)."""
    bindir = find_bindir()
    if bindir is None:
        raise PgUnavailable(
            "PostgreSQL binaries (initdb, pg_ctl, postgres) not found: install Debian's "
            "postgresql package (bash installer/bootstrap.sh --test does)"
        )
    run_as: str | None = None
    owner: pwd.struct_passwd | None = None
    if os.geteuid() == 0:
        if not (shutil.which("runuser") or Path("/usr/sbin/runuser").exists()):
            raise PgUnavailable("running as root and runuser is missing: cannot drop root")
        owner = _ensure_pg_user()
        run_as = owner.pw_name
        # Somewhere the server user can reach: a root-only TMPDIR (pytest's) would not do.
        parent = "/tmp" if Path("/tmp").is_dir() else tempfile.gettempdir()
    else:
        parent = tempfile.gettempdir()
    base = Path(tempfile.mkdtemp(prefix="outpost-pg-", dir=parent))
    watchdog = subprocess.Popen(
        [sys.executable, "-c", _WATCHDOG, str(os.getpid()), str(bindir / "pg_ctl"),
         str(base / "data"), str(base), run_as or ""],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True, cwd="/",
    )  # fmt: skip
    try:
        base.chmod(0o700)
        (base / "sockets").mkdir(mode=0o700)
        if owner is not None:
            for path in (base, base / "sockets"):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        init = _run(
            run_as,
            [str(bindir / "initdb"), "-D", str(base / "data"), "-U", SUPERUSER, "--auth=trust",
             "--encoding=UTF8", "--locale=C", "--no-sync"],
            check=False,
        )  # fmt: skip
        if init.returncode != 0:
            raise PgUnavailable(f"initdb failed: {(init.stderr or init.stdout).strip()}")
        cluster = _start_on_a_free_port(bindir, base, run_as)
    except BaseException:
        _end_watchdog(watchdog)
        shutil.rmtree(base, ignore_errors=True)
        raise
    cluster._watchdog = watchdog
    atexit.register(cluster.stop)
    return cluster


def _end_watchdog(watchdog: subprocess.Popen[bytes]) -> None:
    watchdog.terminate()
    try:
        watchdog.wait(timeout=10)
    except subprocess.TimeoutExpired:
        watchdog.kill()
        watchdog.wait()


def _start_on_a_free_port(bindir: Path, base: Path, run_as: str | None) -> PgCluster:
    conf = base / "data" / "postgresql.conf"
    original = conf.read_text()
    last_error = ""
    for _ in range(START_ATTEMPTS):
        port = _free_port()
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": str(port),
            "unix_socket_directories": f"'{base / 'sockets'}'",
            "max_connections": str(MAX_CONNECTIONS),
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "shared_buffers": "128MB",
            "log_min_messages": "warning",
            "log_line_prefix": "'%m [%p] '",
        }
        extra = "".join(f"{key} = {value}\n" for key, value in settings.items())
        # Written as the cluster's owner would have it: the file stays theirs (root writes
        # in place, keeping its owner and mode).
        conf.write_text(original + "\n# tests/pgcluster.py\n" + extra)
        cluster = PgCluster(bindir=bindir, base=base, port=port, run_as=run_as)
        started = _run(
            run_as,
            [str(bindir / "pg_ctl"), "-D", str(base / "data"), "-l", str(cluster.log_file),
             "-w", "-t", "60", "start"],
            check=False,
        )  # fmt: skip
        if started.returncode == 0 and _accepts_connections(cluster):
            return cluster
        last_error = cluster.log_tail() or (started.stderr or started.stdout).strip()
        _run(
            run_as,
            [str(bindir / "pg_ctl"), "-D", str(base / "data"), "-m", "immediate", "-w", "stop"],
            check=False,
        )  # fmt: skip
        if "could not bind" not in last_error and "in use" not in last_error:
            break
    raise PgUnavailable(f"PostgreSQL did not start:\n{last_error}")


def _accepts_connections(cluster: PgCluster) -> bool:
    import psycopg

    deadline = time.monotonic() + 30
    while True:
        try:
            with psycopg.connect(cluster.url("postgres"), connect_timeout=5) as conn:
                conn.execute("SELECT 1")
            return True
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)


def unavailable(reason: str) -> None:
    """Skip, or fail under CI (where PostgreSQL must be there and the tests must run)."""
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {reason}")


_session_failure: str | None = None


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """The session's private PostgreSQL cluster (started on first use)."""
    global _session_failure
    if _session_failure is not None:  # do not try (and wait) again for every test
        unavailable(_session_failure)
    try:
        cluster = start_cluster()
    except PgUnavailable as exc:
        _session_failure = str(exc)
    if _session_failure is not None:
        unavailable(_session_failure)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_database(pg_cluster: PgCluster) -> Iterator[str]:
    """A fresh empty database for one test (its URL), dropped afterwards."""
    url = pg_cluster.create_database()
    yield url
    with contextlib.suppress(Exception):
        pg_cluster.drop_database(url.rsplit("/", 1)[1])
