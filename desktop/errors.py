"""The exceptions Outpost raises on purpose.

Every `OutpostError` carries a message written for the person at the desk: what went wrong
and, where there is something to do, what to do next. The command line prints it as one line;
the GUI shows it in a dialog. Anything that is not an `OutpostError` is a bug: it is logged
(without patient data) and reported as unexpected.
"""

from __future__ import annotations

from desktop.messages import join


class OutpostError(Exception):
    """An error a person can understand and usually act on."""


class InvalidInput(OutpostError):
    """Data typed by a person does not make sense (a bad phone, an impossible date...)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(OutpostError):
    pass


class PermissionDenied(OutpostError):
    pass


class Conflict(OutpostError):
    """The change clashes with data that is already there (a double booking...)."""


# --- opening the store -------------------------------------------------------------------


class StoreError(OutpostError):
    pass


class StoreMissing(StoreError):
    pass


class StoreAlreadyExists(StoreError):
    pass


class WrongPassword(StoreError):
    pass


class LoginThrottled(StoreError):
    def __init__(self, message: str, *, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class StoreCorrupt(StoreError):
    """The database or key file is damaged; it is never overwritten automatically."""


class KeyFileMismatch(StoreCorrupt):
    """The key file opens, but not this store: a slot copied from another user or another
    store's key file. Not a wrong password (the throttle does not count it)."""


class StoreTooNew(StoreError):
    pass


class DiskFull(StoreError):
    pass


class BackupError(OutpostError):
    pass


class ValidationFailed(InvalidInput):
    """Several fields are wrong at once; `problems` maps each field to its message."""

    def __init__(self, problems: dict[str, str]) -> None:
        first_field = next(iter(problems), None)
        super().__init__(join("; ", problems.values()), field=first_field)
        self.problems = problems


# --- sync with HQ --------------------------------------------------------------------------


class SyncFailed(OutpostError):
    """A sync did not finish. The message says why, how many changes wait, and that nothing
    was lost (what was applied stays applied; what was not sent is sent next time)."""


class SyncUnreachable(SyncFailed):
    """HQ could not be reached (no link, refused, timed out, cut)."""


class SyncRevoked(SyncFailed):
    """HQ has revoked this laptop's access; its local records are kept."""


class SyncUpdateRequired(SyncFailed):
    """HQ speaks a newer protocol: this Outpost must be updated."""


class SyncBusy(SyncFailed):
    """Another sync of this store is running."""


class NotEnrolled(SyncFailed):
    """This clinic has not been joined to HQ yet."""
