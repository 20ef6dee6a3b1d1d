"""The ``ctxtui`` command. User mistakes print one sentence on stderr and exit 2, never a traceback.

The Textual app is imported only by the commands that open it, so scripting commands stay quick.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from ctxtui import __version__
from ctxtui.cli import protection, service
from ctxtui.cli.output import EXIT_ERROR, UserError, _err, _out, _out_bytes, _sentence
from ctxtui.core import dates
from ctxtui.core.record import (
    CONTEXT_TYPES,
    FIRST_YEAR,
    LAST_YEAR,
    Conference,
    Context,
    Dates,
    ValidationError,
    parse_date,
)
from ctxtui.export import FORMATS, ExportError, export_minutes, render
from ctxtui.export.markdown import default_file_name
from ctxtui.storage.conffile import StoreError
from ctxtui.storage.config import ConfigError, data_dir, nation
from ctxtui.storage.store import Store

if TYPE_CHECKING:
    from ctxtui.meeting.meeting import Meeting

MAX_IMPORT_BYTES = 20 * 1024 * 1024


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
    export.add_argument("--format", required=True, choices=FORMATS)
    export.add_argument(
        "--out",
        metavar="PATH",
        help="file to write (default: standard output for md and json, "
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

    protection.add_parsers(commands, common)
    service.add_parsers(commands, common)

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


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return run(args)
    except (UserError, StoreError, ExportError, ValidationError, ConfigError) as error:
        _err(f"ctxtui: {_sentence(str(error))}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def run(args: argparse.Namespace) -> int:
    command = args.command
    mouse = getattr(args, "mouse", False)
    if command == "demo":
        _need_a_terminal()  # before a throwaway folder is made
        return _demo(mouse)
    store = Store(data_dir(getattr(args, "data_dir", None)))
    if command is None:
        return _run_app(store, None, mouse)
    if command == "open":
        store.load(args.id)  # a clear message here rather than inside the app
        return _run_app(store, args.id, mouse)
    if command == "board":
        store.load(args.id)
        return _run_app(store, args.id, mouse, board=True)
    if command in protection.COMMANDS:
        return protection.run(store, args)
    if command in service.COMMANDS:
        return service.run(store, args)
    handlers = {
        "new": _new,
        "list": _list,
        "import": _import_all,
        "export": _export,
        "check": _check,
        "send": _send,
        "attach": _attach,
        "invite": _invite,
        "audit": _audit_log,
        "review": _review,
    }
    if command not in handlers:
        raise UserError(f"unknown command {command!r}")
    return handlers[command](store, args)


def _review(store: Store, args: argparse.Namespace) -> int:
    from ctxtui.meeting.meeting import create_review

    held = _parse_date_option(args.date)
    kind = "closure" if args.closure else "review"
    _out(create_review(store, args.id, held, nation(), kind).id)
    return 0


def _run_app(store: Store, conference_id: str | None, mouse: bool, *, board: bool = False) -> int:
    _need_a_terminal()
    from ctxtui.app import run_app  # the UI is loaded only when it is needed

    return run_app(store, conference_id, mouse=mouse, board=board)


def _need_a_terminal() -> None:
    """The full-screen app reads keys from a terminal: refuse plainly when there is none."""
    for name, stream in (("standard input", sys.stdin), ("standard output", sys.stdout)):
        if stream is None or not stream.isatty():
            raise UserError(
                f"the app needs a terminal, and {name} is not one (run it in an SSH or "
                "terminal window; for scripts, use list, import, export or check)"
            )


def _demo(mouse: bool) -> int:
    from ctxtui.cli.demo import demo_conference

    folder = Path(tempfile.mkdtemp(prefix="ctxtui-demo-"))
    try:
        store = Store(folder)
        conference = store.create(demo_conference())
        return _run_app(store, conference.id, mouse)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _parse_date_option(text: str | None, option: str = "--date") -> dt.date:
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


def _new(store: Store, args: argparse.Namespace) -> int:
    held = _parse_date_option(args.date)
    name = args.context.strip()
    if not name:
        raise UserError("--context needs the name of the place or group")
    conference = Conference(
        context=Context(name=name, type=args.type),
        dates=Dates(conference=held.isoformat(), review=dates.default_review_text(held, nation())),
    )
    _out(store.create(conference).id)
    return 0


def _list(store: Store, args: argparse.Namespace) -> int:
    as_json = args.json
    listing = store.list()
    for problem in listing.problems:
        _err(f"ctxtui: warning: {problem.message()}")
    chosen_nation = nation()
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


def _import_all(store: Store, args: argparse.Namespace) -> int:
    files: list[str] = args.file
    """Import each file on its own: one bad file never stops the others."""
    if files.count("-") > 1:
        raise UserError("standard input (-) can be imported once per call")
    failed = 0
    for file in files:
        try:
            _import(store, file)
        except (UserError, StoreError) as error:
            if len(files) == 1:
                raise
            failed += 1
            _err(f"ctxtui: {error}")
    if failed:
        _err(f"ctxtui: {len(files) - failed} of {len(files)} files imported")
    return 0 if not failed else 2 if failed == len(files) else 1


def _import(store: Store, file: str) -> int:
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
        conference, note = store.import_dict(data)
    except ValidationError as error:
        raise UserError(f"{name} was not imported: {error}") from None
    except RecursionError:
        raise UserError(f"{name} is nested too deeply to read; nothing was imported") from None
    if note:
        _err(f"ctxtui: {note}")
    _out(conference.id)
    return 0


def _check(store: Store, args: argparse.Namespace) -> int:
    from ctxtui.guard.privacy import names_to_check, scan
    from ctxtui.meeting.meeting import describe_finding

    conference = store.load(args.id)
    findings = names_to_check(conference, _local_words(store)) if args.names else scan(conference)
    if args.json:
        _out(json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=2))
    elif findings:
        for finding in findings:
            _out(describe_finding(finding))
    else:
        _out("Nothing to confirm." if args.names else "Nothing flagged.")
    return 1 if findings else 0


def _local_words(store: Store) -> frozenset[str]:
    """The service's words that are not names; a file that cannot be read is a warning."""
    from ctxtui.meeting.service import known_words

    words, problem = known_words(store)
    if problem:
        _err(f"ctxtui: warning: {problem}")
    return words


