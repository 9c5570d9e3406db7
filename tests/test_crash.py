"""A process killed in the middle of writing leaves a consistent store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.paths import DataPaths
from desktop.store import store as store_module
from desktop.store.models import OutboxEntry, Patient
from desktop.store.store import Store
from tests.conftest import PASSWORD

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from desktop.paths import DataPaths
    from desktop.store import store as store_module
    from desktop.store.models import Patient

    store = store_module.unlock(DataPaths(Path(sys.argv[1])), "admin", sys.argv[2])
    n = 0
    while True:
        with store.session() as session, session.begin():
            for _ in range(5):
                session.add(Patient(clinic_id=store.clinic_id, given_name="Wanjiru",
                                    family_name=f"Kamau{n}", notes="z" * 3000))
                n += 1
        print(n, flush=True)
    """
)


@pytest.mark.slow
def test_a_writer_killed_with_sigkill_leaves_every_committed_change_and_its_outbox_entry(
    store: Store, data_paths: DataPaths, tmp_path: Path
) -> None:
    store.close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    child = subprocess.Popen(
        [sys.executable, str(script), str(data_paths.root), PASSWORD],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    committed = 0
    try:
        for line in child.stdout:
            committed = int(line)
            if committed >= 300:
                break
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert committed >= 300

    reopened = store_module.unlock(data_paths, "admin", PASSWORD)
    try:
        with reopened.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA cipher_integrity_check").all() == []
        with reopened.session() as session:
            patients = session.scalar(select(func.count()).select_from(Patient)) or 0
            queued = (
                session.scalar(
                    select(func.count())
                    .select_from(OutboxEntry)
                    .where(OutboxEntry.entity == "patients")
                )
                or 0
            )
        # Everything reported committed survived; anything beyond is whole transactions.
        assert patients >= committed and patients % 5 == 0
        assert queued == patients
    finally:
        reopened.close()
