"""Record -> Markdown minutes, in the order partners expect to read them. Every user string
goes through ``markup`` so it shows exactly as typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ctxtui.core import dates
from ctxtui.core.due import action_overdue
from ctxtui.core.ids import slugify
from ctxtui.core.labels import ACTION_LABELS, ATTENDANCE_LABELS, SECTION_TITLES, TARGET_LABELS
from ctxtui.core.progress import answers
from ctxtui.core.record import ATTENDANCE, Action, Conference, Score, parse_date
from ctxtui.core.review import match_carried
from ctxtui.core.scaling import summarise
from ctxtui.export.markup import (
    LANDSCAPE_MARK,
    MARKING,
    MARKING_MARK,
    Line,
    MarkdownText,
    day_text,
    escape,
    escape_block,
    marked,
    table,
)
from ctxtui.export.safeguards import RECORDING_INDEX, distribution_table, safeguards_section
from ctxtui.export.story import closure_section, minutes_story

if TYPE_CHECKING:  # a story is read only once a chain has one
    from ctxtui.core.story import Story

# (attribute, heading, share of the page) of the plan table, in the guidance's column order
PLAN_COLUMNS: tuple[tuple[str, str, int], ...] = (
    *[
        (name, ACTION_LABELS[name], share)
        for name, share in (
            ("worry", 16),
            ("helping", 14),
            ("goal", 13),
            ("intervention", 20),  # the longest text of a row
            ("agency", 11),
            ("timescale", 10),
        )
    ],
    ("status", "Status and progress", 12),
)
PLAN_HEADING = SECTION_TITLES["plan"]
SAFETY_PLAN_HEADING = TARGET_LABELS["safety_plan"]


def _bullets(items: list[str], numbered: bool = True) -> list[str]:
    if not items:
        return ["None recorded."]
    return [
        f"{n}. {escape(item)}" if numbered else f"- {escape(item)}"
        for n, item in enumerate(items, 1)
    ]


def to_markdown(
    conference: Conference,
    *,
    nation: str = dates.DEFAULT_NATION,
    previous: Conference | None = None,
    story: Story | None = None,
    statutory: Sequence[str] | None = None,
) -> MarkdownText:
    """The minutes, in the order partners expect to read them (with the context's story
    once it has more than one conference); ``.marked`` has the marks the DOCX and PDF read;
    ``statutory``: the agencies the service counts as statutory partners (the catalogue's
    when None), for the recipients' sharing basis."""
    c = conference
    out: list[Line] = [
        *_title(c),
        *_details(c, previous),
        *_attendance(c),
        *_agenda(c),
        *safeguards_section(c),
        *_text_section(SECTION_TITLES["danger_statement"], c.danger_statement),
        *_priorities(c),
        *_text_section(SECTION_TITLES["location_lead_view"], c.discussion.location_lead_view),
    ]
    for key in ("concerns", "complicating", "strengths"):
        out += [f"## {TARGET_LABELS[key]}", "", *_bullets(c.target_list(key)), ""]
    out += [_heading("involvement"), "", *_bullets(c.discussion.involvement), ""]
    out += _text_section(SECTION_TITLES["voice"], c.discussion.voice)
    out += [f"## {TARGET_LABELS['safety_goals']}", "", *_bullets(c.safety_goals), ""]
    out += _scaling(c, previous)
    out += minutes_story(c, story)
    if c.kind != "initial" and previous is not None:
        out += _carried_actions(c, previous)
    out += _plan(c)
    out += closure_section(c.closure)
    out += _core_group_and_referrals(c)
    out += _contributions(c)
    out += _review_and_circulation(c, nation, statutory)
    out += _amendments(c)
    out += _confidentiality()
    return MarkdownText(out)


def _heading(section: str) -> str:
    return f"## {SECTION_TITLES[section]}"


def _priorities(c: Conference) -> list[str]:
    """The issues the meeting kept to (none: no section, as in minutes made before them)."""
    if not c.priorities:
        return []
    return [_heading("priorities"), "", *_bullets(c.priorities), ""]


MINUTES_TITLES = {
    "initial": "Context conference minutes",
    "review": "Review context conference minutes",
    "closure": "Closure context conference minutes",
}


def document_title(c: Conference, name: str | None = None) -> str:
    """The minutes' title as plain text (the heading, and the PDF's and DOCX's title)."""
    kind = MINUTES_TITLES.get(c.kind, MINUTES_TITLES["initial"])
    return f"{kind}: {name if name is not None else c.context.name or 'unnamed context'}"


def _title(c: Conference) -> list[Line]:
    out = marked(MARKING_MARK, [f"**{MARKING}**", ""])
    out += [f"# {document_title(c, escape(c.context.name) or 'unnamed context')}", ""]
    if c.status == "draft":
        out += ["*Draft: these minutes have not been finalised.*", ""]
    elif c.finalised_at:
        out += [f"*Final minutes, finalised {escape(c.finalised_at.replace('T', ' '))}.*", ""]
    return out


