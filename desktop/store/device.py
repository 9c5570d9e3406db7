"""This laptop's device identity, kept in a small file beside the database.

A device id names one installation of Outpost (one laptop). It must not travel inside the
database: a backup restored on a second laptop would otherwise make two laptops the same
device, and their edits would be indistinguishable at sync. The file is written once,
atomically, and never copied into a backup.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

from desktop.atomic import write_atomic
from desktop.errors import StoreCorrupt
from desktop.ids import new_id
from desktop.paths import DataPaths

FORMAT = 1


def read_device_id(paths: DataPaths) -> uuid.UUID | None:
    """The device id in the device file; None when there is no file yet."""
    try:
        raw = json.loads(paths.device.read_text("utf-8"))
        return uuid.UUID(str(raw["device_id"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        raise StoreCorrupt(
            f"The device file {paths.device} is damaged. Move it away and open Outpost again: "
            "this laptop then gets a new device identity (nothing of the clinic's data is "
            "lost)."
        ) from None


def write_device_id(paths: DataPaths, device_id: uuid.UUID) -> None:
    body = {"format": FORMAT, "device_id": str(device_id)}
    write_atomic(paths.device, (json.dumps(body, indent=2) + "\n").encode())


def ensure_device_id(
    paths: DataPaths, legacy: Callable[[], uuid.UUID | None] | None = None
) -> uuid.UUID:
    """This laptop's device id, making the device file if there is none.

    `legacy` reads the id a store from before the device file kept in its store_meta table
    (it is taken over once, on the first opening by this release); otherwise a new id is made.
    """
    found = read_device_id(paths)
    if found is not None:
        return found
    device_id = (legacy() if legacy is not None else None) or new_id()
    paths.ensure()
    write_device_id(paths, device_id)
    return device_id
