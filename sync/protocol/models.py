"""Requests and answers of the sync protocol (version 1), as pydantic models.

Endpoints (all under /v1; JSON bodies, optionally compressed, see `sync.protocol.wire`):

    GET  /v1/hello                      no credential: versions, server time, log id
    POST /v1/enrol                      EnrolRequest -> EnrolResponse (one-time code)
    POST /v1/push                       PushRequest -> PushResponse
    GET  /v1/changes?after=N&limit=M[&log=ID][&own=false]  -> PullPage (the device's
                                        clinic only; own=false: without its own changes)
    GET  /v1/status                     -> StatusResponse
    POST /v1/attachments/missing        AttachmentsQuery -> AttachmentsMissing
    POST /v1/attachments/{sha256}       raw bytes from `Upload-Offset` (resumable upload)
    GET  /v1/attachments/{sha256}       the bytes (a laptop pulling a record's signature)
    GET  /v1/attachments/{sha256}/offset  -> UploadOffset (how much HQ has of an upload)

Every request carries `Outpost-Protocol: <version>`; every request but hello and enrol
carries `Authorization: Bearer <device token>`. Errors are `ErrorBody` with a 4xx status
(426 update_required, 401 unauthorized, 403 device_revoked, 409 resync_required, 413
too_large, 422 invalid, 429 rate_limited), never a 5xx for anything a peer sent.
"""

from __future__ import annotations

import enum
import json
import math
import uuid
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    field_validator,
    model_validator,
)
from typing_extensions import TypedDict

from sync.protocol.limits import LIMITS

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "Outpost-Protocol"

# An HLC stamp as desktop.hlc encodes it: 15-digit wall ms, 6-digit counter, node.
Stamp = Annotated[
    # [0-9], not \d: any script's digits match \d, and stamps are compared as text.
    str,
    StringConstraints(pattern=r"^[0-9]{15}-[0-9]{6}-[0-9A-Za-z_.]{1,40}$", max_length=64),
]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=LIMITS.name_chars),
]
Entity = Annotated[
    str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=LIMITS.entity_chars)
]


def _depth(value: Any, limit: int) -> int:
    """Nesting depth of a JSON value, stopping as soon as it passes `limit`."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    deepest = 0
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return deepest


def bounded_value_problem(value: Any) -> str | None:
    """Why a field's value passes the limits of what a peer may send, or None."""
    if _depth(value, LIMITS.json_depth) > LIMITS.json_depth:
        return f"a value nested deeper than {LIMITS.json_depth} levels"
    try:
        size = len(json.dumps(value, ensure_ascii=False, allow_nan=False).encode())
    except ValueError:
        return _NOT_A_NUMBER
    if size > LIMITS.value_bytes:
        return f"a value of {size} bytes (at most {LIMITS.value_bytes})"
    return None


class _Wire(BaseModel):
    # Unknown fields from a newer peer are ignored (a newer minor version may add some).
    model_config = ConfigDict(extra="ignore", frozen=True)


class PatchEntry(TypedDict, total=False):
    """One field of a change: its value ("v"; absent is null), its stamp ("hlc"; absent in
    an insert: the change's own stamp) and the stamp of the value it replaced ("base").

    A plain dict, not a model: a page carries tens of thousands of them, and validating
    them as dicts costs a quarter of what models cost (benchmarks/bench_sync.py)."""

    v: JsonValue
    hlc: Stamp | None
    base: Stamp | None


# Where the ids of changes sent without one come from (see `derived_change_id`). Fixed for
# ever: HQ and every laptop must derive the same id from the same change.
CHANGE_ID_SPACE = uuid.UUID("0b8f3c1e-6a43-5d8e-9f2a-4c7d2e1b9a60")
# The Hello feature of an HQ that takes compact changes: a change without an id has its
# derived id, and an update's field without a stamp has the change's own.
DERIVED_IDS = "compact_changes"


def derived_change_id(entity: str, entity_id: uuid.UUID, hlc: str) -> uuid.UUID:
    """The id of a change sent without one. A device's stamps never repeat, so its record
    kind, record and stamp name one change; a laptop gives its changes these ids and leaves
    them off the wire (random ids were a quarter of a compressed push, benchmarks/)."""
    return uuid.uuid5(CHANGE_ID_SPACE, f"{entity}/{entity_id}/{hlc}")


def _stamped(patch: dict[str, Any], hlc: str) -> dict[str, Any]:
    """An update's patch with each stamp written out, as it is stored and hashed (and as
    every Outpost sent it before compact changes)."""
    return {
        k: {**e, "hlc": hlc} if isinstance(e, dict) and e.get("hlc") is None else e
        for k, e in patch.items()
    }


