"""What the screens that change the open record share."""

from __future__ import annotations

from textual.screen import Screen

from ..editing import Editor


class EditingScreen(Screen[None]):
    """A screen that changes the open record, unless it was opened read-only."""

    def __init__(self, editor: Editor, read_only: bool = False) -> None:
        super().__init__()
        self.editor = editor
        self.read_only = read_only

    def writable(self) -> bool:
        """True if a change may go ahead; otherwise says why not."""
        if self.read_only:
            self.notify("Read-only: nothing can be changed here.", severity="warning")
        return not self.read_only
