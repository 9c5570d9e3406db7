"""The sync seam: applying changes from another device, and what needs a person's attention.

`RemoteApi.apply(changes)` is what the sync engine will call with each page it pulls (today
tests call it with another store's outbox). In one transaction, flagged `applying_remote` so
nothing is echoed back into the outbox, it applies each change field by field:

- Last writer wins per field, by the hybrid-logical-clock stamp of each patch key (a form's
  answers are keys of their own, "answers.<name>"). The losing value is kept, never thrown
  away: in `needs_attention` with reason "superseded", settled at once (resolution
  "newer_edit_kept"), so it is on record without asking anyone for anything. A local value
  that loses is kept when the other device edited without having seen it: the patch's
  "base" (the stamp of the value its edit replaced) is not our stamp (without a base: our
  value is still in an unacknowledged outbox entry). A remote edit that loses is kept too
  (not the values of a record's creation replayed: this device had them already).
- Safety-critical fields (the record specs' `safety_critical`: date of birth, sex, the
  intake's allergies and medications) are never settled silently: when the two devices
  disagree, nothing is applied and both values go to `needs_attention` ("safety_critical").
- What the guard triggers would refuse is not attempted: an edit to a form signed here
  ("signed_here") or to a row of the append-only trail ("append_only") goes to
  `needs_attention` with both values.
- An edit meeting a deletion is applied by the same rule (tombstones travel, so both devices
  end up alike), and noted in `needs_attention` ("edit_against_delete") so the edit is not
  silently lost.
- A change whose record has not arrived yet (an update before its create), or that points
  at a record that has not arrived (an appointment before its patient), is parked in
  `remote_parked` and retried on every apply, until it can be applied.
- A change that is malformed (unknown field types, a bad stamp, another clinic's record, a
  stamp far in the future) is refused and reported, and the others are applied.

The patient name index is kept by the same database triggers that index local edits; the
search vocabulary hears of new names as after a registration. Change events are published
(remote=True) through `Transactions`, with the patients concerned, like any local write.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, text
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from desktop.app.bulk_insert import PENDING, PendingInserts
from desktop.app.stored_values import StoredTaker, one_stamp_taker, stored_taker
from desktop.app.transactions import Done
from desktop.errors import Conflict, NotFound
from desktop.hlc import ClockDriftError, Stamp
from desktop.messages import msg
from desktop.permissions import Permission
from desktop.records.kinds import SPECS, is_unshown
from desktop.records.spec import FieldSpec, RecordSpec
from desktop.services import sync_state
from desktop.store.change_collector import collector
from desktop.store.models import (
    Appointment,
    AuditEvent,
    NeedsAttention,
    OutboxEntry,
    ParkedChange,
    Patient,
    Synced,
    utcnow,
)
from desktop.store.outbox import note_high_water, to_wire

if TYPE_CHECKING:
    from desktop.core import ClinicCore

log = logging.getLogger(__name__)

# Reasons a change or a value is in needs_attention (see the module docstring).
SUPERSEDED = "superseded"
SAFETY_CRITICAL = "safety_critical"
SIGNED_HERE = "signed_here"
APPEND_ONLY = "append_only"
EDIT_AGAINST_DELETE = "edit_against_delete"
POSSIBLE_DUPLICATE = "possible_duplicate"  # the same person registered on two devices
UNSHOWN_VALUE = "(not shown)"  # in place of a value that is never shown (key material)
DOUBLE_BOOKED = "double_booked"  # a provider booked twice at once, once both were merged
REFUSED = "refused"  # a change from another device that cannot be applied here (why kept)
NEWER_EDIT_KEPT = "newer_edit_kept"
# Resolutions a person chooses.
KEPT_LOCAL = "kept_local"
TOOK_REMOTE = "took_remote"

_NAME_FIELDS = ("given_name", "other_names", "family_name")


@dataclass(frozen=True)
class RemoteChange:
    """One change from another device, as its outbox entry had it."""

    change_id: uuid.UUID
    entity: str  # the record kind (table name)
    entity_id: uuid.UUID
    clinic_id: uuid.UUID
    op: str  # "insert" | "update" | "delete"
    # {key: {"v": value-as-json, "hlc": stamp, "base": stamp}} ("hlc" left out: the change's)
    patch: Mapping[str, Mapping[str, Any]]
    hlc: str
    user_id: uuid.UUID | None = None  # who made it, when the sender says
    # HQ took it as a conflict (sync.protocol.PulledChange.conflict): a removal made without
    # seeing another device's later edit is then on this device's list too.
    conflict: bool = False


@dataclass(frozen=True)
class ApplyReport:
    applied: tuple[uuid.UUID, ...] = ()  # change ids applied (some values may have lost)
    parked: tuple[uuid.UUID, ...] = ()  # waiting for their record (or one it points at)
    refused: tuple[tuple[uuid.UUID, str], ...] = ()  # malformed: (change id, why)
    needs_attention: int = 0  # new items a person must look at
    kept: int = 0  # losing values kept (settled by the newer edit)


@dataclass(frozen=True)
class Attention:
    """An item of the "needs attention" list, as plain values."""

    id: uuid.UUID
    entity: str
    entity_id: uuid.UUID
    patient_id: uuid.UUID | None
    field: str | None
    reason: str
    local_value: Any
    local_hlc: str | None
    remote_value: Any
    remote_hlc: str | None
    created_at: dt.datetime
    resolved_at: dt.datetime | None
    resolution: str | None


class _Refused(Exception):
    pass


class _Park(Exception):
    pass


@dataclass
class _Run:
    """What one apply() did so far."""

    applied: list[uuid.UUID] = field(default_factory=list)
    parked: list[uuid.UUID] = field(default_factory=list)
    refused: list[tuple[uuid.UUID, str]] = field(default_factory=list)
    attention: int = 0
    kept: int = 0
    names: list[tuple[str, ...]] = field(default_factory=list)
    touched: list[Any] = field(default_factory=list)  # rows written (for the change events)
    top: Stamp | None = None
    # The page's records, loaded once: (table, id) -> row; None: looked up, not here. Only
    # while `fast` (no savepoint per change); the slow pass looks each record up.
    rows: dict[tuple[str, uuid.UUID], Any] = field(default_factory=dict)
    known: dict[str, set[str]] = field(default_factory=dict)  # ids here (stored: hex), by table
    fast: bool = False
    # New records go in their stored form (stored_values.py), while `fast`. Not when the
    # page is judged: the judgements read the new rows' values as Python values.
    stored: bool = False
    inserts: PendingInserts = field(default_factory=PendingInserts)  # creates, while `fast`


# What the database refuses of one change (the page is then applied change by change, the
# refused one reported); a full disk or a broken file is not among them: it stops the sync.
_UNKEEPABLE = (IntegrityError, DataError, OverflowError)


def _stamp(raw: Any) -> Stamp:
    try:
        return Stamp.decode(str(raw))
    except ValueError:
        raise _Refused(f"not a clock stamp: {str(raw)[:60]!r}") from None


class RemoteApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx

    # --- applying ---------------------------------------------------------------------------

    def apply(
        self,
        changes: Sequence[RemoteChange],
        *,
        checkpoint: Mapping[str, str | None] | None = None,
        judge: bool = True,
    ) -> Done[ApplyReport]:
        """Apply changes from another device in one transaction (see the module docstring).

        `checkpoint` (store_meta keys, e.g. the sync cursor) is written in that same
        transaction: a page applied and its cursor are stored together or not at all.
        `judge=False` leaves out the checks for one person registered twice and a provider
        booked twice (a laptop pulling the whole log: the laptops concerned have them)."""

        def work(session: Session) -> ApplyReport:
            report = self._apply(session, changes, judge=judge)
            if checkpoint:
                sync_state.put(session, dict(checkpoint))
            return report

        return self._tx.write(work, remote=True)

    def _apply(
        self, session: Session, changes: Sequence[RemoteChange], *, judge: bool = True
    ) -> ApplyReport:
        session.info["applying_remote"] = True
        # Within one page, order does not matter: a patient may come after its appointment.
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        run = _Run(stored=not judge)
        parked_rows = {row.change_id: row for row in session.scalars(select(ParkedChange))}
        waiting: list[RemoteChange] = [_from_parked(row) for row in parked_rows.values()]
        seen = set(parked_rows)
        for change in changes:
            if change.change_id not in seen:
                seen.add(change.change_id)
                waiting.append(change)
        reasons: dict[uuid.UUID, str] = {}
        arrived = list(waiting)
        try:
            # The whole page at once: its records loaded with one query per kind, written in
            # one flush. Should the database refuse any of it (a user name taken here), the
            # page is undone and applied again change by change, each in a savepoint, so
            # the refused change is reported and the others applied.
            with session.begin_nested(), session.no_autoflush:
                run.fast = True
                self._preload(session, waiting, run)
                self._pass(session, waiting, run, reasons, savepoints=False)
                run.inserts.write(session)
                session.flush()
        except _UNKEEPABLE:
            run, reasons, waiting = _Run(stored=not judge), {}, list(arrived)
            self._pass(session, waiting, run, reasons, savepoints=True)
        run.fast = False
        by_id = {change.change_id: change for change in arrived}
        for change_id, why in run.refused:
            if change_id in by_id:
                run.attention += _note_refused(session, by_id[change_id], why, run.touched)
        for change_id, row in parked_rows.items():
            if change_id not in reasons:
                session.delete(row)
        for change in waiting:
            run.parked.append(change.change_id)
            if change.change_id not in parked_rows:
                session.add(_parked(change, reasons[change.change_id]))
        if run.top is not None:
            note_high_water(session, self._core.store.clock.last.encode())
        session.flush()
        if judge:
            run.touched.extend(_inserted_to_judge(session, run.inserts))
        judged: set[int] = set()
        for obj in run.touched if judge else ():
            if id(obj) in judged:
                continue
            judged.add(id(obj))
            if isinstance(obj, Patient) and not obj.deleted:
                run.attention += _flag_duplicate(session, obj, run.touched)
            elif isinstance(obj, Appointment) and not obj.deleted:
                run.attention += _flag_double_booking(session, obj, run.touched)
        if judge:
            # Bills two laptops made wrong together (desktop.app.billing_checks).
            from desktop.app import billing_checks

            applied = [by_id[i] for i in run.applied if i in by_id]
            run.attention += billing_checks.check(session, applied, run.touched)
        session.flush()
        # Announced from what was applied (a refused change's savepoint rollback must not
        # make the others go unannounced).
        noted = collector(session)
        for obj in run.touched:
            noted.note(obj)
        for table, columns in run.inserts.written:
            noted.note_row(table, columns)
        for names in run.names:
            self._core.search.note_new_names(*names)
        return ApplyReport(
            applied=tuple(run.applied),
            parked=tuple(run.parked),
            refused=tuple(run.refused),
            needs_attention=run.attention,
            kept=run.kept,
        )

    def _pass(
        self,
        session: Session,
        waiting: list[RemoteChange],
        run: _Run,
        reasons: dict[uuid.UUID, str],
        *,
        savepoints: bool,
    ) -> None:
        """Apply what can be applied of `waiting` (which keeps what must wait), again and
        again while something new was applied (a record may come after what points at it)."""
        progress = True
        while waiting and progress:
            progress = False
            for change in list(waiting):
                try:
                    if savepoints:
                        with session.begin_nested():
                            self._apply_one(session, change, run)
                    else:
                        self._apply_one(session, change, run)
                except _Park as why:
                    reasons[change.change_id] = str(why)
                    continue
                except _Refused as why:
                    run.refused.append((change.change_id, str(why)))
                except IntegrityError:
                    if not savepoints:
                        raise
                    run.refused.append((change.change_id, "it clashes with a record here"))
                except (DataError, OverflowError):
                    if not savepoints:
                        raise
                    run.refused.append((change.change_id, "a value this laptop cannot keep"))
                else:
                    run.applied.append(change.change_id)
                    progress = True
                waiting.remove(change)
                reasons.pop(change.change_id, None)

    def _preload(self, session: Session, changes: Sequence[RemoteChange], run: _Run) -> None:
        """Load the page's records, and learn which of the records they point at are here:
        one query per kind, on the ids as stored (32 hex digits)."""
        wanted: dict[str, set[uuid.UUID]] = {}
        for change in changes:
            if change.entity in SPECS:
                wanted.setdefault(change.entity, set()).add(change.entity_id)
        for table, ids in wanted.items():
            model: Any = SPECS[table].model
            # The ids first: most of a page are records new here (a new laptop's pull: all
            # of them), and only the records that exist are loaded whole.
            here = [uuid.UUID(hex=h) for h in _stored_ids(session, table, (i.hex for i in ids))]
            for chunk in _chunks(here, 500):
                for row in session.scalars(select(model).where(model.id.in_(chunk))):
                    run.rows[(table, row.id)] = row
                    run.known.setdefault(table, set()).add(row.id.hex)
            for entity_id in ids:
                run.rows.setdefault((table, entity_id), None)
        # The references as they came, as stored ids: text that is not an id is found
        # nowhere, and `_require_targets` looks it up once decoded (to be parked or refused).
        targets: dict[str, set[str]] = {}
        for change in changes:
            spec = SPECS.get(change.entity)
            if spec is None or not isinstance(change.patch, Mapping):
                continue
            for name, target in _kind(spec).references:
                entry = change.patch.get(name)
                raw = entry.get("v") if type(entry) is dict else None
                if type(raw) is not str:
                    continue
                found = targets.get(target)
                if found is None:
                    found = targets[target] = set()
                found.add(raw.replace("-", "").lower())
        for target, hexes in targets.items():
            known = run.known.setdefault(target, set())
            # A record of this page was looked up above: it is known, or not here yet.
            asked = {i.hex for i in wanted.get(target, ())}
            known.update(_stored_ids(session, target, hexes - known - asked))

    def _apply_one(self, session: Session, change: RemoteChange, run: _Run) -> None:
        spec = SPECS.get(change.entity)
        if spec is None:
            raise _Park(f"a kind of record this Outpost does not know: {change.entity[:64]}")
        if change.clinic_id != self._core.store.clinic_id:
            raise _Refused("a record of another clinic")
        key = (spec.kind, change.entity_id)
        new_here = run.fast and key in run.rows and run.rows[key] is None
        if run.stored and new_here and self._create_stored(session, spec, change, run):
            return
        values, stamps, bases, top = self._decode(spec, change)
        self._observe(top, run)
        model: Any = spec.model
        if run.fast and key in run.rows:
            row = run.rows[key]
            if row is PENDING:  # made earlier in this page: written now, to be merged into
                run.inserts.write(session, spec.kind)
                row = run.rows[key] = session.scalar(
                    select(model).where(model.id == change.entity_id)
                )
        else:
            row = session.scalar(select(model).where(model.id == change.entity_id))
        if row is None:
            self._create(session, spec, change, values, stamps, top, run)
        else:
            self._merge(session, spec, change, row, values, stamps, bases, run)

    def _observe(self, top: Stamp, run: _Run) -> None:
        """The clock moves past a change's newest stamp (refused when far in the future)."""
        try:
            self._core.store.clock.observe(top)
        except ClockDriftError as exc:
            raise _Refused(str(exc)) from None
        if run.top is None or top > run.top:
            run.top = top

    def _decode(
        self, spec: RecordSpec[Any], change: RemoteChange
    ) -> tuple[dict[str, Any], dict[str, Stamp], dict[str, str], Stamp]:
        """The patch as Python values (per key), their stamps (a field stamped with the
        change's own stamp holds that very object), the stamps of the values they replaced,
        and the newest stamp (the change's own when no field has one); malformed → refused."""
        values: dict[str, Any] = {}
        stamps: dict[str, Stamp] = {}
        bases: dict[str, str] = {}
        if not isinstance(change.patch, Mapping):
            raise _Refused("the patch is not a set of fields")
        own = _stamp(change.hlc)  # every field of an insert carries it: decoded once
        own_text = change.hlc
        top: Stamp | None = None
        used_own = False
        kind = _kind(spec)
        takers = kind.takers
        for key, entry in change.patch.items():
            if type(entry) is dict and len(entry) == 1 and "v" in entry:
                # An entry with its value only (every field of an insert): the change's stamp.
                take = takers.get(key)
                if take is not None:
                    stamps[key] = own
                    used_own = True
                    if key not in _OWN_IDS:
                        try:
                            values[key] = take(entry["v"])
                        except (ValueError, TypeError) as exc:
                            raise _Refused(str(exc)) from None
                    continue
            if not (type(entry) is dict or isinstance(entry, Mapping)) or "v" not in entry:
                raise _Refused(f"{str(key)[:64]}: not a patch entry")
            take = takers.get(key)
            if take is None:
                take = kind.taker_for(str(key))
                if take is None:
                    log.info("ignored a field this Outpost does not know: %s", str(key)[:64])
                    continue
            raw = entry.get("hlc")
            if raw is None or raw == own_text:
                stamps[key] = own
                used_own = True
            else:
                stamp = stamps[key] = _stamp(raw)
                if top is None or stamp > top:
                    top = stamp
            base = entry.get("base")
            if base is not None:
                bases[key] = _stamp(base).encode()
            if key in _OWN_IDS:
                continue  # the change's own entity_id and clinic_id say it (and are checked)
            try:
                values[key] = take(entry["v"])
            except (ValueError, TypeError) as exc:
                raise _Refused(str(exc)) from None
        if top is None or (used_own and own > top):
            top = own
        return values, stamps, bases, top

    def _create(
        self,
        session: Session,
        spec: RecordSpec[Any],
        change: RemoteChange,
        values: dict[str, Any],
        stamps: dict[str, Stamp],
        top: Stamp,
        run: _Run,
    ) -> None:
        """A record this device has not seen: made from the patch, if the patch is whole."""
        kind = _kind(spec)
        plain = {k: v for k, v in values.items() if "." not in k} if kind.keyed else values
        if any(name not in plain for name in kind.needed):
            raise _Park("its record has not arrived yet")
        self._require_targets(session, spec, plain, run)
        columns: dict[str, Any] = {"id": change.entity_id, "clinic_id": change.clinic_id, **plain}
        for keyed in kind.keyed:
            columns[keyed] = {
                k.split(".", 1)[1]: v
                for k, v in values.items()
                if k.startswith(keyed + ".") and v is not None
            }
        texts: dict[int, str] = {}  # most fields share the change's stamp: encoded once
        field_hlcs: dict[str, str] = {}
        for k, s in stamps.items():
            encoded = texts.get(id(s))
            if encoded is None:
                encoded = texts[id(s)] = s.encode()
            field_hlcs[k] = encoded
        columns["field_hlcs"] = field_hlcs
        columns["hlc"] = top.encode()
        if spec.kind == Patient.__tablename__:
            run.names.append(tuple(columns.get(n) or "" for n in _NAME_FIELDS))
        if run.fast:
            run.inserts.add(spec.model.__table__, columns)
            run.rows[(spec.kind, change.entity_id)] = PENDING
            run.known.setdefault(spec.kind, set()).add(change.entity_id.hex)
            return
        row: Any = spec.model(**columns)
        session.add(row)
        session.flush()
        run.touched.append(row)

    def _create_stored(
        self, session: Session, spec: RecordSpec[Any], change: RemoteChange, run: _Run
    ) -> bool:
        """`_decode` and `_create` at once, for a record this device has not seen (a new
        laptop's pull: all of them): its values taken straight to their stored form. False:
        a change this does not take (a field unknown here, the stamp of a replaced value),
        for the general path to apply."""
        if not isinstance(change.patch, Mapping):
            return False
        kind = _kind(spec)
        stored = kind.stored_for(session.get_bind().dialect)
        takers = stored.takers
        own_text = change.hlc
        own = _stamp(own_text)
        columns: dict[str, Any] = {"id": change.entity_id.hex, "clinic_id": change.clinic_id.hex}
        answers: dict[str, dict[str, Any]] = {name: {} for name in kind.keyed}
        # The fields stamped otherwise than the change (a record made and edited before it
        # was sent): their stamps, checked.
        others: dict[str, Stamp] = {}
        for key, entry in change.patch.items():
            if type(entry) is not dict or "v" not in entry:
                return False
            take = takers.get(key)
            if take is None and (
                type(key) is not str
                or "." not in key
                or key.partition(".")[0] not in answers
                or kind.taker_for(key) is None
            ):
                return False  # a field unknown here: `_decode` says so and passes it over
            if len(entry) != 1:
                raw = entry.get("hlc")
                if len(entry) != 2 or raw is None:
                    return False
                if raw != own_text:
                    others[key] = _stamp(raw)
            if take is None:
                name, _dot, answer = key.partition(".")
                if entry["v"] is not None:
                    answers[name][answer] = entry["v"]
            elif key not in _OWN_IDS:
                try:
                    columns[key] = take(entry["v"])
                except (ValueError, TypeError) as exc:
                    raise _Refused(str(exc)) from None
        # The newest stamp, as `_decode` has it: the change's own counts when a field has it.
        top = max(others.values()) if others else own
        if len(others) < len(change.patch) and own > top:
            top = own
        self._observe(top, run)
        if any(name not in columns for name in kind.needed):
            raise _Park("its record has not arrived yet")
        for name, target in kind.references:
            value = columns.get(name)
            if value is None:
                continue
            known = run.known.setdefault(target, set())
            if value not in known:
                if not _stored_ids(session, target, [value]):
                    raise _Park(f"it points at a {target} record that has not arrived yet")
                known.add(value)
        for name, given in answers.items():
            columns[name] = stored.keyed[name](given)
        if others:
            stamps = dict.fromkeys(change.patch, own_text)
            stamps.update((key, stamp.encode()) for key, stamp in others.items())
            columns["field_hlcs"] = stored.stamp_map(stamps)
        else:
            columns["field_hlcs"] = stored.stamps(list(change.patch), own_text)
        columns["hlc"] = top.encode()
        if spec.kind == Patient.__tablename__:
            run.names.append(tuple(columns.get(n) or "" for n in _NAME_FIELDS))
        noted = {"id": change.entity_id}
        patient = columns.get("patient_id")
        if type(patient) is str:
            noted["patient_id"] = uuid.UUID(hex=patient)
        run.inserts.add_stored(spec.model.__table__, columns, noted)
        run.rows[(spec.kind, change.entity_id)] = PENDING
        run.known.setdefault(spec.kind, set()).add(columns["id"])
        return True

    def _require_targets(
        self, session: Session, spec: RecordSpec[Any], plain: Mapping[str, Any], run: _Run
    ) -> None:
        """Park a change that points at a record this device does not have yet."""
        table = spec.model.__table__
        for fk in table.foreign_keys:
            value = plain.get(fk.parent.name)
            if value is None:
                continue
            target = fk.column.table
            if (
                run.fast
                and isinstance(value, uuid.UUID)
                and value.hex in run.known.get(target.name, ())
            ):
                continue
            found = session.execute(select(target.c.pk).where(fk.column == value).limit(1)).first()
            if found is None:
                raise _Park(f"it points at a {target.name} record that has not arrived yet")

    def _merge(
        self,
        session: Session,
        spec: RecordSpec[Any],
        change: RemoteChange,
        row: Any,
        values: dict[str, Any],
        stamps: dict[str, Stamp],
        bases: dict[str, str],
        run: _Run,
    ) -> None:
        self._require_targets(session, spec, {k: v for k, v in values.items() if "." not in k}, run)
        field_hlcs = dict(row.field_hlcs or {})
        unacked = self._unacked_keys(session, spec, row.id)
        patient_id = spec.patient_of(row)
        frozen = spec.append_only or (
            spec.immutable_when is not None
            and getattr(row, spec.immutable_when[0]) == spec.immutable_when[1]
        )
        deleted_here = bool(row.deleted)
        applied_any = False
        names_before = tuple(getattr(row, n, "") for n in _NAME_FIELDS)
        for key, remote in values.items():
            stamp = stamps[key]
            local = _current(row, key)
            local_hlc = field_hlcs.get(key, "")
            if _same(local, remote):
                if stamp.encode() > local_hlc and not frozen:
                    field_hlcs[key] = stamp.encode()
                continue
            note = _Note(session, spec, change, row.id, patient_id, key, run.touched)
            if frozen:
                reason = APPEND_ONLY if spec.append_only else SIGNED_HERE
                run.attention += note.add(reason, local, local_hlc, remote, stamp, open_=True)
                continue
            if key in spec.safety_critical:
                run.attention += note.add(
                    SAFETY_CRITICAL, local, local_hlc, remote, stamp, open_=True
                )
                continue
            remote_wins = stamp.encode() > local_hlc
            edited_unseen = bool(unacked - {"deleted"}) or change.conflict
            if key == "deleted" and remote is True and remote_wins and edited_unseen:
                # Deleted there while edited here (edits not yet acknowledged): the tombstone
                # travels, and the edit is on the list so it is not silently lost.
                run.attention += note.add(
                    EDIT_AGAINST_DELETE, False, local_hlc, True, stamp, open_=True
                )
            elif deleted_here and key != "deleted":
                run.attention += note.add(
                    EDIT_AGAINST_DELETE, local, local_hlc, remote, stamp, open_=True
                )
            if remote_wins:
                # The local value lost; keep it if the other device never saw it: its edit
                # replaced another value (base), or ours may not have reached it (unacked).
                concurrent = bases[key] != local_hlc if key in bases else key in unacked
                if concurrent:
                    run.kept += note.add(SUPERSEDED, local, local_hlc, remote, stamp, open_=False)
                _assign(row, key, remote)
                field_hlcs[key] = stamp.encode()
                applied_any = True
            elif key in bases:
                # An edit made there without seeing ours, which is newer: kept. (A value
                # without a base is the record's creation, which this device already had.)
                run.kept += note.add(SUPERSEDED, local, local_hlc, remote, stamp, open_=False)
        if applied_any:
            row.field_hlcs = field_hlcs
            row.hlc = max(row.hlc or "", change.hlc, *field_hlcs.values())
        elif field_hlcs != (row.field_hlcs or {}):
            row.field_hlcs = field_hlcs
        if not run.fast:
            session.flush()
        if applied_any:
            run.touched.append(row)
        if isinstance(row, Patient):
            names_after = tuple(getattr(row, n) for n in _NAME_FIELDS)
            if names_after != names_before:
                run.names.append(names_after)

    def _unacked_keys(
        self, session: Session, spec: RecordSpec[Any], entity_id: uuid.UUID
    ) -> set[str]:
        """Patch keys of this record's local changes HQ has not acknowledged yet, or
        acknowledged in the sync now running (entries are pruned when a sync ends): what it
        pulls was made without seeing them, so a deletion it brings meets those edits."""
        keys: set[str] = set()
        for patch in session.scalars(
            select(OutboxEntry.patch).where(
                OutboxEntry.entity == spec.kind,
                OutboxEntry.entity_id == entity_id,
            )
        ):
            keys.update(patch)
        return keys

    # --- what is waiting to go, and what needs a person ----------------------------------

    def pending_outbox(self) -> list[RemoteChange]:
        """This device's unsent changes, as another device would receive them."""

        def read(session: Session) -> list[RemoteChange]:
            entries = session.scalars(
                select(OutboxEntry)
                .where(OutboxEntry.sent_batch.is_(None))
                .order_by(OutboxEntry.seq)
            )
            return [
                RemoteChange(
                    change_id=e.change_id,
                    entity=e.entity,
                    entity_id=e.entity_id,
                    clinic_id=e.clinic_id,
                    op=e.op,
                    patch=dict(e.patch),
                    hlc=e.hlc,
                )
                for e in entries
            ]

        return self._tx.read(read)

    def needs_attention(
        self, *, patient_id: uuid.UUID | None = None, include_settled: bool = False
    ) -> list[Attention]:
        """What a person must look at (oldest first); settled items too if asked."""
        self._core.actor.require(Permission.VIEW_PATIENTS)

        def read(session: Session) -> list[Attention]:
            query = select(NeedsAttention).order_by(NeedsAttention.created_at)
            if not include_settled:
                query = query.where(NeedsAttention.resolved_at.is_(None))
            if patient_id is not None:
                query = query.where(NeedsAttention.patient_id == patient_id)
            return [_attention(row) for row in session.scalars(query)]

        return self._tx.read(read)

    def resolve(self, attention_id: uuid.UUID, *, take_remote: bool) -> Done[Attention]:
        """Settle an item: keep this device's value, or take the other's (a new local edit,
        which then travels to every device like any edit)."""
        actor = self._core.actor

        def work(session: Session) -> Attention:
            row = session.get(NeedsAttention, attention_id)
            if row is None or row.resolved_at is not None:
                raise NotFound(msg("This item was already settled."))
            spec = SPECS[row.entity]
            if spec.write is not None:
                actor.require(spec.write)
            if take_remote and row.reason in (SIGNED_HERE, APPEND_ONLY):
                raise Conflict(
                    msg("A signed form is never changed: record a correction of it instead.")
                )
            if take_remote and row.field is not None:
                model: Any = spec.model
                record = session.scalar(select(model).where(model.id == row.entity_id))
                if record is not None:
                    found = spec.field_for_key(row.field)
                    value = row.remote_value
                    if found is not None and not found.keyed:
                        value = found.from_wire(value)
                    _assign(record, row.field, value)
            row.resolved_at = utcnow()
            row.resolved_by = actor.user_id
            row.resolution = TOOK_REMOTE if take_remote else KEPT_LOCAL
            session.flush()
            return _attention(row)

        return self._tx.write(work)


