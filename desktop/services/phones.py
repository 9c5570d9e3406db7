"""Phone numbers, validated and normalised with the `phonenumbers` library.

People type numbers the local way ("0712 345 678"); we store E.164 ("+254712345678") so the
same number always looks the same, and match on it.
"""

from __future__ import annotations

import functools

import phonenumbers

from desktop.errors import InvalidInput
from desktop.messages import msg


def normalise_phone(text: str | None, region: str, *, field: str = "phone") -> str | None:
    """E.164 form of `text`, None for an empty value; InvalidInput if it cannot be a phone."""
    if text is None or not text.strip():
        return None
    try:
        number = phonenumbers.parse(text, region.upper())
    except phonenumbers.NumberParseException:
        raise InvalidInput(
            msg("{text} is not a phone number.", text=repr(text)), field=field
        ) from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidInput(
            msg(
                "{text} is not a valid phone number for {region} (check the number of "
                "digits, or add the country code, e.g. +256…).",
                text=repr(text),
                region=region.upper(),
            ),
            field=field,
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def reversed_digits(e164: str | None) -> str | None:
    """Digits reversed: a search for the last digits becomes an indexed prefix match."""
    if not e164:
        return None
    return "".join(ch for ch in e164 if ch.isdigit())[::-1]


def display_phone(e164: str | None, region: str) -> str:
    """The one way a stored number is shown, on screen, on paper and in a form's prefill:
    the local way for a number of the clinic's country ("0712 345678"), with the country
    code otherwise ("+256 772 123456"). A value that is not a number (from an older
    release, or sync) is shown as stored rather than failing the screen."""
    if not e164:
        return ""
    return _display(e164, region)


# Parsing and formatting cost about 50 µs a number, a quarter of the worklist's time when
# each of its lines shows a phone; the list is read again after every change, with the same
# numbers (benchmarks/README.md). Bounded: a few MB at most.
@functools.lru_cache(maxsize=65_536)
def _display(e164: str, region: str) -> str:
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == (region or "").upper():
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
