"""Home: every conference, grouped by context with its history, newest first. Type to filter."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ctxtui.core.due import Overdue
from ctxtui.core.record import Conference
from ctxtui.meeting.meeting import Conferences, ConfigError, StoreError
from ctxtui.resources import style
from ctxtui.screens.commands import HOME_DESTINATIONS, ScreenCommands, bindings
from ctxtui.widgets.host import host
from ctxtui.widgets.keyhints import KeyHints
from ctxtui.widgets.keymap import with_keys
from ctxtui.widgets.lists import Options

if TYPE_CHECKING:
    from ctxtui.meeting.meeting import Summary

# The list shows this many conferences at most; typing narrows it. Building 10,000 rows would
# take seconds on every keystroke.
MOST_SHOWN = 80
EMPTY_TEXT = "No conferences yet — {home.new} starts a new one, or run `ctxtui demo` to try one."


# Typing is shown once it pauses this long: a burst of keys over SSH makes one redraw, not eight.
FILTER_PAUSE = 0.05


def haystack(summary: Summary) -> str:
    """What the filter looks in, in lower case."""
    return f"{summary.context} {summary.type} {summary.conference} {summary.status}".lower()


def grouped(
    summaries: list[Summary], needle: str, most: int = MOST_SHOWN, lowered: list[str] | None = None
) -> tuple[list[tuple[str, list[Summary]]], int]:
    """Conferences by context, contexts ordered by their newest conference, at most ``most`` of
    them; and how many more match. ``lowered`` is each summary's ``haystack``, if known."""
    needle = needle.lower()
    if needle:
        texts = lowered if lowered is not None else [haystack(s) for s in summaries]
        matching = [s for s, text in zip(summaries, texts, strict=True) if needle in text]
    else:
        matching = summaries  # already newest first
    groups: dict[str, list[Summary]] = {}
    for summary in matching[:most]:
        groups.setdefault(summary.context or "(no context name)", []).append(summary)
    more = max(0, len(matching) - most)
    return list(groups.items()), more