# --- helpers -------------------------------------------------------------------------------


class _Note:
    """Writes needs_attention rows for one key of one change (never twice the same)."""

    def __init__(
        self,
        session: Session,
        spec: RecordSpec[Any],
        change: RemoteChange,
        entity_id: uuid.UUID,
        patient_id: uuid.UUID | None,
        key: str,
        touched: list[Any],
    ) -> None:
        self._session = session
        self._touched = touched
        self._spec = spec
        self._change = change
        self._entity_id = entity_id
        self._patient_id = patient_id
        self._key = key

    def add(
        self,
        reason: str,
        local: Any,
        local_hlc: str,
        remote: Any,
        remote_hlc: Stamp,
        *,
        open_: bool,
    ) -> int:
        session = self._session
        already = session.scalar(
            select(NeedsAttention.id).where(
                NeedsAttention.entity_id == self._entity_id,
                NeedsAttention.field == self._key,
                NeedsAttention.reason == reason,
                NeedsAttention.remote_hlc == remote_hlc.encode(),
            )
        )
        if already is not None:
            return 0  # the same change applied again (a retried page)
        now = utcnow()
        if is_unshown(self._spec.kind, self._key):
            # Key material is never shown or kept twice: the item says only that it differed.
            local, remote = UNSHOWN_VALUE, UNSHOWN_VALUE
        item = NeedsAttention(
            clinic_id=self._change.clinic_id,
            entity=self._spec.kind,
            entity_id=self._entity_id,
            patient_id=self._patient_id,
            field=self._key,
            reason=reason,
            local_value=to_wire(local),
            local_hlc=local_hlc or None,
            local_by=_last_editor(session, self._spec.kind, self._entity_id),
            remote_value=to_wire(remote),
            remote_hlc=remote_hlc.encode(),
            remote_by=self._change.user_id,
            remote_change_id=self._change.change_id,
            resolved_at=None if open_ else now,
            resolution=None if open_ else NEWER_EDIT_KEPT,
        )
        session.add(item)
        self._touched.append(item)
        return 1


