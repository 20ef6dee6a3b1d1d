"""Between meetings: each agency's own actions with the minutes, progress asked for before
the review, the agencies' updates matched to their rows, the review walking the rows carried
forward, and every conference's rows still to do. No UI.

``Between`` is the layer of a Meeting over ``MinutesOut``; ``open_actions`` serves
``Conferences`` (the rows of every conference, from the plan rows' index).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ctxtui.core import progress
from ctxtui.core.due import STILL_TO_DO, date_or_none
from ctxtui.core.record import ProgressAsked, ProgressUpdate
from ctxtui.core.rules import Refused, clean_point
from ctxtui.meeting.guarding import flag_sentence
from ctxtui.meeting.minutes_out import MinutesOut
from ctxtui.meeting.progress_edits import ProgressEdits

if TYPE_CHECKING:
    from ctxtui.mail.agency_actions import Request
    from ctxtui.mail.circulate import SendError, Sent, SmtpSettings
    from ctxtui.storage.plan_index import Plans


@dataclasses.dataclass
class AskPlan:
    """Who is asked for progress on which day, and by when the updates are wanted."""

    review: dt.date
    ask_on: dt.date
    reply_by: dt.date
    requests: list[Request]  # to ask now (or on ``ask_on``)
    asked_before: list[Request]  # already asked: never asked twice
    nobody: list[str]  # agencies with rows still to do and nobody to ask

    def too_early(self, today: dt.date) -> bool:
        return today < self.ask_on


@dataclasses.dataclass(frozen=True)
class AttachedUpdate:
    update: ProgressUpdate
    rows: list[int]  # the plan rows it speaks of, from 1, in the plan it answers
    whole: bool  # no row numbers in it: shown beside each of the agency's rows
    flagged: int  # sentences the guard flags


class Between(MinutesOut):
    """An open conference with what happens between it and its review."""

    @property
    def progress_edits(self) -> ProgressEdits:
        return ProgressEdits(self.editor)

    # -- each agency's own actions, with the minutes

    def unreached_agencies(self) -> list[str]:
        """Agencies with plan rows still to do that nobody the minutes go to is from."""
        from ctxtui.mail.circulate import recipients

        return progress.unreached(self.conference, recipients(self.conference))

    # -- progress asked for before the review

    def ask_plan(self, today: dt.date, days: int = progress.REMIND_DAYS) -> AskPlan:
        """Which agencies to ask for progress, ``days`` working days before the review;
        Refused says why none can be (no review date, the review has passed, no rows, someone
        to ask with no sharing basis: the request lists their agency's plan rows)."""
        from ctxtui.mail.agency_actions import Request
        from ctxtui.mail.circulate import SendError, checked_recipients

        review = date_or_none(self.conference.dates.review)
        if review is None:
            raise Refused(f"{self.conference.id} has no review date: set it first")
        if review <= today:
            raise Refused(f"the review date ({review.isoformat()}) is not after today")
        if not any(progress.to_do(a) for a in self.conference.actions):
            raise Refused("the plan has no rows still to do: there is nothing to ask about")
        try:
            people = checked_recipients(
                self.conference,
                "nobody to ask: fill in the distribution list (Ctrl+O c) or attendees' emails",
            )
        except SendError as error:
            raise Refused(str(error)) from None
        ask: list[Request] = []
        before: list[Request] = []
        for agency, members in progress.groups(people):
            rows = progress.rows_of(self.conference, agency) if agency else []
            if not rows:
                continue
            asked = progress.asked_for(self.conference, agency)
            request = Request(agency, rows, members, asked.at[:10] if asked else "")
            (before if asked else ask).append(request)
        try:
            self.check_sharing([p for r in ask for p in r.people], "the request for progress")
        except SendError as error:
            raise Refused(str(error)) from None
        return AskPlan(
            review,
            progress.ask_on(review, self.nation, days),
            progress.reply_by(review, today, self.nation),
            ask,
            before,
            progress.unreached(self.conference, people),
        )

    def ask_for_progress(
        self, settings: SmtpSettings, plan: AskPlan
    ) -> list[tuple[Request, Sent | SendError]]:
        """Mail each agency of ``plan`` its request (safe in a worker thread)."""
        from ctxtui.mail.agency_actions import ask

        return ask(self.snapshot(), settings, plan.requests, plan.review, plan.reply_by)

    def record_asked(self, request: Request, sent: Sent, at: str, plan: AskPlan) -> None:
        """Keep who was asked, when, about which rows and by when (not undoable: the mail
        has gone); in the audit log, who got it."""
        self.progress_edits.record_asked(
            ProgressAsked(
                at=at,
                agency=clean_point(request.agency),
                to=list(sent.accepted),
                rows=[str(index + 1) for index in request.rows],
                reply_by=plan.reply_by.isoformat(),
            )
        )
        self.store.audit.record("remind", self.conference.id, ", ".join(sent.accepted))

    # -- an agency's update, attached

    def attach_progress(self, path: Path, agency: str, author: str = "") -> AttachedUpdate:
        """Read an agency's update (text, Markdown or DOCX, as a written contribution is)
        and keep it, matched to the rows it answers; ContributionError or Refused say why
        not."""
        from ctxtui.core.sentences import sentences
        from ctxtui.meeting.contributions import read_contribution

        agency = clean_point(agency)
        if not agency:
            raise Refused("an update needs the agency it comes from (--agency)")
        self.editor.check_writable()
        update = ProgressUpdate(
            agency=agency,
            author=clean_point(author),
            received=self.now().replace(microsecond=0).isoformat(),
            source=clean_point(path.name),
            answers=self._answered_by(agency),
            text=read_contribution(path),
        )
        self._check_update_fits(update)
        asked_from = self._plan_answered(update.answers)
        matched = progress.matched_rows(asked_from, update) if asked_from else {}
        self.progress_edits.keep_update(update)
        self.store.audit.record("attach", self.conference.id, f"progress {update.source}")
        flagged = sum(1 for s in sentences(update.text) if self.open_hits(s))
        whole = any(said.whole for said in matched.values())
        return AttachedUpdate(update, sorted(r + 1 for r in matched), whole, flagged)

    def _answered_by(self, agency: str) -> str:
        """The conference whose rows an update answers: this one if it asked the agency (or
        has nothing before it), else the one it reviews."""
        c = self.conference
        if progress.asked_for(c, agency) is not None or not c.previous_id:
            return c.id
        return c.previous_id

    def _plan_answered(self, conference_id: str) -> Any:
        if conference_id == self.conference.id:
            return self.conference
        previous, _problem = self.previous()
        return previous

    def _check_update_fits(self, update: ProgressUpdate) -> None:
        from ctxtui.storage.conffile import encode_document
        from ctxtui.storage.files import describe, fits

        record = self.conference.to_dict()
        record["progress_updates"].append(dataclasses.asdict(update))
        try:
            fits(encode_document(record))
        except OSError as error:
            raise Refused(
                f"{update.source} was not added: with it the record {describe(error)}."
            ) from None

    # -- the review: the rows carried forward, with the updates beside them

    def progress_walk(self) -> list[progress.RowWalk]:
        """The rows carried forward from the conference reviewed, in plan order, each with
        what the updates say of it ([] when this is not a review, or it cannot be read)."""
        previous, _problem = self.previous()
        if previous is None:
            return []
        return progress.walk(previous, self.conference)

    def update_flag(self, text: str) -> str | None:
        """The sentence the chair reads when the guard flags words of an update, before they
        are pulled into the plan; None when nothing is flagged."""
        hits = self.open_hits(text)
        return flag_sentence(hits, None) if hits else None

    def set_row_status(self, index: int, status: str) -> bool:
        """A plan row's status (undoable); False when it already was."""
        return self.progress_edits.set_status(index, status)

    def set_row_progress(self, index: int, text: str) -> bool:
        """A plan row's progress note (undoable); False when it already said that."""
        return self.progress_edits.set_progress(index, text)


# -- every conference's rows still to do


class ActionLine(NamedTuple):
    """One row still to do, of the last conference of a chain that is not closed (a named
    tuple: 10,000 conferences hold some 50,000 of them)."""

    conference: str
    context: str
    row: int  # in that conference's plan, from 1
    intervention: str
    agency: str
    due: str
    status: str
    progress: str
    timescale: str
    overdue: bool

    def to_json(self) -> dict[str, Any]:
        return self._asdict()


def open_actions(
    plans: Plans, today: dt.date, agency: str = "", overdue_only: bool = False
) -> list[ActionLine]:
    """The rows still to do of every chain's last conference (a conference that has a review
    has handed its rows on; a closed context's rows are followed up no more), soonest due
    first (rows with no due date last); of ``agency`` (its name within the row's, case and
    punctuation aside) and only the overdue ones when asked. The index has them ready,
    grouped by agency: only the rows of the groups asked for are made."""
    from ctxtui.storage.plan_index import SHOWN_CELLS

    today_text = today.isoformat()  # ISO days compare as text, in the order of the days
    wanted = progress.fold(agency)
    out: list[ActionLine] = []
    rows = zip(*[iter(plans.cells(wanted))] * SHOWN_CELLS, strict=True)  # a row at a time
    collecting = gc.isenabled()
    # 50,000 new tuples of text would start the cyclic collector dozens of times (a quarter
    # of the time here) to find nothing: text holds no cycle
    gc.disable()
    try:
        _collect(out, rows, wanted, today_text, overdue_only)
    finally:
        if collecting:
            gc.enable()
    out.sort(key=_soonest)  # each group is in this order already: a merge, and a check
    return out


def _collect(
    out: list[ActionLine],
    rows: Iterable[tuple[str, ...]],
    wanted: str,
    today_text: str,
    overdue_only: bool,
) -> None:
    fold = progress.fold  # remembers: a service has few agencies and 50,000 rows name them
    make = tuple.__new__  # a named tuple's own __new__ is Python, run 50,000 times here
    for conference, context, number, intervention, named, due, status, note, timescale in rows:
        if wanted and wanted not in fold(named):  # the index's groups are only a cache
            continue
        late = bool(due) and due < today_text and _is_day(due) and status in STILL_TO_DO
        if overdue_only and not late:
            continue
        row = int(number) if number.isdecimal() and len(number) < 6 else 0  # as row_number
        line = (conference, context, row, intervention, named, due, status, note, timescale, late)
        out.append(make(ActionLine, line))


def _is_day(text: str) -> bool:
    return date_or_none(text) is not None


def _soonest(line: ActionLine) -> tuple[str, str, str, int]:
    """Soonest due first, rows with no due date last; then by context, conference, row."""
    return (line.due or "9999-99-99", line.context, line.conference, line.row)
