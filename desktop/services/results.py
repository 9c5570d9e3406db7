"""Results: ordered, sent to a lab or imaging centre, received, reviewed, and relayed to the
patient, attempt by attempt, until the patient is informed.

The record kinds are declared in `desktop.records.kinds` (RESULTS, RESULT_RELAYS: fields,
status machine, permissions, patient link); this module holds the behaviour:
- status: ordered → sent → received → patient informed; received → escalated → informed;
  ordered or sent → cancelled (the spec's machine, checked on every change);
- each relay attempt (phone, SMS, in person, a message left with the next of kin) is a record
  of its own with its outcome, time and who made it; an attempt whose outcome is "informed"
  makes the result informed. A message left with the next of kin never does: the patient
  was not told;
- escalation: an urgent result not relayed N days after it arrived (the clinic's rule,
  `followup_rules.RESULT_ESCALATE_AFTER`) is due for escalation; a person escalates it
  (to a clinician, a community health worker), and attempts go on until the patient is told;
- a scanned report is kept as an attachment (content-addressed, sent once by sync).

Times a person gives are clinic wall-clock times; stored instants are UTC.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from desktop.errors import Conflict, InvalidInput, ValidationFailed
from desktop.messages import Message, msg
from desktop.permissions import Actor, Permission
from desktop.records import get_live, kinds
from desktop.services import attachments, followup_rules
from desktop.store.models import (
    Facility,
    RelayMethod,
    RelayOutcome,
    Result,
    ResultCategory,
    ResultRelay,
    ResultStatus,
    utcnow,
)

S = ResultStatus
WAITING = (S.RECEIVED, S.ESCALATED)  # received and not yet relayed
OPEN = (S.ORDERED, S.SENT, S.RECEIVED, S.ESCALATED)
CLOCK_SLACK = dt.timedelta(minutes=5)  # an attempt "now" on a laptop a little ahead

METHOD_WORDS: dict[RelayMethod, Message] = {
    RelayMethod.PHONE: msg("phone call"),
    RelayMethod.SMS: msg("SMS"),
    RelayMethod.IN_PERSON: msg("in person"),
    RelayMethod.NEXT_OF_KIN: msg("message left with next of kin"),
}
OUTCOME_WORDS: dict[RelayOutcome, Message] = {
    RelayOutcome.INFORMED: msg("patient informed"),
    RelayOutcome.NO_ANSWER: msg("no answer"),
    RelayOutcome.UNREACHABLE: msg("not reachable"),
    RelayOutcome.WRONG_NUMBER: msg("wrong number"),
    RelayOutcome.MESSAGE_LEFT: msg("message left"),
}

# What a scanned report may be, by its first bytes (never by its name).
MEDIA_TYPES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


@dataclass(frozen=True)
class Measurement:
    """One value of a result as the report gives it: "Haemoglobin 9.1 g/dL, low (12–16)"."""

    name: str
    value: str
    unit: str = ""
    flag: str = ""  # "", normal, low, high, critical, abnormal
    range: str = ""

    def as_stored(self) -> dict[str, str]:
        stored = {"name": self.name, "value": self.value}
        for key in ("unit", "flag", "range"):
            if getattr(self, key):
                stored[key] = getattr(self, key)
        return stored


@dataclass(frozen=True)
class Scan:
    """A scanned report to keep with the result."""

    data: bytes
    name: str = ""


_RANGE_AT_END = re.compile(r"\(([^()]*)\)\s*$")


def parse_measurement(text: str) -> Measurement:
    """ "NAME=VALUE [UNIT] [FLAG] [(RANGE)]", e.g. "Haemoglobin=9.1 g/dL low (12-16)" or
    "Malaria RDT=positive abnormal"."""
    name, sep, rest = (text or "").partition("=")
    name, rest = name.strip(), rest.strip()
    if not sep or not name or not rest:
        raise InvalidInput(
            msg(
                "{text} is not a measurement: write NAME=VALUE [UNIT] [FLAG] [(RANGE)], e.g. "
                "Haemoglobin=9.1 g/dL low (12-16).",
                text=repr(text[:80]),
            ),
            field="measurements",
        )
    reference = ""
    found = _RANGE_AT_END.search(rest)
    if found:
        reference, rest = found[1].strip(), rest[: found.start()].strip()
    parts = rest.split()
    flag = ""
    if len(parts) > 1 and parts[-1].lower() in kinds.MEASUREMENT_FLAGS:
        flag = parts.pop().lower()
    if not parts:
        raise InvalidInput(
            msg("The measurement {name} has no value.", name=repr(name[:60])),
            field="measurements",
        )
    return Measurement(name, parts[0], " ".join(parts[1:]), flag, reference)


def measurements_of(result: Result) -> tuple[Measurement, ...]:
    items = (result.measurements or {}).get("items", [])
    return tuple(
        Measurement(
            str(i.get("name", "")),
            str(i.get("value", "")),
            str(i.get("unit", "")),
            str(i.get("flag", "")),
            str(i.get("range", "")),
        )
        for i in items
        if isinstance(i, dict)
    )


def _checked(values: dict[str, object]) -> None:
    """The spec's own checks (lengths, shapes) before anything is written."""
    problems = kinds.RESULTS.validate(values)
    if problems:
        raise ValidationFailed(problems)


