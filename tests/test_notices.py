"""Notices never cover the capture line or the field being typed in at 80×24."""

from __future__ import annotations

from textual.widgets._toast import Toast

from ctxtui.app import CtxApp
from ctxtui.screens.forms import FormScreen

from .conftest import burst, wait_for

SIZE = (80, 24)


def covered(app: CtxApp) -> list[str]:
    """The toasts on screen that overlap the focused widget."""
    focused = app.focused
    assert focused is not None
    toasts = list(app.screen.query(Toast))
    assert toasts, "no notice is showing"
    return [str(t.region) for t in toasts if t.region.overlaps(focused.region)]


async def test_a_notice_leaves_the_capture_line_clear(demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await burst(pilot, "a point", "enter", "ctrl+z", "ctrl+s", "down", "delete")
        await wait_for(lambda: len(app.screen.query(Toast)) == 1)  # one notice at a time
        assert app.focused is app.screen.capture
        assert covered(app) == []


async def test_a_notice_leaves_the_field_being_typed_in_clear(demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await burst(pilot, "", "ctrl+e")
        await wait_for(lambda: isinstance(app.screen, FormScreen))
        for field in range(5):  # each field in turn, a notice showing
            app.notify("A notice of a usual length, long enough to wrap onto a second line.")
            await pilot.pause()
            assert covered(app) == [], f"field {field}"
            await burst(pilot, "", "tab")
