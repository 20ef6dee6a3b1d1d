"""What the board (the room's shared screen) shows, and what it holds back.

The board shows the danger statement, the four headings, the safety goals, the plan in short
and the scaling figures. Any detail the privacy guard flags and the chair has not dismissed is
replaced by the kind of detail it is ("[name held back]") until the chair dismisses the flag or
rewords the point: the room never sees what the chair has not cleared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ctxtui.core.labels import SECTION_TITLES, TARGET_KEYS, TARGET_LABELS, TARGET_SHORT_LABELS
from ctxtui.core.progress import row_asked
from ctxtui.core.record import Conference
from ctxtui.core.scaling import conference_summary
from ctxtui.guard.confirmations import DISMISSED, standing
from ctxtui.guard.privacy import attendee_names, held_back, open_hits_finder

# in the order of the meeting; the priorities only when the conference has some
BOARD_KEYS: tuple[str, ...] = ("priorities", "danger_statement", *TARGET_KEYS, "plan", "scaling")
BOARD_TITLES: dict[str, str] = {
    "priorities": SECTION_TITLES["priorities"],
    "danger_statement": SECTION_TITLES["danger_statement"],
    **TARGET_LABELS,
    "plan": SECTION_TITLES["plan"],
    "scaling": SECTION_TITLES["scaling"],
}

BOARD_SHORT_TITLES: dict[str, str] = {
    "priorities": "Priorities",
    "danger_statement": "Danger",
    **TARGET_SHORT_LABELS,
    "plan": "Plan",
    "scaling": "Scaling",
}


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    lines: tuple[str, ...]
    numbered: bool  # points and plan rows are numbered; the statement and figures are not


def progress_of(conference: Conference, index: int) -> str:
    """What the row says once its agency was asked for an update ("" before)."""
    asked = row_asked(conference, index)
    return f" — progress asked {asked.at[:10]}" if asked else ""


def plan_line(intervention: str, goal: str, agency: str, by: str) -> str:
    """One plan row in short: what is done, by whom, by when."""
    what = intervention or goal or "(no intervention yet)"
    return " — ".join(part for part in (what, agency, f"by {by}" if by else "") if part)


def _paragraphs(text: str, clear: Callable[[str], str]) -> tuple[str, ...]:
    """Each paragraph a line, with one empty line between paragraphs where the text had one."""
    lines: list[str] = []
    for line in text.splitlines():
        if line.strip():
            lines.append(clear(line))
        elif lines and lines[-1]:
            lines.append("")
    return tuple(lines[:-1] if lines and not lines[-1] else lines)


def board_sections(
    conference: Conference, cache: dict[tuple[object, ...], str] | None = None
) -> list[Section]:
    """Every section of the board, flagged details held back, in the order of the meeting.
    ``cache`` keeps each text as shown between calls, so that only new text is scanned."""
    open_hits = open_hits_finder(conference)
    guard = (
        tuple(attendee_names(conference)),
        standing(conference, DISMISSED),
        tuple(conference.names_check.names),
    )

    def clear(text: str) -> str:
        if cache is None:
            return held_back(text, open_hits(text))
        key = (text, guard)
        if key not in cache:
            cache[key] = held_back(text, open_hits(text))
        return cache[key]

    c = conference
    statement = _paragraphs(c.danger_statement, clear)
    sections = []
    if c.priorities:  # above everything: the room keeps to them
        priorities = tuple(clear(p) for p in c.priorities)
        sections.append(Section("priorities", BOARD_TITLES["priorities"], priorities, True))
    sections.append(Section("danger_statement", BOARD_TITLES["danger_statement"], statement, False))
    for key in TARGET_KEYS:
        points = tuple(clear(point) for point in c.target_list(key))
        sections.append(Section(key, BOARD_TITLES[key], points, True))
    plan = tuple(
        plan_line(clear(a.intervention), clear(a.goal), a.agency, a.due or a.timescale)
        + progress_of(c, i)
        for i, a in enumerate(c.actions)
    )
    sections.append(Section("plan", BOARD_TITLES["plan"], plan, True))
    summary = conference_summary(c)
    figures = (c.scaling.question, summary.describe()) if summary.scored else ()
    sections.append(Section("scaling", BOARD_TITLES["scaling"], figures, False))
    return sections


def latest_change(before: list[Section], after: list[Section]) -> str | None:
    """The key of the section the chair has just changed (the last that differs), if any."""
    was = {section.key: section.lines for section in before}
    changed = [s.key for s in after if was.get(s.key) != s.lines]
    return changed[-1] if changed else None
