"""The "needs attention" list as the screens use it: items in plain values, the side-by-side
comparison of one item, and the choices that fit its kind.

Every method is one use case that owns its transaction (reads through `core.tx.read`, writes
through `core.tx.write`, returning `Done` with what changed). The screens (ui/attention_page.py,
ui/attention_compare.py) draw what these return and call back with the person's choice.

Choices by kind of item:
- a value two laptops disagree on (safety-critical field, edit against a removal): keep this
  laptop's value (`keep_mine`) or the other laptop's (`keep_theirs`), through
  `desktop.app.remote.settle` (audited; a changed value is an edit queued for HQ);
- an edit refused because the form is signed here, a refused change: only `keep_mine`;
- maybe one person registered twice: `keep_both` (two different people) or `merge` (one
  record survives, the other becomes a tombstone pointing at it, every record moved:
  `desktop.services.patient_merge`);
- a provider booked twice at once: the screen opens the booking flow to move one of the two
  (`rebooked` then settles the item once the clash is gone), or `keep_both`;
- an account changed without the administrators' signature: approve (`keep_theirs`) or refuse
  (`keep_mine`), through `AdminApi.answer_account_change`.

Resolutions reach the other laptops. The list itself is each laptop's own bookkeeping, so an
item another laptop settled is settled here by what its resolution left behind, when the list
is read (`settled_elsewhere`, called by `items`):
- a possible duplicate whose two records are no longer both live (merged or removed
  elsewhere), or that another laptop kept as two people (its audit event names the pair);
- a double booking whose clash is gone (one of the two moved, cancelled or removed, here or
  on another laptop: resolution "rebooked");
- (not an item: a record another laptop made for a patient merged meanwhile is moved to the
  survivor, `patient_merge.follow_merges`;)
- a field item whose key another laptop settled: its audit event ("resolve") carries the key,
  the clock stamp of the value chosen and the two stamps of the item answered; it answers only
  that conflict (or an item older than the choice), never a later one on the same field.
  When this record holds that stamp or a newer one,
  the item is settled; when this laptop set that value aside (a safety-critical field is
  never applied silently), the other laptop's person already decided: the value is taken.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.app import remote
from desktop.app.transactions import Done
from desktop.errors import Conflict, InvalidInput, NotFound, OutpostError
from desktop.hlc import Stamp
from desktop.messages import msg
from desktop.permissions import Permission
from desktop.records.kinds import SPECS
from desktop.services import audit, patient_merge
from desktop.store.account_grants import UNSIGNED_ACCOUNT
from desktop.store.models import (
    Appointment,
    AuditEvent,
    FormRecord,
    FormStatus,
    NeedsAttention,
    Patient,
    Provider,
    User,
    utcnow,
)
from desktop.store.outbox import to_wire

if TYPE_CHECKING:
    from desktop.core import ClinicCore

# The choices a screen offers (a subset per item, see `choices_for`).
KEEP_MINE = remote.KEEP_MINE
KEEP_THEIRS = remote.KEEP_THEIRS
KEEP_BOTH = "both"
MERGE = "merge"
REBOOK = "rebook"

# Resolutions written here (remote.py has those of settle).
KEPT_BOTH = "kept_both"
REBOOKED = "rebooked"
SETTLED_ELSEWHERE = "settled_elsewhere"
MERGED = patient_merge.MERGED

_FIELD_REASONS = (remote.SAFETY_CRITICAL, remote.EDIT_AGAINST_DELETE, remote.SUPERSEDED)
_FROZEN_REASONS = (remote.SIGNED_HERE, remote.APPEND_ONLY, remote.REFUSED)


@dataclass(frozen=True)
class Side:
    """One side of an item: a value, who made it and when (clinic time)."""

    value: Any  # wire form (JSON): text, number, list, or a record's summary (a dict)
    by: str | None  # a display name; None when not known here
    at: dt.datetime | None


@dataclass(frozen=True)
class AttentionItem:
    """One item of the list, as the list and the comparison show it."""

    id: uuid.UUID
    reason: str  # remote.SAFETY_CRITICAL, remote.POSSIBLE_DUPLICATE, …
    entity: str  # the record kind (table name)
    entity_id: uuid.UUID
    field: str | None  # the patch key ("birth_date", "answers.allergies"); None: two records
    patient_id: uuid.UUID | None
    patient_name: str | None
    noted_at: dt.datetime  # when this laptop met it (clinic time)
    mine: Side  # this laptop's value (for two records: the one that was here)
    theirs: Side  # the other laptop's (for two records: the one that arrived)
    now: Any  # the record's value now (wire form), when the item is about one field
    choices: tuple[str, ...]


@dataclass(frozen=True)
class PersonSide:
    """A patient of a possible duplicate, with what a merge would move."""

    patient_id: uuid.UUID
    full_name: str
    clinic_number: str
    sex: str
    birth_date: dt.date | None
    birth_date_estimated: bool
    phone: str
    village: str
    national_id: str
    registered_at: dt.datetime | None  # clinic time
    registered_by: str | None
    appointments: int
    forms: int
    signed_forms: int
    live: bool
    # Why this record cannot be the survivor of a merge of the two (words), or None.
    cannot_survive: str | None


@dataclass(frozen=True)
class BookingSide:
    """An appointment of a double booking."""

    appointment_id: uuid.UUID
    patient_id: uuid.UUID
    patient_name: str
    provider_id: uuid.UUID
    provider_name: str
    starts_at: dt.datetime  # clinic time
    ends_at: dt.datetime
    status: str
    booked_by: str | None
    live: bool


@dataclass(frozen=True)
class Comparison:
    """An item with both records side by side (judgement items) or its one field."""

    item: AttentionItem
    people: tuple[PersonSide, PersonSide] | None = None  # (here, arrived)
    bookings: tuple[BookingSide, BookingSide] | None = None


def choices_for(reason: str, field: str | None) -> tuple[str, ...]:
    if reason == remote.POSSIBLE_DUPLICATE:
        return (MERGE, KEEP_BOTH)
    if reason == remote.DOUBLE_BOOKED:
        return (REBOOK, KEEP_BOTH)
    if reason == UNSIGNED_ACCOUNT:
        return (KEEP_THEIRS, KEEP_MINE)
    if reason in _FROZEN_REASONS or field is None:
        return (KEEP_MINE,)
    return (KEEP_MINE, KEEP_THEIRS)


class AttentionApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core

    # --- reading --------------------------------------------------------------------------

    def items(self) -> list[AttentionItem]:
        """The open items, oldest first (those settled on another laptop settled first)."""
        self._core.actor.require(Permission.VIEW_PATIENTS)
        self.settled_elsewhere()
        items = [self._item(d) for d in remote.attention_details(self._core)]
        return self._core.tx.read(lambda s: [_with_sender(s, self._core, i) for i in items])

    def count(self) -> int:
        self._core.actor.require(Permission.VIEW_PATIENTS)
        return len(self._core.remote.needs_attention())

    def compare(self, item_id: uuid.UUID) -> Comparison:
        """One open item with what the side-by-side screen shows."""
        self._core.actor.require(Permission.VIEW_PATIENTS)
        found = [d for d in remote.attention_details(self._core) if d.item.id == item_id]
        if not found:
            raise NotFound(msg("This item was already settled."))
        item = self._item(found[0])
        if item.reason == remote.POSSIBLE_DUPLICATE:
            here, arrived = _pair(item)
            return Comparison(
                item, people=self._core.tx.read(lambda s: self._people(s, here, arrived))
            )
        if item.reason == remote.DOUBLE_BOOKED:
            here, arrived = _pair(item)
            return Comparison(
                item, bookings=self._core.tx.read(lambda s: self._bookings(s, here, arrived))
            )
        return Comparison(item)

    # --- choosing -------------------------------------------------------------------------

    def keep_mine(self, item_id: uuid.UUID) -> Done[remote.Attention]:
        """This laptop's value stays (re-sent, so the other laptops hear of the choice)."""
        return self._keep(item_id, KEEP_MINE)

    def keep_theirs(self, item_id: uuid.UUID) -> Done[remote.Attention]:
        """The other laptop's value is taken (an edit here, sent to HQ like any edit)."""
        return self._keep(item_id, KEEP_THEIRS)

    def _keep(self, item_id: uuid.UUID, keep: str) -> Done[remote.Attention]:
        reason, field = self._core.tx.read(lambda s: _reason_of(s, item_id))
        if reason == UNSIGNED_ACCOUNT:
            done = self._core.admin.answer_account_change(item_id, approve=keep == KEEP_THEIRS)
            return Done(self._settled(item_id), done.changes)
        if keep not in choices_for(reason, field):
            raise Conflict(msg("This choice does not fit this item."))
        return remote.settle(self._core, item_id, keep=keep)

    def keep_both(self, item_id: uuid.UUID) -> Done[remote.Attention]:
        """Two records that stay two: two different people, or two bookings both kept."""
        actor = self._core.actor

        def work(session: Session) -> remote.Attention:
            row = _open_row(session, item_id)
            if row.reason not in (remote.POSSIBLE_DUPLICATE, remote.DOUBLE_BOOKED):
                raise Conflict(msg("This choice does not fit this item."))
            spec = SPECS[row.entity]
            if spec.write is not None:
                actor.require(spec.write)
            here, arrived = _pair_of(row)
            _resolve(session, actor.user_id, row, KEPT_BOTH)
            # Both ids, so another laptop's item about the same pair is settled too.
            audit.record(
                session,
                actor,
                "resolve",
                row.entity,
                row.entity_id,
                item=str(row.id),
                reason=row.reason,
                resolution=KEPT_BOTH,
                pair=" ".join(sorted((str(here), str(arrived)))),
            )
            session.flush()
            return remote._attention(row)

        return self._core.tx.write(work)

    def merge(self, item_id: uuid.UUID, survivor_id: uuid.UUID) -> Done[patient_merge.MergeResult]:
        """A possible duplicate that is one person: the other record merged into
        `survivor_id` (one of the two), in one transaction with the item settled."""
        actor = self._core.actor

        def work(session: Session) -> patient_merge.MergeResult:
            row = _open_row(session, item_id)
            if row.reason != remote.POSSIBLE_DUPLICATE:
                raise Conflict(msg("Only two records of one person can be merged."))
            pair = _pair_of(row)
            if survivor_id not in pair:
                raise InvalidInput(msg("Keep one of the two records this item compares."))
            other_id = pair[1] if survivor_id == pair[0] else pair[0]
            result = patient_merge.merge_patients(session, actor, survivor_id, other_id)
            if row.resolved_at is None:  # the merge settles it; say it was this item's choice
                _resolve(session, actor.user_id, row, MERGED)
            return result

        return self._core.tx.write(work)

    def merge_records(
        self, survivor_id: uuid.UUID, other_id: uuid.UUID
    ) -> Done[patient_merge.MergeResult]:
        """Two records of one person found at the desk (no item needed): `other_id` merged
        into `survivor_id`; an item about the two is settled by it."""
        actor = self._core.actor
        return self._core.tx.write(
            lambda s: patient_merge.merge_patients(s, actor, survivor_id, other_id)
        )

    def rebooked(self, item_id: uuid.UUID) -> Done[remote.Attention]:
        """After the booking flow moved one of the two: settled if the clash is gone."""
        actor = self._core.actor

        def work(session: Session) -> remote.Attention:
            found = session.get(NeedsAttention, item_id)
            if found is not None and found.resolution == REBOOKED:
                # The list settled it already when the move's change arrived: nothing to do.
                return remote._attention(found)
            row = _open_row(session, item_id)
            if row.reason != remote.DOUBLE_BOOKED:
                raise Conflict(msg("This choice does not fit this item."))
            actor.require(Permission.MANAGE_APPOINTMENTS)
            if _still_clashing(session, row):
                raise Conflict(
                    msg("The two appointments still overlap: move or cancel one of them first.")
                )
            _resolve(session, actor.user_id, row, REBOOKED)
            audit.record(
                session,
                actor,
                "resolve",
                row.entity,
                row.entity_id,
                item=str(row.id),
                reason=row.reason,
                resolution=REBOOKED,
            )
            session.flush()
            return remote._attention(row)

        return self._core.tx.write(work)

    # --- settled on another laptop --------------------------------------------------------

    def settled_elsewhere(self) -> Done[int]:
        """Settle the open items another laptop's resolution answered (see the module
        docstring); returns how many. Nothing is written when there are none."""
        actor = self._core.actor

        def work(session: Session) -> int:
            # Records another laptop made for a patient merged meanwhile follow the merge.
            patient_merge.follow_merges(session, actor)
            settled = 0
            rows = list(
                session.scalars(
                    select(NeedsAttention)
                    .where(NeedsAttention.resolved_at.is_(None))
                    .order_by(NeedsAttention.created_at)
                )
            )
            if not rows:
                return 0
            mine = {str(i) for i in session.scalars(select(NeedsAttention.id))}
            wanted = {r.entity_id for r in rows}
            for r in rows:  # a pair's resolution is on the record of the laptop that made it
                if r.field is None and r.reason in (
                    remote.POSSIBLE_DUPLICATE,
                    remote.DOUBLE_BOOKED,
                ):
                    with contextlib.suppress(Conflict):
                        wanted.update(_pair_of(r))
            decisions = _decisions(session, wanted, mine)
            merged: dict[uuid.UUID, uuid.UUID] = {
                tomb: into
                for tomb, into in session.execute(
                    select(Patient.id, Patient.merged_into).where(
                        Patient.id.in_(
                            {r.patient_id for r in rows if r.patient_id}
                            | {r.entity_id for r in rows if r.entity == "patients"}
                        ),
                        Patient.merged_into.is_not(None),
                    )
                )
                if into is not None
            }
            for row in rows:
                if row.resolved_at is not None:
                    continue
                if row.reason == remote.POSSIBLE_DUPLICATE:
                    if _duplicate_answered(session, row, decisions):
                        _resolve(session, None, row, SETTLED_ELSEWHERE)
                        settled += 1
                elif row.reason == remote.DOUBLE_BOOKED:
                    if not _still_clashing(session, row):  # moved or cancelled, here or there
                        _resolve(session, None, row, REBOOKED)
                        settled += 1
                    elif _pair_kept(row, decisions):
                        _resolve(session, None, row, SETTLED_ELSEWHERE)
                        settled += 1
                elif row.entity == "patients" and row.entity_id in merged:
                    # About a field of a patient merged into another (here or elsewhere):
                    # what the merge answered is settled; an edit made elsewhere after it, or
                    # any safety-critical value, moves to the survivor and stays open.
                    if not _carried(session, row, merged):
                        _resolve(session, None, row, MERGED)
                        settled += 1
                elif row.field is not None and row.entity in SPECS:
                    settled += _field_answered(session, actor, row, rows, decisions)
                if row.resolved_at is None and row.patient_id in merged:
                    row.patient_id = merged[row.patient_id]  # listed under the survivor
            session.flush()
            return settled

        return self._core.tx.write(work)

    # --- helpers --------------------------------------------------------------------------

    def _settled(self, item_id: uuid.UUID) -> remote.Attention:
        def read(session: Session) -> remote.Attention:
            row = session.get(NeedsAttention, item_id)
            if row is None:
                raise NotFound(msg("This item was already settled."))
            return remote._attention(row)

        return self._core.tx.read(read)

    def _item(self, detail: remote.AttentionDetail) -> AttentionItem:
        item = detail.item
        return AttentionItem(
            id=item.id,
            reason=item.reason,
            entity=item.entity,
            entity_id=item.entity_id,
            field=item.field,
            patient_id=item.patient_id,
            patient_name=detail.patient_name,
            noted_at=detail.created_at,
            mine=Side(item.local_value, detail.local_by, detail.local_at),
            theirs=Side(item.remote_value, detail.remote_by, detail.remote_at),
            now=detail.current_value,
            choices=choices_for(item.reason, item.field),
        )

    def _people(
        self, session: Session, here: uuid.UUID, arrived: uuid.UUID
    ) -> tuple[PersonSide, PersonSide]:
        people = {u.id: u.display_name or u.username for u in session.scalars(select(User))}

        def side(patient_id: uuid.UUID, other: uuid.UUID) -> PersonSide:
            p = session.scalar(select(Patient).where(Patient.id == patient_id))
            if p is None:
                raise NotFound(msg("No patient with id {id}.", id=patient_id))
            made = session.scalar(
                select(AuditEvent)
                .where(
                    AuditEvent.entity == "patients",
                    AuditEvent.entity_id == patient_id,
                    AuditEvent.action == "create",
                )
                .limit(1)
            )
            forms = session.scalars(
                select(FormRecord.status).where(
                    FormRecord.patient_id == patient_id, FormRecord.deleted.is_(False)
                )
            ).all()
            appointments = session.scalars(
                select(Appointment.id).where(
                    Appointment.patient_id == patient_id, Appointment.deleted.is_(False)
                )
            ).all()
            try:
                patient_merge.check_merge(session, patient_id, other)
                refusal = None
            except OutpostError as exc:
                refusal = str(exc)
            return PersonSide(
                patient_id=p.id,
                full_name=p.full_name,
                clinic_number=p.clinic_number or "",
                sex=p.sex.value,
                birth_date=p.birth_date,
                birth_date_estimated=p.birth_date_estimated,
                phone=p.phone or "",
                village=p.village,
                national_id=p.national_id or "",
                registered_at=self._core.clock.local(p.created_at) if p.created_at else None,
                registered_by=people.get(made.user_id) if made and made.user_id else None,
                appointments=len(appointments),
                forms=len(forms),
                signed_forms=sum(1 for f in forms if f == FormStatus.SIGNED),
                live=not p.deleted,
                cannot_survive=refusal,
            )

        return side(here, arrived), side(arrived, here)

    def _bookings(
        self, session: Session, here: uuid.UUID, arrived: uuid.UUID
    ) -> tuple[BookingSide, BookingSide]:
        people = {u.id: u.display_name or u.username for u in session.scalars(select(User))}
        clock = self._core.clock

        def side(appointment_id: uuid.UUID) -> BookingSide:
            a = session.scalar(select(Appointment).where(Appointment.id == appointment_id))
            if a is None:
                raise NotFound(msg("No appointment with id {id}.", id=appointment_id))
            p = session.scalar(select(Patient).where(Patient.id == a.patient_id))
            provider = session.scalar(select(Provider).where(Provider.id == a.provider_id))
            return BookingSide(
                appointment_id=a.id,
                patient_id=a.patient_id,
                patient_name=p.full_name if p is not None else "?",
                provider_id=a.provider_id,
                provider_name=provider.name if provider is not None else "?",
                starts_at=clock.local(a.starts_at),
                ends_at=clock.local(a.ends_at),
                status=a.status.value,
                booked_by=people.get(a.booked_by) if a.booked_by else None,
                live=not a.deleted,
            )

        return side(here), side(arrived)


