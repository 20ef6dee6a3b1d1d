"""A context's story (a chain, its trend, its closure) and the service report, whose every
figure is worked out again here from ``list --json`` and the stored files alone."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import random
import statistics
from collections import Counter

import pytest
from docx import Document

from ctxtui.cli.demo import demo_conference
from ctxtui.core.record import ValidationError
from ctxtui.core.rules import BadValue, Refused
from ctxtui.core.story import chain_ids
from ctxtui.core.validation import conference_from_dict
from ctxtui.export import render
from ctxtui.meeting.meeting import Meeting, create_review
from ctxtui.meeting.service import load_story, story_so_far
from ctxtui.storage.conffile import encode_document
from ctxtui.storage.files import atomic_create
from ctxtui.storage.store import Store


def _chain_of_three(store: Store, clock) -> list[str]:
    """An initial conference and two reviews, scored higher each time."""
    first = store.create(demo_conference())
    ids = [first.id]
    for day, lift in ((dt.date(2026, 4, 20), 2), (dt.date(2026, 7, 20), 4)):
        review = create_review(store, ids[-1], day)
        meeting = Meeting(store, review.id, clock)
        for n, person in enumerate(meeting.conference.attendees):
            meeting.editor.scores.set_score(person.name, min(10, 3 + lift + n % 3))
        row = copy.copy(meeting.conference.actions[0])
        row.status = "done"
        meeting.editor.rows.update("actions", 0, row)
        assert meeting.flush()
        meeting.close()
        ids.append(review.id)
    clock.time = dt.datetime(2026, 7, 20, 12)  # the last one has been held: it can be closed
    return ids


def test_the_story_of_a_chain_from_any_of_its_conferences(store, clock):
    ids = _chain_of_three(store, clock)
    for member in ids:
        story = load_story(store, member)
        assert [f.id for f in story.conferences] == ids
    story = load_story(store, ids[0])
    medians = [f.median for f in story.conferences]
    assert medians[1] < medians[2] and story.change() == medians[2] - medians[0]
    assert story.conferences[2].count("done") == 1
    links = {"a": None, "b": "a", "c": "b", "x": None}
    assert chain_ids("c", links, {"a": "1", "b": "2", "c": "3"}) == ["a", "b", "c"]
    assert chain_ids("x", links, {}) == ["x"]
    looped = {"p": "q", "q": "p"}
    assert sorted(chain_ids("p", looped, {})) == ["p", "q"]


def test_closing_reopening_and_their_rules(store, clock):
    ids = _chain_of_three(store, clock)
    meeting = Meeting(store, ids[-1], clock)
    with pytest.raises(BadValue):
        meeting.editor.close_context("other", "")
    with pytest.raises(BadValue):
        meeting.editor.close_context("gone-away")
    assert meeting.close_context("risk-reduced", "", ["Priya Okafor"], "")
    assert meeting.conference.closure.date == "2026-07-20"
    meeting.editor.undo()
    assert not meeting.conference.closure.outcome
    meeting.editor.redo()
    clock.time = dt.datetime(2026, 7, 21, 9)
    assert meeting.finalise()
    with pytest.raises(Refused):
        meeting.editor.close_context("risk-reduced")
    assert meeting.reopen_context("New concerns at the parade")
    assert meeting.conference.status == "draft"
    assert meeting.conference.amendments[-1].reason.startswith("Context reopened")
    assert not meeting.conference.closure.outcome
    meeting.close()
    assert [s.closed for s in store.list().summaries if s.id == ids[-1]] == [""]
    bad = store.load(ids[-1]).to_dict()
    bad["closure"] = {"outcome": "other", "reason": "", "agreed_by": [], "date": "2026-07-20"}
    with pytest.raises(ValidationError):
        conference_from_dict(bad)


def test_a_record_without_the_new_keys_reads_as_before(store):
    data = demo_conference().to_dict()
    del data["closure"]
    conference = conference_from_dict(data)
    assert conference.closure.outcome == "" and conference.kind == "initial"
    data["kind"] = "closure"
    assert conference_from_dict(data).kind == "closure"


def test_the_minutes_tell_the_story_so_far_and_the_docx_draws_it(store, clock):
    ids = _chain_of_three(store, clock)
    meeting = Meeting(store, ids[-1], clock)
    meeting.close_context("other-plan", "Moved to the exploitation panel", ["Tom Brennan"], "")
    meeting.flush()
    last = meeting.conference
    meeting.close()
    story = story_so_far(store, last)
    text = render(last, "md", nation="england-and-wales", story=story).decode()
    assert "## The context's story" in text and "## Closure" in text
    assert "Moved to another plan or panel" in text
    assert "Scaling median: 3 → " in text
    first = store.load(ids[0])
    plain = render(first, "md", nation="england-and-wales", story=story_so_far(store, first))
    assert b"The context's story" not in plain
    document = Document(io.BytesIO(render(last, "docx", nation="england-and-wales", story=story)))
    assert len(document.inline_shapes) == 1
    described = [
        element.get("descr")
        for element in document.element.body.iter()
        if element.tag.endswith("}docPr")
    ]
    assert described and described[0].startswith("Line chart of the scaling median")
    assert "Monday 20 July 2026" in described[0]


def test_story_close_and_report_commands(store, cli, clock, tmp_path):
    ids = _chain_of_three(store, clock)
    assert "Closed on 2026-07-20" in cli.ok(
        "close", ids[-1], "--outcome", "place-changed", "--agreed-by", "Priya Okafor, Tom Brennan"
    )
    listed = cli.json("list", "--json")
    assert [row["closed"] for row in listed if row["id"] == ids[-1]] == ["2026-07-20"]
    summary = cli.ok("story", ids[0])
    assert "# Closure summary" in summary and "Actions never completed" in summary
    out = tmp_path / "summary.docx"
    cli.ok("story", ids[1], "--format", "docx", "--out", str(out))
    assert len(Document(str(out)).inline_shapes) == 1
    csv_text = cli.ok("report", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "csv")
    assert "contexts,closed,1" in csv_text and "held,neighbourhood/review,2" in csv_text
    assert cli("report", "--from", "2026-12-31", "--to", "2026-01-01").returncode == 2
    assert "Reopened" in cli.ok("reopen", ids[-1], "--reason", "new concerns")
    assert cli("close", ids[-1], "--outcome", "other").returncode == 2  # no reason given


# ---------------------------------------------------------------- a generated service

TYPES = ("neighbourhood", "school", "peer-group", "online", "other")
AGENCIES = ("Housing", "Police", "Education", "Youth service", "=HYPERLINK(1)")


def _generated_service(store: Store, chains: int = 210, seed: int = 7) -> int:
    """``chains`` chains of 1-9 conferences (initial, reviews, sometimes a closure) written
    straight to the folder; how many conferences."""
    rng = random.Random(seed)
    base = demo_conference().to_dict()
    count = 0
    for c in range(chains):
        held = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 700))
        previous = None
        length = rng.randint(1, 9)
        for n in range(length):
            data = json.loads(json.dumps(base))
            data["id"] = f"place-{c:03d}-{n}"
            data["context"]["name"] = f"Place {c:03d}"
            data["context"]["type"] = TYPES[c % len(TYPES)]
            data["kind"] = "initial" if n == 0 else rng.choice(("review", "review", "closure"))
            data["previous_id"] = previous
            data["dates"]["conference"] = held.isoformat()
            data["dates"]["review"] = rng.choice(("", (held + dt.timedelta(days=90)).isoformat()))
            sent = held + dt.timedelta(days=rng.choice((0, 1, 1, 2, 5)))
            data["circulated"] = (
                [{"at": f"{sent.isoformat()}T09:00:00", "to": ["a@example.org"]}]
                if rng.random() < 0.85
                else []
            )
            for score in data["scaling"]["scores"]:
                score["score"] = rng.choice((None, *range(11)))
            for action in data["actions"]:
                action["agency"] = rng.choice(AGENCIES)
                action["status"] = rng.choice(
                    ("open", "in-progress", "done", "not-done", "dropped")
                )
                action["due"] = rng.choice(("", (held + dt.timedelta(days=60)).isoformat()))
            if n == length - 1 and rng.random() < 0.3:
                data["closure"] = {
                    "outcome": "risk-reduced",
                    "reason": "",
                    "agreed_by": [],
                    "date": held.isoformat(),
                }
            assert atomic_create(store.path_for(data["id"]), encode_document(data))
            count += 1
            previous = data["id"]
            held += dt.timedelta(days=rng.randrange(60, 130))
    return count


def _expected(listed: list[dict], records: dict[str, dict], start: str, end: str) -> dict:
    """Every figure of the report worked out from list --json and the records, by the rules
    the report's documentation states, with none of its code."""
    inside = [r for r in listed if start <= r["conference"] <= end]
    by_id = {r["id"]: r for r in listed}
    first_sent = {
        cid: min((s["at"][:10] for s in rec["circulated"]), default="")
        for cid, rec in records.items()
    }
    on_time = sum(
        1 for r in inside if first_sent[r["id"]] and first_sent[r["id"]] <= r["minutes_due"]
    )
    late = sum(1 for r in inside if first_sent[r["id"]] and first_sent[r["id"]] > r["minutes_due"])
    reviews = [r for r in inside if r["kind"] != "initial" and r["previous_id"] in by_id]
    reviews_on_time = sum(
        1 for r in reviews if r["conference"] <= by_id[r["previous_id"]]["review_due"]
    )
    root = {}
    for r in listed:
        cid = r["id"]
        while by_id[cid]["previous_id"] in by_id:
            cid = by_id[cid]["previous_id"]
        root.setdefault(cid, []).append(r)
    agencies: Counter = Counter()
    done: Counter = Counter()
    overdue: Counter = Counter()
    changes = []
    for members in root.values():
        so_far = sorted(
            (m for m in members if m["conference"] <= end), key=lambda m: m["conference"]
        )
        if not any(start <= m["conference"] <= end for m in so_far):
            continue
        for action in records[so_far[-1]["id"]]["actions"]:
            agencies[action["agency"]] += 1
            done[action["agency"]] += action["status"] == "done"
            overdue[action["agency"]] += bool(
                action["status"] in ("open", "in-progress")
                and action["due"]
                and action["due"] < end
            )
        medians = []
        for m in so_far:
            scores = [
                s["score"] for s in records[m["id"]]["scaling"]["scores"] if s["score"] is not None
            ]
            if scores:
                medians.append(statistics.median(scores))
        if len(medians) >= 2:
            changes.append(medians[-1] - medians[0])
    return {
        "held": Counter((r["type"], r["kind"]) for r in inside),
        "on_time": on_time,
        "late": late,
        "not_sent": len(inside) - on_time - late,
        "reviews_on_time": reviews_on_time,
        "reviews_late": len(reviews) - reviews_on_time,
        "opened": sum(1 for r in inside if r["kind"] == "initial"),
        "closed": sum(1 for r in listed if r["closed"] and start <= r["closed"] <= end),
        "agencies": {a: (agencies[a], done[a], overdue[a]) for a in agencies},
        "median_change": statistics.median(changes) if changes else None,
    }


