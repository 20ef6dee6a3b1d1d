"""The plan and scaling screens, driven by the keyboard; each asserts on the stored record."""

from __future__ import annotations

import asyncio

from ctxtui.core.record import Action, Attendee, Conference
from ctxtui.screens.forms import FormScreen as ActionForm
from ctxtui.screens.plan import PlanScreen
from ctxtui.screens.scaling import ScalingScreen

from .conftest import burst, wait_for

SIZE = (80, 24)

# Appendix A of the North Somerset guidance (shared/seeds/001_…): the example plan's rows as
# (worry, helping, goal, intervention, agency, timescale).
APPENDIX_A = [
    (
        "Normalization of harmful sexual behavior/ norms amongst students including sexual "
        "harassment within school by male students.",
        "",
        "",
        "Bystander Approach Intervention to be delivered to staff and students.",
        "Early Help",
        "",
    ),
    (
        "",
        "",
        "",
        "Review of school policies/procedures to include greater detail on school response to "
        "harmful sexual behavior ensuring links between behavior policy and safeguarding policy",
        "School",
        "",
    ),
    (
        "",
        "",
        "",
        "Well-being survey to be administered across all year groups annually including questions "
        "about corridor culture, sexual harassment and harmful sexual behaviors in school.",
        "School",
        "Annually",
    ),
    (
        "Young people feel unsafe in local neighborhood locations",
        "",
        "",
        "Further consultation with students to be undertaken including safety mapping local "
        "neighborhood and routes to school.",
        "Lead Social Worker",
        "",
    ),
    (
        "",
        "",
        "",
        "Following consultation, discuss issues raised and concerns and plan with Safer "
        "Neighbourhoods/ Community safety: enforcement response XXX where students have reported "
        "XXX increased lighting and supervision in identified areas",
        "Safer neighborhoods",
        "",
    ),
]


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[c if c != " " else "space" for c in text])


async def fill_row(pilot, values) -> None:
    """Type one plan row into the form: Enter moves to the next field."""
    worry, helping, goal, intervention, agency, timescale = values
    for value in (worry, helping, goal, intervention, agency, timescale):
        await burst(pilot, value, "enter")


async def test_appendix_a_typed_in_through_the_keyboard(store, make_app):
    conference = store.create(Conference())
    app = make_app(conference.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, PlanScreen)
        for row in APPENDIX_A:
            await pilot.press("a")
            await wait_for(lambda: isinstance(app.screen, ActionForm))
            await fill_row(pilot, row)
            await pilot.press("ctrl+s")
            await wait_for(lambda: isinstance(app.screen, PlanScreen))
        await pilot.press("escape", "ctrl+s")
    stored = store.load(conference.id).actions
    assert len(stored) == len(APPENDIX_A)
    for action, row in zip(stored, APPENDIX_A, strict=True):
        worry, helping, goal, intervention, agency, timescale = row
        assert action == Action(worry, helping, goal, intervention, agency, timescale, "open", "")


async def test_edit_status_reorder_delete_undo(store, demo, make_app):
    app = make_app(demo.id)
    first, second, *rest = demo.actions
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f", "s", "ctrl+s")  # in-progress -> done
        assert store.load(demo.id).actions[0].status == "done"
        await pilot.press("right_square_bracket", "ctrl+s")
        assert [a.intervention for a in store.load(demo.id).actions[:2]] == [
            second.intervention,
            first.intervention,
        ]
        await pilot.press("delete", "ctrl+s")
        assert len(store.load(demo.id).actions) == len(demo.actions) - 1
        await pilot.press("ctrl+z", "ctrl+s")
        assert len(store.load(demo.id).actions) == len(demo.actions)
        await pilot.press("enter")  # edit the highlighted row (the first row, now second)
        await wait_for(lambda: isinstance(app.screen, ActionForm))
        progress = app.screen.query_one("#progress")
        progress.focus()
        await type_text(pilot, "Lights fixed 9 Feb.")
        await pilot.press("ctrl+s")
        await wait_for(lambda: isinstance(app.screen, PlanScreen))
        await pilot.press("ctrl+s")
    moved = store.load(demo.id).actions[1]
    assert moved.intervention == first.intervention
    assert moved.progress == first.progress + "Lights fixed 9 Feb."
    assert moved.status == "done"


