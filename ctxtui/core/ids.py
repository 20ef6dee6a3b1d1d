"""Names made from a record: conference ids and the slugs in file names."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ctxtui.core.record import Conference


def _words(text: str) -> str:
    """``text`` as lower-case ASCII words joined by hyphens ("" when none is left)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def slugify(text: str) -> str:
    slug = _words(text)
    if len(slug) > 40:
        slug = slug[:41].rsplit("-", 1)[0] if "-" in slug[:41] else slug[:40]
    return slug.rstrip("-") or "conference"


def id_base(name: str, held: str) -> str:
    """The id a conference of the context ``name`` held on ``held`` (ISO date or "") gets."""
    return f"{slugify(name)}-{held or 'undated'}"


def numbered(base: str) -> Iterator[str]:
    """``base``, then ``base-2``, ``base-3``…: the ids tried until one is free."""
    yield base
    n = 2
    while True:
        yield f"{base[:76]}-{n}"
        n += 1


def id_candidates(conference: Conference) -> Iterator[str]:
    """The record's own id if it has one, else one made from the context and date; then -2, -3…"""
    yield from numbered(
        conference.id or id_base(conference.context.name, conference.dates.conference)
    )


def id_carries(conference_id: str, text: str) -> bool:
    """Whether the words of ``text`` stand whole in the id (so in its file names too)."""
    words = _words(text)
    return bool(words) and f"-{words}-" in f"-{conference_id}-"
