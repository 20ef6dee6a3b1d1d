"""The service report for a period, from the home screen: ask for the days, show the report,
write it as Markdown, DOCX or CSV (m, d, c) into the current folder."""

from __future__ import annotations

import datetime as dt

from rich.markdown import Markdown
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ctxtui.core.dates import add_months
from ctxtui.core.report import ServiceReport
from ctxtui.export import ExportError
from ctxtui.export.story import report_markdown
from ctxtui.meeting.meeting import Conferences, StoreError
from ctxtui.resources import style
from ctxtui.screens.forms import Field, FormScreen, Values
from ctxtui.widgets.host import host
from ctxtui.widgets.keyhints import KeyHints
from ctxtui.widgets.keymap import with_keys


def ask_for_report(screen: Screen, conferences: Conferences) -> None:
    """Ask for the period (the last three months by default), then show the report."""
    today = conferences.now().date()
    fields = [
        Field("start", "From", "date", placeholder="YYYY-MM-DD"),
        Field("end", "To", "date", placeholder="YYYY-MM-DD"),
    ]
    values = {"start": add_months(today, -3).isoformat(), "end": today.isoformat()}

    def chosen(answer: Values | None) -> None:
        if not answer:
            return
        try:
            start = dt.date.fromisoformat(answer["start"])
            end = dt.date.fromisoformat(answer["end"])
        except ValueError:
            screen.notify("Give both days as YYYY-MM-DD.", severity="warning")
            return
        if end < start:
            screen.notify("The period ends before it starts.", severity="warning")
            return
        screen.app.push_screen(ReportScreen(conferences, start, end))

    screen.app.push_screen(FormScreen("Service report for the days", fields, values), chosen)


class ReportScreen(Screen[None]):
    HELP_GROUP = "Service report"
    CSS_PATH = [style("lists")]
    BINDINGS = [
        Binding("escape", "back", "Back", id="report.back", priority=True),
        Binding("m", "write('md')", "Markdown", id="report.md"),
        Binding("d", "write('docx')", "DOCX", id="report.docx"),
        Binding("c", "write('csv')", "CSV", id="report.csv"),
    ]

    def __init__(self, conferences: Conferences, start: dt.date, end: dt.date) -> None:
        super().__init__()
        self.conferences = conferences
        self.start, self.end = start, end
        self.report: ServiceReport | None = None

    def compose(self) -> ComposeResult:
        yield Static(
            with_keys(
                f"Service report {self.start} to {self.end} — {{report.md}}/{{report.docx}}/"
                "{report.csv}: write MD/DOCX/CSV · {report.back}: back",
                self.BINDINGS,
                host(self).keymap,
            ),
            id="title",
        )
        with VerticalScroll(id="report-scroll"):
            yield Static("", id="report")
        yield KeyHints()

    def on_mount(self) -> None:
        try:
            self.report, unread = self.conferences.report(self.start, self.end)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        for problem in unread:
            self.notify(f"Left out of the figures: {problem.message()}", severity="error")
        self.query_one("#report", Static).update(Markdown(report_markdown(self.report)))
        self.query_one("#report-scroll").focus()

    def action_back(self) -> None:
        self.dismiss(None)

    def action_write(self, fmt: str) -> None:
        if self.report is None:
            return
        try:
            path = self.conferences.write_report(self.report, fmt)
        except (ExportError, OSError) as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self.notify(f"Written: {path}", timeout=8)