def _details(c: Conference, previous: Conference | None) -> list[str]:
    d, r = c.dates, c.roles
    when = day_text(d.conference)
    if d.start_time or d.end_time:
        when = f"{when}, {d.start_time or '?'}–{d.end_time or '?'}".strip(", ")
    details = [
        ["Context", c.context.name],
        ["Type of context", c.context.type],
        ["Description", c.context.description],
        ["Venue", c.context.venue],
        ["Conference date and time", when],
        ["Assessment period", d.assessment_period],
        ["Mapping meeting", day_text(d.mapping_meeting)],
        ["Chair", r.chair],
        ["Lead practitioner / context assessor", r.lead_practitioner],
        ["Location lead", r.location_lead],
        ["Minute taker", r.minute_taker],
        ["Young people known to be affected", c.discussion.young_people_affected],
    ]
    if c.kind != "initial" and previous is not None:
        details.append(["Reviews the conference of", day_text(previous.dates.conference)])
    return [_heading("details"), "", table(["Item", "Details"], details, [1, 3]), ""]


def _attendance(c: Conference) -> list[str]:
    """Attendance, by attendance then agency."""
    out = [_heading("attendance"), ""]
    if not c.attendees:
        out += ["No attendance recorded.", ""]
    for state in ATTENDANCE:
        people = sorted(
            (a for a in c.attendees if a.attendance == state),
            key=lambda a: (a.agency.lower(), a.name.lower()),
        )
        if people:
            out += [f"### {ATTENDANCE_LABELS[state]}", ""]
            rows = [[a.agency, a.name, a.role] for a in people]
            out += [table(["Agency", "Name", "Role"], rows, [2, 2, 3]), ""]
    return out


def _scaling(c: Conference, previous: Conference | None) -> list[str]:
    present = [a for a in c.attendees if a.attendance == "present" and a.name]
    scores = _scores_for(c, [a.name for a in present])
    summary = summarise((s.score for s in scores.values()), asked=len(scores))
    out = [_heading("scaling"), "", f"*{escape(c.scaling.question)}*", ""]
    if scores:
        agency = {a.name: a.agency for a in c.attendees}
        rows = [
            [name, agency.get(name, ""), "–" if s.score is None else str(s.score), s.reason]
            for name, s in scores.items()
        ]
        out += [table(["Name", "Agency", "Score", "Reasoning"], rows, [3, 3, 2, 7]), ""]
    line = summary.describe()
    if previous is not None:
        earlier = summarise(s.score for s in previous.scaling.scores)
        line += (
            f". Previous conference median {earlier.median_text()} → today {summary.median_text()}"
        )
    return [*out, escape(line), ""]


def _carried_actions(c: Conference, previous: Conference) -> list[str]:
    out = [_heading("carried"), ""]
    pairs = match_carried(previous, c)
    if not pairs:
        return [*out, "Every action from the last conference was done or dropped.", ""]
    held_on = parse_date(c.dates.conference) if c.dates.conference else None
    rows = [
        [
            old.intervention,
            old.agency,
            _due_text(old, held_on),
            old.status,
            now_.status if now_ else "no longer in the plan",
            (now_.progress if now_ else old.progress),
        ]
        for old, now_ in pairs
    ]
    headings = ["Intervention", "Agency / team", "Due", "Status then", "Status now"]
    out += [table([*headings, "Progress"], rows, [5, 3, 2, 2, 2, 5]), ""]
    return out + _updates_asked(previous, c)


def _updates_asked(previous: Conference, c: Conference) -> list[str]:
    """Which agencies were asked for progress before this review, and which answered."""
    found = answers(previous, c)
    if not found:
        return []
    said = []
    for a in found:
        when = f"asked {day_text(a.asked)}" if a.asked else "not asked"
        came = f"update received {day_text(a.received)}" if a.received else "no update received"
        said.append(f"{escape(a.agency or 'an agency with no name')} ({when}; {came})")
    return [f"Progress from the agencies before this review: {'; '.join(said)}.", ""]


def _plan(c: Conference) -> list[Line]:
    """One plan: the safety plan agreed in the room, then the actions that carry it out
    (with actions, the whole plan is marked for landscape pages, for its table)."""
    out = [f"## {SAFETY_PLAN_HEADING}", "", *_bullets(c.points.safety_plan), ""]
    out += [f"### {PLAN_HEADING}", ""]
    if not c.actions:
        return [*out, "No actions agreed.", ""]
    rows = []
    for a in c.actions:
        status = a.status + (f" – {a.progress}" if a.progress else "")
        when = a.timescale
        if a.due:
            when = f"{when} (due {day_text(a.due)})" if when else f"Due {day_text(a.due)}"
        cells = {**{name: getattr(a, name) for name, _h, _s in PLAN_COLUMNS}, "timescale": when}
        rows.append([*(cells[name] for name, _h, _s in PLAN_COLUMNS[:-1]), status])
    shares = [s for _, _, s in PLAN_COLUMNS]  # the table's widths: its ruler line holds them
    return marked(LANDSCAPE_MARK, [*out, table([h for _, h, _ in PLAN_COLUMNS], rows, shares), ""])


