"""Preview and export from the minute-taking screen, by keyboard."""

from __future__ import annotations

import io

import docx
import pytest

from ctxtui.export import RECORDING_INDEX, ExportError
from ctxtui.export import docx as docx_module
from ctxtui.screens.export import ExportScreen
from ctxtui.screens.preview import PreviewScreen

from .conftest import wait_for

SIZE = (80, 24)


async def open_export(pilot, folder) -> None:
    await pilot.press("ctrl+o", "e")
    await wait_for(lambda: isinstance(pilot.app.screen, ExportScreen))
    pilot.app.screen.query_one("#folder").value = str(folder)


async def test_preview_shows_the_minutes(demo_app, demo):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Typed", "space", *"just", "space", *"now", "enter")
        await pilot.press("ctrl+o", "v")
        await wait_for(lambda: isinstance(demo_app.screen, PreviewScreen))
        assert "Typed just now" in demo_app.screen.markdown
        assert "OFFICIAL-SENSITIVE" in demo_app.screen.markdown
        await pilot.press("escape")
        assert demo_app.focused is demo_app.screen.capture


async def test_the_preview_of_a_big_record_shows_its_text_and_turns_whole_pages(store, make_app):
    from bench.export_bench import big_conference
    from ctxtui.screens.preview import MinutesView

    conference = store.create(big_conference())
    app = make_app(conference.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await wait_for(lambda: isinstance(app.screen, PreviewScreen))
        view = app.screen.query_one(MinutesView)
        await wait_for(lambda: len(view.lines) > 500, timeout=10)
        shown = "\n".join(line.text for line in view.lines)
        assert "OFFICIAL-SENSITIVE" in shown and "Invented point about lighting" in shown
        assert view.scroll_y == 0
        await pilot.press("pagedown")
        await wait_for(lambda: view.scroll_y >= view.size.height - 2)  # a whole screen
        page = view.scroll_y
        await pilot.press("pagedown")
        await wait_for(lambda: view.scroll_y >= 2 * page)
        await pilot.press("pageup")
        await wait_for(lambda: view.scroll_y == page)
        await pilot.press("escape")
        await wait_for(lambda: not isinstance(app.screen, PreviewScreen))


async def test_export_docx_with_the_default_name(demo_app, demo, tmp_path):
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(pilot, tmp_path)
        await pilot.press("enter", "enter", "enter")  # format, folder, name: then export
        target = tmp_path / "2026-01-20-kestrel-fields-estate-and-millbrook-minutes.docx"
        await wait_for(
            lambda: any(str(target) in str(n.message) for n in demo_app.notices), timeout=20
        )
    document = docx.Document(io.BytesIO(target.read_bytes()))
    assert document.sections[0].header.paragraphs[0].text == "OFFICIAL-SENSITIVE"


async def test_markdown_format_renames_and_existing_files_are_kept_unless_replaced(
    demo_app, tmp_path
):
    existing = tmp_path / "2026-01-20-kestrel-fields-estate-and-millbrook-minutes.md"
    existing.write_text("keep me", encoding="utf-8")
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(pilot, tmp_path)
        demo_app.screen.query_one("#format").value = "md"
        await pilot.pause()
        assert demo_app.screen.query_one("#name").value == existing.name
        demo_app.screen.query_one("#name").focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")  # do not replace: the export form stays, to choose another name
        await wait_for(lambda: isinstance(demo_app.screen, ExportScreen))
        assert existing.read_text(encoding="utf-8") == "keep me"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await wait_for(lambda: existing.read_text(encoding="utf-8").startswith("**OFFICIAL"))


async def test_a_name_with_folders_is_refused(demo_app, tmp_path):
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(pilot, tmp_path)
        demo_app.screen.query_one("#name").value = "../escape.docx"
        demo_app.screen.query_one("#name").focus()
        await pilot.press("enter")
        assert isinstance(demo_app.screen, ExportScreen)
        await wait_for(
            lambda: "plain file name" in str(demo_app.screen.query_one("#name-note").render())
        )
    assert not (tmp_path.parent / "escape.docx").exists()


async def test_without_pandoc_the_markdown_is_written_and_said(demo_app, tmp_path, monkeypatch):
    def no_pandoc(markdown, **_options):
        raise docx_module.PandocUnavailable("pandoc could not run (not installed)")

    monkeypatch.setattr(docx_module, "markdown_to_docx", no_pandoc)
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(pilot, tmp_path)
        await pilot.press("enter", "enter", "enter")
        fallback = tmp_path / "2026-01-20-kestrel-fields-estate-and-millbrook-minutes.md"
        await wait_for(lambda: fallback.exists())
        await wait_for(lambda: any("No DOCX" in str(n.message) for n in demo_app.notices))
    assert not fallback.with_suffix(".docx").exists()


async def test_pdf_is_a_choice_of_the_export_dialog(demo_app, tmp_path):
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(pilot, tmp_path)
        format_field = demo_app.screen.query_one("#format")
        format_field.focus()
        await pilot.press("p")  # a letter picks the choice it starts
        await wait_for(lambda: format_field.value == "pdf")
        assert demo_app.screen.query_one("#name").value.endswith("-minutes.pdf")
        demo_app.screen.query_one("#name").focus()
        await pilot.press("enter")
        target = tmp_path / "2026-01-20-kestrel-fields-estate-and-millbrook-minutes.pdf"
        await wait_for(
            lambda: any(str(target) in str(n.message) for n in demo_app.notices), timeout=30
        )
    assert target.read_bytes().startswith(b"%PDF")


async def test_the_dialog_opens_on_its_first_field_in_the_exports_folder(demo_app, tmp_path):
    """Issue 41, case 6: one Enter never exports; the folder offered is the configured one
    (made when missing), never the folder the app was started from."""
    folder = tmp_path / "exports"  # CTXTUI_EXPORTS_DIR in the tests
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "e")
        await wait_for(lambda: isinstance(pilot.app.screen, ExportScreen))
        screen = demo_app.screen
        assert screen.focused is screen.query_one("#format")
        assert screen.query_one("#folder").value == str(folder)
        await pilot.press("enter")
        assert isinstance(demo_app.screen, ExportScreen)  # moved on, not exported
        assert screen.focused is screen.query_one("#folder")
        await pilot.press("enter", "enter")
        target = folder / "2026-01-20-kestrel-fields-estate-and-millbrook-minutes.docx"
        await wait_for(lambda: target.exists(), timeout=20)
    assert (folder.stat().st_mode & 0o077) == 0  # made private


