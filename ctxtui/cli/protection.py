"""The data protection commands: ``search`` (every mention of a name, in every copy),
``redact`` (take it out, as an amendment, and say which exported files to recall) and
``retention`` (what is past the service's retention period, and deleting it)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

import orjson

from ctxtui.cli.output import UserError, _err, _out, _out_bytes
from ctxtui.core.rules import Refused
from ctxtui.storage.store import Store

COMMANDS = ("search", "redact", "retention")


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    search = commands.add_parser(
        "search",
        parents=[common],
        help="find a word or name in every record and every copy ctxtui keeps",
        description="Whole words, whatever the case or accents ('zoe' finds 'Zoë'), in every "
        "field of every conference and in the copies beside them: backups, conflict and "
        "rescue copies, the index and the audit log. Exit 0: found; 1: nowhere.",
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


def run(store: Store, args: argparse.Namespace) -> int:
    if args.command == "search":
        return _search(store, args)
    if args.command == "redact":
        return _redact(store, args)
    return _retention(store, args)


def _search(store: Store, args: argparse.Namespace) -> int:
    from ctxtui.meeting.service import find_mentions

    try:
        found = find_mentions(store, args.text, args.chain)
    except Refused as error:
        raise UserError(str(error)) from None
    if args.json:
        _out_bytes(orjson.dumps([m.to_json() for m in found]) + b"\n")
        return 0 if found else 1
    for m in found:
        times = f" ({m.count} times)" if m.count > 1 else ""
        who = m.conference_id or "every conference"
        _out(f"{who}  {m.copy.kind}  {m.place}{times}  [{m.copy.path}]")
    places = {(m.copy.path, m.field) for m in found}
    _out(f"{sum(m.count for m in found)} mention(s) in {len(places)} place(s).")
    return 0 if found else 1


def _redact(store: Store, args: argparse.Namespace) -> int:
    from ctxtui.meeting.service import chain_of, redact

    ids = chain_of(store, args.id) if args.chain else [args.id]
    store.load(args.id)
    try:
        done = redact(store, ids, args.text, args.replacement, args.reason, only=args.field or None)
    except Refused as error:
        raise UserError(str(error)) from None
    for cid, count in done.replaced.items():
        _out(f"{cid}: {count} replaced")
    for cid, why in done.refused.items():
        _err(f"ctxtui: {cid} not redacted: {why}")
    if done.handed_out:
        _out("Made or sent before this redaction (recall them):")
        for line in done.recall_lines():
            _out(f"  {line}")
    if store.audit.read_problem:
        _err(
            f"ctxtui: warning: {store.audit.read_problem} So what was made or sent before may "
            "be missing from what to recall."
        )
    _out(f"{done.total} mention(s) replaced in {len(done.replaced)} conference(s).")
    return 1 if done.refused else 0


def _retention(store: Store, args: argparse.Namespace) -> int:
    from ctxtui.meeting.service import delete_chains, retention_due
    from ctxtui.storage.config import retention

    if not retention().set:
        raise UserError(
            "no retention period is set: add retention_years = N to config.toml "
            "(or a table by context type)"
        )
    today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    due = retention_due(store, today)
    for chain in due:
        ended = "closed" if chain.closed else "last conference"
        _out(
            f"{chain.context}  ({chain.type}, {len(chain.ids)} conference(s), {ended} "
            f"{chain.ended.isoformat()}, past retention since {chain.expired.isoformat()})"
        )
        for cid in chain.ids:
            _out(f"  {cid}")
    if not due:
        _out("Nothing is past retention.")
        store.audit.record("retention", "", "0 chain(s) past retention")
        return 0
    if not args.delete:
        store.audit.record("retention", "", f"{len(due)} chain(s) past retention, listed")
        _out(f"{len(due)} chain(s) past retention. `ctxtui retention --delete` removes them.")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError("deleting needs a yes: run it in a terminal, or add --yes")
        answer = input(f"Delete these {len(due)} chain(s) and every copy of them? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            _out("Nothing deleted.")
            return 0
    removed, refused = delete_chains(store, due)
    for cid, why in refused.items():
        _err(f"ctxtui: {cid} not deleted: {why}")
    _out(f"Deleted {len(due)} chain(s): {removed} file(s).")
    return 1 if refused else 0
