"""The laptop's HTTP transport to HQ (`outpost-hq`): `HqClient` and its errors.

Imports only `sync.protocol` from the rest of Outpost; the sync engine (desktop/app/sync.py)
drives it. See `sync.client.client` for the API and `sync.client.errors` for what can go
wrong.
"""

from sync.client.client import HqClient
from sync.client.errors import (
    DeviceRevoked,
    HqBroken,
    HqRefused,
    HqUnreachable,
    InsecureUrl,
    ResyncRequired,
    SyncError,
    Unauthorized,
    UpdateRequired,
)
from sync.client.urls import check_url, is_loopback

__all__ = [
    "DeviceRevoked",
    "HqBroken",
    "HqClient",
    "HqRefused",
    "HqUnreachable",
    "InsecureUrl",
    "ResyncRequired",
    "SyncError",
    "Unauthorized",
    "UpdateRequired",
    "check_url",
    "is_loopback",
]
