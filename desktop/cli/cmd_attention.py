"""attention list / show / resolve: what sync put on the "needs attention" list, and settling
it (through `desktop.app.remote`: audited, and a changed value is an edit queued for HQ)."""

from __future__ import annotations

import argparse
import datetime as dt
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from desktop.app import billing_checks
from desktop.app.attention import KEEP_BOTH, KEPT_BOTH, MERGED, REBOOKED, SETTLED_ELSEWHERE
from desktop.app.remote import (
    APPEND_ONLY,
    CHOSEN_VALUE,
    DOUBLE_BOOKED,
    EDIT_AGAINST_DELETE,
    KEEP_MINE,
    KEEP_THEIRS,
    KEPT_LOCAL,
    NEWER_EDIT_KEPT,
    POSSIBLE_DUPLICATE,
    SAFETY_CRITICAL,
    SIGNED_HERE,
    SUPERSEDED,
    TOOK_REMOTE,
    AttentionDetail,
    attention_details,
    settle,
)
from desktop.atomic import shown
from desktop.cli.context import CliContext
from desktop.errors import InvalidInput, NotFound
from desktop.messages import Message, msg
from desktop.store.account_grants import CHANGED_HERE, REFUSED_HERE, SIGNED, UNSIGNED_ACCOUNT

if TYPE_CHECKING:
    from desktop.clock import ClinicClock
    from desktop.core import ClinicCore

SHORT = 8  # characters of an item's id shown in the list (any unique prefix is accepted)


def register(sub: Any) -> None:
    attention = sub.add_parser(
        "attention", help="what sync could not settle alone: list, show and resolve"
    ).add_subparsers(dest="attention_command", metavar="ACTION", required=True)
    p = attention.add_parser("list", help="one line per item waiting for a person")
    p.add_argument(
        "--all", action="store_true", help="settled items too (the values that lost are kept)"
    )
    p.set_defaults(run=run_list)

    p = attention.add_parser("show", help="an item's two values, who made them and when")
    p.add_argument("item", metavar="ID", help="the item's id, or the start of it")
    p.set_defaults(run=run_show)

    p = attention.add_parser(
        "resolve",
        help="settle an item: keep this laptop's value, take the other's, or give the value",
        description="Settle an item. The choice is audited; a value that changes is an edit "
        "like any other, sent to HQ at the next sync.",
    )
    p.add_argument("item", metavar="ID", help="the item's id, or the start of it")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--keep",
        choices=(KEEP_MINE, KEEP_THEIRS, KEEP_BOTH),
        help="mine: this laptop's value; theirs: the other laptop's; both: two records that "
        "stay two (two different people, or both bookings kept)",
    )
    how.add_argument(
        "--merge-into",
        choices=(KEEP_MINE, KEEP_THEIRS),
        help="a possible duplicate that is one person: keep the record that was on this laptop "
        "(mine) or the one that arrived (theirs), and merge the other into it",
    )
    how.add_argument(
        "--value",
        metavar="FIELD=VALUE",
        help="the right value, checked like any edit of the field (e.g. birth_date=1990-04-12)",
    )
    p.set_defaults(run=run_resolve)


# --- words ---------------------------------------------------------------------------------


def kind_words(entity: str) -> str:
    words: dict[str, Message] = {
        "patients": msg("patient"),
        "form_records": msg("form"),
        "appointments": msg("appointment"),
        "users": msg("user"),
        "providers": msg("provider"),
        "appointment_types": msg("appointment type"),
        "working_hours": msg("working hours"),
        "clinic_forms": msg("installed form"),
        "clinics": msg("clinic"),
        "audit_events": msg("audit record"),
        "appointment_events": msg("appointment history"),
    }
    return words.get(entity, entity)


