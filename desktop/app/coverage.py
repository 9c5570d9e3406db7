"""Coverage on ClinicCore (`core.coverage`): the clinic's list of schemes and insurers, each
patient's memberships and their verifications, and the coverage status screens show beside a
patient ("verified this month", "to verify", "expired", "not covered").

Every method is one use case: it opens and closes its own transaction and returns plain
frozen dataclasses (writes: `Done(value, changes)`, the changes already published). Dates
are the clinic's; times returned are in the clinic's zone. The status rules are in
`desktop.services.coverage`; `status_for` reads them for many patients at once (the check-in
queue, the worklist) in two queries, not one per patient.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.app.patient_refs import patient_refs
from desktop.app.transactions import Done
from desktop.app.work_items import COVERAGE_REVERIFY, MEMBERSHIP, Lines, WorkItem, bound
from desktop.messages import Message, msg
from desktop.permissions import Permission
from desktop.records import get_live, kinds
from desktop.services import coverage as covsvc
from desktop.services.coverage import (
    METHOD_WORDS,
    NEEDS_VERIFYING,
    RESULT_WORDS,
    SCHEME_KIND_WORDS,
    STATUS_WORDS,
    CoverageStatus,
    MembershipRow,
)
from desktop.services.phones import display_phone
from desktop.store.models import (
    Appointment,
    AppointmentStatus,
    CoverageCheck,
    CoverageMembership,
    CoverageScheme,
    Patient,
    SchemeKind,
    User,
    VerificationMethod,
    VerificationResult,
)

if TYPE_CHECKING:
    from desktop.core import ClinicCore

__all__ = [
    "CheckLine",
    "CoverageApi",
    "CoverageDetail",
    "CoverageStatus",
    "MembershipLine",
    "PatientCoverage",
    "SchemeKind",
    "SchemeLine",
    "VerificationMethod",
    "VerificationResult",
    "coverage_items",
    "coverage_warning_in",
]


# --- what the screens and commands are given -----------------------------------------------


@dataclass(frozen=True)
class SchemeLine:
    scheme_id: uuid.UUID
    name: str
    kind: SchemeKind
    kind_words: Message
    phone: str  # as people read it ("" when none)
    address: str
    verify_every_days: int
    active: bool
    notes: str


@dataclass(frozen=True)
class CheckLine:
    check_id: uuid.UUID
    membership_id: uuid.UUID
    at: dt.datetime  # clinic time
    method: VerificationMethod
    method_words: Message
    result: VerificationResult
    result_words: Message
    reference: str
    note: str
    by: str  # who made it ("" when not known)


@dataclass(frozen=True)
class PatientCoverage:
    """A patient's coverage on one day, as the check-in queue and the booking dialog show it."""

    patient_id: uuid.UUID
    on: dt.date
    status: CoverageStatus
    words: Message  # "verified this month", "to verify" …
    why: Message  # "NHIF 123456 last verified on 2026-10-01"
    membership_id: uuid.UUID | None  # the membership that decides (None: no coverage)
    scheme_name: str
    member_number: str
    valid_until: dt.date | None
    answered_on: dt.date | None  # the scheme's last answer ("covered" / "not covered")

    @property
    def needs_verifying(self) -> bool:
        return self.status in NEEDS_VERIFYING


@dataclass(frozen=True)
class MembershipLine:
    membership_id: uuid.UUID
    patient_id: uuid.UUID
    patient_name: str
    clinic_number: str
    scheme_id: uuid.UUID
    scheme_name: str
    member_number: str
    holder_name: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    active: bool  # false: ended by the clinic
    notes: str
    status: CoverageStatus  # today's (NONE when ended)
    status_words: Message
    why: Message
    checks: tuple[CheckLine, ...]  # oldest first (empty in lists)


@dataclass(frozen=True)
class CoverageDetail:
    """One patient's coverage: today's status, and every membership with its checks."""

    patient_id: uuid.UUID
    patient_name: str
    clinic_number: str
    status: PatientCoverage
    memberships: tuple[MembershipLine, ...]  # active first, then ended; oldest first


# --- reading (inside the caller's transaction) -----------------------------------------------

ENDED = msg("ended by the clinic")


def _scheme_line(scheme: CoverageScheme, region: str) -> SchemeLine:
    return SchemeLine(
        scheme.id,
        scheme.name,
        scheme.kind,
        SCHEME_KIND_WORDS[scheme.kind],
        display_phone(scheme.phone, region),
        scheme.address,
        scheme.verify_every_days or covsvc.DEFAULT_VERIFY_EVERY_DAYS,
        scheme.active,
        scheme.notes,
    )


