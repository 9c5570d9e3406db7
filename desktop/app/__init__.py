"""The core's application API: one call per use case, each owning its transaction.

`ClinicCore` (desktop.core) carries one object per area — `core.patients`, `core.schedule`,
`core.forms`, `core.printing`, `core.admin`, `core.backups`, `core.remote` — whose methods
open and close their own transaction (through `Transactions`) and return plain values
(dataclasses), never ORM objects or a Session. Writes return `Done(value, changes)` and
publish the changes on `core.changes`. The GUI and the `outpost` command both use this API;
neither opens a session.
"""

from desktop.app.transactions import Done, Transactions

__all__ = ["Done", "Transactions"]
