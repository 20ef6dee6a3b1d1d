"""The capture line: type a point, Enter files it under the target shown beside it.

It keeps the focus for the whole minute-taking screen and handles every key itself, in its own
key handler, so a burst of keys over a slow SSH link acts in the order it was typed. Nothing here
changes the record: it posts what was asked (file, edit, a command on a point) and the screen
makes the change through the meeting.

Three modes:
- typing: printable keys type, Enter files, Ctrl+T / Shift+Tab change the capture target;
- browsing (↑, ↓ or Tab, from the newest point): the arrows move through the points, Enter
  edits one, Delete deletes it, and any printable key goes back to typing and types itself:
  no letter ever acts on a point;
- editing: the point's text in the line, cursor at the end; Enter keeps it, Escape restores it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Static

from ctxtui.core.labels import TARGET_KEYS, TARGET_SHORT_LABELS, next_target, previous_target
from ctxtui.core.record import MAX_TEXT, strip_controls
from ctxtui.widgets.host import host
from ctxtui.widgets.keymap import keys_of
from ctxtui.widgets.keyqueue import TakesTypedRuns
from ctxtui.widgets.textual_internals import virtual_size_without_layout

# The capture line's keys, one table per mode: (command, keys, what the help says, shown on the
# key line). Binding ids are "<mode>.<command>"; the keymap in config.toml rebinds any of them.
TYPING_KEYS: tuple[tuple[str, str, str, bool], ...] = (
    ("file", "enter", "File the point", False),
    ("next_target", "ctrl+t", "Next heading", True),
    ("previous_target", "shift+tab", "Previous heading", False),
    ("browse", "up,down,tab", "Browse, newest first", False),
)
EDITING_KEYS: tuple[tuple[str, str, str, bool], ...] = (
    ("keep", "enter", "Keep the edit", False),
    ("cancel", "escape", "Cancel the edit", False),
)
# the keys for the point being browsed
POINT_KEYS: tuple[tuple[str, str, str, bool], ...] = (
    ("edit", "enter", "Edit the point", True),
    ("delete", "delete,ctrl+d", "Delete the point", True),
    ("up", "shift+up,ctrl+up", "Move the point up", True),
    ("down", "shift+down,ctrl+down", "Move the point down", True),
    ("move", "ctrl+x,f7", "Move it to another heading", True),
    ("plan", "ctrl+w,f8", "Plan row from the point", True),
    ("dismiss", "ctrl+k,f9", "Dismiss its privacy flag", True),
    ("older", "up", "Older point", False),
    ("newer", "down", "Newer point", False),
    ("page_older", "pageup", "Ten points older", False),
    ("page_newer", "pagedown", "Ten points newer", False),
    ("first", "home", "Oldest point", False),
    ("last", "end", "Newest point", False),
    ("previous_heading", "left", "Previous heading's points", False),
    ("next_heading", "right", "Next heading's points", False),
    ("type", "escape,tab,backspace", "Back to typing (so does any letter)", False),
)
MODES = {"capture": TYPING_KEYS, "edit": EDITING_KEYS, "points": POINT_KEYS}
# commands asked of the browsed point (the screen does them); after the first three the line
# goes back to typing, reordering and dismissing keep browsing
POINT_COMMANDS = ("delete", "move", "plan", "up", "down", "dismiss")
BACK_TO_TYPING = {"delete", "move", "plan"}
STEPS = {"older": -1, "newer": 1, "page_older": -10, "page_newer": 10}


def mode_bindings(mode: str) -> list[Binding]:
    return [
        Binding(keys, "noop", text, id=f"{mode}.{command}", show=shown)
        for command, keys, text, shown in MODES[mode]
    ]


class Place(NamedTuple):
    """A point: its heading and its position there."""

    target: str
    position: int


class CaptureInput(Input, TakesTypedRuns):
    HELP_GROUP = "Capture line"
    KEY_MODES = True  # its bindings work one mode at a time (the keymap's clash check)
    SHOWN_ON: tuple[type, ...] = ()  # the screens whose keys work beside it (set by them)
    # The keys are handled in ``on_key``, looked up in these (the keymap applied), so that one
    # table gives the keys, the help and the key line.
    BINDINGS = [*mode_bindings("capture"), *mode_bindings("edit")]
    POINT_BINDINGS = mode_bindings("points")

    class Filed(Message):
        def __init__(self, target: str, text: str) -> None:
            super().__init__()
            self.target = target
            self.text = text

    class Edited(Message):
        def __init__(self, place: Place, text: str) -> None:
            super().__init__()
            self.place = place
            self.text = text

    class Command(Message):
        """A key asked for something to be done to the point at ``place``."""

        def __init__(self, what: str, place: Place) -> None:
            super().__init__()
            self.what = what
            self.place = place

    class EmptyEnter(Message):
        """Enter on an empty line: the screen may have something to put in it."""

    class Moved(Message):
        """The target, the browsed point or the mode changed: the screen redraws its marks."""

    # The line is one row as wide as it is given, whatever it holds; Textual's Input grows its
    # scrolling width at every key, and that width asked for a layout of the whole screen, so
    # every widget on it was drawn again twice per key. Repainting the line is enough.
    virtual_size = virtual_size_without_layout()

    target: reactive[str] = reactive(TARGET_KEYS[0])  # the first heading
    browsing: reactive[Place | None] = reactive(None)
    editing: reactive[Place | None] = reactive(None)

    def __init__(self, points: Callable[[str], list[str]], **kwargs) -> None:
        """``points`` reads a heading's points (to browse them and to start an edit)."""
        super().__init__(placeholder="Type a point and press Enter", **kwargs)
        self.points = points
        self.select_on_focus = False  # selected text would be replaced by the first key typed
        self.cursor_blink = False  # a blinking cursor redraws twice a second: bandwidth over SSH
        self._stash = ""  # unfiled text put aside while a point is edited
        self._commands: dict[str, dict[str, str]] | None = None

    def commands(self, mode: str) -> dict[str, str]:
        """Key -> command in ``mode``, the service's keymap applied (made once: the keymap is
        set before the first screen)."""
        if self._commands is None:
            keymap = host(self).keymap
            self._commands = {
                name: {
                    key: binding.id.split(".", 1)[1]
                    for binding in mode_bindings(name)
                    if binding.id
                    for key in keys_of(binding, keymap)
                }
                for name in MODES
            }
        return self._commands[mode]

    def on_key(self, event: events.Key) -> None:
        """Runs before Input's own key handler, which a handled key skips (prevent_default)."""
        if self.editing is not None:
            handled = self._editing_key(self.commands("edit").get(event.key), event.key)
        elif self.browsing is not None:
            handled = self._browsing_key(self.commands("points").get(event.key), event)
        else:
            handled = self._typing_key(self.commands("capture").get(event.key))
        if handled:
            event.stop()
            event.prevent_default()

    # -- typing

    def _typing_key(self, command: str | None) -> bool:
        if command == "file":
            if self.value.strip():
                text, self.value = self.value, ""
                self.post_message(self.Filed(self.target, text))
            else:
                self.post_message(self.EmptyEnter())
            return True
        if command in ("next_target", "previous_target"):
            self.step_target(forward=command == "next_target")
            return True
        if command == "browse":
            self.browse(self.target)  # from the newest point: the one most often corrected
            return True
        return False

    def step_target(self, *, forward: bool) -> None:
        """The next (or previous) heading the line files under."""
        self.target = (next_target if forward else previous_target)(self.target)
        self.post_message(self.Moved())

    def browse(self, target: str, index: int | None = None) -> None:
        """Browse a heading's points, from the newest unless told (nothing if it has none)."""
        count = len(self.points(target))
        if count:
            index = count - 1 if index is None else index
            self.browsing = Place(target, max(0, min(index, count - 1)))
            self.post_message(self.Moved())

    def stop_browsing(self) -> None:
        if self.browsing is not None:
            self.browsing = None
            self.post_message(self.Moved())

    # -- browsing

    def _browsing_key(self, command: str | None, event: events.Key) -> bool:
        place = self.browsing
        assert place is not None
        count = len(self.points(place.target))
        last = max(count - 1, 0)
        if command in STEPS:  # never round the ends: a held key stops at the last point
            index = place.position + STEPS[command]
            self._browse_at(Place(place.target, max(0, min(index, last))))
            return True
        if command in ("first", "last"):
            self._browse_at(Place(place.target, 0 if command == "first" else last))
            return True
        if command in ("previous_heading", "next_heading"):
            order = TARGET_KEYS
            step = 1 if command == "next_heading" else -1
            target = order[(order.index(place.target) + step) % len(order)]
            self._browse_at(Place(target, max(len(self.points(target)) - 1, 0)))
            return True
        if command == "type":
            self.stop_browsing()
            return True
        typing = self.commands("capture").get(event.key)
        if typing in ("next_target", "previous_target"):
            self.stop_browsing()
            return self._typing_key(typing)
        if command == "edit":
            self.start_edit(place)
            return True
        if command in POINT_COMMANDS:
            self.post_message(self.Command(command, place))
            if command in BACK_TO_TYPING:
                self.stop_browsing()
            elif command in ("up", "down") and count:
                new = place.position + (-1 if command == "up" else 1)
                self.browsing = Place(place.target, max(0, min(new, count - 1)))
            return True
        if event.is_printable:
            self.stop_browsing()  # the key then types itself
        return False  # Ctrl+Z, Ctrl+S and the screen's other keys go on as usual

    def _browse_at(self, place: Place) -> None:
        self.browsing = place
        self.post_message(self.Moved())

    # -- editing

    def start_edit(self, place: Place) -> None:
        """Put the point's text in the line, cursor at the end, nothing selected."""
        points = self.points(place.target)
        if not 0 <= place.position < len(points):
            return
        self._stash = self.value
        self.browsing = None
        self.editing = place
        self.value = points[place.position]
        self.cursor_position = len(self.value)
        self.post_message(self.Moved())

    def _editing_key(self, command: str | None, key: str) -> bool:
        if command == "keep":
            place, text = self.editing, self.value
            assert place is not None
            self._end_edit()
            self.post_message(self.Edited(place, text))
            return True
        if command == "cancel":
            self._end_edit()
            return True
        # the heading cannot change mid-edit, nor browsing start
        return self.commands("capture").get(key) in ("next_target", "previous_target", "browse")

    def _end_edit(self) -> None:
        self.editing = None
        self.value, self._stash = self._stash, ""
        self.cursor_position = len(self.value)
        self.post_message(self.Moved())

    def on_paste(self, event: events.Paste) -> None:
        # A point is one paragraph: a multi-line paste is kept whole, its lines joined.
        # prevent_default: Input's own paste handler would otherwise insert it a second time.
        event.stop()
        event.prevent_default()
        self.browsing = None
        text = " ".join(strip_controls(event.text).split())
        room = MAX_TEXT - len(self.value)
        if len(text) > room:  # said now, while the chair is there, not cut silently later
            self.notify(
                f"A point holds at most {MAX_TEXT:,} characters: the last "
                f"{len(text) - max(room, 0):,} characters of the paste were left out.",
                severity="warning",
            )
            text = text[: max(room, 0)]
        if text:
            self.insert_text_at_cursor(text)

    def takes_typed_run(self) -> bool:
        return self.browsing is None  # while browsing, printable keys are commands

    def type_run(self, text: str) -> None:
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)
        if self.cursor_position == len(self.value):
            # the scrolling width grows once the line is drawn: the end is kept in view then
            self.call_after_refresh(self._show_the_end)

    def _show_the_end(self) -> None:
        if self.cursor_position == len(self.value):
            self.scroll_to(x=self.max_scroll_x, animate=False)

    def action_noop(self) -> None:
        """The keys listed in BINDINGS never reach here (see ``on_key``)."""

    def take_pending(self) -> tuple[str, tuple[Place, str] | None]:
        """What is typed but not filed, and a point edit under way, both cleared from the line
        (used when the app must stop: both are filed rather than lost)."""
        if self.editing is not None:
            edit = (self.editing, self.value)
            pending, self._stash = self._stash, ""
            self.editing = None
        else:
            edit, pending = None, self.value
        self.value = ""
        return pending, edit


class CaptureBar(Horizontal):
    """The capture line with its target (or the point being edited) beside it."""

    def __init__(self, points: Callable[[str], list[str]], **kwargs) -> None:
        super().__init__(**kwargs)
        self.points = points

    def compose(self) -> ComposeResult:
        yield Static(id="capture-target")  # a Static: a Label brings a style sheet to parse
        yield CaptureInput(self.points, id="capture-input")

    def on_mount(self) -> None:
        for name in ("target", "editing", "browsing"):
            self.watch(self.input, name, self._show_target)

    @property
    def input(self) -> CaptureInput:
        return self.query_one(CaptureInput)

    def _show_target(self) -> None:
        line = self.input
        text = TARGET_SHORT_LABELS[line.target]
        if line.editing is not None:
            text = f"Edit {TARGET_SHORT_LABELS[line.editing.target]} #{line.editing.position + 1}"
        elif line.browsing is not None:
            text = f"Browse {TARGET_SHORT_LABELS[line.browsing.target]}"
        self.query_one("#capture-target", Static).update(f"{text} {host(self).symbols['target']}")
        self.set_class(line.editing is not None, "-editing")
