"""Helpers of the console tests: a laptop speaking /v1 to a real HQ (enrol, push, pull),
and a signed-in console session driven with requests."""

from __future__ import annotations

import re
import time
import uuid
from typing import Any

import requests

from tests.hqserver import ADMIN, ADMIN_PASSWORD, HqServer

H = {"Outpost-Protocol": "1"}
# A value that must never appear in the console (which shows counts only).
PATIENT_VALUE = "Wanjiku-Secret-Surname"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def stamp(counter: int = 0, node: str = "laptopA") -> str:
    return f"{int(time.time() * 1000):015d}-{counter:06d}-{node}"


class Laptop:
    """A device enrolled with `code` (a clinic's first laptop: mode "join")."""

    def __init__(self, hq: HqServer, code: str, name: str = "Front desk") -> None:
        self.hq = hq
        r = requests.post(
            hq.url + "/v1/enrol",
            headers=H,
            json={
                "code": code,
                "device_name": name,
                "mode": "join",
                "clinic_id": str(uuid.uuid4()),
            },
            timeout=10,
        )
        assert r.status_code == 200, r.text
        self.enrolment = r.json()
        self.clinic_id = self.enrolment["clinic_id"]
        self.device_id = self.enrolment["device_id"]
        self.headers = {**H, "Authorization": "Bearer " + self.enrolment["device_token"]}

    def push(self, kinds: dict[str, int], **summary: Any) -> requests.Response:
        changes = [
            {
                "change_id": str(uuid.uuid4()),
                "entity": kind,
                "entity_id": str(uuid.uuid4()),
                "clinic_id": self.clinic_id,
                "op": "insert",
                "patch": {"family_name": {"v": PATIENT_VALUE}},
                "hlc": stamp(i),
            }
            for kind, n in kinds.items()
            for i in range(n)
        ]
        body = {"batch_id": str(uuid.uuid4()), "changes": changes, "sent_at_ms": 1}
        if summary:
            body["summary"] = summary
        return requests.post(self.hq.url + "/v1/push", headers=self.headers, json=body, timeout=30)

    def pull(self) -> requests.Response:
        return requests.get(
            self.hq.url + "/v1/changes", headers=self.headers, params={"after": 0}, timeout=30
        )

    def sync(self, kinds: dict[str, int], **summary: Any) -> None:
        assert self.push(kinds, **summary).status_code == 200
        assert self.pull().status_code == 200


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no CSRF token in the page"
    return found.group(1)


class Console:
    """A browser-less console session (requests keeps the cookies)."""

    def __init__(self, hq: HqServer) -> None:
        self.hq = hq
        self.http = requests.Session()

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.http.get(self.hq.url + path, timeout=30, **kw)

    def post(self, path: str, data: dict[str, str], **kw: Any) -> requests.Response:
        return self.http.post(self.hq.url + path, data=data, timeout=30, **kw)

    def sign_in(
        self, name: str = ADMIN, password: str = ADMIN_PASSWORD, **kw: Any
    ) -> requests.Response:
        token = csrf_of(self.get("/console/sign-in").text)
        return self.post(
            "/console/sign-in", {"csrf_token": token, "name": name, "password": password}, **kw
        )

    def token(self, path: str = "/console/") -> str:
        return csrf_of(self.get(path).text)

    def act(self, path: str, data: dict[str, str], **kw: Any) -> requests.Response:
        """A POST with the session's CSRF token, as the console's own form sends it."""
        return self.post(path, {"csrf_token": self.token(), **data}, **kw)

    def issue_code(self, clinic: str) -> str:
        r = self.act("/console/enrol", {"clinic": clinic})
        assert r.status_code == 200, r.text
        found = re.search(r'id="code">([^<]+)<', r.text)
        assert found
        return found.group(1)
