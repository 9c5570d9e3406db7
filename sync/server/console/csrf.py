"""CSRF protection for every form of the console.

Signed in: each session has its own random token, put in a hidden field of every form
and compared (in constant time) on every POST. Before sign-in (the sign-in form itself):
a random token in a short-lived cookie, repeated in the form (double submit), so that
another site cannot sign a browser into an account of its choosing. The cookies are also
SameSite=Strict, which modern browsers honour; the token holds where they do not."""

from __future__ import annotations

import hmac
import secrets

FIELD = "csrf_token"
PRE_COOKIE = "outpost_hq_signin"

REFUSED = (
    "This form was refused: its security token is missing or out of date (a form opened "
    "before you signed in again, or one sent from another site). Nothing was changed. "
    "Go back, reload the page and try again."
)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def matches(expected: str | None, given: str | None) -> bool:
    if not expected or not given or len(given) > 100:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())
