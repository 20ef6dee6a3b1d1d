"""Changes to the meeting's own safeguards, each one undo step: an information-sharing
agreement signed (on an attendee or a recipient of the minutes), the confidentiality reminder
read to the room, and the recording started, stopped and where the service keeps it.

Where each point, plan row and score stands in the recording is kept by the edits that file
them (point_edits, row_edits, score_edits through ``core.recording``).
"""

from __future__ import annotations

from typing import Any

from ctxtui.core.due import date_or_none
from ctxtui.core.recording import running
from ctxtui.core.rules import BadValue, Refused, check_length, clean_point
from ctxtui.meeting.history import History, existing

PEOPLE = {"attendees": "attendee", "distribution": "recipient"}


def same_person(a: Any, b: Any) -> bool:
    """An attendee and a recipient are one person when their addresses match, or, with no
    address on either, their names."""
    if a.email or b.email:
        return bool(a.email) and a.email.lower() == b.email.lower()
    return bool(a.name.strip()) and a.name.strip() == b.name.strip()


def _time(stamp: str) -> str:
    return stamp[11:16]


class SafeguardEdits:
    def __init__(self, history: History) -> None:
        self.history = history

    def _stamp(self) -> str:
        return self.history.now().replace(microsecond=0).isoformat()

    # -- information-sharing agreements

    def check_agreement(
        self, table: str, index: int, signed: str, reference: str
    ) -> tuple[Any, str, str]:
        """The person at ``index`` of ``table`` (attendees or distribution) and the day and
        reference as they would be stored; refused (BadValue, one sentence) when the day is
        not a day, is after today, or has no reference. Changes nothing."""
        if table not in PEOPLE:
            raise KeyError(table)
        rows: list[Any] = getattr(self.history.conference, table)
        person = rows[existing(rows, index, PEOPLE[table])]
        signed, reference = signed.strip(), check_length(clean_point(reference), "A reference")
        if signed or reference:
            day = date_or_none(signed)
            if day is None:
                raise BadValue("Give the day the agreement was signed, like 2026-01-20.")
            if day > self.history.now().date():
                raise BadValue(f"An agreement cannot have been signed after today ({signed}).")
            if not reference:
                raise BadValue("Give the agreement's version or reference, as the service has it.")
        return person, signed, reference

    def record_agreement(self, table: str, index: int, signed: str, reference: str) -> int:
        """The agreement the person at ``index`` of ``table`` (attendees or distribution)
        signed: the day (YYYY-MM-DD, not after today) and its version or reference. Both
        empty takes a recorded agreement off. The same person on the other list gets it too.
        How many rows now carry it."""
        person, signed, reference = self.check_agreement(table, index, signed, reference)
        name = person.name or f"{PEOPLE[table]} {index + 1}"
        what = f"Sharing agreement of {name} {'recorded' if signed else 'taken off'}"
        self.history.before_change(what)
        other = getattr(
            self.history.conference, "distribution" if table == "attendees" else "attendees"
        )
        changed = [person, *(row for row in other if same_person(row, person))]
        for row in changed:
            row.agreement_signed, row.agreement_reference = signed, reference
        self.history.changed(what)
        return len(changed)

    # -- the confidentiality reminder

    def give_reminder(self) -> str:
        """Record that the chair read the confidentiality reminder, now; the time."""
        given = self.history.conference.confidentiality_reminder
        if given:
            raise Refused(f"The confidentiality reminder is recorded already, at {_time(given)}.")
        self.history.before_change("Confidentiality reminder given")
        stamp = self._stamp()
        self.history.conference.confidentiality_reminder = stamp
        self.history.changed("Confidentiality reminder given")
        return stamp

    # -- the recording

    def start_or_stop_recording(self) -> str:
        """Start the recording now, or stop it if it runs; "started" or "stopped". A meeting
        has one recording: once stopped, it is not started again (undo the stop instead)."""
        recording = self.history.conference.recording
        if recording.stopped:
            raise Refused(
                f"The recording stopped at {_time(recording.stopped)}: a meeting has one "
                "recording (Ctrl+Z undoes the stop)."
            )
        what = "Recording stopped" if running(recording) else "Recording started"
        self.history.before_change(what)
        stamp = self._stamp()
        if running(recording):
            recording.stopped = stamp
        else:
            recording.started = stamp
        self.history.changed(what)
        return "stopped" if recording.stopped else "started"

    def set_recording_reference(self, reference: str) -> None:
        """Where the service keeps the recording (a file name, a records system's reference):
        never the audio. Typing into it is one undo step."""
        reference = check_length(clean_point(reference), "The recording's reference")
        recording = self.history.conference.recording
        if reference == recording.reference:
            return
        if not recording.started:
            raise Refused("The recording has not started: start it first.")
        self.history.before_change("Recording's reference changed", ("field", "recording"))
        recording.reference = reference
        self.history.changed("Recording's reference changed")


__all__ = ["PEOPLE", "SafeguardEdits", "same_person"]
