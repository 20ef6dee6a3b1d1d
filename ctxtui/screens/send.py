"""Send the minutes or the invitation: show who will get it and through which relay, ask, then
mail it in a worker (typing carries on) and record who got it."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from ctxtui.core.record import Conference, Recipient
from ctxtui.mail.circulate import SendError, Sent
from ctxtui.meeting.meeting import Meeting
from ctxtui.screens.base import refused
from ctxtui.screens.dialogs import ConfirmDialog
from ctxtui.widgets.host import host


def send_minutes(screen: Screen, meeting: Meeting, after: Callable[[object], None]) -> None:
    if refused(screen, meeting, on_final_too=False):
        return
    if meeting.final and meeting.names_to_check():
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
    question = (
        f"Send the final minutes (DOCX) to these {len(people)} through {settings.describe()}, "
        "each agency with its own actions?"
    )
    # agencies with actions and nobody to send them to: the chair hears of them first
    unreached = meeting.unreached_agencies()
    nobody = [f"Nobody here is from {agency}, which has actions" for agency in unreached]
    _confirm_then_send(
        screen,
        meeting,
        people,
        question,
        lambda snapshot, to: meeting.deliver(snapshot, settings, to),
        meeting.record_sent,
        "Minutes sent",
        after,
        nobody,
    )


def send_invitations(screen: Screen, meeting: Meeting, after: Callable[[object], None]) -> None:
    if refused(screen, meeting):
        return
    try:
        settings, people = meeting.invite_plan()
    except SendError as error:
        screen.notify(f"Not sent: {error}.", severity="warning", timeout=10)
        return
    question = (
        f"Send the invitation, with a calendar entry, to these {len(people)} through "
        f"{settings.describe()}?"
    )
    _confirm_then_send(
        screen,
        meeting,
        people,
        question,
        lambda snapshot, to: meeting.invite(snapshot, settings, to),
        meeting.record_invited,
        "Invitation sent",
        after,
    )


def _confirm_then_send(
    screen: Screen,
    meeting: Meeting,
    people: list[Recipient],
    question: str,
    deliver: Callable[[Conference, list[str]], Sent],
    record: Callable[[Sent, str], bool],
    title: str,
    after: Callable[[object], None],
    notes: list[str] | None = None,
) -> None:
    """Ask with the recipients listed (and ``notes`` after them); on yes, send a copy of the
    record in a worker, then record who got it (and save at once)."""
    lines = [f"{p.name or p.email} — {p.agency or 'no agency'} <{p.email}>" for p in people]
    lines += notes or []
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
                sent = deliver(snapshot, to)
            except SendError as error:
                app.call_from_thread(
                    app.notify, f"Not sent: {error}.", severity="error", timeout=15
                )
                return
            app.call_from_thread(_sent, sent)

        def _sent(sent: Sent) -> None:
            saved = record(sent, host(app).now().isoformat(timespec="seconds"))
            note = "" if saved else f" Not recorded yet: {meeting.save_error}."
            app.notify(
                sent.describe() + note,
                title=title,
                severity="warning" if sent.refused or not saved else "information",
                timeout=15,
            )

        app.run_worker(work, thread=True, group="send")

    app.push_screen(ConfirmDialog(question, lines), confirmed)
