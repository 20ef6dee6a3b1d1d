"""The service's duties across conferences: a context's chain and story, its closure summary,
finding and taking out a name, retention, and the service report. ``Conferences``
(meeting.py) is how the screens and the command line reach them; no UI.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ctxtui.core.ids import slugify
from ctxtui.core.mentions import Finder, free_text, strings
from ctxtui.core.record import Conference
from ctxtui.core.report import ServiceReport, ids_for_report, service_report
from ctxtui.core.retention import PastRetention, past_retention
from ctxtui.core.rules import Refused, clean_point
from ctxtui.core.story import Facts, Story, chain_ids, facts_of_record
from ctxtui.meeting.open_record import OpenRecord
from ctxtui.storage import config
from ctxtui.storage.audit import HANDED_OUT, Event, describe_event
from ctxtui.storage.conffile import StoreError
from ctxtui.storage.listing import Problem, Summary, list_from_files
from ctxtui.storage.search import Found, redact_copies, search
from ctxtui.storage.store import Store

MAX_CHAIN = 200  # conferences followed back: a loop of previous_ids stops here


def chain_of(store: Store, conference_id: str) -> list[str]:
    """The ids of the chain ``conference_id`` belongs to, in the order held."""
    summaries = store.list().summaries
    links = {s.id: s.previous_id for s in summaries}
    if conference_id not in links:
        store.load(conference_id)  # a clear StoreError for an id that is not there
        return [conference_id]
    return chain_ids(conference_id, links, {s.id: s.conference for s in summaries})


def load_story(store: Store, conference_id: str, live: Facts | None = None) -> Story:
    """The story of the chain ``conference_id`` belongs to; ``live`` stands for the stored
    copy of the conference open now (its unsaved changes count)."""
    facts = []
    for cid in chain_of(store, conference_id):
        if live is not None and cid == live.id:
            facts.append(live)
            continue
        try:
            facts.append(facts_of_record(store.raw(cid)))
        except StoreError:
            continue  # an unreadable member: the listing names it
    return Story(tuple(facts))


def story_so_far(store: Store, conference: Conference) -> Story | None:
    """The chain up to and including ``conference`` (as it is now, unsaved changes too),
    back along ``previous_id``: what its minutes tell of the context's story. None for a
    first conference."""
    if not conference.previous_id:
        return None
    facts = [facts_of_record(conference.to_dict())]
    seen = {conference.id}
    previous: str | None = conference.previous_id
    while previous and previous not in seen and len(seen) < MAX_CHAIN:
        seen.add(previous)
        try:
            earlier = facts_of_record(store.raw(previous))
        except StoreError:
            break  # the minutes say the previous conference is not available
        facts.append(earlier)
        previous = earlier.previous_id
    return Story(tuple(reversed(facts)))


def closure_summary_files(
    store: Store, conference_id: str, formats: tuple[str, ...]
) -> list[tuple[str, bytes]]:
    """The closure summary of the chain ``conference_id`` is in, in each of ``formats`` (md,
    docx): a file name and its bytes each, from one reading of the chain."""
    from ctxtui.export import markdown_docx
    from ctxtui.export.story import closure_summary

    story = load_story(store, conference_id)
    text = closure_summary(story)
    last = story.conferences[-1]
    stem = f"{last.held or 'undated'}-{slugify(last.context) or 'context'}-closure-summary"
    files = []
    for fmt in formats:
        name = f"{stem}.{fmt}"
        if fmt == "md":
            files.append((name, text.encode("utf-8")))
            continue
        files.append((name, markdown_docx(text, f"Closure summary: {last.context}", story)))
    return files


def log_written(store: Store, conference_ids: list[str], what: str, where: object) -> None:
    """One export line for each conference whose text a file written holds (the recall list
    after a redaction reads them), with the file's real path; "" for the service's figures."""
    for cid in conference_ids or [""]:
        store.audit.record("export", cid, f"{what} {where}")


def service_report_of(
    store: Store, start: dt.date, end: dt.date, nation: str
) -> tuple[ServiceReport, list[Problem]]:
    """The service report for ``start`` to ``end`` from every stored record, and every file
    it could not read (the figures leave those out, so they are named)."""
    listing = store.list()
    needed = ids_for_report(listing.summaries, start, end)
    unread = list(listing.problems)
    facts = [facts_of_record(record) for record in store.raw_records(needed, unread)]
    store.audit.record("report", "", f"{start.isoformat()} to {end.isoformat()}")
    return service_report(facts, start, end, nation), unread


def report_file_name(report: ServiceReport, fmt: str) -> str:
    return f"service-report-{report.start.isoformat()}-to-{report.end.isoformat()}.{fmt}"


def report_bytes(report: ServiceReport, fmt: str) -> bytes:
    """The report as Markdown, DOCX or CSV."""
    from ctxtui.export import markdown_docx
    from ctxtui.export.story import report_csv_rows, report_markdown

    if fmt == "csv":
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(report_csv_rows(report))
        return out.getvalue().encode("utf-8-sig")  # with a BOM: spreadsheets read it as UTF-8
    text = report_markdown(report)
    title = f"Service report: {report.start.isoformat()} to {report.end.isoformat()}"
    return text.encode("utf-8") if fmt == "md" else markdown_docx(text, title)


def find_mentions(store: Store, text: str, chain_of_id: str | None = None) -> Found:
    """Every mention of ``text`` in the data folder (or in one chain): records and copies,
    and every file that could not be read."""
    ids = chain_of(store, chain_of_id) if chain_of_id else None
    try:
        found = search(store.root, text, ids)
    except ValueError as error:  # nothing to look for
        raise Refused(str(error)) from None
    # never the words looked for
    store.audit.record("search", "", f"{len(found.mentions)} place(s), {len(found.unread)} unread")
    return found


@dataclass
class Redaction:
    """What a redaction did across a chain, and what had already left before it."""

    replaced: dict[str, int] = field(default_factory=dict)  # by conference: record + copies
    refused: dict[str, str] = field(default_factory=dict)  # by conference: why not
    unread: list[Problem] = field(default_factory=list)  # copies that could not be redacted
    handed_out: list[Event] = field(default_factory=list)  # exports and sends made before
    # why the audit log could not be read whole: what was handed out may be missing above
    audit_unread: str | None = None

    @property
    def total(self) -> int:
        return sum(self.replaced.values())

    @property
    def complete(self) -> bool:
        return not self.refused and not self.unread

    def recall_lines(self) -> list[str]:
        """One line an export or send made before the redaction (when, who, where to)."""
        return [describe_event(e) for e in self.handed_out]


def check_field(store: Store, ids: list[str], only: str) -> None:
    """Refuse a ``--field`` that is not a free-text field of one of these conferences."""
    if free_text(only) and only:
        for cid in ids:
            try:
                record = store.raw(cid)
            except StoreError:
                continue
            if any(path == only for path, _text in strings(record)):
                return
    raise Refused(
        f"{only!r} is not a free-text field of this conference: give the path of one, such as "
        "danger_statement, points.concerns[0], actions[1].worry or attendees[2].name (ids, "
        "dates and choices are never redacted)."
    )


def redact(
    store: Store,
    ids: list[str],
    text: str,
    replacement: str,
    reason: str,
    *,
    only: str | None = None,
    now: dt.datetime | None = None,
) -> Redaction:
    """Take ``text`` out of each conference in ``ids`` (the record as an amendment, and every
    copy beside it). A conference open in another window is refused, not half done."""
    try:
        finder = Finder.of(text)
    except ValueError as error:
        raise Refused(str(error)) from None
    if only is not None:
        check_field(store, ids, only)
    replacement = clean_point(replacement)  # the record's rule, in every copy alike
    result = Redaction()
    for cid in ids:
        meeting = OpenRecord(store, cid, (lambda: now) if now else dt.datetime.now)
        try:
            if meeting.read_only:
                result.refused[cid] = meeting.editor.refusal() or "it is read-only here"
                continue
            try:
                count = meeting.editor.redact(finder, replacement, reason, only)
            except Refused as error:
                result.refused[cid] = str(error)
                continue
            if count and not meeting.flush():
                result.refused[cid] = f"not saved: {meeting.autosaver.error}"
                continue
        finally:
            meeting.close()
        copies, unread = redact_copies(store.root, cid, finder, replacement, only)
        result.unread += unread
        store.audit.record(
            "redact", cid, f"{count} in the record, {copies} in copies, {len(unread)} unread"
        )
        result.replaced[cid] = count + copies
    store.refresh_indexes()  # the indexes hold summaries and rows: made again from the records
    wanted = set(ids)
    result.handed_out = [
        e for e in store.audit.events() if e.action in HANDED_OUT and e.id in wanted
    ]
    result.audit_unread = store.audit.read_problem
    return result


@dataclass
class RetentionDue:
    """The chains past retention, decided from the records themselves (never the index), the
    records they were read from, and every record that could not be read."""

    chains: list[PastRetention]
    read: dict[str, Summary]  # by id: what each record's own file says
    unread: list[Problem]
    path_for: Callable[[str], Path]  # the store's: where a conference's record is
    # by id: where the service keeps the meeting's recording, to delete with the minutes
    recordings: dict[str, str] = field(default_factory=dict)

    def source(self, conference_id: str) -> str:
        """The dates of one conference and the file they were read from."""
        member = self.read[conference_id]
        closed = f", closed {member.closed}" if member.closed else ""
        path = self.path_for(conference_id)
        return f"held {member.conference or 'undated'}{closed} (read from {path})"


def retention_due(store: Store, today: dt.date) -> RetentionDue:
    """Every chain past the configured retention on ``today``, from the records' own files."""
    listing = list_from_files(store.folder)
    chains = past_retention(listing.summaries, config.retention(), today)
    return RetentionDue(
        chains,
        {s.id: s for s in listing.summaries},
        listing.problems,
        store.path_for,
        _recordings(store, [cid for chain in chains for cid in chain.ids]),
    )


