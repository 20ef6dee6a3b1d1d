"""The export dialog: format, folder and file name. The caller writes the file in a worker."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from ..export import FORMATS, ExportError, default_file_name, safe_file_name
from ..model import Conference
from ..resources import style
from ..widgets.fields import FieldInput

FORMAT_LABELS = {"docx": "Word document (DOCX)", "md": "Markdown", "json": "ctxtui JSON file"}


@dataclass(frozen=True)
class ExportChoice:
    fmt: str
    path: Path


class ExportDialog(ModalScreen[ExportChoice | None]):
    CSS_PATH = [style("forms")]
    HELP_GROUP = "Export"
    BINDINGS = [
        Binding("ctrl+s", "done", "Export", id="export.done", priority=True),
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
    ]

    def __init__(self, conference: Conference, folder: Path) -> None:
        super().__init__()
        self.conference = conference
        self.folder = folder
        self._named_by_hand = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Label("Export the minutes", classes="dialog-title")
            with Horizontal(classes="field-row"):
                yield Label("Format", classes="field-label")
                yield Select(
                    [(FORMAT_LABELS[f], f) for f in FORMATS],
                    value="docx",
                    allow_blank=False,
                    id="format",
                )
            with Horizontal(classes="field-row"):
                yield Label("Folder", classes="field-label")
                yield FieldInput(str(self.folder), id="folder")
            with Horizontal(classes="field-row"):
                yield Label("File name", classes="field-label")
                yield FieldInput(default_file_name(self.conference, "docx"), id="name")
            yield Static(id="export-problem")
            yield Label(
                "Enter: next field / export · Ctrl+S: export · Escape: cancel", classes="hint"
            )

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if not self._named_by_hand and isinstance(event.value, str):
            name = self.query_one("#name", Input)
            name.value = default_file_name(self.conference, event.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "name" and event.input.has_focus:
            self._named_by_hand = True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "name":
            self.action_done()
        else:
            self.focus_next()

    def action_done(self) -> None:
        problem = self.query_one("#export-problem", Static)
        folder = Path(self.query_one("#folder", Input).value.strip() or ".").expanduser()
        try:
            name = safe_file_name(self.query_one("#name", Input).value)
        except ExportError as error:
            problem.update(str(error).capitalize() + ".")
            return
        if not folder.is_dir():
            problem.update(f"There is no folder {folder}.")
            return
        fmt = str(self.query_one("#format", Select).value)
        self.dismiss(ExportChoice(fmt, folder / name))

    def action_cancel(self) -> None:
        self.dismiss(None)
