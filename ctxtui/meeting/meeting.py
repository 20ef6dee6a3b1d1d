"""One open conference: the session and its lock, the editor with undo, autosave, the nation and
the previous conference, privacy hits, export, finalise and amend, flush and close.

No UI: the app keeps one Meeting per open conference and hands it to each screen; tests drive it
directly. Forms that hold typed but unfiled work register a *draft* here, so that a hang-up,
SIGTERM or quit files it into the record before the last save.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ctxtui.core import dates
from ctxtui.core.record import (
    CONTEXT_TYPES,
    Conference,
    Context,
    Contribution,
    Dates,
    Recipient,
    ValidationError,
)
from ctxtui.core.review import start_review
from ctxtui.core.rules import Refused, clean_point
from ctxtui.core.validation import conference_from_dict
from ctxtui.meeting.autosave import Autosaver
from ctxtui.meeting.editing import Editor
from ctxtui.storage import config
from ctxtui.storage.audit import current_user

# re-exported for the screens, which reach storage only through the meeting
from ctxtui.storage.conffile import StoreError as StoreError
from ctxtui.storage.config import ConfigError as ConfigError
from ctxtui.storage.rescue import clear_rescue, find_rescue, write_rescue
from ctxtui.storage.store import Store, file_stamp

if TYPE_CHECKING:  # export, mail and privacy code load when first needed, not at start-up
    from ctxtui.core.report import ServiceReport
    from ctxtui.core.story import Story
    from ctxtui.export import Written
    from ctxtui.guard.privacy import Finding, Hit
    from ctxtui.mail.circulate import Sent, SmtpSettings
    from ctxtui.meeting import service
    from ctxtui.storage.listing import Listing, Problem
    from ctxtui.storage.listing import Summary as Summary
    from ctxtui.storage.search import Found

# A draft files what one open form holds into the record; it returns nothing and may be called
# more than once (each call files the form's current content).
Draft = Callable[[], None]


def configured_nation() -> str:
    """The configured nation, or the default when the config file cannot be read (the app
    still opens; ``ctxtui list`` reports the problem)."""
    try:
        return config.nation()
    except config.ConfigError:
        return dates.DEFAULT_NATION


def describe_place(finding: Finding) -> str:
    """Where a finding stands: "danger statement", "concerns #3"."""
    if finding.section == "danger_statement":
        return "danger statement"
    return f"{finding.section.replace('_', ' ')} #{finding.index + 1}"


def describe_finding(finding: Finding) -> str:
    """One line for a privacy finding, the same in the app and from ``ctxtui check``."""
    from ctxtui.guard.privacy import DESCRIPTIONS

    return f"{describe_place(finding)}: {DESCRIPTIONS[finding.category]}: {finding.text}"


def flag_sentence(hits: list[Hit], key: str | None) -> str:
    """What the chair reads beside flagged text, naming the key that dismisses it (None: text
    not yet in the minutes, such as a written contribution's sentence)."""
    reasons = "; ".join(dict.fromkeys(hit.reason() for hit in hits))
    if key is None:
        return f"{reasons}. Reword it in the line before you file it."
    return f"{reasons}. Reword it, or {key} dismisses the flag."


def load_previous(store: Store, conference: Conference) -> tuple[Conference | None, str | None]:
    """The conference this one reviews, and a sentence when it cannot be read."""
    if not conference.previous_id:
        return None, None
    try:
        return store.load(conference.previous_id), None
    except StoreError as error:
        return None, f"Previous conference not available: {error}"


def create_review(
    store: Store,
    previous_id: str,
    held: dt.date,
    nation: str = dates.DEFAULT_NATION,
    kind: str = "review",
) -> Conference:
    """A new review (or closure) conference carried forward from ``previous_id``, stored."""
    return store.create(start_review(store.load(previous_id), held, nation, kind))


class Meeting:
    """One conference open for minuting (or read-only when another process holds it)."""

    def __init__(
        self,
        store: Store,
        conference_id: str,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        *,
        read_only: bool = False,
        nation: str | None = None,
        log_open: bool = True,
    ) -> None:
        self.store = store
        self.now = now
        self.session = store.open(conference_id, read_only=read_only, log=log_open)
        self.nation = nation or configured_nation()
        self.editor = Editor(
            self.session.conference, now, read_only=self.session.read_only, nation=self.nation
        )
        self.editor.user = current_user()
        self.editor.on_answer = self._log_answer
        if self.session.read_only:  # a read-only disk, a copy under another name…
            self.editor.read_only_why = self.session.read_only_reason
        self.autosaver = Autosaver(self.session, self.editor, now)
        self._export_folder: Path | None = None  # the last one chosen in this meeting
        self._drafts: dict[object, Draft] = {}
        self._local_words: frozenset[str] | None = None
        self.local_words_problem = ""
        self._scan_cache: dict[tuple[str, tuple[str, ...], tuple[str, ...]], list[Hit]] = {}
        self._previous: tuple[Conference | None, str | None] | None = None
        self._rescued: Path | None = None
        self._dismissed: tuple[int, frozenset[str]] | None = None
        self.restored_notice: str | None = None
        if not self.read_only:
            self._restore_rescue()

    def _restore_rescue(self) -> None:
        """The last run could not save and left a rescue copy: put back what it changed
        (undoably). If the record was saved since by someone else, only the fields changed
        in the copy are taken; every redaction the record has is made again in what is put
        back, so no copy can bring back what was taken out."""
        found = find_rescue(self.conference.id, self.store.root)
        if found is None:
            return
        path, rescued, base = found
        self._rescued = path
        saved = self.conference.to_dict()
        if rescued.to_dict() == saved:
            self._clear_rescue()
            return
        if self.editor.final and rescued.status != "final":
            return  # finalised since: leave the copy for a person to look at
        from ctxtui.core.mentions import reapply

        record, changed_since = self._unsaved_over(rescued.to_dict(), base, saved)
        record, again = reapply(record, self.conference.redactions)
        record["redactions"] = saved["redactions"]
        try:
            restored = conference_from_dict(record)
        except ValidationError:
            return  # left where it is for a person to look at
        self.editor.replace_record(restored, "Restored what could not be saved last time")
        said = "Restored the changes that could not be saved last time"
        if changed_since:
            said += f" ({changed_since})"
        if again:
            said += f"; {again} text(s) redacted since were taken out of them again"
        if self.flush():  # saved where it belongs: the copy goes, never restored twice
            self.restored_notice = f"{said}."
        else:
            self.restored_notice = f"{said} (kept in {path} until they are saved here)."

    @staticmethod
    def _unsaved_over(
        mine: dict[str, Any], base: dict[str, Any] | None, saved: dict[str, Any]
    ) -> tuple[dict[str, Any], str]:
        """What to put back: the copy whole when the record was not saved since it was made;
        otherwise only the fields the copy changed, and a few words saying which."""
        from ctxtui.core.mentions import place_of
        from ctxtui.core.merge import merge_unsaved

        if base is None or base == saved:
            return mine, ""
        merged, taken, both = merge_unsaved(base, mine, saved)
        words = "the record was saved by someone else since; only your changes were taken: "
        words += ", ".join(place_of(where) for where in taken) or "none"
        if both:
            words += "; yours replace theirs in " + ", ".join(place_of(w) for w in both)
        return merged, words + "; Ctrl+Z puts the saved version back"

    def _log_answer(self, what: str, count: int) -> None:
        """An answer to the privacy guard goes in the audit log (how many, never the words)."""
        self.store.audit.record("confirm", self.conference.id, f"{count} {what}")

    def _clear_rescue(self) -> None:
        if self._rescued is not None:
            clear_rescue(self._rescued)
            self._rescued = None

    @property
    def conference(self) -> Conference:
        return self.editor.conference

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    @property
    def audit_problem(self) -> str | None:
        """Why the last event could not go into the audit log, if it could not (its path made
        safe for a terminal)."""
        from ctxtui.storage.terminal_text import printable

        problem = self.store.audit.problem
        return printable(problem) if problem else None

    @property
    def locked(self) -> bool:
        """Nothing can change: open elsewhere, or the minutes are final."""
        return self.editor.refusal() is not None

    def read_only_notice(self) -> str | None:
        """What to tell the chair on opening, if anything stops them changing the minutes."""
        if self.read_only:
            return f"Read-only: {self.session.read_only_reason}."
        if self.editor.final:
            return "These minutes are final. Ctrl+O then m amends them."
        return None

    # -- the conference it reviews

    def previous(self) -> tuple[Conference | None, str | None]:
        """The reviewed conference (read once) and a sentence if it cannot be read."""
        if self._previous is None:
            self._previous = load_previous(self.store, self.conference)
        return self._previous

    # -- privacy

    def open_hits(self, text: str, allowed: tuple[str, ...] | None = None) -> list[Hit]:
        """Findings in one text that the chair has not dismissed (scans cached by text)."""
        if allowed is None:
            allowed = self.allowed_names()
        marked = tuple(self.conference.names_check.names)
        key = (text, allowed, marked)
        hits = self._scan_cache.get(key)
        if hits is None:
            from ctxtui.guard.privacy import (
                scan_text,  # not before the first frame: see ConferenceScreen
            )

            hits = self._scan_cache[key] = scan_text(text, allowed, marked=frozenset(marked))
        dismissed = self._standing_dismissals()
        return [hit for hit in hits if hit.key not in dismissed]

    def _standing_dismissals(self) -> frozenset[str]:
        """The dismissed flags that still hold, worked out once for each version."""
        if self._dismissed is None or self._dismissed[0] != self.editor.version:
            from ctxtui.guard.confirmations import DISMISSED, standing

            self._dismissed = (self.editor.version, standing(self.conference, DISMISSED))
        return self._dismissed[1]

    def open_hits_in(self, texts: list[str]) -> list[Hit]:
        """The open findings in several texts (one row of a table, a whole form), once each."""
        allowed = self.allowed_names()
        found = {hit.key: hit for text in texts for hit in self.open_hits(text, allowed)}
        return list(found.values())

    def allowed_names(self) -> tuple[str, ...]:
        from ctxtui.guard.privacy import attendee_names

        return tuple(attendee_names(self.conference))

    def findings(self) -> list[Finding]:
        """Every open finding in the record, in the order of the minutes."""
        from ctxtui.guard.privacy import scan

        return scan(self.conference)

    def names_to_check(self) -> list[Finding]:
        """The names check: words that could be a person's name, not flagged, not answered."""
        return self.findings_and_names()[1]

    def findings_and_names(self) -> tuple[list[Finding], list[Finding]]:
        """The open findings and the names check, in one pass over the record. A local words
        file that cannot be read is said once (``local_words_problem``)."""
        if self._local_words is None:
            from ctxtui.meeting.service import known_words

            self._local_words, self.local_words_problem = known_words(self.store)
        from ctxtui.guard.privacy import scan_with_names

        return scan_with_names(self.conference, self._local_words)

    def answer_names(self, words: list[str], answer: str) -> list[str]:
        """The chair's answer to the names check for ``words``: ``name`` (flagged wherever it
        stands, and never learned as safe by the service), ``here`` (not a name, in this
        conference), ``service`` (not a name, for every conference of the service). The words
        the service list refused, because they were confirmed as names."""
        from ctxtui.storage.words import WordsError, words_of

        words_list = self.store.service_words()
        if answer == "name":
            self.editor.answer_names(words, is_name=True)
            try:
                words_list.note_names(words_of(words))
            except WordsError as error:
                self.local_words_problem = str(error)
            return []
        if answer == "here":
            self.editor.answer_names(words, is_name=False)
            return []
        try:
            _added, refused = words_list.add(
                words_of(words), current_user(), self.now().replace(microsecond=0).isoformat()
            )
        except WordsError as error:
            raise Refused(str(error)) from None
        self._local_words = None  # read again: the list changed
        return refused

    # -- minutes

    def snapshot(self) -> Conference:
        """A copy of the record to hand to a worker thread while typing goes on."""
        return conference_from_dict(self.conference.to_dict())

    def warm_up(self) -> None:
        """Load what the minutes need the first time they are drawn (the nation's bank holidays
        behind every due date) while the chair reads the screen; safe in a worker thread."""
        held = self.conference.conference_date() or self.now().date()
        dates.is_working_day(held, self.nation)

    def markdown(self) -> str:
        from ctxtui.export.markdown import to_markdown

        previous, _problem = self.previous()
        story = self.story_so_far(self.conference)
        return to_markdown(self.conference, nation=self.nation, previous=previous, story=story)

    def story_so_far(self, conference: Conference) -> Story | None:
        """The context's story up to this conference (None for a first conference)."""
        from ctxtui.meeting import service

        return service.story_so_far(self.store, conference)

    @property
    def export_folder(self) -> Path:
        """The folder the export dialog offers: the last one chosen, else the configured
        exports folder."""
        return self._export_folder or configured_exports_folder()

    @export_folder.setter
    def export_folder(self, folder: Path) -> None:
        self._export_folder = folder

    def export(self, snapshot: Conference, fmt: str, path: Path, *, replace: bool) -> Written:
        """Write one export of ``snapshot`` (safe in a worker thread: reads no live state)."""
        from ctxtui.export import export_minutes

        previous, _problem = self.previous()
        written = export_minutes(
            snapshot,
            fmt,
            path,
            nation=self.nation,
            previous=previous,
            replace=replace,
            story=self.story_so_far(snapshot),
        )
        self.store.audit.record("export", snapshot.id, f"{fmt} {written.path}")
        return written

    # -- circulation

    def mail_plan(self) -> tuple[SmtpSettings, list[Recipient]]:
        """The relay and the recipients; SendError says why the minutes cannot go yet."""
        from ctxtui.mail.circulate import (  # smtplib, ssl: 30 ms
            SendError,
            ready_to_send,
            smtp_settings,
        )

        try:
            settings = smtp_settings(config.smtp_table())
        except config.ConfigError as error:
            raise SendError(str(error)) from None
        findings, to_check = self.findings_and_names()
        return settings, ready_to_send(self.conference, len(findings), len(to_check))

    def deliver(self, snapshot: Conference, settings: SmtpSettings, to: list[str]) -> Sent:
        """Send ``snapshot`` (safe in a worker thread: reads no live state)."""
        from ctxtui.mail.circulate import deliver

        previous, _problem = self.previous()
        story = self.story_so_far(snapshot)
        return deliver(snapshot, settings, to, nation=self.nation, previous=previous, story=story)

    def record_sent(self, sent: Sent, at: str) -> bool:
        """Record who got the minutes and save at once; False if the save failed."""
        self.editor.record_circulation(at, sent.accepted)
        self.store.audit.record("send", self.conference.id, ", ".join(sent.accepted))
        return self.autosaver.flush()

    def invite_plan(self) -> tuple[SmtpSettings, list[Recipient]]:
        """The relay and who gets the invitation; SendError says why it cannot go yet."""
        from ctxtui.mail.circulate import SendError, smtp_settings
        from ctxtui.mail.invite import ready_to_invite

        try:
            settings = smtp_settings(config.smtp_table())
        except config.ConfigError as error:
            raise SendError(str(error)) from None
        return settings, ready_to_invite(self.conference, self.now().date())

    def invitation_preview(self) -> tuple[list[Recipient], str, str]:
        """Who would be invited, the subject and the text, with no relay needed (a dry run):
        SendError says why it could not go yet."""
        from ctxtui.mail.circulate import SendError, smtp_settings
        from ctxtui.mail.invite import body, ready_to_invite, subject

        people = ready_to_invite(self.conference, self.now().date())
        sender = "(the sender set in [smtp], not set yet)"
        with contextlib.suppress(SendError, config.ConfigError):
            table = config.smtp_table()
            if table is not None:
                sender = smtp_settings(table).sender
        return people, subject(self.conference), body(self.conference, sender)

    def invite(self, snapshot: Conference, settings: SmtpSettings, to: list[str]) -> Sent:
        """Send the invitation of ``snapshot`` (safe in a worker thread)."""
        from ctxtui.mail.invite import invite

        return invite(snapshot, settings, to, self.now())

    def record_invited(self, sent: Sent, at: str) -> bool:
        """Record who got the invitation and save at once; False if the save failed."""
        self.editor.record_invitation(at, sent.accepted)
        self.store.audit.record("invite", self.conference.id, ", ".join(sent.accepted))
        return self.autosaver.flush()

    def finalise(self) -> bool:
        """Make the minutes final and save at once; False if the save failed."""
        self.editor.finalise()
        self.store.audit.record("finalise", self.conference.id)
        return self.autosaver.flush()

    def amend(self, reason: str) -> bool:
        self.editor.amend(reason)
        self.store.audit.record("amend", self.conference.id)  # the reason is minute text: not here
        return self.autosaver.flush()

    def close_context(self, outcome: str, reason: str, agreed_by: list[str], on: str) -> bool:
        """Record the closure of the context at this conference and save at once."""
        self.editor.close_context(outcome, reason, agreed_by, on)
        self.store.audit.record("close", self.conference.id, outcome)
        return self.autosaver.flush()

    def reopen_context(self, reason: str) -> bool:
        self.editor.reopen_context(reason)
        self.store.audit.record("reopen", self.conference.id)  # the reason is minute text
        return self.autosaver.flush()

    def board_command(self) -> str:
        """The command line that opens the board on this conference's data folder."""
        import shlex

        default = config.data_dir(None) == self.store.root
        folder = "" if default else f" --data-dir {shlex.quote(str(self.store.root))}"
        return f"ctxtui board {self.conference.id}{folder}"

    def known_agencies(self) -> list[str]:
        return self.store.known_agencies()

    # -- drafts, saving and closing

    def hold_draft(self, owner: object, draft: Draft) -> None:
        """An open form registers what to file if the app must stop while it is open."""
        self._drafts[owner] = draft

    def drop_draft(self, owner: object) -> None:
        self._drafts.pop(owner, None)

    def file_drafts(self) -> None:
        """File what every open form holds into the record (hang-up, SIGTERM, quit)."""
        if self.locked:
            return
        for draft in list(self._drafts.values()):
            # e.g. an over-long line: what could be filed was filed; a hang-up never crashes
            with contextlib.suppress(Refused):
                draft()

    def keep_unfiled(self, target: str, text: str) -> None:
        """Keep a line typed but not entered, as typed and not as a point: the next open gives
        it back to the capture line (nobody is there to shorten an over-long one)."""
        if text.strip() and not self.locked:
            self.editor.keep_unfiled(target, text)

    def attach(self, path: Path, agency: str = "", author: str = "") -> Contribution:
        """Read a written contribution from ``path`` (text, Markdown or DOCX) and keep it;
        raises ContributionError or Refused with one sentence."""
        from ctxtui.meeting.contributions import read_contribution

        contribution = Contribution(
            agency=clean_point(agency),
            author=clean_point(author),
            received=self.now().replace(microsecond=0).isoformat(),
            source=clean_point(path.name),
            text=read_contribution(path),
        )
        self._check_it_fits(contribution)
        self.editor.add_contribution(contribution)
        self.store.audit.record("attach", self.conference.id, contribution.source)
        return contribution

    def _check_it_fits(self, contribution: Contribution) -> None:
        """Refuse a contribution that would make the record too large to be read back."""
        from ctxtui.storage.conffile import encode_document
        from ctxtui.storage.files import describe, fits

        record = self.conference.to_dict()
        record["contributions"].append(dataclasses.asdict(contribution))
        try:
            fits(encode_document(record))
        except OSError as error:
            raise Refused(
                f"{contribution.source} was not added: with it the record {describe(error)}."
            ) from None

    def flush(self) -> bool:
        """Save now if anything is unsaved; True when the record on disk is up to date."""
        saved = self.autosaver.flush()
        if saved and self._rescued is not None and not self.read_only:
            self._clear_rescue()
        return saved

    def follow(self) -> bool:
        """Read-only because another window edits it: take what that window has saved.
        True if the record shown changed."""
        if not self.session.held_elsewhere:
            return False
        try:
            newer = self.session.reload()
        except StoreError:
            return False  # mid-replace: the next look will see it
        if newer is None:
            return False
        self.editor.show(newer)
        self.autosaver.saved_version = self.editor.version
        return True

    def take_over(self) -> bool:
        """The other window has closed: take the lock, and the file as it was left. True if
        this window may now write."""
        if not self.session.held_elsewhere or not self.session.try_take_over():
            return False
        self.follow_after_take_over()
        return True

    def follow_after_take_over(self) -> None:
        newer = self.session.reload()
        if newer is not None:
            self.editor.show(newer)
        self.editor.read_only = False
        self.autosaver.saved_version = self.editor.version

    def stay_read_only(self) -> None:
        self.session.give_up_lock()
        self.editor.read_only = True

    def rescue(self) -> Path | None:
        """The app must end and the record could not be saved: keep a rescue copy."""
        if self.read_only or not self.autosaver.dirty:
            return None
        base = None
        if file_stamp(self.store.path_for(self.conference.id)) == self.session.stamp:
            with contextlib.suppress(StoreError):
                base = self.store.raw(self.conference.id)  # as this window last read or saved
        return write_rescue(self.conference, self.store.root, base)

    def close(self) -> None:
        self.session.close()


def configured_exports_folder() -> Path:
    """``exports_dir`` from the config, else a folder of the user's own (never the folder the
    app was started from)."""
    try:
        return config.exports_dir()
    except config.ConfigError:
        return Path.home() / "ctxtui-exports"


def exports_folder() -> Path:
    """The configured exports folder, made (private) if missing."""
    from ctxtui.storage.files import make_folder

    folder = configured_exports_folder()
    if not folder.exists():
        make_folder(folder)
    return folder


class Conferences:
    """Every stored conference, for the screens that are not about one open meeting (the list
    on the home screen, the board): list, start, review, delete and read without a lock."""

    def __init__(self, store: Store, now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.store = store
        self.now = now
        self.nation = configured_nation()

    def listing(self) -> Listing:
        return self.store.list()

    def new(self, name: str) -> Conference:
        """A new conference for the place or group ``name``, held today."""
        today = self.now().date()
        return self.store.create(
            Conference(
                context=Context(name=name, type=CONTEXT_TYPES[0]),
                dates=Dates(
                    conference=today.isoformat(),
                    review=dates.default_review_text(today, self.nation),
                ),
            )
        )

    def review(self, previous_id: str) -> Conference:
        return create_review(self.store, previous_id, self.now().date(), self.nation)

    def closure_conference(self, previous_id: str) -> Conference:
        """A closure conference after ``previous_id``: a review whose purpose is to close."""
        return create_review(self.store, previous_id, self.now().date(), self.nation, "closure")

    def delete(self, conference_id: str) -> None:

        self.store.delete(conference_id)

    # -- the service's duties across conferences (see service.py)

    def story(self, conference_id: str) -> Story:
        from ctxtui.meeting import service

        return service.load_story(self.store, conference_id)

    def find(self, text: str) -> Found:
        from ctxtui.meeting import service

        return service.find_mentions(self.store, text)

    def redact(
        self, ids: list[str], text: str, replacement: str, reason: str, only: str | None = None
    ) -> service.Redaction:
        from ctxtui.meeting import service

        return service.redact(self.store, ids, text, replacement, reason, only=only)

    def write_closure_summary(self, conference_id: str, folder: Path | None = None) -> list[Path]:
        """The closure summary as Markdown and DOCX in ``folder`` (the current one); the
        files written. A file already there is refused, never replaced."""
        from ctxtui.export import write_file
        from ctxtui.meeting import service

        written = []
        chain = service.chain_of(self.store, conference_id)
        for name, data in service.closure_summary_files(self.store, conference_id, ("md", "docx")):
            path = (folder or exports_folder()) / name
            write_file(path, data)
            service.log_written(self.store, chain, f"closure summary {path.suffix[1:]}", path)
            written.append(path)
        return written

    def report(self, start: dt.date, end: dt.date) -> tuple[ServiceReport, list[Problem]]:
        from ctxtui.meeting import service

        return service.service_report_of(self.store, start, end, self.nation)

    def write_report(self, report: ServiceReport, fmt: str, folder: Path | None = None) -> Path:
        """The report as a file in ``folder`` (the current one); never over an existing one."""
        from ctxtui.export import write_file
        from ctxtui.meeting import service

        path = (folder or exports_folder()) / service.report_file_name(report, fmt)
        write_file(path, service.report_bytes(report, fmt))
        service.log_written(self.store, [], f"service report {fmt}", path)
        return path

    def chain_of(self, conference_id: str) -> list[str]:
        from ctxtui.meeting import service

        return service.chain_of(self.store, conference_id)

    def past_retention(self, summaries: list[Summary]) -> frozenset[str]:
        """The ids of every conference past retention today (none when none is set)."""
        retention = config.retention()
        if not retention.set:
            return frozenset()
        from ctxtui.core.retention import past_ids

        return past_ids(summaries, retention, self.now().date())

    def load(self, conference_id: str) -> Conference:
        """Read one conference without its lock (the board never writes)."""
        return self.store.load(conference_id)

    def path_for(self, conference_id: str) -> Path:
        return self.store.path_for(conference_id)
