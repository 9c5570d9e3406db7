"""The clinic's administration: users, providers, appointment types, working hours, clinic
details and settings.

Each method is one use case owning its transaction; it returns plain frozen dataclasses
(never ORM objects) and, for a write, `Done(value, changes)` with the changes already
published on `core.changes`. The lists the Settings screen shows (`users`, `clinic_week`)
are read models built here, not in the GUI.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import logging
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from desktop.app.transactions import Done
from desktop.changes import SETTINGS, Changes
from desktop.errors import OutpostError
from desktop.messages import msg
from desktop.services import clinic as clinic_service
from desktop.services import clinic_setup
from desktop.services import users as user_service
from desktop.services.phones import display_phone
from desktop.settings import Settings, save_settings
from desktop.store import account_keys
from desktop.store.models import AppointmentType, Clinic, Provider, Role, User
from desktop.store.rekey import Progress, RekeyResult

if TYPE_CHECKING:
    from desktop.core import ClinicCore

__all__ = [
    "AdminApi",
    "AppointmentTypeRow",
    "ClinicDetails",
    "ClinicWeek",
    "ProviderRow",
    "RekeyResult",
    "RekeyedNotDisabled",
    "Role",
    "UserRow",
    "Week",
    "Window",
    "format_windows",
    "parse_windows",
]

log = logging.getLogger(__name__)

Window = tuple[dt.time, dt.time]
Week = Mapping[int, tuple[Window, ...]]
"""Working windows by weekday (Monday = 0); a weekday left out is a day off."""


class RekeyedNotDisabled(OutpostError):
    """A disable whose re-key went through but whose account could not then be marked
    disabled. The message carries what the re-key's result says (a new recovery key's text
    included): it is shown once, and the old recovery sheet is already dead."""

    def __init__(self, message: str, result: RekeyResult) -> None:
        super().__init__(message)
        self.result = result


@dataclass(frozen=True)
class UserRow:
    username: str
    display_name: str
    role: Role
    active: bool


@dataclass(frozen=True)
class ProviderRow:
    id: uuid.UUID
    name: str
    title: str
    active: bool

    @property
    def label(self) -> str:
        return f"{self.name} — {self.title}" if self.title else self.name


@dataclass(frozen=True)
class AppointmentTypeRow:
    id: uuid.UUID
    name: str
    duration_minutes: int
    active: bool


@dataclass(frozen=True)
class ClinicWeek:
    """The Clinic tab's read model: providers, their hours, appointment types, opening
    hours."""

    providers: tuple[ProviderRow, ...]
    hours: Mapping[uuid.UUID, Week]
    kinds: tuple[AppointmentTypeRow, ...]
    opening_hours: Week


@dataclass(frozen=True)
class ClinicDetails:
    name: str
    country: str
    timezone: str
    phone: str  # E.164, "" when not known
    phone_display: str  # as the clinic's country writes it
    address: str
    paper_size: str  # "A4" or "Letter"
    code: str
    currency: str = ""  # ISO 4217; "" until an administrator sets it (bills need it)


def _user(u: User) -> UserRow:
    return UserRow(u.username, u.display_name, u.role, u.active)


def _provider(p: Provider) -> ProviderRow:
    return ProviderRow(p.id, p.name, p.title, p.active)


def _kind(t: AppointmentType) -> AppointmentTypeRow:
    return AppointmentTypeRow(t.id, t.name, t.duration_minutes, t.active)


def _week(days: Mapping[int, Sequence[Window]]) -> dict[int, tuple[Window, ...]]:
    return {day: tuple(windows) for day, windows in sorted(days.items()) if windows}


def _details(c: Clinic) -> ClinicDetails:
    return ClinicDetails(
        c.name,
        c.country,
        c.timezone,
        c.phone,
        display_phone(c.phone, c.country),
        c.address,
        c.paper_size,
        c.code,
        c.currency,
    )


class AdminApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx

    # -- users --

    def users(self) -> list[UserRow]:
        return self._tx.read(lambda s: [_user(u) for u in user_service.list_users(s)])

    def add_user(
        self, *, username: str, display_name: str, role: Role, password: str
    ) -> Done[UserRow]:
        core = self._core

        def work(s: Session) -> UserRow:
            return _user(
                user_service.add_user_in(
                    s,
                    core.store,
                    core.actor,
                    username=username.strip(),
                    display_name=display_name,
                    role=role,
                    password=password,
                )
            )

        return self._tx.write(work)

    def change_password(
        self, username: str, new_password: str, *, old_password: str | None = None
    ) -> Done[None]:
        """One's own password (with the current one), or an administrator's reset."""
        core = self._core
        return self._tx.write(
            lambda s: user_service.change_password_in(
                s, core.store, core.actor, username, new_password, old_password=old_password
            )
        )

    def set_user_active(
        self,
        username: str,
        active: bool,
        *,
        password: str | None = None,
        progress: Progress | None = None,
    ) -> Done[RekeyResult | None]:
        """Disable an account, or enable it again with a new password.

        Disabling re-keys the store first (`rekey`), leaving the account's key-file entry
        out, then marks the account disabled: neither the password nor any copy of the key
        file taken before opens the database afterwards. A crash between the two leaves an
        account shown active that can no longer sign in (disable it again); a failed re-key
        changes nothing. `progress` (0..1) follows the re-key; the value is its result."""
        core = self._core
        if active:
            done = self._tx.write(
                lambda s: user_service.set_active_in(
                    s, core.store, core.actor, username, True, password=password
                )
            )
            return Done(None, done.changes)
        self._tx.read(lambda s: user_service.check_can_disable(s, core.actor, username))
        rekeyed = self.rekey(progress=progress, _remove=(username,))
        try:
            done = self._tx.write(
                lambda s: user_service.set_active_in(s, core.store, core.actor, username, False)
            )
        except OutpostError as exc:
            raise _not_disabled(username, rekeyed.value, exc) from exc
        return Done(rekeyed.value, rekeyed.changes | done.changes)

    def accounts_fingerprint(self) -> str | None:
        """The fingerprint of the clinic's signing key for accounts pinned on this laptop
        (desktop.store.account_grants), for people to compare between laptops; None on a
        store from before grants until an administrator signs in."""
        from desktop.store import account_grants

        public = self._tx.read(account_grants.pinned_authority)
        return account_grants.fingerprint(public) if public is not None else None

    def answer_account_change(
        self, attention_id: uuid.UUID, *, approve: bool
    ) -> Done[account_keys.MirrorResult]:
        """An account change from another laptop that this laptop did not accept (no
        administrator's signature it can check; listed as needing attention): approved, it is
        signed here by the clinic's authority, synced, and every laptop's key file follows
        it; refused, it stays without effect here. Administrators only."""
        core = self._core
        done = self._tx.write(
            lambda s: account_keys.answer_account_change_in(
                s, core.store, core.actor, attention_id, approve=approve
            )
        )
        return Done(account_keys.mirror_accounts(core.store), done.changes)

    def rekey(
        self,
        *,
        progress: Progress | None = None,
        reissue_recovery: bool = False,
        _remove: tuple[str, ...] = (),
    ) -> Done[RekeyResult]:
        """A fresh data key for the store (after a key file was lost or stolen, and on every
        disable): the database is re-encrypted, every remaining key-file entry renewed, and
        with `reissue_recovery` a new recovery key issued (its text in the result). Older
        backups keep the keys of their time. Audited."""
        core = self._core
        result = user_service.rekey_store(
            core.store,
            core.actor,
            progress=progress,
            reissue_recovery=reissue_recovery,
            remove_users=_remove,
        )
        try:
            done = self._tx.write(lambda s: user_service.record_rekey(s, core.actor, result))
        except Exception as exc:  # the re-key is done: its result must still reach the person
            # The error's type only: nothing of the records goes into the log.
            log.error(
                "the store was re-keyed but its audit event could not be recorded (%s)",
                type(exc).__name__,
            )
            return Done(result, Changes())
        return Done(result, done.changes)

    def set_role(self, username: str, role: Role) -> Done[None]:
        core = self._core
        return self._tx.write(
            lambda s: user_service.set_role_in(s, core.store, core.actor, username, role)
        )

    # -- providers --

    def providers(self, *, include_inactive: bool = False) -> list[ProviderRow]:
        return self._tx.read(
            lambda s: [
                _provider(p)
                for p in clinic_setup.list_providers(s, include_inactive=include_inactive)
            ]
        )

    def add_provider(
        self, name: str, title: str = "", *, hours: Mapping[int, Sequence[Window]] | None = None
    ) -> Done[ProviderRow]:
        """A new provider; their working hours are `hours`, by default the clinic's opening
        hours (so a new provider can be booked at once)."""
        actor = self._core.actor
        return self._tx.write(
            lambda s: _provider(clinic_setup.add_provider_with_hours(s, actor, name, title, hours))
        )

    def rename_provider(self, provider_id: uuid.UUID, name: str, title: str) -> Done[ProviderRow]:
        actor = self._core.actor
        return self._tx.write(
            lambda s: _provider(clinic_setup.rename_provider(s, actor, provider_id, name, title))
        )

    def set_provider_active(self, provider_id: uuid.UUID, active: bool) -> Done[ProviderRow]:
        actor = self._core.actor
        return self._tx.write(
            lambda s: _provider(clinic_setup.set_provider_active(s, actor, provider_id, active))
        )

    # -- appointment types --

    def appointment_types(self, *, include_inactive: bool = False) -> list[AppointmentTypeRow]:
        return self._tx.read(
            lambda s: [
                _kind(t)
                for t in clinic_setup.list_appointment_types(s, include_inactive=include_inactive)
            ]
        )

    def add_appointment_type(self, name: str, duration_minutes: int) -> Done[AppointmentTypeRow]:
        actor = self._core.actor
        return self._tx.write(
            lambda s: _kind(clinic_setup.add_appointment_type(s, actor, name, duration_minutes))
        )

    def rename_appointment_type(self, type_id: uuid.UUID, name: str) -> Done[AppointmentTypeRow]:
        actor = self._core.actor
        return self._tx.write(
            lambda s: _kind(clinic_setup.change_appointment_type(s, actor, type_id, name=name))
        )

    def set_appointment_type_duration(
        self, type_id: uuid.UUID, duration_minutes: int
    ) -> Done[AppointmentTypeRow]:
        actor = self._core.actor
        return self._tx.write(
            lambda s: _kind(
                clinic_setup.change_appointment_type(
                    s, actor, type_id, duration_minutes=duration_minutes
                )
            )
        )

    def update_appointment_type(
        self, type_id: uuid.UUID, *, name: str | None = None, duration_minutes: int | None = None
    ) -> Done[AppointmentTypeRow]:
        """Rename and/or change the duration in one transaction."""
        actor = self._core.actor
        return self._tx.write(
            lambda s: _kind(
                clinic_setup.change_appointment_type(
                    s, actor, type_id, name=name, duration_minutes=duration_minutes
                )
            )
        )

    def set_appointment_type_active(
        self, type_id: uuid.UUID, active: bool
    ) -> Done[AppointmentTypeRow]:
        actor = self._core.actor
        return self._tx.write(
            lambda s: _kind(clinic_setup.change_appointment_type(s, actor, type_id, active=active))
        )

    # -- working hours --

    def working_hours(self, provider_id: uuid.UUID) -> Week:
        def work(s: Session) -> Week:
            clinic_setup.get_provider(s, provider_id)
            return _week(clinic_setup.week_of(s, provider_id))

        return self._tx.read(work)

    def set_working_hours(
        self, provider_id: uuid.UUID, days: Mapping[int, Sequence[Window]]
    ) -> Done[None]:
        """Replace the weekdays named in `days` (an empty list: a day off), in one
        transaction: either every day is saved or none is. An InvalidInput's `field` is
        "hours:<weekday>"."""
        actor = self._core.actor

        def work(s: Session) -> None:
            from desktop.errors import InvalidInput

            for weekday, windows in sorted(days.items()):
                try:
                    clinic_setup.set_working_hours(s, actor, provider_id, weekday, windows)
                except InvalidInput as exc:
                    raise InvalidInput(exc.args[0], field=f"hours:{weekday}") from exc

        return self._tx.write(work)

    def opening_hours(self) -> Week:
        return self._tx.read(lambda s: _week(clinic_setup.opening_hours(s)))

    def set_opening_hours(self, days: Mapping[int, Sequence[Window]]) -> Done[None]:
        actor = self._core.actor
        return self._tx.write(lambda s: clinic_setup.set_opening_hours(s, actor, days))

    def clinic_week(self, *, include_inactive: bool = False) -> ClinicWeek:
        """Everything the Clinic tab shows, read in one transaction."""

        def work(s: Session) -> ClinicWeek:
            providers = clinic_setup.list_providers(s, include_inactive=include_inactive)
            return ClinicWeek(
                tuple(_provider(p) for p in providers),
                {p.id: _week(clinic_setup.week_of(s, p.id)) for p in providers},
                tuple(
                    _kind(t)
                    for t in clinic_setup.list_appointment_types(
                        s, include_inactive=include_inactive
                    )
                ),
                _week(clinic_setup.opening_hours(s)),
            )

        return self._tx.read(work)

    # -- the clinic's details --

    def clinic(self) -> ClinicDetails:
        return self._tx.read(lambda s: _details(clinic_service.get_clinic(s)))

    def update_clinic(
        self,
        *,
        name: str | None = None,
        phone: str | None = None,
        address: str | None = None,
        paper_size: str | None = None,
        code: str | None = None,
        currency: str | None = None,
    ) -> Done[ClinicDetails]:
        """Change the clinic's details (a value left None stays); printed papers carry them."""
        core = self._core

        def work(s: Session) -> ClinicDetails:
            return _details(
                clinic_service.update_clinic(
                    s,
                    core.actor,
                    name=name,
                    phone=phone,
                    address=address,
                    paper_size=paper_size,
                    code=code,
                    currency=currency,
                )
            )

        done = self._tx.write(work)
        core.clinic_name = done.value.name
        return done

    # -- this laptop's settings (settings.json, not the database) --

    def settings(self) -> Settings:
        """A copy of the settings in use (edit it, then `save_settings`)."""
        return copy.deepcopy(self._core.settings)

    def save_settings(self, settings: Settings) -> Done[Settings]:
        """Validate and write settings.json, put them in use, and announce SETTINGS."""
        core = self._core
        saved = copy.deepcopy(settings)
        save_settings(core.paths.settings, saved)
        # In place: whoever holds the settings object (the backups) sees the new values.
        for f in dataclasses.fields(Settings):
            setattr(core.settings, f.name, getattr(saved, f.name))
        changes = Changes.of(SETTINGS)
        core.changes.publish(changes)
        return Done(copy.deepcopy(core.settings), changes)


def _not_disabled(username: str, result: RekeyResult, exc: OutpostError) -> RekeyedNotDisabled:
    """The error for a disable that re-keyed the store but could not mark the account."""
    parts: list[str] = [
        msg(
            "The clinic's key was changed, so {username} can no longer open the records, but "
            "the account could not then be marked disabled ({reason}). Disable {username} "
            "again once that is put right.",
            username=username,
            reason=str(exc).rstrip("."),
        )
    ]
    if result.recovery_key:
        parts.append(
            msg(
                "NEW RECOVERY KEY: {key}. Write it down or print it now: it is shown only "
                "once, and the old recovery sheet no longer opens the store.",
                key=result.recovery_key,
            )
        )
    advice = RekeyResult(result.dropped_users, None, result.removed_entries).advice
    if advice:
        parts.append(advice)
    return RekeyedNotDisabled(" ".join(parts), result)


# -- working hours as typed: "08:00–13:00, 14:00–17:00" ---------------------------------------

_WINDOW = re.compile(r"^\s*(\d{1,2})[:.h](\d{2})\s*[-–—]\s*(\d{1,2})[:.h](\d{2})\s*$")


def parse_windows(text: str) -> list[Window]:
    """ "08:00-13:00, 14:00-17:00" → [(08:00, 13:00), (14:00, 17:00)]; "" → [] (a day off).
    InvalidInput (field "hours") for a part that is not a time range."""
    from desktop.errors import InvalidInput
    from desktop.messages import msg

    windows = []
    for part in filter(None, (p.strip() for p in re.split(r"[,;]", text))):
        match = _WINDOW.match(part)
        try:
            if not match:
                raise ValueError(part)
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            windows.append((dt.time(h1, m1), dt.time(h2, m2)))
        except ValueError:
            raise InvalidInput(
                msg("“{part}” is not a time range: write it like 08:00–13:00.", part=part),
                field="hours",
            ) from None
    return windows


def format_windows(windows: Sequence[Window]) -> str:
    return ", ".join(f"{s:%H:%M}–{e:%H:%M}" for s, e in windows)
