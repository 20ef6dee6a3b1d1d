"""Form fields."""

from __future__ import annotations

from textual.widgets import Input


class FieldInput(Input):
    """A form field that keeps its text when reached with Enter or Tab: typing adds to it rather
    than replacing it, so moving through a filled-in form cannot wipe a field by accident."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)
        self.cursor_blink = False  # no redraws while idle: bandwidth over SSH
