"""Account changes signed by the clinic: a laptop mirrors only what an administrator made.

Every laptop gives an account it learns of by sync a key-file entry (desktop.store.account_keys).
Without more, anyone who can push a change to HQ (one device's token, a hostile relay, HQ
itself) could put key material for a password of their choosing on the administrator's
record, and sign in as the administrator on every laptop. So each `users` record carries a
*grant* (`account_grant`), and a laptop acts on a record only when the grant checks:

- the clinic has one **authority**, an Ed25519 key pair made with its first administrator
  (`found_authority`). Its public key is pinned in every laptop's store_meta
  (AUTHORITY_META); its private key is sealed to each administrator's account key and rides
  in that administrator's grant, so an administrator's laptop holds it while they are signed
  in (`Store.authority`) and nobody else ever does;
- every change an administrator makes to an account (created, role, disabled or enabled, a
  password set or reset) is signed by the authority over the account's name, role, state and
  key (`sign_account`);
- a user changing their own password is no administrator: the new key is signed by the
  account's previous key (each account key has an Ed25519 half derived from its X25519
  private key), a link appended to the grant. The next administrator to sign in on any
  laptop signs the account again and the chain starts over; at most MAX_CHAIN links;
- a change made here without the authority (a password recovered with this laptop's
  recovery key, a store from before grants) is trusted *here*: each laptop remembers the last
  account states it accepted (TRUSTED_META) and acts on those;
- a record whose grant does not check (forged, or two administrators' edits merged field by
  field) changes nothing here: its key-file entry stays as it was, sign-in takes the role
  last accepted, and the record goes to "needs attention" for an administrator to approve
  (signing it) or leave refused.

The authority pinned on a laptop set up from HQ is the one that signed the account setting it
up: the set-up trusts HQ to be the clinic's (it trusts HQ's enrolment code already). A store
from before grants pins its authority at the first administrator's sign-in after the update.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import time
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from desktop.store import keys, slots
from desktop.store.models import Meta, NeedsAttention, Role, User

if TYPE_CHECKING:
    from desktop.store.store import Store

log = logging.getLogger(__name__)

AUTHORITY_META = "accounts.authority"  # the clinic authority's public key, base64
TRUSTED_META = "accounts.trusted"  # {user id: the account state last accepted here}
GRANT_VERSION = 1
MAX_CHAIN = 8  # own password changes in a row before an administrator signs the account again
UNSIGNED_ACCOUNT = "unsigned_account"  # the needs-attention reason
SIGNED = "signed"  # its resolution: an administrator signed the account (this one or a newer)
CHANGED_HERE = "changed_here"  # ... the account was changed on this laptop since
REFUSED_HERE = "refused_here"  # ... an administrator left the change refused
_SIGNING_INFO = b"outpost account signing key v1"
_MAX_TEXT = 200


# --- what a grant vouches for ---------------------------------------------------------------


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def wrapped_digest(key_wrapped: Any) -> str:
    """A digest of the wrapped private key (the grant names it instead of carrying it)."""
    return hashlib.sha256(_canonical(key_wrapped)).hexdigest()


@dataclass(frozen=True)
class AccountState:
    """What of a `users` record decides who may sign in, and with which rights."""

    user_id: uuid.UUID
    username: str
    role: str
    active: bool
    deleted: bool
    key_public: Mapping[str, Any] | None
    key_wrapped: Mapping[str, Any] | None
    # The newest clock stamp among these fields as merged here (not part of the state): a
    # grant older than it vouches for values that came later, which is an old grant
    # replayed with newer stamps to win the merge.
    stamp: str = ""

    @classmethod
    def of(cls, user: User) -> AccountState:
        return cls(
            user.id,
            user.username,
            Role(user.role).value,
            bool(user.active),
            bool(user.deleted),
            user.key_public,
            user.key_wrapped,
            newest_stamp(user.field_hlcs),
        )

    @property
    def live(self) -> bool:
        return self.active and not self.deleted

    def digest(self) -> str:
        return hashlib.sha256(
            _canonical(
                {
                    "user": str(self.user_id),
                    "username": self.username,
                    "role": self.role,
                    "active": self.active,
                    "deleted": self.deleted,
                    "key": self.key_public,
                    "wrapped": wrapped_digest(self.key_wrapped),
                }
            )
        ).hexdigest()

    def trusted_json(self, at: str) -> dict[str, Any]:
        return {
            "digest": self.digest(),
            "at": at,
            "key": wrapped_digest(self.key_wrapped),
            "username": self.username,
            "role": self.role,
            "active": self.active,
            "deleted": self.deleted,
        }


SECURITY_FIELDS = ("username", "role", "active", "deleted", "key_public", "key_wrapped")


def newest_stamp(field_hlcs: Any) -> str:
    if not isinstance(field_hlcs, Mapping):
        return ""
    found = [str(field_hlcs[k]) for k in SECURITY_FIELDS if isinstance(field_hlcs.get(k), str)]
    return max(found, default="")


def _authority_statement(
    clinic_id: uuid.UUID, state: AccountState, key: Any, wrapped: str, at: str
) -> bytes:
    return _canonical(
        {
            "t": "outpost-account-grant-v1",
            "at": at,
            "clinic": str(clinic_id),
            "user": str(state.user_id),
            "username": state.username,
            "role": state.role,
            "active": state.active,
            "deleted": state.deleted,
            "key": key,
            "wrapped": wrapped,
        }
    )


def _link_statement(
    clinic_id: uuid.UUID, state: AccountState, key: Any, wrapped: str, at: str
) -> bytes:
    return _canonical(
        {
            "t": "outpost-account-rotate-v1",
            "at": at,
            "clinic": str(clinic_id),
            "user": str(state.user_id),
            "username": state.username,
            "key": key,
            "wrapped": wrapped,
        }
    )


def _sealed_aad(clinic_id: uuid.UUID, user_id: uuid.UUID) -> bytes:
    return f"outpost-authority/v1/{clinic_id}/{user_id}".encode()


# --- keys ---------------------------------------------------------------------------------


def signing_key(account_private: bytes) -> Ed25519PrivateKey:
    """The Ed25519 half of an account key, derived from its X25519 private key."""
    seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_SIGNING_INFO).derive(
        account_private
    )
    return Ed25519PrivateKey.from_private_bytes(seed)


def public_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def private_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def _verifies(public: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def _b64(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


def _unb64(raw: Any, size: int) -> bytes:
    if not isinstance(raw, str) or len(raw) > _MAX_TEXT:
        raise ValueError("not text")
    value = base64.b64decode(raw.encode("ascii"), validate=True)
    if len(value) != size:
        raise ValueError("wrong length")
    return value


# --- the grant's shape ----------------------------------------------------------------------


def grant_problem(value: Any) -> str | None:
    """What is wrong with the shape of a record's `account_grant` (the users spec's check),
    or None. Whether it is genuine is `verify`'s question."""
    if not isinstance(value, Mapping):
        return "the account's grant is not one"
    if set(value) - {"v", "authority", "sig", "base", "chain", "sealed", "at"}:
        return "the account's grant has fields Outpost does not know"
    if type(value.get("v")) is not int or value.get("v") != GRANT_VERSION:
        return "the account's grant is of a version Outpost does not know"
    try:
        _stamp(value.get("at"))
        _unb64(value.get("authority"), 32)
        _unb64(value.get("sig"), 64)
        _link_parts(value.get("base"), signed=False)
        chain = value.get("chain", [])
        if not isinstance(chain, list) or len(chain) > MAX_CHAIN:
            return "the account's grant has too many links"
        for link in chain:
            _link_parts(link, signed=True)
        sealed = value.get("sealed")
        if sealed is not None:
            if not isinstance(sealed, Mapping) or set(sealed) != {"eph", "nonce", "box"}:
                return "the account's grant holds a sealed key that is not one"
            _unb64(sealed["eph"], 32)
            _unb64(sealed["nonce"], keys.NONCE_BYTES)
            _unb64(sealed["box"], 48)
    except (ValueError, TypeError, KeyError, UnicodeEncodeError):
        return "the account's grant is malformed"
    return None


