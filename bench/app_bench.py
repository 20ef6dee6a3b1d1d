"""Start-up to the first interactive frame and peak memory: ``ctxtui open`` on the big
conference against a bare Textual app composing the same widget types, each in a new process."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile

from ctxtui.store import Store

from .common import summary
from .export_bench import big_conference

ROUNDS = 5


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
        ours, bare = [], []
        for _ in range(ROUNDS):  # alternate, so machine noise hits both
            ours.append(launch("ctxtui", folder, conference.id))
            bare.append(launch("bare"))
    start_ours = statistics.median(r["seconds"] for r in ours)
    start_bare = statistics.median(r["seconds"] for r in bare)
    mem_ours = statistics.median(r["peak_kib"] for r in ours) / 1024
    mem_bare = statistics.median(r["peak_kib"] for r in bare) / 1024
    print(f"start-up to first frame: ctxtui {start_ours:.3f} s, bare app {start_bare:.3f} s")
    print(f"peak memory: ctxtui {mem_ours:.1f} MiB, bare app {mem_bare:.1f} MiB")
    return [
        summary("startup_open_big", f"{start_ours:.3f}s", start_ours / start_bare, 1.3),
        summary("peak_memory_open_big", f"{mem_ours:.1f}MiB", mem_ours / mem_bare, 1.5),
    ]
