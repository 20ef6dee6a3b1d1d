"""The capture line: type a point, Enter files it under the target shown beside it."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Label

from ..editing import TARGET_SHORT_LABELS, next_target
from ..model import strip_controls


class CaptureInput(Input):
    """Enter and Ctrl+T are handled in the key handler itself, not as bindings, so that keys
    arriving in one burst over a slow link act in the order they were typed."""

    HELP_GROUP = "Capture line"
    BINDINGS = [
        Binding("enter", "noop", "File the point", id="capture.file", show=False),
        Binding("ctrl+t", "noop", "Next heading", id="capture.target"),
        Binding("down", "screen.focus_points", "Go to the points", id="capture.points", show=False),
    ]

    class Filed(Message):
        def __init__(self, target: str, text: str) -> None:
            super().__init__()
            self.target = target
            self.text = text

    class Edited(Message):
        def __init__(self, target: str, index: int, text: str) -> None:
            super().__init__()
            self.target = target
            self.index = index
            self.text = text

    class TargetChanged(Message):
        def __init__(self, target: str) -> None:
            super().__init__()
            self.target = target

    target: reactive[str] = reactive("concerns")
    editing: reactive[int | None] = reactive(None)  # index of the point being edited

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder="Type a point and press Enter", **kwargs)
        self.cursor_blink = False  # a blinking cursor redraws twice a second: bandwidth over SSH

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self._commit()
            return
        if event.key == "ctrl+t":
            event.stop()
            event.prevent_default()
            if self.editing is None:
                self.target = next_target(self.target)
                self.post_message(self.TargetChanged(self.target))
            return
        if event.key == "escape" and self.editing is not None:
            event.stop()
            event.prevent_default()
            self.cancel_edit()
            return
        await super()._on_key(event)

    def _commit(self) -> None:
        text = self.value
        if self.editing is not None:
            index, self.editing = self.editing, None
            self.value = ""
            self.post_message(self.Edited(self.target, index, text))
        elif text.strip():
            self.value = ""
            self.post_message(self.Filed(self.target, text))

    def _on_paste(self, event: events.Paste) -> None:
        # A point is one paragraph: a multi-line paste is kept whole, its lines joined.
        # prevent_default: Input's own paste handler would otherwise insert it a second time.
        event.stop()
        event.prevent_default()
        text = " ".join(strip_controls(event.text).split())
        if text:
            self.insert_text_at_cursor(text)

    def start_edit(self, target: str, index: int, text: str) -> None:
        self.target = target
        self.editing = index
        self.value = text
        self.cursor_position = len(text)
        self.focus()

    def cancel_edit(self) -> None:
        self.editing = None
        self.value = ""

    def action_noop(self) -> None:
        """Enter and Ctrl+T never reach here (see ``_on_key``); listed for the help screen."""

    def take_pending(self) -> str:
        """Whatever is typed but not yet filed, cleared from the line (used when quitting)."""
        text, self.value = self.value, ""
        return text if self.editing is None else ""


class CaptureBar(Horizontal):
    """The capture line with its target beside it."""

    def compose(self) -> ComposeResult:
        yield Label(id="capture-target")
        yield CaptureInput(id="capture-input")

    def on_mount(self) -> None:
        self.watch(self.input, "target", self._show_target)
        self.watch(self.input, "editing", self._show_target)

    @property
    def input(self) -> CaptureInput:
        return self.query_one(CaptureInput)

    def _show_target(self) -> None:
        text = TARGET_SHORT_LABELS[self.input.target]
        if self.input.editing is not None:
            text = f"Edit #{self.input.editing + 1}"
        self.query_one("#capture-target", Label).update(f"{text} {self.app.symbols['target']}")
        self.set_class(self.input.editing is not None, "-editing")
