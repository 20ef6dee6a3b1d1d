"""A list that never wraps: ↑ on the first entry stays there, ↓ on the last stays there.

Textual's OptionList goes round from the last entry to the first: a held ↓ (or ↑), as keys
repeat over SSH, then lands somewhere the chair never meant, and the next key acts there.
"""

from __future__ import annotations

from textual.widgets import OptionList


class Options(OptionList):
    def action_cursor_up(self) -> None:
        if self._enabled_beyond(-1):
            super().action_cursor_up()

    def action_cursor_down(self) -> None:
        if self._enabled_beyond(1):
            super().action_cursor_down()

    def _enabled_beyond(self, step: int) -> bool:
        """Whether an entry that can be highlighted lies beyond the highlighted one."""
        at = self.highlighted
        if at is None:
            return self.option_count > 0
        indexes = range(at + 1, self.option_count) if step > 0 else range(at - 1, -1, -1)
        return any(not self.get_option_at_index(i).disabled for i in indexes)
