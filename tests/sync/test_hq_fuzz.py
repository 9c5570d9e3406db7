"""Schemathesis fuzzes every operation of HQ's own /openapi.json against a real `outpost-hq`
process on 127.0.0.1 (SQLite, and PostgreSQL when a cluster can start): 0 server errors,
every answer as the document declares it (status, content type, body schema), every 4xx an
`ErrorBody` with a message, invalid data refused, and the server log free of tracebacks.

Each operation is fuzzed with generated data that fits the document (positive) and data
that does not (negative):

- with a real device token (a device enrolled first), the generated cases are steered into
  HQ's logic: some pushes carry the device's own clinic id, recent stamps and ids reused
  from a small pool (applied, duplicate, conflict, reused id), some pulls the real log id and
  cursors near the head, some attachment addresses a stored or half-uploaded attachment,
  some enrolments a real one-time code of a bound or a new clinic;
- without a token, every operation behind the bearer scheme answers 401 (or 422 for a
  parameter that is itself invalid: parameters are read before the credential).

Bounded and deterministic for CI (derandomised Hypothesis, no example database, no
deadline): OUTPOST_FUZZ_EXAMPLES cases per operation and mode (25 by default). A long fuzz:

    OUTPOST_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/sync/test_hq_fuzz.py -q -s

Schemathesis's own command line also runs, once per backend, over the whole document with its
other phases: the document's examples, the coverage phase (boundary and missing values of
every parameter and body field, drawn deterministically rather than at random: some 600 cases)
and the stateful phase (which runs once the document declares links), with a device token.

(`-s` shows the status counts of each run; `-m "not postgres"` leaves PostgreSQL out;
OUTPOST_FUZZ_SEED=N with N > 0 turns derandomisation off and seeds Hypothesis with N, for
other cases than CI's.)
"""

from __future__ import annotations

import collections
import copy
import hashlib
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy.engine import Engine

from sync.protocol import ErrorBody
from sync.protocol.models import PROTOCOL_HEADER
from sync.server import db, store
from sync.server.config import ENROL_PER_MINUTE_ENV, settings_for
from tests.hqserver import HqServer

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("OUTPOST_FUZZ_EXAMPLES", "") or 25)
SEED = int(os.environ.get("OUTPOST_FUZZ_SEED", "") or 0)

OPEN = [("GET", "/v1/hello"), ("POST", "/v1/enrol")]
GUARDED = [
    ("POST", "/v1/push"),
    ("GET", "/v1/changes"),
    ("GET", "/v1/status"),
    ("POST", "/v1/attachments/missing"),
    ("POST", "/v1/attachments/{sha256}"),
    ("GET", "/v1/attachments/{sha256}"),
    ("GET", "/v1/attachments/{sha256}/offset"),
]
OPERATIONS = OPEN + GUARDED
MODES = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def now_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass
class Target:
    """A running HQ with an enrolled device, some changes and attachments, and its schema."""

    hq: HqServer
    engine: Engine
    schema: Any
    token: str
    clinic_id: str
    log_id: str
    complete_sha: str
    partial_sha: str
    other_clinic_sha: str
    session: requests.Session = field(default_factory=requests.Session)
    entity_ids: list[str] = field(default_factory=lambda: [str(uuid.uuid4()) for _ in range(3)])
    change_ids: list[str] = field(default_factory=lambda: [str(uuid.uuid4()) for _ in range(3)])
    pushed: list[Any] = field(default_factory=list)  # bodies HQ took (sent again: duplicates)

    def code(self, clinic: str) -> str:
        """A fresh one-time enrolment code, issued as `outpost-hq enrol` does (faster than
        the command: a case may want one)."""
        with db.write_session(self.engine) as s:
            code, _clinic, _created = store.issue_code(s, clinic, now_ms())
        return code