def _end_of(core: ClinicCore, on: dt.date) -> dt.datetime:
    """The UTC instant the clinic's day `on` ends: checks made by then count for it."""
    return core.clock.to_utc(dt.datetime.combine(on + dt.timedelta(days=1), dt.time(0)))


def _why(
    row: MembershipRow, status: CoverageStatus, answer: covsvc.Answer | None, on: dt.date
) -> Message:
    what = f"{row.scheme_name} {row.member_number}"
    if status is CoverageStatus.EXPIRED and row.valid_until is not None:
        return msg("{what} expired on {day}", what=what, day=row.valid_until.isoformat())
    if status is CoverageStatus.NOT_COVERED and answer is not None:
        return msg(
            "{what}: not covered when checked on {day}", what=what, day=answer.day.isoformat()
        )
    if status is CoverageStatus.VERIFIED and answer is not None:
        return msg("{what} verified on {day}", what=what, day=answer.day.isoformat())
    if status is CoverageStatus.TO_VERIFY and row.valid_from is not None and row.valid_from > on:
        return msg("{what} valid only from {day}", what=what, day=row.valid_from.isoformat())
    if answer is not None:
        return msg("{what} last verified on {day}", what=what, day=answer.day.isoformat())
    return msg("{what} never verified", what=what)


def _statuses(
    core: ClinicCore, session: Session, rows: Iterable[MembershipRow], on: dt.date
) -> dict[uuid.UUID, tuple[CoverageStatus, covsvc.Answer | None]]:
    """Each membership's status on `on`, with the answer it rests on (one query)."""
    rows = list(rows)
    answers = covsvc.last_answers(
        session, [r.membership_id for r in rows], before=_end_of(core, on)
    )
    out: dict[uuid.UUID, tuple[CoverageStatus, covsvc.Answer | None]] = {}
    for row in rows:
        found = answers.get(row.membership_id)
        answer = covsvc.Answer(core.clock.local(found[0]).date(), found[1]) if found else None
        status = covsvc.membership_status(
            on,
            valid_from=row.valid_from,
            valid_until=row.valid_until,
            verify_every_days=row.verify_every_days,
            answer=answer,
        )
        out[row.membership_id] = (status, answer)
    return out


def _none(patient_id: uuid.UUID, on: dt.date) -> PatientCoverage:
    none = CoverageStatus.NONE
    why = msg("no coverage recorded")
    return PatientCoverage(patient_id, on, none, STATUS_WORDS[none], why, None, "", "", None, None)


def read_status(
    core: ClinicCore, session: Session, patient_ids: Iterable[uuid.UUID], on: dt.date
) -> dict[uuid.UUID, PatientCoverage]:
    """Every patient's coverage on `on` (each id asked for has an entry: NONE when the patient
    has no membership), in two queries per 500 patients."""
    wanted = set(patient_ids)
    memberships = covsvc.active_memberships(session, wanted)
    statuses = _statuses(core, session, (r for rows in memberships.values() for r in rows), on)
    out = {pid: _none(pid, on) for pid in wanted}
    order = {s: i for i, s in enumerate((*covsvc.RANK, CoverageStatus.NONE))}

    def key(row: MembershipRow) -> tuple[int, int]:
        # The best membership speaks for the patient; among equals the latest answered.
        status, answer = statuses[row.membership_id]
        return order[status], -answer.day.toordinal() if answer else 0

    for pid, rows in memberships.items():
        row = min(rows, key=key)
        status, answer = statuses[row.membership_id]
        out[pid] = PatientCoverage(
            patient_id=pid,
            on=on,
            status=status,
            words=STATUS_WORDS[status],
            why=_why(row, status, answer, on),
            membership_id=row.membership_id,
            scheme_name=row.scheme_name,
            member_number=row.member_number,
            valid_until=row.valid_until,
            answered_on=answer.day if answer else None,
        )
    return out


def coverage_warning_in(
    core: ClinicCore, session: Session, patient_id: uuid.UUID, day: dt.date
) -> Message | None:
    """What to tell the person booking or checking in `patient_id` for `day`: the membership
    is expired, not covered or to verify (None: verified, or no coverage — a cash patient).
    Never a refusal: a patient may pay cash."""
    found = read_status(core, session, [patient_id], day)[patient_id]
    return warning_words(found)


