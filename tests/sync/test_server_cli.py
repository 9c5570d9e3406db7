"""The `outpost-hq` command: what HQ staff run and read."""

from __future__ import annotations

import stat
import uuid
from pathlib import Path

import pytest
import requests

from tests.hqserver import ADMIN_PASSWORD, HqServer
from tests.pgcluster import pg_cluster, pg_database

__all__ = ["pg_cluster", "pg_database"]

pytestmark = pytest.mark.slow
H = {"Outpost-Protocol": "1"}


def test_init_makes_a_private_data_folder_and_enrol_prints_the_code_last(tmp_path: Path) -> None:
    hq = HqServer(tmp_path / "hq")
    hq.init()
    assert stat.S_IMODE((tmp_path / "hq").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "hq" / "hq.json").stat().st_mode) == 0o600
    out = hq.run_cli("enrol", "--clinic", "Kisumu Health Post").stdout.splitlines()
    assert "Kisumu Health Post" in out[0] and "new" in out[0]
    code = out[-1]
    assert len(code) == 19 and code.count("-") == 3
    again = hq.run_cli("enrol", "--clinic", "kisumu health post").stdout.splitlines()
    assert "known" in again[0] and again[-1] != code


def test_devices_list_and_status_show_each_clinic(tmp_path: Path) -> None:
    with HqServer.started(tmp_path / "hq") as hq:
        clinic_id = uuid.uuid4()
        r = requests.post(
            hq.url + "/v1/enrol",
            headers=H,
            json={
                "code": hq.enrol("Kisumu"),
                "device_name": "Front desk",
                "mode": "join",
                "clinic_id": str(clinic_id),
            },
            timeout=10,
        )
        device = r.json()
        auth = {**H, "Authorization": "Bearer " + device["device_token"]}
        push = {
            "batch_id": str(uuid.uuid4()),
            "sent_at_ms": 1,
            "summary": {"pending": 0, "needs_attention": 3},
            "changes": [
                {
                    "change_id": str(uuid.uuid4()),
                    "entity": "patient",
                    "entity_id": str(uuid.uuid4()),
                    "clinic_id": str(clinic_id),
                    "op": "insert",
                    "patch": {"given": {"v": "A"}},
                    "hlc": "001796000000000-000000-n",
                }
                for _ in range(2)
            ],
        }
        assert requests.post(hq.url + "/v1/push", headers=auth, json=push, timeout=10).ok
        hq.enrol("Eldoret")
        lines = hq.devices()
        assert len(lines) == 1
        dev_id, clinic, name, last_sync, state = lines[0]
        assert (dev_id, clinic, name, state) == (
            device["device_id"],
            "Kisumu",
            "Front desk",
            "active",
        )
        assert last_sync != "never"
        status = hq.status_text()
        assert "Clinic Eldoret" in status and "Clinic Kisumu" in status
        assert "patient 2" in status and "needing attention: 3" in status
        out = hq.run_cli("devices", "revoke", device["device_id"]).stdout
        assert "revoked" in out
        assert hq.devices()[0][-1] == "revoked"


@pytest.mark.parametrize(
    "args",
    [
        ["devices", "revoke", str(uuid.uuid4())],
        ["devices", "revoke", "not-a-uuid"],
        ["enrol", "--clinic", "  "],
        ["transfer", "--patient", "x", "--from", "A", "--to", "B"],
        ["transfer", "--patient", str(uuid.uuid4()), "--from", "A", "--to", "B"],
    ],
)
def test_cli_errors_are_one_line_without_a_traceback(tmp_path: Path, args: list[str]) -> None:
    hq = HqServer(tmp_path / "hq")
    hq.init()
    done = hq.run_cli(*args, check=False)
    assert done.returncode in (1, 2)
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_commands_on_a_folder_never_initialised_say_what_to_do(tmp_path: Path) -> None:
    hq = HqServer(tmp_path / "nothing")
    for args in (["status"], ["serve"], ["enrol", "--clinic", "X"]):
        done = hq.run_cli(*args, check=False)
        assert done.returncode == 1 and "init" in done.stderr and "Traceback" not in done.stderr


def test_a_short_password_is_refused(tmp_path: Path) -> None:
    hq = HqServer(tmp_path / "hq")
    done = hq.run_cli("init", "--admin", "A", "--password-stdin", input="short\n", check=False)
    assert done.returncode == 1 and "8 characters" in done.stderr


