"""``ctxtui rename ID --context NAME``: a new name for the place or group, and the id made
from it, with every file, copy, lock, index entry and chain link moved (meeting/rename.py)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ctxtui.cli.output import UserError, _err, _out
from ctxtui.core.rules import Refused
from ctxtui.meeting.meeting import Conferences, describe_event

if TYPE_CHECKING:  # the rename is loaded only when it is asked for
    from ctxtui.meeting.meeting import Renamed


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    rename = commands.add_parser(
        "rename",
        parents=[common],
        help="give a conference's context a new name, and the conference a new id made from it",
        description="Use it when the context's name itself must go (it names a person, say): "
        "the id, the file names, the lock, the index and the links from later conferences "
        "change with it, and every copy beside the record is moved and rewritten. Final "
        "minutes are amended with the reason and stay final. The audit log keeps its older "
        "lines as written, with the old id; files already exported or mailed are not reached. "
        "Refused while the conference, or one that reviews it, is open elsewhere.",
    )
    rename.add_argument("id")
    rename.add_argument("--context", required=True, metavar="NAME", help="the new name")
    rename.add_argument("--reason", required=True, help="why (kept in the amendment)")
    rename.add_argument("--chain", action="store_true", help="every conference of ID's chain")


def run(conferences: Conferences, args: argparse.Namespace) -> int:
    conferences.load(args.id)
    ids = conferences.chain_of(args.id) if args.chain else [args.id]
    done = []
    try:  # each said as it is done: a refusal half way through a chain leaves the rest as it was
        for result in conferences.rename(ids, args.context, args.reason):
            done.append(result)
            _said(result)
    except Refused as error:
        raise UserError(str(error)) from None
    handed_out = [e for result in done for e in result.handed_out]
    if handed_out:
        _out("Made or sent before the rename, with the old name (recall them):")
        for event in handed_out:
            _out(f"  {describe_event(event)}")
    return 1 if any(result.left for result in done) else 0


def _said(result: Renamed) -> None:
    """One line a conference renamed, and one a review now pointing at it."""
    if result.new_id == result.old_id:
        _out(f"{result.new_id}: renamed; its id stays the same.")
    else:
        _out(f"{result.old_id} is now {result.new_id}.")
    for review in result.relinked:
        _out(f"  {review} now reviews {result.new_id}.")
    for path in result.left:
        _err(f"ctxtui: {path} could not be read, so it was left as it was.")
