"""Send the minutes or the invitation: show who will get it and through which relay, ask, then
mail it in a worker (typing carries on) and record who got it."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from ctxtui.mail.circulate import SendError, Sent
from ctxtui.meeting.meeting import Meeting
from ctxtui.screens.base import refused
from ctxtui.screens.dialogs import ConfirmDialog


def send_minutes(screen: Screen, meeting: Meeting, after: Callable[[object], None]) -> None:
    if refused(screen, meeting, on_final_too=False):
        return
    if meeting.editor.final and meeting.names_to_check():
        screen.notify(
            "Not sent: the names check is not done, and these minutes are final. Amend them "
            "(Ctrl+O m), answer the names check, and finalise again.",
            severity="warning",
            timeout=10,
        )
        return
    try:
        settings, people = meeting.mail_plan()
    except SendError as error:
        screen.notify(f"Not sent: {error}.", severity="warning", timeout=10)
        return
    lines = [f"{p.name or p.email} — {p.agency or 'no agency'} <{p.email}>" for p in people]
    question = (
        f"Send the final minutes (DOCX) to these {len(people)} through {settings.describe()}?"
    )
    app = screen.app

    def confirmed(yes: bool | None) -> None:
        after(None)
        if not yes:
            return
        snapshot = meeting.snapshot()
        to = [p.email for p in people]
        app.notify(f"Sending to {len(to)}…", timeout=3)

        def work() -> None:
            try:
                sent = meeting.deliver(snapshot, settings, to)
            except SendError as error:
                app.call_from_thread(
                    app.notify, f"Not sent: {error}.", severity="error", timeout=15
                )
                return
            app.call_from_thread(_sent, sent)

        def _sent(sent: Sent) -> None:
            saved = meeting.record_sent(sent, app.now().isoformat(timespec="seconds"))
            note = "" if saved else f" Not recorded yet: {meeting.autosaver.error}."
            partly = bool(sent.refused) or not saved
            app.notify(
                sent.describe() + note,
                title="Minutes sent",
                severity="warning" if partly else "information",
                timeout=15,
            )

        app.run_worker(work, thread=True, group="send")

    app.push_screen(ConfirmDialog(question, lines), confirmed)


def send_invitations(screen: Screen, meeting: Meeting, after: Callable[[object], None]) -> None:
    if refused(screen, meeting):
        return
    try:
        settings, people = meeting.invite_plan()
    except SendError as error:
        screen.notify(f"Not sent: {error}.", severity="warning", timeout=10)
        return
    lines = [f"{p.name or p.email} — {p.agency or 'no agency'} <{p.email}>" for p in people]
    question = (
        f"Send the invitation, with a calendar entry, to these {len(people)} through "
        f"{settings.describe()}?"
    )
    app = screen.app

    def confirmed(yes: bool | None) -> None:
        after(None)
        if not yes:
            return
        snapshot = meeting.snapshot()
        to = [p.email for p in people]
        app.notify(f"Sending the invitation to {len(to)}…", timeout=3)

        def work() -> None:
            try:
                sent = meeting.invite(snapshot, settings, to)
            except SendError as error:
                app.call_from_thread(
                    app.notify, f"Not sent: {error}.", severity="error", timeout=15
                )
                return
            app.call_from_thread(_sent, sent)

        def _sent(sent: Sent) -> None:
            saved = meeting.record_invited(sent, app.now().isoformat(timespec="seconds"))
            note = "" if saved else f" Not recorded yet: {meeting.autosaver.error}."
            app.notify(
                sent.describe() + note,
                title="Invitation sent",
                severity="warning" if sent.refused or not saved else "information",
                timeout=15,
            )

        app.run_worker(work, thread=True, group="send")

    app.push_screen(ConfirmDialog(question, lines), confirmed)
