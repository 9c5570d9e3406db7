"""The errors forms/ raises, each carrying what a person needs to fix the cause.

Callers catch :class:`FormsError` for anything from this package; the subclasses say
which kind of thing went wrong (a bad definition file, an unknown form, a record that
may not be edited).
"""

from __future__ import annotations

from dataclasses import dataclass


class FormsError(Exception):
    """Base class of every error raised on purpose by forms/."""


@dataclass(frozen=True, slots=True)
class DefinitionIssue:
    """One thing wrong with a definition file.

    ``path`` is a JSON path such as ``$.sections[2].fields[0].type`` (``$`` for the
    whole document); ``line`` and ``column`` are 1-based positions in the file when
    they are known (always for JSON syntax errors, usually for the rest).
    """

    message: str
    path: str = "$"
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where = f"line {self.line}, column {self.column or 1} ({self.path})"
        return f"{where}: {self.message}"


class DefinitionError(FormsError):
    """A form definition (or translation) file is malformed; ``issues`` lists every problem."""

    def __init__(self, source: str, issues: list[DefinitionIssue]) -> None:
        self.source = source
        self.issues = list(issues)
        super().__init__(self._summary())

    def _summary(self) -> str:
        count = len(self.issues)
        head = f"{self.source}: {count} problem{'s' if count != 1 else ''} in form definition"
        lines = [head, *(f"  {issue}" for issue in self.issues[:20])]
        if count > 20:
            lines.append(f"  … and {count - 20} more")
        return "\n".join(lines)


class UnknownFormError(FormsError, LookupError):
    """No definition with that id (or that version of it) is in the library."""

    def __init__(self, form_id: str, version: int | None, known_versions: list[int]) -> None:
        self.form_id = form_id
        self.version = version
        self.known_versions = known_versions
        if version is None or not known_versions:
            message = f"no form definition with id {form_id!r} is installed"
        else:
            listed = ", ".join(str(v) for v in known_versions)
            message = (
                f"form {form_id!r} has no version {version} (installed versions: {listed}); "
                "a record filled with a version that is not here needs its definition file "
                "installed again (`outpost forms install FILE`) to be reprinted"
            )
        super().__init__(message)


class SignedRecordError(FormsError):
    """A signed record was about to be changed in place; it must be corrected instead."""

    def __init__(self, record_id: str | None, signed_fields: list[str]) -> None:
        self.record_id = record_id
        self.signed_fields = signed_fields
        fields = ", ".join(signed_fields)
        super().__init__(
            f"record {record_id or '(unsaved)'} is signed ({fields}) and cannot be edited; "
            "make a correction, which is a new record that refers to this one"
        )


class CorrectionError(FormsError, ValueError):
    """A correction was asked for with data that cannot make a valid new record."""


class RenderError(FormsError):
    """A PDF could not be produced from the given definition, answers and context."""
