"""Form records as plain data, and the rule that signed records are never edited.

The store persists records; this module only decides what a record and a correction
look like, so the desktop store, the HQ server and tests agree on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import uuid6

from forms.answers import clean_text
from forms.errors import CorrectionError, SignedRecordError
from forms.model import SIGNATURE_TYPES, FormDefinition
from forms.visibility import is_empty


@dataclass(frozen=True, slots=True)
class FormRecord:
    """One filled form. ``supersedes`` is the id of the record this one corrects."""

    record_id: str
    form_id: str
    form_version: int
    answers: Mapping[str, object]
    created_at: dt.datetime
    created_by: str | None = None
    definition_fingerprint: str | None = None
    supersedes: str | None = None
    correction_reason: str | None = None
    extra: Mapping[str, object] = field(default_factory=dict)

    def to_payload(self) -> dict[str, object]:
        """A JSON-ready dict (answers are passed through as they are)."""
        payload: dict[str, object] = {
            "record_id": self.record_id,
            "form_id": self.form_id,
            "form_version": self.form_version,
            "answers": dict(self.answers),
            "created_at": self.created_at.isoformat(),
        }
        for key in ("created_by", "definition_fingerprint", "supersedes", "correction_reason"):
            value = getattr(self, key)
            if value is not None:
                payload[key] = value
        payload.update(self.extra)
        return payload


def new_record_id() -> str:
    """A time-ordered UUID (v7), as every synced record has (see DESIGN.md)."""
    return str(uuid6.uuid7())


def signed_fields(definition: FormDefinition, answers: Mapping[str, object]) -> list[str]:
    """Ids of the signature, thumbprint and witness fields that hold an answer."""
    return [
        field_id
        for field_id, field in definition.fields.items()
        if field.type in SIGNATURE_TYPES and not is_empty(answers.get(field_id))
    ]


def is_signed(definition: FormDefinition, answers: Mapping[str, object]) -> bool:
    return bool(signed_fields(definition, answers))


def ensure_editable(definition: FormDefinition, record: FormRecord) -> None:
    """Raise SignedRecordError if ``record`` is signed: the store calls this before any
    in-place update, so a signed consent can only change through :func:`make_correction`."""
    signed = signed_fields(definition, record.answers)
    if signed:
        raise SignedRecordError(record.record_id, signed)


def new_record(
    definition: FormDefinition,
    answers: Mapping[str, object],
    *,
    created_at: dt.datetime,
    created_by: str | None = None,
    record_id: str | None = None,
) -> FormRecord:
    return FormRecord(
        record_id=record_id or new_record_id(),
        form_id=definition.id,
        form_version=definition.version,
        answers=dict(answers),
        created_at=created_at,
        created_by=created_by,
        definition_fingerprint=definition.fingerprint,
    )


def make_correction(
    definition: FormDefinition,
    old: FormRecord,
    changes: Mapping[str, object],
    *,
    reason: str,
    corrected_by: str,
    corrected_at: dt.datetime,
    record_id: str | None = None,
    id_factory: Callable[[], str] = new_record_id,
) -> FormRecord:
    """A new record that corrects ``old``; ``old`` itself is left exactly as it was.

    The new record starts from the old answers with ``changes`` applied (a change to
    ``None`` removes an answer). Signatures are not carried over: a signature vouches
    for the text it was given on, so the corrected record must be signed again (new
    signature answers may be passed in ``changes``). The form version stays the one
    the old record was filled with.
    """
    if (old.form_id, old.form_version) != (definition.id, definition.version):
        raise CorrectionError(
            f"record {old.record_id} was filled with {old.form_id} v{old.form_version}; "
            f"correct it with that definition, not {definition.id} v{definition.version}"
        )
    why = clean_text(reason, multiline=True) if isinstance(reason, str) else ""
    if not why:
        raise CorrectionError("a correction needs a reason (it is printed on the corrected form)")
    who = clean_text(corrected_by, multiline=False) if isinstance(corrected_by, str) else ""
    if not who:
        raise CorrectionError("a correction needs the name of the person making it")
    if corrected_at.tzinfo is None:
        raise CorrectionError("corrected_at must carry a time zone")
    unknown = sorted(key for key in changes if key not in definition.fields)
    if unknown:
        raise CorrectionError(
            f"form {definition.id} has no field(s) {', '.join(map(repr, unknown))}"
        )
    answers = {
        key: value
        for key, value in old.answers.items()
        if not (key in definition.fields and definition.fields[key].type in SIGNATURE_TYPES)
    }
    for key, value in changes.items():
        if value is None:
            answers.pop(key, None)
        else:
            answers[key] = value
    return FormRecord(
        record_id=record_id or id_factory(),
        form_id=old.form_id,
        form_version=old.form_version,
        answers=answers,
        created_at=corrected_at,
        created_by=who,
        definition_fingerprint=definition.fingerprint,
        supersedes=old.record_id,
        correction_reason=why,
    )
