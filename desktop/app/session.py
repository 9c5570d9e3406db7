"""Before and around a signed-in core: creating a clinic (the set-up wizard), signing in, the
lock screen's password check, setting a forgotten password with the recovery key, and the
sign-in throttle the login window shows.

These are the calls the GUI makes when it has no `ClinicCore` yet (or must check the signed-in
person again); like the rest of the API they own their work and return plain values, so the
GUI never touches the store, its key file or its throttle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.errors import InvalidInput, WrongPassword
from desktop.messages import msg
from desktop.paths import DataPaths

if TYPE_CHECKING:
    from desktop.core import ClinicCore

Window = tuple[dt.time, dt.time]

DEFAULT_TYPE_NAME = "Consultation"
DEFAULT_TYPE_MINUTES = 20
RECOVERY_GUARD = "recovery key"  # the throttle's name for guesses at the recovery key


def default_opening_hours() -> dict[int, list[Window]]:
    """Monday to Friday, 08:00–17:00 (what the wizard offers)."""
    return {day: [(dt.time(8), dt.time(17))] for day in range(5)}


@dataclass(frozen=True)
class NewClinic:
    """What the set-up wizard gathered. The first provider, appointment type and opening
    hours make a clinic that can book from its first minute."""

    clinic_name: str
    admin_username: str
    admin_display_name: str
    password: str = field(repr=False)
    country: str = "KE"
    timezone: str = "Africa/Nairobi"
    provider_name: str = ""
    provider_title: str = ""
    type_name: str = DEFAULT_TYPE_NAME
    type_minutes: int = DEFAULT_TYPE_MINUTES
    opening_hours: Mapping[int, Sequence[Window]] = field(default_factory=default_opening_hours)


def clinic_exists(paths: DataPaths) -> bool:
    """True when this data folder holds a clinic (the login window, not the wizard)."""
    return paths.database.exists()


def check_week(new: NewClinic) -> None:
    """InvalidInput (with the wizard's field name) for the clinic's first week."""
    from desktop.services import clinic_setup

    if not new.provider_name.strip():
        raise InvalidInput(
            msg("Name the first provider (more can be added later in Settings)."),
            field="provider_name",
        )
    if len(new.provider_name.strip()) > 200:
        raise InvalidInput(
            msg("The name is too long (200 characters at most)."), field="provider_name"
        )
    if not new.type_name.strip():
        raise InvalidInput(msg("An appointment type needs a name."), field="type_name")
    if not 5 <= new.type_minutes <= 480:
        raise InvalidInput(
            msg("A duration must be between 5 minutes and 8 hours."), field="type_minutes"
        )
    for weekday, windows in sorted(new.opening_hours.items()):
        try:
            clinic_setup.check_windows(windows)
        except InvalidInput as exc:
            raise InvalidInput(exc.args[0], field=f"hours:{weekday}") from exc
    if not any(new.opening_hours.values()):
        raise InvalidInput(
            msg("Give the hours of at least one day the clinic is open."), field="hours"
        )


def create_clinic(paths: DataPaths, new: NewClinic) -> str:
    """Create the encrypted store with its administrator, opening hours, first provider
    (working the opening hours) and appointment type; returns the recovery key text, shown
    once. The store is closed again: the administrator signs in next."""
    from desktop.clinic_rules import validate_new_clinic
    from desktop.core import ClinicCore
    from desktop.store import store as store_module

    validate_new_clinic(new.clinic_name, new.admin_username, new.country, new.timezone)
    check_week(new)
    store, recovery = store_module.create(
        paths,
        clinic_name=new.clinic_name,
        admin_username=new.admin_username,
        admin_display_name=new.admin_display_name,
        password=new.password,
        country=new.country,
        timezone=new.timezone,
    )
    try:
        core = ClinicCore.from_store(store)
    except BaseException:
        store.close()
        raise
    try:
        core.admin.set_opening_hours(new.opening_hours)
        core.admin.add_provider(new.provider_name, new.provider_title)
        core.admin.add_appointment_type(new.type_name, new.type_minutes)
    finally:
        core.close()
    return recovery


def sign_in(paths: DataPaths, username: str, password: str) -> ClinicCore:
    """Unlock the clinic as `username` (throttled after wrong passwords). The account's record
    gets its key for every laptop if it has none yet, and the key file is brought in line with
    the accounts the records hold (desktop.store.account_keys.after_sign_in)."""
    from desktop.core import ClinicCore
    from desktop.store.account_keys import after_sign_in

    core = ClinicCore.unlock(paths, username, password)
    after_sign_in(core.store, username, password)
    return core


def verify_password(core: ClinicCore, password: str) -> None:
    """Raise WrongPassword (or LoginThrottled) unless `password` is the signed-in person's.

    The lock screen's check: the same throttle as signing in, so it is no easier to guess at
    than the login window."""
    from desktop.store.throttle import LoginThrottle

    username = core.actor.username
    with LoginThrottle(core.paths.throttle).attempt(username):
        core.store.keyfile.unlock_with_password(username, password)


def recover_password(paths: DataPaths, recovery_key: str, username: str, password: str) -> None:
    """Set `username`'s forgotten password with the printed recovery key (as `outpost
    recover` does). Wrong recovery keys are throttled like passwords."""
    from desktop.passwords import check_password
    from desktop.services import users
    from desktop.store import store as store_module
    from desktop.store.account_keys import set_account_password
    from desktop.store.throttle import LoginThrottle

    check_password(password, username=username)
    with LoginThrottle(paths.throttle).attempt(RECOVERY_GUARD):
        store = store_module.unlock_with_recovery(paths, recovery_key)
    try:
        with store.session() as session, session.begin():
            user = users.get_user(session, username)
            set_account_password(session, store, user, password)
    finally:
        store.close()


def sign_in_wait(paths: DataPaths, username: str) -> float:
    """Seconds `username` must still wait before the next try (0: may try now)."""
    from desktop.store.throttle import LoginThrottle

    return LoginThrottle(paths.throttle).wait_for(username)


# --- `outpost init`: a clinic with only its administrator (providers, types and hours come
# afterwards, from Settings) ------------------------------------------------------------------


def create_store(
    paths: DataPaths,
    *,
    clinic_name: str,
    admin_username: str,
    admin_display_name: str,
    password: str,
    country: str = "KE",
    timezone: str = "Africa/Nairobi",
) -> str:
    """Create the encrypted store with its first administrator only; returns the recovery key
    text, shown once. The store is closed again."""
    from desktop.store import store as store_module

    store, recovery = store_module.create(
        paths,
        clinic_name=clinic_name,
        admin_username=admin_username,
        admin_display_name=admin_display_name,
        password=password,
        country=country,
        timezone=timezone,
    )
    store.close()
    return recovery


def check_recovery_key(paths: DataPaths, recovery_key: str) -> None:
    """Raise WrongPassword (throttled like `recover_password`) unless the key opens this
    clinic's key file; nothing is opened or changed. `outpost recover` checks the key before
    asking for the new password."""
    from desktop.store import keys
    from desktop.store.keyfile import KeyFile
    from desktop.store.throttle import LoginThrottle

    try:
        keyfile = KeyFile.load(paths.keyfile)
    except FileNotFoundError:
        return  # no clinic here: `recover_password` says so in its own words
    # Every try counts, a key that is not even the shape of one included.
    with LoginThrottle(paths.throttle).attempt(RECOVERY_GUARD):
        try:
            raw = keys.parse_recovery_key(recovery_key)
        except ValueError as exc:
            raise WrongPassword(f"That is not a recovery key: {exc}.") from None
        keyfile.unlock_with_recovery(raw)