# --- module helpers ------------------------------------------------------------------------


def _open_row(session: Session, item_id: uuid.UUID) -> NeedsAttention:
    row = session.get(NeedsAttention, item_id)
    if row is None or row.resolved_at is not None:
        raise NotFound(msg("This item was already settled."))
    return row


def _with_sender(session: Session, core: ClinicCore, item: AttentionItem) -> AttentionItem:
    """A judgement item (two records) names who made the record that arrived, and when."""
    if item.field is not None or item.theirs.by is not None:
        return item
    try:
        _here, arrived = _pair(item)
    except Conflict:
        return item
    made = session.scalar(
        select(AuditEvent)
        .where(AuditEvent.entity_id == arrived, AuditEvent.action == "create")
        .limit(1)
    )
    if made is None:
        return item
    user = session.scalar(select(User).where(User.id == made.user_id)) if made.user_id else None
    by = (user.display_name or user.username) if user is not None else None
    at = core.clock.local(made.at) if made.at else item.theirs.at
    return replace(item, theirs=Side(item.theirs.value, by, at))


def _reason_of(session: Session, item_id: uuid.UUID) -> tuple[str, str | None]:
    row = _open_row(session, item_id)
    return row.reason, row.field


def _resolve(session: Session, user_id: uuid.UUID | None, row: NeedsAttention, how: str) -> None:
    row.resolved_at = utcnow()
    row.resolved_by = user_id
    row.resolution = how
    session.flush()


