"""Start-up and peak memory: ``ctxtui open`` on the big conference against a bare Textual app
composing the same widget types, and against the smallest Textual app (one text area), each in
a new process. The first frame is when the app's screen is first drawn; "idle" is when the app
has nothing left to do after it (for ctxtui: the privacy flags, which come just after). First
frames are compared run by run (``common.paired_ratio``), ctxtui launched right beside the one
text area, before it in one round and after it in the next; times shown are medians."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile

from ctxtui.storage.store import Store

from .common import paired_ratio, summary
from .export_bench import big_conference

ROUNDS = 21


def launch(*args: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-m", "bench.launch", *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def run() -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        conference = Store(folder).create(big_conference())
        runs: dict[str, list[dict[str, float]]] = {"ours": [], "bare": [], "minimal": []}
        apps = {
            "ours": ("ctxtui", folder, conference.id),
            "bare": ("bare",),
            "minimal": ("minimal",),
        }
        for round_ in range(ROUNDS):
            # ours always beside the one text area, first in one round and last in the next:
            # a pair made back to back sees the same machine, and neither gains by going first
            order = ("ours", "minimal", "bare") if round_ % 2 == 0 else ("bare", "minimal", "ours")
            for name in order:
                runs[name].append(launch(*apps[name]))
        ours, bare, minimal = runs["ours"], runs["bare"], runs["minimal"]

    def median(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    def first_frames(runs: list[dict[str, float]]) -> list[float]:
        return [r["seconds"] for r in runs]

    start_ours, start_bare = median(ours, "seconds"), median(bare, "seconds")
    start_minimal = median(minimal, "seconds")
    vs_bare = paired_ratio(first_frames(ours), first_frames(bare))
    vs_minimal = paired_ratio(first_frames(ours), first_frames(minimal))
    idle_ours, idle_bare = median(ours, "idle"), median(bare, "idle")
    mem_ours, mem_bare = median(ours, "peak_kib") / 1024, median(bare, "peak_kib") / 1024
    print(
        f"start-up to first frame: ctxtui {start_ours:.3f} s, bare app {start_bare:.3f} s, "
        f"one text area {start_minimal:.3f} s; to idle: ctxtui {idle_ours:.3f} s, bare app "
        f"{idle_bare:.3f} s"
    )
    print(f"peak memory: ctxtui {mem_ours:.1f} MiB, bare app {mem_bare:.1f} MiB")
    return [
        summary("startup_open_big", f"{start_ours:.3f}s", vs_bare, 1.2),
        summary("startup_vs_minimal", f"{start_ours:.3f}s", vs_minimal, 1.2),
        summary("peak_memory_open_big", f"{mem_ours:.1f}MiB", mem_ours / mem_bare, 1.5),
    ]
