"""The coordinator's follow-through: results relayed to patients, referrals until the loop
closes, the facility directory and the clinic's follow-through rules.

Every method is one use case: it opens and closes its own transaction and returns plain
frozen dataclasses (writes: `Done(value, changes)`, the changes already published). Dates a
person gives are the clinic's dates; times returned are in the clinic's zone.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import ColumnElement, and_, func, or_, select, true
from sqlalchemy.orm import Session, defer

from desktop.app.patient_refs import patient_refs, shown_person
from desktop.app.transactions import Done
from desktop.app.work_items import (
    ESCALATE,
    LATE,
    REFERRAL,
    REFERRAL_OVERDUE,
    RESULT,
    RESULT_WAITING,
    URGENT_REFERRAL,
    URGENT_RESULT,
    Lines,
    WorkItem,
    bounded,
    count_groups,
    patient_kept,
)
from desktop.messages import Message, msg
from desktop.permissions import Permission
from desktop.records import kinds
from desktop.services import followup_rules
from desktop.services import referrals as refsvc
from desktop.services import results as ressvc
from desktop.services.phones import display_phone
from desktop.services.results import Measurement, Scan
from desktop.store.models import (
    Facility,
    FacilityKind,
    Patient,
    Referral,
    ReferralStatus,
    ReferralUrgency,
    RelayMethod,
    RelayOutcome,
    Result,
    ResultCategory,
    ResultRelay,
    ResultStatus,
    User,
)

if TYPE_CHECKING:
    from desktop.core import ClinicCore

__all__ = [
    "FACILITY_KIND_WORDS",
    "METHOD_WORDS",
    "OUTCOME_WORDS",
    "URGENCY_WORDS",
    "FacilityKind",
    "FacilityLine",
    "Measurement",
    "ReferralLine",
    "ReferralStatus",
    "ReferralUrgency",
    "ReferralsApi",
    "RelayLine",
    "RelayMethod",
    "RelayOutcome",
    "ResultCategory",
    "ResultDetail",
    "ResultLine",
    "ResultStatus",
    "ResultsApi",
    "Scan",
]


# --- what the screens and commands are given -----------------------------------------------


@dataclass(frozen=True)
class RelayLine:
    relay_id: uuid.UUID
    at: dt.datetime  # clinic time
    method: RelayMethod
    outcome: RelayOutcome
    by: str
    note: str


@dataclass(frozen=True)
class ResultLine:
    """One result in a list."""

    result_id: uuid.UUID
    patient_id: uuid.UUID
    patient_name: str
    clinic_number: str
    patient_phone: str  # as people read it ("" when none): the number to call
    category: ResultCategory
    test_name: str
    facility: str  # where it was sent ("" in-house or not said)
    status: ResultStatus
    status_words: Message
    urgent: bool
    ordered_on: dt.date
    expected_on: dt.date | None
    received_on: dt.date | None
    attempts: int
    last_attempt: RelayLine | None
    escalation_due: bool  # urgent, not relayed within the clinic's rule
    late: bool  # expected by now from the lab and not here


@dataclass(frozen=True)
class ResultDetail:
    line: ResultLine
    result_text: str
    measurements: tuple[Measurement, ...]
    attachment_name: str | None
    attachment_type: str | None
    attachment_sha256: str | None
    reviewed_by: str | None
    reviewed_at: dt.datetime | None  # clinic time
    review_note: str
    informed_at: dt.datetime | None
    escalated_at: dt.datetime | None
    escalated_by: str | None
    sent_on: dt.date | None
    notes: str
    relays: tuple[RelayLine, ...]


@dataclass(frozen=True)
class FacilityLine:
    facility_id: uuid.UUID
    name: str
    kind: FacilityKind
    phone: str  # as people read it
    address: str
    active: bool


@dataclass(frozen=True)
class ReferralLine:
    referral_id: uuid.UUID
    patient_id: uuid.UUID
    patient_name: str
    clinic_number: str
    patient_phone: str  # as people read it ("" when none)
    facility: FacilityLine | None
    reason: str
    urgency: ReferralUrgency
    status: ReferralStatus
    status_words: Message
    created_on: dt.date  # clinic date it was drafted
    referred_by: str | None
    sent_on: dt.date | None
    appointment_on: dt.date | None
    seen_on: dt.date | None
    feedback_on: dt.date | None
    closed_on: dt.date | None
    counter_referral: str
    end_reason: str
    notes: str
    overdue: Message | None  # why it needs chasing today, or None


# --- shared reading ----------------------------------------------------------------------


def _user_names(session: Session) -> dict[uuid.UUID, str]:
    return {i: n for i, n in session.execute(select(User.id, User.display_name))}


def _facilities(session: Session) -> dict[uuid.UUID, Facility]:
    return {f.id: f for f in session.scalars(select(Facility))}


def _facility_line(facility: Facility, region: str) -> FacilityLine:
    return FacilityLine(
        facility.id,
        facility.name,
        facility.kind,
        display_phone(facility.phone, region),
        facility.address,
        facility.active,
    )


def _informed_at(relays: Sequence[RelayLine]) -> dt.datetime | None:
    found = next((r.at for r in relays if r.outcome is RelayOutcome.INFORMED), None)
    return found.astimezone(dt.UTC) if found is not None else None


class _Reader:
    """Turns rows into lines within one transaction (names read once)."""

    def __init__(self, core: ClinicCore, session: Session) -> None:
        self.core = core
        self.session = session
        self.users = _user_names(session)
        self.facilities = _facilities(session)
        self.rules = followup_rules.current(session)
        self.today = core.today()
        self._phones: dict[str, str] = {}
        self._facility_lines: dict[uuid.UUID, FacilityLine] = {}

    def phone(self, e164: str | None) -> str:
        """A stored number as people read it, formatted once per number (phonenumbers'
        formatting is the costly part of a long list)."""
        if not e164:
            return ""
        found = self._phones.get(e164)
        if found is None:
            found = self._phones[e164] = display_phone(e164, self.core.region)
        return found

    def facility_line(self, facility: Facility) -> FacilityLine:
        """Made once per facility: a list of referrals names the same few many times."""
        found = self._facility_lines.get(facility.id)
        if found is None:
            found = self._facility_lines[facility.id] = _facility_line(facility, self.core.region)
        return found

    def local(self, instant: dt.datetime | None) -> dt.datetime | None:
        return self.core.clock.local(instant) if instant is not None else None

    def relay(self, row: ResultRelay) -> RelayLine:
        at = self.core.clock.local(row.at)
        by = self.users.get(row.made_by, "") if row.made_by else ""
        return RelayLine(row.id, at, row.method, row.outcome, by, row.note)

    def result_lines(
        self, rows: Sequence[Result]
    ) -> list[tuple[Result, ResultLine, list[RelayLine]]]:
        patients = patient_refs(self.session, (r.patient_id for r in rows))
        tries = ressvc.attempts(self.session, [r.id for r in rows])
        after = self.rules[followup_rules.RESULT_ESCALATE_AFTER]
        out = []
        for row in rows:
            patient = patients.get(row.patient_id)
            made = tries.get(row.id, [])
            relays = [self.relay(t) for t in made]
            status = ressvc.effective_status(row, made)
            facility = self.facilities.get(row.facility_id) if row.facility_id else None
            line = ResultLine(
                result_id=row.id,
                patient_id=row.patient_id,
                patient_name=patient.name if patient else "",
                clinic_number=patient.clinic_number if patient else "",
                patient_phone=self.phone(patient.phone) if patient else "",
                category=row.category,
                test_name=row.test_name,
                facility=facility.name if facility else "",
                status=status,
                status_words=kinds.RESULT_STATUS.word(status),
                urgent=row.urgent,
                ordered_on=row.ordered_on,
                expected_on=row.expected_on,
                received_on=row.received_on,
                attempts=len(relays),
                last_attempt=relays[-1] if relays else None,
                escalation_due=status is not ResultStatus.INFORMED
                and ressvc.escalation_due(row, self.today, after),
                late=ressvc.late_from_lab(row, self.today),
            )
            out.append((row, line, relays))
        return out

    def result_detail(self, row: Result) -> ResultDetail:
        _, line, relays = self.result_lines([row])[0]
        attachment = row.attachment or {}
        return ResultDetail(
            line=line,
            result_text=row.result_text,
            measurements=ressvc.measurements_of(row),
            attachment_name=attachment.get("name") if attachment else None,
            attachment_type=attachment.get("media_type") if attachment else None,
            attachment_sha256=attachment.get("image_sha256") if attachment else None,
            reviewed_by=self.users.get(row.reviewed_by) if row.reviewed_by else None,
            reviewed_at=self.local(row.reviewed_at),
            review_note=row.review_note,
            informed_at=self.local(row.informed_at or _informed_at(relays)),
            escalated_at=self.local(row.escalated_at),
            escalated_by=self.users.get(row.escalated_by) if row.escalated_by else None,
            sent_on=row.sent_on,
            notes=row.notes,
            relays=tuple(relays),
        )

    def referral_lines(self, rows: Sequence[Referral]) -> list[ReferralLine]:
        patients = patient_refs(self.session, (r.patient_id for r in rows))
        out = []
        for row in rows:
            patient = patients.get(row.patient_id)
            facility = self.facilities.get(row.facility_id) if row.facility_id else None
            created = self.core.clock.local(row.created_at).date()
            out.append(
                ReferralLine(
                    referral_id=row.id,
                    patient_id=row.patient_id,
                    patient_name=patient.name if patient else "",
                    clinic_number=patient.clinic_number if patient else "",
                    patient_phone=self.phone(patient.phone) if patient else "",
                    facility=self.facility_line(facility) if facility else None,
                    reason=row.reason,
                    urgency=row.urgency,
                    status=row.status,
                    status_words=kinds.REFERRAL_STATUS.word(row.status),
                    created_on=created,
                    referred_by=self.users.get(row.referred_by) if row.referred_by else None,
                    sent_on=row.sent_on,
                    appointment_on=row.appointment_on,
                    seen_on=row.seen_on,
                    feedback_on=row.feedback_on,
                    closed_on=row.closed_on,
                    counter_referral=row.counter_referral,
                    end_reason=row.end_reason,
                    notes=row.notes,
                    overdue=refsvc.overdue(row, self.today, self.rules),
                )
            )
        return out


# --- reads shared by the APIs and the worklist (inside the caller's transaction) ----------


# What a line never shows: not read for lists (loaded if a detail asks for it).
_LIST_ONLY = (defer(Result.field_hlcs), defer(Result.measurements), defer(Result.attachment))


def read_results(
    core: ClinicCore,
    session: Session,
    *,
    waiting: bool = False,
    patient_id: uuid.UUID | None = None,
    statuses: Sequence[ResultStatus] | None = None,
    limit: int = 500,
) -> tuple[ResultLine, ...]:
    """Results, newest first; `waiting`: received and not yet relayed, urgent first, the
    longest waiting first."""
    wanted = list(ressvc.WAITING) if waiting else list(statuses or ())
    limit = max(1, min(int(limit), 5000))
    query = select(Result).options(*_LIST_ONLY).where(Result.deleted.is_(False))
    if wanted:
        query = query.where(Result.status.in_(wanted))
    if patient_id is not None:
        query = query.where(Result.patient_id == patient_id)
    if waiting:
        query = query.order_by(Result.urgent.desc(), Result.received_on, Result.created_at)
    else:
        query = query.order_by(Result.ordered_on.desc(), Result.created_at.desc())
    rows = list(session.scalars(query.limit(limit)))
    lines = (line for _, line, _ in _Reader(core, session).result_lines(rows))
    if waiting:  # told already, by an attempt another laptop made
        return tuple(line for line in lines if line.status in ressvc.WAITING)
    return tuple(lines)


def read_result_detail(core: ClinicCore, session: Session, result_id: uuid.UUID) -> ResultDetail:
    """One result as `core.results.show` gives it, inside the caller's transaction (a print
    reads what it renders in the transaction that audits it)."""
    return _Reader(core, session).result_detail(ressvc.get_result(session, result_id))


def read_referral(core: ClinicCore, session: Session, referral_id: uuid.UUID) -> ReferralLine:
    """One referral as `core.referrals.show` gives it, inside the caller's transaction."""
    return _Reader(core, session).referral_lines([refsvc.get_referral(session, referral_id)])[0]


