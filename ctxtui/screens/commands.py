"""Where the chair can go and what they can do, as data: one list builds both the Ctrl+O menu
and the command palette's entries."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


@dataclass(frozen=True)
class Destination:
    """One entry: its name (what the key contract promises), what it does, the screen's action,
    and its letter in the Ctrl+O menu (None: palette only)."""

    name: str
    help: str
    action: str
    letter: str | None = None


CONFERENCE_DESTINATIONS: tuple[Destination, ...] = (
    Destination("Details", "Context, venue, dates and roles", "open('details')", "d"),
    Destination("Attendance", "Who came, with agency and apologies", "open('attendance')", "a"),
    Destination("Danger statement", "The lead practitioner's statement", "open('danger')", "g"),
    Destination(
        "Intervention plan",
        "Worries, goals, interventions, agencies, timescales",
        "open('plan')",
        "p",
    ),
    Destination(
        "Scaling", "Everyone's 0–10 confidence score and reasoning", "open('scaling')", "s"
    ),
    Destination("Agenda", "Items, timings and the current item", "open('agenda')", "r"),
    Destination(
        "Discussion",
        "Professional involvement, the location lead's view, young people's voice",
        "open('discussion')",
        "i",
    ),
    Destination("Referrals", "Referrals made outside the meeting", "open('referrals')", "n"),
    Destination(
        "Distribution list", "Who receives the minutes, with emails", "open('distribution')", "c"
    ),
    Destination("Agenda: next item", "Start the next agenda item", "next_item"),
    Destination("Preview", "The minutes as they will be exported", "preview", "v"),
    Destination("Export", "Write the minutes as DOCX, Markdown or JSON", "export", "e"),
    Destination("Finalise", "Mark the minutes final and read-only", "finalise", "f"),
    Destination("Amend", "Reopen final minutes for a recorded change", "amend", "m"),
    Destination("Send minutes", "Mail the final minutes to the distribution list", "send", "o"),
    Destination(
        "Names check",
        "Answer, word by word, what could be a person's name before the minutes leave",
        "names_check",
        "k",
    ),
    Destination("Board", "How to show the minutes on the room's screen", "board", "b"),
    Destination("Undo", "Undo the last change, whatever it was", "undo"),
    Destination("Redo", "Make the change last undone again", "redo"),
    Destination("Go to…", "Menu of every part of the record", "menu"),
    Destination("Save", "Save now (it also saves by itself)", "app.save"),
    Destination("Close conference", "Save and go back to the list of conferences", "close"),
    Destination("Help", "Every key on this screen", "help", "h"),
)

HOME_DESTINATIONS: tuple[Destination, ...] = (
    Destination("New conference", "Start minutes for a new conference", "new"),
    Destination(
        "Review conference",
        "A review of the highlighted conference, actions carried forward",
        "review",
    ),
    Destination("Delete conference", "Delete the highlighted conference (asks first)", "delete"),
    Destination("Help", "Every key on this screen", "help"),
)


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
