"""Opening the database inside a backup with its key, and checking it through.

The database copy is opened read-only with SQLCipher: `PRAGMA cipher_integrity_check` checks
the HMAC of every page (a flipped bit anywhere is found), `PRAGMA integrity_check` the
b-trees and indexes, and the schema revision, store id and row counts must match the manifest.
"""

from __future__ import annotations

import contextlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from desktop.errors import InvalidInput, StoreTooNew, WrongPassword
from desktop.services.backup_format import (
    DATABASE,
    BackupInfo,
    CheckedBackup,
    Manifest,
    Progress,
    damaged,
    extract_member,
    open_zip,
    read_backup,
    report,
)
from desktop.store import keys, schema
from desktop.store.engine import PAGE_SIZE, keyed_connection
from desktop.store.throttle import LoginThrottle

_PLAIN_SQLITE = b"SQLite format 3\x00"


@dataclass(frozen=True)
class DatabaseFacts:
    schema_revision: str
    store_id: str
    clinic_id: str
    clinic_name: str
    row_counts: dict[str, int]
    clinic_timezone: str = ""


class DatabaseCheckFailed(Exception):
    """The database copy failed a check; the caller words the message for its situation."""


def open_read_only(
    db: Path, data_key: bytes
) -> contextlib.AbstractContextManager[sqlcipher3.dbapi2.Connection]:
    return keyed_connection(db, data_key, read_only=True)


def opens_with(db: Path, data_key: bytes, *, read_only: bool = True) -> bool:
    """Whether `data_key` opens the database (its first page authenticates); nothing more is
    checked (`inspect_database` does that). `read_only=False` for a live store, whose WAL a
    read-only connection may be unable to use after a crash (a SELECT writes nothing)."""
    try:
        with keyed_connection(db, data_key, read_only=read_only) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.dbapi2.Error:
        return False
    return True


_NOT_A_DATABASE = 26  # SQLITE_NOTADB: what SQLCipher says when page 1 fails its HMAC


def first_page_opens(checked: CheckedBackup, data_key: bytes, workdir: Path | None) -> bool:
    """Whether `data_key` opens the backup's database, from its first page alone (a few
    kilobytes copied, not the whole database): the wrong key fails page 1's HMAC (not a
    database); the right one reads it, and only then misses the pages left out (damaged)."""
    with open_zip(checked.path) as zf, zf.open(DATABASE) as member:
        first = member.read(PAGE_SIZE)
    with tempfile.TemporaryDirectory(prefix=".restore-preview-", dir=workdir) as tmp:
        db = Path(tmp) / DATABASE
        db.write_bytes(first)
        db.chmod(0o600)
        try:
            with open_read_only(db, data_key) as conn:
                conn.execute("PRAGMA user_version").fetchone()
        except sqlcipher3.dbapi2.DatabaseError as exc:
            return getattr(exc, "sqlite_errorcode", None) != _NOT_A_DATABASE
    return True


def inspect_database(db: Path, data_key: bytes) -> DatabaseFacts:
    """Integrity-check an encrypted database copy and read what the manifest records.

    Raises DatabaseCheckFailed with the reason.
    """
    size = db.stat().st_size
    if size == 0 or size % PAGE_SIZE:
        raise DatabaseCheckFailed(f"the database is {size} bytes, not a whole number of pages")
    with db.open("rb") as handle:
        if handle.read(len(_PLAIN_SQLITE)) == _PLAIN_SQLITE:
            raise DatabaseCheckFailed("the database is not encrypted")
    try:
        with open_read_only(db, data_key) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            problems = conn.execute("PRAGMA cipher_integrity_check").fetchall()
            if problems:
                raise DatabaseCheckFailed(f"{len(problems)} page(s) fail their authentication")
            result = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
            if result != ["ok"]:
                raise DatabaseCheckFailed(f"integrity check: {'; '.join(map(str, result[:3]))}")
            meta = dict(conn.execute("SELECT key, value FROM store_meta").fetchall())
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            clinic = conn.execute(
                "SELECT name, timezone FROM clinics WHERE NOT deleted ORDER BY pk LIMIT 1"
            ).fetchone()
            tables = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                    "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
                )
            ]
            counts = {
                t: int(
                    conn.execute(
                        f'SELECT count(*) FROM "{t.replace(chr(34), chr(34) * 2)}"'
                    ).fetchone()[0]
                )
                for t in tables
            }
    except sqlcipher3.dbapi2.DatabaseError as exc:
        raise DatabaseCheckFailed(f"the database cannot be read with its key: {exc}") from None
    if revision is None or "store_id" not in meta or "clinic_id" not in meta:
        raise DatabaseCheckFailed("the database is not an Outpost store")
    return DatabaseFacts(
        schema_revision=str(revision[0]),
        store_id=str(meta["store_id"]),
        clinic_id=str(meta["clinic_id"]),
        clinic_name=str(clinic[0]) if clinic else "",
        row_counts=counts,
        clinic_timezone=str(clinic[1] or "") if clinic else "",
    )