def _judgement(
    session: Session,
    reason: str,
    row: Patient | Appointment,
    patient_id: uuid.UUID,
    other: dict[str, Any],
    this: dict[str, Any],
    touched: list[Any],
) -> int:
    """An item for a person to judge about `row` and another record (`other`, which has
    "id"), once per pair, whichever of the two arrived second."""
    other_id = str(other["id"])
    for item in session.scalars(
        select(NeedsAttention).where(
            NeedsAttention.reason == reason,
            NeedsAttention.entity_id.in_([row.id, uuid.UUID(other_id)]),
        )
    ):
        values = (item.local_value or {}, item.remote_value or {})
        if {str(v.get("id")) for v in values if isinstance(v, dict)} == {other_id, str(row.id)}:
            return 0
    item = NeedsAttention(
        clinic_id=row.clinic_id,
        entity=type(row).__tablename__,
        entity_id=row.id,
        patient_id=patient_id,
        field=None,
        reason=reason,
        local_value=other,
        local_hlc=None,
        remote_value=this,
        remote_hlc=row.hlc or None,
    )
    session.add(item)
    touched.append(item)
    return 1


def _person(patient: Patient) -> dict[str, Any]:
    return {
        "id": str(patient.id),
        "name": patient.full_name,
        "birth_date": to_wire(patient.birth_date),
        "phone": patient.phone,
        "village": patient.village,
        "clinic_number": patient.clinic_number,
    }


