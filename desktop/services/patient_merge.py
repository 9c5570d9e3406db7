"""Two registrations of one person made one: every record of the other moved to the survivor,
the other tombstoned with `merged_into` pointing at the survivor.

The records moved are found from the record specs (`desktop.records.kinds`): every kind with a
patient link other than the patient itself (appointments, form records; a kind added later
with a patient link is moved too). Attachments hang on form records by hash, so they move
with them. Each move is an ordinary field change (`patient_id`) and the tombstone an ordinary
deletion plus `merged_into`, so the outbox queues them like any edit and another laptop that
receives them ends up with the same records moved.

Refused, in words a person can act on:
- merging a patient into itself, into a removed patient, or into one already merged (name
  the survivor it was merged into instead);
- a signed form of the other patient: a signed form never changes (a database trigger
  refuses it), and moving it would change it. When only the other has signed forms, the
  refusal says to keep the other one instead.

The audit trail of the other patient stays where it is (append-only); the merge itself is
audited on both records ("merge", naming the other record and how many of each kind moved).
Items needing attention about the other patient now name the survivor; those about the pair
(a possible duplicate of the two) are settled by the merge.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import Conflict, InvalidInput, NotFound
from desktop.messages import msg
from desktop.permissions import Actor, Permission
from desktop.records.kinds import PATIENTS, SPECS
from desktop.services import audit
from desktop.store.models import FormRecord, FormStatus, NeedsAttention, Patient, utcnow

MERGED = "merged"  # the resolution of an attention item the merge settled


@dataclass(frozen=True)
class MergeResult:
    """What a merge did, as plain values."""

    survivor_id: uuid.UUID
    merged_id: uuid.UUID
    moved: dict[str, int]  # record kind (table) → how many records now name the survivor
    settled: int  # attention items the merge settled


def linked_kinds() -> list[tuple[str, str]]:
    """(kind, its patient-link field) for every record kind that belongs to a patient."""
    return [
        (spec.kind, spec.patient_link)
        for spec in SPECS.values()
        if spec.patient_link is not None and spec.patient_link != "id"
    ]


def _patient(session: Session, patient_id: uuid.UUID) -> Patient:
    found = session.scalar(select(Patient).where(Patient.id == patient_id))
    if found is None:
        raise NotFound(PATIENTS.not_found(patient_id))
    return found


def _refuse_dead(patient: Patient, role: str) -> None:
    if not patient.deleted:
        return
    if patient.merged_into is not None:
        raise Conflict(
            msg(
                "{name} was already merged into another record ({survivor}): merge with that "
                "record instead.",
                name=patient.full_name,
                survivor=patient.merged_into,
            )
        )
    if role == "survivor":
        raise Conflict(
            msg(
                "{name} was removed: a patient cannot be merged into a removed record.",
                name=patient.full_name,
            )
        )
    raise Conflict(
        msg("{name} was removed already: there is nothing to merge.", name=patient.full_name)
    )


def _signed_forms(session: Session, patient_id: uuid.UUID) -> int:
    return len(
        session.scalars(
            select(FormRecord.id).where(
                FormRecord.patient_id == patient_id,
                FormRecord.status == FormStatus.SIGNED,
                FormRecord.deleted.is_(False),
            )
        ).all()
    )


def check_merge(session: Session, survivor_id: uuid.UUID, other_id: uuid.UUID) -> None:
    """Raise (in words) when `other_id` cannot be merged into `survivor_id`; nothing is
    written. Screens ask it before offering the choice."""
    if survivor_id == other_id:
        raise InvalidInput(msg("A patient cannot be merged into themselves: choose two records."))
    survivor = _patient(session, survivor_id)
    other = _patient(session, other_id)
    if other.merged_into == survivor_id:
        raise Conflict(
            msg(
                "{name} is already merged into {survivor}: there is nothing more to do.",
                name=other.full_name,
                survivor=survivor.full_name,
            )
        )
    _refuse_dead(survivor, "survivor")
    _refuse_dead(other, "other")
    signed = _signed_forms(session, other_id)
    if signed:
        if _signed_forms(session, survivor_id):
            raise Conflict(
                msg(
                    "Both records have signed forms, and a signed form never changes: these "
                    "two records cannot be merged. Keep both, and note in each that it is the "
                    "same person."
                )
            )
        raise Conflict(
            msg(
                "{name} has {n} signed forms, and a signed form never changes: keep {name} "
                "and merge the other record into it instead.",
                name=other.full_name,
                n=signed,
            )
        )


def merge_patients(
    session: Session, actor: Actor, survivor_id: uuid.UUID, other_id: uuid.UUID
) -> MergeResult:
    """Move every record of `other_id` to `survivor_id` and tombstone `other_id` (see the
    module docstring). Runs in the caller's transaction."""
    actor.require(Permission.EDIT_PATIENTS)
    check_merge(session, survivor_id, other_id)
    moved: dict[str, int] = {}
    for kind, link in linked_kinds():
        spec = SPECS[kind]
        model: Any = spec.model
        column = getattr(model, link)
        count = 0
        # Tombstones too (a removed appointment of the other then names the survivor), except
        # a removed signed form, which never changes and which nothing shows.
        for record in session.scalars(select(model).where(column == other_id)):
            frozen = spec.immutable_when is not None and (
                getattr(record, spec.immutable_when[0]) == spec.immutable_when[1]
            )
            if frozen and record.deleted:
                continue
            setattr(record, link, survivor_id)
            count += 1
        moved[kind] = count
    other = _patient(session, other_id)
    other.deleted = True
    other.merged_into = survivor_id
    session.flush()
    settled = _settle_items(session, actor, survivor_id, other_id)
    counts = {f"moved_{kind}": str(n) for kind, n in moved.items()}
    audit.record(session, actor, "merge", "patients", survivor_id, merged=str(other_id), **counts)
    audit.record(
        session, actor, "merge", "patients", other_id, merged_into=str(survivor_id), **counts
    )
    session.flush()
    return MergeResult(survivor_id, other_id, moved, settled)


