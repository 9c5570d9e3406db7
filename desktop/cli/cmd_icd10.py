"""icd10 search / check: the WHO's ICD-10 (desktop.services.icd10), from the command line.

Reference data, not the clinic's records: neither command signs in or opens the store.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.context import CliContext
from desktop.errors import NotFound
from desktop.messages import msg
from desktop.services import icd10


def register(sub: Any) -> None:
    group = sub.add_parser(
        "icd10", help=f"diagnosis codes ({icd10.EDITION}): search and check"
    ).add_subparsers(dest="icd10_command", metavar="ACTION", required=True)
    p = group.add_parser(
        "search",
        help="codes by words or by the start of a code; billable codes are marked *",
        description="Codes by the words of their titles (every word, the last one as typed "
        "so far: `fract femur`) or by the start of a code (`B5` lists B50…B58, `J18` lists J18 "
        "and its subcategories). A code marked * is at its most specific level and can be "
        "given as a diagnosis; the others need one more digit.",
    )
    p.add_argument("query", nargs="+", metavar="WORDS|CODE")
    p.add_argument("--limit", type=int, default=icd10.DEFAULT_LIMIT, metavar="N")
    p.set_defaults(run=run_search)
    p = group.add_parser(
        "check",
        help="whether a code can be given as a diagnosis (its most specific level)",
    )
    p.add_argument("code")
    p.set_defaults(run=run_check)


def _line(item: icd10.Icd10Code) -> str:
    mark = "*" if item.billable else " "
    return f"{mark} {item.code:<7} {item.title}"


def run_search(ctx: CliContext, args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    found = icd10.search(query, limit=args.limit)
    if not found:
        raise NotFound(
            msg(
                "No ICD-10 code matches {query}: try other words, or the start of the code.",
                query=repr(query[:60]),
            )
        )
    for item in found:
        ctx.print(_line(item))
    return 0


def run_check(ctx: CliContext, args: argparse.Namespace) -> int:
    item = icd10.validate(args.code)  # InvalidInput says why not, with the choices
    ctx.print(_line(item))
    return 0