def _stamp(raw: Any) -> str:
    # A clock stamp (desktop.hlc): digits, dashes and hex; it only has to sort.
    if not isinstance(raw, str) or not 0 < len(raw) <= 40 or not raw.isascii():
        raise ValueError("not a stamp")
    return raw


def _link_parts(raw: Any, *, signed: bool) -> tuple[Mapping[str, Any], str, bytes | None]:
    expected = {"key", "wrapped", "sig", "at"} if signed else {"key", "wrapped"}
    if not isinstance(raw, Mapping) or set(raw) != expected:
        raise ValueError("not a link")
    if signed:
        _stamp(raw["at"])
    key, wrapped = raw["key"], raw["wrapped"]
    if not isinstance(key, Mapping) or len(_canonical(key)) > 4 * _MAX_TEXT:
        raise ValueError("not a key")
    if not isinstance(wrapped, str) or len(wrapped) != 64:
        raise ValueError("not a digest")
    return key, wrapped, _unb64(raw["sig"], 64) if signed else None


def _sign_public(key_public: Mapping[str, Any]) -> bytes | None:
    try:
        return _unb64(key_public.get("sign"), 32)
    except ValueError:
        return None


# --- making grants ----------------------------------------------------------------------------


def authority_grant(
    authority: Ed25519PrivateKey, clinic_id: uuid.UUID, state: AccountState, at: str
) -> dict[str, Any]:
    """The authority's grant of `state` at clock stamp `at`; an active administrator's
    carries the authority's private key sealed to the account's key."""
    wrapped = wrapped_digest(state.key_wrapped)
    grant: dict[str, Any] = {
        "v": GRANT_VERSION,
        "at": at,
        "authority": _b64(public_bytes(authority)),
        "sig": _b64(
            authority.sign(_authority_statement(clinic_id, state, state.key_public, wrapped, at))
        ),
        "base": {"key": state.key_public, "wrapped": wrapped},
        "chain": [],
    }
    if state.role == "admin" and state.live and state.key_public is not None:
        try:
            recipient = _unb64(state.key_public.get("key"), 32)
        except ValueError:
            return grant
        try:
            eph, nonce, box = slots.seal(
                recipient, private_bytes(authority), _sealed_aad(clinic_id, state.user_id)
            )
        except ValueError:  # not a usable public key (a small-order point): nothing sealed
            return grant
        grant["sealed"] = {"eph": _b64(eph), "nonce": _b64(nonce), "box": _b64(box)}
    return grant


