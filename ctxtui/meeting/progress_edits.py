"""Changes between meetings: requests for progress sent and updates received (kept beside
the minutes, like mail sent: final minutes take them, and no undo calls them back), and a
carried-forward row's status and progress set at the review (plan row changes, undoable like
every other)."""

from __future__ import annotations

import dataclasses

from ctxtui.core.record import ACTION_STATUSES, ProgressAsked, ProgressUpdate
from ctxtui.core.rules import BadValue, clean_point
from ctxtui.meeting.editing import Editor
from ctxtui.meeting.history import existing


class ProgressEdits:
    def __init__(self, editor: Editor) -> None:
        self.editor = editor

    def record_asked(self, asked: ProgressAsked) -> None:
        """An agency was asked for progress (the mail has gone: not undoable)."""
        self.editor.check_writable()
        self.editor.conference.progress_asked.append(asked)
        self.editor.version += 1

    def keep_update(self, update: ProgressUpdate) -> int:
        """An agency's update, received (a letter kept with the conference: not undoable)."""
        self.editor.check_writable()
        self.editor.conference.progress_updates.append(update)
        self.editor.version += 1
        return len(self.editor.conference.progress_updates) - 1

    def set_status(self, index: int, status: str) -> bool:
        """A plan row's status (undoable); False when it already was."""
        if status not in ACTION_STATUSES:
            raise BadValue(f"A plan row's status is one of {', '.join(ACTION_STATUSES)}.")
        actions = self.editor.conference.actions
        action = actions[existing(actions, index, "plan row")]
        if action.status == status:
            return False
        self.editor.rows.update("actions", index, dataclasses.replace(action, status=status))
        return True

    def set_progress(self, index: int, text: str) -> bool:
        """A plan row's progress note (undoable); False when it already said that."""
        actions = self.editor.conference.actions
        action = actions[existing(actions, index, "plan row")]
        cleaned = clean_point(text)
        if action.progress == cleaned:
            return False
        self.editor.rows.update("actions", index, dataclasses.replace(action, progress=cleaned))
        return True