def enrol(hq: HqServer, code: str, clinic_id: str | None = None, mode: str = "join") -> Any:
    body: dict[str, Any] = {"code": code, "device_name": "Fuzz laptop", "mode": mode}
    if clinic_id is not None:
        body["clinic_id"] = clinic_id
    r = requests.post(hq.url + "/v1/enrol", headers={PROTOCOL_HEADER: "1"}, json=body, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


def upload(hq: HqServer, token: str, data: bytes, *, upto: int | None = None) -> str:
    digest = sha(data)
    chunk = data[: upto if upto is not None else len(data)]
    r = requests.post(
        f"{hq.url}/v1/attachments/{digest}",
        headers={
            PROTOCOL_HEADER: "1",
            "Authorization": "Bearer " + token,
            "Upload-Offset": "0",
            "Upload-Length": str(len(data)),
            "X-Media-Type": "image/png",
            "Content-Type": "application/octet-stream",
        },
        data=chunk,
        timeout=30,
    )
    assert r.status_code == 200, r.text
    return digest


@pytest.fixture(scope="module", params=BACKENDS)
def target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Target]:
    backend = str(request.param)
    database_url = None
    if backend == "postgres":
        database_url = request.getfixturevalue("pg_cluster").create_database()
    data_dir = tmp_path_factory.mktemp(f"fuzz-{backend}") / "hq"
    # Failed enrolments are rate-limited per address (10 a minute): the fuzz makes hundreds,
    # and should reach the enrolment logic, not the limiter (tested by test_hq_hostile).
    env = {ENROL_PER_MINUTE_ENV: "100000000"}
    with HqServer.started(data_dir, database_url=database_url, env=env) as hq:
        engine = db.open_engine(settings_for(data_dir, database_url).url)
        try:
            schema = schemathesis.openapi.from_url(hq.url + "/openapi.json")
            clinic_id = str(uuid.uuid4())
            mine = enrol(hq, _issue(engine, "Kisumu Fuzz Post"), clinic_id)
            other = enrol(hq, _issue(engine, "Other Fuzz Post"), str(uuid.uuid4()))
            token = mine["device_token"]
            yield Target(
                hq=hq,
                engine=engine,
                schema=schema,
                token=token,
                clinic_id=clinic_id,
                log_id=mine["log_id"],
                complete_sha=upload(hq, token, b"a stored attachment " * 50),
                partial_sha=upload(hq, token, b"a half-sent attachment " * 80, upto=700),
                other_clinic_sha=upload(hq, other["device_token"], b"another clinic's " * 30),
            )
        finally:
            engine.dispose()


def _issue(engine: Engine, clinic: str) -> str:
    with db.write_session(engine) as s:
        code, _clinic, _created = store.issue_code(s, clinic, now_ms())
    return code


# --- steering: generated cases that reach HQ's logic ----------------------------------------


def _recent(stamp: Any, back_ms: int) -> Any:
    if not isinstance(stamp, str) or len(stamp) < 15:
        return stamp
    return f"{max(now_ms() - back_ms, 0):015d}" + stamp[15:]


FIELD_NAMES = ["given", "family", "phone", "answers.weight"]


def _field_name(key: str, data: st.DataObject) -> str:
    if data.draw(st.booleans(), label="a known field"):
        return data.draw(st.sampled_from(FIELD_NAMES))
    cleaned = "".join(ch for ch in key if ch.isprintable())[:200]
    return cleaned or "field"


