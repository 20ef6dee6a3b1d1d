"""Saving without being asked: whoever owns a timer calls ``tick`` often; quit and signals call
``flush``. Knows nothing of the UI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ctxtui.meeting.editing import Editor
from ctxtui.storage.conffile import StoreError
from ctxtui.storage.store import Session


class Autosaver:
    def __init__(
        self, session: Session, editor: Editor, now: Callable[[], dt.datetime] = dt.datetime.now
    ) -> None:
        self.session = session
        self.editor = editor
        self.now = now
        self.saved_version = editor.version
        self.saved_at: dt.datetime | None = None
        self.error: str | None = None
        self.notices: list[str] = []  # unusual things a save found, for the chair to read

    @property
    def dirty(self) -> bool:
        return self.editor.version != self.saved_version

    def tick(self) -> bool:
        """Save if anything changed since the last save; True if a save happened."""
        return self.flush() if self.dirty else False

    def flush(self) -> bool:
        """Save now if there is anything unsaved; True on success. A failure is kept in ``error``
        and retried on the next tick, with the record still whole in memory."""
        if self.session.read_only or not self.dirty:
            return not self.dirty
        version = self.editor.version
        try:
            notice = self.session.save()
        except StoreError as error:
            self.error = str(error)
            return False
        self.saved_version = version
        self.saved_at = self.now()
        self.error = None
        if notice:
            self.notices.append(notice)
        return True

    def take_notices(self) -> list[str]:
        notices, self.notices = self.notices, []
        return notices
