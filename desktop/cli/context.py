"""What every command gets: the data folder, a way to read secrets, and the unlocked clinic.

A command works through the core's application API (`core.patients`, `core.backups`, …), as
the GUI does: it never opens a database session itself. Each API call commits before it
returns, so a command prints what it did only after it is saved.
"""

from __future__ import annotations

import argparse
import getpass
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
    unlocked_with: str | None = None

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        return cls(
            DataPaths(resolve_data_dir(args.data_dir)), args.user, SecretReader(args.password_stdin)
        )

    def require_user(self) -> str:
        if not self.username:
            raise InvalidInput(
                "This command opens the clinic's records: give --user NAME "
                "(before the command, e.g. `outpost --user admin doctor`)."
            )
        return self.username

    @contextmanager
    def clinic(self) -> Iterator[ClinicCore]:
        username = self.require_user()
        password = self.secrets.read(f"Password for {username}: ")
        core = app_session.sign_in(self.paths, username, password)
        self.unlocked_with = password
        try:
            yield core
        finally:
            core.close()

    def print(self, text: str = "") -> None:
        print(text, file=self.out)
