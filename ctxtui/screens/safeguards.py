"""The meeting's own safeguards on the minute-taking screen: the confidentiality reminder read to
the room, the recording started and stopped (and where the service keeps it), a word when a
point comes before the reminder, and the browsed point's offset into the recording.

The minute-taking screen runs the first two by name (``go('reminder')``, ``go('recording')``:
GOES in conference_actions.py) and calls the last two from two one-line hooks; every change
goes through the Meeting, and so through its undo.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding

from ctxtui.core.labels import TARGET_KEYS
from ctxtui.screens.conference_parts import MinuteTaking
from ctxtui.widgets.host import host
from ctxtui.widgets.keymap import key_display
from ctxtui.widgets.points import PointList


def _keys(screen: MinuteTaking, action: str) -> str:
    """The key of ``action`` ("F12") as the keymap has it, and the palette's way to it."""
    binding = next(b for b in screen.BINDINGS if isinstance(b, Binding) and b.action == action)
    key = key_display(binding, host(screen).keymap).split(" / ")[0]
    return f"{key} (or Ctrl+P, {binding.description})"


def give_reminder(screen: MinuteTaking) -> None:
    done, stamp = screen.edit(screen.meeting.give_reminder)
    if done and stamp:
        screen.notify(
            f"Confidentiality reminder recorded as read at {stamp[11:16]}; the minutes say so. "
            "Ctrl+Z takes it back.",
            timeout=6,
        )


def start_or_stop_recording(screen: MinuteTaking) -> None:
    """Start the recording, or stop it and ask where the service keeps it (asked again, to
    correct it, when the recording has stopped)."""
    recording = screen.meeting.conference.recording
    if recording.stopped:
        if not screen.refused():
            ask_where_kept(screen)
        return
    done, what = screen.edit(screen.meeting.start_or_stop_recording)
    if not done:
        return
    if what == "started":
        again = _keys(screen, "go('recording')")
        screen.notify(
            f"Recording started at {recording.started[11:16]}: every point, plan row and score "
            f"filed now keeps its place in it. {again} again when the recording stops.",
            timeout=8,
        )
    else:
        ask_where_kept(screen)


def ask_where_kept(screen: MinuteTaking) -> None:
    """A small form: where the service keeps the recording (a reference, never the audio)."""
    from ctxtui.screens.forms import Field, FormScreen

    meeting = screen.meeting
    recording = meeting.conference.recording

    def file(values: dict[str, str]) -> bool:
        done, _ = screen.edit(lambda: meeting.set_recording_reference(values["reference"]))
        if done:
            screen.notify("Where the recording is kept is noted (never in the minutes).")
        return done

    form = FormScreen(
        f"Recording {recording.started[11:16]}–{recording.stopped[11:16]}: where is it kept?",
        [Field("reference", "Kept at", placeholder="file name or records reference")],
        {"reference": recording.reference},
        meeting=meeting,
        file=file,
        notes=[
            "Where the service stores the recording (a file name, a records system's "
            "reference). ctxtui never holds the audio; retention lists this reference so the "
            "recording is deleted with the minutes."
        ],
    )
    screen.app.push_screen(form, screen.returned)


def after_filing(screen: MinuteTaking) -> None:
    """A point was filed: say once if it came before the confidentiality reminder."""
    if screen.meeting.reminder_late():
        keys = _keys(screen, "go('reminder')")
        screen.notify(
            "A point was filed before the confidentiality reminder: read it to the room now "
            f"and press {keys}; the minutes will say when it was given.",
            severity="warning",
            timeout=10,
        )


def show_offset(screen: MinuteTaking, pane: Callable[[str], PointList]) -> None:
    """The browsed point's offset into the recording, beside its heading's count (``pane``:
    the screen's list of a heading's points)."""
    line = screen.capture
    place = line.browsing or line.editing
    for key in TARGET_KEYS:
        shown = pane(key)
        count = f"{len(shown.points)}"
        offset = ""
        if place is not None and place.target == key:
            offset = screen.meeting.point_offset(key, place.position)
        subtitle = f"{offset} into the recording · {count}" if offset else count
        if shown.border_subtitle != subtitle:
            shown.border_subtitle = subtitle


__all__ = ["after_filing", "give_reminder", "show_offset", "start_or_stop_recording"]
