"""In a real terminal (tmux, 80×24, TERM=xterm): keystroke-to-screen latency and bytes written
to the terminal per typed character, for ``ctxtui open`` on the big conference against a bare
TextArea app."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from ctxtui.store import Store
from tests.terminal import Terminal

from .common import summary
from .export_bench import big_conference

KEYS = 40
TEXT = "the quick brown fox jumps over the lazy dog by the underpass"


def measure(term: Terminal, ready: str, tmp: Path) -> tuple[float, float]:
    """Median seconds from send-keys to the character on screen, and bytes per character."""
    term.wait_for_text(ready)
    time.sleep(0.5)
    record = tmp / f"{term.socket}.out"
    term.tmux("pipe-pane", "-t", term.name, "-o", f"cat >> {record}")
    time.sleep(0.2)
    delays = []
    typed = ""
    for char in TEXT[:KEYS]:
        typed += char
        started = time.perf_counter()
        term.type(char)
        while typed.rstrip() not in term.screen():
            if time.perf_counter() - started > 5:
                raise AssertionError(f"{typed!r} never showed")
        delays.append(time.perf_counter() - started)
        time.sleep(0.05)  # a fast typist, one key at a time
    time.sleep(0.5)
    term.tmux("pipe-pane", "-t", term.name)
    written = record.stat().st_size if record.exists() else 0
    return statistics.median(delays), written / KEYS


def run() -> list[str]:
    env = {"TERM": "xterm", "HOME": os.environ.get("HOME", "/")}
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        store = Store(tmp / "data")
        for _round in range(2):
            # a fresh copy each round: the line typed in the last one is kept unfiled and would
            # come back into the capture line
            conference = store.create(big_conference())
            for name in ("ctxtui", "bare"):
                term = Terminal(tmp)
                try:
                    if name == "ctxtui":
                        term.start(
                            "open", conference.id, env={**env, "CTXTUI_DATA_DIR": str(store.root)}
                        )
                        ready = "Type a point"
                    else:
                        term.start_command(
                            [sys.executable, "-m", "bench.bare_textarea"],
                            env=env,
                            cwd=Path(__file__).resolve().parent.parent,
                        )
                        ready = ""
                        time.sleep(1.5)  # no text to wait for on an empty TextArea
                    results.setdefault(name, []).append(measure(term, ready, tmp))
                finally:
                    term.close()
    latency = {n: statistics.median(r[0] for r in rs) for n, rs in results.items()}
    per_key = {n: statistics.median(r[1] for r in rs) for n, rs in results.items()}
    print(
        f"keystroke to screen: ctxtui {latency['ctxtui'] * 1e3:.1f} ms, "
        f"bare TextArea {latency['bare'] * 1e3:.1f} ms"
    )
    print(
        f"bytes per typed character: ctxtui {per_key['ctxtui']:.0f}, "
        f"bare TextArea {per_key['bare']:.0f}"
    )
    return [
        summary(
            "keystroke_latency",
            f"{latency['ctxtui'] * 1e3:.1f}ms",
            latency["ctxtui"] / latency["bare"],
            1.2,
        ),
        summary(
            "bytes_per_key", f"{per_key['ctxtui']:.0f}B", per_key["ctxtui"] / per_key["bare"], 1.5
        ),
    ]
