"""The key queue's own duties that the burst and differential tests do not reach."""

from __future__ import annotations

import pytest

from ctxtui.widgets.capture import CaptureInput

from .conftest import burst, wait_for


async def test_a_key_that_fails_ends_the_app_with_its_error_as_textual_would(
    demo, make_app, monkeypatch
):
    """A failure while the queue hands out a key is raised in the app's own loop: the app ends
    with the error and exit code 1, as for any failing handler, and no key is handed out to a
    dying app."""

    def broken(self: CaptureInput, text: str) -> None:
        raise RuntimeError("a planted failure")

    monkeypatch.setattr(CaptureInput, "type_run", broken)
    app = make_app(demo.id)
    with pytest.raises(RuntimeError, match="a planted failure"):
        async with app.run_test(size=(80, 24)) as pilot:
            await burst(pilot, "abc", "enter", "x", "y")
            await wait_for(lambda: not app.is_running, timeout=10)
    assert app.return_code == 1
    assert not app.keys.waiting