# Plain SQL on the indexes (birth_date; phone_reversed), names compared case aside: this runs
# for every patient a sync brings, and the compiled ORM query cost more than the lookup. Ids
# are stored as 32 hex digits.
_SAME_NAME = (
    "given_name = ? COLLATE NOCASE AND family_name = ? COLLATE NOCASE AND id != ? AND deleted = 0"
)
_SAME_BIRTH_SQL = (
    "SELECT id FROM patients WHERE birth_date = ? AND birth_date_estimated = 0 AND "
    + _SAME_NAME
    + " LIMIT 20"
)
_SAME_PHONE_SQL = "SELECT id FROM patients WHERE phone_reversed = ? AND " + _SAME_NAME + " LIMIT 20"


def _flag_duplicate(session: Session, patient: Patient, touched: list[Any]) -> int:
    """A patient from another device with the name of one here and the same date of birth
    or phone: probably one person registered twice (DESIGN.md: never settled silently)."""
    # Each on an index (birth date; the phone's reversed digits), the names compared by the
    # database (case aside). An estimated birth date (1 July of a year) says little: a
    # register holds thousands of them, so only a known one counts.
    conn = session.connection()
    ids: set[str] = set()
    names = (patient.given_name, patient.family_name, patient.id.hex)
    if patient.birth_date is not None and not patient.birth_date_estimated:
        ids.update(
            row[0]
            for row in conn.exec_driver_sql(
                _SAME_BIRTH_SQL, (patient.birth_date.isoformat(), *names)
            )
        )
    if patient.phone_reversed:
        ids.update(
            row[0]
            for row in conn.exec_driver_sql(_SAME_PHONE_SQL, (patient.phone_reversed, *names))
        )
    if not ids:
        return 0
    found = {
        other.id: other
        for other in session.scalars(
            select(Patient).where(Patient.id.in_(uuid.UUID(i) for i in ids))
        )
    }
    added = 0
    for other in found.values():
        added += _judgement(
            session,
            POSSIBLE_DUPLICATE,
            patient,
            patient.id,
            _person(other),
            _person(patient),
            touched,
        )
    return added


