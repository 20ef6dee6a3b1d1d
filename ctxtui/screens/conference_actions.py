"""What the minute-taking screen opens and asks, as functions of the screen: the parts of the
record, the Ctrl+O menu's entries and the steps on a browsed point. ``MinuteTaking.action_go``
runs one by name (screens/commands.py names them)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.screen import Screen

from ctxtui.core.labels import CAPTURE_TARGETS, TARGET_LABELS
from ctxtui.core.record import Attendee
from ctxtui.meeting.meeting import Meeting
from ctxtui.screens import safeguards
from ctxtui.screens.commands import menu_entries
from ctxtui.screens.conference_parts import MinuteTaking


def ask_where_to_move(screen: MinuteTaking, target: str, index: int) -> None:
    from ctxtui.screens.dialogs import ChoiceDialog

    entries = [(None, label, key) for key, label in CAPTURE_TARGETS if key != target]

    def move(new_target: str | None) -> None:
        if new_target:
            done, _ = screen.edit(lambda: screen.meeting.move_point_to(target, index, new_target))
            if done:
                screen.notify(f"Moved to {TARGET_LABELS[new_target]}.")

    screen.app.push_screen(ChoiceDialog("Move this point to…", entries, numbered=True), move)


def dismiss_flags(screen: MinuteTaking, target: str, index: int) -> None:
    points = screen.meeting.points_of(target)
    hits = screen.meeting.open_hits(points[index]) if 0 <= index < len(points) else []
    if not hits:
        screen.notify("Nothing is flagged in this point.")
    elif screen.edit(lambda: screen.meeting.dismiss_flags([hit.key for hit in hits]))[0]:
        screen.notify("Flag dismissed; it stays dismissed for this conference.")


def plan_row_from(screen: MinuteTaking, target: str, index: int) -> None:
    from ctxtui.screens.forms import FormScreen
    from ctxtui.screens.plan import action_from_values, action_values, plan_row_fields

    done, action = screen.edit(lambda: screen.meeting.point_as_action(target, index))
    if not done or action is None:
        return
    if screen.refused():
        return
    fields = plan_row_fields(screen.meeting)

    def file(values) -> bool:
        added, _ = screen.edit(
            lambda: screen.meeting.add_row("actions", action_from_values(values))
        )
        if added:
            screen.notify("Plan row added (Ctrl+F shows the plan).")
        return added

    form = FormScreen(
        "New plan row from the point",
        fields,
        action_values(action),
        meeting=screen.meeting,
        file=file,
    )
    form.first_field = "agency"  # the point's text is in already: who does it, by when
    screen.app.push_screen(form, screen.returned)


def add_attendee(screen: MinuteTaking) -> None:
    """A new attendee straight from the capture line: name, role, agency, Ctrl+S."""
    from ctxtui.guard.privacy import GUARDED_FIELDS
    from ctxtui.screens.attendance import attendee_fields
    from ctxtui.screens.forms import FormScreen

    if screen.refused():
        return

    def file(values) -> bool:
        attendee = Attendee(**values)
        added, _ = screen.edit(lambda: screen.meeting.add_row("attendees", attendee))
        if added:
            screen.notify(f"{attendee.name or 'Attendee'} added to the attendance.", timeout=3)
        return added

    form = FormScreen(
        "New attendee",
        attendee_fields(screen.meeting),
        meeting=screen.meeting,
        file=file,
        guarded=GUARDED_FIELDS["attendees"],
    )
    screen.app.push_screen(form, screen.returned)


def open_part(screen: MinuteTaking, name: str) -> None:
    """Open one part of the record over this screen, by the name ``open(...)`` takes."""
    # imported here, not at the top: loading every screen slowed opening by a third
    from ctxtui.screens import (
        agenda,
        attendance,
        danger,
        details,
        discussion,
        plan,
        priorities,
        progress,
        records,
        scaling,
    )

    opens: dict[str, Callable[[Meeting], Screen]] = {
        "details": details.DetailsScreen,
        "attendance": attendance.AttendanceScreen,
        "danger": danger.DangerScreen,
        "priorities": priorities.PrioritiesScreen,
        "agenda": agenda.AgendaScreen,
        "plan": plan.PlanScreen,
        "scaling": scaling.ScalingScreen,
        "discussion": discussion.DiscussionScreen,
        "referrals": records.ReferralsScreen,
        "distribution": records.DistributionScreen,
        "progress": progress.ProgressScreen,
    }
    screen.app.push_screen(opens[name](screen.meeting), screen.returned)


def menu(screen: MinuteTaking) -> None:
    from ctxtui.screens.dialogs import ChoiceDialog

    def chosen(action: str | None) -> None:
        if action:
            screen.call_later(screen.run_action, action)

    menu = ChoiceDialog("Go to…", menu_entries(screen.DESTINATIONS), menu=True)
    screen.app.push_screen(menu, chosen)


def preview(screen: MinuteTaking) -> None:
    from ctxtui.screens.preview import PreviewScreen

    def after(result: str | None) -> None:
        screen.returned()
        if result == "export":
            export(screen)

    screen.app.push_screen(PreviewScreen(screen.meeting.markdown()), after)


def export(screen: MinuteTaking) -> None:
    from ctxtui.screens.export import ExportScreen
    from ctxtui.screens.names_check import check_names_first

    def export() -> None:
        screen.app.push_screen(ExportScreen(screen.meeting), screen.returned)

    check_names_first(screen, screen.meeting, "Exporting", export)


def finalise(screen: MinuteTaking) -> None:
    from ctxtui.screens.finalise import finalise

    finalise(screen, screen.meeting, screen.returned)


def send(screen: MinuteTaking) -> None:
    from ctxtui.screens.send import send_minutes

    send_minutes(screen, screen.meeting, screen.returned)


def invite(screen: MinuteTaking) -> None:
    from ctxtui.screens.send import send_invitations

    send_invitations(screen, screen.meeting, screen.returned)


def names_check(screen: MinuteTaking) -> None:
    from ctxtui.screens.names_check import NamesCheckScreen

    if not screen.meeting.names_to_check():
        screen.notify("Names check done: nothing to answer.", timeout=4)
        return
    screen.app.push_screen(NamesCheckScreen(screen.meeting), screen.returned)


def amend(screen: MinuteTaking) -> None:
    from ctxtui.screens.finalise import amend

    amend(screen, screen.meeting, screen.returned)


def close_context(screen: MinuteTaking) -> None:
    from ctxtui.screens.finalise import close_context

    close_context(screen, screen.meeting, screen.returned)


def story(screen: MinuteTaking) -> None:
    from ctxtui.meeting.meeting import Conferences
    from ctxtui.screens.story import StoryScreen

    screen.meeting.flush()  # the story reads the stored records: this one as typed
    conferences = Conferences(screen.meeting.store, screen.meeting.now)
    screen.app.push_screen(StoryScreen(conferences, screen.meeting.conference.id))


def board(screen: MinuteTaking) -> None:
    """The board runs in a second terminal: tell the chair the command to type there."""
    from ctxtui.screens.dialogs import ConfirmDialog

    lines = [
        "In a second terminal (another SSH session, or a tmux pane on the projector):",
        "",
        f"    {screen.meeting.board_command()}",
        "",
        "It shows the headings as you save them and never changes anything.",
    ]
    screen.app.push_screen(ConfirmDialog("Close this note?", lines))


def help(screen: MinuteTaking) -> None:
    from ctxtui.screens.help import HelpScreen

    screen.app.push_screen(HelpScreen(screen))


def next_item(screen: MinuteTaking) -> None:
    screen.edit(screen.meeting.next_agenda_item)


PARTS = (
    "details",
    "attendance",
    "danger",
    "priorities",
    "agenda",
    "plan",
    "scaling",
    "discussion",
    "referrals",
    "distribution",
    "progress",
)
GOES: dict[str, Callable[[MinuteTaking], None]] = {
    **{part: partial(open_part, name=part) for part in PARTS},
    "next_item": next_item,
    "menu": menu,
    "add_attendee": add_attendee,
    "preview": preview,
    "export": export,
    "finalise": finalise,
    "send": send,
    "invite": invite,
    "names_check": names_check,
    "amend": amend,
    "close_context": close_context,
    "story": story,
    "board": board,
    "help": help,
    # the meeting's own safeguards (screens/safeguards.py)
    "reminder": safeguards.give_reminder,
    "recording": safeguards.start_or_stop_recording,
}
