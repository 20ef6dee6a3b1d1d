"""The terminal driver, made to survive input bytes that are not UTF-8.

A PuTTY set to Latin-1 sends "£" as the single byte 0xA3. Textual's Linux driver decodes the
terminal's input with a strict UTF-8 decoder, so such a byte ends the app with a traceback and
the unfiled line is lost. This driver has undecodable bytes become U+FFFD (shown as "�")
instead. It swaps the decoder factory the driver module looks up when its input thread starts:
a private detail of Textual, kept to this one small, commented place.
"""

from __future__ import annotations

import codecs

from textual.drivers import linux_driver


def _lenient_decoder(encoding: str) -> type[codecs.IncrementalDecoder]:
    strict = codecs.getincrementaldecoder(encoding)

    class Lenient(strict):  # type: ignore[valid-type,misc]
        def __init__(self, errors: str = "replace") -> None:
            super().__init__("replace")

    return Lenient


class LenientLinuxDriver(linux_driver.LinuxDriver):
    def run_input_thread(self) -> None:
        linux_driver.getincrementaldecoder = _lenient_decoder  # type: ignore[assignment]
        super().run_input_thread()