def follow_merges(session: Session) -> dict[str, int]:
    """Records that still name a merged patient (made on a laptop that had not heard of the
    merge yet, and arrived after it) moved to the survivor, as ordinary edits that sync.
    Returns how many, by kind; nothing is written when there are none."""
    merged: dict[uuid.UUID, uuid.UUID] = {
        tomb: into
        for tomb, into in session.execute(
            select(Patient.id, Patient.merged_into).where(Patient.merged_into.is_not(None))
        )
        if into is not None
    }
    if not merged:
        return {}

    def survivor(patient_id: uuid.UUID) -> uuid.UUID:
        seen = {patient_id}
        while patient_id in merged and merged[patient_id] not in seen:  # a merge of a merge
            patient_id = merged[patient_id]
            seen.add(patient_id)
        return patient_id

    moved: dict[str, int] = {}
    for kind, link in linked_kinds():
        spec = SPECS[kind]
        model: Any = spec.model
        column = getattr(model, link)
        for record in session.scalars(select(model).where(column.in_(list(merged)))):
            frozen = spec.immutable_when is not None and (
                getattr(record, spec.immutable_when[0]) == spec.immutable_when[1]
            )
            if frozen:
                continue  # a signed form never changes (it stays with the tombstone)
            setattr(record, link, survivor(getattr(record, link)))
            moved[kind] = moved.get(kind, 0) + 1
    if moved:
        session.flush()
    return moved


def _settle_items(
    session: Session, actor: Actor, survivor_id: uuid.UUID, other_id: uuid.UUID
) -> int:
    """Open items about the other patient now name the survivor; those about the other's own
    fields, or about the pair being one person, are settled by the merge."""
    settled = 0
    now = utcnow()
    pair = {str(survivor_id), str(other_id)}
    for item in session.scalars(
        select(NeedsAttention).where(
            NeedsAttention.resolved_at.is_(None),
            (NeedsAttention.patient_id == other_id)
            | (NeedsAttention.entity_id.in_([survivor_id, other_id])),
        )
    ):
        about_pair = item.entity == "patients" and (
            item.entity_id == other_id or _names_pair(item, pair)
        )
        if about_pair:
            item.resolved_at, item.resolved_by, item.resolution = now, actor.user_id, MERGED
            settled += 1
        elif item.patient_id == other_id:
            item.patient_id = survivor_id
    return settled


def _names_pair(item: NeedsAttention, pair: set[str]) -> bool:
    values = (item.local_value, item.remote_value)
    ids = {str(v.get("id")) for v in values if isinstance(v, dict)}
    return ids == pair
