"""Types points into a conference through the same editor and autosaver as the app, saving
after each, and says on stdout which point's save has completed. A test kills it with SIGKILL
at a random moment."""

from __future__ import annotations

import sys

from ctxtui.meeting.autosave import Autosaver
from ctxtui.meeting.editing import Editor
from ctxtui.storage.store import Store


def main(root: str, conference_id: str, label: str) -> None:
    session = Store(root).open(conference_id)
    editor = Editor(session.conference)
    saver = Autosaver(session, editor)
    n = 0
    while True:
        editor.points.add("concerns", f"{label} point {n} " + "x" * (n % 50))
        if n % 7 == 0:
            editor.points.move("concerns", len(editor.points.of("concerns")) - 1, -1)
            editor.points.move("concerns", len(editor.points.of("concerns")) - 2, 1)
        if not saver.flush():
            raise SystemExit(saver.error)
        print(f"saved {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
