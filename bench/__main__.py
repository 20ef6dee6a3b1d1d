"""Run every benchmark; the last lines are one summary per figure."""

from __future__ import annotations

from . import app_bench, export_bench, preview_bench, service_bench, store_bench, terminal_bench

BENCHMARKS = [store_bench, service_bench, export_bench, app_bench, preview_bench, terminal_bench]


def main() -> int:
    lines: list[str] = []
    for module in BENCHMARKS:
        print(f"== {module.__name__}")
        lines += module.run()
    print("\n".join(lines))
    return 1 if any(line.endswith("MISS") for line in lines) else 0


raise SystemExit(main())
