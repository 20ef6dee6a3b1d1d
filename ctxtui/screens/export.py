"""Export: the open privacy flags first, then format, folder and file name; the file is written
in a worker from a copy of the record, so typing carries on meanwhile. A meeting that was
recorded offers its recording index too, said to be for the service's records only."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from ctxtui.core.recording import recorded
from ctxtui.export import FORMATS, RECORDING_INDEX, ExportError, safe_file_name
from ctxtui.export.docx import PandocUnavailable
from ctxtui.export.markdown import default_file_name
from ctxtui.meeting.meeting import (
    Meeting,
    configured_exports_folder,
    describe_finding,
    exports_folder,
)
from ctxtui.screens.forms import Field, FormScreen, Values

# said under the format while the recording index is chosen
INDEX_NOTE = (
    "The recording index: each point's offset into the recording, for the service's own "
    "records beside the recording. Never circulated: it is not the minutes."
)


class ExportScreen(FormScreen):
    HELP_GROUP = "Export"
    HINT = "Enter: next field, then export · Ctrl+S: export · Escape: cancel"

    def __init__(self, meeting: Meeting) -> None:
        findings = meeting.findings()
        notes = []
        if findings:
            notes = [
                f"{len(findings)} possible child-identifying detail(s); exporting anyway is "
                "your decision:",
                *(describe_finding(f) for f in findings),
            ]
        fields = [
            Field("format", "Format", "choice", choices=formats_of(meeting)),
            Field("folder", "Folder"),
            Field("name", "File name"),
        ]
        values = {
            "format": "docx",
            "folder": str(meeting.export_folder),
            "name": default_file_name(meeting.conference, "docx"),
        }
        super().__init__("Export the minutes", fields, values, notes=notes)
        self.meeting_to_export = meeting
        self.first_field = "format"  # Enter goes field by field: one Enter never exports
        self._named_by_hand = False

    def on_select_changed(self, event) -> None:
        if not isinstance(event.value, str):
            return
        self.show_note("format", INDEX_NOTE if event.value == RECORDING_INDEX else None)
        if not self._named_by_hand:
            name = self.query_one("#name", Input)
            name.value = default_file_name(self.meeting_to_export.conference, event.value)

    def on_input_changed(self, event) -> None:
        if event.input.id == "name" and event.input.has_focus:
            self._named_by_hand = True

    async def action_done(self) -> None:
        values = self.values()
        try:
            path = self._path(values)
        except ExportError as error:
            self.show_note("name", str(error).capitalize() + ".")
            return
        self.meeting_to_export.export_folder = path.parent
        if path.exists():
            from ctxtui.screens.dialogs import ConfirmDialog

            def answered(yes: bool | None) -> None:
                if yes:
                    self._write(values["format"], path, replace=True)

            self.app.push_screen(ConfirmDialog(f"{path} exists. Replace it?"), answered)
            return
        self._write(values["format"], path, replace=False)

    def _path(self, values: Values) -> Path:
        typed = values["folder"].strip()
        if not typed:
            raise ExportError("give the folder to write to")
        folder = Path(typed).expanduser()
        name = safe_file_name(values["name"])
        if folder == configured_exports_folder() and not folder.exists():
            try:
                exports_folder()  # the configured one is made when missing
            except OSError as error:
                raise ExportError(f"the folder {folder} cannot be made: {error.strerror}") from None
        if not folder.is_dir():
            raise ExportError(f"there is no folder {folder}")
        return folder / name

    def _write(self, fmt: str, path: Path, *, replace: bool) -> None:
        meeting, app = self.meeting_to_export, self.app
        snapshot = meeting.snapshot()
        app.notify(f"Writing {path.name}…", timeout=2)

        def work() -> None:
            try:
                written = meeting.export(snapshot, fmt, path, replace=replace)
            except (ExportError, PandocUnavailable, OSError) as error:
                app.call_from_thread(app.notify, f"Not exported: {error}.", severity="error")
                return
            what = "Recording index (never circulated)" if fmt == RECORDING_INDEX else "Minutes"
            message = f"{what} written to {written.path}"
            if written.note:
                message = f"{written.note} {message}"
            app.call_from_thread(app.notify, message, title="Exported", timeout=10)

        app.run_worker(work, thread=True, group="export")
        self.dismiss(None)


def formats_of(meeting: Meeting) -> tuple[str, ...]:
    """The minutes' formats, and the recording index when the meeting was recorded."""
    return (*FORMATS, RECORDING_INDEX) if recorded(meeting.conference.recording) else FORMATS
