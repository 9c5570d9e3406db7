"""The enrolment link: HQ's address and a one-time code in one line of text, which the HQ
console shows as a QR code and a laptop reads back (scanned, pasted or typed).

    outpost-enrol:v1?url=<HQ's address, percent-encoded>&code=<the code>

- `v1` is the version of this format; a reader refuses any other (an older Outpost says
  "update required" instead of guessing).
- `url` is the address laptops use to reach HQ (http or https, with a host; no query or
  fragment), percent-encoded as a query value (RFC 3986).
- `code` is the enrolment code as HQ printed it (letters, digits and dashes).
- Both keys appear once; unknown keys are ignored, so a later v1 writer may add some.

Example: `outpost-enrol:v1?url=https%3A%2F%2Fhq.example.org&code=ABCD-EFGH-JKLM-NPQR`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

SCHEME = "outpost-enrol"
VERSION = "v1"
PREFIX = f"{SCHEME}:{VERSION}?"
MAX_CHARS = 2048
MAX_URL_CHARS = 1000
_CODE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{2,62})[A-Za-z0-9]$")


class EnrolLinkError(ValueError):
    """The text is not an enrolment link this Outpost can use (the message says why)."""


@dataclass(frozen=True)
class EnrolLink:
    url: str
    code: str


def _check_url(url: str) -> str:
    url = url.strip()
    if not url or len(url) > MAX_URL_CHARS or not url.isprintable():
        raise EnrolLinkError("The enrolment link's HQ address is empty or not readable.")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EnrolLinkError(
            "The enrolment link's HQ address must start with http:// or https:// and name a host."
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise EnrolLinkError(
            "The enrolment link's HQ address has parts HQ's address never has "
            "(a query, a fragment or a user name)."
        )
    try:
        parts.port  # noqa: B018 (raises for a port out of range)
    except ValueError:
        raise EnrolLinkError("The enrolment link's HQ address has an impossible port.") from None
    return url.rstrip("/")


def _check_code(code: str) -> str:
    code = code.strip()
    if not _CODE.match(code):
        raise EnrolLinkError(
            "The enrolment link's code is not an enrolment code (letters, digits and dashes)."
        )
    return code


def format_enrol_link(url: str, code: str) -> str:
    """The link for HQ's address and a code (both checked as a reader would)."""
    url, code = _check_url(url), _check_code(code)
    return f"{PREFIX}url={quote(url, safe='')}&code={quote(code, safe='')}"


def parse_enrol_link(text: str) -> EnrolLink:
    """HQ's address and the code in an enrolment link; EnrolLinkError says what is wrong."""
    text = text.strip()
    if len(text) > MAX_CHARS:
        raise EnrolLinkError("This text is too long to be an enrolment link.")
    scheme, sep, rest = text.partition(":")
    if not sep or scheme.lower() != SCHEME:
        raise EnrolLinkError(
            "This is not an Outpost enrolment link (it should start with outpost-enrol:)."
        )
    version, sep, query = rest.partition("?")
    if version.lower() != VERSION:
        raise EnrolLinkError(
            f"This enrolment link is of a newer kind ({version[:20] or 'no version'}): "
            "update Outpost, or type HQ's address and the code instead."
        )
    try:
        values = parse_qs(
            query, keep_blank_values=True, strict_parsing=bool(query), errors="strict"
        )
    except (ValueError, UnicodeDecodeError):
        raise EnrolLinkError("This enrolment link is damaged: its parts cannot be read.") from None
    for key in ("url", "code"):
        found = values.get(key, [])
        if len(found) != 1:
            what = "has no" if not found else "has more than one"
            raise EnrolLinkError(f"This enrolment link {what} {key}.")
    return EnrolLink(_check_url(values["url"][0]), _check_code(values["code"][0]))
