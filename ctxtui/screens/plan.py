"""The intervention plan: a table of short columns with the whole selected row beneath it."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import DataTable, Input, Label, Select, Static

from ..catalogue import interventions_for
from ..editing import Editor
from ..model import ACTION_FIELDS, ACTION_SHORT_LABELS, ACTION_STATUSES, AGENCIES, Action
from ..resources import style
from ..widgets.cells import cell
from ..widgets.fields import FieldInput
from ..widgets.keyhints import KeyHints
from .base import EditingScreen

# (attribute, heading, share of the spare width); the whole row always shows beneath the table
NARROW_COLUMNS: tuple[tuple[str, int], ...] = (
    ("worry", 5),
    ("intervention", 5),
    ("agency", 3),
    ("timescale", 2),
)
WIDE_COLUMNS: tuple[tuple[str, int], ...] = (
    ("worry", 5),
    ("helping", 4),
    ("goal", 4),
    ("intervention", 5),
    ("agency", 3),
    ("timescale", 2),
)
NUMBER_WIDTH, STATUS_WIDTH, WIDE_FROM = 3, 12, 120


def plan_columns(total: int) -> list[tuple[str, str, int]]:
    """(attribute, heading, width) filling ``total`` columns; more columns on wide terminals."""
    chosen = WIDE_COLUMNS if total >= WIDE_FROM else NARROW_COLUMNS
    spare = max(total - NUMBER_WIDTH - STATUS_WIDTH - 2, 30)  # 2: the scroll bar
    shares = sum(share for _, share in chosen)
    columns = [(name, ACTION_SHORT_LABELS[name], spare * share // shares) for name, share in chosen]
    return [*columns, ("status", ACTION_SHORT_LABELS["status"], STATUS_WIDTH)]


def action_detail(action: Action, number: int) -> Table:
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(style="bold", no_wrap=True, width=14)
    grid.add_column(ratio=1)
    for name, _label, short in ACTION_FIELDS:
        grid.add_row(short, Text(getattr(action, name) or "—"))
    grid.title = f"Row {number}"
    return grid


class PlanScreen(EditingScreen):
    CSS_PATH = [style("lists")]
    HELP_GROUP = "Intervention plan"
    BINDINGS = [
        Binding("a,insert", "add", "Add row", id="plan.add"),
        Binding("enter,e", "edit", "Edit row", id="plan.edit"),
        Binding("s", "cycle_status", "Next status", id="plan.status"),
        Binding("delete,d", "delete", "Delete row", id="plan.delete"),
        Binding("z,ctrl+z", "undo", "Undo delete", id="plan.undo"),
        Binding(
            "left_square_bracket,shift+up", "move(-1)", "Move row up", id="plan.up", show=False
        ),
        Binding(
            "right_square_bracket,shift+down",
            "move(1)",
            "Move row down",
            id="plan.down",
            show=False,
        ),
        Binding("escape", "close", "Back", id="plan.back"),
    ]

    def __init__(
        self,
        editor: Editor,
        agencies: list[str],
        read_only: bool = False,
        select: int | None = None,
        edit_now: bool = False,
    ) -> None:
        super().__init__(editor, read_only)
        self.agencies = agencies
        self.select = select
        self.edit_now = edit_now

    def compose(self) -> ComposeResult:
        yield Static("Intervention plan — a: add  Enter: edit  s: status  [ ]: reorder", id="title")
        yield DataTable(id="plan-table", cursor_type="row", zebra_stripes=True, cell_padding=0)
        with VerticalScroll(id="plan-detail-scroll"):
            yield Static(id="plan-detail")
        yield KeyHints()

    def on_mount(self) -> None:
        self._show(self.select or 0)
        self.query_one(DataTable).focus()
        if self.edit_now:
            self.action_edit()

    @property
    def actions(self) -> list[Action]:
        return self.editor.conference.actions

    def on_resize(self) -> None:
        self._show()

    def _show(self, row: int | None = None) -> None:
        table = self.query_one(DataTable)
        keep = table.cursor_row if row is None else row
        columns = plan_columns(self.size.width)
        table.clear(columns=True)
        table.add_column("#", width=NUMBER_WIDTH)
        for _name, heading, width in columns:
            table.add_column(heading, width=width)
        for n, action in enumerate(self.actions, 1):
            table.add_row(
                Text(str(n)), *[cell(getattr(action, name), width) for name, _h, width in columns]
            )
        if self.actions:
            table.move_cursor(row=max(0, min(keep, len(self.actions) - 1)))
        self._show_detail()

    def _show_detail(self) -> None:
        index = self._selected()
        detail = self.query_one("#plan-detail", Static)
        if index is None:
            detail.update(Text("No plan rows yet: press a to add one, or p on a point."))
        else:
            detail.update(action_detail(self.actions[index], index + 1))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()  # Enter on a row

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _selected(self) -> int | None:
        if not self.actions:
            return None
        row = self.query_one(DataTable).cursor_row
        return row if 0 <= row < len(self.actions) else None

    def _form(self, action: Action) -> ActionForm:
        context_type = self.editor.conference.context.type
        present = [a.agency for a in self.editor.conference.attendees if a.agency]
        agencies = list(dict.fromkeys([*AGENCIES, *present, *self.agencies]))
        return ActionForm(action, interventions_for(context_type), agencies)

    def action_add(self) -> None:
        if not self.writable():
            return

        def added(action: Action | None) -> None:
            if action:
                self._show(self.editor.add_action(action))

        self.app.push_screen(self._form(Action()), added)

    def action_edit(self) -> None:
        index = self._selected()
        if index is None or not self.writable():
            return

        def edited(action: Action | None) -> None:
            if action:
                self.editor.update_action(index, action)
            self._show(index)

        self.app.push_screen(self._form(self.actions[index]), edited)

    def action_cycle_status(self) -> None:
        index = self._selected()
        if index is not None and self.writable():
            self.editor.cycle_action_status(index)
            self._show(index)

    def action_delete(self) -> None:
        index = self._selected()
        if index is not None and self.writable():
            self.editor.delete_action(index)
            self._show(index)
            self.notify("Plan row deleted. Press z to undo.")

    def action_undo(self) -> None:
        what = self.editor.undo()
        self._show()
        self.notify(f"Restored the {what}." if what else "Nothing to undo.")

    def action_move(self, delta: int) -> None:
        index = self._selected()
        if index is not None and self.writable():
            self._show(self.editor.move_action(index, delta))

    def action_close(self) -> None:
        self.dismiss(None)


class ActionForm(Screen[Action | None]):
    CSS_PATH = [style("forms")]
    """Every field of one plan row. Suggestions appear as you type (→ takes one); Ctrl+L lists
    the catalogue of interventions or the agencies for the field you are in."""

    HELP_GROUP = "Plan row form"
    BINDINGS = [
        Binding("ctrl+s", "done", "Done", id="action.done", priority=True),
        Binding("ctrl+l", "pick", "Pick from a list", id="action.pick"),
        Binding("escape", "cancel", "Cancel", id="action.cancel"),
    ]

    def __init__(self, action: Action, interventions: list[str], agencies: list[str]) -> None:
        super().__init__()
        self.action_row = action
        self.interventions = interventions
        self.agencies = agencies

    def compose(self) -> ComposeResult:
        yield Static(
            "Plan row — Enter: next field · Ctrl+L: pick from list · Ctrl+S: done · Escape: cancel",
            id="title",
        )
        with VerticalScroll(id="form"):
            for name, label, _short in ACTION_FIELDS:
                with Horizontal(classes="field-row"):
                    yield Label(label, classes="field-label wide")
                    value = getattr(self.action_row, name)
                    if name == "status":
                        yield Select(
                            [(s, s) for s in ACTION_STATUSES],
                            value=value,
                            allow_blank=False,
                            id="status",
                        )
                    else:
                        yield FieldInput(value, id=name, suggester=self._suggester(name))
        with Vertical(id="form-hint"):
            yield Static(id="pick-hint")
        yield KeyHints()

    def _suggester(self, name: str) -> SuggestFromList | None:
        if name == "intervention":
            return SuggestFromList(self.interventions, case_sensitive=False)
        if name == "agency":
            return SuggestFromList(self.agencies, case_sensitive=False)
        return None

    def on_mount(self) -> None:
        self.query_one("#worry", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def on_descendant_focus(self, event) -> None:
        name = getattr(event.widget, "id", "")
        hint = {
            "intervention": "Ctrl+L: choose from the catalogue of interventions",
            "agency": "Ctrl+L: choose from the list of agencies",
        }.get(name, "")
        self.query_one("#pick-hint", Static).update(hint)

    def action_pick(self) -> None:
        from .dialogs import ChooseDialog

        focused = self.focused
        if not isinstance(focused, Input) or focused.id not in ("intervention", "agency"):
            self.notify("Lists are offered for the intervention and the agency.")
            return
        items = self.interventions if focused.id == "intervention" else self.agencies

        def chosen(key: str | None) -> None:
            if key is not None:
                focused.value = items[int(key)]
                focused.cursor_position = len(focused.value)
            focused.focus()

        title = "Choose an intervention" if focused.id == "intervention" else "Choose an agency"
        self.app.push_screen(
            ChooseDialog(title, [(str(i), item) for i, item in enumerate(items)]), chosen
        )

    def action_done(self) -> None:
        values = {
            name: self.query_one(f"#{name}", Input).value
            for name, _label, _short in ACTION_FIELDS
            if name != "status"
        }
        self.dismiss(Action(**values, status=str(self.query_one("#status", Select).value)))

    def action_cancel(self) -> None:
        self.dismiss(None)
