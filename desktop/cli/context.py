"""What every command gets: the data folder, a way to read secrets, and the unlocked clinic.

A command works through the core's application API (`core.patients`, `core.backups`, …), as
the GUI does: it never opens a database session itself. Each API call commits before it
returns, and what a command prints while the clinic is open is held back until the clinic has
closed cleanly (`CliContext.clinic`): a command killed, or failing on a full disk as the store
closes, never shows an id or a "done" that was not saved.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from desktop.app import session as app_session
from desktop.errors import InvalidInput
from desktop.paths import DataPaths, resolve_data_dir

if TYPE_CHECKING:  # the core is imported when a command first opens the clinic
    from desktop.core import ClinicCore

log = logging.getLogger(__name__)


class SecretReader:
    """Reads secrets from a prompt, or one per line from standard input (--password-stdin)."""

    def __init__(self, from_stdin: bool, stdin: TextIO | None = None) -> None:
        self.from_stdin = from_stdin
        self.stdin = stdin or sys.stdin

    def read(self, prompt: str, *, confirm: bool = False) -> str:
        if self.from_stdin:
            line = self.stdin.readline()
            if not line:
                raise InvalidInput(f"Expected a line on standard input for: {prompt.strip(': ')}")
            return line.rstrip("\r\n")
        if not sys.stdin.isatty():
            raise InvalidInput("No terminal to ask for a password: use --password-stdin.")
        secret = getpass.getpass(prompt)
        if confirm and getpass.getpass("Again, to confirm: ") != secret:
            raise InvalidInput("The two entries do not match.")
        return secret


@dataclass
class CliContext:
    paths: DataPaths
    username: str | None
    secrets: SecretReader
    out: TextIO = field(default_factory=lambda: sys.stdout)
    # The password this command unlocked with (a user changing their own needs it again).
    unlocked_with: str | None = field(default=None, repr=False)
    # A password read before the clinic opens (`read_password_first`).
    _password: str | None = field(default=None, repr=False)
    # Lines printed while the clinic is open: shown only once it has closed cleanly.
    _held: list[str] | None = field(default=None, repr=False)

    @classmethod
    def from_args(cls, args: argparse.Namespace, paths: DataPaths | None = None) -> CliContext:
        return cls(
            paths or DataPaths(resolve_data_dir(args.data_dir)),
            args.user,
            SecretReader(args.password_stdin),
        )

    def read_password_first(self) -> None:
        """Read the signing-in password now (it comes first on standard input, before data
        the command reads from there too, such as `--from-json -`)."""
        if self._password is None:
            self._password = self.secrets.read(f"Password for {self.require_user()}: ")

    def require_user(self) -> str:
        if not self.username:
            raise InvalidInput(
                "This command opens the clinic's records: give --user NAME "
                "(before the command, e.g. `outpost --user admin doctor`)."
            )
        return self.username

    @contextmanager
    def clinic(self) -> Iterator[ClinicCore]:
        """The signed-in core, closed at the end. Lines printed inside are held back and
        shown after the close: a failure anywhere before (the command's own, or the close
        on a full disk) is then the only thing said."""
        username = self.require_user()
        password = self._password
        if password is None:
            password = self.secrets.read(f"Password for {username}: ")
        self._password = None
        core = app_session.sign_in(self.paths, username, password)
        self.unlocked_with = password
        held: list[str] = []
        self._held = held
        try:
            yield core
        except BaseException:
            self._held = None
            # The command's own error is the one to report, not a second one from the close.
            try:
                core.close()
            except Exception:
                log.warning("closing the store after a failed command failed too", exc_info=True)
            raise
        self._held = None
        core.close()
        for line in held:
            self.print(line)

    def print(self, text: str = "") -> None:
        if self._held is not None:
            self._held.append(text)
        else:
            print(text, file=self.out)