def read_late_results(core: ClinicCore, session: Session) -> tuple[ResultLine, ...]:
    """Results expected by now that have not arrived (ask the lab), the longest late first."""
    query = (
        select(Result)
        .options(*_LIST_ONLY)
        .where(
            Result.deleted.is_(False),
            Result.status.in_((ResultStatus.ORDERED, ResultStatus.SENT)),
            Result.expected_on < core.today(),
        )
        .order_by(Result.expected_on)
    )
    rows = list(session.scalars(query))
    return tuple(line for _, line, _ in _Reader(core, session).result_lines(rows))


def _overdue_where(session: Session, today: dt.date) -> ColumnElement[bool]:
    """The referrals that may be overdue today, in SQL (the status index), so only those are
    read; `referrals.overdue` then says why, by the same rules."""
    rules = followup_rules.current(session)
    sent = [
        and_(
            Referral.urgency == urgency,
            Referral.sent_on < today - dt.timedelta(days=rules[name]),
        )
        for urgency, name in followup_rules.APPOINTMENT_RULE.items()
    ]
    feedback = today - dt.timedelta(days=rules[followup_rules.REFERRAL_FEEDBACK])
    return or_(
        and_(Referral.status == ReferralStatus.SENT, or_(*sent)),
        and_(Referral.status == ReferralStatus.APPOINTMENT_GIVEN, Referral.appointment_on < today),
        and_(Referral.status == ReferralStatus.SEEN, Referral.seen_on < feedback),
    )