def warning_words(found: PatientCoverage) -> Message | None:
    if found.status in (CoverageStatus.EXPIRED, CoverageStatus.NOT_COVERED):
        return msg("Coverage {words}: {why}. The patient may have to pay cash.", **_said(found))
    if found.status is CoverageStatus.TO_VERIFY:
        return msg("Coverage {words}: {why}. Verify it before the visit.", **_said(found))
    return None


def _said(found: PatientCoverage) -> dict[str, Message]:
    return {"words": found.words, "why": found.why}


class _Reader:
    """Membership lines within one transaction (names read once)."""

    def __init__(self, core: ClinicCore, session: Session) -> None:
        self.core = core
        self.session = session
        self._users: dict[uuid.UUID, str] | None = None

    def user(self, user_id: uuid.UUID | None) -> str:
        if self._users is None:
            self._users = dict(self.session.execute(select(User.id, User.display_name)).all())
        return self._users.get(user_id, "") if user_id else ""

    def check(self, row: CoverageCheck) -> CheckLine:
        return CheckLine(
            row.id,
            row.membership_id,
            self.core.clock.local(row.at),
            row.method,
            METHOD_WORDS[row.method],
            row.result,
            RESULT_WORDS[row.result],
            row.reference,
            row.note,
            self.user(row.made_by),
        )

    def memberships(
        self, rows: list[CoverageMembership], *, with_checks: bool = False
    ) -> list[MembershipLine]:
        session, today = self.session, self.core.today()
        if not rows:
            return []
        schemes = {
            s.id: s
            for s in session.scalars(
                select(CoverageScheme).where(CoverageScheme.id.in_({r.scheme_id for r in rows}))
            )
        }
        patients = {
            p: (" ".join(x for x in (g, o, f) if x), n or "")
            for p, g, o, f, n in session.execute(
                select(
                    Patient.id,
                    Patient.given_name,
                    Patient.other_names,
                    Patient.family_name,
                    Patient.clinic_number,
                ).where(Patient.id.in_({r.patient_id for r in rows}))
            )
        }
        facts = {
            r.id: MembershipRow(
                r.id,
                r.patient_id,
                r.scheme_id,
                schemes[r.scheme_id].name if r.scheme_id in schemes else "",
                (schemes[r.scheme_id].verify_every_days if r.scheme_id in schemes else 0)
                or covsvc.DEFAULT_VERIFY_EVERY_DAYS,
                r.member_number,
                r.valid_from,
                r.valid_until,
                r.created_at,
            )
            for r in rows
        }
        statuses = _statuses(self.core, session, [facts[r.id] for r in rows if r.active], today)
        checks: dict[uuid.UUID, list[CheckLine]] = {}
        if with_checks:
            for check in covsvc.checks_of(session, [r.id for r in rows]):
                checks.setdefault(check.membership_id, []).append(self.check(check))
        out = []
        for r in rows:
            status, answer = statuses.get(r.id, (CoverageStatus.NONE, None))
            name, number = patients.get(r.patient_id, ("", ""))
            out.append(
                MembershipLine(
                    membership_id=r.id,
                    patient_id=r.patient_id,
                    patient_name=name,
                    clinic_number=number,
                    scheme_id=r.scheme_id,
                    scheme_name=facts[r.id].scheme_name,
                    member_number=r.member_number,
                    holder_name=r.holder_name,
                    valid_from=r.valid_from,
                    valid_until=r.valid_until,
                    active=r.active,
                    notes=r.notes,
                    status=status,
                    status_words=STATUS_WORDS[status] if r.active else msg("ended"),
                    why=_why(facts[r.id], status, answer, today) if r.active else ENDED,
                    checks=tuple(checks.get(r.id, ())),
                )
            )
        return out

    def detail(self, patient_id: uuid.UUID) -> CoverageDetail:
        patient: Patient = get_live(self.session, kinds.PATIENTS, patient_id)
        rows = list(
            self.session.scalars(
                select(CoverageMembership)
                .where(
                    CoverageMembership.patient_id == patient_id,
                    CoverageMembership.deleted.is_(False),
                )
                .order_by(CoverageMembership.active.desc(), CoverageMembership.created_at)
            )
        )
        today = self.core.today()
        status = read_status(self.core, self.session, [patient_id], today)[patient_id]
        return CoverageDetail(
            patient_id,
            patient.full_name,
            patient.clinic_number or "",
            status,
            tuple(self.memberships(rows, with_checks=True)),
        )


