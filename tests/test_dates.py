from __future__ import annotations

import datetime as dt

import pytest

from ctxtui import dates

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
        ("2026-11-30", "2027-02-28"),
        ("2027-11-30", "2028-02-29"),
        ("2026-10-15", "2027-01-15"),
    ],
)
def test_default_review_is_three_months_later(held, review):
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
    from ctxtui import config

    path = config.config_path()
    path.parent.mkdir(parents=True)
    path.write_text('nation = "scotland"\n', encoding="utf-8")
    assert config.nation() == "scotland"
    monkeypatch.setenv("CTXTUI_NATION", "england-and-wales")
    assert config.nation() == "england-and-wales"