async def test_a_recorded_meeting_offers_its_recording_index_for_the_service(
    store, recorded_id, make_app, tmp_path
):
    app = make_app(recorded_id)
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot, tmp_path)
        screen = app.screen
        format_field = screen.query_one("#format")
        assert format_field.choices[-1] == RECORDING_INDEX
        format_field.focus()
        await pilot.press("r")
        await wait_for(lambda: format_field.value == RECORDING_INDEX)
        note = str(screen.query_one("#format-note").render())
        assert "for the service's own records" in note and "Never circulated" in note
        name = "2026-01-20-kestrel-fields-estate-and-millbrook-recording-index.md"
        assert screen.query_one("#name").value == name
        screen.query_one("#name").focus()
        await pilot.press("enter")
        target = tmp_path / name
        await wait_for(
            lambda: any(
                f"Recording index (never circulated) written to {target}" in str(n.message)
                for n in app.notices
            ),
            timeout=20,
        )
    index = target.read_text(encoding="utf-8")
    assert "| 0:12:03 | Strengths, point 5 | The caretaker walks the path at 4pm |" in index
    assert "RECSTORE/2026/0117" in index and "never circulated" in index
    assert any(
        e.action == "export" and e.detail == f"{RECORDING_INDEX} {target}"
        for e in store.audit.events()
    )


async def test_a_meeting_not_recorded_is_not_offered_a_recording_index(demo_app, tmp_path):
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(pilot, tmp_path)
        format_field = demo_app.screen.query_one("#format")
        assert RECORDING_INDEX not in format_field.choices
        format_field.focus()
        await pilot.press("r")  # no choice starts with it: the format stays
        assert format_field.value == "docx"
        assert str(demo_app.screen.query_one("#format-note").render()) == ""
        # and the one path to the file refuses it, in one sentence, writing nothing
        (meeting,) = demo_app.meetings.values()
        target = tmp_path / "index.md"
        with pytest.raises(ExportError, match="^this conference was not recorded, so it has no "):
            meeting.export(meeting.snapshot(), RECORDING_INDEX, target, replace=False)
    assert not target.exists()
