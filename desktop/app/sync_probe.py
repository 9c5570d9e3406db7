"""Is HQ reachable just now? One GET /v1/hello through the sync client, a short timeout, no
retries: a few hundred bytes, so a laptop whose link is down can ask often without cost.

It writes nothing to the store (a probe that fails is not a failed sync: the status keeps
the last real sync's outcome) and it never takes the sync lock, so it may run beside a sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.services import sync_state
from sync.client import errors as client_errors

if TYPE_CHECKING:
    from desktop.core import ClinicCore

PROBE_TIMEOUT_S = 4.0


@dataclass(frozen=True)
class Probe:
    reachable: bool
    enrolled: bool = True
    why: str = ""  # the client's one line when HQ could not be reached


def probe(core: ClinicCore, *, timeout_s: float = PROBE_TIMEOUT_S) -> Probe:
    """Ask HQ's hello once (any thread: a read of the link, then the network)."""
    from sync.client.client import HqClient

    link = sync_state.link_of(core.tx.read(sync_state.read_all))
    if link is None:
        return Probe(reachable=False, enrolled=False)
    try:
        with HqClient(
            link.server_url,
            ca_file=link.ca_file,
            timeout=timeout_s,
            connect_timeout=timeout_s,
            retries=0,
        ) as client:
            client.hello()
    except client_errors.UpdateRequired:
        return Probe(reachable=True)  # HQ answered; the sync itself says what to do
    except client_errors.SyncError as exc:
        return Probe(reachable=False, why=exc.message)
    return Probe(reachable=True)
