"""The minute-taking screen: the capture line, the headings, the agenda bar and autosave."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.screen import Screen
from textual.widgets import Static

from .. import config, dates
from ..autosave import Autosaver
from ..editing import TARGET_KEYS, TARGET_LABELS, TARGET_SHORT_LABELS, Editor, TooLong, clean_point
from ..model import CAPTURE_TARGETS, MAX_TEXT
from ..privacy import Hit, attendee_names, scan_text
from ..resources import style
from ..store import Store, StoreError
from ..widgets.agenda_bar import AgendaBar
from ..widgets.capture import CaptureBar, CaptureInput
from ..widgets.keyhints import KeyHints
from ..widgets.points import PointList
from .commands import CONFERENCE_COMMANDS, ScreenCommands

AUTOSAVE_SECONDS = 0.5


def board_command(store: Store, conference_id: str) -> str:
    """The command line that opens the board on this conference's data folder."""
    import shlex

    default = config.data_dir(None) == store.root
    folder = "" if default else f" --data-dir {shlex.quote(str(store.root))}"
    return f"ctxtui board {conference_id}{folder}"


# (letter, label, action) of the Ctrl+O menu: every place the chair can go from here
GO_TO_MENU: tuple[tuple[str, str, str], ...] = (
    ("d", "Details (context, dates, roles)", "details"),
    ("a", "Attendance", "attendance"),
    ("g", "Danger statement", "danger"),
    ("p", "Intervention plan", "plan"),
    ("s", "Scaling", "scaling"),
    ("r", "Agenda", "agenda"),
    ("v", "Preview the minutes", "preview"),
    ("e", "Export the minutes", "export"),
    ("f", "Finalise the minutes", "finalise"),
    ("m", "Amend final minutes", "amend"),
    ("b", "Board for the shared screen", "board"),
    ("h", "Help", "help"),
)


