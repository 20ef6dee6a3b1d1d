"""Every name of Textual's that is not its documented API, in one place.

Textual is allowed within a tested range (pyproject.toml). Each name below has a canary in
tests/test_textual_internals.py that fails with one sentence when a release renames or changes
it, and `make test-textual-latest` runs the canaries, the key differential and the snapshots
against the newest release. Why each is still needed is written beside it: where the public API
can do the job, it is used instead.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Sequence
from pathlib import PurePath
from typing import Any

from textual import events
from textual._xterm_parser import XTermParser  # (1) below
from textual.app import App
from textual.drivers.linux_driver import LinuxDriver
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.screen import Screen

# 1. The terminal's input parser (a private module). Escape and the key right after it arrive
# together in a burst and the parser reads them as Alt+key, dropping the Alt (and with it the
# Escape) for Enter, Tab and Ctrl keys. Only its key-sequence step can tell the two apart, so
# that one method is overridden. No public hook exists for reading keys.
_ESCAPE_AS_READ = "ctxtui-escape"  # not "escape": the parser would turn that into "^"


class EscapeKeepingParser(XTermParser):
    """Escape then a key, as typed (ctxtui binds no Alt key)."""

    def parse(self, token_callback: Callable[[Message], None]) -> Generator[Any, str, None]:
        def escape_kept(token: Message) -> None:
            if isinstance(token, events.Key) and token.key == _ESCAPE_AS_READ:
                token = events.Key("escape", "\x1b")
            token_callback(token)

        return super().parse(escape_kept)

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        if alt:  # an Escape typed just before the key, read as Alt
            yield events.Key("escape", "\x1b")
        if sequence == "\x1b":  # an Escape given back from a sequence it did not know
            yield events.Key(_ESCAPE_AS_READ, "\x1b")
            return
        yield from super()._sequence_to_key_events(sequence, False)


# 2. The driver's output stream. Textual's writer thread dies at the first failed write to a
# terminal that has gone, and every later screen update then waits for it for ever, the keys
# already read never handled. The stream is the one thing to wrap; it is set in the driver's
# constructor and handed to the writer thread when the app starts, with no public setter.
def wrap_output(driver: LinuxDriver, wrap: Callable[[Any], Any]) -> None:
    driver._file = wrap(driver._file)  # type: ignore[assignment]


# 3. The style sheet (public attribute, undocumented methods). The first frame parses only the
# first screen's sheets; the rest are read once it is on screen (a tenth of the first frame).
def read_style_sheets(app: App[Any], paths: Iterable[str | PurePath]) -> bool:
    """Add the sheets not read yet (parsed when next needed, each once); True if any."""
    new = [path for path in paths if not app.stylesheet.has_source(str(path), "")]
    for path in new:
        app.stylesheet.read(path)
    return bool(new)


def restyle(app: App[Any]) -> None:
    app.stylesheet.update(app)


# 4. ScreenResume's undocumented flag: the minute-taking screen's widgets were styled as they
# were mounted a moment before its first resume; restyling them all again was a tenth of the
# first frame.
def skip_restyle(event: events.ScreenResume) -> None:
    event.refresh_styles = False


# 5. Input's scrolling width is a reactive that asks for a layout of the whole screen at every
# key (every widget drawn again twice per key); redefined without the layout on the one-row
# capture line, where repainting the line is enough.
def virtual_size_without_layout() -> Reactive[Size]:
    return Reactive(Size(0, 0), layout=False)


PRIVATE_NAMES: Sequence[str] = (
    "textual._xterm_parser.XTermParser",
    "XTermParser._sequence_to_key_events",
    "LinuxDriver._file",
)


# For the tests alone: what the screen shows as text, how often a frame is sent and how often a
# screen is laid out. Textual has no public way to read any of the three.
def screen_lines(screen: Screen[Any]) -> list[str]:
    """The screen as plain lines, as drawn."""
    return [strip.text for strip in screen._compositor.render_strips()]


def count_frames(app: App[Any], frames: list[object]) -> None:
    """Append the screen to ``frames`` at every frame the app sends to the terminal."""
    display = app._display

    def counted(screen: Screen[Any], renderable: Any) -> None:
        if renderable is not None:
            frames.append(screen)
        display(screen, renderable)

    app._display = counted  # type: ignore[method-assign]


LAYOUT_STEP = (Screen, "_refresh_layout")  # patched by a test to count layouts of a screen

TEST_PROBE_NAMES: Sequence[str] = (
    "Screen._compositor.render_strips",
    "App._display",
    "Screen._refresh_layout",
)