def _text(value: str, what: str, field: str, *, limit: int | None = None) -> str:
    cleaned = (value or "").strip()
    if limit is not None and len(cleaned) > limit:
        raise InvalidInput(
            msg("{what} is too long ({n} characters at most).", what=what, n=limit), field=field
        )
    return cleaned


def _facility(session: Session, facility_id: uuid.UUID | None) -> uuid.UUID | None:
    if facility_id is None:
        return None
    facility: Facility = get_live(session, kinds.FACILITIES, facility_id)
    return facility.id


def _not_future(day: dt.date | None, today: dt.date, what: Message, field: str) -> None:
    if day is not None and day > today:
        raise InvalidInput(msg("{what} cannot be in the future.", what=what), field=field)


def get_result(session: Session, result_id: uuid.UUID) -> Result:
    result: Result = get_live(session, kinds.RESULTS, result_id)
    return result


def order(
    session: Session,
    actor: Actor,
    *,
    patient_id: uuid.UUID,
    category: ResultCategory,
    test_name: str,
    today: dt.date,
    ordered_on: dt.date | None = None,
    facility_id: uuid.UUID | None = None,
    sent_on: dt.date | None = None,
    expected_on: dt.date | None = None,
    urgent: bool = False,
    notes: str = "",
) -> Result:
    """A test ordered for a patient (sent already, when `sent_on` is given)."""
    actor.require(Permission.RECORD_RESULTS)
    get_live(session, kinds.PATIENTS, patient_id)
    name = _text(test_name, msg("The test's name"), "test_name", limit=200)
    if not name:
        raise InvalidInput(
            msg("Name the test ordered (e.g. Full blood count, Chest X-ray)."), field="test_name"
        )
    ordered_on = ordered_on or today
    _not_future(ordered_on, today, msg("The date the test was ordered"), "ordered_on")
    _not_future(sent_on, today, msg("The date it was sent"), "sent_on")
    if sent_on is not None and sent_on < ordered_on:
        raise InvalidInput(msg("A test cannot be sent before it was ordered."), field="sent_on")
    if expected_on is not None and expected_on < ordered_on:
        raise InvalidInput(
            msg("The result cannot be expected before the test was ordered."),
            field="expected_on",
        )
    result = Result(
        clinic_id=actor.clinic_id,
        patient_id=patient_id,
        category=category,
        test_name=name,
        ordered_on=ordered_on,
        ordered_by=actor.user_id,
        facility_id=_facility(session, facility_id),
        sent_on=sent_on,
        expected_on=expected_on,
        urgent=bool(urgent),
        notes=_text(notes, msg("The note"), "notes", limit=4000),
        measurements={"items": []},
        status=S.SENT if sent_on is not None else S.ORDERED,
    )
    session.add(result)
    session.flush()
    return result


def edit(
    session: Session,
    actor: Actor,
    result_id: uuid.UUID,
    *,
    today: dt.date,
    test_name: str | None = None,
    category: ResultCategory | None = None,
    facility_id: uuid.UUID | None = None,
    expected_on: dt.date | None = None,
    urgent: bool | None = None,
    notes: str | None = None,
) -> Result:
    """Change what was recorded about the order; only the values given change."""
    actor.require(Permission.RECORD_RESULTS)
    result = get_result(session, result_id)
    if test_name is not None:
        name = _text(test_name, msg("The test's name"), "test_name", limit=200)
        if not name:
            raise InvalidInput(msg("Name the test ordered."), field="test_name")
        result.test_name = name
    if category is not None:
        result.category = category
    if facility_id is not None:
        result.facility_id = _facility(session, facility_id)
    if expected_on is not None:
        if expected_on < result.ordered_on:
            raise InvalidInput(
                msg("The result cannot be expected before the test was ordered."),
                field="expected_on",
            )
        result.expected_on = expected_on
    if urgent is not None:
        result.urgent = bool(urgent)
    if notes is not None:
        result.notes = _text(notes, msg("The note"), "notes", limit=4000)
    session.flush()
    return result