def rotation_grant(
    previous: Mapping[str, Any],
    old_private: bytes,
    clinic_id: uuid.UUID,
    state: AccountState,
    at: str,
) -> dict[str, Any] | None:
    """`previous` with a link for `state`'s new key, signed by the account's old key (its
    own password change); None when that cannot make a grant that checks (the chain is full,
    or the old grant was not of this key)."""
    chain = list(previous.get("chain") or [])
    if len(chain) >= MAX_CHAIN:
        return None
    wrapped = wrapped_digest(state.key_wrapped)
    signer = signing_key(old_private)
    link = {
        "key": state.key_public,
        "wrapped": wrapped,
        "at": at,
        "sig": _b64(signer.sign(_link_statement(clinic_id, state, state.key_public, wrapped, at))),
    }
    grant = {k: v for k, v in previous.items() if k != "sealed"}
    grant["chain"] = [*chain, link]
    return grant


# --- checking grants ----------------------------------------------------------------------------


def verify(grant: Any, state: AccountState, authority_public: bytes, clinic_id: uuid.UUID) -> bool:
    """True when `grant` is the clinic authority's word for exactly `state`."""
    if grant is None or grant_problem(grant) is not None:
        return False
    if _unb64(grant["authority"], 32) != authority_public:
        return False
    base_key, base_wrapped, _ = _link_parts(grant["base"], signed=False)
    statement = _authority_statement(
        clinic_id, state, base_key, base_wrapped, str(grant.get("at", ""))
    )
    if not _verifies(authority_public, _unb64(grant["sig"], 64), statement):
        return False
    key, wrapped = base_key, base_wrapped
    for raw in grant.get("chain", []):
        next_key, next_wrapped, signature = _link_parts(raw, signed=True)
        signer = _sign_public(key)
        assert signature is not None
        link = _link_statement(clinic_id, state, next_key, next_wrapped, str(raw["at"]))
        if signer is None or not _verifies(signer, signature, link):
            return False
        key, wrapped = next_key, next_wrapped
    if granted_at(grant) < state.stamp:
        return False  # signed before the values it stands beside were written: replayed
    return _canonical(key) == _canonical(state.key_public) and wrapped == wrapped_digest(
        state.key_wrapped
    )


