"""What can be typed: the ``ctxtui`` command's arguments, every command in the order
``ctxtui --help`` lists them. What each command does is in its group's module."""

from __future__ import annotations

import argparse

from ctxtui import __version__
from ctxtui.cli import between, protection, service, sharing
from ctxtui.core.record import CONTEXT_TYPES
from ctxtui.export import FORMATS, RECORDING_INDEX


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="folder holding the conferences (default: $CTXTUI_DATA_DIR or the user data folder)",
    )
    ui = argparse.ArgumentParser(add_help=False)
    ui.add_argument(
        "--mouse", action="store_true", default=argparse.SUPPRESS, help="turn mouse reporting on"
    )
    parser = argparse.ArgumentParser(
        prog="ctxtui",
        description="Minute a Context Safeguarding Conference live, keyboard only.",
        parents=[common, ui],
    )
    parser.add_argument("--version", action="version", version=f"ctxtui {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser(
        "demo", parents=[ui], help="open the app on a throwaway copy of a sample conference"
    )
    new = commands.add_parser("new", parents=[common], help="create a conference; prints its id")
    new.add_argument("--context", required=True, metavar="NAME", help="the place or group")
    new.add_argument("--type", choices=CONTEXT_TYPES, default="neighbourhood")
    new.add_argument("--date", metavar="YYYY-MM-DD", help="conference date (default: today)")

    open_ = commands.add_parser("open", parents=[common, ui], help="minute one conference")
    open_.add_argument("id")

    board = commands.add_parser(
        "board", parents=[common, ui], help="read-only live view for the shared screen"
    )
    board.add_argument("id")

    listing = commands.add_parser("list", parents=[common], help="one line per conference")
    listing.add_argument("--json", action="store_true", help="print a JSON array")

    import_ = commands.add_parser(
        "import",
        parents=[common],
        help="import JSON files",
        description="Each file is checked whole: good ones are stored (their ids are printed), "
        "each bad one is named. Exit 0: all imported; 1: some were not; 2: none were.",
    )
    import_.add_argument(
        "file", nargs="+", help="a ctxtui.conference/1 JSON file, or - for standard input"
    )

    export = commands.add_parser("export", parents=[common], help="write a conference out")
    export.add_argument("id")
    export.add_argument(
        "--format",
        required=True,
        choices=(*FORMATS, RECORDING_INDEX),
        help="the minutes as md, docx, pdf or json; recording-index: the offset of each point, "
        "plan row and score into the meeting's recording, for the service's records (Markdown, "
        "never circulated)",
    )
    export.add_argument(
        "--out",
        metavar="PATH",
        help="file to write (default: standard output for md, json and recording-index, "
        "YYYY-MM-DD-<context>-minutes.docx or .pdf here for docx and pdf)",
    )
    export.add_argument("--force", action="store_true", help="replace PATH if it exists")
    export.add_argument(
        "--archive", action="store_true", help="pdf: PDF/A-2b for archives, as well as PDF/UA-1"
    )
    review = commands.add_parser(
        "review", parents=[common], help="start a review conference from ID; prints its id"
    )
    review.add_argument("id")
    review.add_argument("--date", metavar="YYYY-MM-DD", help="review date (default: today)")
    review.add_argument(
        "--closure", action="store_true", help="a closure conference (a review held to close)"
    )

    check = commands.add_parser(
        "check", parents=[common], help="privacy scan; exit 1 and a list when something is flagged"
    )
    check.add_argument("id")
    check.add_argument("--json", action="store_true", help="print a JSON array of findings")
    check.add_argument(
        "--names",
        action="store_true",
        help="the names check instead: every word that could be a person's name and is neither "
        "flagged nor answered (category possible_name); exit 1 while there are any",
    )

    invite = commands.add_parser(
        "invite",
        parents=[common],
        help="mail the invitation (with a calendar entry) to the attendees through [smtp]",
        description="To the distribution list if there is one, else every attendee with an "
        "email address: the date, times, venue, agenda and priorities, how to send a written "
        "contribution, and an .ics entry (Europe/London). Recorded in the conference. Exit 0: "
        "sent to everyone; 1: some were refused; 2: nothing was sent.",
    )
    invite.add_argument("id")
    invite.add_argument(
        "--dry-run", action="store_true", help="say who would be invited, and send nothing"
    )

    attach = commands.add_parser(
        "attach",
        parents=[common],
        help="keep a written contribution (.txt, .md or .docx) with a conference",
        description="Reads the file's words only (no macros, pictures or links) into the "
        "conference, for the chair to pull in a sentence at a time during the meeting. The "
        "minutes list who sent a contribution, never its text.",
    )
    attach.add_argument("id")
    attach.add_argument("file")
    attach.add_argument("--agency", default="", help="the agency that sent it")
    attach.add_argument("--author", default="", help="who wrote it")
    attach.add_argument(
        "--progress",
        action="store_true",
        help="an agency's update on its actions (needs --agency), matched to its plan rows",
    )

    audit = commands.add_parser(
        "audit",
        parents=[common],
        help="who did what and when, from the data folder's audit log",
        description="One line an event (create, open, save, export, send, invite, attach, "
        "finalise, amend, delete), never any text of the minutes. --verify checks that no "
        "line was changed, removed or added since it was written, against the host's system "
        "log and the last save each record carries (exit 1 if one was, or if the system log "
        "could not confirm it).",
    )
    audit.add_argument("--id", help="only this conference")
    audit.add_argument("--from", dest="since", metavar="YYYY-MM-DD", help="only from this day")
    audit.add_argument("--json", action="store_true", help="one JSON array of events")
    audit.add_argument("--verify", action="store_true", help="check the chain of the log")

    sharing.add_parser(commands, common)
    protection.add_parsers(commands, common)
    service.add_parsers(commands, common)
    between.add_parsers(commands, common)

    send = commands.add_parser(
        "send",
        parents=[common],
        help="mail the minutes (DOCX) to the distribution list through [smtp] in the config",
        description="Final minutes only (a draft needs --draft); stops while privacy flags are "
        "open or the names check is not done (unless --ignore-flags, which the conference "
        "records). Each send is recorded in the conference. Exit 0: sent to everyone; 1: some "
        "recipients were refused; 2: nothing was sent.",
    )
    send.add_argument("id")
    send.add_argument("--draft", action="store_true", help="send minutes that are not final")
    send.add_argument(
        "--ignore-flags",
        action="store_true",
        help="send despite open flags or an unfinished names check (recorded in the conference)",
    )
    send.add_argument("--markdown", action="store_true", help="attach the Markdown as well")
    send.add_argument(
        "--pdf", action="store_true", help="attach the tagged PDF as well ([smtp] formats too)"
    )
    send.add_argument(
        "--dry-run", action="store_true", help="say who would get what, and send nothing"
    )
    return parser