def read_referrals(
    core: ClinicCore,
    session: Session,
    *,
    open_only: bool = False,
    overdue_only: bool = False,
    patient_id: uuid.UUID | None = None,
    limit: int = 500,
) -> tuple[ReferralLine, ...]:
    """Referrals, newest first; `overdue_only`: the ones to chase today, the most urgent
    first, the longest waiting first."""
    limit = max(1, min(int(limit), 5000))
    query = select(Referral).options(defer(Referral.field_hlcs)).where(Referral.deleted.is_(False))
    if open_only:
        query = query.where(Referral.status.in_(refsvc.OPEN))
    if overdue_only:
        query = query.where(_overdue_where(session, core.today()))
    if patient_id is not None:
        query = query.where(Referral.patient_id == patient_id)
    query = query.order_by(Referral.created_at.desc())
    if not overdue_only:
        query = query.limit(limit)
    lines = _Reader(core, session).referral_lines(list(session.scalars(query)))
    if overdue_only:
        order = list(ReferralUrgency)[::-1]  # emergency first
        lines = [line for line in lines if line.overdue is not None]
        lines.sort(key=lambda line: (order.index(line.urgency), line.sent_on or dt.date.max))
        lines = lines[:limit]
    return tuple(lines)


# --- the worklist's lines (desktop.app.worklist): columns, not objects --------------------