def _pair(item: AttentionItem) -> tuple[uuid.UUID, uuid.UUID]:
    """(the record that was here, the one that arrived) of a judgement item."""
    return _ids(item.mine.value, item.theirs.value)


def _pair_of(row: NeedsAttention) -> tuple[uuid.UUID, uuid.UUID]:
    return _ids(row.local_value, row.remote_value)


def _ids(here: Any, arrived: Any) -> tuple[uuid.UUID, uuid.UUID]:
    try:
        return uuid.UUID(str(here["id"])), uuid.UUID(str(arrived["id"]))
    except (KeyError, TypeError, ValueError):
        raise Conflict(msg("This item does not name two records.")) from None


@dataclass(frozen=True)
class _Decision:
    key: str
    stamp: str
    pair: str
    # The stamps of the item the person answered (empty in events written before they were
    # recorded) and when: a decision settles that conflict only, never a later one.
    hlcs: frozenset[str] = frozenset()
    at: dt.datetime | None = None


def _decisions(
    session: Session, entity_ids: set[uuid.UUID], mine: set[str]
) -> dict[uuid.UUID, list[_Decision]]:
    """Resolutions made on other laptops (audit events naming an item that is not one of
    this laptop's), by record."""
    found: dict[uuid.UUID, list[_Decision]] = {}
    ids = sorted(entity_ids)
    for start in range(0, len(ids), 500):
        for event in session.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "resolve", AuditEvent.entity_id.in_(ids[start : start + 500])
            )
        ):
            detail = event.detail or {}
            if str(detail.get("item", "")) in mine or event.entity_id is None:
                continue
            found.setdefault(event.entity_id, []).append(
                _Decision(
                    key=str(detail.get("key", "")),
                    stamp=str(detail.get("stamp", "")),
                    pair=str(detail.get("pair", "")),
                    hlcs=frozenset(
                        str(detail[k]) for k in ("local_hlc", "remote_hlc") if detail.get(k)
                    ),
                    at=event.at,
                )
            )
    return found


