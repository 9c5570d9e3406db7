"""A patient transferred to another clinic (`outpost-hq transfer`).

HQ keeps no values of its own, only each clinic's log: the patient's record at the sending
clinic is folded from that log (per field, the value with the newest stamp, as the laptops
merge them) and appended to the receiving clinic's log as new changes, with HQ's own
positions, so the receiving laptops pull them through the ordinary sync. The id stays the
same; the fields keep their stamps (a later edit at either clinic, or a transfer back,
merges by them); the clinic the receiving laptops see is theirs.

What travels: the patient and its form records (the kinds that belong to the person), and
the attachments those forms refer to (signatures). Not the sending clinic's appointment
book, providers, users or audit trail: those are that clinic's own, and an appointment
points at its providers, which the receiving clinic does not have.

The sending clinic keeps its records unchanged (no field of a patient says "transferred").
Transferring again sends only the fields newer at the sending clinic than at the receiving
one; when there are none, nothing is written.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session, aliased

from sync.protocol import LIMITS, Change, compact_patch
from sync.protocol.wire import content_hash
from sync.server import store
from sync.server.models import Attachment, ChangeRow, Clinic, RecordRow, Transfer

# The laptop's record kinds HQ must know of here (HQ never imports the laptop's code).
PATIENTS = "patients"
PERSON_KINDS = {"form_records": "patient_id"}  # kind -> the field naming the patient
SUPERSEDES = "supersedes_id"
ATTACHMENT_KEY = "image_sha256"


@dataclass(frozen=True)
class TransferLine:
    patient_id: uuid.UUID
    from_clinic: str
    to_clinic: str
    at_ms: int
    by: str
    records: int
    attachments: int


def list_transfers(session: Session, limit: int = 20) -> list[TransferLine]:
    """The latest transfers, newest first."""
    source = aliased(Clinic)
    target = aliased(Clinic)
    rows = session.execute(
        select(Transfer, source.name, target.name)
        .join(source, source.id == Transfer.from_clinic)
        .join(target, target.id == Transfer.to_clinic)
        .order_by(Transfer.id.desc())
        .limit(limit)
    )
    return [
        TransferLine(t.patient_id, f, to, t.at_ms, t.by, t.records, t.attachments)
        for t, f, to in rows
    ]


@dataclass(frozen=True)
class Transferred:
    patient_id: uuid.UUID
    from_clinic: str
    to_clinic: str
    records: dict[str, int] = field(default_factory=dict)  # kind -> records sent
    attachments: int = 0
    missing_attachments: int = 0  # referred to, but HQ has no complete copy at the sender
    positions: tuple[int, int] | None = None  # first and last position written

    @property
    def nothing_new(self) -> bool:
        return self.positions is None


@dataclass
class _State:
    """A record as folded from a clinic's log: key -> (stamp, value)."""

    fields: dict[str, tuple[str, Any]] = field(default_factory=dict)

    def value(self, key: str) -> Any:
        got = self.fields.get(key)
        return got[1] if got is not None else None


def _refuse(message: str, code: str = "invalid", status: int = 422) -> store.StoreError:
    return store.StoreError(code, message, status)


def _clinic(session: Session, name: str) -> Clinic:
    found = session.scalar(select(Clinic).where(Clinic.name_key == store.name_key(name)))
    if found is None:
        raise _refuse(f"HQ has no clinic {' '.join(name.split())[:200]}.", "not_found", 404)
    return found


def _fold(
    session: Session, clinic_pk: int, entity: str, ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, _State]:
    out: dict[uuid.UUID, _State] = {}
    wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), 500):
        rows = session.execute(
            select(ChangeRow.entity_id, ChangeRow.op, ChangeRow.patch, ChangeRow.hlc)
            .where(
                ChangeRow.clinic == clinic_pk,
                ChangeRow.entity == entity,
                ChangeRow.entity_id.in_(wanted[start : start + 500]),
            )
            .order_by(ChangeRow.position)
        )
        for entity_id, op, patch, hlc in rows:
            state = out.setdefault(entity_id, _State())
            for key, entry in (patch or {}).items():
                stamp = entry.get("hlc") or hlc
                current = state.fields.get(key)
                if current is None or stamp >= current[0]:
                    state.fields[key] = (stamp, entry.get("v"))
            if op == "delete" and "deleted" not in (patch or {}):
                current = state.fields.get("deleted")
                if current is None or hlc >= current[0]:
                    state.fields["deleted"] = (hlc, True)
    return out


