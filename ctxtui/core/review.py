"""Review conferences: what carries forward from the conference being reviewed."""

from __future__ import annotations

import copy
import datetime as dt

from ctxtui.core import dates
from ctxtui.core.record import Action, Attendee, Conference, Dates, Scaling

LEFT_BEHIND = ("done", "dropped")


def carried_actions(previous: Conference) -> list[Action]:
    """Every action still to finish, with its status and progress as they stand."""
    carried = [copy.deepcopy(a) for a in previous.actions if a.status not in LEFT_BEHIND]
    for action in carried:  # an offset into the last meeting's recording means nothing here
        action.recording_offset = ""
    return carried


def start_review(
    previous: Conference, held: dt.date, nation: str = dates.DEFAULT_NATION, kind: str = "review"
) -> Conference:
    """A new review (or closure) conference for the same context, linked to ``previous``."""
    return Conference(
        kind=kind,
        previous_id=previous.id,
        context=copy.deepcopy(previous.context),
        dates=Dates(
            assessment_period=previous.dates.assessment_period,
            conference=held.isoformat(),
            start_time=previous.dates.start_time,
            end_time=previous.dates.end_time,
            review=dates.default_review_text(held, nation),
        ),
        roles=copy.deepcopy(previous.roles),
        # the people invited last time, to be marked at the meeting (an agreement they signed
        # still stands)
        attendees=[
            Attendee(
                a.name,
                a.role,
                a.agency,
                "present",
                agreement_signed=a.agreement_signed,
                agreement_reference=a.agreement_reference,
            )
            for a in previous.attendees
        ],
        danger_statement=previous.danger_statement,
        safety_goals=list(previous.safety_goals),
        priorities=list(previous.priorities),
        scaling=Scaling(question=previous.scaling.question),
        actions=carried_actions(previous),
    )


def match_carried(previous: Conference, current: Conference) -> list[tuple[Action, Action | None]]:
    """Each action carried from ``previous`` with the same action in ``current`` as it is now
    (found by its worry, intervention and agency, or its intervention alone), or None."""
    pairs: list[tuple[Action, Action | None]] = []
    taken: set[int] = set()
    for old in carried_actions(previous):
        found = None
        for keys in ((lambda a: (a.worry, a.intervention, a.agency)), (lambda a: a.intervention)):
            for index, new in enumerate(current.actions):
                if index not in taken and keys(new) == keys(old):
                    found = index
                    break
            if found is not None:
                break
        if found is not None:
            taken.add(found)
        pairs.append((old, current.actions[found] if found is not None else None))
    return pairs
