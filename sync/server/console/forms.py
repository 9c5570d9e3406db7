"""Reading the console's HTML form posts (application/x-www-form-urlencoded) without a
multipart parser: small bodies only, one value per field, text checked for control
characters. Anything else is a `FormError` with a message for a person."""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.requests import ClientDisconnect, Request

MAX_BODY = 16 * 1024
MAX_FIELDS = 30


class FormError(Exception):
    """A form HQ cannot read (the message says why)."""


async def read_form(request: Request) -> dict[str, str]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise FormError("This page takes only the console's own forms.")
    body = bytearray()
    try:
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY:
                raise FormError("This form is too large.")
    except ClientDisconnect:
        raise FormError("The form arrived incomplete: send it again.") from None
    try:
        pairs = parse_qsl(
            body.decode("ascii"),
            keep_blank_values=True,
            max_num_fields=MAX_FIELDS,
            encoding="utf-8",
            errors="strict",
        )
    except (ValueError, UnicodeDecodeError):
        raise FormError("This form could not be read.") from None
    out: dict[str, str] = {}
    for key, value in pairs:
        if key in out:
            raise FormError("This form has a field twice.")
        out[key] = value
    return out


def text(form: dict[str, str], key: str, *, limit: int = 200) -> str:
    """A one-line field, its spaces collapsed; FormError for control characters or one
    that is too long."""
    value = " ".join(form.get(key, "").split())
    if len(value) > limit or not value.isprintable():
        raise FormError(f"The field “{key}” is too long or holds characters HQ cannot keep.")
    return value
