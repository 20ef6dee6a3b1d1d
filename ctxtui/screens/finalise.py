"""Finalise (after the open privacy flags have been seen) and amend final minutes."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from ctxtui.core.labels import CLOSURE_OUTCOME_LABELS
from ctxtui.core.record import CLOSURE_OUTCOMES
from ctxtui.core.rules import Refused
from ctxtui.meeting.meeting import Meeting, describe_finding
from ctxtui.screens.base import refused
from ctxtui.screens.dialogs import ConfirmDialog
from ctxtui.screens.forms import Field, FormScreen, Values


def finalise(screen: Screen, meeting: Meeting, after: Callable[[object], None]) -> None:
    """Ask, listing any open flags, then make the minutes final and save."""
    if refused(screen, meeting):
        return
    from ctxtui.screens.names_check import check_names_first

    check_names_first(screen, meeting, "Finalising", lambda: _ask(screen, meeting, after))


def _ask(screen: Screen, meeting: Meeting, after: Callable[[object], None]) -> None:
    findings = meeting.findings()
    lines = [describe_finding(f) for f in findings]
    question = "Finalise the minutes? They become read-only; any later change is an amendment."
    if findings:
        question = f"{len(findings)} possible child-identifying detail(s) above. {question}"

    def confirmed(yes: bool | None) -> None:
        if yes:
            try:
                saved = meeting.finalise()
            except Refused as refusal:  # the conference is later than today, say
                screen.notify(str(refusal), severity="warning")
                after(None)
                return
            screen.notify(
                "Minutes finalised: they are now read-only."
                if saved
                else f"Finalised, but not saved yet: {meeting.save_error}",
                severity="information" if saved else "error",
            )
        after(None)

    screen.app.push_screen(ConfirmDialog(question, lines), confirmed)


def amend(screen: Screen, meeting: Meeting, after: Callable[[object], None]) -> None:
    """Ask what is being amended and why, then reopen the minutes for recorded changes."""
    if refused(screen, meeting, on_final_too=False):
        return
    if not meeting.final:
        screen.notify("These minutes are a draft: change them directly.")
        return

    def file(values: Values) -> bool:
        try:
            meeting.amend(values["reason"])
        except Refused as refusal:
            screen.notify(str(refusal), severity="warning")
            return False
        screen.notify("Amending: each change is logged. Finalise again when done.")
        return True

    form = FormScreen(
        "What are you amending, and why? (recorded in the minutes)",
        [Field("reason", "Reason")],
        file=file,
    )
    screen.app.push_screen(form, after)


def close_context(screen: Screen, meeting: Meeting, after: Callable[[object], None]) -> None:
    """Record the decision to close the context here; if it is closed already, reopen it
    (final minutes are amended for either)."""
    if refused(screen, meeting, on_final_too=False):
        return
    if meeting.conference.closure.outcome:
        _reopen(screen, meeting, after)
        return
    if meeting.final:
        screen.notify("These minutes are final: amend them first (Ctrl+O m) to record a closure.")
        return
    labels = tuple(CLOSURE_OUTCOME_LABELS[o] for o in CLOSURE_OUTCOMES)
    by_label = dict(zip(labels, CLOSURE_OUTCOMES, strict=True))
    present = [a.name for a in meeting.conference.attendees if a.attendance == "present"]

    def file(values: Values) -> bool:
        agreed = [n.strip() for n in values["agreed_by"].split(",") if n.strip()]
        try:
            saved = meeting.close_context(
                by_label[values["outcome"]], values["reason"], agreed, values["date"]
            )
        except Refused as refusal:
            screen.notify(str(refusal), severity="warning")
            return False
        screen.notify(
            "Context closed: the home screen shows it closed."
            if saved
            else f"Closed, but not saved yet: {meeting.save_error}"
        )
        return True

    fields = [
        Field("outcome", "Outcome", "choice", labels),
        Field("reason", "Why"),
        Field("agreed_by", "Agreed by (commas)"),
        Field("date", "Date agreed", "date", placeholder="YYYY-MM-DD"),
    ]
    values = {
        "outcome": labels[0],
        "agreed_by": "".join(f"{name}, " for name in present),  # a name typed adds one
        "date": meeting.conference.dates.conference,
    }
    screen.app.push_screen(FormScreen("Close the context", fields, values, file=file), after)


def _reopen(screen: Screen, meeting: Meeting, after: Callable[[object], None]) -> None:
    def file(values: Values) -> bool:
        try:
            meeting.reopen_context(values["reason"])
        except Refused as refusal:
            screen.notify(str(refusal), severity="warning")
            return False
        amended = (
            " The minutes are being amended: finalise them again."
            if (meeting.open_amendment() is not None)
            else ""
        )
        screen.notify(f"Context reopened.{amended}")
        return True

    form = FormScreen(
        "The context is closed here. Reopen it? Say why (recorded in the minutes).",
        [Field("reason", "Reason")],
        file=file,
    )
    screen.app.push_screen(form, after)