def open_authority(
    grant: Any, account_private: bytes, clinic_id: uuid.UUID, user_id: uuid.UUID
) -> Ed25519PrivateKey | None:
    """The authority's private key from an administrator's grant, with their account's
    private key; None when it holds none, or one that is not of the grant's authority."""
    if not isinstance(grant, Mapping) or grant_problem(grant) is not None:
        return None
    return open_sealed(
        grant.get("sealed"), account_private, clinic_id, user_id, _unb64(grant["authority"], 32)
    )


def open_sealed(
    sealed: Any,
    account_private: bytes,
    clinic_id: uuid.UUID,
    user_id: uuid.UUID,
    authority_public: bytes,
) -> Ed25519PrivateKey | None:
    """The authority's private key sealed to an administrator's account key; None when it is
    not there or not `authority_public`'s."""
    if not isinstance(sealed, Mapping):
        return None
    try:
        raw = slots.unseal(
            account_private,
            _unb64(sealed["eph"], 32),
            _unb64(sealed["nonce"], keys.NONCE_BYTES),
            _unb64(sealed["box"], 48),
            _sealed_aad(clinic_id, user_id),
        )
        authority = Ed25519PrivateKey.from_private_bytes(raw)
    except (keys.UnwrapFailed, ValueError, KeyError, TypeError):
        return None
    if public_bytes(authority) != authority_public:
        return None
    return authority


def granted_at(grant: Any) -> str:
    """When the grant's last word was given (its newest link's stamp, else its own)."""
    if not isinstance(grant, Mapping):
        return ""
    chain = grant.get("chain") or []
    last = chain[-1] if chain and isinstance(chain[-1], Mapping) else grant
    at = last.get("at")
    return at if isinstance(at, str) else ""


MAX_AHEAD_MS = 24 * 3600 * 1000  # a grant stamped further ahead of this laptop's clock


def _far_ahead(at: str) -> bool:
    try:
        wall = int(at[:15])
    except ValueError:
        return True
    return wall > int(time.time() * 1000) + MAX_AHEAD_MS


def grant_authority(grant: Any) -> bytes | None:
    """The authority a grant claims (not checked)."""
    if not isinstance(grant, Mapping) or grant_problem(grant) is not None:
        return None
    return _unb64(grant["authority"], 32)


# --- what this laptop pins and trusts (store_meta, inside the encrypted database) ----------


def pinned_authority(session: Session) -> bytes | None:
    row = session.get(Meta, AUTHORITY_META)
    if row is None:
        return None
    try:
        return _unb64(row.value, 32)
    except ValueError:
        log.warning("the pinned clinic authority is damaged; no account change is accepted")
        return b"\0" * 32  # verifies nothing


