"""Finding a word or name wherever it was written, whatever its case or accents ("zoe" finds
"Zoë", "ZOE" and "Zoe\u0308"), as a whole word, and replacing it: the one rule the search,
the redaction and the service's data protection duties share. No I/O.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ctxtui.core.labels import ACTION_SHORT_LABELS, FIELD_LABELS, SECTION_TITLES, TARGET_LABELS
from ctxtui.core.record import Redacted

# letters that carry no accent mark to take off: folded to the letters a person would type
_LETTERS = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th"}
_LETTERS_TABLE = str.maketrans(_LETTERS)


def fold_char(char: str) -> str:
    """One character as the search compares it (lower case, no accents; "" for a mark)."""
    folded = unicodedata.normalize("NFKD", char.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded.translate(_LETTERS_TABLE)


@functools.lru_cache(maxsize=4096)
def _ascii_fold(piece: str) -> str:
    folded = "".join(fold_char(c) for c in piece)
    return "".join(c for c in folded if c.isascii())


def _to_ascii(error: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: each run of characters that are not ASCII folded as
    :func:`fold_char` does, kept only where that gives ASCII. Called only for those few runs
    (a dash, an accented name), so a whole file folds at the speed of C."""
    assert isinstance(error, UnicodeEncodeError)
    return _ascii_fold(error.object[error.start : error.end]), error.end


codecs.register_error("ctxtui-fold", _to_ascii)


def fold(text: str) -> str:
    """``text`` as the search compares it."""
    if text.isascii():
        return text.lower()
    return "".join(fold_char(c) for c in text)