def mark_sent(
    session: Session,
    actor: Actor,
    result_id: uuid.UUID,
    *,
    today: dt.date,
    on: dt.date | None = None,
    facility_id: uuid.UUID | None = None,
) -> Result:
    actor.require(Permission.RECORD_RESULTS)
    result = get_result(session, result_id)
    kinds.RESULTS.check_transition(result.status, S.SENT)
    on = on or today
    _not_future(on, today, msg("The date it was sent"), "sent_on")
    if on < result.ordered_on:
        raise InvalidInput(msg("A test cannot be sent before it was ordered."), field="sent_on")
    if facility_id is not None:
        result.facility_id = _facility(session, facility_id)
    result.sent_on = on
    result.status = S.SENT
    session.flush()
    return result


def _media_type(data: bytes) -> str:
    for magic, media_type in MEDIA_TYPES:
        if data.startswith(magic):
            return media_type
    raise InvalidInput(msg("A scanned report must be a PDF, PNG or JPEG file."), field="attachment")


def record_received(
    session: Session,
    actor: Actor,
    result_id: uuid.UUID,
    *,
    today: dt.date,
    on: dt.date | None = None,
    text: str | None = None,
    measurements: Sequence[Measurement] | None = None,
    scan: Scan | None = None,
    urgent: bool | None = None,
) -> Result:
    """The result arrived: its text, values and/or scanned report. Also corrects what was
    received, until the patient has been told (a corrected report after that is a new
    result, so the patient is told again)."""
    actor.require(Permission.RECORD_RESULTS)
    result = get_result(session, result_id)
    if result.status not in WAITING:
        kinds.RESULTS.check_transition(result.status, S.RECEIVED)
    on = on or result.received_on or today
    _not_future(on, today, msg("The date the result arrived"), "received_on")
    if on < result.ordered_on:
        raise InvalidInput(
            msg("A result cannot arrive before the test was ordered."), field="received_on"
        )
    new_text = result.result_text if text is None else _text(text, msg("The result"), "text")
    items = (
        [m.as_stored() for m in measurements]
        if measurements is not None
        else list((result.measurements or {}).get("items", []))
    )
    attachment = result.attachment
    if scan is not None:
        if len(scan.data) > attachments.MAX_BYTES:
            raise InvalidInput(
                msg(
                    "A scanned report may be at most {kib} KiB: scan it at a lower resolution "
                    "or in grey.",
                    kib=attachments.MAX_BYTES // 1024,
                ),
                field="attachment",
            )
        media_type = _media_type(scan.data)
        digest = attachments.put(session, actor.clinic_id, scan.data, media_type)
        attachment = {
            attachments.HASH_KEY: digest,
            "media_type": media_type,
            "name": _text(scan.name, msg("The file's name"), "attachment", limit=200),
        }
    if not new_text and not items and attachment is None:
        raise InvalidInput(
            msg("Give the result: its text, its values, or the scanned report."),
            field="text",
        )
    values: dict[str, object] = {"result_text": new_text, "measurements": {"items": items}}
    if attachment is not None:
        values["attachment"] = attachment
    _checked(values)
    result.result_text = new_text
    result.measurements = {"items": items}
    result.attachment = attachment
    result.received_on = on
    if urgent is not None:
        result.urgent = bool(urgent)
    elif any(m.get("flag") == "critical" for m in items):
        result.urgent = True  # a critical value is never relayed at leisure
    if result.status not in WAITING:
        result.status = S.RECEIVED
    session.flush()
    return result


def review(
    session: Session,
    actor: Actor,
    result_id: uuid.UUID,
    *,
    note: str = "",
    now: dt.datetime | None = None,
) -> Result:
    """A clinician reviewed the result (once it is here)."""
    actor.require(Permission.REVIEW_RESULTS)
    result = get_result(session, result_id)
    if result.status in (S.ORDERED, S.SENT, S.CANCELLED):
        raise Conflict(
            msg(
                "Only a result that has arrived can be reviewed (this one is {status}).",
                status=kinds.RESULT_STATUS.word(result.status),
            )
        )
    result.reviewed_by = actor.user_id
    result.reviewed_at = now or utcnow()
    result.review_note = _text(note, msg("The review note"), "review_note", limit=4000)
    session.flush()
    return result