def fingerprint(public: bytes) -> str:
    """The authority's public key as people compare it between laptops: 4 groups of 4."""
    digest = hashlib.sha256(b"outpost clinic authority\0" + public).hexdigest()[:16]
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def pin_authority(session: Session, public: bytes) -> None:
    row = session.get(Meta, AUTHORITY_META)
    if row is None:
        session.add(Meta(key=AUTHORITY_META, value=_b64(public)))
    else:
        row.value = _b64(public)


def trusted_states(session: Session) -> dict[str, dict[str, Any]]:
    row = session.get(Meta, TRUSTED_META)
    if row is None:
        return {}
    try:
        found = json.loads(row.value)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def trust(session: Session, states: Iterable[tuple[AccountState, str]]) -> None:
    """Remember `states` as the ones this laptop accepted, in the caller's transaction. A
    store from before grants (no authority, nothing trusted) first trusts every account it
    holds: what it held then is what it mirrored then."""
    known = trusted_states(session)
    if not known and pinned_authority(session) is None:
        users = session.scalars(
            select(User).options(
                undefer(User.key_public), undefer(User.key_wrapped), undefer(User.account_grant)
            )
        )
        known = {str(u.id): AccountState.of(u).trusted_json("") for u in users}
    for state, at in states:
        entry = state.trusted_json(at)
        # An administrator's sealed authority, as accepted: it still opens for them when a
        # later record of theirs is one this laptop does not accept (`open_authority`).
        grant = session.scalar(select(User.account_grant).where(User.id == state.user_id))
        if isinstance(grant, Mapping) and isinstance(grant.get("sealed"), Mapping):
            entry["sealed"] = dict(grant["sealed"])
        known[str(state.user_id)] = entry
    text = json.dumps(known, sort_keys=True)
    row = session.get(Meta, TRUSTED_META)
    if row is None:
        session.add(Meta(key=TRUSTED_META, value=text))
    elif row.value != text:
        row.value = text


def is_accepted(
    state: AccountState,
    grant: Any,
    *,
    authority: bytes | None,
    trusted: Mapping[str, Mapping[str, Any]],
    clinic_id: uuid.UUID,
) -> bool:
    """True when this laptop may act on `state`: its grant checks against the pinned
    authority, or it is exactly the state this laptop last accepted."""
    known = trusted.get(str(state.user_id))
    if known is not None and known.get("digest") == state.digest():
        return True
    if authority is None or not verify(grant, state, authority, clinic_id):
        return False
    if _far_ahead(granted_at(grant)):
        return False  # a stamp chosen to outrank every later change
    if known is None:
        return True
    # Signed, but not older than what was accepted here: an old state replayed (a key of a
    # password since changed, an account since disabled) is signed too.
    accepted_at = str(known.get("at") or "")
    if granted_at(grant) <= accepted_at:
        return False
    # Own password changes must descend from the key accepted here, unless an administrator
    # signed the base after it: a link from an older key is someone holding an old password.
    chain = grant.get("chain") or []
    if not chain or str(grant.get("at") or "") > accepted_at or not known.get("key"):
        return True
    keys_seen = [grant["base"]["wrapped"], *(link["wrapped"] for link in chain[:-1])]
    return known["key"] in keys_seen


def effective_role(
    session: Session, user: User, clinic_id: uuid.UUID, username: str | None = None
) -> tuple[str, bool] | None:
    """(role, live) to sign `user` in with: the record's when this laptop accepts it, else
    the state last accepted here; None when neither (the account's every state here is
    waiting for an administrator)."""
    authority = pinned_authority(session)
    trusted = trusted_states(session)
    if authority is None and not trusted:
        return Role(user.role).value, bool(
            user.active
        ) and not user.deleted  # a store before grants
    state = AccountState.of(user)
    if is_accepted(
        state, user.account_grant, authority=authority, trusted=trusted, clinic_id=clinic_id
    ):
        return state.role, state.live
    known = trusted.get(str(user.id))
    if known is None or (username is not None and known.get("username") != username):
        return None  # (a name given to this record by a change not accepted here)
    return str(known.get("role")), known.get("active") is True and known.get("deleted") is False