def reason_words(reason: str) -> str:
    words: dict[str, Message] = {
        SAFETY_CRITICAL: msg(
            "a safety-critical field differs between two laptops; neither value was applied"
        ),
        SIGNED_HERE: msg("edited on another laptop, but the form is signed here; not applied"),
        APPEND_ONLY: msg("another laptop changed a record that is never changed; not applied"),
        EDIT_AGAINST_DELETE: msg("edited on one laptop and removed on another"),
        SUPERSEDED: msg("edited on two laptops; the newer edit was kept"),
        POSSIBLE_DUPLICATE: msg(
            "maybe one person registered on two laptops (same name, and date of birth or phone)"
        ),
        DOUBLE_BOOKED: msg("a provider booked twice at one time once both laptops' bookings met"),
        billing_checks.LINES_AFTER_ISSUE: msg("an invoice's lines changed after it was issued"),
        billing_checks.VOID_WITH_MONEY: msg("a void invoice with money or a claim on it"),
        billing_checks.OVERPAID: msg("an invoice paid more than its total"),
        billing_checks.TWO_CLAIMS: msg("an invoice claimed twice"),
        billing_checks.SCHEME_UNPAID: msg("a scheme payment whose claim is not paid"),
        UNSIGNED_ACCOUNT: msg(
            "an account was changed on another laptop without a signature of the clinic's "
            "administrators; not applied here (an administrator approves or refuses it)"
        ),
    }
    return words.get(reason, reason)


def resolution_words(resolution: str | None) -> str:
    words: dict[str, Message] = {
        KEPT_LOCAL: msg("this laptop's value was kept"),
        TOOK_REMOTE: msg("the other laptop's value was taken"),
        CHOSEN_VALUE: msg("a value was given"),
        NEWER_EDIT_KEPT: msg("the newer edit was kept"),
        SIGNED: msg("an administrator approved the account change"),
        REFUSED_HERE: msg("an administrator refused the account change"),
        CHANGED_HERE: msg("the account was changed on this laptop since"),
        KEPT_BOTH: msg("both records were kept"),
        MERGED: msg("the two records were merged into one"),
        REBOOKED: msg("one of the two appointments was moved"),
        SETTLED_ELSEWHERE: msg("settled on another laptop"),
    }
    return words.get(resolution or "", resolution or "")


def value_words(value: Any, *, width: int = 60, clock: ClinicClock | None = None) -> str:
    if value is None or value == "" or value == []:
        return msg("(empty)")
    if value is True:
        return msg("yes")
    if value is False:
        return msg("no")
    if isinstance(value, dict):
        text = _record_words(value, clock)
    elif isinstance(value, list):
        text = ", ".join(str(item) for item in value)
    else:
        text = str(value)
    return shown(" ".join(text.split()), width)


def _record_words(value: dict[str, Any], clock: ClinicClock | None) -> str:
    """A patient or a booking an item compares (the other record of a possible duplicate or
    of a double booking), times in clinic time."""

    def at(key: str, form: str) -> str:
        try:
            instant = dt.datetime.fromisoformat(str(value.get(key)))
        except ValueError:
            return "?"
        if clock is not None and instant.tzinfo is not None:
            instant = clock.local(instant)
        return f"{instant:{form}}"

    if "says" in value:  # a bill two laptops made wrong (desktop.app.billing_checks)
        return str(value["says"])
    if "username" in value:  # an account change (never its key material)
        if value.get("key_changed"):
            return msg(
                "account {username}, role {role}, {state}, WITH A NEW PASSWORD: approve only "
                "if {username} changed it",
                username=str(value.get("username")),
                role=str(value.get("role")),
                state=msg("removed")
                if value.get("deleted")
                else msg("active")
                if value.get("active")
                else msg("disabled"),
            )
        return msg(
            "account {username}, role {role}, {state}",
            username=str(value.get("username")),
            role=str(value.get("role")),
            state=msg("removed")
            if value.get("deleted")
            else msg("active")
            if value.get("active")
            else msg("disabled"),
        )
    if "starts_at" in value:
        return msg(
            "booking {start} to {end} ({status})",
            start=at("starts_at", "%Y-%m-%d %H:%M"),
            end=at("ends_at", "%H:%M"),
            status=str(value.get("status") or "?"),
        )
    parts = [str(value.get(key)) for key in ("name", "clinic_number") if value.get(key)]
    if value.get("birth_date"):
        parts.append(msg("born {date}", date=str(value["birth_date"])))
    if value.get("phone"):
        parts.append(str(value["phone"]))
    return ", ".join(parts) or str(value.get("id", "?"))


