"""A conference open for writing: its session and lock, the editor with undo, autosave and the
rescue copy a failed save left; the drafts of open forms; following another window that has it,
and taking over once that window closes.

The base of ``Meeting`` (meeting.py): the privacy guard (guarding.py) and what leaves the
meeting (minutes_out.py) build on it. Forms that hold typed but unfiled work register a *draft*
here, so that a hang-up, SIGTERM or quit files it into the record before the last save. No UI.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ctxtui.core import dates
from ctxtui.core.record import Conference, ValidationError
from ctxtui.core.rules import Refused
from ctxtui.core.validation import conference_from_dict
from ctxtui.meeting.autosave import Autosaver
from ctxtui.meeting.editing import Editor
from ctxtui.storage import config
from ctxtui.storage.audit import current_user
from ctxtui.storage.conffile import StoreError
from ctxtui.storage.rescue import clear_rescue, find_rescue, write_rescue
from ctxtui.storage.store import Store, file_stamp

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


def unsaved_over(
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


class OpenRecord:
    """One conference open for writing (or read-only when another process holds it)."""

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
        self._drafts: dict[object, Draft] = {}
        self._rescued: Path | None = None
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

        record, changed_since = unsaved_over(rescued.to_dict(), base, saved)
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

    @property
    def read_only_reason(self) -> str:
        """Why this window may not write (another window has it, a read-only disk…)."""
        return self.session.read_only_reason

    @property
    def save_error(self) -> str | None:
        """Why the last save failed, while it has not succeeded since."""
        return self.autosaver.error

    @property
    def unsaved(self) -> bool:
        """Changes not on disk yet."""
        return self.autosaver.dirty

    @property
    def saved_at(self) -> dt.datetime | None:
        return self.autosaver.saved_at

    def autosave(self) -> bool:
        """Save if anything changed since the last save (the app's timer); True if saved."""
        return self.autosaver.tick()

    def take_save_notices(self) -> list[str]:
        """What the saves since the last call found unusual, each said once."""
        return self.autosaver.take_notices()

    def snapshot(self) -> Conference:
        """A copy of the record to hand to a worker thread while typing goes on."""
        return conference_from_dict(self.conference.to_dict())

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
