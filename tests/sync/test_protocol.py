"""The wire models refuse what would sort or size wrongly once stored."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from desktop.hlc import Stamp
from sync.client import HqClient
from sync.protocol import DERIVED_IDS, Change, Hello, PushRequest, derived_change_id, wire
from sync.protocol.limits import LIMITS
from sync.protocol.wire import as_json, content_hash


def change(hlc: str) -> dict[str, Any]:
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
            "op": "insert",
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
        "d577fd916eae9a8137d0fc562832df99787f69d3db69a004ca5c38f400b02a46",
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
    (
        {
            "change_id": "0190a000-0000-7000-8000-000000000007",
            "entity": "patients",
            "entity_id": "0190a000-0000-7000-8000-000000000002",
            "clinic_id": "0190a000-0000-7000-8000-000000000003",
            "op": "update",
            "hlc": "001764745000000-000003-abc",
            "patch": {
                "village": {
                    "v": "Migosi",
                    "hlc": "001764745000000-000003-abc",
                    "base": "001764745000000-000001-abc",
                },
                "phone": {"v": None, "hlc": "001764745000000-000003-abc"},
            },
        },
        "1e1972adc4e065b4b30b0aba2c4f1518e30640fd328b8f2acaa744ef541b32e6",
    ),
]


@pytest.mark.parametrize(("raw", "stored"), STORED)
def test_a_change_hashes_as_hq_stored_it_before(raw: dict[str, object], stored: str) -> None:
    change = Change.model_validate(raw)
    assert content_hash(as_json(change)) == stored
    assert content_hash(change.as_json()) == stored  # what HQ's push hashes


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)
_STAMPS = st.sampled_from([None, "001764745000000-000001-abc", "001764745000000-000002-x.y_Z"])
_ENTRIES = st.fixed_dictionaries({}, optional={"v": _JSON_VALUES, "hlc": _STAMPS, "base": _STAMPS})


@settings(max_examples=300, deadline=None)
@given(
    patch=st.dictionaries(
        st.text(min_size=1, max_size=12).filter(str.isprintable), _ENTRIES, max_size=6
    ),
    op=st.sampled_from(["insert", "update", "delete"]),
    user=st.none() | st.uuids(),
)
def test_a_change_s_quick_json_is_the_json_pydantic_makes_of_it(
    patch: dict[str, Any], op: str, user: uuid.UUID | None
) -> None:
    raw = {**STORED[0][0], "op": op, "patch": patch, "user_id": user}
    change = Change.model_validate(raw)
    assert change.as_json() == as_json(change)
    assert content_hash(change.as_json()) == content_hash(as_json(change))


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


def test_a_change_sent_without_its_id_has_the_id_derived_from_it() -> None:
    raw = change(Stamp(1_700_000_000_000, 3, "laptopA").encode())
    explicit = Change.model_validate(raw)
    raw.pop("change_id")
    derived = Change.model_validate(raw)
    expected = derived_change_id("patients", uuid.UUID(str(raw["entity_id"])), str(raw["hlc"]))
    assert derived.change_id == expected != explicit.change_id
    # HQ hashes what it stores: sent with or without the id, the same change is one change.
    with_id = {**raw, "change_id": str(expected)}
    assert content_hash(as_json(Change.model_validate(with_id))) == content_hash(as_json(derived))


def test_a_change_without_an_id_or_a_record_is_refused_not_derived() -> None:
    raw = change(Stamp(1_700_000_000_000, 0, "a").encode())
    raw.pop("change_id")
    raw["entity_id"] = "not an id"
    with pytest.raises(ValidationError, match="change_id"):
        Change.model_validate(raw)


def test_the_client_leaves_off_only_ids_hq_derives_and_only_if_hq_says_it_does() -> None:
    stamp = Stamp(1_700_000_000_000, 0, "a").encode()
    own = change(stamp)
    own["change_id"] = str(derived_change_id("patients", uuid.UUID(own["entity_id"]), stamp))
    other = change(stamp)  # an id of its own (made before ids were derived)
    request = PushRequest(
        batch_id=uuid.uuid4(),
        changes=[Change.model_validate(own), Change.model_validate(other)],
        sent_at_ms=1,
    )
    client = HqClient("http://127.0.0.1:9")
    assert client._implied(request) is None  # no hello yet: every id travels
    hello = {"protocol_min": 1, "protocol_max": 1, "server_time_ms": 1, "log_id": str(uuid.uuid4())}
    client.last_hello = Hello.model_validate({**hello, "encodings": []})
    assert client._implied(request) is None  # an HQ from before derived ids
    client.last_hello = Hello.model_validate({**hello, "encodings": [], "features": [DERIVED_IDS]})
    sent = json.loads(wire.model_bytes(request, client._implied(request)))
    assert "change_id" not in sent["changes"][0]
    assert sent["changes"][1]["change_id"] == other["change_id"]
    assert PushRequest.model_validate(sent).changes == request.changes


def test_an_update_sent_without_its_fields_stamps_is_the_same_change_at_hq() -> None:
    stamp = Stamp(1_700_000_000_000, 0, "a").encode()
    older = Stamp(1_600_000_000_000, 0, "b").encode()
    raw = change(stamp)
    raw["patch"] = {
        "village": {"v": "Kisian", "hlc": stamp, "base": older},
        "phone": {"v": "+254712345678", "hlc": stamp},
        "notes": {"v": "seen", "hlc": older},  # a stamp of its own travels
    }
    request = PushRequest(batch_id=uuid.uuid4(), changes=[Change.model_validate(raw)], sent_at_ms=1)
    client = HqClient("http://127.0.0.1:9")
    client.last_hello = Hello.model_validate(
        {
            "protocol_min": 1,
            "protocol_max": 1,
            "server_time_ms": 1,
            "log_id": str(uuid.uuid4()),
            "encodings": [],
            "features": [DERIVED_IDS],
        }
    )
    sent = json.loads(wire.model_bytes(request, client._implied(request)))
    patch = sent["changes"][0]["patch"]
    assert "hlc" not in patch["village"] and "hlc" not in patch["phone"]
    assert patch["notes"]["hlc"] == older
    at_hq = PushRequest.model_validate(sent).changes[0]
    assert at_hq == request.changes[0]
    assert content_hash(as_json(at_hq)) == content_hash(as_json(request.changes[0]))


@pytest.mark.parametrize(
    ("value", "why"),
    [
        (float("nan"), "not one"),
        (float("inf"), "not one"),
        (10**30, "too large"),
        ({"answers": [1.0, float("-inf")]}, "not one"),
    ],
)
def test_numbers_no_store_keeps_are_refused_by_the_protocol(value: object, why: str) -> None:
    raw = change(Stamp(1_700_000_000_000, 0, "a").encode())
    raw["patch"] = {"answers.q": {"v": value}}
    with pytest.raises(ValidationError, match=why):
        Change.model_validate(raw)


def test_nan_sent_as_json_text_is_refused_too() -> None:
    raw = change(Stamp(1_700_000_000_000, 0, "a").encode())
    text = json.dumps({**raw, "patch": {"weight": {"v": 1.5}}}).replace("1.5", "NaN")
    with pytest.raises(ValidationError, match="not one"):
        Change.model_validate_json(text)


def test_a_push_refused_in_compact_form_is_sent_again_in_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """HQ of several processes being upgraded: the one that answers may not take compact
    changes yet (422); the batch goes again in full, the same ids."""
    from sync.client.errors import HqRefused
    from sync.protocol import ErrorCode, PositionalResults

    stamp = Stamp(1_700_000_000_000, 0, "a").encode()
    own = change(stamp)
    own["change_id"] = str(derived_change_id("patients", uuid.UUID(own["entity_id"]), stamp))
    request = PushRequest(batch_id=uuid.uuid4(), changes=[Change.model_validate(own)], sent_at_ms=1)
    client = HqClient("http://127.0.0.1:9")
    client.last_hello = Hello.model_validate(
        {
            "protocol_min": 1,
            "protocol_max": 1,
            "server_time_ms": 1,
            "log_id": str(uuid.uuid4()),
            "encodings": [],
            "features": [DERIVED_IDS],
        }
    )
    bodies: list[tuple[PushRequest, object]] = []

    def answer(*_args: object, body: PushRequest, exclude: object = None, **_kw: object) -> object:
        bodies.append((body, exclude))
        if exclude is not None:
            raise HqRefused("invalid", status=422, code=ErrorCode.INVALID)
        return PositionalResults.model_validate(
            {
                "batch_id": str(body.batch_id),
                "server_time_ms": 1,
                "results": [{"change_id": own["change_id"], "status": "applied", "position": 1}],
            }
        )

    monkeypatch.setattr(client, "_json", answer)
    pushed = client.push(request)
    assert [b.positional for b, _ in bodies] == [True, False]
    assert bodies[1][1] is None  # the second time every id and stamp travels
    assert pushed.results[0].change_id == request.changes[0].change_id
