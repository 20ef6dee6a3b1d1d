"""One base for the screens that are a table of rows with a form per row (attendance, the plan):
add, edit, cycle a status, delete, reorder and undo, the whole selected row shown beneath."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from ctxtui.core.record import Conference
from ctxtui.guard.privacy import GUARDED_FIELDS
from ctxtui.screens.forms import Field, FormScreen, Values
from ctxtui.screens.sub import SubScreen
from ctxtui.widgets.cells import cell

NUMBER_WIDTH = 3


@dataclass(frozen=True)
class RowKind:
    """One table of the record (attendees, plan rows, referrals, the distribution list), so
    that one table screen serves them all."""

    table: str
    has_status: bool = False  # a status the cycle key steps through

    def rows(self, conference: Conference) -> list[Any]:
        rows: list[Any] = getattr(conference, self.table)
        return rows


ATTENDEE_ROWS = RowKind("attendees", has_status=True)
ACTION_ROWS = RowKind("actions", has_status=True)
REFERRAL_ROWS = RowKind("referrals")
RECIPIENT_ROWS = RowKind("distribution")


class TableScreen(SubScreen):
    """Subclasses say what a row is: ``rows``, ``columns``, ``cells``, ``detail``, the form's
    fields and title, and how values become a row (``add_row``, ``update_row``...)."""

    EMPTY_TEXT = "Nothing here yet: press {table.add} to add one."
    ROW_NAME = "row"
    BINDINGS: ClassVar[list[Any]] = [
        Binding("a,insert", "add", "Add", id="table.add"),
        Binding("enter,e", "edit", "Edit", id="table.edit"),
        Binding("delete,ctrl+d", "delete", "Delete", id="table.delete"),
        Binding("left_square_bracket,shift+up", "move(-1)", "Move up", id="table.up", show=False),
        Binding(
            "right_square_bracket,shift+down", "move(1)", "Move down", id="table.down", show=False
        ),
        Binding("home", "to_end(False)", "First row", id="table.first", show=False, priority=True),
        Binding("end", "to_end(True)", "Last row", id="table.last", show=False, priority=True),
    ]

    def __init__(self, meeting, select: int | None = None) -> None:
        super().__init__(meeting)
        self.select = select

    ROWS: RowKind  # which table of the record
    COLUMNS: tuple[tuple[str, str, int], ...] = ()

    # -- what a subclass provides

    def columns(self, width: int) -> list[tuple[str, str, int]]:
        """(field, heading, width) of the columns shown at this terminal width."""
        return list(self.COLUMNS)

    def detail(self, row: Any, number: int) -> RenderableType:
        """The whole row beneath the table (its columns are cut to fit 80 columns)."""
        return Text(" · ".join(value for value in self.values_of(row).values() if value))

    def form_fields(self) -> list[Field]:
        raise NotImplementedError

    ROW_TYPE: type | None = None  # rows of plain text fields: values and rows map one to one

    def values_of(self, row: Any) -> Values:
        return dataclasses.asdict(row)

    def make_row(self, values: Values) -> Any:
        if self.ROW_TYPE is None:
            raise NotImplementedError
        return self.ROW_TYPE(**values)

    def rows(self) -> list[Any]:
        return self.ROWS.rows(self.meeting.conference)

    # -- layout

    def body(self) -> ComposeResult:
        yield DataTable(id="rows", cursor_type="row", zebra_stripes=True, cell_padding=0)
        with VerticalScroll(id="row-detail-scroll"):
            yield Static(id="row-detail")

    def on_mount(self) -> None:
        self.show_rows(self.select or 0)
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        self.show_rows()

    def changed(self) -> None:
        self.show_rows()

    def show_rows(self, row: int | None = None) -> None:
        table = self.query_one(DataTable)
        keep = table.cursor_row if row is None else row
        columns = self.columns(self.size.width or 80)
        table.clear(columns=True)
        table.add_column("#", width=NUMBER_WIDTH)
        for _name, heading, width in columns:
            table.add_column(heading, width=width)
        for n, item in enumerate(self.rows(), 1):
            cells = self.values_of(item)
            table.add_row(Text(str(n)), *[cell(cells[name], width) for name, _h, width in columns])
        if self.rows():
            table.move_cursor(row=max(0, min(keep, len(self.rows()) - 1)))
        self._show_detail()

    def _show_detail(self) -> None:
        index = self.selected()
        detail = self.query_one("#row-detail", Static)
        if index is None:
            detail.update(Text(self.with_keys(self.EMPTY_TEXT)))
        else:
            detail.update(self.detail(self.rows()[index], index + 1))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()
        self.show_flags()

    def flagged_texts(self) -> list[str]:
        index = self.selected()
        if index is None:
            return []
        values = self.values_of(self.rows()[index])
        return [values[name] for name in GUARDED_FIELDS[self.ROWS.table] if name in values]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()  # Enter on a row

    def selected(self) -> int | None:
        rows = self.rows()
        row = self.query_one(DataTable).cursor_row
        return row if rows and 0 <= row < len(rows) else None

    # -- actions

    def open_form(self, title: str, values: Values, file) -> None:
        if self.refused():
            return
        form = FormScreen(
            title,
            self.form_fields(),
            values,
            meeting=self.meeting,
            file=file,
            guarded=GUARDED_FIELDS[self.ROWS.table],
        )
        self.app.push_screen(form)

    def action_add(self) -> None:
        def file(values: Values) -> bool:
            done, index = self.edit(
                lambda: self.meeting.add_row(self.ROWS.table, self.make_row(values))
            )
            if done and index is not None:
                self.show_rows(index)
            return done

        self.open_form(f"New {self.ROW_NAME}", {}, file)

    def action_edit(self) -> None:
        index = self.selected()
        if index is None:
            return

        def file(values: Values) -> bool:
            row = self.make_row(values)
            done, _ = self.edit(lambda: self.meeting.update_row(self.ROWS.table, index, row))
            return done

        self.open_form(
            f"{self.ROW_NAME.capitalize()} {index + 1}", self.values_of(self.rows()[index]), file
        )

    def action_cycle(self) -> None:
        index = self.selected()
        if index is not None and self.ROWS.has_status:
            self.edit(lambda: self.meeting.cycle_status(self.ROWS.table, index))

    def action_delete(self) -> None:
        index = self.selected()
        if index is None:
            return
        done, _ = self.edit(lambda: self.meeting.delete_row(self.ROWS.table, index))
        if done:
            self.notify(
                self.with_keys(f"The {self.ROW_NAME} was deleted. {{edit.undo}} brings it back.")
            )

    def action_to_end(self, last: bool) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            table.move_cursor(row=table.row_count - 1 if last else 0)

    def action_move(self, delta: int) -> None:
        index = self.selected()
        if index is not None:
            done, new = self.edit(lambda: self.meeting.move_row(self.ROWS.table, index, delta))
            if done and new is not None:
                self.show_rows(new)
