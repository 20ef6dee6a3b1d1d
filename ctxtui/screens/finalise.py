"""Finalise (after the open privacy flags have been seen) and amend final minutes."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

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
                else f"Finalised, but not saved yet: {meeting.autosaver.error}",
                severity="information" if saved else "error",
            )
        after(None)

    screen.app.push_screen(ConfirmDialog(question, lines), confirmed)


def amend(screen: Screen, meeting: Meeting, after: Callable[[object], None]) -> None:
    """Ask what is being amended and why, then reopen the minutes for recorded changes."""
    if refused(screen, meeting, on_final_too=False):
        return
    if not meeting.editor.final:
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
