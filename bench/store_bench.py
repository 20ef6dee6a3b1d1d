"""Storage: a save with 1,000 stored conferences against 1 stored; listing 1,000 conferences
against reading every file directly (what the index saves us)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from ctxtui.cli.demo import demo_conference
from ctxtui.core.record import Context, Dates
from ctxtui.core.validation import conference_from_dict
from ctxtui.storage.store import Store

from .common import compare, summary, timed

STORED = 1_000


def fill(store: Store, count: int) -> None:
    template = demo_conference()
    for n in range(count):
        template.id = ""
        template.context = Context(name=f"Invented place {n:04d}")
        template.dates = Dates(conference=f"20{10 + n % 20}-0{1 + n % 9}-1{n % 10}")
        store.create(template)


def run() -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory() as one_dir, tempfile.TemporaryDirectory() as many_dir:
        one, many = Store(Path(one_dir)), Store(Path(many_dir))
        fill(many, STORED - 1)
        sessions = [s.open(s.create(demo_conference()).id) for s in (one, many)]

        def save(session):
            def go() -> None:
                session.conference.points.concerns.append("A point typed during the meeting.")
                session.save()

            return go

        t_many, t_one, save_ratio = compare(save(sessions[1]), save(sessions[0]), rounds=41)
        print(
            f"save with {STORED} stored: {t_many * 1e3:.2f} ms; with 1 stored: {t_one * 1e3:.2f} ms"
        )
        lines.append(summary("save_cost_1000_vs_1", f"{t_many * 1e3:.2f}ms", save_ratio, 1.2))

        many.index_path.unlink(missing_ok=True)
        cold = timed(many.list)  # rebuilds the index from every file
        print(f"list {STORED} with no index (first run, rebuilds it): {cold * 1e3:.1f} ms")

        def naive() -> None:
            for path in many.folder.glob("*.json"):
                conference_from_dict(json.loads(path.read_text("utf-8"))["conference"]["1"])

        t_list, t_naive, list_ratio = compare(many.list, naive, rounds=7)
        print(f"list {STORED}: {t_list * 1e3:.1f} ms; reading every file: {t_naive * 1e3:.1f} ms")
        lines.append(summary("list_1000", f"{t_list * 1e3:.1f}ms", list_ratio, 0.5))
        for session in sessions:
            session.close()
    return lines
