"""Money as Outpost keeps it: a whole number of the currency's minor units (cents; a franc CFA
has none), in an ISO 4217 currency.

Amounts are never floats: a person types "1,500.50" and the store keeps 150050 (KES, two
decimals) or refuses "1500.5" for XOF (no decimals) in words. Display goes through Babel in
the language the person reads (en, fr, sw) and the clinic's country where Babel knows the pair
(sw_KE writes "Ksh 1,500.50", fr_SN "1 500 F CFA").
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from desktop.errors import InvalidInput
from desktop.messages import msg

# Far beyond any clinic bill, and inside what sync carries as a whole number (kinds._MONEY).
MAX_MINOR = 10**12

# Spaces people and Babel put between thousands: plain, no-break, narrow no-break, thin.
_SPACES = " \u00a0\u202f\u2009'_"
_DIGITS = re.compile(r"[0-9]+")  # ASCII: int() also reads ¹ or ٥, people here type 0-9


@functools.cache
def currencies() -> frozenset[str]:
    """Every ISO 4217 code Babel knows."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def check_currency(code: str) -> str:
    """`code` as stored (upper case), or InvalidInput naming what is wrong."""
    cleaned = (code or "").strip().upper()
    if cleaned not in currencies():
        raise InvalidInput(
            msg(
                "{code} is not a currency code (ISO 4217, such as KES, TZS, UGX or XOF).",
                code=repr((code or "").strip()[:10]),
            ),
            field="currency",
        )
    return cleaned


def decimals(currency: str) -> int:
    """How many decimals the currency's amounts have (KES 2, XOF 0)."""
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(currency))


def currency_name(currency: str, language: str = "en") -> str:
    from babel.numbers import get_currency_name

    return str(get_currency_name(currency, locale=_locale(language, "")))


def _not_an_amount(text: str, decimal_comma: bool) -> InvalidInput:
    if decimal_comma:
        return InvalidInput(
            msg(
                "{text} is not an amount: type digits, with a comma before the decimals "
                "(1500 or 1 500,50).",
                text=repr(text.strip()[:40]),
            ),
            field="amount",
        )
    return InvalidInput(
        msg(
            "{text} is not an amount: type digits, with a dot before the decimals "
            "(1500 or 1,500.50).",
            text=repr(text.strip()[:40]),
        ),
        field="amount",
    )


def parse_amount(text: str, currency: str, *, decimal_comma: bool = False) -> int:
    """A typed amount in minor units of `currency`: "1,500.50" KES → 150050, "1500" XOF →
    1500. `decimal_comma`: the person writes "1 500,50" (French), so a comma is the decimal
    sign and dots or spaces group the thousands.

    Refused in words: no digits, signs, a group that is not three digits ("1,50" — the
    decimals typed with the wrong sign), more decimals than the currency has (trailing zeros
    are allowed: "1500.00" XOF is 1500), an amount too large."""
    raw = str(text or "")
    typed = raw.strip()
    for sign in _SPACES:
        typed = typed.replace(sign, " ")
    # The currency's code typed with the amount ("KES 1,500") is what it says already.
    upper = typed.upper()
    if upper.startswith(currency):
        typed = typed[len(currency) :]
    elif upper.endswith(currency):
        typed = typed[: -len(currency)]
    typed = typed.strip()
    point, group = (",", ".") if decimal_comma else (".", ",")
    if typed.count(point) > 1 or not typed:
        raise _not_an_amount(raw, decimal_comma)
    whole, _, fraction = typed.partition(point)
    parts = re.split(rf"[ {re.escape(group)}]", whole)
    if not all(_DIGITS.fullmatch(p) for p in parts) or (
        fraction and not _DIGITS.fullmatch(fraction)
    ):
        if typed.startswith("-"):
            raise InvalidInput(msg("An amount cannot be negative."), field="amount")
        raise _not_an_amount(raw, decimal_comma)
    if len(parts) > 1 and (len(parts[0]) > 3 or any(len(p) != 3 for p in parts[1:])):
        raise _not_an_amount(raw, decimal_comma)
    places = decimals(currency)
    extra = fraction[places:]
    if extra.strip("0"):
        if places == 0:
            raise InvalidInput(
                msg(
                    "{currency} amounts are whole numbers (no decimals): {text} has some.",
                    currency=currency,
                    text=repr(raw.strip()[:40]),
                ),
                field="amount",
            )
        raise InvalidInput(
            msg(
                "{currency} amounts have at most {n} decimals: {text} has {m}.",
                currency=currency,
                n=places,
                text=repr(raw.strip()[:40]),
                m=len(fraction.rstrip("0")),
            ),
            field="amount",
        )
    digits = "".join(parts) + fraction[:places].ljust(places, "0")
    if len(digits.lstrip("0")) > 13:
        raise InvalidInput(msg("{text} is too large an amount.", text=repr(raw.strip()[:40])))
    minor = int(digits)
    if minor > MAX_MINOR:
        raise InvalidInput(msg("{text} is too large an amount.", text=repr(raw.strip()[:40])))
    return minor


def to_decimal(minor: int, currency: str) -> Decimal:
    """Minor units as the currency's amount (150050 KES → Decimal("1500.50"))."""
    places = decimals(currency)
    return Decimal(minor).scaleb(-places) if places else Decimal(minor)


@functools.cache
def _locale(language: str, country: str) -> str:
    """The Babel locale for a language at a clinic in `country` ("sw", "KE" → "sw_KE"), the
    language alone when Babel does not know the pair (fr_KE), English when it knows neither."""
    from babel import Locale, UnknownLocaleError

    for candidate in (f"{language}_{country.upper()}" if country else "", language, "en"):
        if not candidate:
            continue
        try:
            Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
        return candidate
    return "en"


def format_amount(minor: int, currency: str, language: str = "en", country: str = "") -> str:
    """Minor units as a person reads them in `language` ("Ksh 1,500.50", "1 500 F CFA")."""
    from babel.numbers import format_currency

    if not currency:
        return str(minor)
    return str(
        format_currency(to_decimal(minor, currency), currency, locale=_locale(language, country))
    )


def plain_amount(minor: int, currency: str) -> str:
    """Minor units as typed back ("1500.50", "1500"): what `parse_amount` reads again."""
    if not currency:
        return str(minor)
    return str(to_decimal(minor, currency))
