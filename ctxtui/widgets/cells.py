"""Table cells cut to fit, with a visible ellipsis (the full text always shows elsewhere)."""

from __future__ import annotations

from rich.text import Text


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def cell(text: str, width: int) -> Text:
    """A cell ``width`` wide: the text cut to leave one column of space before the next."""
    return Text(shorten(text, width - 1))
