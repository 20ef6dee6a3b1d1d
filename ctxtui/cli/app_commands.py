"""The commands that open the full-screen app: the home screen (no command), ``open``,
``board`` and ``demo``. The Textual app is imported only here, and only when it is needed, so
the scripting commands stay quick."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from ctxtui.cli.output import UserError
from ctxtui.meeting.meeting import Conferences

COMMANDS = (None, "open", "board")


def run(conferences: Conferences, args: argparse.Namespace) -> int:
    mouse = getattr(args, "mouse", False)
    if args.command is None:
        return _run_app(conferences, None, mouse)
    conferences.load(args.id)  # a clear message here rather than inside the app
    return _run_app(conferences, args.id, mouse, board=args.command == "board")


def demo(mouse: bool) -> int:
    """The app on a throwaway copy of the sample conference, removed afterwards."""
    from ctxtui.cli.demo import demo_conference

    need_a_terminal()  # before a throwaway folder is made
    folder = Path(tempfile.mkdtemp(prefix="ctxtui-demo-"))
    try:
        conferences = Conferences.chosen(str(folder))
        conference = conferences.create(demo_conference())
        return _run_app(conferences, conference.id, mouse)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run_app(
    conferences: Conferences, conference_id: str | None, mouse: bool, *, board: bool = False
) -> int:
    need_a_terminal()
    from ctxtui.app import run_app  # the UI is loaded only when it is needed

    return run_app(conferences.store, conference_id, mouse=mouse, board=board)


def need_a_terminal() -> None:
    """The full-screen app reads keys from a terminal: refuse plainly when there is none."""
    for name, stream in (("standard input", sys.stdin), ("standard output", sys.stdout)):
        if stream is None or not stream.isatty():
            raise UserError(
                f"the app needs a terminal, and {name} is not one (run it in an SSH or "
                "terminal window; for scripts, use list, import, export or check)"
            )