def check_against_manifest(path: Path, facts: DatabaseFacts, manifest: Manifest) -> None:
    if facts.store_id != manifest.store_id or facts.clinic_id != manifest.clinic_id:
        raise damaged(path, "the database inside belongs to another store than its manifest")
    if facts.schema_revision != manifest.schema_revision:
        raise damaged(path, "the database's schema differs from its manifest")
    if facts.row_counts != dict(manifest.row_counts):
        raise damaged(path, "the database's row counts differ from its manifest")


def data_key_for(
    checked: CheckedBackup,
    *,
    username: str | None,
    password: str | None,
    recovery_key: str | None,
    throttle: LoginThrottle | None = None,
) -> bytes:
    """Unwrap the backup's data key with a password (as at backup time) or the recovery key.

    With a `throttle`, wrong attempts wait longer and longer, as at the sign-in window: a
    backup file next to the laptop must not allow endless guessing from the desk.
    """
    slot = f"backup:{username}" if recovery_key is None else "backup:recovery key"
    if throttle is None:
        return _unwrap(checked, username=username, password=password, recovery_key=recovery_key)
    with throttle.attempt(slot):
        return _unwrap(checked, username=username, password=password, recovery_key=recovery_key)


def _unwrap(
    checked: CheckedBackup,
    *,
    username: str | None,
    password: str | None,
    recovery_key: str | None,
) -> bytes:
    name = checked.path.name
    if recovery_key is not None:
        try:
            raw = keys.parse_recovery_key(recovery_key)
        except ValueError as exc:
            raise WrongPassword(f"That is not a recovery key: {exc}.") from None
        try:
            return checked.keyfile.unlock_with_recovery(raw)
        except WrongPassword:
            raise WrongPassword(
                f"That recovery key does not open the backup {name}. Check it against the "
                "printed recovery sheet of the clinic that made it. Nothing was changed."
            ) from None
    if username is None or password is None:
        raise InvalidInput(
            "To open a backup, give a user name and that user's password, or the recovery key.",
            field="password",
        )
    try:
        return checked.keyfile.unlock_with_password(username, password)
    except WrongPassword:
        raise WrongPassword(
            f"Wrong user name or password for the backup {name}. A backup opens with the "
            "passwords as they were when it was made, or with the recovery key. Nothing was "
            "changed."
        ) from None


def check_schema_known(checked: CheckedBackup) -> None:
    revision = checked.manifest.schema_revision
    if revision not in schema.known_revisions():
        raise StoreTooNew(
            f"The backup {checked.path.name} was made by a newer Outpost (schema {revision}; "
            f"this version knows up to {schema.head_revision()}). Install the newer Outpost to "
            "restore it. Nothing was changed."
        )


def check_decrypted(
    checked: CheckedBackup,
    data_key: bytes,
    db: Path,
    *,
    progress: Progress | None = None,
    span: tuple[float, float] = (0.0, 1.0),
) -> DatabaseFacts:
    """Unpack the database member to `db` and check it through with `data_key`."""
    start, end = span
    width = end - start
    extract_member(checked, DATABASE, db, progress=progress, span=(start, start + width * 0.5))
    report(progress, "Checking the database in the backup", start + width * 0.5)
    try:
        facts = inspect_database(db, data_key)
    except DatabaseCheckFailed as exc:
        raise damaged(checked.path, str(exc)) from None
    check_against_manifest(checked.path, facts, checked.manifest)
    report(progress, "Checking the database in the backup", start + width)
    return facts


def verify_backup(
    path: Path,
    *,
    username: str | None = None,
    password: str | None = None,
    recovery_key: str | None = None,
    workdir: Path | None = None,
    progress: Progress | None = None,
) -> BackupInfo:
    """Check a backup file; it is never changed.

    Without credentials: structure and checksums only (`BackupInfo.decrypted` is False).
    With a user name and password (as at backup time) or the recovery key: the database is
    also unpacked into a temporary folder (`workdir`, default the system's; the copy stays
    encrypted), opened with the key and integrity-checked.
    """
    checked = read_backup(Path(path), progress=progress, span=(0.0, 0.4))
    check_schema_known(checked)
    if username is None and password is None and recovery_key is None:
        report(progress, "Checked", 1.0)
        return checked.info(decrypted=False)
    data_key = data_key_for(
        checked, username=username, password=password, recovery_key=recovery_key
    )
    with tempfile.TemporaryDirectory(prefix="outpost-verify-", dir=workdir) as tmp:
        check_decrypted(checked, data_key, Path(tmp) / DATABASE, progress=progress, span=(0.4, 1.0))
    return checked.info(decrypted=True)
