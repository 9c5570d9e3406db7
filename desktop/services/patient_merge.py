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
(a possible duplicate of the two) are settled by the merge. An item about a field of the other
is settled only when the merge answered it: a safety-critical one, or one whose other value is
newer than the merge, moves to the survivor and stays open (`carry_item`).

Merges that meet (`follow_merges`, run when a laptop reads its list):
- two laptops that merged two records into each other: the one with the later removal stamp
  loses and is restored, the same on every laptop (`_break_loops`), with an item;
- a signed form left under the merged-away patient (signed on a laptop that had not heard of
  the merge): it never changes, so an item says the laptops may disagree whose it is.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import Conflict, InvalidInput, NotFound
from desktop.hlc import Stamp
from desktop.messages import msg
from desktop.permissions import Actor, Permission
from desktop.records.kinds import PATIENTS, SPECS
from desktop.services import audit
from desktop.store.models import FormRecord, FormStatus, NeedsAttention, Patient, utcnow
from desktop.store.outbox import to_wire

MERGED = "merged"  # the resolution of an attention item the merge settled
# An item put on the list when two laptops merged two records into each other (see
# `_break_loops`): one was restored, and a person should know which.
MERGED_BOTH_WAYS = "merged_both_ways"
# An item about a signed record left under a merged-away patient (see `follow_merges`).
SIGNED_UNDER_MERGED = "signed_under_merged"


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


