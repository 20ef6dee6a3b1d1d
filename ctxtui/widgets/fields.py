"""Text fields that keep their keys in order.

Textual runs a widget's key bindings only when the key has travelled back up to the app, while
the priority keys that move between fields (Tab, Enter in a form) act as soon as they arrive. In a
burst, "Backspace Tab" would then delete in the *next* field. So these fields run their own
bindings (Backspace, arrows, Home, End, Ctrl+U…) in their own key handler, in the order typed.
This is the one place that overrides Textual's ``_on_key``.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input, Select


def _input_actions() -> dict[str, str]:
    """key -> action for the bindings Textual's Input declares."""
    actions: dict[str, str] = {}
    for binding in Input.BINDINGS:
        if isinstance(binding, Binding):
            for key in binding.key.split(","):
                actions.setdefault(key.strip(), binding.action)
    return actions


class KeysInOrder(Input):
    """An Input that runs its editing keys itself, in the order they arrive."""

    ACTIONS: dict[str, str] = {}

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        cls.ACTIONS = {k: a for k, a in _input_actions().items() if a != "submit"}

    async def _on_key(self, event: events.Key) -> None:
        action = self.ACTIONS.get(event.key)
        if action is None:
            await super()._on_key(event)
            return
        event.stop()
        event.prevent_default()
        await self.run_action(action)


class FieldInput(KeysInOrder):
    """A form field that keeps its text when reached with Enter or Tab: typing adds to it rather
    than replacing it, so moving through a filled-in form cannot wipe a field by accident."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)
        self.cursor_blink = False  # no redraws while idle: bandwidth over SSH

    def _on_mount(self, event: events.Mount) -> None:
        self.call_after_refresh(self._show_start)  # a field not reached yet reads from its start

    def _show_start(self) -> None:
        if not self.has_focus:
            self.scroll_to(x=0, animate=False, immediate=True)

    def _on_blur(self, event: events.Blur) -> None:
        self.scroll_to(x=0, animate=False, immediate=True)  # and so does a field left behind

    def _on_focus(self, event: events.Focus) -> None:
        self._watch_selection(self.selection)  # and shows its cursor again when reached


class FilterInput(KeysInOrder):
    """A filter whose Enter says what was typed when Enter came: in a burst like "kestrel⏎"
    and more typing, the text typed after Enter must not change what Enter chose."""

    class Chosen(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Chosen(self.value))
            return
        await super()._on_key(event)


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

    async def _on_key(self, event: events.Key) -> None:
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
            await super()._on_key(event)
            return
        event.stop()
        event.prevent_default()
        self.value = self.choices[picked]
