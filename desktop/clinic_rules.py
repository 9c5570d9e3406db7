"""What a new clinic and its user names must look like.

A leaf module (no store, no services): the store checks a new clinic with it before it makes
any file, the services check user names with it, and the set-up wizard checks what was typed
before it gets as far as creating the store.
"""

from __future__ import annotations

import re
import zoneinfo

import phonenumbers

from desktop.errors import InvalidInput

USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")


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
