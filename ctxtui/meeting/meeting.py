"""The application API: ``Meeting`` for one open conference and ``Conferences`` for many, which
the app, its screens and the command line all drive. No UI.

A Meeting is built in layers, each in its own module: the record open for writing
(open_record.py), under the privacy guard (guarding.py), with the meeting's own safeguards
(safeguarding.py: sharing bases, the reminder, the recording), with the ways its minutes leave
(minutes_out.py) and what happens between it and its review (between.py); this module adds
the decisions on the minutes (finalise, amend, close) and the written contributions.
Conferences adds the service's duties across conferences (service.py: the story, a name found
and taken out, retention, the report) to the data folder (data_folder.py). What the screens
and the command line need of the layers below is named here, so they import this module and
nothing under it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ctxtui.core import dates
from ctxtui.core.record import Contribution
from ctxtui.core.rules import Refused, clean_point
from ctxtui.meeting.between import ActionLine as ActionLine
from ctxtui.meeting.between import AskPlan as AskPlan
from ctxtui.meeting.between import AttachedUpdate as AttachedUpdate
from ctxtui.meeting.between import Between
from ctxtui.meeting.data_folder import DataFolder
from ctxtui.meeting.data_folder import create_review as create_review
from ctxtui.meeting.guarding import describe_finding as describe_finding
from ctxtui.meeting.guarding import describe_place as describe_place
from ctxtui.meeting.guarding import flag_sentence as flag_sentence
from ctxtui.meeting.minutes_out import configured_exports_folder as configured_exports_folder
from ctxtui.meeting.minutes_out import exports_folder as exports_folder
from ctxtui.meeting.minutes_out import mail_settings as mail_settings
from ctxtui.meeting.open_record import Draft as Draft
from ctxtui.storage import config
from ctxtui.storage.audit import describe_event as describe_event
from ctxtui.storage.audit import event_json as event_json
from ctxtui.storage.conffile import StoreError as StoreError
from ctxtui.storage.config import ConfigError as ConfigError
from ctxtui.storage.config import keymap as keymap
from ctxtui.storage.store import Store as Store
from ctxtui.storage.words import WordsError as WordsError
from ctxtui.storage.words import words_of as words_of

if TYPE_CHECKING:  # the service's code loads when a duty is asked for, not at start-up
    from ctxtui.core.report import ServiceReport
    from ctxtui.core.story import Story
    from ctxtui.meeting.rename import Renamed as Renamed
    from ctxtui.meeting.service import Deleted, Redaction, RetentionDue
    from ctxtui.storage.listing import Problem
    from ctxtui.storage.listing import Summary as Summary
    from ctxtui.storage.search import Found


class Meeting(Between):
    """One conference open for minuting (or read-only when another process holds it)."""

    def warm_up(self) -> None:
        """Load what the minutes need the first time they are drawn (the nation's bank holidays
        behind every due date) while the chair reads the screen; safe in a worker thread."""
        held = self.conference.conference_date() or self.now().date()
        dates.is_working_day(held, self.nation)

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


class Conferences(DataFolder):
    """Every stored conference, for what is not one open meeting (the list on the home
    screen, the board, the service's duties, the command line)."""

    def meeting(
        self, conference_id: str, *, read_only: bool = False, log_open: bool = True
    ) -> Meeting:
        """One conference open (for writing unless ``read_only``, or held elsewhere);
        ``log_open=False``: a look that leaves no "open" line in the audit log."""
        return Meeting(self.store, conference_id, self.now, read_only=read_only, log_open=log_open)

    def open_actions(
        self, today: dt.date, agency: str = "", overdue_only: bool = False
    ) -> tuple[list[ActionLine], list[Problem]]:
        """Every chain's plan rows still to do (see ``between.open_actions``), from the
        plan rows' index, and each file that could not be read."""
        from ctxtui.meeting.between import open_actions

        plans = self.store.plans()
        return open_actions(plans, today, agency, overdue_only), plans.problems

    # -- the service's duties across conferences (see service.py)

    def chain_of(self, conference_id: str) -> list[str]:
        from ctxtui.meeting import service

        return service.chain_of(self.store, conference_id)

    def story(self, conference_id: str) -> Story:
        from ctxtui.meeting import service

        return service.load_story(self.store, conference_id)

    def closure_summary(self, conference_id: str, fmt: str) -> tuple[str, bytes]:
        """The closure summary of the chain ``conference_id`` is in (md or docx): its file
        name and its bytes."""
        from ctxtui.meeting import service

        [named] = service.closure_summary_files(self.store, conference_id, (fmt,))
        return named

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

    def log_export(self, conference_ids: list[str], what: str, where: object) -> None:
        """A file written (or shown) that holds the text of these conferences ([] for the
        service's own figures) goes in the audit log, for a redaction's recall list."""
        from ctxtui.meeting import service

        service.log_written(self.store, conference_ids, what, where)

    def report(self, start: dt.date, end: dt.date) -> tuple[ServiceReport, list[Problem]]:
        from ctxtui.meeting import service

        return service.service_report_of(self.store, start, end, self.nation)

    def report_file(self, report: ServiceReport, fmt: str) -> tuple[str, bytes]:
        """The report as a file of ``fmt`` (md, docx, csv): its name and its bytes."""
        from ctxtui.meeting import service

        return service.report_file_name(report, fmt), service.report_bytes(report, fmt)

    def write_report(self, report: ServiceReport, fmt: str, folder: Path | None = None) -> Path:
        """The report as a file in ``folder`` (the current one); never over an existing one."""
        from ctxtui.export import write_file

        name, data = self.report_file(report, fmt)
        path = (folder or exports_folder()) / name
        write_file(path, data)
        self.log_export([], f"service report {fmt}", path)
        return path

    def find(self, text: str, chain_of_id: str | None = None) -> Found:
        """Every mention of ``text`` in the data folder (or one conference's chain)."""
        from ctxtui.meeting import service

        return service.find_mentions(self.store, text, chain_of_id)

    def redact(
        self, ids: list[str], text: str, replacement: str, reason: str, only: str | None = None
    ) -> Redaction:
        from ctxtui.meeting import service

        return service.redact(self.store, ids, text, replacement, reason, only=only)

    def rename(self, ids: list[str], name: str, reason: str) -> Iterator[Renamed]:
        """Give each conference of ``ids`` the context name ``name`` and the id made from it,
        one at a time: a refusal (Refused) half way leaves the rest as they were."""
        from ctxtui.meeting.rename import rename_all

        yield from rename_all(self.store, ids, name, reason)

    def past_retention(self, summaries: list[Summary]) -> frozenset[str]:
        """The ids of every conference past retention today (none when none is set)."""
        retention = config.retention()
        if not retention.set:
            return frozenset()
        from ctxtui.core.retention import past_ids

        return past_ids(summaries, retention, self.now().date())

    def retention_due(self, today: dt.date) -> RetentionDue:
        """The chains past the configured retention on ``today``, read from the records'
        own files; Refused when no retention period is set."""
        from ctxtui.meeting import service

        if not config.retention().set:
            raise Refused(
                "no retention period is set: add retention_years = N to config.toml "
                "(or a table by context type)"
            )
        return service.retention_due(self.store, today)

    def log_retention(self, detail: str) -> None:
        """What a look at retention found, for the audit log (counts, never names)."""
        self.store.audit.record("retention", "", detail)

    def delete_chains(self, due: RetentionDue) -> Deleted:
        """Delete each chain of ``due`` with every copy of it (none while a record is
        unreadable)."""
        from ctxtui.meeting import service

        return service.delete_chains(self.store, due)