def _recordings(store: Store, ids: list[str]) -> dict[str, str]:
    """The recording each of these conferences was audio recorded to, by id (the reference
    the chair gave, or a sentence saying it was recorded with none given)."""
    found: dict[str, str] = {}
    for cid in ids:
        try:
            recording = store.load(cid).recording
        except StoreError:
            continue  # its file was read for the listing a moment ago; named there if not
        if recording.started:
            found[cid] = recording.reference or "recorded, but where it is kept was not noted"
    return found


@dataclass
class Deleted:
    chains: int = 0  # chains deleted whole
    files: int = 0  # every file removed: records, copies, locks
    refused: dict[str, str] = field(default_factory=dict)  # by conference: why not


def delete_chains(store: Store, due: RetentionDue) -> Deleted:
    """Delete each chain past retention with every copy of it. Nothing is deleted while any
    record cannot be read: it could belong to one of these chains and hold a later date."""
    done = Deleted()
    if due.unread:
        for problem in due.unread:
            done.refused[str(problem.path)] = "unreadable records stop every deletion"
        return done
    for chain in due.chains:
        whole = True
        for cid in chain.ids:
            try:
                done.files += store.delete(cid, "retention")
            except StoreError as error:
                done.refused[cid] = str(error)
                whole = False
        done.chains += whole
    store.audit.record("retention", "", f"{done.chains} chain(s), {done.files} file(s) deleted")
    return done
