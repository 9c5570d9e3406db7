"""Argon2id: stored settings are trusted only within bounds, and derivations in one process are
serialised (OpenSSL's Argon2id hangs or runs out of memory when threads derive at once)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.store import keys
from desktop.store.keys import DEFAULT_ARGON2, Argon2Params

REPO = Path(__file__).resolve().parents[1]


def settings(**changes: Any) -> dict[str, Any]:
    return {**DEFAULT_ARGON2.to_json(), **changes}


@pytest.mark.parametrize(
    "raw",
    [
        DEFAULT_ARGON2.to_json(),
        settings(m=19 * 1024, t=2, p=1),  # OWASP's lowest recommendation
        settings(m=256 * 1024, t=4, p=16),  # the top: 1.3-1.6 s here
        settings(m=128 * 1024, t=8),
    ],
)
def test_the_default_and_reasonable_increases_are_accepted(raw: dict[str, Any]) -> None:
    params = Argon2Params.from_json(raw)
    assert params.to_json() == raw


@pytest.mark.parametrize(
    "raw",
    [
        settings(m=1024 * 1024, t=64),  # 1 GiB and 64 passes: 40 s per sign-in
        settings(m=1024 * 1024),
        settings(t=64),
        settings(p=64),
        settings(m=256 * 1024, t=10),  # each within bounds, m*t beyond
        settings(m=8 * 1024),
        settings(t=0),
        settings(p=0),
        settings(m=-1),
    ],
)
def test_settings_outside_safe_bounds_are_refused_as_tampered(raw: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=r"outside safe bounds.*tampered"):
        Argon2Params.from_json(raw)


@pytest.mark.parametrize(
    "raw",
    [
        settings(t=True),
        settings(t=3.0),
        settings(m="65536"),
        settings(p=None),
        settings(m=65536.9),
        {"alg": "argon2id"},
    ],
)
def test_settings_that_are_not_whole_numbers_are_refused_not_coerced(raw: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="not whole numbers"):
        Argon2Params.from_json(raw)


@pytest.mark.parametrize("raw", [None, [], "argon2id", settings(alg="scrypt"), {"m": 65536}])
def test_settings_of_another_shape_or_kdf_are_refused(raw: Any) -> None:
    with pytest.raises(ValueError):
        Argon2Params.from_json(raw)


def test_a_key_file_asking_for_a_40_second_derivation_reads_as_tampered(tmp_path: Path) -> None:
    import json

    from desktop.errors import StoreCorrupt
    from desktop.store.keyfile import KeyFile

    keyfile = KeyFile(store_id="0f5c1a52-6f7c-4a3e-9d7e-2c0b6a1d9e11")
    keyfile.set_password("admin", "correct horse battery", keys.new_data_key(), DEFAULT_ARGON2)
    path = tmp_path / "keys.json"
    keyfile.save(path)

    def inflate(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("alg") == "argon2id":
                node.update(m=1024 * 1024, t=64)
            for value in node.values():
                inflate(value)
        elif isinstance(node, list):
            for value in node:
                inflate(value)

    raw = json.loads(path.read_bytes())
    inflate(raw)
    path.write_text(json.dumps(raw), "utf-8")
    with pytest.raises(StoreCorrupt, match=r"outside safe bounds.*tampered"):
        KeyFile.load(path)


def test_threads_deriving_at_once_all_get_the_right_key() -> None:
    # In a process of its own with a generous timeout: unserialised, two threads hang for
    # tens of seconds and four fail with MemoryError.
    script = """
import threading
from desktop.store import keys

expected = {}
for n in range(6):
    expected[n] = keys.derive_password_key(f"password {n}", bytes([n]) * 16, keys.DEFAULT_ARGON2)
results, errors = {}, []
start = threading.Barrier(6)

def derive(n):
    try:
        start.wait()
        results[n] = keys.derive_password_key(
            f"password {n}", bytes([n]) * 16, keys.DEFAULT_ARGON2
        )
    except BaseException as exc:
        errors.append(repr(exc))

threads = [threading.Thread(target=derive, args=(n,)) for n in range(6)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
assert not errors, errors
assert results == expected, "a derivation gave a different key"
print("ok")
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_an_unknown_user_costs_one_default_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Argon2Params] = []
    real = keys.derive_password_key

    def counting(password: str, salt: bytes, params: Argon2Params) -> bytes:
        calls.append(params)
        return real(password, salt, params)

    monkeypatch.setattr(keys, "derive_password_key", counting)
    keys.derive_dummy("any password")
    assert calls == [DEFAULT_ARGON2]