def test_a_database_password_never_shows_in_messages(tmp_path: Path) -> None:
    hq = HqServer(tmp_path / "hq")
    done = hq.run_cli(
        "--database-url",
        "postgresql://hq:s3cr3t-pw@127.0.0.1:1/hq",
        "init",
        "--admin",
        "A",
        "--password-stdin",
        input=ADMIN_PASSWORD + "\n",
        check=False,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "s3cr3t-pw" not in done.stderr + done.stdout


def test_hq_on_postgresql_with_two_workers_remembers_its_database(
    tmp_path: Path, pg_database: str
) -> None:
    with HqServer.started(tmp_path / "hq", database_url=pg_database, workers=2) as hq:
        assert "postgresql" in (tmp_path / "hq" / "hq.json").read_text()
        clinic_id = uuid.uuid4()
        r = requests.post(
            hq.url + "/v1/enrol",
            headers=H,
            timeout=10,
            json={
                "code": hq.enrol("Kisumu"),
                "device_name": "A",
                "mode": "join",
                "clinic_id": str(clinic_id),
            },
        )
        assert r.status_code == 200, r.text
        auth = {**H, "Authorization": "Bearer " + r.json()["device_token"]}
        for n in range(10):
            push = {
                "batch_id": str(uuid.uuid4()),
                "sent_at_ms": 1,
                "changes": [
                    {
                        "change_id": str(uuid.uuid4()),
                        "entity": "visit",
                        "entity_id": str(uuid.uuid4()),
                        "clinic_id": str(clinic_id),
                        "op": "insert",
                        "patch": {"n": {"v": n}},
                        "hlc": f"001796000000000-{n:06d}-n",
                    }
                ],
            }
            got = requests.post(hq.url + "/v1/push", headers=auth, json=push, timeout=10)
            assert got.json()["results"][0]["status"] == "applied"
        page = requests.get(hq.url + "/v1/changes", headers=auth, timeout=10).json()
        assert [c["patch"]["n"]["v"] for c in page["changes"]] == list(range(10))
        hq.restart()
        assert requests.get(hq.url + "/v1/status", headers=auth, timeout=10).json()["counts"] == {
            "visit": 10
        }
        assert "visit 10" in hq.status_text()


def _join(hq: HqServer, clinic: str) -> tuple[uuid.UUID, dict[str, str]]:
    clinic_id = uuid.uuid4()
    r = requests.post(
        hq.url + "/v1/enrol",
        headers=H,
        timeout=10,
        json={
            "code": hq.enrol(clinic),
            "device_name": "Front desk",
            "mode": "join",
            "clinic_id": str(clinic_id),
        },
    )
    assert r.status_code == 200, r.text
    return clinic_id, {**H, "Authorization": "Bearer " + r.json()["device_token"]}


def test_transfer_appends_the_patient_to_the_receiving_clinics_log(tmp_path: Path) -> None:
    with HqServer.started(tmp_path / "hq") as hq:
        a_id, a_auth = _join(hq, "Kisumu")
        b_id, b_auth = _join(hq, "Eldoret")
        hq.enrol("Kakamega")  # no laptop yet
        pid, form, visit = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()

        def change(entity: str, eid: uuid.UUID, patch: dict[str, object], n: int) -> dict:
            return {
                "change_id": str(uuid.uuid4()),
                "entity": entity,
                "entity_id": str(eid),
                "clinic_id": str(a_id),
                "op": "insert",
                "patch": {k: {"v": v} for k, v in patch.items()},
                "hlc": f"001796000000000-{n:06d}-n",
            }

        push = {
            "batch_id": str(uuid.uuid4()),
            "sent_at_ms": 1,
            "changes": [
                change(
                    "patients", pid, {"id": str(pid), "clinic_id": str(a_id), "given_name": "A"}, 1
                ),
                change("form_records", form, {"patient_id": str(pid), "status": "draft"}, 2),
                change("appointments", visit, {"patient_id": str(pid)}, 3),
            ],
        }
        assert requests.post(hq.url + "/v1/push", headers=a_auth, json=push, timeout=10).ok
        done = hq.run_cli("transfer", "--patient", str(pid), "--from", "kisumu", "--to", "Eldoret")
        assert "transferred from Kisumu to Eldoret" in done.stdout
        page = requests.get(hq.url + "/v1/changes", headers=b_auth, timeout=10).json()
        got = {c["entity"]: c for c in page["changes"]}
        assert set(got) == {"patients", "form_records"}  # not the first clinic's book
        assert got["patients"]["clinic_id"] == str(b_id)
        assert got["patients"]["patch"]["clinic_id"]["v"] == str(b_id)
        # Each field keeps its stamp: here the change's own, so served compact (PatchEntry).
        assert got["patients"]["hlc"] == "001796000000000-000001-n"
        assert got["patients"]["patch"]["given_name"] == {"v": "A"}
        assert "origin_device" not in got["patients"]
        status = requests.get(hq.url + "/v1/status", headers=b_auth, timeout=10).json()
        assert status["counts"] == {"patients": 1, "form_records": 1}
        assert f"{pid}: Kisumu -> Eldoret, 2 record(s)" in hq.status_text()
        again = hq.run_cli("transfer", "--patient", str(pid), "--from", "Kisumu", "--to", "Eldoret")
        assert "nothing was sent" in again.stdout
        for args, words in [
            (["--from", "Kisumu", "--to", "Kakamega"], "No laptop of Kakamega"),
            (["--from", "Eldoret", "--to", "Eldoret"], "another clinic"),
            (["--from", "Nairobi", "--to", "Eldoret"], "no clinic Nairobi"),
        ]:
            refused = hq.run_cli("transfer", "--patient", str(pid), *args, check=False)
            assert refused.returncode == 1 and words in refused.stderr
            assert len(refused.stderr.strip().splitlines()) == 1
        assert "Traceback" not in refused.stderr