def _booking(appointment: Appointment) -> dict[str, Any]:
    return {
        "id": str(appointment.id),
        "patient_id": str(appointment.patient_id),
        "provider_id": str(appointment.provider_id),
        "starts_at": to_wire(appointment.starts_at),
        "ends_at": to_wire(appointment.ends_at),
        "status": to_wire(appointment.status),
    }


def _flag_double_booking(session: Session, appointment: Appointment, touched: list[Any]) -> int:
    """An appointment from another device that overlaps another booking of the same provider
    (each laptop checked only what it knew): a person rebooks one of them."""
    from desktop.services.scheduling import OCCUPYING

    # A walk-in booked no slot (they came and joined the queue): never a double booking,
    # whichever laptop checked them in.
    if appointment.status not in OCCUPYING or appointment.walk_in:
        return 0
    others = session.scalars(
        select(Appointment).where(
            Appointment.id != appointment.id,
            Appointment.provider_id == appointment.provider_id,
            Appointment.deleted.is_(False),
            Appointment.status.in_(OCCUPYING),
            Appointment.walk_in.is_(False),
            Appointment.starts_at < appointment.ends_at,
            Appointment.ends_at > appointment.starts_at,
        )
    )
    added = 0
    for other in others:
        added += _judgement(
            session,
            DOUBLE_BOOKED,
            appointment,
            appointment.patient_id,
            _booking(other),
            _booking(appointment),
            touched,
        )
    return added


