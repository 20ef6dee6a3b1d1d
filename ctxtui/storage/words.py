"""The service's own words: words a chair confirmed are not a person's name for the whole
service (places, shops, services, slang), so that no conference of this data folder (the team
folder, where there is one) asks about them again.

They are kept in ``service-words.tsv`` beside the conferences, a plain list a person can
review: the word, who added it and when, one a line. Words confirmed as a name anywhere are
never learned as safe: each is kept there only as a salted SHA-256 (never the name), and
refused from then on. Every change is in the audit log (how many, never the words).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ctxtui.storage import config
from ctxtui.storage.audit import AuditLog
from ctxtui.storage.files import (
    PRIVATE_FILE,
    atomic_write,
    describe,
    file_mode,
    open_plain,
    read_plain,
    sha256_hex,
)

FILE_NAME = "service-words.tsv"
MAX_BYTES = 4 * 1024 * 1024
MAX_WORD = 60
HEADER = (
    "# ctxtui: the service's words that are not a person's name, for every conference of this\n"
    "# folder. One a line: the word, who added it, when (tab-separated). Lines starting with !\n"
    "# keep words confirmed as names, as salted digests only: never learned as safe.\n"
)


class WordsError(Exception):
    """One sentence: the list could not be read or changed."""


@dataclass(frozen=True)
class Entry:
    word: str  # as typed; compared in lower case
    by: str
    at: str


@dataclass
class Words:
    entries: dict[str, Entry] = field(default_factory=dict)  # by the word in lower case
    salt: str = ""
    names: set[str] = field(default_factory=set)  # salted digests of words that are names
    problems: list[str] = field(default_factory=list)  # lines that could not be read

    def lower(self) -> frozenset[str]:
        return frozenset(self.entries)

    def is_a_name(self, word: str) -> bool:
        return bool(self.salt) and _digest(self.salt, word) in self.names


def _digest(salt: str, word: str) -> str:
    return sha256_hex(f"{salt}\x00{word.lower()}".encode("utf-8", "surrogatepass"))


def words_of(texts: Iterable[str]) -> list[str]:
    """The single words in ``texts`` ("Brindley Fields" is two), each checked."""
    found: list[str] = []
    for text in texts:
        for word in text.split():
            word = word.strip(".,;:!?\"“”‘’'()[]")
            if not word:
                continue
            if len(word) > MAX_WORD or not word.isprintable():
                raise WordsError(f"{word[:MAX_WORD]!r}… is not a word the list can keep.")
            found.append(word)
    return found


class ServiceWords:
    """The list in one data folder."""

    def __init__(self, root: Path, audit: AuditLog) -> None:
        self.path = root / FILE_NAME
        self.lock_path = root / "locks" / "service-words.lock"
        self.audit = audit

    def read(self) -> Words:
        try:
            raw = read_plain(self.path, MAX_BYTES)
        except FileNotFoundError:
            return Words()
        except OSError as error:
            raise WordsError(
                f"The service's words ({self.path}) cannot be read: {describe(error)}."
            ) from None
        return _parse(raw.decode("utf-8", "replace"))

    def add(self, words: list[str], by: str, at: str) -> tuple[list[str], list[str]]:
        """Add ``words``; those added, and those refused (confirmed as names)."""
        added: list[str] = []
        refused: list[str] = []
        with self._changing() as current:
            for word in words:
                if current.is_a_name(word):
                    refused.append(word)
                elif word.lower() not in current.entries:
                    current.entries[word.lower()] = Entry(word, by, at)
                    added.append(word)
        if added:
            self.audit.record("words", "", f"{len(added)} added")
        return added, refused

    def remove(self, words: list[str]) -> list[str]:
        """Take ``words`` off the list; those that were on it."""
        removed: list[str] = []
        with self._changing() as current:
            for word in words:
                if current.entries.pop(word.lower(), None) is not None:
                    removed.append(word)
        if removed:
            self.audit.record("words", "", f"{len(removed)} removed")
        return removed

    def note_names(self, words: list[str]) -> None:
        """Words confirmed as a person's name: off the list, and never learned as safe."""
        with self._changing() as current:
            if not current.salt:
                import secrets  # hashlib, OpenSSL: loaded only the first time a name is noted

                current.salt = secrets.token_hex(16)
            for word in words:
                current.entries.pop(word.lower(), None)
                current.names.add(_digest(current.salt, word))

    def export(self) -> bytes:
        return _text(self.read()).encode("utf-8")

    @contextlib.contextmanager
    def _changing(self) -> Iterator[Words]:
        """The list, to change and write back whole, under a lock no other writer passes."""
        try:
            fd = open_plain(self.lock_path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        except OSError as error:
            raise WordsError(f"The service's words cannot be changed: {describe(error)}.") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            current = self.read()
            yield current
            try:
                atomic_write(self.path, _text(current).encode("utf-8"))
                os.chmod(self.path, file_mode(self.path.parent))
            except OSError as error:
                raise WordsError(
                    f"The service's words ({self.path}) could not be written: {describe(error)}."
                ) from None
        finally:
            os.close(fd)


def known_words(kept: ServiceWords) -> tuple[frozenset[str], str]:
    """Every word the service has said is not a name, in lower case: its words file in the
    config (``local_words``) and the list kept with the conferences; and one sentence when
    either could not be read (the names check then asks more, never less)."""
    problems = []
    try:
        configured = config.local_words()
    except config.ConfigError as error:
        configured, problems = frozenset(), [str(error)]
    try:
        listed = kept.read().lower()
    except WordsError as error:
        listed = frozenset()
        problems.append(str(error))
    return configured | listed, " ".join(problems)


def _parse(text: str) -> Words:
    words = Words()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if fields[0] == "!salt" and len(fields) == 2:
            words.salt = fields[1]
        elif fields[0] == "!name" and len(fields) == 2:
            words.names.add(fields[1])
        elif len(fields) == 3 and fields[0].strip() and not fields[0].startswith("!"):
            word = fields[0].strip()
            words.entries[word.lower()] = Entry(word, fields[1], fields[2])
        else:
            words.problems.append(f"line {number} is not word, who, when")
    return words


def _text(words: Words) -> str:
    lines = [HEADER]
    lines += [f"{e.word}\t{e.by}\t{e.at}\n" for _k, e in sorted(words.entries.items())]
    if words.salt:
        lines.append(f"!salt\t{words.salt}\n")
        lines += [f"!name\t{digest}\n" for digest in sorted(words.names)]
    return "".join(lines)