def compact_patch(patch: dict[str, Any], hlc: str) -> dict[str, Any]:
    """A patch without the stamps equal to its change's own `hlc`: how HQ stores and serves
    it. "hlc" absent means the change's stamp for every op (`PatchEntry`), so this is the same
    change; a snapshot's updates stamp every field with the change's stamp, and those stamps
    were half of a new laptop's pull pages and a third of their parsing (benchmarks/)."""
    return {
        k: {n: x for n, x in e.items() if n != "hlc"}
        if type(e) is dict and e.get("hlc") == hlc
        else e
        for k, e in patch.items()
    }


class Change(_Wire):
    """One outbox entry of a device: a field-level patch of one record. Sent compact (only
    to an HQ whose Hello lists DERIVED_IDS), a change without `change_id` has
    `derived_change_id`, and an update's entry without "hlc" the change's own stamp."""

    change_id: uuid.UUID
    entity: Entity
    entity_id: uuid.UUID
    clinic_id: uuid.UUID
    op: Literal["insert", "update", "delete"]
    patch: dict[str, PatchEntry] = Field(max_length=LIMITS.patch_keys)
    hlc: Stamp
    user_id: uuid.UUID | None = None

    # Whether an update's implied stamps are written out field by field (as HQ hashes it).
    restamps: ClassVar[bool] = True

    @model_validator(mode="before")
    @classmethod
    def _fill_implied(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        hlc, patch = data.get("hlc"), data.get("patch")
        if (
            cls.restamps
            and data.get("op") == "update"
            and isinstance(hlc, str)
            and isinstance(patch, dict)
            and not all(type(e) is dict and e.get("hlc") is not None for e in patch.values())
        ):
            data = {**data, "patch": _stamped(patch, hlc)}
        if data.get("change_id") is not None:
            return data
        entity, entity_id = data.get("entity"), data.get("entity_id")
        if not (isinstance(entity, str) and isinstance(hlc, str)):
            return data  # refused below, for what it lacks
        try:
            record = entity_id if isinstance(entity_id, uuid.UUID) else uuid.UUID(str(entity_id))
        except ValueError:
            return data
        return {**data, "change_id": derived_change_id(entity, record, hlc)}

    @field_validator("patch")
    @classmethod
    def _patch_is_bounded(cls, patch: dict[str, PatchEntry]) -> dict[str, PatchEntry]:
        # One pass over the patch instead of a validator per value: most values are scalars
        # or short texts, which cannot pass the limits (a character is at most 4 bytes of
        # UTF-8, 6 as a JSON escape), so only the others are measured.
        for key, entry in patch.items():
            if len(key) > _KEY_CHARS or not key or not key.isprintable():
                raise ValueError(f"a field name that is not one: {key[:60]!r}")
            value = entry.get("v")
            if value is None or isinstance(value, bool):
                continue
            if isinstance(value, _NUMBERS):
                problem = _number_problem(value)
                if problem:
                    raise ValueError(f"{key[:60]}: {problem}")
                continue
            if isinstance(value, str) and len(value) <= _SHORT_TEXT:
                continue
            problem = bounded_value_problem(value)
            if problem:
                raise ValueError(f"{key[:60]}: {problem}")
        return patch

    def as_json(self) -> dict[str, Any]:
        """`wire.as_json(self)`, the form HQ hashes and stores, made several times faster:
        the validated patch is JSON already, so pydantic dumps only the rest (its dump of the
        patch's free-form values was most of the time of a push at HQ). Entries lose their
        None keys, as `exclude_none` drops them; the values inside are left as they are."""
        dumped = self.model_dump(mode="json", exclude_none=True, exclude={"patch"})
        dumped["patch"] = {
            key: {name: x for name, x in entry.items() if x is not None}
            for key, entry in self.patch.items()
        }
        return dumped


_NUMBERS = (int, float)  # a tuple: `int | float` would be built anew for each value
_NOT_A_NUMBER = "a number that is not one (NaN or infinite): JSON has no such number"
WHOLE_NUMBERS = range(-(2**63), 2**63)  # what every store holds as an integer


def _number_problem(value: int | float) -> str | None:
    if isinstance(value, float):
        return None if math.isfinite(value) else _NOT_A_NUMBER
    return None if value in WHOLE_NUMBERS else "a whole number too large for any store"


_SHORT_TEXT = LIMITS.value_bytes // 6
_KEY_CHARS = LIMITS.key_chars


class DeviceSummary(_Wire):
    """What the device reports of itself at each push, for HQ's status pages."""

    pending: int = Field(default=0, ge=0, le=10**9)
    needs_attention: int = Field(default=0, ge=0, le=10**9)
    app_version: Annotated[str, StringConstraints(max_length=40)] = ""


class PushRequest(_Wire):
    batch_id: uuid.UUID
    changes: list[Change] = Field(max_length=LIMITS.batch_changes)
    sent_at_ms: int = Field(ge=0, le=10**15)  # the device's wall clock (clock offset)
    summary: DeviceSummary = DeviceSummary()
    # Answer with results in the order of `changes`, without their ids (PositionalResults):
    # only to an HQ whose Hello lists DERIVED_IDS; an older HQ ignores it and names them.
    positional: bool = False


class ChangeStatus(enum.StrEnum):
    APPLIED = "applied"  # new, durably in HQ's log at `position`
    DUPLICATE = "duplicate"  # HQ has this change id with this content already
    CONFLICT = "conflict"  # in the log, but it competes with another device's newer edit
    REJECTED = "rejected"  # refused (reason says why); not in the log


class ChangeResult(_Wire):
    change_id: uuid.UUID
    status: ChangeStatus
    position: int | None = None
    reason: str | None = None


class PushResponse(_Wire):
    batch_id: uuid.UUID
    results: list[ChangeResult]
    server_time_ms: int


class PositionalResult(_Wire):
    """A ChangeResult as answered to a `positional` push: the id is the change's at the same
    place in the request (an HQ that names it anyway is fine)."""

    change_id: uuid.UUID | None = None
    status: ChangeStatus
    position: int | None = None
    reason: str | None = None


class PositionalResults(_Wire):
    batch_id: uuid.UUID
    results: list[PositionalResult]
    server_time_ms: int


class PulledChange(Change):
    """A change of HQ's log as a pull page carries it. HQ stores and serves patches compact
    (`compact_patch`), and they are kept so: a laptop reads a missing stamp as the change's
    own (desktop.app.remote), so writing the stamps out again would only cost time on every
    pulled change (`restamps`). A missing change id is still derived."""

    position: int  # HQ's sequence: the cursor a device keeps is the last position applied
    origin_device: uuid.UUID | None = None  # the device that pushed it
    # HQ took it as a conflict: it competes with another device's newer edit, or it removes
    # a record another device edited after the remover last pulled (judged on each device).
    conflict: bool = False

    restamps: ClassVar[bool] = False


class PullPage(_Wire):
    changes: list[PulledChange]
    next_cursor: int  # after applying this page, ask for changes after this
    more: bool  # another page is waiting
    head: int  # the highest position of this clinic's log committed at HQ
    log_id: uuid.UUID  # which HQ log the positions belong to (a moved or rebuilt HQ differs)
    server_time_ms: int


class EnrolRequest(_Wire):
    code: Annotated[str, StringConstraints(min_length=1, max_length=LIMITS.code_chars)]
    device_name: Name
    # "join": a clinic set up offline on this laptop joins HQ (its clinic id and name come
    # along); "new_laptop": a laptop set up from HQ for a clinic HQ knows.
    mode: Literal["join", "new_laptop"]
    clinic_id: uuid.UUID | None = None
    clinic_name: Name | None = None


class EnrolResponse(_Wire):
    device_id: uuid.UUID
    device_token: Annotated[str, StringConstraints(min_length=32, max_length=200)]
    clinic_id: uuid.UUID
    clinic_name: str
    clinic_is_new: bool  # HQ had no records of this clinic: this laptop's are its first
    log_id: uuid.UUID
    server_time_ms: int


class StatusResponse(_Wire):
    server_time_ms: int
    protocol_min: int
    protocol_max: int
    log_id: uuid.UUID
    device_id: uuid.UUID
    device_name: str
    clinic_id: uuid.UUID
    clinic_name: str
    head: int
    counts: dict[str, int]  # live (not deleted) records of the clinic by kind


class Hello(_Wire):
    protocol_min: int
    protocol_max: int
    server_time_ms: int
    log_id: uuid.UUID
    encodings: list[str]  # content encodings HQ accepts, preferred first
    features: list[str] = []  # what this HQ does beyond protocol 1's minimum (DERIVED_IDS)


class AttachmentsQuery(_Wire):
    hashes: list[Sha256] = Field(max_length=LIMITS.attachments_per_query)


class AttachmentsMissing(_Wire):
    missing: list[Sha256]


class UploadOffset(_Wire):
    received: int
    complete: bool


class ErrorCode(enum.StrEnum):
    UPDATE_REQUIRED = "update_required"
    UNAUTHORIZED = "unauthorized"
    DEVICE_REVOKED = "device_revoked"
    RESYNC_REQUIRED = "resync_required"
    TOO_LARGE = "too_large"
    INVALID = "invalid"
    RATE_LIMITED = "rate_limited"
    NOT_FOUND = "not_found"
    CODE_INVALID = "code_invalid"  # enrolment code unknown, used or expired
    CLINIC_MISMATCH = "clinic_mismatch"  # a laptop of another clinic, or HQ's clinic taken
    SERVER_ERROR = "server_error"


class ErrorBody(_Wire):
    error: ErrorCode
    message: str  # for a person: what happened and what to do
    detail: JsonValue = None