def _audit_log(store: Store, args: argparse.Namespace) -> int:
    from ctxtui.storage.audit import describe_event, event_json, ids_of

    if args.verify:
        verdict = store.verify_audit()
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
    since = _parse_date_option(args.since, "--from") if args.since else None
    logged = list(store.audit.events())
    ids = ids_of(logged, args.id) if args.id else set()  # with the ids it had before a rename
    events = [
        e
        for e in logged
        if (args.id is None or e.id in ids) and (since is None or e.at[:10] >= since.isoformat())
    ]
    if store.audit.read_problem:
        _err(f"ctxtui: warning: {store.audit.read_problem}")
    if args.json:
        _out_bytes(orjson.dumps([event_json(e) for e in events]) + b"\n")
        return 0
    for event in events:
        _out(describe_event(event))
    return 0


@contextlib.contextmanager
def writable_meeting(store: Store, conference_id: str, doing: str) -> Iterator[Meeting]:
    """The conference open for writing, closed afterwards; one sentence if another window has
    it (``doing`` says what could not be done: "invite", "attach a contribution")."""
    from ctxtui.meeting.meeting import Meeting

    meeting = Meeting(store, conference_id)
    try:
        if meeting.read_only:
            raise UserError(
                f"cannot {doing} to {conference_id} from here "
                f"({(meeting.editor.refusal() or '').rstrip('.')}): do "
                "it in the window that has it open, or close that first"
            )
        yield meeting
    finally:
        meeting.close()