class HomeScreen(Screen[None]):
    HELP_GROUP = "Conferences"
    CSS_PATH = [style("lists")]
    COMMANDS = {ScreenCommands}
    DESTINATIONS = HOME_DESTINATIONS
    BINDINGS = [
        *bindings(HOME_DESTINATIONS, "home"),
        Binding("up", "move(-1)", "Up", id="home.up", show=False, priority=True),
        Binding("down", "move(1)", "Down", id="home.down", show=False, priority=True),
        Binding("escape", "clear_filter", "Clear filter", id="home.clear", show=False),
    ]

    def __init__(self, conferences: Conferences) -> None:
        super().__init__()
        self.conferences = conferences
        self.nation = conferences.nation
        self.summaries: list[Summary] = []
        self.lowered: list[str] | None = None
        self._pending: Timer | None = None
        self.late = Overdue([], dt.date.today(), self.nation)
        self.expired: frozenset[str] = frozenset()

    def compose(self) -> ComposeResult:
        yield Static(
            with_keys(
                "Conferences — type to filter · Enter opens · {home.new} new",
                self.BINDINGS,
                host(self).keymap,
            ),
            id="title",
        )
        yield Input(placeholder="Filter by place, type, date or status", id="filter")
        yield Options(id="conferences")
        yield KeyHints()

    def on_mount(self) -> None:
        self.query_one("#filter", Input).focus()

    def on_screen_resume(self) -> None:
        """Shown for the first time, or again after a conference is closed: read the store."""
        self.refresh_list()

    def refresh_list(self, select: str | None = None) -> None:
        """Read the store (once: typing in the filter works on what was read) and show it."""
        listing = self.conferences.listing()
        for problem in listing.problems:
            self.notify(problem.message(), severity="warning", timeout=10)
        self.summaries = listing.summaries
        self.lowered = None  # worked out at the first key typed in the filter
        self.late = Overdue(self.summaries, host(self).now().date(), self.nation)
        try:
            self.expired = self.conferences.past_retention(self.summaries)
        except ConfigError as error:
            self.expired = frozenset()
            self.notify(str(error), severity="warning", timeout=10)
        self.show_list(select)

    def show_list(self, select: str | None = None, needle: str | None = None) -> None:
        options = self.query_one(OptionList)
        keep = select or (options.highlighted_option.id if options.highlighted_option else None)
        if needle is None:
            needle = self.query_one("#filter", Input).value
        if needle and self.lowered is None:
            self.lowered = [haystack(s) for s in self.summaries]
        groups, more = grouped(self.summaries, needle, lowered=self.lowered)
        shown: list[Option] = []
        if not self.summaries:
            empty = with_keys(EMPTY_TEXT, self.BINDINGS, host(self).keymap)
            shown.append(Option(Text(empty, style="italic"), disabled=True))
        elif not groups:
            shown.append(Option(Text("Nothing matches the filter.", style="italic"), disabled=True))
        for context, summaries in groups:
            header = Text(context, style="bold")
            header.append(f"  {summaries[0].type}", style="dim")
            shown.append(Option(header, disabled=True))
            days = Counter(s.conference for s in summaries)
            shown += [
                Option(self._line(s, same_day=days[s.conference] > 1), id=s.id) for s in summaries
            ]
        if more:
            hint = f"… and {more:,} more — type to narrow the list"
            shown.append(Option(Text(hint, style="italic"), disabled=True))
        options.clear_options()
        options.add_options(shown)  # at once: one by one costs a layout each
        ids = [o.id for o in shown]
        selectable = [i for i, option_id in enumerate(ids) if option_id]
        if keep and keep in ids:
            options.highlighted = ids.index(keep)
        elif selectable:
            options.highlighted = selectable[0]
        self.refresh_bindings()

    def _line(self, s: Summary, *, same_day: bool = False) -> Text:
        """One conference; with ``same_day`` (another of its context on that day) its id
        first, so the two are told apart."""
        line = Text(no_wrap=True, overflow="ellipsis")
        if same_day:
            line.append(f"  {s.id}", style="bold")
        line.append(f"  {s.conference or 'undated':<10}  {s.kind:<7} {s.status:<5}  ")
        review = s.review_due(self.nation) or "-"
        if s.circulated:
            line.append(f"sent    {s.circulated:<10}  review {review}")
        else:
            line.append(f"minutes {s.minutes_due(self.nation) or '-':<10}  review {review}")
        for note in self.late.notes(s):
            line.append(f"  {note.upper()}", style="bold reverse")
        if note := self._progress(s):
            line.append(f"  {note.upper()}", style="bold")
        if s.closed:
            line.append(f"  CLOSED {s.closed}", style="bold")
        if s.id in self.expired:
            line.append("  PAST RETENTION", style="bold reverse")
        return line

    def _progress(self, s: Summary) -> str:
        """What the line says of progress before the review (``progress_note``)."""
        from ctxtui.core.progress import progress_note

        if not s.to_do:
            return ""
        review = s.review_due(self.nation)
        today = self.late.today
        return progress_note(
            review, int(s.to_do), s.asked, s.id in self.late.reviewed, today, self.nation
        )

    def action_actions(self) -> None:
        """Actions across conferences: the overdue rows first (o shows every row)."""
        from ctxtui.screens.actions import ActionsScreen

        self.app.push_screen(ActionsScreen(self.conferences), lambda _: self.refresh_list())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Delete and Review are hidden while no conference is highlighted (an empty list)."""
        if action in ("delete", "review", "closure", "story"):
            return self._selected_id() is not None
        return True

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(FILTER_PAUSE, self._filter_now)

    def _filter_now(self) -> None:
        """Show what the filter matches now (keys that act on the list call this first, so a
        burst like "mary" then Enter opens what matches "mary")."""
        if self._pending is not None:
            self._pending.stop()
        self._pending = None
        self.show_list()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter: open the first match for what was typed (keys typed after
        Enter wait for it in the app's key queue)."""
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        self.show_list(needle=event.value)
        self._open()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._open()

    def _selected_id(self) -> str | None:
        option = self.query_one(OptionList).highlighted_option
        return option.id if option else None

    def _open(self) -> None:
        conference_id = self._selected_id()
        if conference_id:
            host(self).open_conference(conference_id)

    def action_move(self, step: int) -> None:
        if self._pending is not None:
            self._filter_now()
        options = self.query_one(OptionList)
        if step < 0:
            options.action_cursor_up()
        else:
            options.action_cursor_down()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""

    def action_new(self) -> None:
        from ctxtui.screens.forms import Field, FormScreen

        def named(values: dict[str, str] | None) -> None:
            name = (values or {}).get("name", "").strip()
            if name:
                self._start(lambda: self.conferences.new(name))

        form = FormScreen("New conference", [Field("name", "Place or group")])
        self.app.push_screen(form, named)

    def action_delete(self) -> None:
        from ctxtui.screens.dialogs import ConfirmDialog

        conference_id = self._selected_id()
        if not conference_id:
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.conferences.delete(conference_id)
            except StoreError as error:
                self.notify(str(error), severity="error")
                return
            self.notify(f"Deleted {conference_id}.")
            self.refresh_list()

        self.app.push_screen(
            ConfirmDialog(f"Delete {conference_id} and its backup for good?"), confirmed
        )

    def action_search(self) -> None:
        from ctxtui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.conferences), lambda _: self.refresh_list())

    def action_story(self) -> None:
        from ctxtui.screens.story import StoryScreen

        conference_id = self._selected_id()
        if conference_id:
            self.app.push_screen(StoryScreen(self.conferences, conference_id))

    def action_report(self) -> None:
        from ctxtui.screens.report import ask_for_report

        ask_for_report(self, self.conferences)

    def action_closure(self) -> None:
        """Start a closure conference after the highlighted one, and open it."""
        conference_id = self._selected_id()
        if conference_id:
            self._start(
                lambda: self.conferences.closure_conference(conference_id),
                f"from {conference_id}",
            )

    def action_review(self) -> None:
        """Start a review conference carried forward from the highlighted one, and open it."""
        conference_id = self._selected_id()
        if conference_id:
            self._start(lambda: self.conferences.review(conference_id), f"from {conference_id}")

    def _start(self, make: Callable[[], Conference], source: str = "") -> None:
        """Store a new conference and open it; a store error is one notice."""
        try:
            made = make()
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        self.refresh_list(made.id)
        if source:
            self.notify(f"{made.kind.capitalize()} conference {made.id} started {source}.")
        host(self).open_conference(made.id)

    def action_help(self) -> None:
        from ctxtui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self))
