"""The context's story in writing: a section of the minutes (every conference of the chain,
its scaling and its plan), the closure, the closure summary document, and the service
report. Markdown here (``MarkdownText``: for people, and marked for the back ends); the DOCX
and the PDF are made from it, with the trend drawn as a picture where its mark is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ctxtui.core.labels import CLOSURE_OUTCOME_LABELS, KIND_LABELS, SECTION_TITLES
from ctxtui.core.record import Closure, Conference
from ctxtui.export.markup import (
    CHART_MARK,
    MARKING,
    MARKING_MARK,
    Line,
    MarkdownText,
    day_text,
    escape,
    marked,
    table,
)

if TYPE_CHECKING:  # handed in, never made here: the minutes load without the service's figures
    from ctxtui.core.report import ServiceReport
    from ctxtui.core.story import Facts, Story

STORY_HEADING = SECTION_TITLES["story"]
TREND_TITLE = "Scaling median at each conference"


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _range(f: Facts) -> str:
    if f.low is None:
        return "–"
    return f"{f.low}" if f.low == f.high else f"{f.low}–{f.high}"


def trend_sentence(story: Story) -> str:
    """The trend in words: the medians in order and the change since the first."""
    points = story.trend()
    if not points:
        return "No conference of this context has scaling scores yet."
    medians = " → ".join(_number(m) for _day, m in points)
    change = story.change()
    if change is None:
        return f"Scaling median: {medians}."
    way = "up" if change > 0 else "down" if change < 0 else "no change"
    by = f" {abs(change):g}" if change else ""
    return f"Scaling median: {medians} ({way}{by} since the first conference)."


def chart_text(story: Story) -> str:
    """The picture's text alternative: every point the chart draws."""
    points = "; ".join(f"{day_text(day)}: {_number(m)}" for day, m in story.trend())
    return (
        f"Line chart of the scaling median (0 to 10) at each conference of the context: {points}."
    )


def story_section(story: Story, heading: str = STORY_HEADING) -> list[Line]:
    """The chain as a table, the mark where the DOCX and the PDF draw the trend, then the
    trend in words."""
    rows = [
        [
            day_text(f.held),
            KIND_LABELS.get(f.kind, f.kind),
            f.status,
            _number(f.median),
            _range(f),
            str(f.count("open", "in-progress")),
            str(f.count("done")),
            str(f.count("not-done")),
            str(f.count("dropped")),
        ]
        for f in story.conferences
    ]
    headings = [
        "Date",
        "Conference",
        "Minutes",
        "Median",
        "Range",
        "Open",
        "Done",
        "Not done",
        "Dropped",
    ]
    return [
        f"## {heading}",
        "",
        table(headings, rows, [4, 5, 3, 3, 3, 2, 2, 2, 3]),
        "",
        *marked(CHART_MARK, []),
        escape(trend_sentence(story)),
        "",
    ]


def closure_section(closure: Closure) -> list[str]:
    if not closure.outcome:
        return []
    rows = [
        ["Outcome", CLOSURE_OUTCOME_LABELS.get(closure.outcome, closure.outcome)],
        ["Why", closure.reason or "–"],
        ["Agreed by", ", ".join(closure.agreed_by) or "–"],
        ["Date", day_text(closure.date)],
    ]
    return [f"## {SECTION_TITLES['closure']}", "", table(["Item", "Decision"], rows, [1, 3]), ""]


def minutes_story(conference: Conference, story: Story | None) -> list[Line]:
    """The story as a section of the minutes, once the chain has a second conference (or the
    context is closed)."""
    if story is not None and (len(story.conferences) > 1 or conference.closure.outcome):
        return story_section(story)
    return []