def _invite(store: Store, args: argparse.Namespace) -> int:
    from ctxtui.mail.circulate import SendError
    from ctxtui.meeting.meeting import Meeting

    if args.dry_run:  # the message as it would go, with no relay needed
        meeting = Meeting(store, args.id)
        try:
            people, title, text = meeting.invitation_preview()
        except SendError as error:
            raise UserError(str(error)) from None
        finally:
            meeting.close()
        _out(f"To: {', '.join(p.email for p in people)}")
        _out(f"Subject: {title}")
        _out("")
        _out(text)
        _out("Nothing sent (--dry-run).")
        return 0
    with writable_meeting(store, args.id, "send the invitation") as meeting:
        try:
            settings, people = meeting.invite_plan()
            to = [p.email for p in people]
            _err(f"ctxtui: to {len(to)}: {', '.join(to)} via {settings.describe()}")
            sent = meeting.invite(meeting.snapshot(), settings, to)
        except SendError as error:
            raise UserError(str(error)) from None
        if not meeting.record_invited(sent, dt.datetime.now().isoformat(timespec="seconds")):
            _err(f"ctxtui: sent, but not recorded: {meeting.autosaver.error}")
    _out(sent.describe().replace("Sent to", "Invitation sent to", 1))
    return 1 if sent.refused else 0


def _attach(store: Store, args: argparse.Namespace) -> int:
    from ctxtui.core.rules import Refused
    from ctxtui.core.sentences import sentences
    from ctxtui.meeting.contributions import ContributionError

    with writable_meeting(store, args.id, "attach a contribution") as meeting:
        try:
            contribution = meeting.attach(Path(args.file), args.agency, args.author)
        except (ContributionError, Refused) as error:
            raise UserError(str(error)) from None
        if not meeting.flush():
            raise UserError(f"the contribution was not saved: {meeting.autosaver.error}")
    who = contribution.agency or contribution.author or "an agency"
    count = len(sentences(contribution.text))
    _out(f"Kept the contribution from {who}: {count} sentence(s) to pull in during the meeting.")
    return 0


def _send(store: Store, args: argparse.Namespace) -> int:
    from ctxtui.guard.privacy import scan_with_names
    from ctxtui.mail.circulate import SendError, deliver, ready_to_send, smtp_settings, subject
    from ctxtui.meeting.editing import Editor
    from ctxtui.meeting.meeting import describe_finding, load_previous
    from ctxtui.meeting.service import story_so_far
    from ctxtui.storage.config import smtp_table

    try:
        settings = smtp_settings(smtp_table())
    except SendError as error:
        raise UserError(str(error)) from None
    with store.open(args.id) as session:
        if session.read_only:
            raise UserError(
                f"{args.id} cannot be sent from here ({session.read_only_reason}): send from "
                "the window that has it open, or close it and try again (sending records who "
                "got the minutes)"
            )
        conference = session.conference
        findings, to_check = scan_with_names(conference, _local_words(store))
        if not args.ignore_flags:
            for finding in [*findings, *to_check]:
                _err(f"  {describe_finding(finding)}")
        try:
            people = ready_to_send(
                conference,
                len(findings),
                len(to_check),
                draft=args.draft,
                ignore_flags=args.ignore_flags,
            )
        except SendError as error:
            raise UserError(str(error)) from None
        to = [p.email for p in people]
        _err(f"ctxtui: {subject(conference)}")
        _err(f"ctxtui: to {len(to)}: {', '.join(to)} via {settings.describe()}")
        if args.dry_run:
            _out("Nothing sent (--dry-run).")
            return 0
        previous, _problem = load_previous(store, conference)
        try:
            sent = deliver(
                conference,
                settings,
                to,
                nation=nation(),
                previous=previous,
                markdown_too=args.markdown,
                story=story_so_far(store, conference),
                pdf_too=args.pdf,
            )
        except SendError as error:
            raise UserError(str(error)) from None
        now = dt.datetime.now().isoformat(timespec="seconds")
        editor = Editor(conference)
        editor.record_circulation(now, sent.accepted)
        _audit(store, "send", conference.id, ", ".join(sent.accepted))
        if findings or to_check:
            editor.record_skipped_check(now, "send --ignore-flags")
            _err(
                f"ctxtui: sent with {len(findings)} open flag(s) and {len(to_check)} word(s) "
                "of the names check unanswered; the conference records that the check was skipped"
            )
        _out(sent.describe())
        try:
            note = session.save()
        except StoreError as error:
            raise UserError(
                f"the minutes were sent, but the record of it was not saved: {error}"
            ) from None
        if note:
            _err(f"ctxtui: {note}")
    return 1 if sent.refused else 0


