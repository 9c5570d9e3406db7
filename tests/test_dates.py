"""One way to read a date and to count an age, for registration, search, the CLI and forms."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.dates import age_in_years, estimated_birth_date, parse_date, read_date
from desktop.errors import InvalidInput
from desktop.messages import localize


@pytest.mark.parametrize(
    "typed",
    [
        "1984-03-21",
        "1984/03/21",
        "1984.3.21",
        "21/03/1984",
        "21.03.1984",
        "21-03-1984",
        " 21/3/1984 ",
        "3/21/1984",  # only month first makes sense
    ],
)
def test_the_accepted_formats(typed: str) -> None:
    assert read_date(typed) == dt.date(1984, 3, 21)


def test_day_first_when_both_readings_exist() -> None:
    assert read_date("04/03/2025") == dt.date(2025, 3, 4)


def test_blank_is_no_date() -> None:
    assert read_date("  ") is None and parse_date("") is None


@pytest.mark.parametrize(
    ("typed", "english", "french"),
    [
        (
            "2031-02-30",
            "There is no 30 February 2031 (February 2031 has 28 days).",
            "Le 30 février 2031 n’existe pas (février 2031 compte 28 jours).",
        ),
        (
            "29/02/2023",
            "There is no 29 February 2023 (February 2023 has 28 days).",
            "Le 29 février 2023 n’existe pas (février 2023 compte 28 jours).",
        ),
        ("31/04/2020", "There is no 31 April 2020 (April 2020 has 30 days).", None),
        ("2020-13-01", "There is no month 13", None),
        ("2020-01-32", "There is no day 32 in a month", None),
        ("40/40/2020", "There is no month 40", None),
        ("next week", "'next week' is not a date", None),
    ],
)
def test_a_date_that_does_not_exist_says_so(typed: str, english: str, french: str | None) -> None:
    with pytest.raises(InvalidInput) as caught:
        read_date(typed, field="birth_date")
    message = caught.value.args[0]
    assert message.startswith(english)
    assert caught.value.field == "birth_date"
    if french is not None:
        assert localize(message, "fr") == french
    assert parse_date(typed) is None  # search as you type: no date, no error


def test_ages() -> None:
    assert age_in_years(dt.date(1984, 3, 21), dt.date(2026, 3, 20)) == 41
    assert age_in_years(dt.date(1984, 3, 21), dt.date(2026, 3, 21)) == 42
    assert age_in_years(dt.date(2000, 2, 29), dt.date(2026, 2, 28)) == 25
    assert age_in_years(dt.date(2000, 2, 29), dt.date(2026, 3, 1)) == 26


@pytest.mark.parametrize("today", [dt.date(2026, 1, 5), dt.date(2026, 7, 1), dt.date(2026, 12, 31)])
@pytest.mark.parametrize("age", [0, 1, 34, 90])
def test_an_estimated_birth_date_gives_exactly_the_age(today: dt.date, age: int) -> None:
    assert age_in_years(estimated_birth_date(age, today), today) == age