def _pair_kept(row: NeedsAttention, decisions: dict[uuid.UUID, list[_Decision]]) -> bool:
    try:
        here, arrived = _pair_of(row)
    except Conflict:
        return False
    wanted = " ".join(sorted((str(here), str(arrived))))
    return any(d.pair == wanted for entity in (here, arrived) for d in decisions.get(entity, []))


def _duplicate_answered(
    session: Session, row: NeedsAttention, decisions: dict[uuid.UUID, list[_Decision]]
) -> bool:
    try:
        pair = _pair_of(row)
    except Conflict:
        return False
    live = session.scalars(
        select(Patient.id).where(Patient.id.in_(pair), Patient.deleted.is_(False))
    ).all()
    return len(live) < 2 or _pair_kept(row, decisions)


def _still_clashing(session: Session, row: NeedsAttention) -> bool:
    from desktop.services.scheduling import OCCUPYING

    try:
        pair = _pair_of(row)
    except Conflict:
        return True
    found = list(session.scalars(select(Appointment).where(Appointment.id.in_(pair))))
    if len(found) < 2:
        return False
    a, b = found
    if a.deleted or b.deleted or a.status not in OCCUPYING or b.status not in OCCUPYING:
        return False
    if a.walk_in or b.walk_in:  # a walk-in holds no booked slot (an item from before)
        return False
    return a.provider_id == b.provider_id and a.starts_at < b.ends_at and b.starts_at < a.ends_at