def steer(t: Target, method: str, path: str, case: Any, data: st.DataObject) -> None:
    """Rewrites parts of a positive case (keeping it valid) so that it meets HQ's state."""
    if path == "/v1/push" and isinstance(case.body, dict):
        # (what is drawn must not depend on HQ's state: Hypothesis replays the draws)
        again = data.draw(st.integers(0, 5), label="a batch sent again") == 0
        which = data.draw(st.integers(0, 19), label="which batch")
        if again:
            if t.pushed:
                case.body = copy.deepcopy(t.pushed[which % len(t.pushed)])
            return  # its changes are duplicates now
        own = data.draw(st.integers(0, 3), label="own clinic") > 0
        recent = data.draw(st.integers(0, 3), label="recent stamps") > 0
        for change in case.body.get("changes") or []:
            if own:
                change["clinic_id"] = t.clinic_id
            if recent:
                back = data.draw(st.integers(0, 10_000_000), label="stamp age")
                change["hlc"] = _recent(change.get("hlc"), back)
                for entry in (change.get("patch") or {}).values():
                    for key in ("hlc", "base"):
                        if key in entry:
                            entry[key] = _recent(entry[key], data.draw(st.integers(0, 10**7)))
            patch = change.get("patch")
            if isinstance(patch, dict) and data.draw(st.integers(0, 4), label="names") > 0:
                # the document cannot say what a field name is (printable, 1-200 chars)
                change["patch"] = {_field_name(key, data): entry for key, entry in patch.items()}
            if data.draw(st.booleans(), label="known record"):
                change["entity_id"] = data.draw(st.sampled_from(t.entity_ids))
            if data.draw(st.integers(0, 7), label="reused change id") == 0:
                change["change_id"] = data.draw(st.sampled_from(t.change_ids))
    elif path == "/v1/changes":
        query = case.query if isinstance(case.query, dict) else {}
        if data.draw(st.booleans(), label="real log"):
            query["log"] = t.log_id
        if data.draw(st.booleans(), label="near the head"):
            query["after"] = data.draw(st.integers(0, 50), label="after")
        case.query = query
    elif "{sha256}" in path:
        choice = data.draw(
            st.sampled_from(["generated", t.complete_sha, t.partial_sha, t.other_clinic_sha]),
            label="attachment",
        )
        if choice != "generated":
            case.path_parameters = {**(case.path_parameters or {}), "sha256": choice}
    elif path == "/v1/attachments/missing" and isinstance(case.body, dict):
        if data.draw(st.booleans(), label="known hashes"):
            case.body["hashes"] = [
                *case.body.get("hashes", [])[:400],
                t.complete_sha,
                t.partial_sha,
                t.other_clinic_sha,
            ]
    elif path == "/v1/enrol" and isinstance(case.body, dict):
        code = data.draw(st.sampled_from(["generated", "bound", "new"]), label="code")
        if code != "generated":
            clinic = "Kisumu Fuzz Post" if code == "bound" else f"Fuzz {uuid.uuid4().hex[:8]}"
            case.body["code"] = t.code(clinic)
            if data.draw(st.booleans(), label="this clinic's id"):
                case.body["clinic_id"] = t.clinic_id


# --- the fuzz ---------------------------------------------------------------------------


def fuzz(
    t: Target, method: str, path: str, mode: GenerationMode, *, token: str | None, examples: int
) -> collections.Counter[int | str]:
    operation = t.schema[path][method]
    headers = {PROTOCOL_HEADER: "1"}
    if token is not None:
        headers["Authorization"] = "Bearer " + token
    strategy = operation.as_strategy(mode, headers=headers)
    statuses: collections.Counter[int | str] = collections.Counter()  # and push outcomes
    checks = [*CHECKS, negative_data_rejection] if mode.is_negative else CHECKS
    guarded = (method, path) in GUARDED

    @settings(
        max_examples=examples,
        derandomize=SEED == 0,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        print_blob=True,
    )
    @given(case=strategy, data=st.data())
    def one_case(case: Any, data: st.DataObject) -> None:
        if mode.is_positive and token is not None:
            steer(t, method, path, case, data)
        response = case.call(session=t.session, timeout=60)
        statuses[response.status_code] += 1
        case.validate_response(response, checks=checks)
        status = response.status_code
        if 400 <= status < 500:
            body = ErrorBody.model_validate_json(response.content)
            assert body.message.strip(), response.text
        if path == "/v1/push" and status == 200:
            took = any(r["status"] == "applied" for r in response.json()["results"])
            if took and len(t.pushed) < 20:
                t.pushed.append(copy.deepcopy(case.body))
            for result in response.json()["results"]:
                statuses[result["status"]] += 1
        if guarded and token is None:
            allowed = {401} if mode.is_positive else {401, 422}
            assert status in allowed, (status, response.text[:300])

    if SEED:
        seed(SEED)(one_case)
    one_case()
    return statuses


