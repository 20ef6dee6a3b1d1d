"""What the guard does with one invented sentence, for the round-by-round guard tests: the live
flags of a kind, the names check's questions, and both together."""

from __future__ import annotations

import datetime as dt

from ctxtui.guard.names_check import possible_names
from ctxtui.guard.privacy import scan_text

TODAY = dt.date(2026, 12, 7)


def flagged(text: str, category: str = "name") -> set[str]:
    return {hit.text for hit in scan_text(text, (), TODAY) if hit.category == category}


def asked(text: str) -> set[str]:
    spans = [(hit.start, hit.end) for hit in scan_text(text, (), TODAY)]
    return {c.text for c in possible_names(text, flagged=spans)}


def raised(text: str) -> set[str]:
    """Flagged live or asked about by the names check."""
    return flagged(text) | asked(text)
