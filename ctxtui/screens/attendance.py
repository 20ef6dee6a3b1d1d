"""Attendance: who was invited, their role and agency, and whether they came."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import DataTable, Input, Label, Select, Static

from ..editing import Editor
from ..model import AGENCIES, ATTENDANCE, Attendee
from ..resources import style
from ..widgets.cells import cell
from ..widgets.fields import FieldInput
from ..widgets.keyhints import KeyHints
from .base import EditingScreen

ATTENDEE_COLUMNS = (("Attendance", 11), ("Name", 20), ("Agency", 22), ("Role", 24))


class AttendanceScreen(EditingScreen):
    CSS_PATH = [style("lists")]
    HELP_GROUP = "Attendance"
    BINDINGS = [
        Binding("a,insert", "add", "Add", id="attendance.add"),
        Binding("enter,e", "edit", "Edit", id="attendance.edit"),
        Binding("p", "cycle", "Present/apologies/absent", id="attendance.cycle"),
        Binding("delete,d", "delete", "Delete", id="attendance.delete"),
        Binding("z,ctrl+z", "undo", "Undo delete", id="attendance.undo"),
        Binding("escape", "close", "Back", id="attendance.back"),
    ]

    def __init__(self, editor: Editor, known_agencies: list[str], read_only: bool = False) -> None:
        super().__init__(editor, read_only)
        self.agencies = list(dict.fromkeys([*AGENCIES, *known_agencies]))

    def compose(self) -> ComposeResult:
        yield Static(
            Text("Attendance — a: add  Enter: edit  p: present/apologies/absent"), id="title"
        )
        table = DataTable(id="attendees", cursor_type="row", zebra_stripes=True, cell_padding=0)
        for heading, width in ATTENDEE_COLUMNS:
            table.add_column(heading, width=width)
        yield table
        yield Static(id="attendee-detail")
        yield KeyHints()

    def on_mount(self) -> None:
        self._show()
        self.query_one(DataTable).focus()

    @property
    def attendees(self) -> list[Attendee]:
        return self.editor.conference.attendees

    def _show(self, row: int | None = None) -> None:
        table = self.query_one(DataTable)
        keep = table.cursor_row if row is None else row
        table.clear()
        for a in self.attendees:
            cells = (a.attendance, a.name, a.agency, a.role)
            table.add_row(
                *[
                    cell(text, width)
                    for text, (_h, width) in zip(cells, ATTENDEE_COLUMNS, strict=True)
                ]
            )
        if self.attendees:
            table.move_cursor(row=max(0, min(keep, len(self.attendees) - 1)))
        else:
            self.query_one("#attendee-detail", Static).update(
                "No attendees yet: press a to add one."
            )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()  # Enter on a row

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # Columns are cut to fit 80 columns; the whole row is always readable here.
        index = event.cursor_row
        if 0 <= index < len(self.attendees):
            a = self.attendees[index]
            text = Text(
                f"{a.name} — {a.role or 'no role'}, {a.agency or 'no agency'} ({a.attendance})"
            )
        else:
            text = Text("No attendees yet: press a to add one.")
        self.query_one("#attendee-detail", Static).update(text)

    def _selected(self) -> int | None:
        table = self.query_one(DataTable)
        return table.cursor_row if self.attendees else None

    def action_add(self) -> None:
        if not self.writable():
            return

        def added(attendee: Attendee | None) -> None:
            if attendee:
                self._show(self.editor.add_attendee(attendee))

        self.app.push_screen(AttendeeForm(Attendee(), self._agency_choices()), added)

    def action_edit(self) -> None:
        index = self._selected()
        if index is None or not self.writable():
            return

        def edited(attendee: Attendee | None) -> None:
            if attendee:
                self.editor.update_attendee(index, attendee)
                self._show(index)

        self.app.push_screen(AttendeeForm(self.attendees[index], self._agency_choices()), edited)

    def action_cycle(self) -> None:
        index = self._selected()
        if index is None or not self.writable():
            return
        current = self.attendees[index]
        following = ATTENDANCE[(ATTENDANCE.index(current.attendance) + 1) % len(ATTENDANCE)]
        self.editor.update_attendee(
            index, Attendee(current.name, current.role, current.agency, following)
        )
        self._show(index)

    def action_delete(self) -> None:
        index = self._selected()
        if index is None or not self.writable():
            return
        removed = self.editor.delete_attendee(index)
        self._show(index)
        self.notify(Text(f"Removed {removed.name}. Press z to undo.").plain)

    def action_undo(self) -> None:
        what = self.editor.undo()
        self._show()
        self.notify(f"Restored the {what}." if what else "Nothing to undo.")

    def _agency_choices(self) -> list[str]:
        present = [a.agency for a in self.attendees if a.agency]
        return list(dict.fromkeys([*self.agencies, *present]))

    def action_close(self) -> None:
        self.dismiss(None)


class AttendeeForm(ModalScreen[Attendee | None]):
    CSS_PATH = [style("forms")]
    """Name, role, agency (with suggestions: → accepts one) and attendance."""

    HELP_GROUP = "Attendee form"
    BINDINGS = [
        Binding("ctrl+s", "done", "Done", id="attendee.done", priority=True),
        Binding("escape", "cancel", "Cancel", id="attendee.cancel"),
    ]

    def __init__(self, attendee: Attendee, agencies: list[str]) -> None:
        super().__init__()
        self.attendee = attendee
        self.agencies = agencies

    def compose(self) -> ComposeResult:
        a = self.attendee
        with Vertical(classes="dialog form"):
            yield Label("Name")
            yield FieldInput(a.name, id="name")
            yield Label("Role")
            yield FieldInput(a.role, id="role")
            yield Label("Agency (→ takes the suggestion)")
            yield FieldInput(
                a.agency,
                id="agency",
                suggester=SuggestFromList(self.agencies, case_sensitive=False),
            )
            yield Label("Attendance")
            yield Select(
                [(s, s) for s in ATTENDANCE], value=a.attendance, allow_blank=False, id="attendance"
            )
            yield Label("Enter: next field · Ctrl+S: done · Escape: cancel", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_done(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        if not name:
            self.notify("An attendee needs a name.", severity="error")
            self.query_one("#name", Input).focus()
            return
        self.dismiss(
            Attendee(
                name=name,
                role=self.query_one("#role", Input).value,
                agency=self.query_one("#agency", Input).value,
                attendance=str(self.query_one("#attendance", Select).value),
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