def test_every_figure_of_the_report_is_recomputed_from_list_json_and_the_records(store, cli):
    from ctxtui.meeting.service import service_report_of

    total = _generated_service(store)
    listed = cli.json("list", "--json")
    assert total >= 1000 and len(listed) == total
    assert len({r["id"].rsplit("-", 1)[0] for r in listed}) >= 200
    records = {r["id"]: store.raw(r["id"]) for r in listed}
    for start, end in (("2024-01-01", "2026-12-31"), ("2025-03-01", "2025-08-31")):
        want = _expected(listed, records, start, end)
        got, unread = service_report_of(
            store, dt.date.fromisoformat(start), dt.date.fromisoformat(end), "england-and-wales"
        )
        assert unread == []
        assert got.held == want["held"]
        assert (got.minutes_on_time, got.minutes_late, got.minutes_not_sent) == (
            want["on_time"],
            want["late"],
            want["not_sent"],
        )
        assert (got.reviews_on_time, got.reviews_late) == (
            want["reviews_on_time"],
            want["reviews_late"],
        )
        assert (got.opened, got.closed) == (want["opened"], want["closed"])
        assert {a.agency: (a.total, a.done, a.overdue) for a in got.agencies} == want["agencies"]
        assert got.median_change == want["median_change"]
    csv_text = cli.ok("report", "--from", "2024-01-01", "--to", "2026-12-31", "--format", "csv")
    assert "'=HYPERLINK(1)/total" in csv_text  # a cell never starts a formula


