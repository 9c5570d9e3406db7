"""The wire models refuse what would sort or size wrongly once stored."""

from __future__ import annotations

import uuid

import pytest
from pydantic import ValidationError

from desktop.hlc import Stamp
from sync.protocol import Change
from sync.protocol.limits import LIMITS
from sync.protocol.wire import as_json, content_hash


def change(hlc: str) -> dict[str, object]:
    return {
        "change_id": str(uuid.uuid4()),
        "entity": "patients",
        "entity_id": str(uuid.uuid4()),
        "clinic_id": str(uuid.uuid4()),
        "op": "update",
        "patch": {"village": {"v": "Kisian", "hlc": hlc}},
        "hlc": hlc,
    }


@pytest.mark.parametrize(
    "stamp",
    [
        "\u0660" * 15 + "-000000-evil",  # Arabic-Indic digits sort above every real stamp
        "\uff11" * 15 + "-000000-evil",  # full-width digits
        "000001700000000-\u0660\u0660\u0660\u0660\u0660\u0660-evil",
    ],
)
def test_a_stamp_in_another_script_s_digits_is_refused(stamp: str) -> None:
    with pytest.raises(ValidationError):
        Change.model_validate(change(stamp))
    with pytest.raises(ValueError):
        Stamp.decode(stamp)


def test_an_ordinary_stamp_is_taken() -> None:
    assert Change.model_validate(change("001764000000000-000001-a1b2")).hlc.startswith("0017")


# Hashes of these changes as HQ stored them before patch entries became plain dicts: a
# laptop retrying a batch across an upgrade must be told "duplicate", never "other content".
STORED = [
    (
        {
            "change_id": "0190a000-0000-7000-8000-000000000001",
            "entity": "patients",
            "entity_id": "0190a000-0000-7000-8000-000000000002",
            "clinic_id": "0190a000-0000-7000-8000-000000000003",
            "op": "update",
            "hlc": "001764745000000-000001-abc",
            "patch": {
                "village": {
                    "v": None,
                    "hlc": "001764745000000-000001-abc",
                    "base": "001764745000000-000000-abc",
                },
                "given": {"v": "Amina"},
                "answers.x": {"v": {"a": [1, 2.5, True, None]}},
                "n": {},
            },
        },
        "0bbc452144ed0eb24e1e45d1e024a35454d983973c5b90d55bf3011e16aa55c3",
    ),
    (
        {
            "change_id": "0190a000-0000-7000-8000-000000000004",
            "entity": "appointments",
            "entity_id": "0190a000-0000-7000-8000-000000000005",
            "clinic_id": "0190a000-0000-7000-8000-000000000003",
            "op": "insert",
            "hlc": "001764745000000-000002-abc",
            "user_id": "0190a000-0000-7000-8000-000000000006",
            "patch": {"deleted": {"v": False}, "when": {"v": "2026-12-01T10:00:00"}},
        },
        "26ecf7732b491190fbc686914f8c9be58a295be336f79453fa74685f266a5fb1",
    ),
]


@pytest.mark.parametrize(("raw", "stored"), STORED)
def test_a_change_hashes_as_hq_stored_it_before(raw: dict[str, object], stored: str) -> None:
    assert content_hash(as_json(Change.model_validate(raw))) == stored


def test_a_value_too_large_is_refused_with_its_field_named() -> None:
    raw = change(Stamp(1_700_000_000_000, 0, "a").encode())
    raw["patch"] = {"notes": {"v": "x" * (LIMITS.value_bytes + 1)}}
    with pytest.raises(ValidationError, match="notes: a value of"):
        Change.model_validate(raw)
    nested: object = "deep"
    for _ in range(LIMITS.json_depth + 1):
        nested = [nested]
    raw["patch"] = {"answers.q": {"v": nested}}
    with pytest.raises(ValidationError, match=r"answers\.q: a value nested deeper"):
        Change.model_validate(raw)
