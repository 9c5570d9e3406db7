"""The care-plan summary, filled from the care plan read model (`desktop.app.care_plans`
CarePlanDetail), for `desktop.app.printouts`: problems, goals, tasks with who does them and
by when, the next follow-ups and the review date, for the patient or a health worker to keep.
"""

from __future__ import annotations

import datetime as dt

from desktop.app.care_plans import CareItemLine, read_plan
from desktop.app.printouts import CarePlanPrint, Filled, LetterPrint, Letters
from desktop.services.patients import get_patient
from desktop.store.models import CareItemKind, CareItemStatus, Patient
from forms.messages import message
from forms.render.values import format_date

DONE = "✓"


def patient_of(letters: Letters, request: LetterPrint) -> Patient:
    from desktop.services import care_plans as svc

    assert isinstance(request, CarePlanPrint)
    return get_patient(
        letters.session, svc.get_plan(letters.session, request.care_plan_id).patient_id
    )


def _day(day: dt.date | None, lang: str) -> str:
    return format_date(day, lang) if day is not None else "—"


def _by_due(items: list[CareItemLine]) -> list[CareItemLine]:
    """Still to do first, the earliest due first; then what is done."""
    return sorted(
        items,
        key=lambda i: (i.status is not CareItemStatus.OPEN, i.due_on or dt.date.max),
    )


def _task(item: CareItemLine, lang: str) -> str:
    parts = [_day(item.due_on, lang), item.description]
    if item.owner:
        parts.append(item.owner)
    text = " · ".join(parts)
    if item.status is CareItemStatus.DONE:
        when = f" {format_date(item.done_at.date(), lang)}" if item.done_at else ""
        text += f"  {DONE}{when}"
    return text


def _follow_up(item: CareItemLine, lang: str) -> str:
    text = _task(item, lang)
    if item.repeat_days:
        text += f" · {message('every_days', lang, days=item.repeat_days)}"
    return text


def care_plan(letters: Letters, request: CarePlanPrint, lang: str) -> Filled:
    detail = read_plan(letters.core, letters.session, request.care_plan_id)
    line = detail.line
    patient = get_patient(letters.session, line.patient_id)
    live = [i for i in detail.items if i.status is not CareItemStatus.CANCELLED]

    def of(kind: CareItemKind) -> list[CareItemLine]:
        return [i for i in live if i.kind is kind]

    follow_ups = [i for i in of(CareItemKind.FOLLOW_UP) if i.status is CareItemStatus.OPEN]
    answers: dict[str, object] = {
        "plan_title": line.title,
        "status": line.status.value,
        "started_on": line.started_on.isoformat(),
        "lead": line.lead or "",
        "review_on": line.review_on.isoformat() if line.review_on else None,
        "problems": "\n".join(i.description for i in of(CareItemKind.PROBLEM)),
        "goals": "\n".join(i.description for i in of(CareItemKind.GOAL)),
        "tasks": "\n".join(_task(i, lang) for i in _by_due(of(CareItemKind.TASK))),
        "follow_ups": "\n".join(_follow_up(i, lang) for i in _by_due(follow_ups)),
        "notes": line.notes,
    }
    return Filled(
        "care_plan",
        {k: v for k, v in answers.items() if v not in (None, "")},
        patient,
        letters.base_values(patient),
        "care_plans",
        line.plan_id,
        "care-plan",
    )
