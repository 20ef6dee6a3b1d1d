"""Writes ``ctxtui/core/bank_holidays.py``: the UK bank holidays per nation, worked out by the
``holidays`` package for the years conferences are held in.

The app looks dates up in that table instead of importing ``holidays`` (426 modules and about
18 MiB once loaded, for nine dates a year); a year outside it still asks the package.
``tests/test_dates.py`` checks the table against the installed package, so a bank holiday
declared in a later release shows up as a failing test: run ``make holidays`` then.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "ctxtui" / "core" / "bank_holidays.py"
FIRST, LAST = 1990, 2080


def from_package(nation_code: str, year: int) -> list[dt.date]:
    import holidays

    return sorted(holidays.country_holidays("GB", subdiv=nation_code, years=year))


def table_text() -> str:
    from ctxtui.core.dates import NATIONS

    lines = [
        '"""UK bank holidays per nation, as the ``holidays`` package gives them (made by',
        "``make holidays`` from tests/holiday_table.py: do not edit). One string of ISO dates a",
        "nation, each followed by a space.",
        '"""',
        "",
        f"FIRST_YEAR, LAST_YEAR = {FIRST}, {LAST}",
        "",
        "DATES: dict[str, str] = {",
    ]
    for nation, code in NATIONS.items():
        days = [d for year in range(FIRST, LAST + 1) for d in from_package(code, year)]
        text = " ".join(d.isoformat() for d in days)
        lines.append(f'    "{nation}": (')
        # 8 dates a line keeps the file within the line length
        for start in range(0, len(days), 8):
            chunk = " ".join(d.isoformat() for d in days[start : start + 8])
            lines.append(f'        "{chunk} "')
        lines.append("    ),")
        assert text
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    TARGET.write_text(table_text(), encoding="utf-8")
    print(f"wrote {TARGET}")
