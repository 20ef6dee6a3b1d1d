"""The headings the chair types under, the field tables of the record, the agencies and the
agenda, in order, with their labels: the one list of each that the screens, the amendment log
and the exports take. Some labels are still written out where they are shown (the minutes'
details table words its rows its own way, and some screen titles repeat a section title)."""

from __future__ import annotations

# The four minute headings, in the order the chair shows them.
HEADINGS: tuple[tuple[str, str], ...] = (
    ("concerns", "Current concerns / risks / vulnerabilities"),
    ("complicating", "Complicating factors"),
    ("strengths", "Strengths"),
    ("safety_plan", "Safety plan"),
)
HEADING_KEYS: tuple[str, ...] = tuple(key for key, _ in HEADINGS)
# Where a typed point can go: the four headings, then the safety goals.
CAPTURE_TARGETS: tuple[tuple[str, str], ...] = (*HEADINGS, ("safety_goals", "Safety goals"))
TARGET_KEYS: tuple[str, ...] = tuple(key for key, _ in CAPTURE_TARGETS)
TARGET_LABELS: dict[str, str] = dict(CAPTURE_TARGETS)
TARGET_SHORT_LABELS: dict[str, str] = {
    "concerns": "Concerns",
    "complicating": "Complicating",
    "strengths": "Strengths",
    "safety_plan": "Safety plan",
    "safety_goals": "Goals",
}
# Every other section of the minutes, by key, as the minutes, the board and the screens title it.
SECTION_TITLES: dict[str, str] = {
    "details": "Details",
    "attendance": "Attendance",
    "agenda": "Agenda",
    "danger_statement": "Danger statement",
    "priorities": "Priorities",
    "location_lead_view": "The location lead's view",
    "involvement": "Current professional involvement",
    "voice": "Young people's and parents' voice",
    "scaling": "Scaling",
    "carried": "Actions from the last conference",
    "plan": "Intervention plan",
    "core_group": "Core group",
    "referrals": "Referrals made outside the meeting",
    "contributions": "Written contributions",
    "review": "Review and circulation",
    "distribution": "Distribution",
    "amendments": "Amendments",
    "confidentiality": "Confidentiality",
    "safeguards": "Confidentiality reminder and recording",
    "recording": "Recording index",  # the offsets of what was filed while recording
    "story": "The context's story",
    "closure": "Closure",
}
ATTENDANCE_LABELS: dict[str, str] = {
    "present": "Present",
    "apologies": "Apologies",
    "absent": "Absent",
    "invited": "Invited, did not come",
}
CLOSURE_OUTCOME_LABELS: dict[str, str] = {
    "risk-reduced": "Risk reduced: monitoring ends",
    "other-plan": "Moved to another plan or panel",
    "place-changed": "The place changed or closed",
    "other": "Other (say why)",
}
KIND_LABELS: dict[str, str] = {
    "initial": "Initial conference",
    "review": "Review conference",
    "closure": "Closure conference",
}
# A plan row's fields in the guidance's column order: (attribute, full label, short label).
ACTION_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("worry", "What are we worried about (and impact)?", "Worry"),
    ("helping", "What is helping to keep children safe?", "Helping"),
    ("goal", "Safety goal", "Safety goal"),
    ("intervention", "Intervention to be offered", "Intervention"),
    ("agency", "Agency / team responsible", "Agency"),
    ("timescale", "Timescale", "When"),
    ("due", "Due date (optional)", "Due"),
    ("status", "Status", "Status"),
    ("progress", "Progress", "Progress"),
)
ACTION_LABELS: dict[str, str] = {name: label for name, label, _ in ACTION_FIELDS}
# The free-text fields of a plan row (everything but the status).
ACTION_TEXT_FIELDS: tuple[str, ...] = tuple(n for n, _, _ in ACTION_FIELDS if n != "status")
ACTION_SHORT_LABELS: dict[str, str] = {name: short for name, _, short in ACTION_FIELDS}

# The details of a record as the chair edits them: (path, label, kind); kind says how a typed
# value is checked (text, choice, date, time).
DETAIL_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("context.name", "Context", "text"),
    ("context.type", "Type", "choice"),
    ("context.description", "Short description", "text"),
    ("context.venue", "Venue", "text"),
    ("dates.assessment_period", "Assessment period", "text"),
    ("dates.mapping_meeting", "Mapping meeting", "date"),
    ("dates.conference", "Conference date", "date"),
    ("dates.start_time", "Start time", "time"),
    ("dates.end_time", "End time", "time"),
    ("dates.review", "Review date", "date"),
    ("roles.chair", "Chair", "text"),
    ("roles.lead_practitioner", "Lead practitioner", "text"),
    ("roles.location_lead", "Location lead", "text"),
    ("roles.minute_taker", "Minute taker", "text"),
)
# What the chair and the amendment log call each single field that can be set.
FIELD_LABELS: dict[str, str] = {
    **{path: label for path, label, _ in DETAIL_FIELDS},
    "danger_statement": SECTION_TITLES["danger_statement"],
    "scaling.question": "Scaling question",
    "discussion.location_lead_view": SECTION_TITLES["location_lead_view"],
    "discussion.voice": SECTION_TITLES["voice"],
    "discussion.young_people_affected": "Young people known to be affected",
}

# Which plan-row field a point becomes when the chair makes a plan row from it.
ACTION_FIELD_FOR_TARGET: dict[str, str] = {
    "concerns": "worry",
    "complicating": "worry",
    "strengths": "helping",
    "safety_plan": "intervention",
    "safety_goals": "goal",
}


def next_target(target: str) -> str:
    return TARGET_KEYS[(TARGET_KEYS.index(target) + 1) % len(TARGET_KEYS)]


def previous_target(target: str) -> str:
    return TARGET_KEYS[(TARGET_KEYS.index(target) - 1) % len(TARGET_KEYS)]


AGENCIES: tuple[str, ...] = (
    "Children's Social Care",
    "Council representative",
    "Community safety",
    "Environmental health",
    "Licensing",
    "Transport",
    "Education / local school",
    "Parents' forum",
    "Young people / school council",
    "Police – safer schools officer",
    "Police – community police",
    "Youth Justice Service",
    "CAMHS",
    "Local youth provision",
    "Voluntary and community organisation",
    "Health – school nurse",
    "Health – sexual health",
    "Housing",
    "Local business",
)

# (title, planned minutes) in the order the guidance runs a conference.
DEFAULT_AGENDA: tuple[tuple[str, int], ...] = (
    ("Introductions and purpose", 10),
    ("Danger statement and current concerns", 15),
    ("Location lead's view and attendees' views", 15),
    ("Vulnerability, risk and complicating factors", 15),
    ("Strengths", 10),
    ("Current professional involvement", 10),
    ("Safety goals and scaling", 15),
    ("Intervention plan and actions", 25),
    ("Review date and close", 5),
)


__all__ = [
    "ACTION_FIELDS",
    "ACTION_FIELD_FOR_TARGET",
    "ACTION_LABELS",
    "ACTION_SHORT_LABELS",
    "ACTION_TEXT_FIELDS",
    "AGENCIES",
    "CAPTURE_TARGETS",
    "DEFAULT_AGENDA",
    "DETAIL_FIELDS",
    "FIELD_LABELS",
    "HEADINGS",
    "HEADING_KEYS",
    "TARGET_KEYS",
    "TARGET_LABELS",
    "TARGET_SHORT_LABELS",
    "next_target",
    "previous_target",
]
