"""What leaves the meeting: the minutes as Markdown and files (with the conference reviewed
and the context's story so far), mailed to the distribution list, and the invitation before.

Export and mail code load when first needed, not at start-up. No UI.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from ctxtui.core.record import Conference, Recipient
from ctxtui.meeting.safeguarding import Safeguarded
from ctxtui.storage import config
from ctxtui.storage.conffile import StoreError
from ctxtui.storage.store import Store

if TYPE_CHECKING:
    from ctxtui.core.story import Story
    from ctxtui.export import Written
    from ctxtui.mail.circulate import Sent, SmtpSettings


def load_previous(store: Store, conference: Conference) -> tuple[Conference | None, str | None]:
    """The conference this one reviews, and a sentence when it cannot be read."""
    if not conference.previous_id:
        return None, None
    try:
        return store.load(conference.previous_id), None
    except StoreError as error:
        return None, f"Previous conference not available: {error}"


def mail_settings() -> SmtpSettings:
    """The relay in the config's [smtp] table; SendError says why it cannot be used."""
    from ctxtui.mail.circulate import SendError, smtp_settings  # smtplib, ssl: 30 ms

    try:
        return smtp_settings(config.smtp_table())
    except config.ConfigError as error:
        raise SendError(str(error)) from None


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


class MinutesOut(Safeguarded):
    """An open conference with the ways its minutes and invitation leave it."""

    _previous: tuple[Conference | None, str | None] | None = None  # read once, when needed
    _export_folder: Path | None = None  # the last one chosen in this meeting

    def previous(self) -> tuple[Conference | None, str | None]:
        """The reviewed conference (read once) and a sentence if it cannot be read."""
        if self._previous is None:
            self._previous = load_previous(self.store, self.conference)
        return self._previous

    def markdown(self) -> str:
        from ctxtui.export.markdown import to_markdown

        previous, _problem = self.previous()
        story = self.story_so_far(self.conference)
        return to_markdown(
            self.conference,
            nation=self.nation,
            previous=previous,
            story=story,
            statutory=self.statutory_partners(),
        )

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

    def default_file_name(self, fmt: str) -> str:
        """The export's file name when none is chosen: the day, the context, "minutes"."""
        from ctxtui.export.markdown import default_file_name

        return default_file_name(self.conference, fmt)

    def export(
        self, snapshot: Conference, fmt: str, path: Path, *, replace: bool, archive: bool = False
    ) -> Written:
        """Write one export of ``snapshot`` (safe in a worker thread: reads no live state);
        ``archive``: a PDF that is PDF/A-2b as well."""
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
            archive=archive,
            statutory=self.statutory_partners(),
        )
        self.store.audit.record("export", snapshot.id, f"{fmt} {written.path}")
        return written

    def export_bytes(self, snapshot: Conference, fmt: str, where: str) -> bytes:
        """One export of ``snapshot`` as bytes for the caller to hand on; the audit log says
        ``where`` they went ("to standard output")."""
        from ctxtui.export import render

        previous, _problem = self.previous()
        story = self.story_so_far(snapshot)
        data = render(
            snapshot,
            fmt,
            nation=self.nation,
            previous=previous,
            story=story,
            statutory=self.statutory_partners(),
        )
        self.store.audit.record("export", snapshot.id, f"{fmt} {where}")
        return data

    def record_skipped_check(self, at: str, how: str) -> None:
        """The minutes left with privacy flags open or the names check not done (``how``:
        the command or the screen that sent them); kept in the record, not undoable."""
        self.editor.record_skipped_check(at, how)

    # -- circulation

    def mail_plan(self) -> tuple[SmtpSettings, list[Recipient]]:
        """The relay and the recipients; SendError says why the minutes cannot go yet."""
        settings = mail_settings()
        findings, to_check = self.findings_and_names()
        return settings, self.recipients(len(findings), len(to_check))

    def recipients(
        self, open_flags: int, unanswered: int, *, draft: bool = False, ignore_flags: bool = False
    ) -> list[Recipient]:
        """Who gets the minutes, once they may go: final (or ``draft``), with no flag open and
        the names check done (or ``ignore_flags``); SendError says why not."""
        from ctxtui.mail.circulate import ready_to_send

        people = ready_to_send(
            self.conference, open_flags, unanswered, draft=draft, ignore_flags=ignore_flags
        )
        self.check_sharing(people, "the minutes")
        return people

    def mail_subject(self) -> str:
        from ctxtui.mail.circulate import subject

        return subject(self.conference)

    def deliver(
        self,
        snapshot: Conference,
        settings: SmtpSettings,
        to: list[str],
        *,
        markdown_too: bool = False,
        pdf_too: bool = False,
    ) -> Sent:
        """Send ``snapshot`` (safe in a worker thread: reads no live state), with the Markdown
        and the PDF attached too when asked: one message to each agency, with its actions."""
        from ctxtui.mail.agency_actions import deliver

        previous, _problem = self.previous()
        return deliver(
            snapshot,
            settings,
            to,
            nation=self.nation,
            previous=previous,
            markdown_too=markdown_too,
            story=self.story_so_far(snapshot),
            pdf_too=pdf_too,
            statutory=self.statutory_partners(),
        )

    def record_sent(self, sent: Sent, at: str) -> bool:
        """Record who got the minutes and save at once; False if the save failed."""
        self.editor.record_circulation(at, sent.accepted)
        self.store.audit.record("send", self.conference.id, ", ".join(sent.accepted))
        return self.autosaver.flush()

    def invite_plan(self) -> tuple[SmtpSettings, list[Recipient]]:
        """The relay and who gets the invitation; SendError says why it cannot go yet."""
        from ctxtui.mail.invite import ready_to_invite

        settings = mail_settings()
        people = ready_to_invite(self.conference, self.now().date())
        self.check_sharing(people, "the invitation")
        return settings, people

    def invitation_preview(self) -> tuple[list[Recipient], str, str]:
        """Who would be invited, the subject and the text, with no relay needed (a dry run):
        SendError says why it could not go yet."""
        from ctxtui.mail.circulate import SendError, smtp_settings
        from ctxtui.mail.invite import body, ready_to_invite, subject

        people = ready_to_invite(self.conference, self.now().date())
        self.check_sharing(people, "the invitation")
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
