"""Text made to fit one line of a given width: whole, or cut at a word with "…"."""

from __future__ import annotations


def shortened(phrase: str, room: int) -> str:
    """``phrase`` in ``room`` characters: whole, or cut at a word (within a word when one word
    is too long) with "…"."""
    if len(phrase) <= room:
        return phrase
    if room <= 1:
        return "…"[:room]
    cut = phrase[: room - 1]
    if " " in cut.strip() and cut.rstrip().rfind(" ") > room // 2:
        cut = cut[: cut.rstrip().rfind(" ")]
    return cut.rstrip(" ·") + "…"


def shared(parts: list[str], room: int, between: str = " · ") -> str:
    """Every part on one line of ``room`` characters: each cut to an equal share when they do
    not fit whole, so none is dropped."""
    whole = between.join(parts)
    if len(whole) <= room or not parts:
        return whole
    share = max(4, (room - len(between) * (len(parts) - 1)) // len(parts))
    return between.join(shortened(part, share) for part in parts)