# --- signing changes made on this laptop ----------------------------------------------------


def sign_account(
    session: Session,
    store: Store,
    user: User,
    *,
    old_private: bytes | None = None,
) -> None:
    """Inside the caller's transaction, after `user`'s record changed here: its grant, by the
    authority when this laptop holds it (an administrator is signed in), else by the account's
    old key (`old_private`: its own password change), else none (its state is trusted here
    only). This laptop trusts the new state either way: it made it."""
    session.flush()
    state = AccountState.of(user)
    clinic_id = store.clinic_id
    grant: dict[str, Any] | None = None
    at = store.clock.now().encode()
    if store.authority is not None:
        grant = authority_grant(store.authority, clinic_id, state, at)
    elif old_private is not None and isinstance(user.account_grant, Mapping):
        grant = rotation_grant(user.account_grant, old_private, clinic_id, state, at)
        authority = pinned_authority(session)
        if grant is not None and (
            authority is None or not verify(grant, state, authority, clinic_id)
        ):
            grant = None
    user.account_grant = grant
    trust(session, [(state, at)])
    resolve_attention(session, user.id, SIGNED if grant is not None else CHANGED_HERE)


def found_authority(session: Session, store: Store) -> Ed25519PrivateKey:
    """Make the clinic's authority (its first administrator's store, or a store from before
    grants), pin it and hold it for this sign-in."""
    authority = Ed25519PrivateKey.generate()
    pin_authority(session, public_bytes(authority))
    store.authority = authority
    log.info("made the clinic's authority for account changes")
    return authority


# --- needs attention --------------------------------------------------------------------------


def note_unaccepted(session: Session, clinic_id: uuid.UUID, user: User) -> bool:
    """A needs-attention item for an account record this laptop does not accept (once per
    state of it); True when a new item was written."""
    state = AccountState.of(user)
    digest = state.digest()
    known = trusted_states(session).get(str(user.id))
    key_changed = known is None or known.get("key") != wrapped_digest(state.key_wrapped)
    open_items = session.scalars(
        select(NeedsAttention).where(
            NeedsAttention.entity == "users",
            NeedsAttention.entity_id == user.id,
            NeedsAttention.reason == UNSIGNED_ACCOUNT,
        )
    ).all()
    for item in open_items:
        if isinstance(item.remote_value, Mapping) and item.remote_value.get("digest") == digest:
            return False  # already listed (or already refused by a person)
        if item.resolved_at is None:
            session.delete(item)  # an older state of it: the new one replaces the item
    session.add(
        NeedsAttention(
            clinic_id=clinic_id,
            entity="users",
            entity_id=user.id,
            field=None,
            reason=UNSIGNED_ACCOUNT,
            local_value=None,
            remote_value={
                "digest": digest,
                "username": state.username,
                "role": state.role,
                "active": state.active,
                "deleted": state.deleted,
                # A new key is a new password: approving it lets in whoever chose it.
                "key_changed": key_changed,
            },
        )
    )
    return True


def resolve_attention(session: Session, user_id: uuid.UUID, resolution: str) -> None:
    """Settle the open items of `user_id`'s unaccepted states (a newer state was accepted)."""
    from desktop.store.models import utcnow

    for item in session.scalars(
        select(NeedsAttention).where(
            NeedsAttention.entity == "users",
            NeedsAttention.entity_id == user_id,
            NeedsAttention.reason == UNSIGNED_ACCOUNT,
            NeedsAttention.resolved_at.is_(None),
        )
    ):
        item.resolved_at = utcnow()
        item.resolution = resolution
