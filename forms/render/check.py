"""Printing a form once as a check, before a clinic relies on it.

A definition can pass every loader check and still not print: one block (a label with its
help and choices, a heading) taller than a page cannot be laid out. Installing a form, and
`outpost forms validate`, render it blank in each of its languages on A4 and on Letter; a
form that does not print is refused with the reason in plain words.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from forms.context import PrintContext
from forms.errors import DefinitionIssue, FormsError
from forms.model import FormDefinition

PAPERS: tuple[Literal["a4", "letter"], ...] = ("a4", "letter")
_CHECK_TIME = dt.datetime(2026, 1, 1, 8, 0, tzinfo=dt.UTC)


def print_problems(definition: FormDefinition) -> list[DefinitionIssue]:
    """What stops ``definition`` from printing blank, per language and paper ([] when it
    prints everywhere). Each distinct reason is reported once, naming where it happened."""
    from forms.render.document import render_pdf

    context = PrintContext(
        clinic_name="Outpost print check",
        printed_at=_CHECK_TIME,
        values={"today": _CHECK_TIME.date()},
    )
    failures: dict[str, list[str]] = {}
    for lang in definition.languages:
        for paper in PAPERS:
            try:
                render_pdf(definition, None, context=context, lang=lang, paper=paper)
            except FormsError as exc:
                reason = _plain(str(exc))
            except (ValueError, TypeError, KeyError, IndexError, RecursionError) as exc:
                reason = f"the printer part failed ({type(exc).__name__})"
            else:
                continue
            failures.setdefault(reason, []).append(f"{lang}/{paper.upper()}")
    return [
        DefinitionIssue(f"does not print ({', '.join(where)}): {reason}")
        for reason, where in failures.items()
    ]


def _plain(message: str) -> str:
    if "too large on page" in message or "cannot lay out" in message:
        return (
            "one part of it is taller than a page (a very long label, help text or list of "
            "choices); shorten it or split it"
        )
    first = message.splitlines()[0] if message else "unknown reason"
    return first if len(first) <= 200 else first[:197] + "…"
