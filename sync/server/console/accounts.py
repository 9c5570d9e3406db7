"""HQ accounts as the console manages them: signing in (through `store.verify_admin`,
whose lockout after repeated failures holds across workers), adding, disabling and
enabling, changing passwords. The accounts are the ones `outpost-hq init --admin` makes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.protocol import LIMITS
from sync.server import passwords, store
from sync.server.models import Admin

ROLES = {"admin": "Administrator", "viewer": "Viewer (looks only)"}
MIN_PASSWORD = 8
MAX_PASSWORD = 1024


class AccountError(Exception):
    """A refusal with a message for a person."""


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    role: str
    active: bool
    created_at_ms: int
    last_sign_in_at_ms: int | None

    @property
    def role_text(self) -> str:
        return ROLES.get(self.role, self.role)


def _account(a: Admin) -> Account:
    return Account(a.id, a.name, a.role, a.active, a.created_at_ms, a.last_sign_in_at_ms)


def list_accounts(session: Session) -> list[Account]:
    return [_account(a) for a in session.scalars(select(Admin).order_by(Admin.name_key))]


def get(session: Session, admin_id: int) -> Account | None:
    found = session.get(Admin, admin_id)
    return _account(found) if found is not None else None


class SignIn:
    """What a sign-in attempt came to."""

    OK = "ok"
    WRONG = "wrong"  # unknown name or wrong password (never told apart)
    LOCKED = "locked"  # too many failures for this account
    DISABLED = "disabled"  # right password, disabled account


def sign_in(session: Session, name: str, password: str, now_ms: int) -> tuple[str, Admin | None]:
    ok = store.verify_admin(session, name, password, now_ms)
    admin = session.scalar(select(Admin).where(Admin.name_key == store.name_key(name)))
    if not ok:
        locked = admin is not None and (admin.locked_until_ms or 0) > now_ms
        return (SignIn.LOCKED if locked else SignIn.WRONG), None
    assert admin is not None
    if not admin.active:
        return SignIn.DISABLED, None
    admin.last_sign_in_at_ms = now_ms
    return SignIn.OK, admin


def check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > LIMITS.name_chars:
        raise AccountError(f"An account's name has 1 to {LIMITS.name_chars} characters.")
    return name


def check_new_password(password: str, again: str) -> str:
    if password != again:
        raise AccountError("The two new passwords differ; nothing was changed.")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"A password needs at least {MIN_PASSWORD} characters.")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"A password has at most {MAX_PASSWORD} characters.")
    return password


def add(session: Session, name: str, password: str, role: str, now_ms: int) -> Account:
    if role not in ROLES:
        raise AccountError("Choose the new account's role.")
    name = check_name(name)
    if not store.add_admin(session, name, password, now_ms):
        raise AccountError(f"An account named {name} exists already; nothing was changed.")
    admin = session.scalar(select(Admin).where(Admin.name_key == store.name_key(name)))
    assert admin is not None
    admin.role = role
    admin.active = True
    session.flush()
    return _account(admin)


def set_active(session: Session, admin_id: int, active: bool, *, by: int) -> Account:
    admin = session.get(Admin, admin_id, with_for_update=True)
    if admin is None:
        raise AccountError("HQ has no such account.")
    if not active:
        if admin_id == by:
            raise AccountError("You cannot disable your own account: ask another administrator.")
        others = session.scalar(
            select(func.count())
            .select_from(Admin)
            .where(Admin.active.is_(True), Admin.role == "admin", Admin.id != admin_id)
        )
        if admin.role == "admin" and not others:
            raise AccountError("This is the last active administrator: it cannot be disabled.")
    admin.active = active
    return _account(admin)


def confirm_password(session: Session, admin_id: int, password: str) -> bool:
    """The signed-in person's own password, asked again before a password change."""
    admin = session.get(Admin, admin_id)
    return admin is not None and passwords.verify_password(password, admin.password_hash)


def set_password(session: Session, admin_id: int, password: str) -> Account:
    admin = session.get(Admin, admin_id, with_for_update=True)
    if admin is None:
        raise AccountError("HQ has no such account.")
    admin.password_hash = passwords.hash_password(password)
    admin.failed_attempts = 0
    admin.locked_until_ms = None
    return _account(admin)
