"""The commands between meetings, each through the application API: ``remind`` (ask each
agency for progress on its rows before the review), ``actions`` (every conference's rows still
to do) and ``attach --progress`` (an agency's update, matched to its rows)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

import orjson

from ctxtui.cli.opening import looking_at, writable_meeting
from ctxtui.cli.output import UserError, _err, _out, _out_bytes
from ctxtui.cli.records import parse_date_option
from ctxtui.core.rules import Refused
from ctxtui.meeting.meeting import ActionLine, AskPlan, Conferences, Meeting, mail_settings

COMMANDS = ("remind", "actions")


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    remind = commands.add_parser(
        "remind",
        parents=[common],
        help="ask each agency with rows still to do for an update before the review",
        description="From the day DAYS working days before the review date (ten by default; "
        "bank holidays of the configured nation do not count), mails each agency on the "
        "distribution list its rows still to do and asks for a short update by three working "
        "days before the review, as a reply the chair can attach (attach --progress). An "
        "agency is asked once; the conference keeps who was asked and when. Run it daily: "
        "before the day it sends nothing. Exit 0: asked (or nothing to do yet); 1: an agency "
        "with rows has nobody to ask, or a relay refused someone; 2: nothing could be sent.",
    )
    remind.add_argument("id")
    remind.add_argument(
        "--days", type=int, default=10, metavar="N", help="working days before the review"
    )
    remind.add_argument("--dry-run", action="store_true", help="say who would be asked")
    remind.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)

    actions = commands.add_parser(
        "actions",
        parents=[common],
        help="every conference's plan rows still to do (context, row, agency, due, status)",
        description="The rows neither done nor dropped of the last conference of each chain "
        "(a conference that has a review has handed its rows on; a closed context's are "
        "not listed), soonest due first.",
    )
    actions.add_argument("--agency", default="", help="only rows naming this agency")
    actions.add_argument(
        "--overdue", action="store_true", help="only rows open or in progress past their due date"
    )
    actions.add_argument("--json", action="store_true", help="print a JSON array")
    actions.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)


def run(conferences: Conferences, args: argparse.Namespace) -> int:
    if args.command == "remind":
        return _remind(conferences, args)
    return _actions(conferences, args)


def _actions(conferences: Conferences, args: argparse.Namespace) -> int:
    today = parse_date_option(args.today, "--today")
    rows, problems = conferences.open_actions(today, args.agency, args.overdue)
    for problem in problems:
        _err(f"ctxtui: warning: {problem.message()}")
    if args.json:  # one row a line, as list --json
        _out_bytes(_json_lines(rows))
        return 0
    for row in rows:
        late = "  OVERDUE" if row.overdue else ""
        update = f"  · {row.progress}" if row.progress else ""
        _out(
            f"{row.due or '-':<10}  {row.status:<11}  {row.agency or '(no agency)'}: "
            f"{row.intervention or '(no intervention)'}  [{row.context}, row {row.row}, "
            f"{row.conference}]{late}{update}"
        )
    if not rows:
        _err("No rows still to do" + (" past their due date." if args.overdue else "."))
    return 0


# where one row's object ends and the next begins in orjson's compact output: no text can
# hold it, as within a JSON string every quotation mark is escaped
_NEXT_ROW = b'},{"' + ActionLine._fields[0].encode() + b'":'


def _json_lines(rows: list[ActionLine]) -> bytes:
    """A JSON array of the rows, one a line. Made in one call, not one a row (10,000 rows
    took three times as long), then parted at each row's start. Written as made: every text
    came through ``printable`` on its way out of the files (or the index), and orjson escapes
    what JSON must."""
    if not rows:
        return b"[]\n"
    fields = ActionLine._fields
    made = orjson.dumps([dict(zip(fields, row, strict=True)) for row in rows])
    return b"[\n" + made[1:-1].replace(_NEXT_ROW, b"},\n" + _NEXT_ROW[2:]) + b"\n]\n"


def _remind(conferences: Conferences, args: argparse.Namespace) -> int:
    today = parse_date_option(args.today, "--today")
    if not 0 < args.days <= 60:
        raise UserError("--days is a number of working days from 1 to 60")
    if args.dry_run:
        with looking_at(conferences, args.id) as meeting:
            plan = _plan(meeting, today, args.days)
            _say_plan(plan, today)
            _out("Nothing sent (--dry-run).")
        return 1 if plan.nobody else 0
    from ctxtui.mail.circulate import SendError

    with writable_meeting(conferences, args.id, "ask for progress") as meeting:
        plan = _plan(meeting, today, args.days)
        _say_plan(plan, today)
        if plan.too_early(today) or not plan.requests:
            return 1 if plan.nobody else 0
        meeting.nation = conferences.nation
        try:
            settings = mail_settings()
        except SendError as error:
            raise UserError(str(error)) from None
        done = meeting.ask_for_progress(settings, plan)
        at = dt.datetime.now().replace(microsecond=0).isoformat()
        if args.today:  # a day given for a test or a catch-up: the record says that day
            at = f"{today.isoformat()}T{at[11:]}"
        failed = 0
        for request, outcome in done:
            if isinstance(outcome, SendError):
                failed += 1
                _err(f"ctxtui: {request.agency} was not asked: {outcome}")
                continue
            meeting.record_asked(request, outcome, at, plan)
            _out(f"Asked {request.agency}: {outcome.describe()}")
            failed += bool(outcome.refused)
        if not meeting.flush():
            raise UserError(f"the requests went, but were not recorded: {meeting.save_error}")
    if failed == len(done):
        return 2
    return 1 if failed or plan.nobody else 0


def _plan(meeting: Meeting, today: dt.date, days: int) -> AskPlan:
    try:
        return meeting.ask_plan(today, days)
    except Refused as error:
        raise UserError(str(error)) from None


def _say_plan(plan: AskPlan, today: dt.date) -> None:
    """Who is asked about what, and when: on standard output."""
    review, day, by = plan.review.isoformat(), plan.ask_on.isoformat(), plan.reply_by.isoformat()
    if plan.too_early(today):
        _out(f"Not yet: progress is asked for on {day}, before the review on {review}.")
    else:
        _out(f"Review on {review}: updates asked for by {by}.")
    for request in plan.requests:
        to = ", ".join(p.email for p in request.people)
        rows = ", ".join(str(index + 1) for index in request.rows)
        _out(f"  {request.agency}: rows {rows} -> {to}")
    for request in plan.asked_before:
        _out(f"  {request.agency}: asked already on {request.asked}")
    for agency in plan.nobody:
        _err(f"ctxtui: nobody on the distribution list to ask for {agency}'s rows")


def attach_progress(conferences: Conferences, args: argparse.Namespace) -> int:
    """``attach ID FILE --progress --agency A``: an agency's update, matched to its rows."""
    from ctxtui.meeting.contributions import ContributionError

    if not args.agency.strip():
        raise UserError("--progress needs --agency, the agency the update comes from")
    with writable_meeting(conferences, args.id, "attach an update") as meeting:
        try:
            attached = meeting.attach_progress(Path(args.file), args.agency, args.author)
        except (ContributionError, Refused) as error:
            raise UserError(str(error)) from None
        if not meeting.flush():
            raise UserError(f"the update was not saved: {meeting.save_error}")
    update = attached.update
    where = f"rows {', '.join(map(str, attached.rows))}" if attached.rows else "no row"
    if attached.whole and attached.rows:
        where += " (it gives no row numbers: shown beside each)"
    _out(f"Kept the update from {update.agency} on {where} of {update.answers}.")
    if attached.flagged:
        _err(
            f"ctxtui: {attached.flagged} sentence(s) of it the privacy guard flags: they say so "
            "at the review before they are pulled in"
        )
    return 0
