"""Which server addresses the laptop will talk to.

HQ carries patient records: only https:// goes over a network. Plain http:// is allowed to
this machine alone (127.0.0.0/8, ::1, "localhost"), for tests and for a relay on the same
laptop. The check happens before any connection is made.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from sync.client.errors import InsecureUrl


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 (also IPv4-mapped) and "localhost" (no other name: a
    name is only as loopback as the resolver says)."""
    host = host.strip().lower().rstrip(".")
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def check_url(url: str) -> str:
    """HQ's base URL, normalised (scheme and host lowercased, no trailing "/"), or
    InsecureUrl saying why Outpost will not use it."""
    text = url.strip()
    shown = text[:200]
    try:
        parts = urlsplit(text)
        port = parts.port  # a port that is not a number raises here
        host = parts.hostname
    except ValueError:
        raise InsecureUrl(
            f"{shown!r} is not a server address Outpost can use (for example "
            "https://hq.example.org).",
            url=shown,
        ) from None
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http") or not host:
        raise InsecureUrl(
            f"{shown!r} is not a server address Outpost can use: it must start with "
            "https:// and name a server (for example https://hq.example.org).",
            url=shown,
        )
    if parts.username is not None or parts.password is not None:
        raise InsecureUrl(
            "The server address must not contain a name or password; HQ gives this "
            "laptop its own credential when it enrols.",
            url=shown,
        )
    if parts.query or parts.fragment:
        raise InsecureUrl(
            f"{shown!r} is not a server address Outpost can use: leave out everything "
            "after ? or #.",
            url=shown,
        )
    if scheme == "http" and not is_loopback(host):
        raise InsecureUrl(
            f"Outpost will not send patient records over plain http:// to {host}: use "
            f"https://{host}{'' if port is None else f':{port}'} instead.",
            url=shown,
        )
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    return f"{scheme}://{netloc}{parts.path.rstrip('/')}"