def _word_pattern(needle: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")


@dataclass(frozen=True)
class Finder:
    """What to look for: a word or a few words, compared folded and whole."""

    needle: str  # folded

    @classmethod
    def of(cls, text: str) -> Finder:
        folded = " ".join(fold(text).split())
        if not folded:
            raise ValueError("Give a word or name to look for.")
        return cls(folded)

    def might_hold(self, raw: bytes) -> bool:
        """False only when the bytes of a UTF-8 file surely do not hold the needle (a quick
        look at a whole file before it is read field by field)."""
        if b"\\u" in raw:
            return True  # escaped characters: only reading the JSON can tell
        text = raw.decode("utf-8", "replace")
        if not self.needle.isascii():
            return self.needle in fold(text)
        return self._might_be_in(text)

    def _might_be_in(self, text: str) -> bool:
        """False only when ``text`` surely does not hold the needle (folded at C speed)."""
        if text.isascii():
            return self.needle in text.lower()
        if self.needle.isascii():
            return self.needle.encode() in text.encode("ascii", "ctxtui-fold").lower()
        return True

    def _matches(self, folded: str) -> list[tuple[int, int]]:
        """Where the needle stands in a folded text, whole words only."""
        if self.needle not in folded:
            return []
        return [m.span() for m in _word_pattern(self.needle).finditer(folded)]

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the needle stands in ``text`` (start, end in ``text``), whole words only."""
        if not self._might_be_in(text):
            return []  # most texts: no need to fold them one character at a time
        pieces = [fold_char(c) if not c.isascii() else c.lower() for c in text]
        matches = self._matches("".join(pieces))
        if not matches:
            return []
        origin: list[int] = []  # the character of ``text`` each folded character came from
        for index, piece in enumerate(pieces):
            origin += [index] * len(piece)
        found = []
        for folded_start, folded_end in matches:
            start = origin[folded_start]
            end = origin[folded_end - 1] + 1
            while end < len(text) and not pieces[end]:  # marks that followed the last letter
                end += 1
            found.append((start, end))
        return found

    def count(self, text: str) -> int:
        return len(self.spans(text))

    def replace(self, text: str, replacement: str) -> tuple[str, int]:
        """``text`` with every mention replaced, and how many there were."""
        found = self.spans(text)
        for start, end in reversed(found):
            text = text[:start] + replacement + text[end:]
        return text, len(found)

    def mark(self, salt: bytes, at: str, replacement: str) -> Redacted:
        """What a record keeps of this redaction: enough to find the text again, not the
        text (see :class:`HashedFinder`)."""
        return Redacted(
            at, salt.hex(), _salted(salt, self.needle), str(len(self.needle)), replacement
        )


def _salted(salt: bytes, folded: str) -> str:
    import hashlib  # only for redactions: hashlib loads OpenSSL, a cost start-up does not pay

    return hashlib.sha256(salt + folded.encode("utf-8", "surrogatepass")).hexdigest()


_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class HashedFinder(Finder):
    """Finds again a text taken out by a redaction, from its mark alone: every stretch of a
    folded text with the mark's length, standing as whole words, whose salted digest is the
    mark's. Slower than a Finder (every text is folded and each place hashed): used only on
    what is being restored."""

    salt: bytes = b""
    digest: str = ""
    length: int = 0

    @classmethod
    def of_mark(cls, mark: Redacted) -> HashedFinder:
        return cls("", bytes.fromhex(mark.salt), mark.digest, int(mark.length))

    def might_hold(self, raw: bytes) -> bool:
        return True

    def _might_be_in(self, text: str) -> bool:
        return len(text) >= self.length > 0

    def _matches(self, folded: str) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        start, size = 0, len(folded)
        while start + self.length <= size:
            end = start + self.length
            whole = (start == 0 or not _WORD.match(folded, start - 1)) and (
                end == size or not _WORD.match(folded, end)
            )
            if whole and _salted(self.salt, folded[start:end]) == self.digest:
                found.append((start, end))
                start = end
            else:
                start += 1
        return found


def reapply(record: dict[str, Any], marks: list[Redacted]) -> tuple[dict[str, Any], int]:
    """``record`` (the interchange form) with every redaction of ``marks`` made again in
    every free-text field, and how many texts it found again."""
    total = 0
    for mark in marks:
        try:
            finder = HashedFinder.of_mark(mark)
        except ValueError:
            continue  # a mark that is not whole finds nothing
        record, count = replace_in(record, finder, mark.replacement)
        total += count
    return record, total


# Fields that hold an id, a date, a time or a choice from a list: never a mention, never
# redacted (a redaction must not turn a "review" into something else).
STRUCTURAL = frozenset(
    {
        "schema",
        "id",
        "previous_id",
        "kind",
        "status",
        "finalised_at",
        "type",
        "conference",
        "mapping_meeting",
        "review",
        "start_time",
        "end_time",
        "attendance",
        "due",
        "started",
        "finalised",
        "at",
        "received",
        "outcome",
        "date",
        "target",
        "storage_version",
        "salt",
        "texts",
        "reply_by",
        "rows",
        "answers",
        "answer",
        "digest",
        "length",
        "audit_anchor",
        # the meeting's safeguards: days, times, offsets and headings, never typed text
        "agreement_signed",
        "confidentiality_reminder",
        "stopped",
        "heading",
        "offset",
        "recording_offset",
    }
)


def free_text(path: str) -> bool:
    """True for a field a person typed into (not an id, a date or a choice)."""
    last = path.rsplit(".", 1)[-1]
    return last.split("[", 1)[0] not in STRUCTURAL


def strings(value: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """Every text in a JSON value as (path, text), e.g. ("points.concerns[2]", "…")."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, f"{where}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{where}.{key}" if where else str(key))


def replace_in(
    value: Any, finder: Finder, replacement: str, which: Callable[[str], bool] = free_text
) -> tuple[Any, int]:
    """A copy of a JSON value with the needle replaced in every text whose path ``which``
    accepts (every free-text field unless told), and how many were replaced."""
    count = 0

    def walk(item: Any, where: str) -> Any:
        nonlocal count
        if isinstance(item, str):
            if not which(where):
                return item
            new, n = finder.replace(item, replacement)
            count += n
            return new
        if isinstance(item, list):
            return [walk(x, f"{where}[{i}]") for i, x in enumerate(item)]
        if isinstance(item, dict):
            return {k: walk(x, f"{where}.{k}" if where else str(k)) for k, x in item.items()}
        return item

    return walk(value, ""), count


_INDEXED = re.compile(r"^(?P<key>[a-z_.]+)\[(?P<n>\d+)\](?:\.(?P<rest>[a-z_]+))?")


def place_of(path: str) -> str:
    """A field path of a record said as a person would find it in the minutes, e.g.
    "points.concerns[2]" -> "Current concerns, point 3"."""
    match = _INDEXED.match(path)
    if match:
        key, n, rest = match["key"], int(match["n"]) + 1, match["rest"]
        short = key.removeprefix("points.")
        if short in TARGET_LABELS:
            return f"{TARGET_LABELS[short]}, point {n}"
        if key == "actions":
            label = ACTION_SHORT_LABELS.get(rest or "", rest or "")
            return f"{SECTION_TITLES['plan']}, row {n}" + (f", {label}" if label else "")
        if key == "attendees":
            return f"{SECTION_TITLES['attendance']}, person {n}" + (f", {rest}" if rest else "")
        parts = key.split(".")
        title = SECTION_TITLES.get(parts[-1]) or SECTION_TITLES.get(parts[0]) or parts[-1]
        title = title.replace("_", " ").capitalize() if title == parts[-1] else title
        return f"{title}, entry {n}" + (f", {rest.replace('_', ' ')}" if rest else "")
    if path in FIELD_LABELS:
        return FIELD_LABELS[path]
    last = path.split(".")[-1]
    return SECTION_TITLES.get(last, last.replace("_", " ").capitalize())
