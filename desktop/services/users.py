"""People who sign in to Outpost, their roles, and their passwords.

A user's row lives in the database; their password lives only as a wrapped copy of the data
key in the key file. Disabling a user removes that wrapped key, so the password stops
opening the store. (A copy of keys.json taken *before* that still holds it: after a laptop
or key file is lost, change every password and print a new recovery key.)
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from desktop.passwords import check_password
from desktop.permissions import Actor, Permission
from desktop.services.clinic import validate_username
from desktop.store.models import Role, User
from desktop.store.store import Store


def list_users(session: Session) -> Sequence[User]:
    return session.scalars(
        select(User).where(User.deleted.is_(False)).order_by(User.username)
    ).all()


def get_user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username, User.deleted.is_(False)))
    if user is None:
        raise NotFound(f"There is no user called {username}.")
    return user


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise InvalidInput(
            f"{text!r} is not a role: choose one of {choices}.", field="role"
        ) from None


def add_user(
    store: Store, actor: Actor, *, username: str, display_name: str, role: Role, password: str
) -> User:
    actor.require(Permission.MANAGE_USERS)
    validate_username(username)
    check_password(password, username=username)
    with store.session(actor) as session, session.begin():
        if session.scalar(select(User).where(User.username == username)) is not None:
            raise Conflict(f"A user called {username} already exists (perhaps disabled).")
        user = User(
            clinic_id=actor.clinic_id,
            username=username,
            display_name=display_name.strip() or username,
            role=role,
        )
        session.add(user)
        session.flush()
        # The key file is written last inside the transaction: if it cannot be written,
        # the user row rolls back with it.
        store.set_password(username, password)
    return user


def change_password(
    store: Store, actor: Actor, username: str, new_password: str, *, old_password: str | None
) -> None:
    """Users change their own password (with the old one); administrators reset anyone's."""
    if username == actor.username:
        if old_password is None:
            raise InvalidInput("Give your current password to change it.", field="old_password")
        store.keyfile.unlock_with_password(username, old_password)  # WrongPassword if not
    else:
        actor.require(Permission.MANAGE_USERS)
    with store.session(actor) as session:
        user = get_user(session, username)
        if not user.active:
            raise PermissionDenied(f"{username} is disabled; enable the account first.")
    store.set_password(username, new_password)


def set_active(
    store: Store, actor: Actor, username: str, active: bool, *, password: str | None = None
) -> None:
    actor.require(Permission.MANAGE_USERS)
    if username == actor.username and not active:
        raise PermissionDenied("You cannot disable your own account while signed in with it.")
    with store.session(actor) as session, session.begin():
        user = get_user(session, username)
        if not active and user.role is Role.ADMIN:
            admins = [u for u in list_users(session) if u.role is Role.ADMIN and u.active]
            if len(admins) <= 1:
                raise PermissionDenied("This is the last administrator; it cannot be disabled.")
        user.active = active
        if active:
            if password is None:
                raise InvalidInput("Set a new password to re-enable the account.", field="password")
            check_password(password, username=username)
            store.set_password(username, password)
        else:
            store.remove_password(username)


def set_role(store: Store, actor: Actor, username: str, role: Role) -> None:
    actor.require(Permission.MANAGE_USERS)
    with store.session(actor) as session, session.begin():
        user = get_user(session, username)
        if user.role is Role.ADMIN and role is not Role.ADMIN:
            admins = [u for u in list_users(session) if u.role is Role.ADMIN and u.active]
            if len(admins) <= 1:
                raise PermissionDenied("This is the last administrator; keep at least one.")
        user.role = role