def follow_merges(session: Session, actor: Actor | None = None) -> dict[str, int]:
    """Records that still name a merged patient (made on a laptop that had not heard of the
    merge yet, and arrived after it) moved to the survivor, as ordinary edits that sync.
    Merges that met in a loop are broken first (`_break_loops`).
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
    _break_loops(session, actor, merged)

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
                # A signed form never changes: it stays with the tombstone here, though the
                # laptop that merged may hold it under the survivor. Someone must know.
                if not record.deleted:
                    tomb = getattr(record, link)
                    _note_signed_left(session, kind, record, tomb, survivor(tomb))
                continue
            setattr(record, link, survivor(getattr(record, link)))
            moved[kind] = moved.get(kind, 0) + 1
    if moved:
        session.flush()
    return moved


def _deleted_stamp(patient: Patient) -> tuple[Stamp, str]:
    raw = (patient.field_hlcs or {}).get("deleted")
    try:
        stamp = Stamp.decode(str(raw))
    except ValueError:
        stamp = Stamp(0, 0, "")
    return stamp, str(patient.id)


def _break_loops(session: Session, actor: Actor | None, merged: dict[uuid.UUID, uuid.UUID]) -> None:
    """Two laptops that merged two records into each other (A: P2 into P1; B, offline: P1
    into P2) leave both removed, each naming the other: the person would vanish. Every laptop
    that sees the loop breaks it the same way: the merge whose removal has the later clock
    stamp loses, its record is restored (an ordinary synced edit; two laptops writing it
    write the same values), and everything else follows it. An item says so. `merged` is
    updated in place."""
    for start in sorted(merged):
        chain = [start]
        at = merged.get(start)
        while at is not None and at in merged and at not in chain:
            chain.append(at)
            at = merged[at]
        if at is None or at not in chain:
            continue  # ends at a record that was not merged (or a loop already broken)
        loop = chain[chain.index(at) :]
        rows = list(session.scalars(select(Patient).where(Patient.id.in_(loop))))
        if len(rows) != len(loop):
            continue
        kept = max(rows, key=_deleted_stamp)
        kept.deleted = False
        kept.merged_into = None
        del merged[kept.id]
        session.flush()
        for other in rows:
            if other is kept:
                continue
            _note_both_ways(session, kept, other)
            audit.record(session, actor, "merge_loop", "patients", kept.id, merged=str(other.id))
        session.flush()


def _note_both_ways(session: Session, kept: Patient, other: Patient) -> None:
    """The item about a loop broken here (once per pair)."""
    for item in session.scalars(
        select(NeedsAttention).where(
            NeedsAttention.reason == MERGED_BOTH_WAYS, NeedsAttention.entity_id == kept.id
        )
    ):
        if _names_pair(item, {str(kept.id), str(other.id)}):
            return
    note = msg(
        "{kept} and {other} were merged into each other on two laptops at about the same "
        "time. {kept} was kept: every record of both now names it, and {other} stays merged "
        "into it. Check the kept record's details.",
        kept=f"{kept.full_name} ({kept.clinic_number or kept.id})",
        other=f"{other.full_name} ({other.clinic_number or other.id})",
    )
    session.add(
        NeedsAttention(
            clinic_id=kept.clinic_id,
            entity="patients",
            entity_id=kept.id,
            patient_id=kept.id,
            field=None,
            reason=MERGED_BOTH_WAYS,
            local_value={**_summary(kept), "kept": True, "note": str(note)},
            local_hlc=None,
            remote_value={**_summary(other), "kept": False},
            remote_hlc=(other.field_hlcs or {}).get("deleted"),
        )
    )


def _note_signed_left(
    session: Session, kind: str, record: Any, tomb_id: uuid.UUID, survivor_id: uuid.UUID
) -> None:
    """The item about a signed record that stays under a merged-away patient (a draft moved
    by a merge on one laptop but signed on another before it heard): the laptops may not
    agree whose record it is, and it cannot be moved. Once per record."""
    if session.scalar(
        select(NeedsAttention.id).where(
            NeedsAttention.reason == SIGNED_UNDER_MERGED, NeedsAttention.entity_id == record.id
        )
    ):
        return
    tomb = session.scalar(select(Patient).where(Patient.id == tomb_id))
    survivor = session.scalar(select(Patient).where(Patient.id == survivor_id))
    if tomb is None or survivor is None:
        return
    note = msg(
        "This record was signed on a laptop that had not yet heard that {other} was merged "
        "into {kept}. A signed record never changes, so here it stays under {other}; another "
        "laptop may show it under {kept}. Check the signed record and, if needed, record a "
        "correction under {kept}.",
        other=f"{tomb.full_name} ({tomb.clinic_number or tomb.id})",
        kept=f"{survivor.full_name} ({survivor.clinic_number or survivor.id})",
    )
    session.add(
        NeedsAttention(
            clinic_id=record.clinic_id,
            entity=kind,
            entity_id=record.id,
            patient_id=survivor.id,
            field=None,
            reason=SIGNED_UNDER_MERGED,
            local_value={**_summary(tomb), "note": str(note)},
            local_hlc=None,
            remote_value=_summary(survivor),
            remote_hlc=None,
        )
    )
    session.flush()


def _summary(patient: Patient) -> dict[str, Any]:
    return {
        "id": str(patient.id),
        "name": patient.full_name,
        "birth_date": patient.birth_date.isoformat() if patient.birth_date else None,
        "phone": patient.phone,
        "village": patient.village,
        "clinic_number": patient.clinic_number,
    }


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
        other = _patient(session, other_id)
        if about_pair and item.field is not None and item.entity_id == other_id:
            about_pair = not carry_item(session, item, _patient(session, survivor_id), other)
        if about_pair:
            item.resolved_at, item.resolved_by, item.resolution = now, actor.user_id, MERGED
            settled += 1
        elif item.patient_id == other_id:
            item.patient_id = survivor_id
    return settled


# Keys of a tombstone that the merge itself wrote: an item about them is answered by it.
_MERGE_KEYS = frozenset({"deleted", "merged_into"})
_SAFETY_CRITICAL = "safety_critical"  # desktop.app.remote.SAFETY_CRITICAL (no app import here)


def carry_item(session: Session, item: NeedsAttention, survivor: Patient, tomb: Patient) -> bool:
    """An open item about a field of `tomb` (merged into `survivor`): True when it moves to
    the survivor and stays open; False when the merge answered it (the caller settles it).

    An edit made elsewhere to the merged-away record (a date of birth corrected, a phone
    added) is not lost behind the merge: a safety-critical item always moves, and so does any
    item whose other value is newer than the merge's removal. The item then compares the
    survivor's value now ("mine": keep the kept record's) with the edit ("theirs": apply it
    to the kept record)."""
    key = item.field
    if key is None or key in _MERGE_KEYS:
        return False
    if item.reason != _SAFETY_CRITICAL:
        removed = _deleted_stamp(tomb)[0]
        try:
            theirs = Stamp.decode(item.remote_hlc or "")
        except ValueError:
            return False
        if not theirs > removed:
            return False
    name = key.split(".", 1)[0]
    if not hasattr(survivor, name):
        return False
    if "." in key:
        current = (getattr(survivor, name) or {}).get(key.split(".", 1)[1])
    else:
        current = getattr(survivor, key)
    item.entity_id = survivor.id
    item.patient_id = survivor.id
    item.local_value = to_wire(current)
    item.local_hlc = (survivor.field_hlcs or {}).get(key)
    return True


def _names_pair(item: NeedsAttention, pair: set[str]) -> bool:
    values = (item.local_value, item.remote_value)
    ids = {str(v.get("id")) for v in values if isinstance(v, dict)}
    return ids == pair