def _carried(session: Session, row: NeedsAttention, merged: dict[uuid.UUID, uuid.UUID]) -> bool:
    """`row` (about a field of a merged-away patient) moved to the survivor when the merge did
    not answer it (`patient_merge.carry_item`)."""
    tomb = session.scalar(select(Patient).where(Patient.id == row.entity_id))
    into = merged[row.entity_id]
    seen = {row.entity_id}
    while into in merged and into not in seen:  # a merge of a merge
        seen.add(into)
        into = merged[into]
    survivor = session.scalar(select(Patient).where(Patient.id == into))
    if tomb is None or survivor is None or survivor.deleted:
        return False
    return patient_merge.carry_item(session, row, survivor, tomb)


def _stamp_key(raw: str) -> Stamp | None:
    try:
        return Stamp.decode(raw)
    except ValueError:
        return None


def _answers(decision: _Decision, row: NeedsAttention) -> bool:
    """Whether another laptop's `decision` answered the conflict of `row`: the same two
    values (matched by their stamps), or the row is the chosen value itself arriving, or an
    older item: one whose other value is not newer than the value chosen and that was met
    before the choice (an item carried to a merge's survivor compares a different pair on
    each laptop; a decision recorded without the stamps). A later conflict on the same field
    is never answered by an earlier decision."""
    if row.remote_hlc and row.remote_hlc == decision.stamp:
        return True
    pair = frozenset(h for h in (row.local_hlc, row.remote_hlc) if h)
    if decision.hlcs and pair == decision.hlcs:
        return True
    theirs, chosen = _stamp_key(row.remote_hlc or ""), _stamp_key(decision.stamp)
    if theirs is None or chosen is None or theirs > chosen or decision.at is None:
        return False
    return _utc(row.created_at) <= _utc(decision.at)


