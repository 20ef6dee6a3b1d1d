"""Changes to the scaling: each attendee's score (0 to 10) and their reasoning."""

from __future__ import annotations

from ctxtui.core.record import Score
from ctxtui.core.recording import offset_now
from ctxtui.core.rules import BadValue, check_length, clean_point
from ctxtui.meeting.history import History


class ScoreEdits:
    def __init__(self, history: History) -> None:
        self.history = history

    def of(self, attendee: str) -> Score | None:
        scores = self.history.conference.scaling.scores
        return next((s for s in scores if s.attendee == attendee), None)

    def _entry(self, attendee: str) -> Score:
        entry = self.of(attendee)
        if entry is None:
            entry = Score(attendee=attendee)
            self.history.conference.scaling.scores.append(entry)
        return entry

    def set_score(self, attendee: str, score: int | None) -> None:
        if score is not None and not 0 <= score <= 10:
            raise BadValue("A score is a whole number from 0 to 10.")
        entry = self.of(attendee)
        if entry is not None and entry.score == score:
            return
        self.history.before_change(f"Score for {attendee} changed")
        entry = self._entry(attendee)
        entry.score = score
        # given while the meeting is recorded: where in the recording (the latest score's)
        offset = offset_now(self.history.conference.recording, self.history.now())
        if offset and score is not None:
            entry.recording_offset = offset
        self.history.changed("Scaling scores changed")

    def set_reason(self, attendee: str, reason: str) -> None:
        reason = check_length(clean_point(reason), "A reason")
        entry = self.of(attendee)
        if (entry.reason if entry else "") == reason:
            return
        self.history.before_change(f"Reasoning of {attendee} changed", ("reason", attendee))
        self._entry(attendee).reason = reason
        self.history.changed("Scaling reasoning changed")
