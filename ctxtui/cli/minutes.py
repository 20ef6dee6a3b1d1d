"""The commands on one conference's minutes, each through its ``Meeting``: ``check`` (the
privacy scan), ``export``, ``send``, ``invite`` and ``attach`` (a written contribution)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ctxtui.cli.opening import looking_at, writable_meeting
from ctxtui.cli.output import UserError, _err, _out, _out_bytes
from ctxtui.core.rules import Refused
from ctxtui.export import RECORDING_INDEX
from ctxtui.meeting.meeting import Conferences, Meeting, describe_finding, mail_settings

if TYPE_CHECKING:  # mail (smtplib) loads only for the commands that send
    from ctxtui.mail.circulate import SmtpSettings

COMMANDS = ("check", "export", "send", "invite", "attach")


def run(conferences: Conferences, args: argparse.Namespace) -> int:
    handlers = {
        "check": _check,
        "export": _export,
        "send": _send,
        "invite": _invite,
        "attach": _attach,
    }
    return handlers[args.command](conferences, args)


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _warn_of_audit_problem(meeting: Meeting) -> None:
    """The audit log could not take the last event: said, and the work stands."""
    if meeting.audit_problem:
        _err(f"ctxtui: warning: {meeting.audit_problem}")


def _warn_of_local_words(meeting: Meeting) -> None:
    """The service's words that are not names could not all be read: the names check asks
    more, and says why."""
    if meeting.local_words_problem:
        _err(f"ctxtui: warning: {meeting.local_words_problem}")


def _check(conferences: Conferences, args: argparse.Namespace) -> int:
    with looking_at(conferences, args.id) as meeting:
        if args.names:
            findings = meeting.names_to_check()
            _warn_of_local_words(meeting)
        else:
            findings = meeting.findings()
    if args.json:
        _out(json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=2))
    elif findings:
        for finding in findings:
            _out(describe_finding(finding))
    else:
        _out("Nothing to confirm." if args.names else "Nothing flagged.")
    return 1 if findings else 0


def _export(conferences: Conferences, args: argparse.Namespace) -> int:
    with looking_at(conferences, args.id) as meeting:
        if args.out is not None and not args.out.strip():
            raise UserError("--out needs a file name (leave it out to write to standard output)")
        if args.archive and args.format != "pdf":
            raise UserError("--archive is for --format pdf")
        if _warn_of_flags(meeting):
            return _write_export(conferences, meeting, args)
    # minutes leaving with the check not done: the record says so, as a send does
    doing = "export minutes whose privacy check is not done"
    with writable_meeting(conferences, args.id, doing) as meeting:
        done = _write_export(conferences, meeting, args)
        meeting.record_skipped_check(_now(), f"export --format {args.format}")
        if not meeting.flush():
            raise UserError(
                f"the minutes were written, but the record that the check was skipped was not "
                f"saved: {meeting.save_error}"
            )
        _err("ctxtui: the conference records that the minutes left with the check not done")
    return done


def _warn_of_flags(meeting: Meeting) -> bool:
    """Open privacy flags go to standard error: the minutes still go where they were asked.
    True when nothing is open (flags cleared, names check done)."""
    findings, to_check = meeting.findings_and_names()
    _warn_of_local_words(meeting)
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


def _write_export(conferences: Conferences, meeting: Meeting, args: argparse.Namespace) -> int:
    _previous, problem = meeting.previous()
    if problem:
        _err(f"ctxtui: warning: {problem}")
    # working days as the command line reads the config: a nation setting it cannot use stops
    # the command with its reason (the app would count by the default)
    meeting.nation = conferences.nation
    if not args.out and args.format in ("md", "json", RECORDING_INDEX):
        data = meeting.export_bytes(meeting.conference, args.format, "to standard output")
        _warn_of_audit_problem(meeting)
        _out_bytes(data)
        return 0
    path = Path(args.out) if args.out else Path(meeting.default_file_name(args.format))
    written = meeting.export(
        meeting.conference, args.format, path, replace=args.force, archive=args.archive
    )
    _warn_of_audit_problem(meeting)
    if written.note:
        _err(f"ctxtui: {written.note}")
    _out(written.path)
    return 0


def _send(conferences: Conferences, args: argparse.Namespace) -> int:
    from ctxtui.mail.circulate import SendError

    try:
        settings = mail_settings()
    except SendError as error:
        raise UserError(str(error)) from None
    meeting = conferences.meeting(args.id)
    try:
        if meeting.read_only:
            raise UserError(
                f"{args.id} cannot be sent from here ({meeting.read_only_reason}): send from "
                "the window that has it open, or close it and try again (sending records who "
                "got the minutes)"
            )
        return _send_minutes(conferences, meeting, settings, args)
    finally:
        meeting.close()


def _send_minutes(
    conferences: Conferences, meeting: Meeting, settings: SmtpSettings, args: argparse.Namespace
) -> int:
    from ctxtui.mail.circulate import SendError

    findings, to_check = meeting.findings_and_names()
    _warn_of_local_words(meeting)
    if not args.ignore_flags:
        for finding in [*findings, *to_check]:
            _err(f"  {describe_finding(finding)}")
    try:
        people = meeting.recipients(
            len(findings), len(to_check), draft=args.draft, ignore_flags=args.ignore_flags
        )
    except SendError as error:
        raise UserError(str(error)) from None
    to = [p.email for p in people]
    _err(f"ctxtui: {meeting.mail_subject()}")
    _err(f"ctxtui: to {len(to)}: {', '.join(to)} via {settings.describe()}")
    for agency in meeting.unreached_agencies():  # each agency's own actions go with the minutes
        _err(f"ctxtui: warning: nobody the minutes go to is from {agency}, which has actions")
    if args.dry_run:
        _out("Nothing sent (--dry-run).")
        return 0
    meeting.nation = conferences.nation  # as the command line reads it: see _write_export
    try:
        sent = meeting.deliver(
            meeting.conference, settings, to, markdown_too=args.markdown, pdf_too=args.pdf
        )
    except SendError as error:
        raise UserError(str(error)) from None
    now = _now()
    if findings or to_check:
        meeting.record_skipped_check(now, "send --ignore-flags")
    saved = meeting.record_sent(sent, now)
    _warn_of_audit_problem(meeting)
    if findings or to_check:
        _err(
            f"ctxtui: sent with {len(findings)} open flag(s) and {len(to_check)} word(s) "
            "of the names check unanswered; the conference records that the check was skipped"
        )
    _out(sent.describe())
    if not saved:
        raise UserError(
            f"the minutes were sent, but the record of it was not saved: {meeting.save_error}"
        )
    for note in meeting.take_save_notices():
        _err(f"ctxtui: {note}")
    return 1 if sent.refused else 0


def _invite(conferences: Conferences, args: argparse.Namespace) -> int:
    from ctxtui.mail.circulate import SendError

    if args.dry_run:  # the message as it would go, with no relay needed
        meeting = conferences.meeting(args.id)
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
    with writable_meeting(conferences, args.id, "send the invitation") as meeting:
        try:
            settings, people = meeting.invite_plan()
            to = [p.email for p in people]
            _err(f"ctxtui: to {len(to)}: {', '.join(to)} via {settings.describe()}")
            sent = meeting.invite(meeting.snapshot(), settings, to)
        except SendError as error:
            raise UserError(str(error)) from None
        if not meeting.record_invited(sent, _now()):
            _err(f"ctxtui: sent, but not recorded: {meeting.save_error}")
    _out(sent.describe().replace("Sent to", "Invitation sent to", 1))
    return 1 if sent.refused else 0


def _attach(conferences: Conferences, args: argparse.Namespace) -> int:
    from ctxtui.core.sentences import sentences
    from ctxtui.meeting.contributions import ContributionError

    if args.progress:
        from ctxtui.cli.between import attach_progress

        return attach_progress(conferences, args)
    with writable_meeting(conferences, args.id, "attach a contribution") as meeting:
        try:
            contribution = meeting.attach(Path(args.file), args.agency, args.author)
        except (ContributionError, Refused) as error:
            raise UserError(str(error)) from None
        if not meeting.flush():
            raise UserError(f"the contribution was not saved: {meeting.save_error}")
    who = contribution.agency or contribution.author or "an agency"
    count = len(sentences(contribution.text))
    _out(f"Kept the contribution from {who}: {count} sentence(s) to pull in during the meeting.")
    return 0
