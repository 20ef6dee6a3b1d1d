"""The context's story: every conference of the chain with its scaling and its plan, the
scaling median as a chart, and how the context was closed. e writes the closure summary."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static
from textual_plotext import PlotextPlot

from ctxtui.core.labels import CLOSURE_OUTCOME_LABELS
from ctxtui.core.story import Story
from ctxtui.meeting.meeting import Conferences, StoreError
from ctxtui.resources import style
from ctxtui.widgets.host import host
from ctxtui.widgets.keyhints import KeyHints
from ctxtui.widgets.keymap import with_keys

KIND_SHORT = {"initial": "Initial", "review": "Review", "closure": "Closure"}


def story_lines(story: Story) -> Text:
    """One line a conference, then how it ended."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{'Date':<11}{'Conference':<11}{'Minutes':<8}{'Median':>7}{'Range':>7}", "bold")
    text.append(f"{'Open':>6}{'Done':>6}{'Not done':>10}{'Dropped':>9}\n", "bold")
    for f in story.conferences:
        median = "–" if f.median is None else f"{f.median:g}"
        spread = "–" if f.low is None else (f"{f.low}" if f.low == f.high else f"{f.low}–{f.high}")
        text.append(
            f"{f.held or 'undated':<11}{KIND_SHORT.get(f.kind, f.kind):<11}{f.status:<8}"
            f"{median:>7}{spread:>7}{f.count('open', 'in-progress'):>6}{f.count('done'):>6}"
            f"{f.count('not-done'):>10}{f.count('dropped'):>9}\n"
        )
    closed = story.closure
    if closed is not None:
        outcome = CLOSURE_OUTCOME_LABELS.get(closed.closure_outcome, closed.closure_outcome)
        text.append(f"Closed {closed.closure_date}: {outcome}", "bold")
        if closed.closure_reason:
            text.append(f" — {closed.closure_reason}")
    else:
        text.append("Open: not closed.", "italic")
    return text


class StoryScreen(Screen[None]):
    HELP_GROUP = "Story"
    CSS_PATH = [style("lists")]
    BINDINGS = [
        Binding("escape", "back", "Back", id="story.back", priority=True),
        Binding("e", "summary", "Closure summary", id="story.summary"),
    ]

    def __init__(self, conferences: Conferences, conference_id: str) -> None:
        super().__init__()
        self.conferences = conferences
        self.conference_id = conference_id
        self.story = Story(())

    def compose(self) -> ComposeResult:
        yield Static("", id="title")
        yield Static("", id="story-table")
        yield PlotextPlot(id="trend")
        yield KeyHints()

    def on_mount(self) -> None:
        try:
            self.story = self.conferences.story(self.conference_id)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        last = self.story.conferences[-1] if self.story.conferences else None
        name = last.context if last else self.conference_id
        count = len(self.story.conferences)
        self.query_one("#title", Static).update(
            Text(
                with_keys(
                    f"Story of {name} — {count} conference(s) · {{story.summary}}: closure "
                    "summary · {story.back}: back",
                    self.BINDINGS,
                    host(self).keymap,
                )
            )
        )
        self.query_one("#story-table", Static).update(story_lines(self.story))
        self._draw()

    def _draw(self) -> None:
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        points = self.story.trend()
        if points:
            xs = [float(n) for n in range(1, len(points) + 1)]
            plt.plot(xs, [m for _d, m in points], marker="dot")
            plt.xticks(xs, [day[2:] if day else "?" for day, _m in points])
        plt.ylim(0, 10)
        plt.yticks([0.0, 2.0, 4.0, 6.0, 8.0, 10.0])
        plt.title("Scaling median at each conference" if points else "No scaling scores yet")
        plot.refresh()

    def action_back(self) -> None:
        self.dismiss(None)

    def action_summary(self) -> None:
        try:
            written = self.conferences.write_closure_summary(self.conference_id)
        except (StoreError, OSError, ValueError) as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self.notify("Closure summary written: " + ", ".join(str(p) for p in written), timeout=10)
