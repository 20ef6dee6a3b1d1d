"""The minute-taking screen's smaller duties, as functions of the screen: the line left unfiled
last time, the draft filed when the app must stop, the heading lists mounted as they first
show, the flags beside a contribution's sentence, and taking over from another window."""

from __future__ import annotations

from textual.containers import Grid

from ctxtui.core.labels import TARGET_SHORT_LABELS
from ctxtui.meeting.meeting import Meeting, flag_sentence
from ctxtui.screens.base import MeetingScreen
from ctxtui.screens.commands import Destination
from ctxtui.widgets.capture import CaptureInput
from ctxtui.widgets.host import host
from ctxtui.widgets.points import PointList


class MinuteTaking(MeetingScreen):
    """The minute-taking screen (screens/conference.py) as these functions and
    conference_actions.py's see it, so that neither module imports that one."""

    DESTINATIONS: tuple[Destination, ...] = ()
    flags_shown = False  # the privacy flags wait for the first frame

    @property
    def capture(self) -> CaptureInput:
        return self.query_one(CaptureInput)

    def returned(self, _result: object = None) -> None:
        """Back from a screen or dialog opened over this one."""
        self.changed()
        self.capture.focus()


def give_back_unfiled(screen: MinuteTaking) -> str | None:
    """A line left unfiled when the app last stopped goes back where it was typed."""
    line = screen.meeting.take_unfiled()
    if line is None:
        return None
    capture = screen.capture
    capture.target = line.target or capture.target
    capture.value = line.text
    capture.cursor_position = len(line.text)
    where = TARGET_SHORT_LABELS[capture.target]
    return f"Your unfiled line is back under {where}: Enter files it."


def file_capture(screen: MinuteTaking) -> None:
    """The meeting's draft for this screen: an edit under way and a typed line are filed."""
    pending, edit = screen.capture.take_pending()
    if edit is not None:
        place, text = edit
        screen.meeting.edit_point(place.target, place.position, text)
    screen.meeting.keep_unfiled(screen.capture.target, pending)


def warm_up(meeting: Meeting) -> None:
    """What the preview and the export load the first time, loaded while the chair reads."""
    import rich.markdown  # noqa: F401  (the preview's layout)

    meeting.warm_up()


def panes_on_screen(panes: dict[str, PointList], wide: bool) -> list[PointList]:
    """The lists that show: all of them on a wide screen, else the current heading's."""
    return [pane for pane in panes.values() if wide or pane.has_class("-current")]


def mount_shown_panes(screen: MinuteTaking, panes: dict[str, PointList], wide: bool) -> None:
    """Mount the lists that now show and were not mounted yet, in the headings' order."""
    if not screen.is_mounted:
        return  # composing: the lists that show are composed with the screen
    ordered = list(panes.values())
    shown = panes_on_screen(panes, wide)
    for place, pane in enumerate(ordered):
        if pane in shown and not pane.is_attached:
            later = [p for p in ordered[place + 1 :] if p.is_attached]
            screen.query_one("#panes", Grid).mount(pane, before=later[0] if later else None)


def flag_words(screen: MinuteTaking, text: str) -> str:
    """The flag line for a contribution's sentence (nothing until the flags are shown)."""
    hits = screen.meeting.open_hits(text) if screen.flags_shown else []
    return f"{host(screen).symbols['flag']} {flag_sentence(hits, None)}" if hits else ""


def offer_take_over(screen: MinuteTaking) -> None:
    from ctxtui.screens.dialogs import ConfirmDialog

    def answered(yes: bool | None) -> None:
        if not yes:
            screen.meeting.stay_read_only()
        screen.changed()
        screen.notify("You can edit here now." if yes else "Still read-only here.")

    question = "The other window has closed these minutes. Take over editing here?"
    screen.app.push_screen(ConfirmDialog(question), answered)