class ConferenceScreen(Screen[None]):
    CSS_PATH = [style("conference")]
    HELP_GROUP = "Minute-taking screen"
    COMMANDS = {ScreenCommands}
    PALETTE = CONFERENCE_COMMANDS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (18, "-tall")]
    BINDINGS = [
        Binding("ctrl+n", "next_item", "Next item", id="conference.next_item", show=False),
        Binding("ctrl+o", "menu", "Go to…", id="conference.menu"),
        Binding("ctrl+l", "attendance", "Attendance", id="conference.attendance", show=False),
        Binding("ctrl+g", "danger", "Danger statement", id="conference.danger", show=False),
        Binding("ctrl+r", "agenda", "Agenda", id="conference.agenda", show=False),
        Binding("ctrl+f,f2", "plan", "Plan", id="conference.plan"),
        Binding("ctrl+y,f3", "scaling", "Scaling", id="conference.scaling"),
        Binding("f5", "preview", "Preview", id="conference.preview", show=False),
        Binding("f6", "export", "Export", id="conference.export", show=False),
        Binding("f1,question_mark", "help", "Help", id="conference.help"),
    ]

    def __init__(
        self,
        store: Store,
        conference_id: str,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        autosave_seconds: float = AUTOSAVE_SECONDS,
    ) -> None:
        super().__init__()
        self.autosave_seconds = autosave_seconds
        self.store = store
        self.session = store.open(conference_id)
        self.editor = Editor(self.session.conference, now)
        self.autosaver = Autosaver(self.session, self.editor, now)
        self.now = now
        self._scan_cache: dict[tuple[str, tuple[str, ...]], list[Hit]] = {}
        self._topbar_text = ""
        self.export_folder = Path.cwd()
        self.last_export: Path | None = None
        try:
            self.nation = config.nation()
        except ValueError:
            self.nation = dates.DEFAULT_NATION

    @property
    def conference(self):
        return self.editor.conference

    # -- layout

    def compose(self) -> ComposeResult:
        yield Static(id="topbar")
        yield AgendaBar(self.conference, self.now, id="agenda-bar")
        yield Static(id="tabs")
        with Grid(id="panes"):
            for key, _ in CAPTURE_TARGETS:
                yield PointList(key, id=f"pane-{key}", classes="pane")
        yield Static(id="flag-line")
        yield CaptureBar(id="capture")
        yield KeyHints()

    def on_mount(self) -> None:
        for key in TARGET_KEYS:
            self.redraw(key)
        if self.session.read_only:
            self.notify(
                f"Read-only: this conference is {self.session.read_only_reason}.",
                severity="warning",
                timeout=10,
            )
        elif self.editor.final:
            self.notify("These minutes are final. Ctrl+O then m amends them.", timeout=10)
        self._show_lock()
        self._show_target()
        self._show_status()
        self.set_interval(self.autosave_seconds, self._autosave)
        self.capture.focus()

    def redraw(self, target: str, highlight: int | None = None) -> None:
        """Show one heading's points from the record, marking those the privacy guard flags."""
        points = self.editor.points(target)
        allowed = tuple(attendee_names(self.conference))  # once per redraw, not once per point
        flagged = {i for i, point in enumerate(points) if self.open_hits(point, allowed)}
        self.pane(target).show(points, highlight, flagged, self.app.symbols["flag"])

    def open_hits(self, text: str, allowed: tuple[str, ...] | None = None) -> list[Hit]:
        """The privacy findings in one text that the chair has not dismissed (cached by text)."""
        if allowed is None:
            allowed = tuple(attendee_names(self.conference))
        key = (text, allowed)
        hits = self._scan_cache.get(key)
        if hits is None:
            hits = self._scan_cache[key] = scan_text(text, allowed)
        dismissed = set(self.conference.dismissed_flags)
        return [hit for hit in hits if hit.key not in dismissed]

    def _show_flag(self, text: str | None) -> None:
        line = self.query_one("#flag-line", Static)
        hits = self.open_hits(text) if text else []
        if hits:
            reasons = "; ".join(hit.reason() for hit in hits)
            line.update(
                Text(
                    f"{self.app.symbols['flag']} {reasons}. Reword it, or x in the list "
                    "dismisses the flag."
                )
            )
        line.set_class(bool(hits), "-shown")

    def on_option_list_option_highlighted(self, event) -> None:
        if isinstance(event.option_list, PointList) and event.option_list.has_focus:
            points = self.editor.points(event.option_list.target)
            index = event.option_index
            self._show_flag(points[index] if 0 <= index < len(points) else None)

    @property
    def capture(self) -> CaptureInput:
        return self.query_one(CaptureInput)

    def pane(self, target: str) -> PointList:
        return self.query_one(f"#pane-{target}", PointList)

    def _show_target(self) -> None:
        target = self.capture.target
        for key in TARGET_KEYS:
            self.pane(key).set_class(key == target, "-current")
        tabs = Text(no_wrap=True, overflow="ellipsis")
        for key in TARGET_KEYS:
            label = f"{TARGET_SHORT_LABELS[key]} {len(self.editor.points(key))}"
            if key == target:  # brackets too, so the current heading shows without colour
                tabs.append(f"[{label}]", style="reverse bold")
            else:
                tabs.append(f" {label} ")
            tabs.append(" ")
        self.query_one("#tabs", Static).update(tabs)

    @property
    def locked(self) -> bool:
        """Nothing can change here: open elsewhere, or the minutes are final."""
        return self.session.read_only or self.editor.final

    def _locked_message(self) -> str:
        if self.session.read_only:
            return "Read-only: nothing can be changed here."
        return "These minutes are final: Ctrl+O then m amends them."

    def _show_lock(self) -> None:
        self.capture.disabled = self.locked
        self.capture.placeholder = (
            self._locked_message() if self.locked else "Type a point and press Enter"
        )

    def _show_status(self) -> None:
        saver = self.autosaver
        if self.session.read_only:
            state = "READ-ONLY"
        elif self.editor.final:
            state = "FINAL"
        elif saver.error:
            state = f"{self.app.symbols['warning']} NOT SAVED: {saver.error}"
        elif saver.dirty:
            state = f"{self.app.symbols['unsaved']} unsaved"
        elif saver.saved_at:
            state = f"{self.app.symbols['saved']} saved {saver.saved_at:%H:%M:%S}"
        else:
            state = f"{self.app.symbols['saved']} saved"
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{state}  ", style="bold")
        c = self.conference
        text.append(f"{c.status} · {c.kind} · {c.dates.conference or 'no date'} · {c.context.name}")
        topbar = self.query_one("#topbar", Static)
        if text.plain != self._topbar_text:  # redraw only on change: every byte crosses SSH
            self._topbar_text = text.plain
            topbar.update(text)
        topbar.set_class(bool(saver.error), "-error")

    # -- autosave

    def _autosave(self) -> None:
        had_error = self.autosaver.error
        self.autosaver.tick()
        if self.autosaver.error and self.autosaver.error != had_error:
            self.notify(self.autosaver.error, title="Not saved", severity="error", timeout=15)
        self._show_status()

    def changed(self) -> None:
        """Call after any change to the record: shows 'unsaved' now, the timer saves it soon."""
        self._show_status()

    def flush(self) -> bool:
        """File whatever is typed but not filed, then save at once (quit, hang-up, Ctrl+S)."""
        pending = self.capture.take_pending()
        if pending.strip() and not self.locked:
            # Nobody is there to shorten an over-long line: keep as much as a point can hold.
            self.editor.add_point(self.capture.target, clean_point(pending)[:MAX_TEXT])
        return self.autosaver.flush()

    def release(self) -> None:
        self.session.close()

    # -- capture line

    def on_capture_input_filed(self, message: CaptureInput.Filed) -> None:
        try:
            index = self.editor.add_point(message.target, message.text)
        except TooLong as error:
            self.capture.value = message.text
            self.notify(str(error), severity="error")
            return
        if index is not None:
            self.redraw(message.target, index)
            self._show_flag(self.editor.points(message.target)[index])
            self._show_target()
            self.changed()

    def on_capture_input_edited(self, message: CaptureInput.Edited) -> None:
        try:
            kept = self.editor.edit_point(message.target, message.index, message.text)
        except TooLong as error:
            self.notify(str(error), severity="error")
            return
        pane = self.pane(message.target)
        self.redraw(message.target, message.index)
        if not kept:
            self.notify("Emptied point deleted. Press z in the list to undo.")
        self._show_target()
        self.changed()
        pane.focus()

    def on_capture_input_target_changed(self, message: CaptureInput.TargetChanged) -> None:
        self._show_target()

    # -- points

    def on_point_list_requested(self, message: PointList.Requested) -> None:
        target, index = message.points.target, message.index
        if self.locked:
            self.notify(self._locked_message(), severity="warning")
            return
        if message.what == "edit":
            self.capture.start_edit(target, index, self.editor.points(target)[index])
            return
        if message.what == "delete":
            self.editor.delete_point(target, index)
            self.notify("Point deleted. Press z to undo.")
            self.redraw(target, index)
        elif message.what in ("up", "down"):
            new = self.editor.move_point(target, index, -1 if message.what == "up" else 1)
            self.redraw(target, new)
        elif message.what == "move":
            self._ask_where_to_move(target, index)
            return
        elif message.what == "dismiss":
            hits = self.open_hits(self.editor.points(target)[index])
            if not hits:
                self.notify("Nothing is flagged in this point.")
                return
            self.editor.dismiss_flags([hit.key for hit in hits])
            self.redraw(target, index)
            self._show_flag(None)
            self.notify("Flag dismissed; it stays dismissed for this conference.")
        elif message.what == "plan":
            row = self.editor.action_from_point(target, index)
            self.notify("Plan row added with this worry: fill in the rest.")
            self.action_plan(select=row, edit_now=True)
            return
        self._show_target()
        self.changed()

    def _ask_where_to_move(self, target: str, index: int) -> None:
        from .dialogs import ChooseDialog

        choices = [(key, label) for key, label in CAPTURE_TARGETS if key != target]

        def move(new_target: str | None) -> None:
            if not new_target:
                return
            new_index = self.editor.move_to(target, index, new_target)
            self.redraw(target, index)
            self.redraw(new_target, new_index)
            self.notify(f"Moved to {TARGET_LABELS[new_target]}.")
            self._show_target()
            self.changed()

        self.app.push_screen(ChooseDialog("Move this point to…", choices), move)

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        if isinstance(widget, PointList) and widget.target != self.capture.target:
            self.capture.target = widget.target
            self._show_target()

    # -- actions

    def action_focus_points(self) -> None:
        pane = self.pane(self.capture.target)
        if pane.option_count:
            pane.focus()

    def action_focus_capture(self) -> None:
        self._show_flag(None)
        self.capture.focus()

    def action_switch_pane(self, step: int) -> None:
        index = (TARGET_KEYS.index(self.capture.target) + step) % len(TARGET_KEYS)
        self.capture.target = TARGET_KEYS[index]
        self._show_target()
        self.pane(TARGET_KEYS[index]).focus()

    def action_undo(self) -> None:
        what = self.editor.undo()
        if what is None:
            self.notify("Nothing to undo.")
            return
        for key in TARGET_KEYS:
            self.redraw(key)
        self.notify(f"Restored the {what}.")
        self._show_target()
        self.changed()

    def action_save(self) -> None:
        if self.session.read_only:
            self.notify("Read-only: nothing to save here.", severity="warning")
            return
        if self.autosaver.flush():
            self.notify("Saved.", timeout=2)
        else:
            self.notify(self.autosaver.error or "Not saved.", severity="error")
        self._show_status()

    def action_next_item(self) -> None:
        if self.locked:
            self.notify(self._locked_message(), severity="warning")
            return
        self.editor.next_agenda_item()
        self.query_one(AgendaBar).refresh_status()
        self.changed()

    def action_details(self) -> None:
        from .details import DetailsScreen

        self.app.push_screen(DetailsScreen(self.editor, self.locked), self._back)

    def action_attendance(self) -> None:
        from .attendance import AttendanceScreen

        agencies = self.store.known_agencies()
        self.app.push_screen(AttendanceScreen(self.editor, agencies, self.locked), self._back)

    def action_danger(self) -> None:
        from .danger import DangerScreen

        self.app.push_screen(DangerScreen(self.editor, self.locked), self._back)

    def action_agenda(self) -> None:
        from .agenda import AgendaScreen

        self.app.push_screen(AgendaScreen(self.editor, self.locked), self._back)

    def action_plan(self, select: int | None = None, edit_now: bool = False) -> None:
        from .plan import PlanScreen

        screen = PlanScreen(self.editor, self.store.known_agencies(), self.locked, select, edit_now)
        self.app.push_screen(screen, self._back)

    def action_scaling(self) -> None:
        from ..scaling import summarise
        from .scaling import ScalingScreen

        earlier = self._previous()
        previous = summarise(s.score for s in earlier.scaling.scores) if earlier else None
        self.app.push_screen(ScalingScreen(self.editor, previous, self.locked), self._back)

    def action_menu(self) -> None:
        from .dialogs import MenuDialog

        def chosen(action: str | None) -> None:
            if action:
                self.call_later(self.run_action, action)

        self.app.push_screen(MenuDialog("Go to…", list(GO_TO_MENU)), chosen)

    def _previous(self):
        if not self.conference.previous_id:
            return None
        try:
            return self.store.load(self.conference.previous_id)
        except StoreError as error:
            self.notify(f"Previous conference not available: {error}", severity="warning")
            return None

    def action_preview(self) -> None:
        from ..export.markdown import to_markdown
        from .preview import PreviewScreen

        markdown = to_markdown(self.conference, nation=self.nation, previous=self._previous())

        def after(result: str | None) -> None:
            self._back()
            if result == "export":
                self.action_export()

        self.app.push_screen(PreviewScreen(markdown), after)

    def action_export(self) -> None:
        """Export, after the chair has seen every open privacy flag and chosen to go on."""
        from ..privacy import CATEGORIES, scan
        from .dialogs import ConfirmDialog

        findings = scan(self.conference)
        if not findings:
            self._ask_export()
            return
        lines = [
            f"{f.section.replace('_', ' ')} #{f.index + 1}: {CATEGORIES[f.category]}: {f.text}"
            for f in findings
        ]
        question = f"{len(findings)} possible child-identifying detail(s). Export anyway?"
        self.app.push_screen(
            ConfirmDialog(question, lines), lambda yes: self._ask_export() if yes else None
        )

    def _ask_export(self) -> None:
        from .dialogs import ConfirmDialog
        from .export import ExportChoice, ExportDialog

        def chosen(choice: ExportChoice | None) -> None:
            self._back()
            if choice is None:
                return
            self.export_folder = choice.path.parent
            if choice.path.exists():
                self.app.push_screen(
                    ConfirmDialog(f"{choice.path} exists. Replace it?"),
                    lambda yes: self._write_export(choice, replace=True) if yes else None,
                )
            else:
                self._write_export(choice, replace=False)

        self.app.push_screen(ExportDialog(self.conference, self.export_folder), chosen)

    def _write_export(self, choice, replace: bool) -> None:
        """Write in a worker thread from a snapshot, so typing carries on meanwhile."""
        from ..export import ExportError, export_minutes
        from ..export.docx import PandocUnavailable
        from ..model import Conference

        snapshot = Conference.from_dict(self.conference.to_dict())
        previous = self._previous()
        self.notify(f"Writing {choice.path.name}…", timeout=2)

        def work() -> None:
            try:
                written = export_minutes(
                    snapshot,
                    choice.fmt,
                    choice.path,
                    nation=self.nation,
                    previous=previous,
                    replace=replace,
                )
            except (ExportError, PandocUnavailable, OSError) as error:
                self.app.call_from_thread(self.notify, f"Not exported: {error}.", severity="error")
                return
            message = f"Minutes written to {written.path}"
            if written.note:
                message = f"{written.note} {message}"
            self.app.call_from_thread(self.notify, message, title="Exported", timeout=10)
            self.last_export = written.path

        self.run_worker(work, thread=True, group="export")

    def action_finalise(self) -> None:
        from .dialogs import ConfirmDialog

        if self.session.read_only:
            self.notify(self._locked_message(), severity="warning")
            return
        if self.editor.final:
            self.notify(f"Already final since {self.conference.finalised_at.replace('T', ' ')}.")
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.editor.finalise()
                self.autosaver.flush()
                self._show_lock()
                self._show_status()
                self.notify("Minutes finalised: they are now read-only.")

        question = "Finalise the minutes? They become read-only; any later change is an amendment."
        self.app.push_screen(ConfirmDialog(question), confirmed)

    def action_amend(self) -> None:
        from .dialogs import TextDialog

        if self.session.read_only:
            self.notify(self._locked_message(), severity="warning")
            return
        if not self.editor.final:
            self.notify("These minutes are a draft: change them directly.")
            return

        def reason_given(reason: str | None) -> None:
            if not reason or not reason.strip():
                return
            self.editor.amend(reason)
            self.autosaver.flush()
            self._show_lock()
            self._show_status()
            self.capture.focus()
            self.notify("Amending: each change is logged. Finalise again when done.")

        prompt = "What are you amending, and why? (recorded in the minutes)"
        self.app.push_screen(TextDialog(prompt), reason_given)

    def action_board(self) -> None:
        """The board runs in a second terminal: tell the chair the command to type there."""
        from .dialogs import ConfirmDialog

        command = board_command(self.store, self.conference.id)
        lines = [
            "In a second terminal (another SSH session, or a tmux pane on the projector):",
            "",
            f"    {command}",
            "",
            "It shows the headings as you save them and never changes anything.",
        ]
        self.app.push_screen(ConfirmDialog("Close this note?", lines))

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen(self))

    def action_close(self) -> None:
        """Save and go back to the list; with no list beneath (``ctxtui open``), quit."""
        if not self.flush():
            self.notify(self.autosaver.error or "Not saved.", severity="error")
            return
        if len(self.app.screen_stack) > 2:
            self.dismiss(None)
        else:
            self.app.exit()

    def _back(self, _result: object = None) -> None:
        self.query_one(AgendaBar).refresh_status()
        self._show_status()
        self.capture.focus()