# --- the worklist's source ---------------------------------------------------------------------


# An appointment still expected (not cancelled, moved or missed).
_EXPECTED = (AppointmentStatus.BOOKED, AppointmentStatus.ARRIVED)


def coverage_items(core: ClinicCore, session: Session, limit: int | None = None) -> Lines:
    """Memberships to verify before tomorrow's appointments (the clinic's tomorrow): patients
    booked tomorrow whose coverage is to verify, expired, or not covered at the last check.
    Three queries: tomorrow's appointments (the starts_at index), the memberships, their last
    answers; then the patients' names. The `limit` longest waiting (None: all) and their count,
    bounded after the read (whether coverage needs verifying is decided per membership)."""
    tomorrow = core.today() + dt.timedelta(days=1)
    start = core.clock.to_utc(dt.datetime.combine(tomorrow, dt.time(0)))
    first: dict[uuid.UUID, dt.datetime] = {}
    for pid, starts_at in session.execute(
        select(Appointment.patient_id, Appointment.starts_at).where(
            Appointment.starts_at >= start,
            Appointment.starts_at < _end_of(core, tomorrow),
            Appointment.deleted.is_(False),
            Appointment.status.in_(_EXPECTED),
        )
    ):
        first[pid] = min(starts_at, first.get(pid, starts_at))
    found = [c for c in read_status(core, session, first, tomorrow).values() if c.needs_verifying]
    if not found:
        return Lines((), {})
    people = patient_refs(session, (c.patient_id for c in found))
    items = []
    for c in found:
        assert c.membership_id is not None
        person = people.get(c.patient_id)
        at = core.clock.local(first[c.patient_id])
        items.append(
            WorkItem(
                COVERAGE_REVERIFY,
                MEMBERSHIP,
                c.membership_id,
                c.patient_id,
                person.name if person else "",
                person.clinic_number if person else "",
                display_phone(person.phone, core.region) if person else "",
                msg(
                    "{why} ({words}); appointment tomorrow at {time}",
                    why=c.why,
                    words=c.words,
                    time=f"{at:%H:%M}",
                ),
                c.valid_until if c.status is CoverageStatus.EXPIRED else c.answered_on,
            )
        )
    return bound(items, limit)


# --- the API -----------------------------------------------------------------------------------


class CoverageApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx

    # -- the list of schemes --

    def schemes(self, *, include_inactive: bool = False) -> tuple[SchemeLine, ...]:
        region = self._core.region
        return self._tx.read(
            lambda s: tuple(
                _scheme_line(x, region)
                for x in covsvc.list_schemes(s, include_inactive=include_inactive)
            )
        )

    def scheme(self, scheme_id: uuid.UUID) -> SchemeLine:
        region = self._core.region
        return self._tx.read(lambda s: _scheme_line(covsvc.get_scheme(s, scheme_id), region))

    def add_scheme(
        self,
        name: str,
        kind: SchemeKind,
        *,
        phone: str = "",
        address: str = "",
        verify_every_days: int = covsvc.DEFAULT_VERIFY_EVERY_DAYS,
        notes: str = "",
    ) -> Done[SchemeLine]:
        core = self._core
        return self._tx.write(
            lambda s: _scheme_line(
                covsvc.add_scheme(
                    s,
                    core.actor,
                    name=name,
                    kind=kind,
                    region=core.region,
                    phone=phone,
                    address=address,
                    verify_every_days=verify_every_days,
                    notes=notes,
                ),
                core.region,
            )
        )

    def edit_scheme(self, scheme_id: uuid.UUID, **changes: Any) -> Done[SchemeLine]:
        """Change name, kind, phone, address, verify_every_days, notes or active."""
        core = self._core
        return self._tx.write(
            lambda s: _scheme_line(
                covsvc.edit_scheme(s, core.actor, scheme_id, region=core.region, **changes),
                core.region,
            )
        )

    def deactivate_scheme(self, scheme_id: uuid.UUID) -> Done[SchemeLine]:
        """No longer offered for new memberships; the memberships it has stay."""
        return self.edit_scheme(scheme_id, active=False)

    # -- patients' coverage --

    def status_for(
        self, patient_ids: Iterable[uuid.UUID], *, on: dt.date | None = None
    ) -> Mapping[uuid.UUID, PatientCoverage]:
        """Each patient's coverage on `on` (default the clinic's today), for screens that show
        many patients: two queries per 500 patients, never one per patient."""
        core = self._core
        core.actor.require(Permission.VIEW_PATIENTS)
        wanted, day = list(patient_ids), on or core.today()
        return self._tx.read(lambda s: read_status(core, s, wanted, day))

    def for_patient(self, patient_id: uuid.UUID) -> CoverageDetail:
        """A patient's coverage today and every membership with its verifications."""
        self._core.actor.require(Permission.VIEW_PATIENTS)
        return self._tx.read(lambda s: _Reader(self._core, s).detail(patient_id))

    def coverage_warning(self, patient_id: uuid.UUID, day: dt.date) -> Message | None:
        """The booking dialog's and check-in's warning for `patient_id` on `day` (None: nothing
        to say). Never a refusal: a patient may pay cash."""
        core = self._core
        core.actor.require(Permission.VIEW_PATIENTS)
        return self._tx.read(lambda s: coverage_warning_in(core, s, patient_id, day))

    def membership(self, membership_id: uuid.UUID) -> MembershipLine:
        self._core.actor.require(Permission.VIEW_PATIENTS)
        return self._tx.read(
            lambda s: _Reader(self._core, s).memberships(
                [covsvc.get_membership(s, membership_id)], with_checks=True
            )[0]
        )

    def list(
        self,
        *,
        patient_id: uuid.UUID | None = None,
        scheme_id: uuid.UUID | None = None,
        include_ended: bool = False,
        limit: int = 500,
    ) -> tuple[MembershipLine, ...]:
        """Memberships, newest first, each with today's status."""
        self._core.actor.require(Permission.VIEW_PATIENTS)
        limit = max(1, min(int(limit), 5000))
        query = select(CoverageMembership).where(CoverageMembership.deleted.is_(False))
        if patient_id is not None:
            query = query.where(CoverageMembership.patient_id == patient_id)
        if scheme_id is not None:
            query = query.where(CoverageMembership.scheme_id == scheme_id)
        if not include_ended:
            query = query.where(CoverageMembership.active.is_(True))
        query = query.order_by(CoverageMembership.created_at.desc()).limit(limit)
        return self._tx.read(
            lambda s: tuple(_Reader(self._core, s).memberships(list(s.scalars(query))))
        )

    # -- writes --

    def _write(self, work: Callable[[Session], CoverageMembership]) -> Done[MembershipLine]:
        core = self._core

        def run(session: Session) -> MembershipLine:
            row = work(session)
            return _Reader(core, session).memberships([row], with_checks=True)[0]

        return self._tx.write(run)

    def add_membership(
        self,
        patient_id: uuid.UUID,
        scheme_id: uuid.UUID,
        member_number: str,
        *,
        holder_name: str = "",
        valid_from: dt.date | None = None,
        valid_until: dt.date | None = None,
        notes: str = "",
    ) -> Done[MembershipLine]:
        core = self._core
        return self._write(
            lambda s: covsvc.add_membership(
                s,
                core.actor,
                patient_id=patient_id,
                scheme_id=scheme_id,
                member_number=member_number,
                holder_name=holder_name,
                valid_from=valid_from,
                valid_until=valid_until,
                notes=notes,
            )
        )

    def edit_membership(self, membership_id: uuid.UUID, **changes: Any) -> Done[MembershipLine]:
        """Change member_number, holder_name, valid_from, valid_until (None clears) or notes."""
        core = self._core
        return self._write(
            lambda s: covsvc.edit_membership(s, core.actor, membership_id, **changes)
        )

    def end_membership(self, membership_id: uuid.UUID, *, note: str = "") -> Done[MembershipLine]:
        core = self._core
        return self._write(lambda s: covsvc.end_membership(s, core.actor, membership_id, note=note))

    def verify(
        self,
        membership_id: uuid.UUID,
        method: VerificationMethod,
        result: VerificationResult,
        *,
        at: dt.datetime | None = None,
        reference: str = "",
        note: str = "",
    ) -> Done[MembershipLine]:
        """One verification. `at` is clinic time (naive) or aware; default now."""
        core = self._core
        when = core.clock.to_utc(at) if at is not None else None

        def work(session: Session) -> CoverageMembership:
            covsvc.verify(
                session,
                core.actor,
                membership_id,
                method=method,
                result=result,
                now=core.clock.now_utc(),
                at=when,
                reference=reference,
                note=note,
            )
            return covsvc.get_membership(session, membership_id)

        return self._write(work)
