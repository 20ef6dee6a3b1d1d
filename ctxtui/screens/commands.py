"""The command palette's entries: each screen lists its actions in ``PALETTE``."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (name, what it does, the screen's action)
PaletteEntry = tuple[str, str, str]

# Names here are what the key contract promises.
CONFERENCE_COMMANDS: tuple[PaletteEntry, ...] = (
    ("Details", "Context, venue, dates and roles", "details"),
    ("Attendance", "Who came, with agency and apologies", "attendance"),
    ("Danger statement", "The lead practitioner's statement", "danger"),
    ("Intervention plan", "Worries, goals, interventions, agencies, timescales", "plan"),
    ("Scaling", "Everyone's 0–10 confidence score and reasoning", "scaling"),
    ("Agenda", "Items, timings and the current item", "agenda"),
    ("Agenda: next item", "Start the next agenda item", "next_item"),
    ("Preview", "The minutes as they will be exported", "preview"),
    ("Export", "Write the minutes as DOCX, Markdown or JSON", "export"),
    ("Finalise", "Mark the minutes final and read-only", "finalise"),
    ("Amend", "Reopen final minutes for a recorded change", "amend"),
    ("Board", "How to show the minutes on the room's screen", "board"),
    ("Go to…", "Menu of every part of the record", "menu"),
    ("Save", "Save now (it also saves by itself)", "save"),
    ("Close conference", "Save and go back to the list of conferences", "close"),
    ("Help", "Every key on this screen", "help"),
)

HOME_COMMANDS: tuple[PaletteEntry, ...] = (
    ("New conference", "Start minutes for a new conference", "new"),
    (
        "Review conference",
        "A review of the highlighted conference, actions carried forward",
        "review",
    ),
    ("Delete conference", "Delete the highlighted conference (asks first)", "delete"),
    ("Help", "Every key on this screen", "help"),
)


class ScreenCommands(Provider):
    """Offers the ``PALETTE`` entries of whichever screen the palette was opened on."""

    def _entries(self) -> tuple[PaletteEntry, ...]:
        return getattr(self.screen, "PALETTE", ())

    async def discover(self) -> Hits:
        for name, help_text, action in self._entries():
            yield DiscoveryHit(name, partial(self.screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in self._entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(self.screen.run_action, action),
                    help=help_text,
                )
