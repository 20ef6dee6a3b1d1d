"""The terminal driver, made to survive input as a chair's terminal really sends it.

- A PuTTY set to Latin-1 sends "£" as the single byte 0xA3. Textual's Linux driver decodes the
  terminal's input with a strict UTF-8 decoder, so such a byte ends the app with a traceback
  and the unfiled line is lost. Here undecodable bytes become U+FFFD (shown as "�") instead.
- Escape and the key right after it arrive together in a burst, and the parser reads them as
  Alt+key (for Enter, Tab or a Ctrl key it even drops the Alt, and with it the Escape: "Escape
  Escape Ctrl+O" became one Escape and Ctrl+O). ctxtui binds no Alt key, so here they are what
  was typed: Escape, then the key. An Escape followed at once by a run of characters (31 or
  more, or any before another escape sequence) was given back as "^": it stays an Escape.

- Output to a terminal that has gone (a dropped SSH connection, a closed window) is dropped,
  never raised: Textual's writer thread dies at the first failed write, and with its queue
  full every later screen update would wait for it for ever, the app frozen with the keys it
  had read still unhandled and the minutes unsaved.
- The size is asked of the terminal itself. Textual asks ``shutil``, which takes COLUMNS and
  LINES from the environment when they are set (some shells and tools export them): the app
  then started at that size and never followed the window as it was resized.

The first two swap a name the driver module looks up when its input thread starts: private
details of Textual, kept to this one small, commented place (Textual is pinned exactly).
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable, Generator, Iterable
from typing import Any

from textual import events
from textual._xterm_parser import XTermParser
from textual.drivers import linux_driver
from textual.message import Message


def _lenient_decoder(encoding: str) -> type[codecs.IncrementalDecoder]:
    strict = codecs.getincrementaldecoder(encoding)

    class Lenient(strict):  # type: ignore[valid-type,misc]
        def __init__(self, errors: str = "replace") -> None:
            super().__init__("replace")

    return Lenient


_ESCAPE_AS_READ = "ctxtui-escape"  # not "escape": the parser would turn that into "^"


class EscapeKeepingParser(XTermParser):
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


class _OutputThatSurvives:
    """The terminal's output stream, writing nothing (and raising nothing) once it has gone."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.gone = False

    def write(self, text: str) -> int:
        if not self.gone:
            try:
                return int(self._stream.write(text))
            except (OSError, ValueError):  # EIO from a hung-up terminal; a closed stream
                self.gone = True
        return len(text)

    def flush(self) -> None:
        if not self.gone:
            try:
                self._stream.flush()
            except (OSError, ValueError):
                self.gone = True

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class LenientLinuxDriver(linux_driver.LinuxDriver):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._file = _OutputThatSurvives(self._file)  # type: ignore[assignment]

    def _get_terminal_size(self) -> tuple[int, int]:
        for stream in (self._file, sys.__stdin__, sys.__stdout__):
            try:
                columns, lines = os.get_terminal_size(stream.fileno())  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):
                continue
            if columns and lines:
                return columns, lines
        return super()._get_terminal_size()

    def run_input_thread(self) -> None:
        linux_driver.getincrementaldecoder = _lenient_decoder  # type: ignore[assignment]
        linux_driver.XTermParser = EscapeKeepingParser  # type: ignore[misc]
        super().run_input_thread()