def _core_group_and_referrals(c: Conference) -> list[str]:
    r = c.roles
    core = [r.lead_practitioner, *c.core_group] if r.lead_practitioner else list(c.core_group)
    out = [_heading("core_group"), "", *_bullets(list(dict.fromkeys(core)), numbered=False), ""]
    out += [_heading("referrals"), ""]
    if not c.referrals:
        return [*out, "None recorded.", ""]
    rows = [[x.agency, day_text(x.date), x.note] for x in c.referrals]
    return [*out, table(["Agency", "Date", "Note"], rows, [3, 2, 6]), ""]


def _contributions(c: Conference) -> list[str]:
    """Who sent the chair a written contribution, and when: never what it said."""
    if not c.contributions:
        return []
    rows = [[x.agency, x.author, day_text(x.received[:10])] for x in c.contributions]
    return [
        _heading("contributions"),
        "",
        table(["Agency", "From", "Received"], rows, [3, 3, 2]),
        "",
    ]


def _review_and_circulation(
    c: Conference, nation: str, statutory: Sequence[str] | None = None
) -> list[str]:
    d = c.dates
    held = parse_date(d.conference) if d.conference else None
    review = (
        parse_date(d.review) if d.review else (dates.default_review(held, nation) if held else None)
    )
    out = [_heading("review"), ""]
    out += [f"- Review conference: {day_text(review.isoformat()) if review else 'to be arranged'}"]
    warning = dates.review_warning(held, review, nation)
    if warning:
        out += [f"- {escape(warning)}"]
    if held:
        by = dates.minutes_due(held, nation).isoformat()
        out += [f"- Minutes to be circulated by: {day_text(by)}"]
    for sent in c.circulated:
        out += [f"- Circulated {escape(sent.at.replace('T', ' '))} to {len(sent.to)} recipient(s)"]
    out += [""]
    if c.distribution:
        out += [
            f"### {SECTION_TITLES['distribution']}",
            "",
            distribution_table(c.distribution, statutory),
            "",
        ]
    return out


def _amendments(c: Conference) -> list[str]:
    if not c.amendments:
        return []
    rows = [
        [
            a.started.replace("T", " "),
            a.reason,
            "; ".join(a.changes) or "no changes",
            a.finalised.replace("T", " ") or "not yet re-finalised",
        ]
        for a in c.amendments
    ]
    headings = ["Reopened", "Reason", "What changed", "Final again"]
    return [_heading("amendments"), "", table(headings, rows, [2, 4, 6, 2]), ""]


def _confidentiality() -> list[str]:
    return [
        _heading("confidentiality"),
        "",
        f"These minutes are {MARKING}. They are about a place or group, not about any child or "
        "family, and must not be used to identify one. Share them only with the agencies invited "
        "to the conference, store them as you would child protection conference minutes, and "
        "tell the chair at once about anything that is wrong or should not be here.",
        "",
    ]


def _due_text(action: Action, today: dt.date | None) -> str:
    """The due date of a carried action, marked when it had passed by the review."""
    if not action.due:
        return ""
    late = today is not None and action_overdue(action, today)
    return day_text(action.due) + (" (overdue)" if late else "")


def _text_section(title: str, text: str) -> list[str]:
    """A heading and its paragraphs ("None recorded." when there are none)."""
    paragraphs = escape_block(text) or ["None recorded."]
    return [f"## {title}", "", *[line for p in paragraphs for line in (p, "")]]


def _agenda(c: Conference) -> list[str]:
    """The agenda with the time each item started."""
    rows = [
        [item.title, item.started[11:16] if item.started else "–", f"{item.minutes} min"]
        for item in c.agenda.items
    ]
    if not rows:
        return []
    return [_heading("agenda"), "", table(["Item", "Started", "Planned"], rows, [6, 1, 1]), ""]


def _scores_for(conference: Conference, present: list[str]) -> dict[str, Score]:
    """Everyone present (scored or not), then anyone else who gave a score."""
    by_name = {s.attendee: s for s in conference.scaling.scores}
    chosen = {name: by_name.get(name, Score(attendee=name)) for name in present}
    for score in conference.scaling.scores:
        if score.attendee not in chosen and (score.score is not None or score.reason):
            chosen[score.attendee] = score
    return chosen


def default_file_name(conference: Conference, extension: str) -> str:
    """``YYYY-MM-DD-<context>-minutes.<extension>``; the recording index ``…-recording-index.md``"""
    day = conference.dates.conference or "undated"
    if extension == RECORDING_INDEX:
        return f"{day}-{slugify(conference.context.name)}-{RECORDING_INDEX}.md"
    return f"{day}-{slugify(conference.context.name)}-minutes.{extension}"
