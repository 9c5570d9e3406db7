"""Coverage: the insurers and schemes the clinic's patients belong to, each patient's
memberships, and every verification of a membership (when, how, with what result, by whom).

The record kinds are declared in `desktop.records.kinds` (COVERAGE_SCHEMES,
COVERAGE_MEMBERSHIPS, COVERAGE_CHECKS). Nothing about a patient's coverage is stored as a
status: it is read from the memberships and their checks on the day asked about, by the
rules of `membership_status` (so a check synced from another laptop changes it at once):

- expired: the membership's validity ended before that day;
- not covered: the scheme's last answer was "not covered";
- verified: the last answer was "covered", given less than the scheme's `verify_every_days`
  before that day, and the membership is valid that day;
- to verify: never verified, verified too long ago, or not yet valid that day.

A check that could not be made (the portal down, no answer) says nothing new: the answer
before it still holds. A membership the clinic ended counts for nothing.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.errors import Conflict, InvalidInput
from desktop.messages import Message, msg
from desktop.permissions import Actor, Permission
from desktop.records import get_live, kinds, list_live
from desktop.services.phones import normalise_phone
from desktop.store.models import (
    CoverageCheck,
    CoverageMembership,
    CoverageScheme,
    SchemeKind,
    VerificationMethod,
    VerificationResult,
)

# A verification holds this long unless the scheme says otherwise (the model's default).
DEFAULT_VERIFY_EVERY_DAYS = 30
# The answers that say something about the membership ("could not check" says nothing).
ANSWERS = (VerificationResult.VERIFIED, VerificationResult.NOT_COVERED)
CHUNK = 500  # ids per IN (...) list: well under SQLite's limit on bound values


class CoverageStatus(enum.StrEnum):
    VERIFIED = "verified"  # verified this month (within the scheme's verify_every_days)
    TO_VERIFY = "to_verify"  # never verified, verified too long ago, or not yet valid
    EXPIRED = "expired"  # valid_until has passed
    NOT_COVERED = "not_covered"  # the scheme's last answer: not covered
    NONE = "none"  # no membership the clinic has not ended


STATUS_WORDS: dict[CoverageStatus, Message] = {
    CoverageStatus.VERIFIED: msg("verified this month"),
    CoverageStatus.TO_VERIFY: msg("to verify"),
    CoverageStatus.EXPIRED: msg("expired"),
    CoverageStatus.NOT_COVERED: msg("not covered"),
    CoverageStatus.NONE: msg("no coverage"),
}
# What needs the coordinator before a visit (the booking warning, the worklist).
NEEDS_VERIFYING = frozenset(
    {CoverageStatus.TO_VERIFY, CoverageStatus.EXPIRED, CoverageStatus.NOT_COVERED}
)
# Which of a patient's memberships speaks for the patient: the best one (a patient with one
# verified membership is covered, whatever the others say).
RANK = (
    CoverageStatus.VERIFIED,
    CoverageStatus.TO_VERIFY,
    CoverageStatus.EXPIRED,
    CoverageStatus.NOT_COVERED,
)
SCHEME_KIND_WORDS: dict[SchemeKind, Message] = {
    SchemeKind.GOVERNMENT: msg("government scheme"),
    SchemeKind.INSURER: msg("private insurer"),
    SchemeKind.COMMUNITY: msg("community scheme"),
    SchemeKind.EMPLOYER: msg("employer scheme"),
    SchemeKind.OTHER: msg("other scheme"),
}
METHOD_WORDS: dict[VerificationMethod, Message] = {
    VerificationMethod.PORTAL: msg("the scheme's portal"),
    VerificationMethod.PHONE: msg("a call to the scheme"),
    VerificationMethod.SMS: msg("SMS"),
    VerificationMethod.CARD_SEEN: msg("card seen"),
    VerificationMethod.LETTER: msg("a letter from the scheme"),
}
RESULT_WORDS: dict[VerificationResult, Message] = {
    VerificationResult.VERIFIED: msg("covered"),
    VerificationResult.NOT_COVERED: msg("not covered"),
    VerificationResult.COULD_NOT_CHECK: msg("could not check"),
}


def _text(value: str | None, what: Message, field: str, limit: int) -> str:
    cleaned = (value or "").strip()
    if len(cleaned) > limit:
        raise InvalidInput(
            msg("{what} is too long ({n} characters at most).", what=what, n=limit), field=field
        )
    return cleaned


def _name(value: str | None, what: Message, field: str, limit: int) -> str:
    """Words on one line, spaces collapsed ("  NHIF  Kenya " is "NHIF Kenya")."""
    return _text(" ".join((value or "").split()), what, field, limit)


# --- the list of schemes -------------------------------------------------------------------


def _every(days: int) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 366:
        raise InvalidInput(
            msg(
                "How often a membership is verified is a number of days from 1 to 366, "
                "not {value}.",
                value=repr(days),
            ),
            field="verify_every_days",
        )
    return days


def _refuse_same_name(session: Session, name: str, ignore: uuid.UUID | None = None) -> None:
    query = select(CoverageScheme.id).where(
        CoverageScheme.deleted.is_(False), func.lower(CoverageScheme.name) == name.lower()
    )
    if ignore is not None:
        query = query.where(CoverageScheme.id != ignore)
    same = session.scalar(query)
    if same is not None:
        raise Conflict(msg("{name} is in the list of schemes already ({id}).", name=name, id=same))


def add_scheme(
    session: Session,
    actor: Actor,
    *,
    name: str,
    kind: SchemeKind,
    region: str,
    phone: str = "",
    address: str = "",
    verify_every_days: int = DEFAULT_VERIFY_EVERY_DAYS,
    notes: str = "",
) -> CoverageScheme:
    actor.require(Permission.MANAGE_COVERAGE)
    cleaned = _name(name, msg("The name"), "name", 200)
    if not cleaned:
        raise InvalidInput(msg("A scheme or insurer needs a name."), field="name")
    _refuse_same_name(session, cleaned)
    scheme = CoverageScheme(
        clinic_id=actor.clinic_id,
        name=cleaned,
        kind=SchemeKind(kind),
        phone=normalise_phone(phone, region),
        address=_text(address, msg("The address"), "address", 1000),
        verify_every_days=_every(verify_every_days),
        active=True,
        notes=_text(notes, msg("The note"), "notes", 4000),
    )
    session.add(scheme)
    session.flush()
    return scheme


def edit_scheme(
    session: Session,
    actor: Actor,
    scheme_id: uuid.UUID,
    *,
    region: str,
    name: str | None = None,
    kind: SchemeKind | None = None,
    phone: str | None = None,
    address: str | None = None,
    verify_every_days: int | None = None,
    notes: str | None = None,
    active: bool | None = None,
) -> CoverageScheme:
    """Change what the list says of a scheme; only the values given change. `active=False`
    takes it out of the choices for new memberships; the memberships it has stay."""
    actor.require(Permission.MANAGE_COVERAGE)
    scheme = get_scheme(session, scheme_id)
    if name is not None:
        cleaned = _name(name, msg("The name"), "name", 200)
        if not cleaned:
            raise InvalidInput(msg("A scheme or insurer needs a name."), field="name")
        _refuse_same_name(session, cleaned, ignore=scheme.id)
        scheme.name = cleaned
    if kind is not None:
        scheme.kind = SchemeKind(kind)
    if phone is not None:
        scheme.phone = normalise_phone(phone, region)
    if address is not None:
        scheme.address = _text(address, msg("The address"), "address", 1000)
    if verify_every_days is not None:
        scheme.verify_every_days = _every(verify_every_days)
    if notes is not None:
        scheme.notes = _text(notes, msg("The note"), "notes", 4000)
    if active is not None:
        scheme.active = bool(active)
    session.flush()
    return scheme


def list_schemes(session: Session, *, include_inactive: bool = False) -> list[CoverageScheme]:
    where = [] if include_inactive else [CoverageScheme.active.is_(True)]
    return list(list_live(session, kinds.COVERAGE_SCHEMES, *where, order_by=(CoverageScheme.name,)))


def get_scheme(session: Session, scheme_id: uuid.UUID) -> CoverageScheme:
    scheme: CoverageScheme = get_live(session, kinds.COVERAGE_SCHEMES, scheme_id)
    return scheme


# --- memberships -----------------------------------------------------------------------------


def get_membership(session: Session, membership_id: uuid.UUID) -> CoverageMembership:
    membership: CoverageMembership = get_live(session, kinds.COVERAGE_MEMBERSHIPS, membership_id)
    return membership


def _check_validity(valid_from: dt.date | None, valid_until: dt.date | None) -> None:
    if valid_from is not None and valid_until is not None and valid_until < valid_from:
        raise InvalidInput(
            msg(
                "The membership cannot end ({until}) before it starts ({start}).",
                until=valid_until.isoformat(),
                start=valid_from.isoformat(),
            ),
            field="valid_until",
        )


def _member_number(value: str | None) -> str:
    number = _name(value, msg("The member number"), "member_number", 64)
    if not number:
        raise InvalidInput(
            msg("Give the member number, as it is on the card."), field="member_number"
        )
    return number


def add_membership(
    session: Session,
    actor: Actor,
    *,
    patient_id: uuid.UUID,
    scheme_id: uuid.UUID,
    member_number: str,
    holder_name: str = "",
    valid_from: dt.date | None = None,
    valid_until: dt.date | None = None,
    notes: str = "",
) -> CoverageMembership:
    """A patient's membership of a scheme (`holder_name`: the principal member, when the
    patient is a dependant)."""
    actor.require(Permission.MANAGE_COVERAGE)
    get_live(session, kinds.PATIENTS, patient_id)
    scheme = get_scheme(session, scheme_id)
    if not scheme.active:
        raise Conflict(
            msg(
                "{scheme} is no longer in use at the clinic: make it active again first.",
                scheme=scheme.name,
            )
        )
    number = _member_number(member_number)
    _check_validity(valid_from, valid_until)
    same = session.scalar(
        select(CoverageMembership.id).where(
            CoverageMembership.deleted.is_(False),
            CoverageMembership.active.is_(True),
            CoverageMembership.patient_id == patient_id,
            CoverageMembership.scheme_id == scheme.id,
        )
    )
    if same is not None:
        raise Conflict(
            msg(
                "The patient is a member of {scheme} already ({id}): change that membership, "
                "or end it first.",
                scheme=scheme.name,
                id=same,
            )
        )
    membership = CoverageMembership(
        clinic_id=actor.clinic_id,
        patient_id=patient_id,
        scheme_id=scheme.id,
        member_number=number,
        holder_name=_name(holder_name, msg("The holder's name"), "holder_name", 200),
        valid_from=valid_from,
        valid_until=valid_until,
        active=True,
        notes=_text(notes, msg("The note"), "notes", 4000),
    )
    session.add(membership)
    session.flush()
    return membership


_UNSET = object()


def edit_membership(
    session: Session,
    actor: Actor,
    membership_id: uuid.UUID,
    *,
    member_number: str | None = None,
    holder_name: str | None = None,
    valid_from: dt.date | object | None = _UNSET,
    valid_until: dt.date | object | None = _UNSET,
    notes: str | None = None,
) -> CoverageMembership:
    """Change a membership; only the values given change (a date given as None clears it)."""
    actor.require(Permission.MANAGE_COVERAGE)
    membership = get_membership(session, membership_id)
    if not membership.active:
        raise Conflict(msg("This membership was ended: add a new one instead."))
    if member_number is not None:
        membership.member_number = _member_number(member_number)
    if holder_name is not None:
        membership.holder_name = _name(holder_name, msg("The holder's name"), "holder_name", 200)
    start = membership.valid_from if valid_from is _UNSET else valid_from
    until = membership.valid_until if valid_until is _UNSET else valid_until
    for value, field in ((start, "valid_from"), (until, "valid_until")):
        if value is not None and not isinstance(value, dt.date):
            raise InvalidInput(msg("{value} is not a date.", value=repr(value)), field=field)
    assert start is None or isinstance(start, dt.date)
    assert until is None or isinstance(until, dt.date)
    _check_validity(start, until)
    membership.valid_from, membership.valid_until = start, until
    if notes is not None:
        membership.notes = _text(notes, msg("The note"), "notes", 4000)
    session.flush()
    return membership


def end_membership(
    session: Session, actor: Actor, membership_id: uuid.UUID, *, note: str = ""
) -> CoverageMembership:
    """The clinic stops counting this membership (the patient left the scheme, or it was
    recorded in error). Its verifications are kept."""
    actor.require(Permission.MANAGE_COVERAGE)
    membership = get_membership(session, membership_id)
    if not membership.active:
        raise Conflict(msg("This membership was ended already."))
    membership.active = False
    said = _text(note, msg("The note"), "notes", 2000)
    if said:
        membership.notes = f"{membership.notes}\n{said}".strip()[:4000]
    session.flush()
    return membership


# --- verifications ---------------------------------------------------------------------------


def verify(
    session: Session,
    actor: Actor,
    membership_id: uuid.UUID,
    *,
    method: VerificationMethod,
    result: VerificationResult,
    now: dt.datetime,
    at: dt.datetime | None = None,
    reference: str = "",
    note: str = "",
) -> CoverageCheck:
    """One verification of a membership (`at`: UTC, when it was made; default now)."""
    actor.require(Permission.MANAGE_COVERAGE)
    membership = get_membership(session, membership_id)
    if not membership.active:
        raise Conflict(msg("This membership was ended: there is nothing to verify."))
    when = at or now
    if when.tzinfo is None:
        raise ValueError("a verification's time must be aware (UTC)")
    if when > now + dt.timedelta(minutes=5):
        raise InvalidInput(msg("A verification cannot be in the future."), field="at")
    check = CoverageCheck(
        clinic_id=actor.clinic_id,
        membership_id=membership.id,
        patient_id=membership.patient_id,
        at=when,
        method=VerificationMethod(method),
        result=VerificationResult(result),
        made_by=actor.user_id,
        reference=_name(reference, msg("The reference"), "reference", 100),
        note=_text(note, msg("The note"), "note", 4000),
    )
    session.add(check)
    session.flush()
    return check


def checks_of(session: Session, membership_ids: Sequence[uuid.UUID]) -> list[CoverageCheck]:
    """Every verification of these memberships, oldest first."""
    found: list[CoverageCheck] = []
    wanted = sorted(set(membership_ids))
    for start in range(0, len(wanted), CHUNK):
        found += session.scalars(
            select(CoverageCheck)
            .where(
                CoverageCheck.deleted.is_(False),
                CoverageCheck.membership_id.in_(wanted[start : start + CHUNK]),
            )
            .order_by(CoverageCheck.at, CoverageCheck.created_at)
        )
    return found


# --- the status rules --------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """The last answer the scheme gave about a membership (VERIFIED or NOT_COVERED)."""

    day: dt.date  # the clinic's date it was given
    result: VerificationResult


def membership_status(
    on: dt.date,
    *,
    valid_from: dt.date | None,
    valid_until: dt.date | None,
    verify_every_days: int,
    answer: Answer | None,
) -> CoverageStatus:
    """A membership's status on the clinic's day `on` (the module's docstring says why)."""
    if valid_until is not None and valid_until < on:
        return CoverageStatus.EXPIRED
    if answer is not None and answer.result is VerificationResult.NOT_COVERED:
        return CoverageStatus.NOT_COVERED
    if valid_from is not None and valid_from > on:
        return CoverageStatus.TO_VERIFY
    if (
        answer is not None
        and answer.result is VerificationResult.VERIFIED
        and 0 <= (on - answer.day).days < verify_every_days
    ):
        return CoverageStatus.VERIFIED
    return CoverageStatus.TO_VERIFY


def best(statuses: Iterable[CoverageStatus]) -> CoverageStatus:
    """The status that speaks for a patient with these memberships."""
    found = set(statuses)
    return next((s for s in RANK if s in found), CoverageStatus.NONE)


@dataclass(frozen=True)
class MembershipRow:
    """What the status of one membership is read from (columns, no objects: a batch read of
    hundreds of patients builds no ORM rows)."""

    membership_id: uuid.UUID
    patient_id: uuid.UUID
    scheme_id: uuid.UUID
    scheme_name: str
    verify_every_days: int
    member_number: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    created_at: dt.datetime


def active_memberships(
    session: Session, patient_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[MembershipRow]]:
    """The memberships the clinic has not ended, by patient, in one query per 500 patients."""
    wanted = sorted(set(patient_ids))
    out: dict[uuid.UUID, list[MembershipRow]] = {}
    columns = (
        CoverageMembership.id,
        CoverageMembership.patient_id,
        CoverageScheme.id,
        CoverageScheme.name,
        CoverageScheme.verify_every_days,
        CoverageMembership.member_number,
        CoverageMembership.valid_from,
        CoverageMembership.valid_until,
        CoverageMembership.created_at,
    )
    for start in range(0, len(wanted), CHUNK):
        query = (
            select(*columns)
            .join(CoverageScheme, CoverageScheme.id == CoverageMembership.scheme_id)
            .where(
                CoverageMembership.patient_id.in_(wanted[start : start + CHUNK]),
                CoverageMembership.deleted.is_(False),
                CoverageMembership.active.is_(True),
            )
            .order_by(CoverageMembership.created_at)
        )
        for row in session.execute(query):
            line = MembershipRow(*row[:4], row[4] or DEFAULT_VERIFY_EVERY_DAYS, *row[5:])
            out.setdefault(line.patient_id, []).append(line)
    return out


def last_answers(
    session: Session, membership_ids: Iterable[uuid.UUID], *, before: dt.datetime
) -> dict[uuid.UUID, tuple[dt.datetime, VerificationResult]]:
    """Each membership's last answer (VERIFIED or NOT_COVERED) made before `before` (UTC):
    its time and result, in one query per 500 memberships (the membership_id index)."""
    wanted = sorted(set(membership_ids))
    out: dict[uuid.UUID, tuple[dt.datetime, VerificationResult]] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        where = (
            CoverageCheck.membership_id.in_(chunk),
            CoverageCheck.deleted.is_(False),
            CoverageCheck.result.in_(ANSWERS),
            CoverageCheck.at < before,
        )
        latest = (
            select(CoverageCheck.membership_id, func.max(CoverageCheck.at).label("at"))
            .where(*where)
            .group_by(CoverageCheck.membership_id)
            .subquery()
        )
        query = (
            select(CoverageCheck.membership_id, CoverageCheck.at, CoverageCheck.result)
            .join(
                latest,
                (latest.c.membership_id == CoverageCheck.membership_id)
                & (latest.c.at == CoverageCheck.at),
            )
            .where(*where)
            .order_by(CoverageCheck.created_at)
        )
        for membership_id, at, result in session.execute(query):
            # Two answers at the same instant (two laptops): the one recorded last holds.
            out[membership_id] = (at, result)
    return out
