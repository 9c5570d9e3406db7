"""Password rules, stated once so the wizard, the CLI and the tests agree."""

from __future__ import annotations

from desktop.errors import InvalidInput
from desktop.messages import msg

MIN_LENGTH = 8
RULES_TEXT = (
    f"At least {MIN_LENGTH} characters; a short sentence is easier to remember than a "
    "jumble. Not the same as the user name."
)


def check_password(password: str, *, username: str = "") -> None:
    if len(password) < MIN_LENGTH:
        raise InvalidInput(
            msg("The password is too short: use at least {n} characters.", n=MIN_LENGTH),
            field="password",
        )
    if len(set(password)) < 3:
        raise InvalidInput(
            msg("The password repeats one or two characters: choose another."),
            field="password",
        )
    if username and password.casefold() == username.casefold():
        raise InvalidInput(msg("The password must not be the user name."), field="password")