# A line of the worklist needs a name, a number and a phone: read as columns with the record's
# own (thousands of full results and referrals built to list them cost most of the list's time).
_PERSON = (
    Patient.given_name,
    Patient.other_names,
    Patient.family_name,
    Patient.clinic_number,
    Patient.phone,
)


def _result_groups(
    session: Session, today: dt.date
) -> tuple[tuple[ColumnElement[bool], ...], dict[int, ColumnElement[bool]]]:
    """The results waiting to be relayed, and what puts one in each group of the worklist, as
    SQL (the (status, received) index): the same rules as `results.escalation_due` and
    `effective_status` (a patient told by an attempt made on another laptop is told,
    whatever the status says). The groups exclude one another in this order."""
    after = followup_rules.current(session)[followup_rules.RESULT_ESCALATE_AFTER]
    told = (
        select(ResultRelay.id)
        .where(
            ResultRelay.result_id == Result.id,
            ResultRelay.outcome == RelayOutcome.INFORMED,
            ResultRelay.deleted.is_(False),
        )
        .exists()
    )
    waiting = (
        Result.deleted.is_(False),
        Result.status.in_(ressvc.WAITING),
        ~told,
        patient_kept(Result.patient_id),
    )
    escalate = and_(
        Result.urgent.is_(True),
        Result.status == ResultStatus.RECEIVED,
        Result.received_on <= today - dt.timedelta(days=after),
    )
    cases = {
        ESCALATE: escalate,
        URGENT_RESULT: and_(Result.urgent.is_(True), or_(~escalate, escalate.is_(None))),
        RESULT_WAITING: Result.urgent.is_(False),
    }
    return waiting, cases


