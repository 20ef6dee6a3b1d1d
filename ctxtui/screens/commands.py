"""Where the chair can go and what they can do, as data: one list builds the Ctrl+O menu, the
command palette's entries and the screen's key bindings (so the help screen too)."""

from __future__ import annotations

from functools import partial
from typing import NamedTuple

from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider

from ctxtui.core.labels import SECTION_TITLES


class Destination(NamedTuple):
    """One entry: its name (what the key contract promises), what it does, the screen's action,
    its letter in the Ctrl+O menu (None: palette only), its own keys if it has any (acting as
    they arrive, so keys typed right after one that opens a screen reach that screen), whether
    the key bar shows them, and a shorter name for the key bar."""

    name: str
    help: str
    action: str
    letter: str | None = None
    keys: str = ""
    shown: bool = False
    short: str = ""

    @property
    def key_label(self) -> str:
        return self.short or self.name


CONFERENCE_DESTINATIONS: tuple[Destination, ...] = (
    Destination(
        "Go to…", "Menu of every part of the record", "go('menu')", keys="ctrl+o", shown=True
    ),
    Destination("Details", "Context, venue, dates and roles", "go('details')", "d"),
    Destination(
        SECTION_TITLES["attendance"],
        "Who came, with agency and apologies",
        "go('attendance')",
        "a",
        keys="ctrl+l",
    ),
    Destination(
        "New attendee", "Add someone to the attendance", "go('add_attendee')", keys="ctrl+e"
    ),
    Destination(
        SECTION_TITLES["priorities"],
        "The one to three issues the meeting keeps to",
        "go('priorities')",
        "y",
    ),
    Destination(
        SECTION_TITLES["danger_statement"],
        "The lead practitioner's statement",
        "go('danger')",
        "g",
        keys="ctrl+g",
    ),
    Destination(
        SECTION_TITLES["plan"],
        "Worries, goals, interventions, agencies, timescales",
        "go('plan')",
        "p",
        keys="ctrl+f,f2",
        shown=True,
        short="Plan",
    ),
    Destination(
        SECTION_TITLES["scaling"],
        "Everyone's 0–10 confidence score and reasoning",
        "go('scaling')",
        "s",
        keys="ctrl+y,f3",
        shown=True,
    ),
    Destination(
        SECTION_TITLES["agenda"],
        "Items, timings and the current item",
        "go('agenda')",
        "r",
        keys="f4",
    ),
    Destination(
        "Discussion",
        "Professional involvement, the location lead's view, young people's voice",
        "go('discussion')",
        "i",
    ),
    Destination("Referrals", "Referrals made outside the meeting", "go('referrals')", "n"),
    Destination(
        SECTION_TITLES["contributions"],
        "What professionals sent before the meeting, a sentence at a time to pull in",
        "contributions",
        "w",
        keys="f10",
    ),
    Destination(
        "Distribution list", "Who receives the minutes, with emails", "go('distribution')", "c"
    ),
    Destination(  # no letter: the Ctrl+O menu fills 80×24; u on the plan screen opens it
        "Progress at the review",
        "The rows carried forward with the agencies' updates: status and progress, a key each",
        "go('progress')",
    ),
    Destination(
        "Agenda: next item",
        "Start the next agenda item",
        "go('next_item')",
        keys="ctrl+n",
        short="Next item",
    ),
    Destination("Preview", "The minutes as they will be exported", "go('preview')", "v", keys="f5"),
    Destination(
        "Export", "Write the minutes as DOCX, PDF, Markdown or JSON", "go('export')", "e", keys="f6"
    ),
    Destination("Finalise", "Mark the minutes final and read-only", "go('finalise')", "f"),
    Destination("Amend", "Reopen final minutes for a recorded change", "go('amend')", "m"),
    Destination(
        "Close the context",
        "Record the decision to close the context (again to reopen it)",
        "go('close_context')",
        "x",
    ),
    Destination(
        "Story of the context",
        "Every conference of the chain, the scaling trend as a chart, the closure",
        "go('story')",
        "z",
    ),
    Destination(
        "Invitations",
        "Mail the invitation, with a calendar entry, to the attendees",
        "go('invite')",
        "t",
    ),
    Destination(
        "Send minutes", "Mail the final minutes to the distribution list", "go('send')", "o"
    ),
    Destination(
        "Names check",
        "Answer, word by word, what could be a person's name before the minutes leave",
        "go('names_check')",
        "k",
    ),
    # The go-to menu is full at 80×24 (22 entries, all shown): these two have a key of their
    # own and the palette ("Reminder", "Recording"), and the service may rebind the keys.
    Destination(
        "Confidentiality reminder",
        "Record that you read the reminder to the room (the board shows it until the first point)",
        "go('reminder')",
        keys="f11",
        short="Reminder",
    ),
    Destination(
        "Recording",
        "Mark the audio recording started, or stopped and where the service keeps it",
        "go('recording')",
        keys="f12",
        short="Recording",
    ),
    Destination("Board", "How to show the minutes on the room's screen", "go('board')", "b"),
    Destination("Undo", "Undo the last change, whatever it was", "undo"),
    Destination("Redo", "Make the change last undone again", "redo"),
    Destination("Save", "Save now (it also saves by itself)", "app.save"),
    Destination("Close conference", "Save and go back to the list of conferences", "close"),
    Destination("Help", "Every key on this screen", "go('help')", "h", keys="f1", shown=True),
)