async def test_cancel_leaves_the_row_as_it_was(store, demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f", "e")
        await wait_for(lambda: isinstance(app.screen, ActionForm))
        await type_text(pilot, "scribble")
        await pilot.press("escape", "d")  # leaving asks: d discards what was typed
        await wait_for(lambda: isinstance(app.screen, PlanScreen))
        await pilot.press("ctrl+s")
    assert store.load(demo.id).actions == demo.actions


async def test_catalogue_and_agency_pickers(store, demo, make_app):
    from ctxtui.core.catalogue import interventions_for

    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f", "a")
        await wait_for(lambda: isinstance(app.screen, ActionForm))
        await pilot.press("enter", "enter", "enter")  # to the intervention field
        assert app.focused.id == "intervention"
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert app.focused.id == "intervention"
        await pilot.press("enter")
        await type_text(pilot, "Hous")
        await pilot.press("right")  # take the suggestion
        await pilot.press("ctrl+s")
        await wait_for(lambda: isinstance(app.screen, PlanScreen))
        await pilot.press("ctrl+s")
    added = store.load(demo.id).actions[-1]
    assert added.intervention == interventions_for("neighbourhood")[1]
    assert added.agency == "Housing"


async def test_one_key_turns_a_concern_into_a_plan_row(store, demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "home", "down", "ctrl+w")
        await wait_for(lambda: isinstance(app.screen, ActionForm))
        assert app.screen.query_one("#worry").value == demo.points.concerns[1]
        await pilot.press("escape")  # cancelled: nothing is added
        await wait_for(lambda: not isinstance(app.screen, ActionForm))
        await pilot.press("ctrl+s")
        assert store.load(demo.id).actions == demo.actions
        await pilot.press("down", "home", "down", "ctrl+w")
        await wait_for(lambda: isinstance(app.screen, ActionForm))
        await burst(pilot, "", "shift+tab")  # from the agency (where it opens) to the intervention
        await burst(pilot, "Detached youth work", "ctrl+s")
        await wait_for(lambda: not isinstance(app.screen, ActionForm))
        assert app.focused is app.screen.capture
        await pilot.press("ctrl+s")
    added = store.load(demo.id).actions[-1]
    assert (added.worry, added.intervention) == (demo.points.concerns[1], "Detached youth work")
    assert len(store.load(demo.id).actions) == len(demo.actions) + 1


async def test_scaling_scores_by_keyboard(store, demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+y")
        assert isinstance(app.screen, ScalingScreen)
        await pilot.press("7", "down", "1", "0", "down", "x", "down", "right", "right")
        await pilot.press("down", "left", "down", "5")
        await pilot.press("enter", "ctrl+u")  # the box starts with the reasoning so far
        await type_text(pilot, "Goal two is close")
        await pilot.press("enter", "q", "ctrl+u")
        await type_text(pilot, "How safe is the underpass, 0 to 10?")
        await pilot.press("enter")
        summary = str(app.screen.query_one("#scaling-summary").render())
        await pilot.press("escape", "ctrl+s")
    record = store.load(demo.id)
    scores = {s.attendee: (s.score, s.reason) for s in record.scaling.scores}
    assert scores["Priya Okafor"][0] == 7
    assert scores["Tom Brennan"][0] == 10
    assert scores["Gwen Hollis"][0] is None
    assert scores["Sam Adeyemi"][0] == 5  # 3, up twice
    assert scores["Ruth Castellano"][0] == 3  # 4, down once
    assert scores["Leon Marsh"] == (5, "Goal two is close")
    assert record.scaling.question == "How safe is the underpass, 0 to 10?"
    # 7 present people, 6 scored: 3 5 5 7 10 + Hana's none… Gwen cleared
    assert "5 of 7 scored · median 5 · range 3–10" in summary


async def test_scaling_lists_only_present_attendees_and_shows_the_previous_median(
    store, demo, make_app
):
    earlier = store.create(demo)  # a copy stands in for the previous conference
    with store.open(demo.id) as session:
        session.conference.kind = "review"
        session.conference.previous_id = earlier.id
        session.conference.attendees.append(Attendee("New Person", "Ranger", "Parks", "present"))
        session.save()
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+y")
        screen = app.screen
        names = [name for name, _ in screen.people()]
        assert "Dev Raman" not in names and "Martin Osei" not in names  # apologies, absent
        assert names[-1] == "New Person"
        summary = str(screen.query_one("#scaling-summary").render())
        assert "previous conference: median 3 → today 3" in summary


async def test_autosave_keeps_running_under_other_screens(store, demo, make_app):
    app = make_app(demo.id, autosave=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f", "s")
        await wait_for(lambda: store.load(demo.id).actions[0].status == "done")
        await pilot.press("escape", "ctrl+y", "9")
        await wait_for(lambda: store.load(demo.id).scaling.scores[0].score == 9)


async def test_the_same_digits_give_the_same_score_at_any_speed(store, demo, make_app):
    """Issue 41, case 2: digits build a row's score until Enter or another row, whatever the
    time between them; a digit that would make no score from 0 to 10 starts again."""
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+y")
        assert isinstance(app.screen, ScalingScreen)
        await pilot.press("1")
        await asyncio.sleep(1.2)  # slower than the old one-second window
        await pilot.press("0", "down", "1", "0", "5", "down", "0", "6", "down", "4")
        await pilot.press("ctrl+s")
    scores = [s.score for s in store.load(demo.id).scaling.scores[:4]]
    assert scores == [10, 5, 6, 4]
