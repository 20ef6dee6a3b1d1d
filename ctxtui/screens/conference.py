"""The minute-taking screen: the capture line, the headings and the agenda bar.

The meeting holds the record, the rules and the saving; the capture line owns the keys; this
screen turns what the capture line asks into changes and redraws. What it opens and asks is in
conference_actions.py, its smaller duties in conference_parts.py, its top line in
screens/topbar.py.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Grid
from textual.geometry import Size
from textual.widgets import Static

from ctxtui.core.labels import TARGET_KEYS, TARGET_SHORT_LABELS
from ctxtui.meeting.meeting import Meeting, flag_sentence
from ctxtui.resources import style
from ctxtui.screens import safeguards
from ctxtui.screens.commands import (
    CONFERENCE_DESTINATIONS,
    ScreenCommands,
    bindings,
)
from ctxtui.screens.conference_actions import (
    GOES,
    ask_where_to_move,
    dismiss_flags,
    plan_row_from,
)
from ctxtui.screens.conference_parts import (
    MinuteTaking,
    file_capture,
    flag_words,
    give_back_unfiled,
    mount_shown_panes,
    offer_take_over,
    panes_on_screen,
    warm_up,
)
from ctxtui.screens.topbar import TopBar
from ctxtui.widgets.agenda_bar import AgendaBar
from ctxtui.widgets.capture import CaptureBar, CaptureInput
from ctxtui.widgets.host import host
from ctxtui.widgets.keyhints import KeyHints
from ctxtui.widgets.keymap import with_keys
from ctxtui.widgets.points import PointList
from ctxtui.widgets.textual_internals import skip_restyle

if TYPE_CHECKING:
    from ctxtui.widgets.contributions import ContributionPanel

STATUS_SECONDS = 0.5
FLAGS_AFTER_SECONDS = 0.05  # after the first frame: see ConferenceScreen.__init__


class ConferenceScreen(MinuteTaking):
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
        self._shown_once = False
        # The privacy scan of every point (and reading its word lists) waits until the first
        # frame is on screen: the chair sees the minutes at once, the flags a moment later.
        self.flags_shown = False
        self._flag_line: Static | None = None  # the flags of the point browsed

    # -- layout

    def compose(self) -> ComposeResult:
        yield TopBar(id="topbar")
        yield AgendaBar(self.meeting.conference, self.meeting.now, id="agenda-bar")
        yield Static(id="tabs")
        with Grid(id="panes"):
            yield from panes_on_screen(self._panes, self.has_class("-wide"))
        yield CaptureBar(self.meeting.points_of, id="capture")
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
        self.meeting.hold_draft(self, partial(file_capture, self))
        self.capture.focus()
        notices = [
            self.meeting.read_only_notice(),
            self.meeting.restored_notice,
            give_back_unfiled(self),
        ]
        if any(notices):  # one notice: they show one at a time
            self.notify(" ".join(n for n in notices if n), severity="warning", timeout=15)

    def on_unmount(self) -> None:
        self.meeting.drop_draft(self)

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

    def on_resize(self, event: events.Resize) -> None:
        mount_shown_panes(self, self._panes, "-wide" in self._size_classes(event.size))

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
        points = self.meeting.points_of(target)
        flagged: set[int] = set()
        if self.flags_shown:
            allowed = self.meeting.allowed_names()  # once per redraw, not once per point
            flagged = {
                i for i, point in enumerate(points) if self.meeting.open_hits(point, allowed)
            }
        self.pane(target).show(points, highlight, flagged, host(self).symbols["flag"])

    def _show_flags_at_last(self) -> None:
        self.flags_shown = True
        for key in TARGET_KEYS:
            self.redraw(key)
        self.show_marks(flag=False)  # a flag shown for a point just filed stays until a key
        self.run_worker(partial(warm_up, self.meeting), thread=True, group="warm-up")

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
        mount_shown_panes(self, self._panes, self.has_class("-wide"))
        tabs = Text(no_wrap=True, overflow="ellipsis")
        for key in TARGET_KEYS:
            label = f"{TARGET_SHORT_LABELS[key]} {len(self.meeting.points_of(key))}"
            if key == shown:  # brackets too, so the current heading shows without colour
                tabs.append(f"[{label}]", style="reverse bold")
            else:
                tabs.append(f" {label} ")
            tabs.append(" ")
        self.query_one("#tabs", Static).update(tabs)
        if flag:
            self.show_flag(
                self.meeting.point_at(browsed.target, browsed.position) if browsed else None
            )
        safeguards.show_offset(self, self.pane)

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
        refusal = self.meeting.refusal()
        self.capture.placeholder = (
            f"{refusal} (Browse with ↓.)" if refusal else "Type a point and press Enter"
        )

    def show_status(self) -> None:
        self.query_one(TopBar).show(self.meeting)

    def _tick(self) -> None:
        self.show_status()
        if self.meeting.follow():  # read-only here: show what the other window has saved
            self.changed()
        elif self.meeting.take_over():
            offer_take_over(self)

    # -- what the capture line asks

    def on_capture_input_filed(self, message: CaptureInput.Filed) -> None:
        done, index = self.edit(lambda: self.meeting.add_point(message.target, message.text))
        if not done and not self.capture.value:
            self.capture.value = message.text  # refused: the typed line is kept, not lost
        elif index is not None:
            self.redraw(message.target, index)
            self.show_flag(self.meeting.points_of(message.target)[index])  # until the next key
            safeguards.after_filing(self)
            if self.has_class("-contributions"):
                self.query_one("#contributions").focus()  # on to the next sentence

    # -- written contributions

    async def action_contributions(self) -> None:
        """Open the written contributions in place of the points, or close them. The panel
        is made the first time (most meetings never open it)."""
        if self.has_class("-contributions"):
            self.on_contribution_panel_closed()
            return
        if not self.meeting.conference.contributions:
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
            panel = ContributionPanel(partial(flag_words, self), id="contributions")
            await self.mount(panel, after="#panes")
        panel.load(self.meeting.conference)
        self.add_class("-contributions")
        panel.focus()

    def widgets_made_later(self) -> list[type]:
        """For the help screen: the widgets made when first used, whose keys it lists too."""
        from ctxtui.widgets.contributions import ContributionPanel

        return [ContributionPanel]

    def on_contribution_panel_closed(self, _message: object = None) -> None:
        self.remove_class("-contributions")
        self.capture.focus()

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
            lambda: self.meeting.edit_point(place.target, place.position, message.text)
        )
        if done and not kept:
            self.notify(self.with_keys("Emptied point deleted. {edit.undo} brings it back."))

    def on_capture_input_moved(self, message: CaptureInput.Moved) -> None:
        self.show_marks()

    def on_capture_input_command(self, message: CaptureInput.Command) -> None:
        target, index = message.place.target, message.place.position
        what = message.what
        if what == "delete":
            if self.edit(lambda: self.meeting.delete_point(target, index))[0]:
                self.notify(self.with_keys("Point deleted. {edit.undo} brings it back."))
        elif what in ("up", "down"):
            self.edit(lambda: self.meeting.move_point(target, index, -1 if what == "up" else 1))
        elif what == "move":
            ask_where_to_move(self, target, index)
        elif what == "dismiss":
            dismiss_flags(self, target, index)
        elif what == "plan":
            plan_row_from(self, target, index)

    # -- actions

    def action_go(self, name: str) -> None:
        """A destination of the Ctrl+O menu, the palette or a key, by its name in GOES."""
        GOES[name](self)

    def action_close(self) -> None:
        """Save and go back to the list; with no list beneath (``ctxtui open``), quit."""
        self.meeting.file_drafts()
        if not self.meeting.flush():
            self.notify(self.meeting.save_error or "Not saved.", severity="error")
            return
        if len(self.app.screen_stack) > 1:
            self.dismiss(None)
        else:
            self.app.exit()


CaptureInput.SHOWN_ON = (ConferenceScreen,)