def _who_when(name: str | None, at: Any) -> str:
    when = f"{at:%Y-%m-%d %H:%M}" if at is not None else msg("time not known")
    return msg("by {who}, {when}", who=name or msg("someone not known here"), when=when)


# --- finding an item -----------------------------------------------------------------------


def find_item(items: Sequence[AttentionDetail], text: str) -> AttentionDetail:
    """The one item whose id starts with `text` (with or without the dashes, any case)."""
    typed = text.strip().lower()
    if len(typed) > 100:
        typed = typed[:100]
    wanted = typed.replace("-", "")
    if not wanted or any(ch not in "0123456789abcdef" for ch in wanted):
        raise InvalidInput(
            msg(
                "{text} is not an item id: give the id `outpost attention list` shows.",
                text=repr(shown(text, 40)),
            )
        )
    found = [d for d in items if d.item.id.hex.startswith(wanted)]
    if not found:
        raise NotFound(
            msg(
                "No item needing attention has an id starting with {text} "
                "(`outpost attention list` shows them).",
                text=shown(typed, 40),
            )
        )
    if len(found) > 1:
        raise InvalidInput(
            msg(
                "{count} items have an id starting with {text}: give more of the id.",
                count=len(found),
                text=shown(typed, 40),
            )
        )
    return found[0]


# --- the commands --------------------------------------------------------------------------


def _line(detail: AttentionDetail, clock: ClinicClock) -> str:
    item = detail.item
    patient = detail.patient_name or (str(item.patient_id) if item.patient_id else "-")
    return msg(
        "{id}  {kind}  {patient}  {field}  {reason}  this laptop: {mine}  other laptop: {theirs}",
        id=item.id.hex[:SHORT],
        kind=kind_words(item.entity),
        patient=patient,
        field=item.field or "-",
        reason=reason_words(item.reason),
        mine=value_words(item.local_value, width=40, clock=clock),
        theirs=value_words(item.remote_value, width=40, clock=clock),
    )


def run_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop.app.attention import AttentionApi

    with ctx.clinic() as core:
        AttentionApi(core).settled_elsewhere()  # what another laptop settled is not listed
        items = attention_details(core, include_settled=args.all)
        clock = core.clock
    for detail in items:
        ctx.print(_line(detail, clock))
    if not items:
        ctx.print(msg("Nothing needs attention."))
    return 0


