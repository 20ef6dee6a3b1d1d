"""Which of the chair's answers to the privacy guard still hold. Each answer (a flag
dismissed, a word that is not a name) is kept with who gave it and a digest of every text of
the record that held the word when it was given: once one of those texts changes, or a new
one holds the word, the answer no longer holds and the guard asks again. An answer with
nobody behind it (typed into a file, or brought in by an import) never holds."""

from __future__ import annotations

from ctxtui.core.record import Conference, Confirmation
from ctxtui.guard.guarded_text import record_texts

DISMISSED, NOT_NAME = "dismissed", "not_name"


def _word(answer: str, key: str) -> str:
    return key.split(":", 1)[1] if answer == DISMISSED else key


def texts_holding(conference: Conference, word: str) -> str:
    """A digest of every text of the record that holds ``word``, as it stands now."""
    import hashlib  # after the first frame: hashlib loads OpenSSL

    holding = sorted(text for _section, _index, text in record_texts(conference) if word in text)
    joined = "\x00".join(holding).encode("utf-8", "surrogatepass")
    return hashlib.sha256(joined).hexdigest()[:32]


def confirmation(conference: Conference, answer: str, key: str, at: str, by: str) -> Confirmation:
    """The answer as the record keeps it, tied to the texts that hold its word now."""
    return Confirmation(at, by, answer, key, texts_holding(conference, _word(answer, key)))


def standing(conference: Conference, answer: str) -> frozenset[str]:
    """The keys of ``answer`` (dismissed flags, or words that are not names) that still hold."""
    listed = conference.dismissed_flags if answer == DISMISSED else conference.names_check.not_names
    if not listed:
        return frozenset()
    given: dict[str, set[str]] = {}
    for c in conference.confirmations:
        if c.answer == answer:
            given.setdefault(c.key, set()).add(c.texts)
    return frozenset(
        key
        for key in listed
        if key in given and texts_holding(conference, _word(answer, key)) in given[key]
    )