def _no_new_tracebacks(hq: HqServer, since: int) -> None:
    new = hq.log_text()[since:]
    assert "Traceback" not in new and "unexpected error" not in new, new[-6000:]
    assert hq.running and hq.hello_ok(), "HQ stopped answering:\n" + new[-4000:]


def _ids(params: list[tuple[str, str]]) -> list[str]:
    return [f"{m} {p}" for m, p in params]


def test_the_fuzz_covers_every_operation_of_the_openapi_document(target: Target) -> None:
    doc = target.session.get(target.hq.url + "/openapi.json", timeout=30).json()
    documented = {(m.upper(), p) for p, ops in doc["paths"].items() for m in ops}
    assert documented == set(OPERATIONS)
    secured = {
        (m.upper(), p)
        for p, ops in doc["paths"].items()
        for m, o in ops.items()
        if o.get("security")
    }
    assert secured == set(GUARDED)


@pytest.mark.parametrize("mode", MODES, ids=[m.value for m in MODES])
@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=_ids(OPERATIONS))
def test_no_generated_request_with_a_device_token_gets_a_server_error(
    target: Target, method: str, path: str, mode: GenerationMode
) -> None:
    since = len(target.hq.log_text())
    operation = target.schema[path][method]
    if mode.is_negative and not _negatable(operation):
        pytest.skip("nothing to negate: the operation takes only the fixed headers")
    statuses = fuzz(target, method, path, mode, token=target.token, examples=EXAMPLES)
    print(f"\n{method} {path} [{mode.value}, token]: {dict(statuses)}")
    assert sum(statuses.values()) > 0
    assert not any(isinstance(s, int) and s >= 500 for s in statuses)
    _no_new_tracebacks(target.hq, since)


@pytest.mark.parametrize("mode", MODES, ids=[m.value for m in MODES])
@pytest.mark.parametrize(("method", "path"), GUARDED, ids=_ids(GUARDED))
def test_without_a_token_every_guarded_operation_is_unauthorized(
    target: Target, method: str, path: str, mode: GenerationMode
) -> None:
    since = len(target.hq.log_text())
    operation = target.schema[path][method]
    if mode.is_negative and not _negatable(operation):
        pytest.skip("nothing to negate: the operation takes only the fixed headers")
    statuses = fuzz(target, method, path, mode, token=None, examples=max(EXAMPLES // 3, 5))
    print(f"\n{method} {path} [{mode.value}, no token]: {dict(statuses)}")
    assert 401 in statuses or mode.is_negative
    _no_new_tracebacks(target.hq, since)


def _negatable(operation: Any) -> bool:
    raw = operation.definition.raw
    params = [p for p in raw.get("parameters", []) if p.get("name") != PROTOCOL_HEADER]
    return bool(params or raw.get("requestBody"))


def test_the_command_line_phases_over_the_whole_document_find_no_fault(
    target: Target, tmp_path: Path
) -> None:
    """`schemathesis run` (what an operator would run against HQ) with its examples, coverage
    and stateful phases: the boundary cases the Hypothesis fuzz above may never draw."""
    since = len(target.hq.log_text())
    done = subprocess.run(
        [
            str(Path(sys.executable).with_name("schemathesis")),
            "--no-color",
            "run",
            target.hq.url + "/openapi.json",
            "-H",
            "Authorization: Bearer " + target.token,
            "-H",
            f"{PROTOCOL_HEADER}: 1",
            "--phases",
            "examples,coverage,stateful",
            "--checks",
            ",".join(check.__name__ for check in CHECKS),
            "--max-examples",
            str(EXAMPLES),
            "--seed",
            str(SEED or 8470),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert "✅ Coverage" in done.stdout, done.stdout[-3000:]  # the phase ran, and passed
    _no_new_tracebacks(target.hq, since)


def test_the_fuzzed_hq_still_serves_its_device(target: Target) -> None:
    r = target.session.get(
        target.hq.url + "/v1/status",
        headers={PROTOCOL_HEADER: "1", "Authorization": "Bearer " + target.token},
        timeout=30,
    )
    assert r.status_code == 200, r.text
    assert r.json()["clinic_id"] == target.clinic_id