def _last_editor(session: Session, kind: str, entity_id: uuid.UUID) -> uuid.UUID | None:
    return session.scalar(
        select(AuditEvent.user_id)
        .where(AuditEvent.entity == kind, AuditEvent.entity_id == entity_id)
        .order_by(AuditEvent.at.desc())
        .limit(1)
    )


def _note_refused(session: Session, change: RemoteChange, why: str, touched: list[Any]) -> int:
    """A change from another device that cannot be applied here is on the list (the sync
    moves past it: without the item it would be lost from sight)."""
    already = session.scalar(
        select(NeedsAttention.id).where(
            NeedsAttention.remote_change_id == change.change_id, NeedsAttention.reason == REFUSED
        )
    )
    if already is not None:
        return 0
    entity = change.entity[:64]
    item = NeedsAttention(
        clinic_id=change.clinic_id,
        entity=entity,
        entity_id=change.entity_id,
        patient_id=change.entity_id if entity == "patients" else None,
        field=None,
        reason=REFUSED,
        local_value=None,
        remote_value={"why": why[:300], "op": change.op[:10]},
        remote_hlc=change.hlc[:40] or None,
        remote_by=change.user_id,
        remote_change_id=change.change_id,
    )
    session.add(item)
    touched.append(item)
    return 1


def _inserted_to_judge(session: Session, inserts: PendingInserts) -> list[Any]:
    """The patients and appointments a page inserted that the judgements must read, as
    records: every appointment, and the patients that have a namesake here with their
    date of birth or phone (most have none: they are passed over without being loaded)."""
    patients = [row for table, row in inserts.written if table == Patient.__tablename__]
    wanted = {
        model: ids
        for model, ids in (
            (Patient, sorted(_with_namesakes(session, patients))),
            (Appointment, inserts.ids(Appointment.__tablename__)),
        )
        if ids
    }
    found: list[Any] = []
    for model, ids in wanted.items():
        for chunk in _chunks(ids, 500):
            found.extend(session.scalars(select(model).where(model.id.in_(chunk))))
    return found


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _alike_keys(given: Any, family: Any, birth: Any, estimated: Any, phone: Any) -> list[Any]:
    """What `_flag_duplicate` compares, as keys: the names as SQLite's NOCASE folds them
    (ASCII letters only), with a known date of birth, and with the phone."""
    names = (str(given or "").translate(_ASCII_LOWER), str(family or "").translate(_ASCII_LOWER))
    keys: list[Any] = []
    if birth is not None and not estimated:
        keys.append((*names, "born", birth))
    if phone:
        keys.append((*names, "phone", phone))
    return keys


def _with_namesakes(session: Session, rows: list[dict[str, Any]]) -> set[uuid.UUID]:
    """The ids of `rows` (new patients' columns) that another live patient may duplicate."""
    live = [row for row in rows if not row.get("deleted")]
    births = sorted({r["birth_date"] for r in live if r.get("birth_date") is not None})
    phones = sorted({r["phone_reversed"] for r in live if r.get("phone_reversed")})
    holders: dict[Any, set[uuid.UUID]] = {}
    columns = (
        Patient.id,
        Patient.given_name,
        Patient.family_name,
        Patient.birth_date,
        Patient.birth_date_estimated,
        Patient.phone_reversed,
    )
    lookups = [
        Patient.birth_date.in_(chunk) & Patient.birth_date_estimated.is_(False)
        for chunk in _chunks(births, 400)
    ] + [Patient.phone_reversed.in_(chunk) for chunk in _chunks(phones, 400)]
    for where in lookups:
        for pid, *fields in session.execute(
            select(*columns).where(Patient.deleted.is_(False), where)
        ):
            for key in _alike_keys(*fields):
                holders.setdefault(key, set()).add(pid)
    alike: set[uuid.UUID] = set()
    for row in live:
        keys = _alike_keys(
            row.get("given_name"),
            row.get("family_name"),
            row.get("birth_date"),
            row.get("birth_date_estimated"),
            row.get("phone_reversed"),
        )
        if any(holders.get(key, set()) - {row["id"]} for key in keys):
            alike.add(row["id"])
    return alike


def _chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _stored_ids(session: Session, table: str, hexes: Iterable[str]) -> list[str]:
    """Which of `hexes` (ids as stored: 32 hex digits) `table` holds. The ids go in as one
    JSON array: an IN list of bound ids, compiled and bound by SQLAlchemy chunk by chunk,
    was most of a new laptop's lookups (benchmarks/bench_sync.py)."""
    listed = json.dumps(list(hexes))
    if listed == "[]":
        return []
    # `table` is a record kind's table name (SPECS), never text from a peer.
    sql = f"SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(?))"
    return [found for (found,) in session.connection().exec_driver_sql(sql, (listed,))]


def _column_default(spec: RecordSpec[Any], name: str) -> Any:
    column = spec.model.__table__.c[name]
    return column.default if column.default is not None else column.server_default


_OWN_IDS = frozenset(("id", "clinic_id"))


def _keep(value: Any) -> Any:
    return value


_KEEP = _keep  # a key of a keyed field ("answers.<name>"): its value as it came


def _taker(found: FieldSpec) -> Callable[[Any], Any]:
    """`found.take`, with the commonest case of an id field (text that is a UUID: what every
    reference of a page is) taken without going through the general conversion."""
    if found.keyed:
        return _KEEP
    if found.type is uuid.UUID and not found.checks:
        general = found.take
        make = uuid.UUID

        def take_id(value: Any) -> Any:
            # uuid.UUID(text) is what `from_wire` does, and an id has nothing else to check.
            return make(value) if type(value) is str else general(value)

        return take_id
    return found.take


@dataclass(frozen=True)
class _StoredForms:
    """How a kind's values reach their stored form on one dialect (stored_values.py)."""

    takers: dict[str, StoredTaker]  # per field that is not keyed: its synced value
    keyed: dict[str, Callable[[Any], Any]]  # per keyed field: its answers (a dict)
    stamps: Callable[[Sequence[str], str], Any]  # field_hlcs: the fields, their one stamp
    stamp_map: Callable[[Any], Any]  # field_hlcs: a stamp per field


