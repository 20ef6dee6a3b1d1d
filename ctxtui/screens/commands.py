"""The command palette's entries for the minute-taking screen: every action, by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (name, what it does, the screen's action). Names are what the key contract promises.
CONFERENCE_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Details", "Context, venue, dates and roles", "details"),
    ("Attendance", "Who came, with agency and apologies", "attendance"),
    ("Danger statement", "The lead practitioner's statement", "danger"),
    ("Agenda", "Items, timings and the current item", "agenda"),
    ("Agenda: next item", "Start the next agenda item", "next_item"),
    ("Save", "Save now (it also saves by itself)", "save"),
    ("Help", "Every key on this screen", "help"),
)


class ConferenceCommands(Provider):
    async def discover(self) -> Hits:
        for name, help_text, action in CONFERENCE_COMMANDS:
            yield DiscoveryHit(name, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in CONFERENCE_COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(name), partial(self._run, action), help=help_text
                )

    async def _run(self, action: str) -> None:
        await self.screen.run_action(action)
