"""The clinic itself: its name, country (default phone region), time zone, and the details
its printed papers carry (phone, address, paper size, the code its clinic numbers start with),
and the currency its bills are in."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.clinic_rules import USERNAME, validate_new_clinic, validate_username
from desktop.errors import InvalidInput
from desktop.messages import msg
from desktop.permissions import Actor, Permission
from desktop.services.phones import normalise_phone
from desktop.store.models import Clinic

__all__ = [
    "PAPER_SIZES",
    "USERNAME",
    "get_clinic",
    "update_clinic",
    "validate_new_clinic",
    "validate_username",
]

CLINIC_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,4}$")  # at most 5: see services.clinic_numbers
PAPER_SIZES = ("A4", "Letter")


def get_clinic(session: Session) -> Clinic:
    clinic = session.scalar(select(Clinic).where(Clinic.deleted.is_(False)))
    assert clinic is not None, "a store always has its clinic"
    return clinic


def update_clinic(
    session: Session,
    actor: Actor,
    *,
    name: str | None = None,
    phone: str | None = None,
    address: str | None = None,
    paper_size: str | None = None,
    code: str | None = None,
    currency: str | None = None,
) -> Clinic:
    """Change the clinic's details; a value left None stays as it is."""
    actor.require(Permission.MANAGE_CLINIC)
    clinic = get_clinic(session)
    if name is not None:
        if not name.strip():
            raise InvalidInput(msg("The clinic needs a name."), field="name")
        if len(name.strip()) > 200:
            raise InvalidInput(
                msg("The clinic name is too long (200 characters at most)."), field="name"
            )
        clinic.name = name.strip()
    if phone is not None:
        clinic.phone = normalise_phone(phone, clinic.country) or ""
    if address is not None:
        if len(address) > 1000:
            raise InvalidInput(
                msg("The address is too long (1000 characters at most)."), field="address"
            )
        clinic.address = address.strip()
    if paper_size is not None:
        size = next((s for s in PAPER_SIZES if s.lower() == paper_size.strip().lower()), None)
        if size is None:
            raise InvalidInput(msg("The paper size must be A4 or Letter."), field="paper_size")
        clinic.paper_size = size
    if code is not None:
        clean = code.strip().upper()
        if clean and not CLINIC_CODE.match(clean):
            raise InvalidInput(
                msg(
                    "The clinic code is 2 to 5 capital letters or digits, starting with a "
                    "letter (e.g. KNC)."
                ),
                field="code",
            )
        clinic.code = clean
    if currency is not None:
        _set_currency(session, clinic, currency)
    session.flush()
    return clinic


def _set_currency(session: Session, clinic: Clinic, code: str) -> None:
    """The clinic's currency (ISO 4217). Set once: the price list and invoices hold amounts
    in it, and a change would silently read them in another money."""
    from desktop import money
    from desktop.store.models import Invoice, PriceItem

    wanted = money.check_currency(code)
    if wanted == clinic.currency:
        return
    if clinic.currency:
        used = session.scalar(select(PriceItem.id).where(PriceItem.deleted.is_(False)).limit(1))
        used = used or session.scalar(select(Invoice.id).where(Invoice.deleted.is_(False)).limit(1))
        if used is not None:
            raise InvalidInput(
                msg(
                    "The clinic's currency stays {current}: the price list or invoices hold "
                    "amounts in it already.",
                    current=clinic.currency,
                ),
                field="currency",
            )
    clinic.currency = wanted