def run_show(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        detail = find_item(attention_details(core, include_settled=True), args.item)
        clock = core.clock  # times as the clinic reads them
    zone = clock.zone.key
    item = detail.item
    ctx.print(f"{item.id}")
    if detail.patient_name or item.patient_id:
        ctx.print(
            msg(
                "  {kind} of {patient} (patient {patient_id})",
                kind=kind_words(item.entity),
                patient=detail.patient_name or "-",
                patient_id=item.patient_id,
            )
        )
    ctx.print(msg("  record {id}", id=item.entity_id))
    ctx.print(msg("  field {field}", field=item.field or "-"))
    ctx.print(msg("  why: {reason}", reason=reason_words(item.reason)))
    ctx.print(
        msg(
            "  this laptop:  {value}  ({who_when})",
            value=value_words(item.local_value, width=200, clock=clock),
            who_when=_who_when(detail.local_by, detail.local_at),
        )
    )
    ctx.print(
        msg(
            "  other laptop: {value}  ({who_when})",
            value=value_words(item.remote_value, width=200, clock=clock),
            who_when=_who_when(detail.remote_by, detail.remote_at),
        )
    )
    ctx.print(msg("  now:          {value}", value=value_words(detail.current_value, width=200)))
    ctx.print(
        msg(
            "  noted {when} (times in {zone})",
            when=f"{detail.created_at:%Y-%m-%d %H:%M}",
            zone=zone,
        )
    )
    if item.resolved_at is not None:
        ctx.print(
            msg(
                "  settled {when} by {who}: {how}",
                when=f"{clock.local(item.resolved_at):%Y-%m-%d %H:%M}",
                who=detail.resolved_by or msg("Outpost"),
                how=resolution_words(item.resolution),
            )
        )
    elif item.reason == UNSIGNED_ACCOUNT:
        ctx.print(
            msg(
                "  to settle (an administrator): outpost attention resolve {id} --keep theirs "
                "approves the change, --keep mine refuses it",
                id=item.id.hex[:SHORT],
            )
        )
    else:
        ctx.print(
            msg(
                "  to settle: outpost attention resolve {id} --keep mine|theirs, or --value "
                "{field}=VALUE",
                id=item.id.hex[:SHORT],
                field=item.field or "FIELD",
            )
        )
    return 0


def _chosen(detail: AttentionDetail, text: str) -> str:
    """VALUE of --value FIELD=VALUE, FIELD being the item's field."""
    field, sep, value = text.partition("=")
    expected = detail.item.field
    if expected is None:
        raise InvalidInput(msg("This item is not about one field: use --keep mine or theirs."))
    if not sep or field.strip().lower().replace("-", "_") != expected.lower():
        raise InvalidInput(
            msg(
                "This item is about {field}: give --value {field}=VALUE.",
                field=expected,
            )
        )
    return value


def _answer_account_change(ctx: CliContext, core: Any, detail: AttentionDetail, args: Any) -> int:
    if args.keep is None:
        raise InvalidInput(
            msg("An account change is approved with --keep theirs or refused with --keep mine.")
        )
    approve = args.keep == "theirs"
    core.admin.answer_account_change(detail.item.id, approve=approve)
    short = detail.item.id.hex[:SHORT]
    if approve:
        ctx.print(
            msg("Settled {id}: the account change is approved and signed; it syncs.", id=short)
        )
    else:
        ctx.print(msg("Settled {id}: the account change stays refused on this laptop.", id=short))
    return 0


def run_resolve(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.clinic() as core:
        detail = find_item(attention_details(core), args.item)
        if detail.item.reason == UNSIGNED_ACCOUNT:
            return _answer_account_change(ctx, core, detail, args)
        if args.merge_into is not None or args.keep == KEEP_BOTH:
            return _judged(ctx, core, detail, args)
        value = None if args.value is None else _chosen(detail, args.value)
        done = settle(core, detail.item.id, keep=args.keep, value=value).value
        now = _current(core, detail)
    short = done.id.hex[:SHORT]
    if done.field is None:  # a judgement about two records: both stay as they are
        ctx.print(msg("Settled {id}: marked as seen; both records stay as they are.", id=short))
        return 0
    ctx.print(
        msg(
            "Settled {id}: {how}; {field} is now {value}.",
            id=short,
            how=resolution_words(done.resolution),
            field=done.field or "-",
            value=value_words(now),
        )
    )
    return 0


def _judged(ctx: CliContext, core: ClinicCore, detail: AttentionDetail, args: Any) -> int:
    """--keep both, or --merge-into mine|theirs: an item about two records."""
    from desktop.app.attention import AttentionApi
    from desktop.cli.cmd_patients import merge_words

    item = detail.item
    short = item.id.hex[:SHORT]
    api = AttentionApi(core)
    if args.keep == KEEP_BOTH:
        if item.reason not in (POSSIBLE_DUPLICATE, DOUBLE_BOOKED):
            raise InvalidInput(
                msg("--keep both is for two records (a possible duplicate, a double booking).")
            )
        api.keep_both(item.id)
        ctx.print(msg("Settled {id}: both records stay; the other laptops hear of it.", id=short))
        return 0
    if item.reason != POSSIBLE_DUPLICATE:
        raise InvalidInput(
            msg("--merge-into is for a possible duplicate (two records of one person).")
        )
    side = item.local_value if args.merge_into == KEEP_MINE else item.remote_value
    try:
        survivor = uuid.UUID(str(side["id"]))
    except (KeyError, TypeError, ValueError):
        raise InvalidInput(msg("This item does not name two records.")) from None
    result = api.merge(item.id, survivor).value
    ctx.print(merge_words(result, str(side.get("name") or survivor)))
    return 0


def _current(core: ClinicCore, detail: AttentionDetail) -> Any:
    for found in attention_details(core, include_settled=True):
        if found.item.id == detail.item.id:
            return found.current_value
    return None
