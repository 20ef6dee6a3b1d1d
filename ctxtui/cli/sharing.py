"""``ctxtui agreement``: each attendee's and recipient's sharing basis, and the signed
information-sharing agreement recorded (or taken off) for one of them, through the Meeting as
the app's form does (``s`` on the attendance or distribution list)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ctxtui.cli.minutes import _warn_of_audit_problem
from ctxtui.cli.opening import looking_at, writable_meeting
from ctxtui.cli.output import UserError, _out
from ctxtui.cli.records import parse_date_option
from ctxtui.core.record import strip_controls
from ctxtui.core.rules import Refused
from ctxtui.core.sharing import Person, who
from ctxtui.meeting.meeting import Conferences, Meeting

COMMANDS = ("agreement",)
# the lists as the command names them: (table, option, the list's name)
LISTS = (
    ("attendees", "--attendee", "attendance list"),
    ("distribution", "--recipient", "distribution list"),
)


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    agreement = commands.add_parser(
        "agreement",
        parents=[common],
        help="each person's sharing basis; record (or take off) a signed information-sharing "
        "agreement",
        description="With the ID alone: every attendee and recipient of the minutes with their "
        "sharing basis (statutory partner, agreement signed, or none). With a person and "
        "--signed: records the agreement they signed (the same person on the other list gets "
        "it too); --remove takes it off. Final minutes are amended for it with --reason and "
        "finalised again. Each change is in the audit log.",
    )
    agreement.add_argument("id")
    who_ = agreement.add_mutually_exclusive_group()
    who_.add_argument("--attendee", metavar="N", help="the Nth attendee (as listed)")
    who_.add_argument("--recipient", metavar="N", help="the Nth on the distribution list")
    who_.add_argument("--email", metavar="ADDRESS", help="the person with this address")
    agreement.add_argument("--signed", metavar="YYYY-MM-DD", help="the day it was signed")
    agreement.add_argument(
        "--reference",
        metavar="REF",
        help="the agreement's version or reference (default: the service's usual one, "
        "[sharing] agreement_reference, or the last one used in this conference)",
    )
    agreement.add_argument("--remove", action="store_true", help="take a recorded agreement off")
    agreement.add_argument(
        "--reason", default="", help="final minutes: why they are amended (kept in the amendment)"
    )
    agreement.add_argument("--json", action="store_true", help="the list as JSON")


def run(conferences: Conferences, args: argparse.Namespace) -> int:
    if args.attendee is None and args.recipient is None and args.email is None:
        if args.signed is not None or args.reference is not None or args.remove or args.reason:
            raise UserError("say whose agreement it is: --attendee N, --recipient N or --email")
        with looking_at(conferences, args.id) as meeting:
            _list(meeting, as_json=args.json)
        return 0
    if args.json:
        raise UserError("--json is for the list (the ID alone)")
    if args.remove == (args.signed is not None):
        raise UserError("give --signed YYYY-MM-DD to record an agreement, or --remove")
    if args.remove and args.reference is not None:
        raise UserError("--remove takes the whole agreement off: leave out --reference")
    if args.signed is not None:
        parse_date_option(args.signed, "--signed")
    if args.reference is not None and strip_controls(args.reference) != args.reference:
        raise UserError("--reference holds a control character: type it as plain text")
    with writable_meeting(conferences, args.id, "add a sharing agreement") as meeting:
        _change(meeting, args)
    return 0


def _list(meeting: Meeting, *, as_json: bool) -> None:
    if as_json:
        found = {
            table: [_as_json(meeting, n, person) for n, person in enumerate(_rows(meeting, table))]
            for table, _option, _heading in LISTS
        }
        _out(json.dumps({"id": meeting.conference.id, **found}, ensure_ascii=False, indent=2))
        return
    for table, option, name in LISTS:
        rows = _rows(meeting, table)
        heading = name[:1].upper() + name[1:]
        _out(f"{heading} ({option} N):" if rows else f"{heading}: nobody")
        for n, person in enumerate(rows, 1):
            address = f" <{person.email}>" if person.email else ""
            _out(f"  {n:>2}  {who(person)}{address}: {meeting.basis(person).describe()}")


def _rows(meeting: Meeting, table: str) -> list[Person]:
    rows: list[Person] = getattr(meeting.conference, table)
    return rows


def _as_json(meeting: Meeting, index: int, person: Person) -> dict[str, Any]:
    basis = meeting.basis(person)
    return {
        "number": index + 1,
        "name": person.name,
        "agency": person.agency,
        "email": person.email,
        "basis": basis.kind,
        "signed": basis.signed,
        "reference": basis.reference,
    }


def _whose(meeting: Meeting, args: argparse.Namespace) -> tuple[str, int]:
    """The list and the index of the person the options name; one sentence if nobody."""
    conference_id = meeting.conference.id
    if args.email is not None:
        found = meeting.person_with(args.email)
        if found is None:
            raise UserError(
                f"nobody on {conference_id}'s attendance or distribution list has the address "
                f"{args.email!r}"
            )
        return found
    table, option, name = LISTS[0] if args.attendee is not None else LISTS[1]
    typed = args.attendee if args.attendee is not None else args.recipient
    count = len(_rows(meeting, table))
    number = int(typed) if typed.strip().isdigit() else 0
    if not 1 <= number <= count:
        listed = f"{count} people: {option} takes 1 to {count}" if count else "nobody on it"
        raise UserError(
            f"{conference_id}'s {name} has {listed} (got {typed!r}); "
            f"`ctxtui agreement {conference_id}` lists them"
        )
    return table, number - 1


def _change(meeting: Meeting, args: argparse.Namespace) -> None:
    table, index = _whose(meeting, args)
    person = _rows(meeting, table)[index]
    if args.remove and not person.agreement_signed:
        raise UserError(f"{who(person)} has no agreement recorded to take off")
    final = meeting.conference.status == "final"
    if final and not args.reason.strip():
        raise UserError(
            f"{meeting.conference.id}'s minutes are final: give --reason WHY to amend them for "
            "the agreement (they are finalised again), or amend them in the app first (Ctrl+O m)"
        )
    signed, reference = "", ""
    if not args.remove:
        signed = args.signed
        reference = args.reference
        if reference is None:
            reference = meeting.agreement_values(table, index)[1]
        if not reference.strip():
            raise UserError("give --reference REF: the agreement's version or reference")
    try:
        count = meeting.record_agreement(
            table, index, signed, reference, amend_reason=args.reason if final else ""
        )
    except Refused as error:
        raise UserError(str(error)) from None
    if not meeting.flush():
        raise UserError(f"the agreement was not saved: {meeting.save_error}")
    _warn_of_audit_problem(meeting)
    both = " (on both lists)" if count > 1 else ""
    if args.remove:
        _out(f"Agreement taken off for {who(person)}{both}.")
    else:
        basis = meeting.basis(person).describe()
        _out(f"Agreement recorded for {who(person)}{both}: {basis[:1].lower()}{basis[1:]}.")
