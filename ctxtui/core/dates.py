"""Due dates: minutes one working day after the conference, a review about three months after
(and never later than 20 weeks). Working days skip weekends and the bank holidays of the
configured UK nation."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable, Mapping

from ctxtui.core import bank_holidays
from ctxtui.core.record import LAST_YEAR as LAST_RECORD_YEAR

# nation name -> subdivision code of the ``holidays`` package (country "GB")
NATIONS: dict[str, str] = {
    "england-and-wales": "ENG",
    "scotland": "SCT",
    "northern-ireland": "NIR",
}
DEFAULT_NATION = "england-and-wales"
REVIEW_MONTHS = 3
REVIEW_LIMIT = dt.timedelta(weeks=20)


def nation_from_env(config_value: str | None = None) -> str:
    """The nation in force: ``CTXTUI_NATION``, else the config file's value, else the default."""
    nation = os.environ.get("CTXTUI_NATION") or config_value or DEFAULT_NATION
    nation = nation.strip().lower()
    if nation not in NATIONS:
        raise ValueError(f"unknown nation {nation!r}: use one of {', '.join(NATIONS)}")
    return nation


@functools.lru_cache(maxsize=64)
def _bank_holidays(nation: str, year: int) -> frozenset[dt.date]:
    if bank_holidays.FIRST_YEAR <= year <= bank_holidays.LAST_YEAR:
        return _from_table(nation)[year]
    return _from_package(nation, year)


@functools.lru_cache(maxsize=len(NATIONS))
def _from_table(nation: str) -> dict[int, frozenset[dt.date]]:
    """The shipped table (``bank_holidays.py``, made from the ``holidays`` package): the
    package itself costs 426 modules and about 18 MiB once imported, for nine dates a year."""
    by_year: dict[int, set[dt.date]] = {
        year: set() for year in range(bank_holidays.FIRST_YEAR, bank_holidays.LAST_YEAR + 1)
    }
    for text in bank_holidays.DATES[nation].split():
        day = dt.date.fromisoformat(text)
        by_year[day.year].add(day)
    return {year: frozenset(days) for year, days in by_year.items()}


def _from_package(nation: str, year: int) -> frozenset[dt.date]:
    # imported only for a year outside the table: it is slow to load
    import holidays

    make_table: Callable[..., Mapping[dt.date, str]] = holidays.country_holidays  # untyped
    return frozenset(make_table("GB", subdiv=NATIONS[nation], years=year).keys())


def is_working_day(day: dt.date, nation: str = DEFAULT_NATION) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(nation, day.year)


def add_working_days(start: dt.date, days: int, nation: str = DEFAULT_NATION) -> dt.date:
    day = start
    while days > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day, nation):
            days -= 1
    return day


def minutes_due(conference: dt.date, nation: str = DEFAULT_NATION) -> dt.date:
    """The minutes go out within one working day of the conference."""
    return add_working_days(conference, 1, nation)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` later, or the month's last day if it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    following_first = dt.date(year + month // 12, month % 12 + 1, 1)
    last_day = (following_first - dt.timedelta(days=1)).day
    return day.replace(year=year, month=month, day=min(day.day, last_day))


def next_working_day(day: dt.date, nation: str = DEFAULT_NATION) -> dt.date:
    """``day`` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day, nation):
        day += dt.timedelta(days=1)
    return day


def default_review(conference: dt.date, nation: str = DEFAULT_NATION) -> dt.date:
    """Three months after the conference, moved on to a working day."""
    return next_working_day(add_months(conference, REVIEW_MONTHS), nation)


def default_review_text(conference: dt.date, nation: str = DEFAULT_NATION) -> str:
    """The default review date as stored (YYYY-MM-DD), or "" when it would fall past the last
    year a record may hold: a date the chair did not type never makes a record invalid."""
    review = default_review(conference, nation)
    return review.isoformat() if review.year <= LAST_RECORD_YEAR else ""


def review_warning(
    conference: dt.date | None, review: dt.date | None, nation: str = DEFAULT_NATION
) -> str | None:
    """A sentence for the chair when the review date breaks the guidance, else None."""
    if conference is None or review is None:
        return None
    if review <= conference:
        return "The review date is not after the conference."
    if not is_working_day(review, nation):
        better = next_working_day(review, nation)
        return f"The review date is not a working day; {better:%A} {better.isoformat()} is."
    if review - conference > REVIEW_LIMIT:
        weeks = (review - conference).days / 7
        return (
            f"The review is {weeks:.0f} weeks after the conference; the guidance says 20 at most."
        )
    return None
