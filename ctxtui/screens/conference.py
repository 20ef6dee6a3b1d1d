"""The minute-taking screen: the capture line, the headings and the agenda bar.

Thin on purpose: the meeting holds the record, the rules and the saving; the capture line owns
the keys; this screen turns what the capture line asks into changes and redraws.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Grid
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

from ctxtui.core.labels import CAPTURE_TARGETS, TARGET_KEYS, TARGET_LABELS, TARGET_SHORT_LABELS
from ctxtui.core.record import Attendee
from ctxtui.meeting.meeting import Meeting, flag_sentence
from ctxtui.resources import style
from ctxtui.screens.base import MeetingScreen
from ctxtui.screens.commands import (
    CONFERENCE_DESTINATIONS,
    ScreenCommands,
    bindings,
    menu_entries,
)
from ctxtui.widgets.agenda_bar import AgendaBar
from ctxtui.widgets.capture import CaptureBar, CaptureInput, Place
from ctxtui.widgets.host import host
from ctxtui.widgets.keyhints import KeyHints
from ctxtui.widgets.keymap import with_keys
from ctxtui.widgets.points import PointList
from ctxtui.widgets.textual_internals import skip_restyle

if TYPE_CHECKING:
    from ctxtui.widgets.contributions import ContributionPanel

STATUS_SECONDS = 0.5
FLAGS_AFTER_SECONDS = 0.05  # after the first frame: see ConferenceScreen.__init__


class ConferenceScreen(MeetingScreen):
    HELP_GROUP = "Minute-taking screen"
    CSS_PATH = [style("conference")]
    COMMANDS = {ScreenCommands}
    DESTINATIONS = CONFERENCE_DESTINATIONS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (18, "-tall")]
    BINDINGS = bindings(CONFERENCE_DESTINATIONS, "conference")

    def __init__(self, meeting: Meeting) -> None:
        # The classes Textual would give at the first resize, given as the screen is made: a
        # class that changes then restyles every widget, a fifth of the first frame.
        super().__init__(meeting, classes=" ".join(self._size_classes(self.app.size)))
        # Every heading has its list from the start; a list is mounted when it first shows
        # (on a narrow screen, one heading at a time): each costs the first frame ~5 ms.
        self._panes = {key: PointList(key, id=f"pane-{key}", classes="pane") for key in TARGET_KEYS}
        self._panes[TARGET_KEYS[0]].set_current(True)  # where the capture line starts
        self._topbar_text = ""
        self._shown_once = False
        # The privacy scan of every point (and reading its word lists) waits until the first
        # frame is on screen: the chair sees the minutes at once, the flags a moment later.
        self._flags_shown = False
        self._flag_line: Static | None = None  # the flags of the point browsed

    @property
    def conference(self):
        return self.meeting.conference

    # -- layout

    def compose(self) -> ComposeResult:
        yield Static(id="topbar")
        yield AgendaBar(self.conference, self.meeting.now, id="agenda-bar")
        yield Static(id="tabs")
        with Grid(id="panes"):
            yield from self._panes_on_screen(self.has_class("-wide"))
        yield CaptureBar(self.editor.points.of, id="capture")
        yield KeyHints()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Textual's own handler. Shown for the first time, every widget was
        # styled as it was mounted a moment ago: restyling them all again was a tenth of the
        # first frame. Later (back from a form) the styles are refreshed as usual.
        if not self._shown_once:
            self._shown_once = True
            skip_restyle(event)

    def on_mount(self) -> None:
        self.changed()
        self.set_timer(FLAGS_AFTER_SECONDS, self._show_flags_at_last)
        self.set_interval(STATUS_SECONDS, self._tick)
        self.meeting.hold_draft(self, self.file_capture)
        self.capture.focus()
        notices = [
            self.meeting.read_only_notice(),
            self.meeting.restored_notice,
            self._give_back_unfiled(),
        ]
        if any(notices):  # one notice: they show one at a time
            self.notify(" ".join(n for n in notices if n), severity="warning", timeout=15)

    def _give_back_unfiled(self) -> str | None:
        """A line left unfiled when the app last stopped goes back where it was typed."""
        line = self.editor.take_unfiled()
        if line is None:
            return None
        self.capture.target = line.target or self.capture.target
        self.capture.value = line.text
        self.capture.cursor_position = len(line.text)
        where = TARGET_SHORT_LABELS[self.capture.target]
        return f"Your unfiled line is back under {where}: Enter files it."

    def on_unmount(self) -> None:
        self.meeting.drop_draft(self)

    @property
    def capture(self) -> CaptureInput:
        return self.query_one(CaptureInput)

    def pane(self, target: str) -> PointList:
        return self._panes[target]

    @classmethod
    def _size_classes(cls, size: Size) -> list[str]:
        return [
            max(point for point in breakpoints if point[0] <= value)[1]
            for value, breakpoints in (
                (size.width, cls.HORIZONTAL_BREAKPOINTS),
                (size.height, cls.VERTICAL_BREAKPOINTS),
            )
        ]

    def _panes_on_screen(self, wide: bool) -> list[PointList]:
        """The lists that show: all of them on a wide screen, else the current heading's."""
        return [pane for pane in self._panes.values() if wide or pane.has_class("-current")]

    def _mount_shown_panes(self, wide: bool) -> None:
        """Mount the lists that now show and were not mounted yet, in the headings' order."""
        if not self.is_mounted:
            return  # composing: the lists that show are composed with the screen
        panes = list(self._panes.values())
        shown = self._panes_on_screen(wide)
        for place, pane in enumerate(panes):
            if pane in shown and not pane.is_attached:
                later = [p for p in panes[place + 1 :] if p.is_attached]
                self.query_one("#panes", Grid).mount(pane, before=later[0] if later else None)

    def on_resize(self, event: events.Resize) -> None:
        self._mount_shown_panes("-wide" in self._size_classes(event.size))

    # -- drawing

    def changed(self) -> None:
        for key in TARGET_KEYS:
            self.redraw(key)
        self.show_marks()
        self.show_lock()
        self.show_status()
        self.query_one(AgendaBar).refresh_status()

    def redraw(self, target: str, highlight: int | None = None) -> None:
        """Show one heading's points from the record, marking those the privacy guard flags."""
        points = self.editor.points.of(target)
        flagged: set[int] = set()
        if self._flags_shown:
            allowed = self.meeting.allowed_names()  # once per redraw, not once per point
            flagged = {
                i for i, point in enumerate(points) if self.meeting.open_hits(point, allowed)
            }
        self.pane(target).show(points, highlight, flagged, host(self).symbols["flag"])

    def _show_flags_at_last(self) -> None:
        self._flags_shown = True
        for key in TARGET_KEYS:
            self.redraw(key)
        self.show_marks(flag=False)  # a flag shown for a point just filed stays until a key
        self.run_worker(self._warm_up, thread=True, group="warm-up")

    def _warm_up(self) -> None:
        """What the preview and the export load the first time, loaded while the chair reads."""
        import rich.markdown  # noqa: F401  (the preview's layout)

        self.meeting.warm_up()

    def show_marks(self, *, flag: bool = True) -> None:
        """The capture target, the browsed point and (with ``flag``) its privacy flag, the
        tabs."""
        line = self.capture
        browsed = line.editing or line.browsing
        shown = browsed.target if browsed else line.target
        for key in TARGET_KEYS:
            pane = self.pane(key)
            pane.set_current(key == shown)
            pane.mark(browsed.position if browsed and browsed.target == key else None)
        self._mount_shown_panes(self.has_class("-wide"))
        tabs = Text(no_wrap=True, overflow="ellipsis")
        for key in TARGET_KEYS:
            label = f"{TARGET_SHORT_LABELS[key]} {len(self.editor.points.of(key))}"
            if key == shown:  # brackets too, so the current heading shows without colour
                tabs.append(f"[{label}]", style="reverse bold")
            else:
                tabs.append(f" {label} ")
            tabs.append(" ")
        self.query_one("#tabs", Static).update(tabs)
        if flag:
            self.show_flag(self._text_at(browsed) if browsed else None)

    def _text_at(self, place: Place) -> str | None:
        points = self.editor.points.of(place.target)
        return points[place.position] if 0 <= place.position < len(points) else None

    def show_flag(self, text: str | None) -> None:
        hits = self.meeting.open_hits(text) if text else []
        if self._flag_line is None:
            if not hits:
                return
            # made the first time something is flagged: one widget less in the first frame
            self._flag_line = Static(id="flag-line")
            self.mount(self._flag_line, before=self.query_one(CaptureBar))
        if hits:
            keymap = host(self).keymap
            dismiss_key = with_keys("{points.dismiss}", CaptureInput.POINT_BINDINGS, keymap)
            self._flag_line.update(
                Text(f"{host(self).symbols['flag']} {flag_sentence(hits, dismiss_key)}")
            )
        self._flag_line.set_class(bool(hits), "-shown")

    def show_lock(self) -> None:
        refusal = self.editor.refusal()
        self.capture.placeholder = (
            f"{refusal} (Browse with ↓.)" if refusal else "Type a point and press Enter"
        )

    def show_status(self) -> None:
        saver = self.meeting.autosaver
        symbols = host(self).symbols
        if self.meeting.read_only:
            state = "READ-ONLY"
        elif self.editor.final:
            state = "FINAL"
        elif saver.error:
            state = f"{symbols['warning']} NOT SAVED: {saver.error}"
        elif saver.dirty:
            state = f"{symbols['unsaved']} unsaved"
        elif saver.saved_at:
            state = f"{symbols['saved']} saved {saver.saved_at:%H:%M:%S}"
        else:
            state = f"{symbols['saved']} saved"
        unlogged = None if saver.error else self.meeting.audit_problem
        if unlogged:  # saved, but nobody would know who did it: the chair must see that
            state = f"{symbols['warning']} {state}, NOT IN THE AUDIT LOG: {unlogged}"
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{state}  ", style="bold")
        c = self.conference
        text.append(f"{c.status} · {c.kind} · {c.dates.conference or 'no date'} · {c.context.name}")
        topbar = self.query_one("#topbar", Static)
        if text.plain != self._topbar_text:  # redraw only on change: every byte crosses SSH
            self._topbar_text = text.plain
            topbar.update(text)
        topbar.set_class(bool(saver.error or unlogged), "-error")

    def _tick(self) -> None:
        self.show_status()
        if self.meeting.follow():  # read-only here: show what the other window has saved
            self.changed()
        elif self.meeting.take_over():
            self._offer_take_over()

    def _offer_take_over(self) -> None:
        from ctxtui.screens.dialogs import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if not yes:
                self.meeting.stay_read_only()
            self.changed()
            self.notify("You can edit here now." if yes else "Still read-only here.")

        question = "The other window has closed these minutes. Take over editing here?"
        self.app.push_screen(ConfirmDialog(question), answered)

    # -- what the capture line asks

    def on_capture_input_filed(self, message: CaptureInput.Filed) -> None:
        done, index = self.edit(lambda: self.editor.points.add(message.target, message.text))
        if not done and not self.capture.value:
            self.capture.value = message.text  # refused: the typed line is kept, not lost
        elif index is not None:
            self.redraw(message.target, index)
            self.show_flag(self.editor.points.of(message.target)[index])  # until the next key
            if self.has_class("-contributions"):
                self.query_one("#contributions").focus()  # on to the next sentence

    # -- written contributions

    def _flag_words(self, text: str) -> str:
        hits = self.meeting.open_hits(text) if self._flags_shown else []
        return f"{host(self).symbols['flag']} {flag_sentence(hits, None)}" if hits else ""

    async def action_contributions(self) -> None:
        """Open the written contributions in place of the points, or close them. The panel
        is made the first time (most meetings never open it)."""
        if self.has_class("-contributions"):
            self._close_contributions()
            return
        if not self.conference.contributions:
            self.notify(
                "No written contributions yet: ctxtui attach ID FILE keeps one (.txt, .md, .docx).",
                timeout=6,
            )
            return
        from ctxtui.widgets.contributions import ContributionPanel

        panels = self.query(ContributionPanel)
        if panels:
            panel = panels.first()
        else:
            panel = ContributionPanel(self._flag_words, id="contributions")
            await self.mount(panel, after="#panes")
        panel.load(self.conference)
        self.add_class("-contributions")
        panel.focus()

    def widgets_made_later(self) -> list[type]:
        """For the help screen: the widgets made when first used, whose keys it lists too."""
        from ctxtui.widgets.contributions import ContributionPanel

        return [ContributionPanel]

    def _close_contributions(self) -> None:
        self.remove_class("-contributions")
        self.capture.focus()

    def on_contribution_panel_closed(self, _message: ContributionPanel.Closed) -> None:
        self._close_contributions()

    def on_contribution_panel_heading_step(self, message: ContributionPanel.HeadingStep) -> None:
        self.capture.step_target(forward=message.forward)  # shown beside the line, as ever

    def on_capture_input_empty_enter(self, _message: CaptureInput.EmptyEnter) -> None:
        if self.has_class("-contributions"):  # the sentence shown next is what Enter means
            from ctxtui.widgets.contributions import ContributionPanel

            self.query_one("#contributions", ContributionPanel).action_pull()

    def on_contribution_panel_pulled(self, message: ContributionPanel.Pulled) -> None:
        if self.capture.value.strip():
            self.notify("The line holds typing: file it (Enter) or clear it (Ctrl+U) first.")
            from ctxtui.widgets.contributions import ContributionPanel

            self.query_one("#contributions", ContributionPanel).action_back()
            return
        self.capture.value = message.text
        self.capture.cursor_position = len(message.text)
        self.capture.focus()  # edit it, then Enter files it under the heading shown

    def on_capture_input_edited(self, message: CaptureInput.Edited) -> None:
        place = message.place
        done, kept = self.edit(
            lambda: self.editor.points.edit(place.target, place.position, message.text)
        )
        if done and not kept:
            self.notify("Emptied point deleted. Ctrl+Z brings it back.")

    def on_capture_input_moved(self, message: CaptureInput.Moved) -> None:
        self.show_marks()

    def on_capture_input_command(self, message: CaptureInput.Command) -> None:
        target, index = message.place.target, message.place.position
        what = message.what
        if what == "delete":
            if self.edit(lambda: self.editor.points.delete(target, index))[0]:
                self.notify("Point deleted. Ctrl+Z brings it back.")
        elif what in ("up", "down"):
            self.edit(lambda: self.editor.points.move(target, index, -1 if what == "up" else 1))
        elif what == "move":
            self._ask_where_to_move(target, index)
        elif what == "dismiss":
            self._dismiss_flags(target, index)
        elif what == "plan":
            self._plan_row_from(target, index)

    def _ask_where_to_move(self, target: str, index: int) -> None:
        from ctxtui.screens.dialogs import ChoiceDialog

        entries = [(None, label, key) for key, label in CAPTURE_TARGETS if key != target]

        def move(new_target: str | None) -> None:
            if new_target:
                done, _ = self.edit(lambda: self.editor.points.move_to(target, index, new_target))
                if done:
                    self.notify(f"Moved to {TARGET_LABELS[new_target]}.")

        self.app.push_screen(ChoiceDialog("Move this point to…", entries, numbered=True), move)

    def _dismiss_flags(self, target: str, index: int) -> None:
        points = self.editor.points.of(target)
        hits = self.meeting.open_hits(points[index]) if 0 <= index < len(points) else []
        if not hits:
            self.notify("Nothing is flagged in this point.")
        elif self.edit(lambda: self.editor.dismiss_flags([hit.key for hit in hits]))[0]:
            self.notify("Flag dismissed; it stays dismissed for this conference.")

    def _plan_row_from(self, target: str, index: int) -> None:
        from ctxtui.screens.forms import FormScreen
        from ctxtui.screens.plan import action_from_values, action_values, plan_row_fields

        done, action = self.edit(lambda: self.editor.points.as_action(target, index))
        if not done or action is None:
            return
        if self.refused():
            return
        fields = plan_row_fields(self.meeting)

        def file(values) -> bool:
            added, _ = self.edit(
                lambda: self.editor.rows.add("actions", action_from_values(values))
            )
            if added:
                self.notify("Plan row added (Ctrl+F shows the plan).")
            return added

        form = FormScreen(
            "New plan row from the point",
            fields,
            action_values(action),
            meeting=self.meeting,
            file=file,
        )
        form.first_field = "agency"  # the point's text is in already: who does it, by when
        self.app.push_screen(form, self._back)

    def action_add_attendee(self) -> None:
        """A new attendee straight from the capture line: name, role, agency, Ctrl+S."""
        from ctxtui.guard.privacy import GUARDED_FIELDS
        from ctxtui.screens.attendance import attendee_fields
        from ctxtui.screens.forms import FormScreen

        if self.refused():
            return

        def file(values) -> bool:
            attendee = Attendee(**values)
            added, _ = self.edit(lambda: self.editor.rows.add("attendees", attendee))
            if added:
                self.notify(f"{attendee.name or 'Attendee'} added to the attendance.", timeout=3)
            return added

        form = FormScreen(
            "New attendee",
            attendee_fields(self.meeting),
            meeting=self.meeting,
            file=file,
            guarded=GUARDED_FIELDS["attendees"],
        )
        self.app.push_screen(form, self._back)

    def file_capture(self) -> None:
        """The meeting's draft for this screen: an edit under way and a typed line are filed."""
        pending, edit = self.capture.take_pending()
        if edit is not None:
            place, text = edit
            self.editor.points.edit(place.target, place.position, text)
        self.meeting.keep_unfiled(self.capture.target, pending)

    # -- actions

    def action_next_item(self) -> None:
        self.edit(self.editor.next_agenda_item)

    def action_open(self, name: str) -> None:
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
        self.app.push_screen(opens[name](self.meeting), self._back)

    def action_menu(self) -> None:
        from ctxtui.screens.dialogs import ChoiceDialog

        def chosen(action: str | None) -> None:
            if action:
                self.call_later(self.run_action, action)

        menu = ChoiceDialog("Go to…", menu_entries(self.DESTINATIONS), menu=True)
        self.app.push_screen(menu, chosen)

    def action_preview(self) -> None:
        from ctxtui.screens.preview import PreviewScreen

        def after(result: str | None) -> None:
            self._back()
            if result == "export":
                self.action_export()

        self.app.push_screen(PreviewScreen(self.meeting.markdown()), after)

    def action_export(self) -> None:
        from ctxtui.screens.export import ExportScreen
        from ctxtui.screens.names_check import check_names_first

        def export() -> None:
            self.app.push_screen(ExportScreen(self.meeting), self._back)

        check_names_first(self, self.meeting, "Exporting", export)

    def action_finalise(self) -> None:
        from ctxtui.screens.finalise import finalise

        finalise(self, self.meeting, self._back)

    def action_send(self) -> None:
        from ctxtui.screens.send import send_minutes

        send_minutes(self, self.meeting, self._back)

    def action_invite(self) -> None:
        from ctxtui.screens.send import send_invitations

        send_invitations(self, self.meeting, self._back)

    def action_names_check(self) -> None:
        from ctxtui.screens.names_check import NamesCheckScreen

        if not self.meeting.names_to_check():
            self.notify("Names check done: nothing to answer.", timeout=4)
            return
        self.app.push_screen(NamesCheckScreen(self.meeting), self._back)

    def action_amend(self) -> None:
        from ctxtui.screens.finalise import amend

        amend(self, self.meeting, self._back)

    def action_close_context(self) -> None:
        from ctxtui.screens.finalise import close_context

        close_context(self, self.meeting, self._back)

    def action_story(self) -> None:
        from ctxtui.meeting.meeting import Conferences
        from ctxtui.screens.story import StoryScreen

        self.meeting.flush()  # the story reads the stored records: this one as typed
        conferences = Conferences(self.meeting.store, self.meeting.now)
        self.app.push_screen(StoryScreen(conferences, self.meeting.conference.id))

    def action_board(self) -> None:
        """The board runs in a second terminal: tell the chair the command to type there."""
        from ctxtui.screens.dialogs import ConfirmDialog

        lines = [
            "In a second terminal (another SSH session, or a tmux pane on the projector):",
            "",
            f"    {self.meeting.board_command()}",
            "",
            "It shows the headings as you save them and never changes anything.",
        ]
        self.app.push_screen(ConfirmDialog("Close this note?", lines))

    def action_help(self) -> None:
        from ctxtui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self))

    def action_close(self) -> None:
        """Save and go back to the list; with no list beneath (``ctxtui open``), quit."""
        self.meeting.file_drafts()
        if not self.meeting.flush():
            self.notify(self.meeting.autosaver.error or "Not saved.", severity="error")
            return
        if len(self.app.screen_stack) > 1:
            self.dismiss(None)
        else:
            self.app.exit()

    def _back(self, _result: object = None) -> None:
        self.changed()
        self.capture.focus()


CaptureInput.SHOWN_ON = (ConferenceScreen,)
