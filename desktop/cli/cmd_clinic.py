"""clinic show / set: the clinic's details its papers and bills carry, through the admin API
(`core.admin`), as the Clinic settings screen does."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.context import CliContext
from desktop.errors import InvalidInput
from desktop.messages import msg

DETAILS = ("name", "phone", "address", "paper_size", "code", "currency")


def register(sub: Any) -> None:
    group = sub.add_parser(
        "clinic", help="the clinic's details: name, phone, address, paper size, code, currency"
    ).add_subparsers(dest="clinic_command", metavar="ACTION", required=True)
    p = group.add_parser("show", help="the clinic's details")
    p.set_defaults(run=run_show)
    p = group.add_parser(
        "set",
        help="change the clinic's details (an administrator); only what is given changes",
        description="Change the clinic's details. --currency is the ISO 4217 code bills are "
        "in (KES, TZS, UGX, XOF …): set once, before the price list holds amounts.",
    )
    p.add_argument("--name")
    p.add_argument("--phone")
    p.add_argument("--address")
    p.add_argument("--paper-size", choices=["A4", "Letter"])
    p.add_argument("--code", help="what clinic, invoice and receipt numbers start with (KHP)")
    p.add_argument("--currency", metavar="CODE", help="ISO 4217: KES, TZS, UGX, XOF …")
    p.set_defaults(run=run_set)


def _print(ctx: CliContext, core: Any) -> None:
    from desktop import money

    d = core.admin.clinic()
    currency = f"{d.currency} ({money.currency_name(d.currency)})" if d.currency else "not set"
    ctx.print(f"{d.name}  ({d.country}, {d.timezone})")
    ctx.print(f"  phone: {d.phone_display or '-'}")
    ctx.print(f"  address: {d.address or '-'}")
    ctx.print(f"  paper size: {d.paper_size}")
    ctx.print(f"  code: {d.code or '-'}")
    ctx.print(f"  currency: {currency}")


def run_show(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        _print(ctx, core)
    return 0


def run_set(ctx: CliContext, args: argparse.Namespace) -> int:
    changes = {k: getattr(args, k) for k in DETAILS if getattr(args, k) is not None}
    if not changes:
        raise InvalidInput(
            msg("Nothing to change: see `outpost clinic set --help` for what can be.")
        )
    with ctx.clinic() as core:
        core.admin.update_clinic(**changes)
        _print(ctx, core)
    return 0
