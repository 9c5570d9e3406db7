"""Clinic numbers: the short number a patient is known by at the desk and on paper.

A clinic number reads ``KHP-QX0042``:

- ``KHP`` is the clinic's code (`Clinic.code`, set by the clinic; when empty, the initials of
  the clinic's name: "Kisumu Health Post" → ``KHP``);
- ``QX`` names the device that registered the patient. It is derived from the random bits
  of this device's id, from an alphabet without look-alikes (no I, O, 0, 1): 1,024 tags, so
  two laptops of one clinic share a tag about once in a thousand pairs. Laptops never ask
  each other for numbers; when devices enrol at HQ (the sync issue) HQ can hand out the tag
  instead, and the format does not change;
- ``0042`` counts the registrations made on this device (four digits at least, more when
  needed), kept in the store's `store_meta` row ``clinic_number_next``. A number already in
  use on this device (one that came back from HQ after a restore, or one typed by hand) is
  skipped, so the device never issues a number twice.

Numbers typed by hand (a clinic moving from paper files) are kept as typed.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

from anyascii import anyascii
from sqlalchemy.orm import Session

from desktop.services.clinic import get_clinic
from desktop.store.models import Meta

TAG_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # 32 signs, no I/O/0/1
COUNTER_KEY = "clinic_number_next"
CODE_MAX = 5
_WORD = re.compile(r"[A-Za-z0-9]+")


def clinic_code(name: str) -> str:
    """The default code of a clinic called `name`: the initials of its first three words,
    or the first three letters of a one-word name ("Kakamega" → "KAK")."""
    words: list[str] = _WORD.findall(str(anyascii(name or "")).upper())
    if not words:
        return "OP"
    if len(words) == 1:
        return words[0][:3]
    return "".join(w[0] for w in words[:3])


def normalise_code(code: str) -> str:
    """A code as it is printed: upper-case letters and digits, at most five."""
    return "".join(_WORD.findall(str(anyascii(code or "")).upper()))[:CODE_MAX]


def device_tag(device_id: uuid.UUID) -> str:
    """Two signs naming a device, from the random (low) bits of its id."""
    bits = device_id.int & 0x3FF  # UUIDv7: the low bits are random, the high ones a time
    return TAG_ALPHABET[bits >> 5] + TAG_ALPHABET[bits & 0x1F]


# What one transaction has read already (its prefix, its counter row), kept in
# session.info under the transaction it belongs to, so a later transaction reads afresh.
_CACHE = "clinic_numbers"


def _cached(session: Session) -> dict[str, Any]:
    transaction = session.get_transaction()
    found = session.info.get(_CACHE)
    if not isinstance(found, dict) or found.get("transaction") is not transaction:
        found = session.info[_CACHE] = {"transaction": transaction}
    return found


def prefix(session: Session, device_id: uuid.UUID) -> str:
    clinic = get_clinic(session)
    code = normalise_code(clinic.code) or clinic_code(clinic.name)
    return f"{code}-{device_tag(device_id)}"


def _taken(session: Session, number: str) -> bool:
    # Plain SQL on the session's connection: this runs for every registration, and the ORM's
    # statement machinery costs more than the indexed lookup itself.
    found = session.connection().exec_driver_sql(
        "SELECT 1 FROM patients WHERE clinic_number = ? LIMIT 1", (number,)
    )
    return found.first() is not None


def device_id_of(session: Session) -> uuid.UUID:
    """This device's id when the caller did not give it (`PatientsApi` always does, from
    `Store.device_id`): the session's, else the nil id (demo data, tests)."""
    found = session.info.get("device_id")
    return found if isinstance(found, uuid.UUID) else uuid.UUID(int=0)


def next_number(session: Session, device_id: uuid.UUID | None = None) -> str:
    """A clinic number no patient on this device has, for a registration being made now
    (inside the registration's write transaction, so two registrations never get the same
    one)."""
    return next_in_series(session, COUNTER_KEY, "", _taken, device_id)


def next_in_series(
    session: Session,
    counter_key: str,
    mark: str,
    taken: Callable[[Session, str], bool],
    device_id: uuid.UUID | None = None,
) -> str:
    """The next number of one of this device's series: the clinic's prefix, `mark`, and the
    device's counter kept in `store_meta` under `counter_key` (clinic numbers ``KHP-QX0042``;
    invoice numbers ``KHP-QX-INV0042``). A number `taken` already is skipped, so a device
    never issues one twice and two devices never issue the same one."""
    device = device_id if device_id is not None else device_id_of(session)
    # No autoflush: flushing each registration before its number is chosen would undo the
    # batching of a transaction that registers many (the demo, an import). The counter has
    # already moved past every number given earlier in this transaction.
    cache = _cached(session)
    slot = "counter" if counter_key == COUNTER_KEY else f"counter:{counter_key}"
    with session.no_autoflush:
        if "prefix" not in cache:
            cache["prefix"] = prefix(session, device)
        head: str = cache["prefix"] + mark
        # Held here as well: the identity map keeps a clean row only weakly, so without it
        # every registration of a batch would read the counter again.
        counter: Meta | None = cache.get(slot) or session.get(Meta, counter_key)
        value = int(counter.value) if counter is not None and counter.value.isdigit() else 1
        while True:
            number = f"{head}{value:04d}"
            value += 1
            if not taken(session, number):
                break
    if counter is None:
        counter = Meta(key=counter_key, value=str(value))
        session.add(counter)
    else:
        counter.value = str(value)
    cache[slot] = counter
    return number
