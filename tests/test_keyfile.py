"""A key file that is not one is StoreCorrupt with one clear line, never another exception
(issue 8, item 11), and an unknown user costs what a wrong password does (item 3).

Hypothesis varies the file's shape (types, missing fields, deep nesting); the real CLI shows
the cases that used to exit 3 end in one line and exit 1, with the store's bytes unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.errors import StoreCorrupt, WrongPassword
from desktop.store import keys
from desktop.store.keyfile import KeyFile
from tests.hostile import assert_one_clear_line, make_clinic, run_outpost, store_bytes

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


def _valid() -> dict[str, Any]:
    kf = KeyFile(store_id="store-1")
    data_key = keys.new_data_key()
    params = keys.Argon2Params(memory_kib=19 * 1024, iterations=1, lanes=1)
    kf.set_password("admin", "a long pass phrase", data_key, params)
    kf.set_recovery(keys.new_recovery_key(), data_key)
    out: dict[str, Any] = kf.to_json()
    return out


VALID = _valid()


def _paths_in(raw: Any) -> list[tuple[Any, ...]]:
    """Every path to a value inside `raw` (dict keys and list indices)."""
    out: list[tuple[Any, ...]] = [()]
    if isinstance(raw, dict):
        for k, v in raw.items():
            out += [(k, *p) for p in _paths_in(v)]
    elif isinstance(raw, list):
        for i, v in enumerate(raw):
            out += [(i, *p) for p in _paths_in(v)]
    return out


PATHS = _paths_in(VALID)


def _replaced(raw: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = json.loads(json.dumps(raw))
    node = copy
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return copy


def _load_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "keys.json"
    path.write_bytes(data)
    try:
        KeyFile.load(path)
    except StoreCorrupt as exc:
        text = str(exc)
        assert "\n" not in text and len(text) < 600, text
        assert "keys.json" in text


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PATHS), value=json_values)
def test_any_field_of_the_key_file_replaced_by_any_json_is_store_corrupt_or_loads(
    tmp_path: Path, path: tuple[Any, ...], value: Any
) -> None:
    _load_bytes(tmp_path, json.dumps(_replaced(VALID, path, value)).encode())


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=json_values)
def test_any_json_at_all_is_store_corrupt_with_one_line(tmp_path: Path, value: Any) -> None:
    _load_bytes(tmp_path, json.dumps(value).encode())


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200))
def test_any_bytes_are_store_corrupt_with_one_line(tmp_path: Path, data: bytes) -> None:
    _load_bytes(tmp_path, data)


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_a_key_file_nested_deep_is_store_corrupt(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "keys.json"
    path.write_text("[" * depth + "]" * depth)
    with pytest.raises(StoreCorrupt, match=r"nested far too deep|not a JSON object"):
        KeyFile.load(path)
    nested = '{"format": 2, "store_id": "x", "users": ' + '{"a": ' * depth + "1" + "}" * depth
    path.write_text(nested + "}")
    with pytest.raises(StoreCorrupt, match="damaged"):
        KeyFile.load(path)


@pytest.mark.parametrize(
    "change",
    [
        {"users": {}, "recovery": None},
        {"users": []},
        {"users": {"admin": {**VALID["users"]["admin"], "kdf": None}}},
        {"users": {"admin": {**VALID["users"]["admin"], "kdf": {"alg": "argon2id", "m": True}}}},
        {"format": True},
        {"store_id": None},
        {"recovery": {"kdf": {"alg": "argon2id"}}},
    ],
    ids=["no-one", "users-a-list", "null-kdf", "bool-kdf", "format-true", "no-store-id", "rec"],
)
def test_the_shapes_that_crashed_are_store_corrupt(tmp_path: Path, change: dict[str, Any]) -> None:
    path = tmp_path / "keys.json"
    path.write_text(json.dumps({**VALID, **change}))
    with pytest.raises(StoreCorrupt, match="is damaged"):
        KeyFile.load(path)


def test_a_key_file_that_is_not_a_regular_file_is_store_corrupt(tmp_path: Path) -> None:
    import os

    path = tmp_path / "keys.json"
    os.mkfifo(path)  # reading it would hang
    with pytest.raises(StoreCorrupt, match="not a regular file"):
        KeyFile.load(path)


def test_an_unknown_user_costs_one_derivation_like_a_wrong_password(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kf = KeyFile.from_json(VALID)
    derived: list[str] = []
    real = keys.derive_password_key

    def counting(password: str, salt: bytes, params: keys.Argon2Params) -> bytes:
        derived.append(password)
        return real(password, salt, params)

    monkeypatch.setattr(keys, "derive_password_key", counting)
    with pytest.raises(WrongPassword):
        kf.unlock_with_password("admin", "wrong guess here")
    with pytest.raises(WrongPassword):
        kf.unlock_with_password("nobody", "wrong guess here")
    assert derived == ["wrong guess here", "wrong guess here"]


# --- the real CLI ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clinic(tmp_path_factory.mktemp("clinic") / "data")


@pytest.mark.parametrize(
    "content",
    [
        lambda raw: {**raw, "users": {}, "recovery": None},
        lambda raw: {**raw, "users": []},
        lambda raw: {**raw, "users": {n: {**s, "kdf": None} for n, s in raw["users"].items()}},
        lambda raw: "[" * 100_000 + "]" * 100_000,
    ],
    ids=["empty-user-list", "users-a-list", "null-kdf", "deep-nesting"],
)
def test_the_cli_gives_one_line_and_exit_1_for_a_key_file_that_is_not_one(
    clinic: Path, content: Any
) -> None:
    keyfile = clinic / "keys.json"
    original = keyfile.read_bytes()
    changed = content(json.loads(original))
    keyfile.write_text(changed if isinstance(changed, str) else json.dumps(changed))
    before = store_bytes(clinic)
    try:
        ran = run_outpost(clinic, "users", "list", stdin="correct horse battery\n")
        assert_one_clear_line(ran, code=1, says="damaged")
        assert store_bytes(clinic) == before
    finally:
        keyfile.write_bytes(original)


def test_the_cli_says_another_stores_key_file_is_a_mismatch_and_does_not_throttle(
    clinic: Path, tmp_path: Path
) -> None:
    other = make_clinic(tmp_path / "other")
    keyfile = clinic / "keys.json"
    original = keyfile.read_bytes()
    keyfile.write_bytes((other / "keys.json").read_bytes())
    before = store_bytes(clinic)
    try:
        for _ in range(5):  # more than the free failures
            ran = run_outpost(clinic, "users", "list", stdin="correct horse battery\n")
            assert_one_clear_line(ran, code=1, says="cannot be read with the key file")
        assert store_bytes(clinic) == before
    finally:
        keyfile.write_bytes(original)
    ran = run_outpost(clinic, "users", "list", stdin="correct horse battery\n")
    assert ran.code == 0, ran.err  # not made to wait: a mismatch is not a wrong password
