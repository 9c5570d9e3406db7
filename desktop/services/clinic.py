"""The clinic itself: its name, country (default phone region), time zone, and the details
its printed papers carry (phone, address, paper size, the code its clinic numbers start with)."""

from __future__ import annotations

import re
import zoneinfo

import phonenumbers
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.messages import msg
from desktop.permissions import Actor, Permission
from desktop.services.phones import normalise_phone
from desktop.store.models import Clinic

USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")
CLINIC_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")
PAPER_SIZES = ("A4", "Letter")


def validate_username(username: str) -> None:
    if not USERNAME.match(username):
        raise InvalidInput(
            f"{username!r} cannot be a user name: use 2 to 32 lower-case letters, digits, "
            "'.', '_' or '-', starting with a letter.",
            field="username",
        )


def validate_new_clinic(name: str, admin_username: str, country: str, timezone: str) -> None:
    if not name.strip():
        raise InvalidInput("The clinic needs a name.", field="clinic_name")
    if len(name.strip()) > 200:
        raise InvalidInput(
            "The clinic name is too long (200 characters at most).", field="clinic_name"
        )
    validate_username(admin_username)
    if country.upper() not in phonenumbers.SUPPORTED_REGIONS:
        raise InvalidInput(
            f"{country!r} is not a two-letter country code (e.g. KE, UG, SN).", field="country"
        )
    try:
        zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(
            f"{timezone!r} is not a time zone (e.g. Africa/Nairobi).", field="timezone"
        ) from None


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
                    "The clinic code is 2 to 6 capital letters or digits, starting with a "
                    "letter (e.g. KNC)."
                ),
                field="code",
            )
        clinic.code = clean
    session.flush()
    return clinic