def result_work_lines(core: ClinicCore, session: Session, limit: int | None) -> Lines:
    """Results to escalate, relay or chase from the lab: per group the `limit` longest
    waiting (None: all) in columns, and the groups counted in one pass."""
    today = core.today()
    waiting, cases = _result_groups(session, today)
    late = (
        Result.deleted.is_(False),
        Result.status.in_((ResultStatus.ORDERED, ResultStatus.SENT)),
        Result.expected_on < today,
        patient_kept(Result.patient_id),
    )
    totals = count_groups(session, Result, waiting, cases)
    totals.update(count_groups(session, Result, late, {LATE: true()}))
    groups = {g: (*waiting, cases[g]) for g in cases}
    groups[LATE] = late
    items: list[WorkItem] = []
    for group, where in groups.items():
        if not totals[group]:
            continue
        since = Result.expected_on if group == LATE else Result.received_on
        rows = session.execute(
            bounded(
                select(Result.id, Result.patient_id, Result.test_name, since, *_PERSON)
                .join(Patient, Patient.id == Result.patient_id)
                .where(*where)
                .order_by(since.is_(None), since, Result.id),
                limit,
            )
        ).all()
        tries: dict[uuid.UUID, int] = {}
        if group != LATE:
            ids = [r[0] for r in rows]
            for start in range(0, len(ids), 500):
                for result_id, n in session.execute(
                    select(ResultRelay.result_id, func.count())
                    .where(
                        ResultRelay.result_id.in_(ids[start : start + 500]),
                        ResultRelay.deleted.is_(False),
                    )
                    .group_by(ResultRelay.result_id)
                ):
                    tries[result_id] = n
        for result_id, patient_id, test, on, *person in rows:
            day = on.isoformat() if on else ""
            what = (
                msg("{test}: expected {day}, not here", test=test, day=day)
                if group == LATE
                else msg(
                    "{test}: received {day}, {n} attempts",
                    test=test,
                    day=day,
                    n=tries.get(result_id, 0),
                )
            )
            items.append(
                WorkItem(
                    group,
                    RESULT,
                    result_id,
                    patient_id,
                    *shown_person(person, core.region),
                    what,
                    on,
                )
            )
    return Lines(tuple(items), totals)