def _utc(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)


def _field_answered(
    session: Session,
    actor: Any,
    row: NeedsAttention,
    rows: Sequence[NeedsAttention],
    decisions: dict[uuid.UUID, list[_Decision]],
) -> int:
    """Settle `row` (and the other open items about its key) when another laptop settled
    that key: see the module docstring."""
    assert row.field is not None
    spec = SPECS[row.entity]
    model: Any = spec.model
    answering = [
        d
        for d in decisions.get(row.entity_id, [])
        if d.key == row.field and _stamp_key(d.stamp) is not None and _answers(d, row)
    ]
    if not answering:
        return 0
    decided = max(s for d in answering if (s := _stamp_key(d.stamp)) is not None)
    record = session.scalar(select(model).where(model.id == row.entity_id))
    if record is None:
        return 0
    same_key = [
        r
        for r in rows
        if r.resolved_at is None
        and r.entity_id == row.entity_id
        and r.field == row.field
        and any(_answers(d, r) for d in answering)
    ]
    held = _stamp_key((record.field_hlcs or {}).get(row.field, ""))
    if held is None or held < decided:
        # This laptop set the decided value aside (never applied silently): take it now,
        # as an edit of its own (the person on the other laptop chose it).
        carrier = next((r for r in same_key if r.remote_hlc == decided.encode()), None)
        found = spec.field_for_key(row.field)
        frozen = spec.immutable_when is not None and (
            getattr(record, spec.immutable_when[0]) == spec.immutable_when[1]
        )
        if carrier is None or found is None or frozen:
            return 0  # the decided value has not arrived yet (or cannot be taken here)
        value = carrier.remote_value if found.keyed else found.from_wire(carrier.remote_value)
        if to_wire(remote._current(record, row.field)) != to_wire(value):
            remote._assign(record, row.field, value)
            session.flush()
    for other in same_key:
        _resolve(session, None, other, SETTLED_ELSEWHERE)
    return len(same_key)
