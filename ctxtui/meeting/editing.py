"""Every change the chair makes to an open conference, with undo and redo of any change.

No UI here: the screens call these and redraw; tests call them directly. The ``Editor`` is the
open record's :class:`~ctxtui.meeting.history.History` (the one path every change takes, undo
and redo) with its changes grouped by what they change: ``points`` (the headings),
``rows`` (attendees, plan rows, referrals, distribution), ``scores`` (the scaling) and, on the
editor itself, the record as a whole (single fields, the agenda, privacy answers, finalise and
amend). A change that cannot be made raises :class:`~ctxtui.core.rules.Refused` (final minutes,
a read-only copy, a bad value) with one sentence for the chair; nothing is changed then.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from ctxtui.core.dates import DEFAULT_NATION
from ctxtui.core.due import date_or_none, review_after_move
from ctxtui.core.labels import CLOSURE_OUTCOME_LABELS, FIELD_LABELS, SECTION_TITLES, TARGET_KEYS
from ctxtui.core.record import (
    CLOSURE_OUTCOMES,
    MAX_PRIORITIES,
    MAX_PRIORITY_TEXT,
    MAX_TEXT,
    Amendment,
    Circulation,
    Closure,
    Conference,
    Contribution,
    SkippedCheck,
    UnfiledLine,
    ValidationError,
)
from ctxtui.core.rules import BadValue, Refused, check_length, clean_point
from ctxtui.core.validation import conference_from_dict
from ctxtui.meeting.history import History, existing
from ctxtui.meeting.point_edits import PointEdits
from ctxtui.meeting.row_edits import RowEdits
from ctxtui.meeting.safeguard_edits import SafeguardEdits
from ctxtui.meeting.score_edits import ScoreEdits

if TYPE_CHECKING:  # loaded when a name is first taken out
    from ctxtui.core.mentions import Finder

# what a redaction never changes: which record it is, and its state (it amends final minutes)
_KEPT_BY_REDACTION = frozenset(
    {"id", "kind", "previous_id", "status", "finalised_at", "amendments", "redactions"}
)


class Editor(History):
    """The open record, its history, and every change that can be made to it."""

    def __init__(
        self,
        conference: Conference,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        read_only: bool = False,
        nation: str = DEFAULT_NATION,
    ) -> None:
        super().__init__(conference, now, read_only, nation)
        self.user = ""  # who answers the privacy guard here (the meeting says)
        # told of each answer to the privacy guard (the meeting logs it): what, how many
        self.on_answer: Callable[[str, int], None] = lambda what, count: None
        self.points = PointEdits(self)
        self.rows = RowEdits(self)
        self.scores = ScoreEdits(self)
        self.safeguards = SafeguardEdits(self)

    # -- kept beside the minutes, never undone: mail that went out, a line not yet filed

    def record_circulation(self, at: str, to: list[str]) -> None:
        """Record that the minutes went to ``to`` at ``at`` (final minutes too: sending them is
        not a change to them). Not undoable: the mail has gone."""
        self.check_writable()
        self.conference.circulated.append(Circulation(at=at, to=list(to)))
        self.version += 1

    def record_invitation(self, at: str, to: list[str]) -> None:
        """Record that the invitation went to ``to`` at ``at``; each attendee who got it and is
        not yet marked otherwise is "invited" until the meeting marks them. Not undoable: the
        mail has gone."""
        self.check()
        self.conference.invited.append(Circulation(at=at, to=list(to)))
        got = set(to)
        for attendee in self.conference.attendees:
            if attendee.email in got and attendee.attendance == "present":
                attendee.attendance = "invited"
        self.version += 1

    def keep_unfiled(self, target: str, text: str) -> None:
        """Keep a line typed but not filed, to give back on the next open (not undoable: it
        is not part of the minutes)."""
        self.check_writable()
        if target not in TARGET_KEYS:
            raise Refused(f"There is no heading called {target!r}.")
        self.conference.unfiled = UnfiledLine(target, clean_point(text)[:MAX_TEXT])
        self.version += 1

    def take_unfiled(self) -> UnfiledLine | None:
        """The line kept by the last run, if any, now taken out of the record."""
        line = self.conference.unfiled
        if not line.text or self.read_only:
            return None
        self.conference.unfiled = UnfiledLine()
        self.version += 1
        return line

    # -- finalise and amend (not undoable: each is a decision, recorded with its time)

    def finalise(self) -> None:
        """Mark the minutes final and read-only, and close any amendment."""
        self.check_writable()
        if self.final:
            return
        held = date_or_none(self.conference.dates.conference)
        if held is not None and self.now().date() < held:
            raise Refused(
                f"The conference is on {held.isoformat()}: its minutes can be finalised from then."
            )
        stamp = self.now().replace(microsecond=0).isoformat()
        amendment = self.open_amendment()
        if amendment is not None:
            amendment.finalised = stamp
        self.conference.status = "final"
        self.conference.finalised_at = stamp
        self.forget()
        self.version += 1

    def amend(self, reason: str) -> Amendment:
        """Reopen final minutes for a recorded change; ``reason`` says what and why."""
        self.check_writable()
        if not self.final:
            raise Refused("Only final minutes are amended; these are still a draft.")
        reason = clean_point(reason)
        if not reason:
            raise BadValue("Say what is being amended and why.")
        amendment = Amendment(started=self.now().replace(microsecond=0).isoformat(), reason=reason)
        self.conference.amendments.append(amendment)
        self.conference.status = "draft"
        self.forget()
        self.version += 1
        return amendment

    # -- closing the context, and taking a name out

    def close_context(
        self, outcome: str, reason: str = "", agreed_by: list[str] | None = None, on: str = ""
    ) -> None:
        """Record the decision to close the context at this conference (undoable; on final
        minutes, amend them first). ``on`` is the day agreed (the conference's by default)."""
        self.check()
        if outcome not in CLOSURE_OUTCOMES:
            raise BadValue(f"Choose an outcome: {', '.join(CLOSURE_OUTCOMES)}.")
        reason = check_length(clean_point(reason), "The reason")
        if outcome == "other" and not reason:
            raise BadValue("Say why the context is closed when the outcome is 'other'.")
        day = on.strip() or self.conference.dates.conference or self.now().date().isoformat()
        agreed = date_or_none(day)
        if agreed is None:
            raise BadValue("Give the day the closure was agreed as YYYY-MM-DD.")
        held = date_or_none(self.conference.dates.conference)
        if held is not None and agreed < held:
            raise BadValue(
                f"A closure cannot be agreed ({day}) before the conference it is recorded at "
                f"({held.isoformat()})."
            )
        if agreed > self.now().date():
            raise BadValue(f"A closure cannot be dated after today ({day}).")
        people = list(dict.fromkeys(clean_point(p) for p in agreed_by or [] if clean_point(p)))
        self.before_change("Context closed")
        self.conference.closure = Closure(outcome, reason, people, day)
        self.changed(f"Closed: {CLOSURE_OUTCOME_LABELS[outcome]}")

    def reopen_context(self, reason: str) -> None:
        """Take back a closure: final minutes are amended for it (with ``reason``); a draft's
        closure is simply taken away (undoable)."""
        if not self.conference.closure.outcome:
            raise Refused("The context is not closed at this conference.")
        reason = clean_point(reason)
        if not reason:
            raise BadValue("Say why the context is reopened.")
        if self.final:
            self.amend(f"Context reopened: {reason}")
        self.before_change("Context reopened")
        self.conference.closure = Closure()
        self.changed(f"Reopened: {reason}")

    def redact(self, finder: Finder, replacement: str, reason: str, only: str | None = None) -> int:
        """Replace every mention ``finder`` finds (in every free-text field, or the field
        ``only``) with ``replacement``; how many. Final minutes are amended with ``reason``
        and finalised again: they stay final, with the amendment saying what was done."""
        self.check_writable()
        reason, _n = finder.replace(clean_point(reason), clean_point(replacement))
        if not reason:
            raise BadValue("Say why the text is being taken out (it goes in the amendment).")
        replacement = clean_point(replacement)
        from ctxtui.core.mentions import free_text, replace_in

        which = free_text if only is None else (lambda path: path == only and free_text(path))
        new, count = replace_in(self.conference.to_dict(), finder, replacement, which)
        at = self.now().replace(microsecond=0).isoformat()
        mark = finder.mark(os.urandom(16), at, replacement)
        if not count:
            if not self.final:  # kept all the same: a copy restored later may hold the text
                self.before_change("Redaction")
                self.conference.redactions.append(mark)
                self.changed("Redaction noted")
            return 0
        try:
            redacted = conference_from_dict(new)
        except ValidationError as error:
            raise BadValue(f"The replacement cannot be stored ({error.problem}).") from None
        was_final = self.final
        if was_final:
            self.amend(f"Redaction: {reason}")
        else:
            self.before_change("Redaction")
        for field in dataclasses.fields(redacted):
            if field.name not in _KEPT_BY_REDACTION:
                setattr(self.conference, field.name, getattr(redacted, field.name))
        # the amendments as they were (redacted), and the one just opened after them
        self.conference.amendments[: len(redacted.amendments)] = redacted.amendments
        self.conference.redactions.append(mark)
        self.changed(f"Redacted {count} mention(s)")
        if was_final:
            self.finalise()
        return count

    def rename_context(self, name: str, new_id: str, reason: str) -> None:
        """Give the context a new name and the record the id made from it (``new_id``).
        Final minutes are amended with ``reason`` and finalised again, so they stay final;
        the old name is taken out of the reason, which is kept in the amendment."""
        self.check_writable()
        name = check_length(clean_point(name), FIELD_LABELS["context.name"])
        if not name:
            raise BadValue("Give the new name of the place or group.")
        reason = clean_point(reason)
        old = self.conference.context.name
        if old.strip():
            from ctxtui.core.mentions import Finder

            reason, _n = Finder.of(old).replace(reason, name)
        if not reason:
            raise BadValue("Say why the context is renamed (it goes in the amendment).")
        was_final = self.final
        if was_final:
            self.amend(f"Context renamed: {reason}")
        else:
            self.before_change("Context renamed")
        self.conference.context.name = name
        self.conference.id = new_id
        self.changed("Context renamed")
        if was_final:
            self.finalise()

    # -- privacy

    def dismiss_flags(self, keys: list[str]) -> None:
        """Remember that the chair has looked at these findings (``category:text``), as
        they stand in the record's texts now (see guard/confirmations.py)."""
        from ctxtui.guard.confirmations import DISMISSED, standing

        holding = standing(self.conference, DISMISSED)
        new = [key for key in dict.fromkeys(keys) if key not in holding]
        if not new:
            return
        self.before_change("Privacy flag dismissed")
        self._confirm(DISMISSED, new)
        self.conference.dismissed_flags.extend(
            key for key in new if key not in self.conference.dismissed_flags
        )
        self.changed("Privacy flag dismissed")
        self.on_answer("flag(s) dismissed", len(new))

    def answer_names(self, words: list[str], *, is_name: bool) -> None:
        """The chair's answer to the names check for these words (one undo step). A name is
        flagged wherever it stands from now on; a word that is not a name is not asked about
        again in this conference while the texts that hold it stay as they are."""
        from ctxtui.guard.confirmations import NOT_NAME, standing

        check = self.conference.names_check
        if is_name:
            new = [word for word in dict.fromkeys(words) if word not in check.names]
        else:
            holding = standing(self.conference, NOT_NAME)
            new = [word for word in dict.fromkeys(words) if word not in holding]
        if not new:
            return
        what = "Marked as a name" if is_name else "Marked as not a name"
        self.before_change(what)
        into, other = (check.names, check.not_names) if is_name else (check.not_names, check.names)
        into.extend(word for word in new if word not in into)
        other[:] = [word for word in other if word not in new]
        if not is_name:
            self._confirm(NOT_NAME, new)
        self.changed(what)
        self.on_answer("word(s) marked as a name" if is_name else "word(s) not a name", len(new))

    def _confirm(self, answer: str, keys: list[str]) -> None:
        """Keep who answered, when, and on what text (the answer before it, if any, goes)."""
        from ctxtui.guard.confirmations import confirmation

        at = self.now().replace(microsecond=0).isoformat()
        given = set(keys)
        kept = [
            c
            for c in self.conference.confirmations
            if (c.answer, c.key) not in {(answer, key) for key in given}
        ]
        kept += [confirmation(self.conference, answer, key, at, self.user) for key in keys]
        self.conference.confirmations[:] = kept

    def record_skipped_check(self, at: str, by: str) -> None:
        """Minutes left without the names check (``by``: how). Not undoable: they have gone."""
        self.check_writable()
        self.conference.names_check.skipped.append(SkippedCheck(at=at, by=by))
        self.version += 1

    # -- single fields (details, danger statement, the scaling question)

    def value(self, path: str) -> str:
        """The value of a field named as in ``FIELD_LABELS`` (``dates.review``)."""
        owner, name = self._owner(path)
        return str(getattr(owner, name))

    def set_field(self, path: str, value: str) -> None:
        """Set one field; keystrokes into the same field are one undo step."""
        owner, name = self._owner(path)
        check_length(value, FIELD_LABELS[path])
        if getattr(owner, name) == value:
            return
        what = f"{FIELD_LABELS[path]} changed"
        self.before_change(what, ("field", path))
        if path == "dates.conference":
            d = self.conference.dates
            d.review = review_after_move(d.conference, value, d.review, self.nation)
        setattr(owner, name, value)
        self.changed(what)

    def set_involvement(self, text: str) -> None:
        """Current professional involvement, one point a line (typing is one undo step)."""
        lines = [point for point in (clean_point(line) for line in text.splitlines()) if point]
        for line in lines:
            check_length(line)
        if lines != self.conference.discussion.involvement:
            what = f"{SECTION_TITLES['involvement']} changed"
            self.before_change(what, ("field", "discussion.involvement"))
            self.conference.discussion.involvement = lines
            self.changed(what)

    def set_priorities(self, texts: list[str]) -> None:
        """The priority issues, most important first (blank ones dropped; typing into them is
        one undo step)."""
        priorities = [p for p in (clean_point(text) for text in texts) if p]
        if len(priorities) > MAX_PRIORITIES:
            raise BadValue(f"At most {MAX_PRIORITIES} priorities: keep the room on a few.")
        for priority in priorities:
            if len(priority) > MAX_PRIORITY_TEXT:
                raise BadValue(
                    f"A priority is one short line: at most {MAX_PRIORITY_TEXT} characters."
                )
        if priorities != self.conference.priorities:
            what = f"{SECTION_TITLES['priorities']} changed"
            self.before_change(what, ("field", "priorities"))
            self.conference.priorities = priorities
            self.changed(what)

    def add_contribution(self, contribution: Contribution) -> int:
        """Keep a written contribution (read by ``contributions.read_contribution``)."""
        what = f"Written contribution from {contribution.agency or 'an agency'} added"
        self.before_change(what)
        self.conference.contributions.append(contribution)
        self.changed(what)
        return len(self.conference.contributions) - 1

    def delete_contribution(self, index: int) -> Contribution:
        existing(self.conference.contributions, index, "written contribution")
        what = f"Written contribution {index + 1} removed"
        self.before_change(what)
        removed = self.conference.contributions.pop(index)
        self.changed(what)
        return removed

    def _owner(self, path: str) -> tuple[object, str]:
        if path not in FIELD_LABELS:
            raise KeyError(path)
        *parents, name = path.split(".")
        owner: object = self.conference
        for parent in parents:
            owner = getattr(owner, parent)
        return owner, name

    # -- agenda

    def next_agenda_item(self) -> int:
        """Start the next agenda item (the first one if the meeting has not started)."""
        agenda = self.conference.agenda
        if agenda.current + 1 >= len(agenda.items):
            return agenda.current
        return self.start_agenda_item(agenda.current + 1)

    def start_agenda_item(self, index: int) -> int:
        agenda = self.conference.agenda
        existing(agenda.items, index, "agenda item")
        item = agenda.items[index]
        self.before_change(f"Agenda item {index + 1} started")
        agenda.current = index
        if not item.started:
            item.started = self.now().replace(microsecond=0).isoformat()
        self.changed("Agenda item started")
        return index