def closure_summary(story: Story) -> MarkdownText:
    """The document a service keeps when a context is closed: the story, the trend, the
    outcome and every action never completed."""
    end = story.closure
    closure = None
    if end is not None:
        agreed = list(end.closure_agreed_by)
        closure = Closure(end.closure_outcome, end.closure_reason, agreed, end.closure_date)
    last = story.conferences[-1] if story.conferences else None
    name = last.context if last else ""
    out = [
        *marked(MARKING_MARK, [f"**{MARKING}**", ""]),
        f"# Closure summary: {escape(name) or 'unnamed context'}",
        "",
    ]
    if last is not None and not last.closure_outcome:
        out += ["*This context has not been closed: the summary shows it as it stands.*", ""]
    out += story_section(story)
    if closure is not None:
        out += closure_section(closure)
    left = story.never_completed
    out += ["## Actions never completed", ""]
    if left:
        rows = [[r.intervention, r.agency, r.status, day_text(r.due)] for r in left]
        out += [table(["Intervention", "Agency", "Status", "Due"], rows, [5, 3, 1, 1]), ""]
    else:
        out += ["Every action was completed or dropped.", ""]
    return MarkdownText(out)


def _share(part: int, share: float | None) -> str:
    return f"{part} ({share:.0%})" if share is not None else f"{part}"


def report_markdown(report: ServiceReport) -> MarkdownText:
    r = report
    out: list[Line] = [
        *marked(MARKING_MARK, [f"**{MARKING}**", ""]),
        f"# Service report: {day_text(r.start.isoformat())} to {day_text(r.end.isoformat())}",
        "",
        "## Conferences held",
        "",
    ]
    kinds = list(r.kinds)
    rows = [[t, *(str(r.held_by(t, k)) for k in kinds), str(r.held_by(t))] for t in r.types]
    rows.append(["All", *(str(r.held_by(None, k)) for k in kinds), str(r.conferences)])
    out += [table(["Context type", *(k.capitalize() for k in kinds), "All"], rows), ""]
    out += [
        "## Timeliness",
        "",
        f"- Minutes out within one working day: {_share(r.minutes_on_time, r.minutes_share)} "
        f"of {r.minutes_on_time + r.minutes_late + r.minutes_not_sent}; "
        f"late {r.minutes_late}; not sent {r.minutes_not_sent}",
        f"- Reviews held by their due date: {_share(r.reviews_on_time, r.reviews_share)} "
        f"of {r.reviews_on_time + r.reviews_late}",
        f"- Contexts opened: {r.opened}; closed: {r.closed}",
        f"- Median scaling change per chain: {_number(r.median_change)} "
        f"(over {len(r.changes)} chain(s) with two scored conferences)",
        "",
        "## Actions by agency",
        "",
    ]
    if r.agencies:
        rows = [[a.agency, str(a.total), str(a.done), str(a.overdue)] for a in r.agencies]
        out += [table(["Agency", "Actions", "Done", "Overdue"], rows, [4, 1, 1, 1]), ""]
    else:
        out += ["No actions in the period.", ""]
    return MarkdownText(out)


def _cell(text: str) -> str:
    """A cell a spreadsheet shows as text: never a formula (an agency named "=1+1")."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def report_csv_rows(report: ServiceReport) -> list[list[str]]:
    """The report as rows of (section, item, value) for a spreadsheet."""
    r = report
    rows = [["section", "item", "value"]]
    for (context_type, kind), n in sorted(r.held.items()):
        rows.append(["held", _cell(f"{context_type}/{kind}"), str(n)])
    rows += [
        ["minutes", "on time", str(r.minutes_on_time)],
        ["minutes", "late", str(r.minutes_late)],
        ["minutes", "not sent", str(r.minutes_not_sent)],
        ["reviews", "on time", str(r.reviews_on_time)],
        ["reviews", "late", str(r.reviews_late)],
        ["contexts", "opened", str(r.opened)],
        ["contexts", "closed", str(r.closed)],
        ["scaling", "median change", _number(r.median_change)],
        ["scaling", "chains", str(len(r.changes))],
    ]
    for a in r.agencies:
        rows += [
            ["actions", _cell(f"{a.agency}/total"), str(a.total)],
            ["actions", _cell(f"{a.agency}/done"), str(a.done)],
            ["actions", _cell(f"{a.agency}/overdue"), str(a.overdue)],
        ]
    return rows
