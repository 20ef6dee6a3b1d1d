"""Run one app to its first interactive frame, then report the time and the peak memory.

``python -m bench.launch ctxtui DATA_DIR ID``, ``… home DATA_DIR``, ``… bare`` (the same widget
types as the minute-taking screen) or ``… minimal`` (one text area). The time is
from process start (before any import) to the first frame after mount; the memory is the
process's peak resident set. Prints one JSON object: ``seconds`` to the first frame that shows
the app's screen, ``idle`` until the app has nothing left to do after it, ``peak_kib``.
"""

from __future__ import annotations

import json
import resource
import sys
import time

STARTED = time.perf_counter()


def bare_app():
    """A bare Textual app composing the same widget types as the minute-taking screen."""
    from textual.app import App
    from textual.containers import Grid, Horizontal
    from textual.widgets import Footer, Input, Label, OptionList, Static

    from bench.export_bench import big_conference
    from ctxtui.core.labels import TARGET_KEYS

    conference = big_conference()

    class Bare(App[None]):
        def compose(self):
            yield Static("top")
            yield Static("agenda")
            yield Static("tabs")
            with Grid():
                for key in TARGET_KEYS:
                    yield OptionList(*conference.target_list(key))
            with Horizontal():
                yield Label("Concerns")
                yield Input()
            yield Footer()

    return Bare()


def _peak_kib() -> int:
    """This process's peak resident set. Not ``getrusage``: its maximum is carried over from
    the parent through fork and exec, so a big benchmark process would lend it its own."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def minimal_app():
    """The smallest Textual app there is to compare with: one text area."""
    from textual.app import App
    from textual.widgets import TextArea

    class Minimal(App[None]):
        def compose(self):
            yield TextArea()

    return Minimal()


def main() -> None:
    if sys.argv[1] == "bare":
        app = bare_app()
    elif sys.argv[1] == "minimal":
        app = minimal_app()
    elif sys.argv[1] == "home":
        from ctxtui.app import CtxApp
        from ctxtui.storage.store import Store

        app = CtxApp(Store(sys.argv[2]), None)
    else:
        from ctxtui.app import CtxApp
        from ctxtui.storage.store import Store

        app = CtxApp(Store(sys.argv[2]), sys.argv[3])
    first_frame: list[float] = []
    idle: list[float] = []
    display = app._display

    def first_display(screen, renderable) -> None:
        # the first frame that shows a screen with something on it (not the blank default
        # screen an app shows before it pushes its own)
        if renderable is not None and not first_frame and screen.children:
            first_frame.append(time.perf_counter() - STARTED)
        display(screen, renderable)

    app._display = first_display  # type: ignore[method-assign]

    async def auto_pilot(pilot) -> None:
        await pilot.pause()  # the first frame, and whatever the app does after it, until idle
        idle.append(time.perf_counter() - STARTED)
        app.exit()

    app.run(headless=True, size=(80, 24), auto_pilot=auto_pilot)
    peak_kib = _peak_kib()
    print(json.dumps({"seconds": first_frame[0], "idle": idle[0], "peak_kib": peak_kib}))


if __name__ == "__main__":
    main()