def referral_work_lines(core: ClinicCore, session: Session, limit: int | None) -> Lines:
    """Referrals overdue (urgent and emergency ones apart): per group a count and the `limit`
    longest waiting since sent (None: all), in columns; why each is overdue in the words of
    `referrals.overdue`."""
    today = core.today()
    rules = followup_rules.current(session)
    places = {i: n for i, n in session.execute(select(Facility.id, Facility.name))}
    overdue = (
        Referral.deleted.is_(False),
        _overdue_where(session, today),
        patient_kept(Referral.patient_id),
    )
    urgent = Referral.urgency.in_((ReferralUrgency.URGENT, ReferralUrgency.EMERGENCY))
    cases = {URGENT_REFERRAL: urgent, REFERRAL_OVERDUE: ~urgent}
    totals = count_groups(session, Referral, overdue, cases)
    items: list[WorkItem] = []
    for group, case_ in cases.items():
        if not totals[group]:
            continue
        where = (*overdue, case_)
        rows = session.execute(
            bounded(
                select(
                    Referral.id,
                    Referral.patient_id,
                    Referral.facility_id,
                    Referral.status,
                    Referral.urgency,
                    Referral.sent_on,
                    Referral.appointment_on,
                    Referral.seen_on,
                    *_PERSON,
                )
                .join(Patient, Patient.id == Referral.patient_id)
                .where(*where)
                .order_by(Referral.sent_on.is_(None), Referral.sent_on, Referral.id),
                limit,
            )
        ).all()
        for row in rows:
            # The row has the columns `overdue` reads (status, urgency and the dates).
            why = refsvc.overdue(cast(Referral, row), today, rules)
            where_to = places.get(row.facility_id, "") if row.facility_id else ""
            items.append(
                WorkItem(
                    group,
                    REFERRAL,
                    row.id,
                    row.patient_id,
                    *shown_person(row[8:], core.region),
                    msg("to {where}: {why}", where=where_to, why=why or ""),
                    row.sent_on,
                )
            )
    return Lines(tuple(items), totals)


# --- results -----------------------------------------------------------------------------


class ResultsApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx

    # -- reads --

    def list(
        self,
        *,
        waiting: bool = False,
        patient_id: uuid.UUID | None = None,
        statuses: Sequence[ResultStatus] | None = None,
        limit: int = 500,
    ) -> tuple[ResultLine, ...]:
        """Results, newest first; `waiting`: received and not yet relayed, urgent first, the
        longest waiting first."""
        self._core.actor.require(Permission.VIEW_PATIENTS)
        return self._tx.read(
            lambda s: read_results(
                self._core,
                s,
                waiting=waiting,
                patient_id=patient_id,
                statuses=statuses,
                limit=limit,
            )
        )

    def show(self, result_id: uuid.UUID) -> ResultDetail:
        self._core.actor.require(Permission.VIEW_PATIENTS)
        return self._tx.read(
            lambda s: _Reader(self._core, s).result_detail(ressvc.get_result(s, result_id))
        )

    def scan(self, result_id: uuid.UUID) -> tuple[bytes, str, str]:
        """The scanned report's bytes, media type and file name."""
        from desktop.errors import NotFound
        from desktop.messages import msg
        from desktop.services import attachments

        self._core.actor.require(Permission.VIEW_PATIENTS)

        def read(session: Session) -> tuple[bytes, str, str]:
            row = ressvc.get_result(session, result_id)
            if not row.attachment:
                raise NotFound(msg("This result has no scanned report."))
            data = attachments.get(session, row.attachment[attachments.HASH_KEY])
            return data, row.attachment.get("media_type", ""), row.attachment.get("name", "")

        return self._tx.read(read)

    # -- writes --

    def _write(self, work: Any) -> Done[ResultDetail]:
        core = self._core

        def run(session: Session) -> ResultDetail:
            row: Result = work(session)
            return _Reader(core, session).result_detail(row)

        return self._tx.write(run)

    def order(
        self,
        patient_id: uuid.UUID,
        test_name: str,
        *,
        category: ResultCategory = ResultCategory.LAB,
        ordered_on: dt.date | None = None,
        facility_id: uuid.UUID | None = None,
        sent_on: dt.date | None = None,
        expected_on: dt.date | None = None,
        urgent: bool = False,
        notes: str = "",
    ) -> Done[ResultDetail]:
        core = self._core
        return self._write(
            lambda s: ressvc.order(
                s,
                core.actor,
                patient_id=patient_id,
                category=category,
                test_name=test_name,
                today=core.today(),
                ordered_on=ordered_on,
                facility_id=facility_id,
                sent_on=sent_on,
                expected_on=expected_on,
                urgent=urgent,
                notes=notes,
            )
        )

    def edit(self, result_id: uuid.UUID, **changes: Any) -> Done[ResultDetail]:
        """Change test_name, category, facility_id, expected_on, urgent or notes."""
        core = self._core
        return self._write(
            lambda s: ressvc.edit(s, core.actor, result_id, today=core.today(), **changes)
        )

    def mark_sent(
        self,
        result_id: uuid.UUID,
        *,
        on: dt.date | None = None,
        facility_id: uuid.UUID | None = None,
    ) -> Done[ResultDetail]:
        core = self._core
        return self._write(
            lambda s: ressvc.mark_sent(
                s, core.actor, result_id, today=core.today(), on=on, facility_id=facility_id
            )
        )

    def record_received(
        self,
        result_id: uuid.UUID,
        *,
        on: dt.date | None = None,
        text: str | None = None,
        measurements: Sequence[Measurement] | None = None,
        scan: Scan | None = None,
        urgent: bool | None = None,
    ) -> Done[ResultDetail]:
        core = self._core
        return self._write(
            lambda s: ressvc.record_received(
                s,
                core.actor,
                result_id,
                today=core.today(),
                on=on,
                text=text,
                measurements=measurements,
                scan=scan,
                urgent=urgent,
            )
        )

    def review(self, result_id: uuid.UUID, *, note: str = "") -> Done[ResultDetail]:
        core = self._core
        return self._write(
            lambda s: ressvc.review(s, core.actor, result_id, note=note, now=core.clock.now_utc())
        )

    def relay(
        self,
        result_id: uuid.UUID,
        method: RelayMethod,
        outcome: RelayOutcome,
        *,
        at: dt.datetime | None = None,
        note: str = "",
    ) -> Done[ResultDetail]:
        """One attempt to tell the patient. `at` is clinic time (naive) or aware; default
        now."""
        core = self._core
        when = core.clock.to_utc(at) if at is not None else None

        def work(session: Session) -> Result:
            ressvc.relay_attempt(
                session,
                core.actor,
                result_id,
                method=method,
                outcome=outcome,
                now=core.clock.now_utc(),
                at=when,
                note=note,
            )
            return ressvc.get_result(session, result_id)

        return self._write(work)

    def escalate(self, result_id: uuid.UUID, note: str) -> Done[ResultDetail]:
        core = self._core
        return self._write(
            lambda s: ressvc.escalate(s, core.actor, result_id, note=note, now=core.clock.now_utc())
        )

    def cancel(self, result_id: uuid.UUID, reason: str) -> Done[ResultDetail]:
        core = self._core
        return self._write(lambda s: ressvc.cancel(s, core.actor, result_id, reason=reason))

    # -- the clinic's rules --

    def rules(self) -> dict[str, int]:
        """Every follow-through rule's number of days (results' and referrals')."""
        return self._tx.read(followup_rules.current)

    def set_rule(self, name: str, days: int) -> Done[int]:
        core = self._core
        return self._tx.write(lambda s: followup_rules.set_rule(s, core.actor, name, days))


# --- referrals -----------------------------------------------------------------------------


class ReferralsApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx

    # -- the facility directory --

    def facilities(
        self, *, kind: FacilityKind | None = None, include_inactive: bool = False
    ) -> tuple[FacilityLine, ...]:
        region = self._core.region
        return self._tx.read(
            lambda s: tuple(
                _facility_line(f, region)
                for f in refsvc.list_facilities(s, kind=kind, include_inactive=include_inactive)
            )
        )

    def add_facility(
        self, name: str, kind: FacilityKind, *, phone: str = "", address: str = ""
    ) -> Done[FacilityLine]:
        core = self._core
        return self._tx.write(
            lambda s: _facility_line(
                refsvc.add_facility(
                    s,
                    core.actor,
                    name=name,
                    kind=kind,
                    region=core.region,
                    phone=phone,
                    address=address,
                ),
                core.region,
            )
        )

    # -- referrals --

    def list(
        self,
        *,
        open_only: bool = False,
        overdue_only: bool = False,
        patient_id: uuid.UUID | None = None,
        limit: int = 500,
    ) -> tuple[ReferralLine, ...]:
        """Referrals, newest first; `overdue_only`: the ones to chase today, the most urgent
        first."""
        self._core.actor.require(Permission.VIEW_PATIENTS)
        return self._tx.read(
            lambda s: read_referrals(
                self._core,
                s,
                open_only=open_only,
                overdue_only=overdue_only,
                patient_id=patient_id,
                limit=limit,
            )
        )

    def show(self, referral_id: uuid.UUID) -> ReferralLine:
        self._core.actor.require(Permission.VIEW_PATIENTS)
        return self._tx.read(
            lambda s: _Reader(self._core, s).referral_lines([refsvc.get_referral(s, referral_id)])[
                0
            ]
        )

    def _write(self, work: Any) -> Done[ReferralLine]:
        core = self._core

        def run(session: Session) -> ReferralLine:
            row: Referral = work(session)
            return _Reader(core, session).referral_lines([row])[0]

        return self._tx.write(run)

    def add(
        self,
        patient_id: uuid.UUID,
        reason: str,
        *,
        facility_id: uuid.UUID | None = None,
        urgency: ReferralUrgency = ReferralUrgency.ROUTINE,
        notes: str = "",
        send_on: dt.date | None = None,
    ) -> Done[ReferralLine]:
        core = self._core
        return self._write(
            lambda s: refsvc.add(
                s,
                core.actor,
                patient_id=patient_id,
                reason=reason,
                today=core.today(),
                facility_id=facility_id,
                urgency=urgency,
                notes=notes,
                send_on=send_on,
            )
        )

    def edit(self, referral_id: uuid.UUID, **changes: Any) -> Done[ReferralLine]:
        """Change reason, facility_id (while drafted), urgency or notes."""
        core = self._core
        return self._write(lambda s: refsvc.edit(s, core.actor, referral_id, **changes))

    def move(
        self,
        referral_id: uuid.UUID,
        to: ReferralStatus,
        *,
        on: dt.date | None = None,
        appointment_on: dt.date | None = None,
        counter_referral: str | None = None,
        end_reason: str | None = None,
    ) -> Done[ReferralLine]:
        """The referral's next step (sent, appointment given, seen, feedback received,
        closed, declined, lost) with what that step needs."""
        core = self._core
        return self._write(
            lambda s: refsvc.move(
                s,
                core.actor,
                referral_id,
                to,
                today=core.today(),
                on=on,
                appointment_on=appointment_on,
                counter_referral=counter_referral,
                end_reason=end_reason,
            )
        )


def rule_words() -> Mapping[str, Message]:
    """What each follow-through rule means, by its name."""
    return {name: rule.words for name, rule in followup_rules.RULES.items()}


# --- what the screens offer (the specs' status machines, the words of each choice) --------

METHOD_WORDS: Mapping[RelayMethod, Message] = ressvc.METHOD_WORDS
OUTCOME_WORDS: Mapping[RelayOutcome, Message] = ressvc.OUTCOME_WORDS
URGENCY_WORDS: Mapping[ReferralUrgency, Message] = refsvc.URGENCY_WORDS
FACILITY_KIND_WORDS: Mapping[FacilityKind, Message] = refsvc.FACILITY_KIND_WORDS


def referral_steps(status: ReferralStatus) -> tuple[ReferralStatus, ...]:
    """The steps a referral that is `status` may take next, in the order of the path (the
    spec's status machine: a screen offers these and no other)."""
    allowed = kinds.REFERRAL_STATUS.transitions.get(status, frozenset())
    return tuple(step for step in ReferralStatus if step in allowed)


def result_steps(status: ResultStatus) -> tuple[ResultStatus, ...]:
    """The statuses a result that is `status` may move to next (the spec's status machine)."""
    allowed = kinds.RESULT_STATUS.transitions.get(status, frozenset())
    return tuple(step for step in ResultStatus if step in allowed)
