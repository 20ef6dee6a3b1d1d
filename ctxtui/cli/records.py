"""The commands over the data folder's records: ``new``, ``list``, ``import``, ``review``
and ``audit``, each through the one service object (``Conferences``)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

import orjson

from ctxtui.cli.output import UserError, _err, _out, _out_bytes
from ctxtui.core.record import FIRST_YEAR, LAST_YEAR, ValidationError, parse_date
from ctxtui.meeting.meeting import Conferences, StoreError, describe_event, event_json

COMMANDS = ("new", "list", "import", "review", "audit")
MAX_IMPORT_BYTES = 20 * 1024 * 1024


def run(conferences: Conferences, args: argparse.Namespace) -> int:
    handlers = {
        "new": _new,
        "list": _list,
        "import": _import_all,
        "review": _review,
        "audit": _audit_log,
    }
    return handlers[args.command](conferences, args)


def parse_date_option(text: str | None, option: str = "--date") -> dt.date:
    if not text:
        return dt.date.today()
    try:
        day = parse_date(text)
    except ValueError:
        day = None
    if day is None:
        raise UserError(
            f"{option} must be a date YYYY-MM-DD between {FIRST_YEAR} and {LAST_YEAR} "
            f"(got {text!r})"
        )
    return day


def _new(conferences: Conferences, args: argparse.Namespace) -> int:
    held = parse_date_option(args.date)
    name = args.context.strip()
    if not name:
        raise UserError("--context needs the name of the place or group")
    _out(conferences.new(name, args.type, held).id)
    return 0


def _review(conferences: Conferences, args: argparse.Namespace) -> int:
    held = parse_date_option(args.date)
    kind = "closure" if args.closure else "review"
    _out(conferences.review(args.id, held, kind).id)
    return 0


def _list(conferences: Conferences, args: argparse.Namespace) -> int:
    as_json = args.json
    listing = conferences.listing()
    for problem in listing.problems:
        _err(f"ctxtui: warning: {problem.message()}")
    chosen_nation = conferences.nation
    rows = [summary.to_json(chosen_nation) for summary in listing.summaries]
    if as_json:  # one conference a line: readable, and quick to write for 10,000
        lines = ",\n".join(orjson.dumps(row).decode("utf-8") for row in rows)
        _out(f"[\n{lines}\n]" if rows else "[]")
        return 0
    for row in rows:
        _out(
            f"{row['id']}  {row['conference'] or '----------'}  {row['kind']:<7}  "
            f"{row['status']:<5}  minutes due {row['minutes_due'] or '-':<10}  "
            f"review {row['review_due'] or '-':<10}  {row['context']}"
            + (f"  (closed {row['closed']})" if row["closed"] else "")
        )
    if not rows:
        _err("No conferences yet. Create one with: ctxtui new --context NAME")
    return 0


def _import_all(conferences: Conferences, args: argparse.Namespace) -> int:
    """Import each file on its own: one bad file never stops the others."""
    files: list[str] = args.file
    if files.count("-") > 1:
        raise UserError("standard input (-) can be imported once per call")
    failed = 0
    for file in files:
        try:
            _import(conferences, file)
        except (UserError, StoreError) as error:
            if len(files) == 1:
                raise
            failed += 1
            _err(f"ctxtui: {error}")
    if failed:
        _err(f"ctxtui: {len(files) - failed} of {len(files)} files imported")
    return 0 if not failed else 2 if failed == len(files) else 1


def _import(conferences: Conferences, file: str) -> int:
    name = "standard input" if file == "-" else file
    try:
        if file == "-":
            raw = sys.stdin.buffer.read(MAX_IMPORT_BYTES + 1)
        else:
            with open(file, "rb") as handle:
                raw = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise UserError(f"cannot read {name}: {error.strerror or error}") from None
    if len(raw) > MAX_IMPORT_BYTES:
        raise UserError(f"{name} is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UserError(f"{name} is not UTF-8 text; nothing was imported") from None
    except json.JSONDecodeError as error:
        raise UserError(
            f"{name} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}); "
            "nothing was imported"
        ) from None
    except ValueError:  # Python refuses numbers of thousands of digits
        raise UserError(f"{name} holds a number too long to read; nothing was imported") from None
    except RecursionError:
        raise UserError(f"{name} is nested too deeply to read; nothing was imported") from None
    try:
        conference, note = conferences.import_record(data)
    except ValidationError as error:
        raise UserError(f"{name} was not imported: {error}") from None
    except RecursionError:
        raise UserError(f"{name} is nested too deeply to read; nothing was imported") from None
    if note:
        _err(f"ctxtui: {note}")
    _out(conference.id)
    return 0


def _audit_log(conferences: Conferences, args: argparse.Namespace) -> int:
    if args.verify:
        verdict = conferences.verify_audit()
        for problem in verdict.problems:
            _err(f"ctxtui: {problem}")
        for note in verdict.notes:
            _err(f"ctxtui: note: {note}")
        if verdict.problems:
            _out(f"{len(verdict.problems)} problem(s) found.")
        elif verdict.confirmed:
            _out("The audit log is whole, and the system log agrees.")
        else:
            _out("The audit log's own chain holds, but nothing outside this folder confirms it.")
        return 0 if verdict.confirmed else 1
    since = parse_date_option(args.since, "--from") if args.since else None
    events, read_problem = conferences.audit_events(args.id, since)
    if read_problem:
        _err(f"ctxtui: warning: {read_problem}")
    if args.json:
        _out_bytes(orjson.dumps([event_json(e) for e in events]) + b"\n")
        return 0
    for event in events:
        _out(describe_event(event))
    return 0
