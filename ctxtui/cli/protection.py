"""The data protection commands: ``search`` (every mention of a name, in every copy),
``redact`` (take it out, as an amendment, and say which exported files to recall) and
``retention`` (what is past the service's retention period, and deleting it)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

import orjson

from ctxtui.cli import rename, words
from ctxtui.cli.output import UserError, _err, _out, _out_bytes
from ctxtui.core.ids import id_carries
from ctxtui.core.rules import Refused
from ctxtui.meeting.meeting import Conferences

COMMANDS = ("search", "redact", "retention", "rename", "words")


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    search = commands.add_parser(
        "search",
        parents=[common],
        help="find a word or name in every record and every copy ctxtui keeps",
        description="Whole words, whatever the case or accents ('zoe' finds 'Zoë'), in every "
        "field of every conference and in the copies beside them: backups, conflict and "
        "rescue copies, temp files a crash left, the index and the audit log. Exit 0: found, "
        "and every file read; 1: found nowhere, or a file could not be read (each is named).",
    )
    search.add_argument("text")
    search.add_argument("--chain", metavar="ID", help="only the chain this conference is in")
    search.add_argument("--json", action="store_true", help="print a JSON array")

    redact = commands.add_parser(
        "redact",
        parents=[common],
        help="replace a word or name in a conference (or its chain) and every copy of it",
        description="Final minutes are amended with the reason and stay final. Every copy "
        "beside the record (backup, conflict and rescue copies, the index) is changed too. "
        "The audit log is never rewritten. Lists the files exported and the mail sent before, "
        "for the service to recall.",
    )
    redact.add_argument("id")
    redact.add_argument("text")
    redact.add_argument("--with", dest="replacement", default="[redacted]", metavar="TEXT")
    redact.add_argument("--reason", required=True, help="why (kept in the amendment)")
    redact.add_argument("--chain", action="store_true", help="every conference of ID's chain")
    redact.add_argument("--field", metavar="PATH", help="only this field, e.g. points.concerns[2]")

    retention = commands.add_parser(
        "retention",
        parents=[common],
        help="list (or delete) the chains past retention_years in the config",
        description="A chain's retention is counted from the day it was closed, or its last "
        "conference if never closed. --delete removes each chain with every copy ctxtui made "
        "of it, after asking (--yes for scripts).",
    )
    retention.add_argument("--delete", action="store_true")
    retention.add_argument("--yes", action="store_true", help="do not ask (with --delete)")
    retention.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)

    rename.add_parser(commands, common)
    words.add_parser(commands, common)


def run(conferences: Conferences, args: argparse.Namespace) -> int:
    if args.command == "search":
        return _search(conferences, args)
    if args.command == "redact":
        return _redact(conferences, args)
    if args.command == "rename":
        return rename.run(conferences, args)
    if args.command == "words":
        return words.run(conferences, args)
    return _retention(conferences, args)


def _search(conferences: Conferences, args: argparse.Namespace) -> int:
    try:
        found = conferences.find(args.text, args.chain)
    except Refused as error:
        raise UserError(str(error)) from None
    mentions = found.mentions
    for problem in found.unread:
        _err(f"ctxtui: {problem.message()}")
    if args.json:
        _out_bytes(orjson.dumps([m.to_json() for m in mentions]) + b"\n")
    else:
        for m in mentions:
            times = f" ({m.count} times)" if m.count > 1 else ""
            who = m.conference_id or "every conference"
            _out(f"{who}  {m.copy.kind}  {m.place}{times}  [{m.copy.path}]")
        places = {(m.copy.path, m.field) for m in mentions}
        _out(f"{sum(m.count for m in mentions)} mention(s) in {len(places)} place(s).")
    if found.unread:
        _err(f"ctxtui: {len(found.unread)} file(s) could not be searched (named above).")
    return 0 if mentions and not found.unread else 1


def _redact(conferences: Conferences, args: argparse.Namespace) -> int:
    ids = conferences.chain_of(args.id) if args.chain else [args.id]
    conferences.load(args.id)
    try:
        done = conferences.redact(ids, args.text, args.replacement, args.reason, only=args.field)
    except Refused as error:
        raise UserError(str(error)) from None
    for cid, count in done.replaced.items():
        _out(f"{cid}: {count} replaced")
    for cid, why in done.refused.items():
        _err(f"ctxtui: {cid} not redacted: {why}")
    for problem in done.unread:
        _err(f"ctxtui: not redacted: {problem.message()}")
    if done.handed_out:
        _out("Made or sent before this redaction (recall them):")
        for line in done.recall_lines():
            _out(f"  {line}")
    if done.audit_unread:
        _err(
            f"ctxtui: warning: {done.audit_unread} So what was made or sent before may "
            "be missing from what to recall."
        )
    _out(f"{done.total} mention(s) replaced in {len(done.replaced)} conference(s).")
    carried = [cid for cid in ids if id_carries(cid, args.text)]  # the id holds it: rename
    for cid in carried:
        _err(
            f"ctxtui: the id {cid} and its file names still hold it: run "
            f'ctxtui rename {cid} --context "NEW NAME" --reason WHY.'
        )
    return 0 if done.complete and not carried else 1


def _retention(conferences: Conferences, args: argparse.Namespace) -> int:
    today = _today(args.today)
    try:
        due = conferences.retention_due(today)
    except Refused as error:
        raise UserError(str(error)) from None
    for problem in due.unread:
        _err(f"ctxtui: {problem.message()}")
    for chain in due.chains:
        ended = "closed" if chain.closed else "last conference"
        _out(
            f"{chain.context}  ({chain.type}, {len(chain.ids)} conference(s), {ended} "
            f"{chain.ended.isoformat()}, past retention since {chain.expired.isoformat()})"
        )
        for cid in chain.ids:
            _out(f"  {cid}  {due.source(cid)}")
            if cid in due.recordings:  # ctxtui never holds the audio: the service deletes it
                _out(f"    recording to delete with it: {due.recordings[cid]}")
    if not due.chains:
        _out("Nothing is past retention.")
        conferences.log_retention("0 chain(s) past retention")
        return 1 if due.unread else 0
    if not args.delete:
        conferences.log_retention(f"{len(due.chains)} chain(s) past retention, listed")
        _out(
            f"{len(due.chains)} chain(s) past retention. `ctxtui retention --delete` removes them."
        )
        return 1 if due.unread else 0
    if due.unread:
        raise UserError(
            f"nothing was deleted: {len(due.unread)} record(s) could not be read (named above), "
            "and one of them could belong to these chains with a later date"
        )
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError("deleting needs a yes: run it in a terminal, or add --yes")
        answer = input(f"Delete these {len(due.chains)} chain(s) and every copy of them? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            _out("Nothing deleted.")
            return 0
    done = conferences.delete_chains(due)
    for cid, why in done.refused.items():
        _err(f"ctxtui: {cid} not deleted: {why}")
    _out(
        f"Deleted {done.chains} of {len(due.chains)} chain(s) whole: {done.files} file(s) "
        "removed (records, every copy and lock files)."
    )
    return 1 if done.refused else 0


def _today(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(f"--today takes a day as YYYY-MM-DD, not {text!r}") from None
