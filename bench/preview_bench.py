"""The preview (F5) on the big conference: from the key to the minutes on screen, against
Textual's own Markdown widget showing the same text (how the preview used to be drawn)."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time

from textual import events

from ctxtui.storage.store import Store

from .common import summary
from .export_bench import big_conference

ROUNDS = 3


async def _ours(store: Store, conference_id: str) -> tuple[float, float]:
    """Seconds to the first screen of the minutes, and to the whole of them laid out."""
    from ctxtui.app import CtxApp
    from ctxtui.screens.preview import MinutesView, PreviewScreen

    app = CtxApp(store, conference_id, autosave_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await asyncio.sleep(0.5)  # the privacy flags, shown just after the first frame
        await pilot.pause()
        started = time.perf_counter()
        # the key as a terminal sends it (Pilot.press would wait until the app is idle)
        app.post_message(events.Key("f5", None))

        def drawn() -> bool:  # the screen may be pushed a moment before its view is mounted
            views = app.screen.query(MinutesView) if isinstance(app.screen, PreviewScreen) else []
            return any(view.lines for view in views)

        while not drawn():
            await asyncio.sleep(0.005)
        first = time.perf_counter() - started  # the first screen of the minutes is drawn
        await pilot.pause()  # until the rest is laid out too
        return first, time.perf_counter() - started


async def _markdown_widget(markdown: str) -> float:
    from textual.app import App
    from textual.containers import VerticalScroll
    from textual.screen import Screen
    from textual.widgets import Markdown

    class Shown(Screen[None]):
        def compose(self):
            with VerticalScroll():
                yield Markdown(markdown)

    app = App[None]()
    async with app.run_test(size=(80, 24)) as pilot:
        started = time.perf_counter()
        await app.push_screen(Shown())
        await pilot.pause()
        return time.perf_counter() - started


def run() -> list[str]:
    from ctxtui.export.markdown import to_markdown

    conference = big_conference()
    markdown = to_markdown(conference)
    ours, theirs = [], []
    with tempfile.TemporaryDirectory() as folder:
        store = Store(folder)
        made = store.create(conference)
        for _ in range(ROUNDS):
            ours.append(asyncio.run(_ours(store, made.id)))
            theirs.append(asyncio.run(_markdown_widget(markdown)))
    first = statistics.median(o[0] for o in ours)
    whole = statistics.median(o[1] for o in ours)
    baseline = statistics.median(theirs)
    print(
        f"preview of the big conference: {first:.3f} s to its first screen, {whole:.3f} s to "
        f"all of it laid out; Textual's Markdown widget on the same text: {baseline:.3f} s"
    )
    return [summary("preview_open_big", f"{whole:.3f}s", whole / baseline, 0.25)]
