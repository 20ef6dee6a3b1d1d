"""What the minutes say of the meeting's own safeguards (the confidentiality reminder, the
recording) and each recipient's sharing basis; and the recording index, a document for the
service's records that is never part of the circulated minutes. Markdown, every user string
escaped (``markup``)."""

from __future__ import annotations

from collections.abc import Sequence

from ctxtui.core.catalogue import STATUTORY_PARTNERS
from ctxtui.core.labels import SECTION_TITLES
from ctxtui.core.record import Conference, Recipient
from ctxtui.core.recording import index_rows, length
from ctxtui.core.sharing import basis_of
from ctxtui.export.markup import MARKING, day_text, escape, table

# for the service's records only, never circulated: offsets into the recording (Markdown)
RECORDING_INDEX = "recording-index"


def _when(stamp: str, conference: Conference) -> str:
    """A time stamp as its time, with the day when it is not the conference's."""
    day, time = stamp[:10], stamp[11:16]
    return time if day == conference.dates.conference else f"{time} on {day_text(day)}"


def safeguards_section(c: Conference) -> list[str]:
    """The confidentiality reminder and the recording, when either is recorded (minutes
    made before them have no such section)."""
    recording = c.recording
    if not c.confidentiality_reminder and not recording.started:
        return []
    out = [f"## {SECTION_TITLES['safeguards']}", ""]
    if c.confidentiality_reminder:
        out.append(
            "- The chair reminded everyone at the meeting that individual and personal details "
            f"are not to be discussed (confidentiality reminder given at "
            f"{_when(c.confidentiality_reminder, c)})."
        )
    else:
        out.append("- The confidentiality reminder is not recorded as given.")
    if recording.started:
        span = f"from {_when(recording.started, c)}"
        if recording.stopped:
            span += f" to {_when(recording.stopped, c)}"
        out.append(
            f"- The meeting was audio recorded ({span}). The service keeps the recording "
            "securely; it is not circulated, with these minutes or otherwise."
        )
    return [*out, ""]


def distribution_table(recipients: list[Recipient], statutory: Sequence[str] | None = None) -> str:
    """The distribution list with each recipient's sharing basis."""
    partners = STATUTORY_PARTNERS if statutory is None else statutory
    rows = [[r.name, r.agency, r.email, basis_of(r, partners).describe()] for r in recipients]
    return table(["Name", "Agency", "Email", "Sharing basis"], rows, [3, 3, 4, 3])


def recording_index(c: Conference) -> str:
    """The offsets of every point, plan row and score filed while the meeting was recorded,
    with where the service keeps the recording: for the service's records, kept with the
    recording and deleted with it, never circulated."""
    recording = c.recording
    name = escape(c.context.name) or "unnamed context"
    out = [f"**{MARKING}**", "", f"# {SECTION_TITLES['recording']}: {name}", ""]
    out += [
        "For the service's records, beside the recording. Not part of the minutes: never "
        "circulated.",
        "",
        f"- Conference: {day_text(c.dates.conference) or 'no date'} ({escape(c.id)})",
    ]
    if recording.started:
        stopped = _when(recording.stopped, c) if recording.stopped else "not marked"
        ran = f", {length(recording)} long" if recording.stopped else ""
        out.append(f"- Recording: started {_when(recording.started, c)}, stopped {stopped}{ran}")
    else:
        out.append("- Recording: not marked as started")
    out += [f"- Kept by the service at: {escape(recording.reference) or 'not recorded'}", ""]
    rows = index_rows(c)
    if rows:
        cells = [[row.offset, row.where, row.text] for row in rows]
        out += [table(["Offset", "Where in the minutes", "What was filed"], cells, [1, 3, 6]), ""]
    else:
        out += ["Nothing was filed while the meeting was recorded.", ""]
    return "\n".join(out)
