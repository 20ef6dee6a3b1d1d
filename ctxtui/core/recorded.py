"""The recording of the meeting as data: when it started and stopped, where the service keeps
it, and where each point filed while it ran stands in it. Never the audio itself: ctxtui keeps
only a reference to it. No I/O; the rules are in ``recording``.

Like ``record``, no ``from __future__ import annotations`` (see ``parts``).
"""

from dataclasses import field

from ctxtui.core.parts import Part, part

OFFSET_FORMAT = "H:MM:SS"  # hours (any number), minutes and seconds from the start


@part
class PointMark(Part):
    """A point filed while the recording ran: its heading and text as they stand now (a mark
    follows its point when it is reworded or moved) and its offset into the recording."""

    heading: str = ""  # a capture target: concerns, complicating, strengths, safety_plan...
    text: str = ""
    offset: str = ""  # H:MM:SS


@part
class Recording(Part):
    """The meeting's audio recording, as the chair marked it: started and stopped (time stamps
    YYYY-MM-DDTHH:MM:SS, or empty) and where the service keeps it."""

    started: str = ""
    stopped: str = ""
    reference: str = ""  # where the service keeps the recording: a file name, a reference
    points: list[PointMark] = field(default_factory=list)


__all__ = ["OFFSET_FORMAT", "PointMark", "Recording"]
