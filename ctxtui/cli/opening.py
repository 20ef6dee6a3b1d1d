"""One conference opened for a command: written only through its ``Meeting``, and closed
again whatever happens."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from ctxtui.cli.output import UserError
from ctxtui.meeting.meeting import Conferences, Meeting


@contextlib.contextmanager
def writable_meeting(conferences: Conferences, conference_id: str, doing: str) -> Iterator[Meeting]:
    """The conference open for writing, closed afterwards; one sentence if another window has
    it (``doing`` says what could not be done: "invite", "attach a contribution")."""
    meeting = conferences.meeting(conference_id)
    try:
        if meeting.read_only:
            raise UserError(
                f"cannot {doing} to {conference_id} from here "
                f"({(meeting.read_only_notice() or '').rstrip('.')}): do "
                "it in the window that has it open, or close that first"
            )
        yield meeting
    finally:
        meeting.close()


@contextlib.contextmanager
def looking_at(conferences: Conferences, conference_id: str) -> Iterator[Meeting]:
    """The conference as stored, read without its lock and with no "open" in the audit log."""
    meeting = conferences.meeting(conference_id, read_only=True, log_open=False)
    try:
        yield meeting
    finally:
        meeting.close()
