"""The commands across a context's chain and the whole service: ``story`` (the closure
summary), ``close`` and ``reopen`` (the closure decision) and ``report`` (the service report
for a period)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from ctxtui.cli.opening import writable_meeting
from ctxtui.cli.output import UserError, _err, _out, _out_bytes
from ctxtui.core.labels import CLOSURE_OUTCOME_LABELS
from ctxtui.core.record import CLOSURE_OUTCOMES
from ctxtui.core.rules import Refused
from ctxtui.meeting.meeting import Conferences

COMMANDS = ("story", "close", "reopen", "report")


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    story = commands.add_parser(
        "story",
        parents=[common],
        help="the context's story: every conference of ID's chain, the trend, the closure",
        description="Prints the closure summary as Markdown; --format docx writes it with the "
        "scaling trend drawn as a chart.",
    )
    story.add_argument("id")
    story.add_argument("--format", choices=("md", "docx"), default="md")
    story.add_argument("--out", metavar="PATH", help="file to write (docx: default name here)")
    story.add_argument("--force", action="store_true", help="replace PATH if it exists")

    close = commands.add_parser(
        "close",
        parents=[common],
        help="record the decision to close the context at conference ID",
        description="Outcomes: "
        + "; ".join(f"{k}: {v}" for k, v in CLOSURE_OUTCOME_LABELS.items())
        + ". Final minutes must be amended first.",
    )
    close.add_argument("id")
    close.add_argument("--outcome", required=True, choices=CLOSURE_OUTCOMES)
    close.add_argument("--reason", default="", help="why (needed for 'other')")
    close.add_argument("--agreed-by", default="", help="who agreed, separated by commas")
    close.add_argument("--date", default="", metavar="YYYY-MM-DD", help="default: the conference's")

    reopen = commands.add_parser(
        "reopen", parents=[common], help="take back a closure (an amendment if final)"
    )
    reopen.add_argument("id")
    reopen.add_argument("--reason", required=True)

    report = commands.add_parser(
        "report",
        parents=[common],
        help="the service report for a period",
        description="Conferences held by context type and kind; minutes out within one working "
        "day; reviews held by their due date; actions done and overdue by agency; contexts "
        "opened and closed; the median scaling change per chain.",
    )
    report.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    report.add_argument("--format", choices=("md", "docx", "csv"), default="md")
    report.add_argument("--out", metavar="PATH", help="file to write (docx: default name here)")
    report.add_argument("--force", action="store_true", help="replace PATH if it exists")


def run(conferences: Conferences, args: argparse.Namespace) -> int:
    if args.command == "story":
        return _story(conferences, args)
    if args.command == "report":
        return _report(conferences, args)
    return _closure(conferences, args)


def _write(name: str, data: bytes, fmt: str, args: argparse.Namespace) -> str:
    """Write the file (or standard output for md and csv without --out); where it went."""
    from ctxtui.export import write_file

    if fmt in ("md", "csv") and not args.out:
        _out_bytes(data)
        return "to standard output"
    path = Path(args.out) if args.out else Path(name)
    write_file(path, data, replace=args.force)
    _out(path)
    return str(path)


def _story(conferences: Conferences, args: argparse.Namespace) -> int:
    name, data = conferences.closure_summary(args.id, args.format)
    where = _write(name, data, args.format, args)
    conferences.log_export(conferences.chain_of(args.id), f"closure summary {args.format}", where)
    return 0


def _report(conferences: Conferences, args: argparse.Namespace) -> int:
    try:
        start, end = dt.date.fromisoformat(args.start), dt.date.fromisoformat(args.end)
    except ValueError:
        raise UserError("give --from and --to as YYYY-MM-DD") from None
    if end < start:
        raise UserError("the period ends (--to) before it starts (--from)")
    report, unread = conferences.report(start, end)
    name, data = conferences.report_file(report, args.format)
    where = _write(name, data, args.format, args)
    conferences.log_export([], f"service report {args.format}", where)
    for problem in unread:
        _err(f"ctxtui: left out of the figures: {problem.message()}")
    if unread:
        _err(f"ctxtui: {len(unread)} file(s) could not be read: the figures leave them out.")
        return 1
    return 0


def _closure(conferences: Conferences, args: argparse.Namespace) -> int:
    doing = "close the context" if args.command == "close" else "reopen the context"
    with writable_meeting(conferences, args.id, doing) as meeting:
        try:
            if args.command == "close":
                agreed = [n.strip() for n in args.agreed_by.split(",") if n.strip()]
                saved = meeting.close_context(args.outcome, args.reason, agreed, args.date)
            else:
                saved = meeting.reopen_context(args.reason)
        except Refused as error:
            raise UserError(str(error)) from None
        if not saved:
            raise UserError(f"not saved: {meeting.save_error}")
        closure = meeting.conference.closure
    _out(f"Closed on {closure.date}." if closure.outcome else "Reopened.")
    return 0
