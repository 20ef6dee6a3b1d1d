from __future__ import annotations

import json
from pathlib import Path

import pytest

from ctxtui.cli.demo import demo_conference
from ctxtui.core.record import SCHEMA


def test_new_list_and_export(cli):
    first = cli.ok(
        "new", "--context", "Ashton Park", "--type", "neighbourhood", "--date", "2026-12-24"
    ).strip()
    second = cli.ok(
        "new", "--context", "St Mary's School", "--type", "school", "--date", "2026-04-02"
    ).strip()
    assert (first, second) == ("ashton-park-2026-12-24", "st-mary-s-school-2026-04-02")
    rows = cli.json("list", "--json")
    assert [r["id"] for r in rows] == [first, second]
    assert {
        "context": "Ashton Park",
        "type": "neighbourhood",
        "kind": "initial",
        "status": "draft",
        "conference": "2026-12-24",
        "minutes_due": "2026-12-29",
        "review_due": "2027-03-24",
        "previous_id": None,
    }.items() <= rows[0].items()
    assert rows[1]["minutes_due"] == "2026-04-07"
    scottish = json.loads(cli.ok("list", "--json", env={"CTXTUI_NATION": "scotland"}))
    assert scottish[1]["minutes_due"] == "2026-04-06"
    text = cli.ok("list")
    assert "Ashton Park" in text and "2026-12-29" in text
    exported = cli.json("export", first, "--format", "json")
    assert exported["schema"] == SCHEMA and exported["context"]["type"] == "neighbourhood"


def test_import_then_export_gives_back_the_same_record(cli, store, tmp_path: Path):
    record = demo_conference().to_dict()
    source = tmp_path / "in.json"
    source.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    new_id = cli.ok("import", str(source)).strip()
    assert new_id == "kestrel-fields-estate-and-millbrook-2026-01-20"
    # the audit anchor (a line of this data folder's own log) is never exported
    assert store.load(new_id).audit_anchor
    assert cli.json("export", new_id, "--format", "json") == {**record, "id": new_id}
    # a file that names its id keeps it while it is free, and says so when it is not
    named = tmp_path / "named.json"
    named.write_text(json.dumps({**record, "id": "kf-copy"}), encoding="utf-8")
    assert cli.ok("import", str(named)).strip() == "kf-copy"
    result = cli("import", str(named))
    assert result.returncode == 0
    assert result.stdout.strip() == "kf-copy-2"
    assert "'kf-copy' already exists" in result.stderr
    assert cli.ok("import", "-", input=json.dumps(record)).strip() == new_id + "-2"


BAD_FILES = [
    ("not json", "is not valid JSON (line 1"),
    ("[]", "record: must be a JSON object"),
    ('{"schema": "ctxtui.conference/1", "extra": 1}', "unknown key(s): 'extra'"),
    (
        '{"schema": "ctxtui.conference/1", "attendees": [{"name": 5}]}',
        "attendees[0].name: must be text",
    ),
    ('{"schema": "ctxtui.conference/1", "dates": {"conference": "tomorrow"}}', "dates.conference"),
    ('{"context": {}}', "missing schema"),
]


@pytest.mark.parametrize(("content", "message"), BAD_FILES)
def test_a_bad_import_is_refused_whole_with_one_sentence(
    cli, store, tmp_path: Path, content, message
):
    source = tmp_path / "bad.json"
    source.write_text(content, encoding="utf-8")
    result = cli("import", str(source))
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert list(store.folder.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["open", "no-such-conference"], "There is no conference 'no-such-conference'."),
        (["export", "no-such", "--format", "json"], "There is no conference"),
        (["export", "../etc", "--format", "json"], "is not a conference id"),
        (["import", "/no/such/file.json"], "cannot read /no/such/file.json"),
        (["new", "--context", "X", "--date", "2026-13-01"], "--date must be a date"),
        (["new", "--context", "  "], "needs the name"),
    ],
)
def test_user_mistakes_print_one_sentence(cli, args, message):
    result = cli(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("ctxtui: ") and message in result.stderr
    assert "Traceback" not in result.stderr


def test_export_never_overwrites_without_force(cli, tmp_path: Path):
    conference_id = cli.ok("new", "--context", "The Parade", "--date", "2026-03-03").strip()
    out = tmp_path / "minutes.json"
    out.write_text("keep me", encoding="utf-8")
    result = cli("export", conference_id, "--format", "json", "--out", str(out))
    assert result.returncode == 2 and "already exists" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    cli.ok("export", conference_id, "--format", "json", "--out", str(out), "--force")
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == conference_id
    fresh = tmp_path / "fresh.json"
    cli.ok("export", conference_id, "--format", "json", "--out", str(fresh))
    assert fresh.stat().st_mode & 0o077 == 0


def test_an_unreadable_file_is_a_warning_not_a_failure(cli, store):
    good = cli.ok("new", "--context", "Good place", "--date", "2026-05-05").strip()
    (store.folder / "broken.json").write_text("{", encoding="utf-8")
    result = cli("list", "--json")
    assert result.returncode == 0
    assert [r["id"] for r in json.loads(result.stdout)] == [good]
    assert "broken.json cannot be read" in result.stderr


def test_data_dir_option_beats_the_environment(cli, tmp_path: Path):
    other = tmp_path / "other"
    made = cli.ok("--data-dir", str(other), "new", "--context", "Elsewhere").strip()
    assert (other / "conferences" / f"{made}.json").exists()
    assert cli.json("list", "--data-dir", str(other), "--json")[0]["id"] == made
    assert cli.json("list", "--json") == []


def test_import_takes_many_files_and_names_each_bad_one(cli, tmp_path):
    good = []
    for n in range(3):
        record = demo_conference().to_dict()
        record["context"]["name"] = f"Invented place {n}"
        record["id"] = ""
        path = tmp_path / f"good{n}.json"
        path.write_text(json.dumps(record), encoding="utf-8")
        good.append(str(path))
    broken = tmp_path / "broken.json"
    broken.write_text("{ half", encoding="utf-8")
    missing = str(tmp_path / "missing.json")
    result = cli("import", good[0], str(broken), good[1], missing, good[2])
    assert result.returncode == 1
    assert len(result.stdout.split()) == 3
    assert f"{broken} is not valid JSON" in result.stderr
    assert f"cannot read {missing}" in result.stderr
    assert "3 of 5 files imported" in result.stderr
    assert len(cli.json("list", "--json")) == 3
    none = cli("import", str(broken), missing)
    assert none.returncode == 2 and "0 of 2 files imported" in none.stderr
    assert len(cli.json("list", "--json")) == 3  # nothing half-stored


@pytest.mark.parametrize("command", ["", "demo", "open", "board"])
def test_the_app_says_it_needs_a_terminal_when_it_has_none(cli, store, command):
    conference = store.create(demo_conference())
    args = (
        [command, conference.id] if command in ("open", "board") else [command] if command else []
    )
    result = cli(*args, input="")
    assert result.returncode == 2
    assert "the app needs a terminal, and standard input is not one" in result.stderr
    assert "Traceback" not in result.stderr
