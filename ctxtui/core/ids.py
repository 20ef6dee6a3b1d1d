"""Names made from a record: conference ids and the slugs in file names."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ctxtui.core.record import Conference


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > 40:
        slug = slug[:41].rsplit("-", 1)[0] if "-" in slug[:41] else slug[:40]
    return slug.rstrip("-") or "conference"


def id_candidates(conference: Conference) -> Iterator[str]:
    """The record's own id if it has one, else one made from the context and date; then -2, -3…"""
    base = (
        conference.id
        or f"{slugify(conference.context.name)}-{conference.dates.conference or 'undated'}"
    )
    yield base
    n = 2
    while True:
        yield f"{base[:76]}-{n}"
        n += 1
