"""Schemathesis fuzzes every endpoint of a real outpost-hq from its own OpenAPI document,
with a valid device credential: no answer may be a server error or break the schema."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests

from tests.hqserver import HqServer, hq_server

__all__ = ["hq_server"]

pytestmark = pytest.mark.slow


def test_fuzzing_every_endpoint_gets_no_server_error(hq_server: HqServer, tmp_path: Path) -> None:
    r = requests.post(
        hq_server.url + "/v1/enrol",
        headers={"Outpost-Protocol": "1"},
        json={
            "code": hq_server.enrol("Kisumu"),
            "device_name": "Fuzzer",
            "mode": "join",
            "clinic_id": str(uuid.uuid4()),
        },
        timeout=10,
    )
    token = r.json()["device_token"]
    schemathesis = Path(sys.executable).with_name("schemathesis")
    done = subprocess.run(
        [
            str(schemathesis),
            "--no-color",
            "run",
            hq_server.url + "/openapi.json",
            "-H",
            f"Authorization: Bearer {token}",
            "-H",
            "Outpost-Protocol: 1",
            "--checks",
            "not_a_server_error,response_schema_conformance",
            "--max-examples",
            "40",
            "--seed",
            "8470",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert "Traceback" not in hq_server.log_text()