class _Kind:
    """What applying a change of one kind needs from its spec, worked out once: a page is
    tens of thousands of changes of a few kinds."""

    _KEYED_CACHE = 4096  # keys of keyed fields remembered (form answers: a few hundred)

    def __init__(self, spec: RecordSpec[Any]) -> None:
        self.spec = spec
        self.takers: dict[str, Callable[[Any], Any]] = {
            f.name: _taker(f) for f in spec.fields if not f.keyed
        }
        self.keyed = tuple(f.name for f in spec.fields if f.keyed)
        self._stored: dict[str, _StoredForms] = {}
        # The fields that point at another record: (field, the table of the record; each
        # points at a record's id).
        self.references: tuple[tuple[str, str], ...] = tuple(
            (fk.parent.name, fk.column.table.name)
            for fk in spec.model.__table__.foreign_keys
            if fk.column.name == "id"
        )
        # What an insert must carry to make the record (the others have defaults or are
        # nullable).
        self.needed = tuple(
            f.name
            for f in spec.fields
            if f.name not in ("id", "clinic_id")
            and not f.nullable
            and not f.keyed
            and _column_default(spec, f.name) is None
        )

    def stored_for(self, dialect: Dialect) -> _StoredForms:
        found = self._stored.get(dialect.name)
        if found is None:
            columns = self.spec.model.__table__.c

            def processor(name: str) -> Callable[[Any], Any]:
                return columns[name].type._cached_bind_processor(dialect) or _keep

            found = self._stored[dialect.name] = _StoredForms(
                takers={
                    f.name: stored_taker(f, columns[f.name], dialect)
                    for f in self.spec.fields
                    if not f.keyed
                },
                keyed={name: processor(name) for name in self.keyed},
                stamps=one_stamp_taker(columns["field_hlcs"], dialect),
                stamp_map=processor("field_hlcs"),
            )
        return found

    def taker_for(self, key: str) -> Callable[[Any], Any] | None:
        found = self.spec.field_for_key(key)
        if found is None:
            return None
        take = _taker(found)
        if len(self.takers) < self._KEYED_CACHE:
            self.takers[key] = take
        return take


_KINDS: dict[int, tuple[RecordSpec[Any], _Kind]] = {}


def _kind(spec: RecordSpec[Any]) -> _Kind:
    found = _KINDS.get(id(spec))
    if found is None or found[0] is not spec:
        found = _KINDS[id(spec)] = (spec, _Kind(spec))
    return found[1]


def _current(row: Synced, key: str) -> Any:
    if "." in key:
        name, answer = key.split(".", 1)
        return (getattr(row, name) or {}).get(answer)
    return getattr(row, key)


def _assign(row: Synced, key: str, value: Any) -> None:
    if "." in key:
        name, answer = key.split(".", 1)
        answers = dict(getattr(row, name) or {})
        if value is None:
            answers.pop(answer, None)
        else:
            answers[answer] = value
        setattr(row, name, answers)
    else:
        setattr(row, key, value)


def _same(local: Any, remote: Any) -> bool:
    return bool(to_wire(local) == to_wire(remote))


def _parked(change: RemoteChange, reason: str) -> ParkedChange:
    return ParkedChange(
        change_id=change.change_id,
        entity=change.entity[:64],
        entity_id=change.entity_id,
        clinic_id=change.clinic_id,
        op=change.op[:10],
        patch={str(k): dict(v) for k, v in change.patch.items()},
        hlc=change.hlc[:40],
        reason=reason[:64],
    )


def _from_parked(row: ParkedChange) -> RemoteChange:
    return RemoteChange(
        change_id=row.change_id,
        entity=row.entity,
        entity_id=row.entity_id,
        clinic_id=row.clinic_id,
        op=row.op,
        patch=row.patch,
        hlc=row.hlc,
    )


def _attention(row: NeedsAttention) -> Attention:
    return Attention(
        id=row.id,
        entity=row.entity,
        entity_id=row.entity_id,
        patient_id=row.patient_id,
        field=row.field,
        reason=row.reason,
        local_value=row.local_value,
        local_hlc=row.local_hlc,
        remote_value=row.remote_value,
        remote_hlc=row.remote_hlc,
        created_at=row.created_at,
        resolved_at=row.resolved_at,
        resolution=row.resolution,
    )


# --- the list as the command line shows and settles it (desktop/cli/cmd_attention.py) -------
#
# Separate from `RemoteApi.resolve` (the screens'): the details a person reads before choosing
# (who made each value and when, the record's value now), and settling with a value of their
# own. Each way of settling is audited (action "resolve" on the record, naming the field), and
# a value that changes is an ordinary local edit, queued for HQ. Keeping this laptop's value
# where the other device still holds its own re-stamps it, so it reaches that device too
# (it is then on that device's list, not silently different there).

KEEP_MINE = "mine"
KEEP_THEIRS = "theirs"
CHOSEN_VALUE = "chosen_value"  # the resolution when a person typed the value


@dataclass(frozen=True)
class AttentionDetail:
    """An item with what a person needs to settle it (times in clinic time)."""

    item: Attention
    patient_name: str | None
    current_value: Any  # the record's value now (wire form); None when the record is gone
    local_by: str | None  # display names, None when not known
    remote_by: str | None
    local_at: dt.datetime | None
    remote_at: dt.datetime | None
    created_at: dt.datetime
    resolved_by: str | None


def attention_details(core: ClinicCore, *, include_settled: bool = False) -> list[AttentionDetail]:
    """The "needs attention" items (oldest first), with names and times."""
    core.actor.require(Permission.VIEW_PATIENTS)
    clock = core.clock

    def when(stamp: str | None) -> dt.datetime | None:
        if not stamp:
            return None
        try:
            wall = Stamp.decode(stamp).wall_ms
        except ValueError:
            return None
        return clock.local(dt.datetime.fromtimestamp(wall / 1000, dt.UTC))

    def read(session: Session) -> list[AttentionDetail]:
        from desktop.store.models import User

        people = {u.id: u.display_name or u.username for u in session.scalars(select(User))}
        query = select(NeedsAttention).order_by(NeedsAttention.created_at)
        if not include_settled:
            query = query.where(NeedsAttention.resolved_at.is_(None))
        found: list[AttentionDetail] = []
        names: dict[uuid.UUID, str | None] = {}
        for row in session.scalars(query):
            if row.patient_id is not None and row.patient_id not in names:
                patient = session.scalar(select(Patient).where(Patient.id == row.patient_id))
                names[row.patient_id] = patient.full_name if patient is not None else None
            current = None
            spec = SPECS.get(row.entity)
            if spec is not None and row.field is not None:
                model: Any = spec.model
                record = session.scalar(select(model).where(model.id == row.entity_id))
                if record is not None and spec.field_for_key(row.field) is not None:
                    current = to_wire(_current(record, row.field))
            found.append(
                AttentionDetail(
                    item=_attention(row),
                    patient_name=names.get(row.patient_id) if row.patient_id else None,
                    current_value=current,
                    local_by=people.get(row.local_by) if row.local_by else None,
                    remote_by=people.get(row.remote_by) if row.remote_by else None,
                    local_at=when(row.local_hlc),
                    remote_at=when(row.remote_hlc),
                    created_at=clock.local(row.created_at),
                    resolved_by=people.get(row.resolved_by) if row.resolved_by else None,
                )
            )
        return found

    return core.tx.read(read)


