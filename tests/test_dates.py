from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from ctxtui.core import dates

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("held", "nation", "due"),
    [
        ("2026-01-20", "england-and-wales", "2026-01-21"),  # Tuesday -> Wednesday
        ("2026-01-23", "england-and-wales", "2026-01-26"),  # Friday -> Monday
        ("2026-01-24", "england-and-wales", "2026-01-26"),  # Saturday -> Monday
        # Christmas 2026: Fri 25 and Boxing Day (Sat 26, observed Mon 28) are bank holidays
        ("2026-12-24", "england-and-wales", "2026-12-29"),
        ("2026-12-24", "scotland", "2026-12-29"),
        ("2026-12-31", "england-and-wales", "2027-01-04"),  # New Year's Day on Friday
        ("2026-12-31", "scotland", "2027-01-05"),  # Scotland also keeps 2 January (observed Mon 4)
        # Easter 2026: Good Friday 3 April everywhere, Easter Monday 6 April not in Scotland
        ("2026-04-02", "england-and-wales", "2026-04-07"),
        ("2026-04-02", "northern-ireland", "2026-04-07"),
        ("2026-04-02", "scotland", "2026-04-06"),
        ("2026-03-16", "northern-ireland", "2026-03-18"),  # St Patrick's Day
        ("2026-03-16", "england-and-wales", "2026-03-17"),
        ("2026-11-27", "scotland", "2026-12-01"),  # St Andrew's Day, Monday 30 November
        ("2026-11-27", "england-and-wales", "2026-11-30"),
    ],
)
def test_minutes_due_one_working_day_later(held, nation, due):
    assert dates.minutes_due(D(held), nation) == D(due)


@pytest.mark.parametrize(
    ("held", "review"),
    [
        ("2026-01-20", "2026-04-20"),
        ("2026-11-30", "2027-03-01"),  # 28 February 2027 is a Sunday
        ("2027-11-30", "2028-02-29"),  # a Tuesday in a leap year
        ("2026-10-15", "2027-01-15"),
    ],
)
def test_default_review_is_three_months_later_on_a_working_day(held, review):
    assert dates.default_review(D(held)) == D(review)


def test_review_warning_past_20_weeks():
    held = D("2026-01-20")
    assert dates.review_warning(held, held + dt.timedelta(weeks=20)) is None
    assert dates.review_warning(held, dates.default_review(held)) is None
    assert "21 weeks" in dates.review_warning(held, held + dt.timedelta(weeks=21))
    assert "not after" in dates.review_warning(held, held)
    assert dates.review_warning(None, held) is None


def test_nation_comes_from_the_environment(monkeypatch):
    assert dates.nation_from_env() == "england-and-wales"
    assert dates.nation_from_env("scotland") == "scotland"
    monkeypatch.setenv("CTXTUI_NATION", "Northern-Ireland")
    assert dates.nation_from_env("scotland") == "northern-ireland"
    monkeypatch.setenv("CTXTUI_NATION", "wales")
    with pytest.raises(ValueError, match="england-and-wales, scotland, northern-ireland"):
        dates.nation_from_env()


def test_nation_from_the_config_file(tmp_path, monkeypatch):
    from ctxtui.storage import config

    path = config.config_path()
    path.parent.mkdir(parents=True)
    path.write_text('nation = "scotland"\n', encoding="utf-8")
    assert config.nation() == "scotland"
    monkeypatch.setenv("CTXTUI_NATION", "england-and-wales")
    assert config.nation() == "england-and-wales"


def test_the_default_review_lands_on_a_working_day():
    assert dates.default_review(D("2026-11-30")) == D("2027-03-01")  # not Sunday 28 February
    assert dates.is_working_day(dates.default_review(D("2026-12-25")))


def test_a_review_typed_on_a_weekend_or_bank_holiday_is_warned():
    held = D("2026-01-20")
    assert "Monday 2026-04-20" in dates.review_warning(held, D("2026-04-18"))
    assert "not a working day" in dates.review_warning(held, D("2026-04-06"))  # Easter Monday


def test_the_review_follows_the_conference_date_until_set_by_hand():
    from ctxtui.core.record import Conference, Dates
    from ctxtui.meeting.editing import Editor

    editor = Editor(Conference(dates=Dates(conference="2026-01-20", review="2026-04-20")))
    editor.set_field("dates.conference", "2026-11-30")
    assert editor.conference.dates.review == "2027-03-01"
    editor.set_field("dates.review", "2027-02-15")  # by hand
    editor.set_field("dates.conference", "2026-12-01")
    assert editor.conference.dates.review == "2027-02-15"
    editor.undo()
    assert editor.conference.dates.conference == "2026-11-30"


def test_minutes_are_finalised_only_from_the_conference_day_and_the_clock_stops():
    import pytest

    from ctxtui.cli.demo import demo_conference
    from ctxtui.core.agenda import agenda_status
    from ctxtui.core.rules import Refused
    from ctxtui.meeting.editing import Editor

    now = [dt.datetime(2026, 1, 19, 17, 0)]
    editor = Editor(demo_conference(), now=lambda: now[0])
    with pytest.raises(Refused, match="2026-01-20"):
        editor.finalise()
    now[0] = dt.datetime(2026, 1, 20, 10, 0)
    editor.next_agenda_item()
    now[0] = dt.datetime(2026, 1, 20, 11, 0)
    editor.finalise()
    later = agenda_status(editor.conference, dt.datetime(2026, 1, 20, 15, 0))
    assert later.meeting_elapsed == 3600  # stopped at 11:00, not running on to 15:00


def test_the_shipped_bank_holiday_table_is_what_the_holidays_package_says():
    from ctxtui.core import bank_holidays
    from tests.holiday_table import table_text

    shipped = (Path(bank_holidays.__file__)).read_text(encoding="utf-8")
    assert shipped == table_text(), "the holidays package changed: run make holidays"


def test_a_year_outside_the_table_asks_the_holidays_package():
    import holidays

    from ctxtui.core import bank_holidays

    year = bank_holidays.LAST_YEAR + 1
    expected = set(holidays.country_holidays("GB", subdiv="SCT", years=year))
    assert {d for d in expected if not dates.is_working_day(d, "scotland")} == expected
    assert dates._bank_holidays("scotland", year) == frozenset(expected)


def test_due_dates_never_load_the_holidays_package():
    code = (
        "import sys, datetime as dt\n"
        "from ctxtui.core import dates\n"
        "dates.minutes_due(dt.date(2026, 12, 24), 'scotland')\n"
        "print('holidays' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
