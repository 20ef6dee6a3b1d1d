"""The terminal driver, made to survive input as a chair's terminal really sends it.

- A PuTTY set to Latin-1 sends "£" as the single byte 0xA3. Textual's Linux driver decodes the
  terminal's input with a strict UTF-8 decoder, so such a byte ends the app with a traceback
  and the unfiled line is lost. Here undecodable bytes become U+FFFD (shown as "�") instead.
- Escape and the key right after it arrive together in a burst, and the parser reads them as
  Alt+key (for Enter, Tab or a Ctrl key it even drops the Alt, and with it the Escape: "Escape
  Escape Ctrl+O" became one Escape and Ctrl+O). ctxtui binds no Alt key, so here they are what
  was typed: Escape, then the key.

Both swap a name the driver module looks up when its input thread starts: private details of
Textual, kept to this one small, commented place (Textual is pinned exactly).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable

from textual import events
from textual._xterm_parser import XTermParser
from textual.drivers import linux_driver


def _lenient_decoder(encoding: str) -> type[codecs.IncrementalDecoder]:
    strict = codecs.getincrementaldecoder(encoding)

    class Lenient(strict):  # type: ignore[valid-type,misc]
        def __init__(self, errors: str = "replace") -> None:
            super().__init__("replace")

    return Lenient


class EscapeKeepingParser(XTermParser):
    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        if alt:  # the Alt was an Escape typed just before
            yield events.Key("escape", "\x1b")
        yield from super()._sequence_to_key_events(sequence, False)


class LenientLinuxDriver(linux_driver.LinuxDriver):
    def run_input_thread(self) -> None:
        linux_driver.getincrementaldecoder = _lenient_decoder  # type: ignore[assignment]
        linux_driver.XTermParser = EscapeKeepingParser  # type: ignore[misc]
        super().run_input_thread()
