"""Form fields: text that keeps what it holds, and a drop-down that moves like a text field.

Their keys need no care for order: the app hands keys out one at a time (``keyqueue.py``).
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.geometry import Region
from textual.widgets import Input, Select


class FieldInput(Input):
    """A form field that keeps its text when reached with Enter or Tab: typing adds to it rather
    than replacing it, so moving through a filled-in form cannot wipe a field by accident."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)
        self.cursor_blink = False  # no redraws while idle: bandwidth over SSH

    def on_mount(self) -> None:
        self.call_after_refresh(self._show_start)  # a field not reached yet reads from its start

    def _show_start(self) -> None:
        if not self.has_focus:
            self.scroll_to(x=0, animate=False, immediate=True)

    def on_blur(self) -> None:
        self.scroll_to(x=0, animate=False, immediate=True)  # and so does a field left behind

    def on_focus(self) -> None:
        cursor = cell_len(self.value[: self.cursor_position])  # and shows its cursor when reached
        self.scroll_to_region(Region(cursor, 0, 1, 1), force=True, animate=False, immediate=True)


class ChoiceField(Select[str], inherit_bindings=False):
    """A drop-down that moves through a form like a text field: Enter goes on to the next
    field (the form's key), Space opens the list, a letter picks the next choice that starts
    with it, ←/→ step through the choices."""

    BINDINGS = [Binding("space", "show_overlay", "Open the list", show=False)]

    def __init__(self, choices: tuple[str, ...], value: str, **kwargs) -> None:
        super().__init__(
            [(c, c) for c in choices],
            value=value if value in choices else choices[0],
            allow_blank=False,
            **kwargs,
        )
        self.choices = choices

    def on_key(self, event: events.Key) -> None:
        """Runs before Select's own key handler, which a picked choice skips."""
        current = self.choices.index(self.value) if self.value in self.choices else 0
        picked: int | None = None
        if event.key in ("left", "right"):
            picked = (current + (1 if event.key == "right" else -1)) % len(self.choices)
        elif event.character and event.character.isprintable() and event.character != " ":
            letter = event.character.lower()
            order = self.choices[current + 1 :] + self.choices[: current + 1]
            match = next((c for c in order if c.lower().startswith(letter)), None)
            picked = self.choices.index(match) if match is not None else None
        if picked is None:
            return
        event.stop()
        event.prevent_default()
        self.value = self.choices[picked]