def relay_attempt(
    session: Session,
    actor: Actor,
    result_id: uuid.UUID,
    *,
    method: RelayMethod,
    outcome: RelayOutcome,
    now: dt.datetime,
    at: dt.datetime | None = None,
    note: str = "",
) -> ResultRelay:
    """One attempt to tell the patient; "informed" makes the result informed. `at` is UTC
    (default `now`)."""
    actor.require(Permission.RECORD_RESULTS)
    result = get_result(session, result_id)
    status = _live_status(session, result)
    if status not in WAITING:
        if status is S.INFORMED:
            raise Conflict(msg("The patient has already been informed of this result."))
        raise Conflict(
            msg(
                "A result is relayed once it has arrived (this one is {status}): record it as "
                "received first.",
                status=kinds.RESULT_STATUS.word(status),
            )
        )
    if method is RelayMethod.NEXT_OF_KIN and outcome is RelayOutcome.INFORMED:
        raise InvalidInput(
            msg(
                "A message left with the next of kin does not tell the patient: record it as "
                "message left, and the patient informed once they are reached."
            ),
            field="outcome",
        )
    at = at or now
    if at.tzinfo is None:
        raise ValueError("an attempt's time must be aware (UTC)")
    if at > now + CLOCK_SLACK:
        raise InvalidInput(msg("An attempt cannot be in the future."), field="at")
    if at < now - dt.timedelta(days=366):
        raise InvalidInput(msg("An attempt more than a year ago: check the date."), field="at")
    relay = ResultRelay(
        clinic_id=actor.clinic_id,
        result_id=result.id,
        patient_id=result.patient_id,
        method=method,
        outcome=outcome,
        at=at.astimezone(dt.UTC),
        made_by=actor.user_id,
        note=_text(note, msg("The note"), "note", limit=2000),
    )
    session.add(relay)
    if outcome is RelayOutcome.INFORMED:
        kinds.RESULTS.check_transition(result.status, S.INFORMED)
        result.status = S.INFORMED
        result.informed_at = relay.at
    session.flush()
    return relay


def escalate(
    session: Session, actor: Actor, result_id: uuid.UUID, *, note: str, now: dt.datetime
) -> Result:
    """The patient could not be reached in time: handed on (a clinician, a home visit)."""
    actor.require(Permission.RECORD_RESULTS)
    result = get_result(session, result_id)
    kinds.RESULTS.check_transition(_live_status(session, result), S.ESCALATED)
    cleaned = _text(note, msg("The note"), "notes", limit=2000)
    if not cleaned:
        raise InvalidInput(
            msg("Say to whom or how it was escalated (e.g. CHW sent to the village)."),
            field="notes",
        )
    result.status = S.ESCALATED
    result.escalated_at = now
    result.escalated_by = actor.user_id
    result.notes = f"{result.notes}\n{cleaned}".strip() if result.notes else cleaned
    session.flush()
    return result


def cancel(session: Session, actor: Actor, result_id: uuid.UUID, *, reason: str) -> Result:
    actor.require(Permission.RECORD_RESULTS)
    result = get_result(session, result_id)
    kinds.RESULTS.check_transition(result.status, S.CANCELLED)
    cleaned = _text(reason, msg("The reason"), "notes", limit=2000)
    if not cleaned:
        raise InvalidInput(msg("Say why the test is cancelled."), field="notes")
    result.status = S.CANCELLED
    result.notes = f"{result.notes}\n{cleaned}".strip() if result.notes else cleaned
    session.flush()
    return result


def attempts(
    session: Session, result_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[ResultRelay]]:
    """The live relay attempts of these results, oldest first."""
    out: dict[uuid.UUID, list[ResultRelay]] = {i: [] for i in result_ids}
    wanted = list(result_ids)
    for start in range(0, len(wanted), 500):
        rows = session.scalars(
            select(ResultRelay)
            .options(defer(ResultRelay.field_hlcs))
            .where(
                ResultRelay.result_id.in_(wanted[start : start + 500]),
                ResultRelay.deleted.is_(False),
            )
            .order_by(ResultRelay.at, ResultRelay.pk)
        )
        for row in rows:
            out[row.result_id].append(row)
    return out


def informed_by(tries: Sequence[ResultRelay]) -> ResultRelay | None:
    """The first live attempt that reached the patient, if any."""
    return next((t for t in tries if t.outcome is RelayOutcome.INFORMED and not t.deleted), None)


def effective_status(result: Result, tries: Sequence[ResultRelay]) -> ResultStatus:
    """The result's status, the attempts having the last word: a patient told on one laptop
    while another escalated the result (both offline) was told, whichever status edit's
    stamp is newer after the merge."""
    if result.status in WAITING and informed_by(tries) is not None:
        return S.INFORMED
    return result.status


def _live_status(session: Session, result: Result) -> ResultStatus:
    return effective_status(result, attempts(session, [result.id])[result.id])


def escalation_due(result: Result, today: dt.date, after_days: int) -> bool:
    """Urgent, received, not relayed, and `after_days` or more days since it arrived."""
    return (
        result.urgent
        and result.status is S.RECEIVED
        and result.received_on is not None
        and (today - result.received_on).days >= after_days
    )


def late_from_lab(result: Result, today: dt.date) -> bool:
    """Expected by now and not here."""
    return (
        result.status in (S.ORDERED, S.SENT)
        and result.expected_on is not None
        and result.expected_on < today
    )


def escalate_after_days(session: Session) -> int:
    return followup_rules.days(session, followup_rules.RESULT_ESCALATE_AFTER)
