"""A backup manifest is hostile input: deep nesting, huge numbers and wrong types are refused
as a damaged backup (BackupError, one clear line), never RecursionError or exit 3 (issue 8,
item 11), and the live store is not touched."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.errors import BackupError, OutpostError
from desktop.services.backup_format import DATABASE, KEYS, MANIFEST, read_backup
from tests.hostile import assert_one_clear_line, make_clinic, run_outpost, store_bytes


@pytest.fixture(scope="module")
def real_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("hostile-manifest")
    data = make_clinic(base / "clinic")
    ran = run_outpost(
        data, "backup", str(base / "good.outpost-backup"), stdin="correct horse battery\n"
    )
    assert ran.code == 0, ran.err
    return base / "good.outpost-backup"


def _members(backup: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(backup) as zf:
        return {name: zf.read(name) for name in (MANIFEST, DATABASE, KEYS)}


def _with_manifest(members: dict[str, bytes], manifest: bytes, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr(MANIFEST, manifest)
        zf.writestr(DATABASE, members[DATABASE])
        zf.writestr(KEYS, members[KEYS])
    return target


def _refused_in_one_line(path: Path) -> None:
    try:
        read_backup(path)
    except OutpostError as exc:
        text = str(exc)
        assert "\n" not in text and text.strip(), text
        assert len(text) < 2000
    # A manifest that still parses to a valid backup is fine too: nothing to refuse.


DEEP = {
    "deep-list": b"[" * 100_000 + b"]" * 100_000,
    "deep-object": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "deep-members": b'{"kind": "outpost-backup", "format": 1, "members": '
    + b"[" * 60_000
    + b"]" * 60_000
    + b"}",
}


@pytest.mark.parametrize("name", list(DEEP))
def test_a_deeply_nested_manifest_is_a_damaged_backup(
    real_backup: Path, tmp_path: Path, name: str
) -> None:
    bad = _with_manifest(_members(real_backup), DEEP[name], tmp_path / "deep.outpost-backup")
    with pytest.raises(BackupError, match="nested too deeply"):
        read_backup(bad)


def _manifest(real_backup: Path) -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(_members(real_backup)[MANIFEST])
    return raw


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("format", "HUGE"),  # 5000 digits: more than Python reads as an int from text
        ("format", 1e308 * 10),  # inf
        ("format", "1"),
        ("format", True),
        ("created_at", "0001-01-01T00:00:00+14:00"),  # before year 1 in UTC
        ("created_at", 12),
        ("members", []),
        ("members", {"outpost.db": "not an object", "keys.json": None}),
        ("row_counts", {"patients": "HUGE"}),
        ("row_counts", {"patients": "many"}),
        ("store_id", {"nested": ["a"]}),
        ("clinic_timezone", "../../../../etc/passwd"),
        ("clinic_timezone", "x" * 100_000),
    ],
)
def test_wrong_types_and_huge_numbers_in_the_manifest_are_refused_clearly(
    real_backup: Path, tmp_path: Path, field: str, value: Any
) -> None:
    raw = _manifest(real_backup)
    raw[field] = value
    text = json.dumps(raw).encode().replace(b'"HUGE"', b"9" * 5000)
    bad = _with_manifest(_members(real_backup), text, tmp_path / "bad.outpost-backup")
    _refused_in_one_line(bad)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=25,
)
FIELDS = st.sampled_from(
    [
        "kind",
        "format",
        "store_id",
        "clinic_id",
        "clinic_name",
        "schema_revision",
        "created_at",
        "outpost_version",
        "reason",
        "members",
        "row_counts",
        "clinic_timezone",
    ]
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    changes=st.dictionaries(FIELDS, JSON, min_size=1, max_size=4), drop=st.lists(FIELDS, max_size=2)
)
def test_any_manifest_is_read_or_refused_as_one_clear_line(
    real_backup: Path, tmp_path: Path, changes: dict[str, Any], drop: list[str]
) -> None:
    raw = _manifest(real_backup)
    raw.update(changes)
    for name in drop:
        raw.pop(name, None)
    bad = _with_manifest(
        _members(real_backup), json.dumps(raw).encode(), tmp_path / "fuzz.outpost-backup"
    )
    _refused_in_one_line(bad)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=JSON)
def test_any_json_as_the_whole_manifest_is_refused_as_one_clear_line(
    real_backup: Path, tmp_path: Path, value: Any
) -> None:
    bad = _with_manifest(
        _members(real_backup), json.dumps(value).encode(), tmp_path / "any.outpost-backup"
    )
    with pytest.raises(OutpostError):
        read_backup(bad)
    _refused_in_one_line(bad)


def test_restoring_a_backup_with_a_deeply_nested_manifest_is_one_clear_line(
    real_backup: Path, tmp_path: Path
) -> None:
    data = make_clinic(tmp_path / "clinic")
    bad = _with_manifest(_members(real_backup), DEEP["deep-list"], tmp_path / "deep.outpost-backup")
    before = store_bytes(data)
    ran = run_outpost(data, "restore", str(bad), stdin="correct horse battery\n")
    assert_one_clear_line(ran, code=1, says="nested too deeply")
    assert store_bytes(data) == before