def settle(
    core: ClinicCore,
    attention_id: uuid.UUID,
    *,
    keep: str | None = None,
    value: str | None = None,
) -> Done[Attention]:
    """Settle an item: `keep` KEEP_MINE or KEEP_THEIRS, or `value` (text, as a person types
    it), checked by the field's own validation (a patient's through the registration's
    checks). One transaction: the record's new value (an edit, audited and queued for HQ),
    the audit of the choice, the item marked settled."""
    if (keep is None) == (value is None) or keep not in (None, KEEP_MINE, KEEP_THEIRS):
        raise ValueError("settle needs keep=mine|theirs or a value")
    actor = core.actor

    def work(session: Session) -> Attention:
        row = session.get(NeedsAttention, attention_id)
        if row is None or row.resolved_at is not None:
            raise NotFound(msg("This item was already settled."))
        spec = SPECS.get(row.entity)  # None: a refused change of a kind not known here
        if spec is not None and spec.write is not None:
            actor.require(spec.write)
        if keep != KEEP_MINE and row.reason in (SIGNED_HERE, APPEND_ONLY):
            raise Conflict(
                msg("A signed form is never changed: record a correction of it instead.")
            )
        if spec is None and keep != KEEP_MINE:
            raise Conflict(msg("This change cannot be taken here: it can only be marked as seen."))
        record = None
        if spec is not None:
            model: Any = spec.model
            record = session.scalar(select(model).where(model.id == row.entity_id))
        found = spec.field_for_key(row.field) if spec is not None and row.field else None
        frozen = row.reason in (SIGNED_HERE, APPEND_ONLY)
        if spec and record is not None and found is not None and row.field and not frozen:
            if value is not None:
                _set_chosen(core, session, spec, record, row.field, found, value)
            else:
                wire = row.local_value if keep == KEEP_MINE else row.remote_value
                target = wire if found.keyed else found.from_wire(wire)
                if _same(_current(record, row.field), target):
                    if keep == KEEP_MINE:
                        _restamp(session, record, row.field)
                else:
                    _assign(record, row.field, target)
            session.flush()
        row.resolved_at = utcnow()
        row.resolved_by = actor.user_id
        row.resolution = (
            CHOSEN_VALUE if value is not None else KEPT_LOCAL if keep == KEEP_MINE else TOOK_REMOTE
        )
        from desktop.services import audit

        # The key and the stamp the record now holds for it travel with the audit event, so
        # another laptop with an item about the same key can tell that it was settled here
        # (desktop.app.attention.settled_elsewhere). A clock stamp, never a value.
        stamp = (record.field_hlcs or {}).get(row.field) if record is not None else None
        audit.record(
            session,
            actor,
            "resolve",
            row.entity,
            row.entity_id,
            fields=[(row.field or "").split(".", 1)[0]] if row.field else [],  # type: ignore[arg-type]
            item=str(row.id),
            reason=row.reason,
            resolution=row.resolution,
            key=row.field or "",
            stamp=stamp or "",
            # The two stamps of the item answered: another laptop's item about the same two
            # values (its own the other way round) is answered by this choice, and no other.
            local_hlc=row.local_hlc or "",
            remote_hlc=row.remote_hlc or "",
        )
        session.flush()
        return _attention(row)

    return core.tx.write(work)


def _restamp(session: Session, record: Any, key: str) -> None:
    """Queue `key`'s current value again with a new stamp (so it wins on the other device,
    which holds another value), as an edit of this record."""
    from sqlalchemy.orm.attributes import flag_modified

    if "." not in key:
        flag_modified(record, key)
        return
    # A keyed field's patch holds only the answers that differ from the stored ones: take the
    # answer out and put it back, two flushes of one transaction (one queued patch).
    name, answer = key.split(".", 1)
    answers = dict(getattr(record, name) or {})
    kept = answers.get(answer)
    setattr(record, name, {k: v for k, v in answers.items() if k != answer})
    session.flush()
    setattr(record, name, {**answers, answer: kept} if kept is not None else answers)


# Patient fields a person types as the registration form has them (checked by its rules).
_PATIENT_TYPED = frozenset(
    {
        "given_name",
        "family_name",
        "other_names",
        "sex",
        "birth_date",
        "phone",
        "phone_alt",
        "village",
        "address",
        "national_id",
        "clinic_number",
        "next_of_kin_name",
        "next_of_kin_relation",
        "next_of_kin_phone",
        "preferred_language",
        "coverage_scheme",
        "coverage_member_id",
        "notes",
    }
)


def _set_chosen(
    core: ClinicCore,
    session: Session,
    spec: RecordSpec[Any],
    record: Any,
    key: str,
    found: Any,
    text_value: str,
) -> None:
    from desktop.errors import InvalidInput

    if isinstance(record, Patient) and key in _PATIENT_TYPED:
        import dataclasses

        from desktop.services import patients as patient_service

        today = core.today()
        data = patient_service.PatientInput.from_patient(record, today, region=core.region)
        if key == "birth_date":
            data = dataclasses.replace(
                data,
                birth_date=text_value,
                estimated_age_years="",
                age_unknown=not text_value.strip(),
            )
        else:
            data = dataclasses.replace(data)
            setattr(data, key, text_value)
        patient_service.update_patient(
            session, core.actor, record.id, data, region=core.region, today=today
        )
        return
    try:
        chosen = _typed(found, text_value)
    except ValueError as exc:
        raise InvalidInput(msg("{field}: {problem}", field=key, problem=str(exc))) from None
    problem = None if found.keyed else found.problem(chosen)
    if problem:
        raise InvalidInput(msg("{field}: {problem}", field=key, problem=problem))
    _assign(record, key, chosen)


def _typed(found: Any, text_value: str) -> Any:
    """`text_value` as the Python value `found` (a FieldSpec) holds; ValueError if it cannot."""
    import enum
    import json

    kind = found.type
    stripped = text_value.strip()
    if found.keyed:  # a form's answer: JSON when it reads as a list, else the text
        if stripped.startswith("["):
            try:
                return json.loads(stripped)
            except json.JSONDecodeError:
                pass
        return stripped or None
    if stripped == "" and found.nullable:
        return None
    if kind is str:
        return stripped
    if kind is bool:
        words = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}
        if stripped.lower() not in words:
            raise ValueError(msg("give true or false"))
        return words[stripped.lower()]
    if kind is int:
        try:
            return int(stripped)
        except ValueError:
            raise ValueError(msg("give a whole number")) from None
    if kind is dt.date:
        from desktop.dates import read_date

        return read_date(stripped, field=found.name)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        try:
            return kind(stripped.lower())
        except ValueError:
            choices = ", ".join(str(member.value) for member in kind)
            raise ValueError(msg("one of {choices}", choices=choices)) from None
    return found.from_wire(stripped)