def _hashes(value: Any, found: set[str]) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            digest = item.get(ATTACHMENT_KEY)
            if isinstance(digest, str) and len(digest) == 64:
                found.add(digest)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def transfer_patient(
    session: Session,
    patient_id: uuid.UUID,
    from_name: str,
    to_name: str,
    now_ms: int,
    by: str = "",
) -> Transferred:
    """Appends the patient (and its form records) to the receiving clinic's log; see the
    module docstring. Raises StoreError to refuse (nothing written)."""
    source = _clinic(session, from_name)
    target = _clinic(session, to_name)
    if source.id == target.id:
        raise _refuse(f"The patient is already at {source.name}: name another clinic to send to.")
    if target.clinic_id is None:
        raise _refuse(
            f"No laptop of {target.name} has joined HQ yet: enrol its first laptop, then transfer."
        )
    for pk in sorted((source.id, target.id)):
        store.lock_clinic(session, pk)
    at_source = session.get(RecordRow, (source.id, PATIENTS, patient_id))
    if at_source is None:
        elsewhere = session.scalars(
            select(Clinic.name)
            .join(RecordRow, RecordRow.clinic == Clinic.id)
            .where(RecordRow.entity == PATIENTS, RecordRow.entity_id == patient_id)
            .order_by(Clinic.name_key)
        ).all()
        if elsewhere:
            raise _refuse(
                f"{source.name} has no patient {patient_id}: it is a patient of "
                f"{', '.join(elsewhere)}.",
                "not_found",
                404,
            )
        raise _refuse(f"HQ has no patient {patient_id}.", "not_found", 404)
    if at_source.deleted:
        raise _refuse(f"Patient {patient_id} was removed at {source.name}: nothing to transfer.")

    states: dict[tuple[str, uuid.UUID], _State] = {}
    patient = _fold(session, source.id, PATIENTS, [patient_id])[patient_id]
    states[(PATIENTS, patient_id)] = patient
    wanted = str(patient_id)
    for kind, link in PERSON_KINDS.items():
        # Candidates by the id's text in a patch (both databases store JSON as text), then
        # each folded and kept only if it names the patient now.
        candidates = session.scalars(
            select(ChangeRow.entity_id)
            .where(
                ChangeRow.clinic == source.id,
                ChangeRow.entity == kind,
                cast(ChangeRow.patch, String).like(f"%{wanted}%"),
            )
            .distinct()
        ).all()
        folded = {
            i: s
            for i, s in _fold(session, source.id, kind, candidates).items()
            if s.value(link) == wanted
        }
        keep = {i for i, s in folded.items() if s.value("deleted") is not True}
        # A correction's superseded form travels too (removed or not): it points at it.
        todo = list(keep)
        while todo:
            ref = folded[todo.pop()].value(SUPERSEDES)
            try:
                ref_id = uuid.UUID(str(ref)) if ref else None
            except ValueError:
                ref_id = None
            if ref_id is not None and ref_id in folded and ref_id not in keep:
                keep.add(ref_id)
                todo.append(ref_id)
        for i in sorted(keep):
            states[(kind, i)] = folded[i]

    clinic_text = str(target.clinic_id)
    rows: list[dict[str, Any]] = []
    records: dict[tuple[str, uuid.UUID], RecordRow | None] = {}
    sent: dict[str, int] = {}
    hashes: set[str] = set()
    for (kind, entity_id), state in states.items():
        there = session.get(RecordRow, (target.id, kind, entity_id))
        records[(kind, entity_id)] = there
        have = dict(there.stamps or {}) if there is not None else {}
        keys = sorted(
            (
                k
                for k, (stamp, _v) in state.fields.items()
                if there is None or stamp > have.get(k, "")
            ),
            key=lambda k: ("." in k, k),
        )
        if not keys:
            continue
        sent[kind] = sent.get(kind, 0) + 1
        for start in range(0, len(keys), LIMITS.patch_keys):
            part = keys[start : start + LIMITS.patch_keys]
            patch: dict[str, Any] = {}
            for k in part:
                stamp, value = state.fields[k]
                entry: dict[str, Any] = {
                    "v": clinic_text if k == "clinic_id" else value,
                    "hlc": stamp,
                }
                if k in have:
                    entry["base"] = have[k]
                patch[k] = entry
            deleted = state.value("deleted") is True
            op = "delete" if deleted else "insert" if there is None and start == 0 else "update"
            change = Change.model_validate(
                {
                    "change_id": str(uuid.uuid4()),
                    "entity": kind,
                    "entity_id": str(entity_id),
                    "clinic_id": clinic_text,
                    "op": op,
                    "patch": patch,
                    "hlc": max(e["hlc"] for e in patch.values()),
                }
            )
            dumped = change.as_json()
            rows.append(
                {
                    "change_id": change.change_id,
                    "clinic": target.id,
                    "entity": kind,
                    "entity_id": entity_id,
                    "op": op,
                    "patch": compact_patch(dumped["patch"], change.hlc),
                    "hlc": change.hlc,
                    "user_id": None,
                    "origin_device": None,
                    "content_hash": content_hash(dumped),
                    "received_at_ms": now_ms,
                    "conflict": False,
                }
            )
    for state in states.values():
        _hashes([v for _s, v in state.fields.values()], hashes)
    positions = store.append_rows(session, rows) if rows else []
    last: dict[tuple[str, uuid.UUID], int] = {}
    for row, pos in zip(rows, positions, strict=True):
        last[(row["entity"], row["entity_id"])] = pos
    for key, pos in last.items():
        state = states[key]
        there = records[key]
        stamps = dict(there.stamps or {}) if there is not None else {}
        for k, (stamp, _v) in state.fields.items():
            if stamp > stamps.get(k, ""):
                stamps[k] = stamp
        deleted_stamp = stamps.get("deleted")
        folded_deleted = state.fields.get("deleted")
        if there is None:
            session.add(
                RecordRow(
                    clinic=target.id,
                    entity=key[0],
                    entity_id=key[1],
                    deleted=bool(folded_deleted and folded_deleted[1] is True),
                    stamps=stamps,
                    last_position=pos,
                )
            )
        else:
            if folded_deleted is not None and folded_deleted[0] == deleted_stamp:
                there.deleted = folded_deleted[1] is True
            there.stamps = stamps
            there.last_position = max(there.last_position, pos)

    copied = missing = 0
    for sha in sorted(hashes):
        if store.attachment_bytes(session, target.id, sha) is not None:
            continue
        got = session.get(Attachment, (source.id, sha))
        if got is None or not got.complete:
            missing += 1
            continue
        partial = session.get(Attachment, (target.id, sha))
        if partial is not None:
            session.delete(partial)
            session.flush()
        session.add(
            Attachment(
                clinic=target.id,
                sha256=sha,
                media_type=got.media_type,
                size=got.size,
                received=got.received,
                complete=True,
                data=got.data,
                created_at_ms=now_ms,
                completed_at_ms=now_ms,
            )
        )
        copied += 1
    if positions or copied:
        session.add(
            Transfer(
                patient_id=patient_id,
                from_clinic=source.id,
                to_clinic=target.id,
                at_ms=now_ms,
                by=by[:200],
                records=sum(sent.values()),
                attachments=copied,
                first_position=positions[0] if positions else None,
                last_position=positions[-1] if positions else None,
            )
        )
    session.flush()
    return Transferred(
        patient_id,
        source.name,
        target.name,
        records=sent,
        attachments=copied,
        missing_attachments=missing,
        positions=(positions[0], positions[-1]) if positions else None,
    )
