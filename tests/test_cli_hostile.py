"""Hostile command lines and files: one sentence on stderr and exit 2, never a traceback, and
every stored record left as it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from ctxtui.cli.demo import demo_conference
from ctxtui.core.record import ValidationError
from ctxtui.core.rules import clean_point
from ctxtui.core.validation import conference_from_dict


def refused(result, *words: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and result.stderr.startswith("ctxtui: ")
    assert len(result.stderr.strip().splitlines()) == 1
    for word in words:
        assert word in result.stderr


def a_record(**changes) -> dict:
    data = demo_conference().to_dict()
    data.update(changes)
    return data


@pytest.mark.parametrize(
    "raw,words",
    [
        ("[" * 100_000 + "]" * 100_000, ("nested too deeply",)),
        ('{"schema": ' + "9" * 5000 + "}", ("number too long",)),
        (json.dumps(a_record(danger_statement="\ud800 lone")), ("danger_statement",)),
        (json.dumps(a_record(id="evil\n")), ("id",)),
        (json.dumps(a_record(danger_statement="a \u202egnp.exe")), ("danger_statement",)),
    ],
    ids=["deep", "long number", "lone surrogate", "id with newline", "bidi override"],
)
def test_bad_imports_are_refused_whole(cli, tmp_path, raw, words):
    source = tmp_path / "bad.json"
    source.write_text(raw, encoding="utf-8", errors="surrogatepass")
    refused(cli("import", str(source)), *words)
    assert cli.json("list", "--json") == []


@pytest.mark.parametrize("date", ["9999-12-31", "20260101", "0001-01-01", "2026-1-5"])
def test_dates_outside_the_form_or_range_are_refused(cli, date):
    refused(cli("new", "--context", "Park", "--date", date), "--date")


def test_output_that_cannot_be_written_is_one_sentence(cli, demo):
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "ctxtui", "list", "--json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "CTXTUI_DATA_DIR": str(cli.data_dir)},
            timeout=60,
        )
    refused(result, "standard output")
    closed = subprocess.run(
        [sys.executable, "-m", "ctxtui", "export", demo.id, "--format", "md"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CTXTUI_DATA_DIR": str(cli.data_dir)},
        timeout=60,
        pass_fds=(),
        preexec_fn=lambda: os.close(1),
    )
    refused(closed, "standard output")


def test_export_never_replaces_a_device_or_a_pipe(cli, demo, tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    refused(cli("export", demo.id, "--format", "md", "--out", str(pipe), "--force"), "ordinary")
    assert pipe.is_fifo()
    refused(cli("export", demo.id, "--format", "md", "--out", "/dev/null", "--force"), "ordinary")
    refused(cli("export", demo.id, "--format", "md", "--out", ""), "--out")
    target = tmp_path / "minutes.md"
    cli.ok("export", demo.id, "--format", "md", "--out", str(target))
    refused(cli("export", demo.id, "--format", "md", "--out", str(target)), "--force")


def test_direction_overrides_are_stripped_from_typed_text():
    assert clean_point("meet at the \u202egarages\u202c tonight") == "meet at the garages tonight"
    with pytest.raises(ValidationError, match="text-direction"):
        conference_from_dict(a_record(safety_goals=["\u2066isolated\u2069"]))