# ---------------------------------------------------------------- the keyboard


async def test_story_closure_and_report_from_the_keyboard(
    make_app, store, clock, tmp_path, monkeypatch
):
    from ctxtui.screens.report import ReportScreen
    from ctxtui.screens.story import StoryScreen

    monkeypatch.chdir(tmp_path)  # written where exports go (CTXTUI_EXPORTS_DIR), never here
    exports = tmp_path / "exports"
    ids = _chain_of_three(store, clock)
    app = make_app(ids[-1])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o", "x")
        await pilot.pause()
        await pilot.press("tab", *"calmer now", "tab", *"Ann Visitor", "ctrl+s")
        await pilot.pause()
        closure = store.load(ids[-1]).closure
        assert closure.outcome == "risk-reduced"
        assert closure.agreed_by[-1] == "Ann Visitor"  # a name typed is one more name
        assert len(set(closure.agreed_by)) == len(closure.agreed_by) > 2
        await pilot.press("ctrl+o", "z")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        table = str(app.screen.query_one("#story-table").render())
        assert "Closed 2026-07-20" in table and table.count("2026-") >= 3
        await pilot.press("e")
        await pilot.pause()
        assert sorted(p.suffix for p in exports.glob("*closure-summary*")) == [".docx", ".md"]
        assert list(tmp_path.glob("*closure-summary*")) == []
        await pilot.press("escape")
        await pilot.pause()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listed = " ".join(str(o.prompt) for o in app.screen.query_one("#conferences")._options)
        assert "CLOSED 2026-07-20" in listed
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press(
            "ctrl+a", "ctrl+k", *"2026-01-01", "tab", "ctrl+a", "ctrl+k", *"2026-12-31"
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        assert app.screen.report is not None and app.screen.report.conferences == 3
        await pilot.press("c")
        await pilot.pause()
        assert list(exports.glob("service-report-*.csv"))
