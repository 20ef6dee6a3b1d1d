"""The terminal driver, made to survive input and output as a chair's terminal really has them.

- A PuTTY set to Latin-1 sends "£" as the single byte 0xA3. Textual's Linux driver decodes the
  terminal's input with a strict UTF-8 decoder, so such a byte ends the app with a traceback
  and the unfiled line is lost. Here undecodable bytes become U+FFFD (shown as "�") instead.
- Escape and the key right after it, arriving together in a burst, are Escape and then the key
  (not Alt+key): see ``textual_internals.EscapeKeepingParser``.
- Output to a terminal that has gone (a dropped SSH connection, a closed window) is dropped,
  never raised: Textual's writer thread dies at the first failed write, and with its queue
  full every later screen update would wait for it for ever, the app frozen with the keys it
  had read still unhandled and the minutes unsaved.
- The size is asked of the terminal itself. Textual asks ``shutil``, which takes COLUMNS and
  LINES from the environment when they are set (some shells and tools export them): the app
  then started at that size and never followed the window as it was resized.

The input loop is ctxtui's own (``run_input_thread`` is the driver's public hook for it), so
nothing inside Textual's modules is swapped.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import selectors
from typing import Any

from textual.drivers import linux_driver

from ctxtui.widgets.textual_internals import EscapeKeepingParser, wrap_output

READ_BYTES = 4096
SELECT_SECONDS = 0.1


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
        for name in ("COLUMNS", "LINES"):  # the size the terminal has, not one set long ago
            os.environ.pop(name, None)
        super().__init__(*args, **kwargs)
        wrap_output(self, _OutputThatSurvives)

    def run_input_thread(self) -> None:
        """Read the terminal until the app ends: bytes decoded leniently, keys parsed in order,
        each message handed to the app as it is made."""
        parser = EscapeKeepingParser()
        decode = codecs.getincrementaldecoder("utf-8")("replace").decode
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)

        def handle(ready: list[tuple[selectors.SelectorKey, int]], final: bool = False) -> None:
            for place, (_key, mask) in enumerate(ready, 1):
                if mask & selectors.EVENT_READ:
                    last = final and place == len(ready)
                    text = decode(os.read(self.fileno, READ_BYTES), final=last)
                    if not text:  # input closed (a pipe), or half a character so far
                        break
                    for message in parser.feed(text):
                        self.process_message(message)
            for message in parser.tick():  # an Escape on its own, once its wait is over
                self.process_message(message)

        try:
            while not self.exit_event.is_set():
                handle(selector.select(SELECT_SECONDS))
            selector.unregister(self.fileno)
            handle(selector.select(SELECT_SECONDS), final=True)
        finally:
            selector.close()
            with contextlib.suppress(Exception):  # the end of input may end a sequence badly
                for _message in parser.feed(""):
                    pass
