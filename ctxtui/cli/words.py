"""``ctxtui words``: the service's own words that are not a person's name (storage/words.py),
listed, added, removed, exported and imported. The names check never asks about them in any
conference of the data folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ctxtui.cli.output import UserError, _err, _out, _out_bytes
from ctxtui.meeting.meeting import Conferences, WordsError, words_of
from ctxtui.storage.files import MAX_FILE_BYTES, describe, read_plain

ACTIONS = ("list", "add", "remove", "export", "import")


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    words = commands.add_parser(
        "words",
        parents=[common],
        help="the service's words that are not names: list, add, remove, export, import",
        description="Places, shops, services and slang the service has confirmed are not a "
        "person's name: the names check never asks about them in any conference of this data "
        "folder. Each is kept with who added it and when; a word confirmed as a name anywhere "
        "is refused. 'import FILE' reads one word a line (or this command's export).",
    )
    words.add_argument("action", nargs="?", choices=ACTIONS, default="list")
    words.add_argument("word", nargs="*", help="words to add or remove; a file for import")
    words.add_argument("--out", metavar="PATH", help="export: write here, not standard output")


def run(conferences: Conferences, args: argparse.Namespace) -> int:
    service = conferences.service_words()
    try:
        if args.action == "list":
            return _list(service.read())
        if args.action == "export":
            return _export(conferences, service.export(), args.out)
        texts = _read_import(args.word) if args.action == "import" else args.word
        given = words_of(texts)
        if not given:
            raise UserError(f"give the words to {args.action}")
        if args.action == "remove":
            removed = service.remove(given)
            _out(f"{len(removed)} word(s) removed.")
            return 0 if len(removed) == len(given) else 1
        added, refused = conferences.add_service_words(given)
    except WordsError as error:
        raise UserError(str(error)) from None
    for word in refused:
        _err(f"ctxtui: {word!r} was confirmed as a person's name: it is never taken as safe.")
    _out(f"{len(added)} word(s) added.")
    return 1 if refused else 0


def _list(words: Any) -> int:
    for problem in words.problems:
        _err(f"ctxtui: the service's words: {problem}")
    for entry in sorted(words.entries.values(), key=lambda e: e.word.lower()):
        _out(f"{entry.word}\t{entry.by}\t{entry.at}")
    if not words.entries:
        _out("The service has no words of its own yet.")
    return 0


def _export(conferences: Conferences, data: bytes, out: str | None) -> int:
    from ctxtui.export import write_file

    if not out:
        _out_bytes(data)
        return 0
    write_file(Path(out), data)
    conferences.log_export([], "service words", out)
    _out(out)
    return 0


def _read_import(paths: list[str]) -> list[str]:
    """One word (or a few, "Brindley Fields") a line; this command's export reads back."""
    if len(paths) != 1:
        raise UserError("import takes one file (or - for standard input)")
    try:
        raw = (
            sys.stdin.buffer.read(MAX_FILE_BYTES) if paths[0] == "-" else read_plain(Path(paths[0]))
        )
        text = raw.decode("utf-8")
    except OSError as error:
        raise UserError(f"cannot read {paths[0]}: {describe(error)}") from None
    except UnicodeDecodeError:
        raise UserError(f"{paths[0]} is not UTF-8 text") from None
    return [
        line.split("\t", 1)[0]
        for line in text.splitlines()
        if line.strip() and not line.startswith(("#", "!"))
    ]
