"""The ``ctxtui`` command. User mistakes print one sentence on stderr and exit 2, never a traceback.

Every command reaches the conferences through the application API (``ctxtui.meeting.meeting``):
``Conferences`` for the data folder and the service, a ``Meeting`` for one conference. The
grammar is in ``parser``; what each command does, in the module of its group.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ctxtui.cli import app_commands, between, minutes, protection, records, service, sharing
from ctxtui.cli.output import EXIT_ERROR, UserError, _err, _sentence
from ctxtui.cli.parser import build_parser
from ctxtui.core.record import ValidationError
from ctxtui.export import ExportError
from ctxtui.meeting.meeting import Conferences, ConfigError, StoreError

Run = Callable[[Conferences, argparse.Namespace], int]
# each group's commands and what runs them
GROUPS: tuple[tuple[tuple[str | None, ...], Run], ...] = (
    (app_commands.COMMANDS, app_commands.run),
    (records.COMMANDS, records.run),
    (minutes.COMMANDS, minutes.run),
    (protection.COMMANDS, protection.run),
    (service.COMMANDS, service.run),
    (between.COMMANDS, between.run),
    (sharing.COMMANDS, sharing.run),
)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return run(args)
    except (UserError, StoreError, ExportError, ValidationError, ConfigError) as error:
        _err(f"ctxtui: {_sentence(str(error))}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def run(args: argparse.Namespace) -> int:
    if args.command == "demo":
        return app_commands.demo(getattr(args, "mouse", False))
    conferences = Conferences.chosen(getattr(args, "data_dir", None))
    for commands, run_command in GROUPS:
        if args.command in commands:
            return run_command(conferences, args)
    raise UserError(f"unknown command {args.command!r}")