HOME_DESTINATIONS: tuple[Destination, ...] = (
    Destination(
        "New conference",
        "Start minutes for a new conference",
        "new",
        keys="ctrl+n",
        shown=True,
        short="New",
    ),
    Destination(
        "Review conference",
        "A review of the highlighted conference, actions carried forward",
        "review",
        keys="ctrl+r",
        shown=True,
        short="Review",
    ),
    Destination(
        "Delete conference",
        "Delete the highlighted conference (asks first)",
        "delete",
        keys="ctrl+d,delete",
        shown=True,
        short="Delete",
    ),
    Destination(
        "Closure conference",
        "A conference held to close the highlighted context, actions carried forward",
        "closure",
        keys="ctrl+k",
        short="Closure",
    ),
    Destination(
        "Story of the context",
        "The highlighted context's conferences, scaling trend and closure",
        "story",
        keys="f3",
        shown=True,
        short="Story",
    ),
    Destination(
        "Service report",
        "Conferences, timeliness, actions by agency and scaling change for a period",
        "report",
        keys="f4",
        short="Report",
    ),
    Destination(
        "Overdue actions",
        "Every conference's rows still to do, the overdue ones first (o: every row)",
        "actions",
        keys="ctrl+t,f6",
        short="Actions",
    ),
    Destination(
        "Search records",
        "Find a name in every record and copy, and redact it",
        "search",
        keys="f2",
        shown=True,
        short="Search",
    ),
    Destination("Help", "Every key on this screen", "help", keys="f1", shown=True),
)


def bindings(destinations: tuple[Destination, ...], prefix: str) -> list[BindingType]:
    """The key bindings of the destinations that have keys, each with an id for the help."""
    return [
        Binding(
            d.keys,
            d.action,
            d.key_label,
            id=f"{prefix}.{d.key_label.lower()}",
            show=d.shown,
            priority=True,
        )
        for d in destinations
        if d.keys
    ]


def menu_entries(destinations: tuple[Destination, ...]) -> list[tuple[str | None, str, str]]:
    """(letter, label, action) for the Ctrl+O menu: the entries that have a letter."""
    return [(d.letter, d.name, d.action) for d in destinations if d.letter]


class ScreenCommands(Provider):
    """Offers the ``DESTINATIONS`` of whichever screen the palette was opened on."""

    def _entries(self) -> tuple[Destination, ...]:
        return getattr(self.screen, "DESTINATIONS", ())

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(
                entry.name, partial(self.screen.run_action, entry.action), help=entry.help
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            score = matcher.match(entry.name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(entry.name),
                    partial(self.screen.run_action, entry.action),
                    help=entry.help,
                )