def _warn_of_flags(store: Store, conference: Conference) -> bool:
    """Open privacy flags go to standard error: the minutes still go where they were asked.
    True when nothing is open (flags cleared, names check done)."""
    from ctxtui.guard.privacy import scan_with_names
    from ctxtui.meeting.meeting import describe_finding

    findings, to_check = scan_with_names(conference, _local_words(store))
    if findings:
        _err(
            f"ctxtui: warning: {len(findings)} possible child-identifying detail(s) are not "
            "cleared (`ctxtui check ID` lists them; the app can dismiss them):"
        )
        for finding in findings:
            _err(f"  {describe_finding(finding)}")
    if to_check:
        _err(
            f"ctxtui: warning: the names check is not done: {len(to_check)} word(s) could be a "
            "person's name (`ctxtui check ID --names` lists them; Ctrl+O k in the app)"
        )
    return not findings and not to_check


def _export(store: Store, args: argparse.Namespace) -> int:
    conference = store.load(args.id)
    if args.out is not None and not args.out.strip():
        raise UserError("--out needs a file name (leave it out to write to standard output)")
    if args.archive and args.format != "pdf":
        raise UserError("--archive is for --format pdf")
    if _warn_of_flags(store, conference):
        return _write_export(store, conference, args)
    # minutes leaving with the check not done: the record says so, as a send does
    with writable_meeting(store, args.id, "export minutes whose privacy check is not done") as m:
        done = _write_export(store, m.conference, args)
        m.editor.record_skipped_check(
            dt.datetime.now().isoformat(timespec="seconds"), f"export --format {args.format}"
        )
        if not m.flush():
            raise UserError(
                f"the minutes were written, but the record that the check was skipped was not "
                f"saved: {m.autosaver.error}"
            )
        _err("ctxtui: the conference records that the minutes left with the check not done")
    return done


def _write_export(store: Store, conference: Conference, args: argparse.Namespace) -> int:
    from ctxtui.meeting.meeting import load_previous
    from ctxtui.meeting.service import story_so_far

    previous, problem = load_previous(store, conference)
    story = story_so_far(store, conference)
    if problem:
        _err(f"ctxtui: warning: {problem}")
    chosen_nation = nation()
    if not args.out and args.format in ("md", "json"):
        data = render(conference, args.format, nation=chosen_nation, previous=previous, story=story)
        _audit(store, "export", conference.id, f"{args.format} to standard output")
        _out_bytes(data)
        return 0
    path = Path(args.out) if args.out else Path(default_file_name(conference, args.format))
    written = export_minutes(
        conference,
        args.format,
        path,
        nation=chosen_nation,
        previous=previous,
        replace=args.force,
        story=story,
        archive=args.archive,
    )
    _audit(store, "export", conference.id, f"{args.format} {written.path}")
    if written.note:
        _err(f"ctxtui: {written.note}")
    _out(written.path)
    return 0


def _audit(store: Store, action: str, conference_id: str, detail: str = "") -> None:
    """One line in the audit log; a log that cannot be written is said, and the work stands."""
    if not store.audit.record(action, conference_id, detail):
        _err(f"ctxtui: warning: {store.audit.problem}")
