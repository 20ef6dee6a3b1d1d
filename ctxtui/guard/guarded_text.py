"""Which text of a record the privacy guard reads: the free text of the minutes, never the
names and emails of the people at the meeting or the details of the meeting itself."""

from __future__ import annotations

from collections.abc import Iterator

from ctxtui.core.labels import ACTION_TEXT_FIELDS, CAPTURE_TARGETS
from ctxtui.core.record import Conference

# The fields of each table (and of the discussion) that the guard reads; names, emails and the
# details of the meeting are the people at the meeting and the place, so they are not read.
GUARDED_FIELDS: dict[str, tuple[str, ...]] = {
    "actions": tuple(name for name in ACTION_TEXT_FIELDS if name != "agency"),
    "attendees": ("role", "agency"),
    "referrals": ("note",),
    "distribution": (),
    "discussion": ("involvement", "location_lead_view", "voice", "young_people_affected"),
}


def record_texts(conference: Conference) -> Iterator[tuple[str, int, str]]:
    """(section, index, text) for every piece of free text the guard reads."""
    c = conference
    yield "danger_statement", 0, c.danger_statement
    for index, text in enumerate(c.priorities):
        yield "priorities", index, text
    for key, _label in CAPTURE_TARGETS:
        for index, text in enumerate(c.target_list(key)):
            yield key, index, text
    for index, action in enumerate(c.actions):
        fields = (getattr(action, name) for name in GUARDED_FIELDS["actions"])
        text = " · ".join(t for t in fields if t)
        yield "actions", index, text
    for index, score in enumerate(c.scaling.scores):
        yield "scaling", index, score.reason
    for index, attendee in enumerate(c.attendees):
        yield "attendees", index, f"{attendee.role} · {attendee.agency}"
    d = c.discussion
    discussion = [*d.involvement, *(getattr(d, n) for n in GUARDED_FIELDS["discussion"][1:])]
    for index, text in enumerate(discussion):
        yield "discussion", index, text
    for index, referral in enumerate(c.referrals):
        yield "referrals", index, referral.note
