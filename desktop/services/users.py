"""People who sign in to Outpost, their roles, and their passwords.

A user's row lives in the database; their password opens only their entry in the key file,
which holds the data key sealed to it. Setting a password gives the account a new key pair
on its record, which syncs, so every laptop of the clinic gives it an entry
(desktop.store.account_keys). Disabling a user re-keys the store without that entry
(desktop.store.rekey): a fresh data key, the database re-encrypted, every remaining entry
renewed, so neither the password nor a copy of keys.json taken before opens it again.
After a key file is lost or stolen, `rekey_store` (`outpost rekey`) does the same for all.
Backups made before keep the keys of their time.

These functions are the internals of `desktop.app.admin.AdminApi`, which owns the
transaction; the key file is written last inside it, so a key file that cannot be written
rolls the database change back with it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from desktop.messages import msg
from desktop.passwords import check_password
from desktop.permissions import Actor, Permission
from desktop.services import audit
from desktop.services.clinic import validate_username
from desktop.store.account_grants import sign_account
from desktop.store.account_keys import set_account_password
from desktop.store.models import Role, User
from desktop.store.rekey import Progress, RekeyResult, rekey
from desktop.store.store import Store
from desktop.store.throttle import LoginThrottle


def list_users(session: Session) -> Sequence[User]:
    return session.scalars(
        select(User).where(User.deleted.is_(False)).order_by(User.username)
    ).all()


def get_user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username, User.deleted.is_(False)))
    if user is None:
        raise NotFound(msg("There is no user called {username}.", username=username))
    return user


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise InvalidInput(
            f"{text!r} is not a role: choose one of {choices}.", field="role"
        ) from None


def _active_admins(session: Session) -> list[User]:
    return [u for u in list_users(session) if u.role is Role.ADMIN and u.active]


# -- inside a transaction the caller owns --------------------------------------------------


def add_user_in(
    session: Session,
    store: Store,
    actor: Actor,
    *,
    username: str,
    display_name: str,
    role: Role,
    password: str,
) -> User:
    actor.require(Permission.MANAGE_USERS)
    validate_username(username)
    check_password(password, username=username)
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise Conflict(
            msg("A user called {username} already exists (perhaps disabled).", username=username)
        )
    user = User(
        clinic_id=actor.clinic_id,
        username=username,
        display_name=display_name.strip() or username,
        role=role,
    )
    session.add(user)
    session.flush()
    set_account_password(session, store, user, password)
    return user


def change_password_in(
    session: Session,
    store: Store,
    actor: Actor,
    username: str,
    new_password: str,
    *,
    old_password: str | None,
) -> None:
    """Users change their own password (with the old one); administrators reset anyone's."""
    if username == actor.username:
        if old_password is None:
            raise InvalidInput(
                msg("Give your current password to change it."), field="old_password"
            )
        # Throttled like signing in: this is a guess at the same password.
        with LoginThrottle(store.paths.throttle).attempt(username):
            store.keyfile.unlock_with_password(username, old_password)  # WrongPassword if not
    else:
        actor.require(Permission.MANAGE_USERS)
    user = get_user(session, username)
    if not user.active:
        raise PermissionDenied(
            msg("{username} is disabled; enable the account first.", username=username)
        )
    check_password(new_password, username=username)
    set_account_password(session, store, user, new_password)


def check_can_disable(session: Session, actor: Actor, username: str) -> User:
    """The user, when `actor` may disable them (PermissionDenied, NotFound otherwise)."""
    actor.require(Permission.MANAGE_USERS)
    if username == actor.username:
        raise PermissionDenied(msg("You cannot disable your own account while signed in with it."))
    user = get_user(session, username)
    if user.role is Role.ADMIN and user.active and len(_active_admins(session)) <= 1:
        raise PermissionDenied(msg("This is the last administrator; it cannot be disabled."))
    return user


def set_active_in(
    session: Session,
    store: Store,
    actor: Actor,
    username: str,
    active: bool,
    *,
    password: str | None = None,
) -> None:
    actor.require(Permission.MANAGE_USERS)
    user = (
        check_can_disable(session, actor, username) if not active else get_user(session, username)
    )
    user.active = active
    session.flush()
    if active:
        if password is None:
            raise InvalidInput(
                msg("Set a new password to re-enable the account."), field="password"
            )
        check_password(password, username=username)
        set_account_password(session, store, user, password)
    else:
        sign_account(session, store, user)
        store.remove_password(username)


def set_role_in(session: Session, store: Store, actor: Actor, username: str, role: Role) -> None:
    actor.require(Permission.MANAGE_USERS)
    user = get_user(session, username)
    if user.role is Role.ADMIN and role is not Role.ADMIN and len(_active_admins(session)) <= 1:
        raise PermissionDenied(msg("This is the last administrator; keep at least one."))
    user.role = role
    session.flush()
    sign_account(session, store, user)


# -- re-keying (outside any transaction: the database is re-encrypted) --------------------


def rekey_store(
    store: Store,
    actor: Actor,
    *,
    progress: Progress | None = None,
    reissue_recovery: bool = False,
    remove_users: Collection[str] = (),
) -> RekeyResult:
    """A fresh data key for the store, without the slots of `remove_users`; administrators
    only."""
    actor.require(Permission.MANAGE_USERS)
    return rekey(
        store, progress=progress, reissue_recovery=reissue_recovery, remove_users=remove_users
    )


def record_rekey(session: Session, actor: Actor, result: RekeyResult) -> None:
    audit.record(
        session,
        actor,
        "rekey",
        "store",
        None,
        dropped=", ".join(result.dropped_users),
        recovery_key="reissued" if result.recovery_key else "kept",
    )
