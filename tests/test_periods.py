"""Calendar periods: bounds in time across clock changes, and the comparison period."""
import datetime as dt

import pandas as pd
import pytest

from helpers import periods


@pytest.mark.parametrize(("end", "hours"), [("2026-10-25", 25), ("2026-03-29", 23), ("2026-06-30", 24)])
def test_a_period_keeps_its_last_day_whole_across_a_clock_change(end, hours):
    # London: clocks go back on 25 October 2026 (a 25-hour day) and forward on 29 March 2026 (23 hours)
    first, after_last = periods.day_bounds(end, end, "Europe/London")
    assert after_last - first == pd.Timedelta(hours=hours)
    assert after_last == pd.Timestamp(end).tz_localize("Europe/London") + pd.DateOffset(days=1)
    assert str(after_last.date()) > end and after_last.hour == 0
    assert periods.day_bounds(None, end, "Europe/London")[0] is None
    assert periods.day_bounds(end, None, None) == (pd.Timestamp(end), None)


def test_a_day_whose_midnight_does_not_exist_starts_at_the_first_time_that_does():
    # Santiago moves its clocks from 00:00 to 01:00 on 6 September 2026: that day has no midnight
    first, after_last = periods.day_bounds("2026-09-01", "2026-09-05", "America/Santiago")
    assert after_last == pd.Timestamp("2026-09-06 01:00").tz_localize("America/Santiago")
    start, _ = periods.day_bounds("2026-09-06", "2026-09-06", "America/Santiago")
    assert start == after_last
    assert after_last - first == pd.Timedelta(days=5)  # five days of 24 hours; the skipped hour is the 6th's


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2026-10-01", "2026-10-31", ("2026-09-01", "2026-09-30")),  # a whole month: the month before
    ("2026-03-01", "2026-03-31", ("2026-02-01", "2026-02-28")),  # whatever its length
    ("2026-09-01", "2026-10-31", ("2026-07-01", "2026-08-31")),  # two whole months: the two before
    ("2026-10-10", "2026-10-16", ("2026-10-03", "2026-10-09")),  # seven days: the seven days before
])
def test_the_comparison_period_is_the_same_whole_months_or_days_just_before(start, end, expected):
    got = periods.previous_period(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert tuple(day.isoformat() for day in got) == expected


def test_a_report_without_comparison_dates_uses_the_rosters_rule():
    from helpers.paths import DEMO_DIR
    from helpers.report import build_report

    report = build_report(client="kopi-senja", client_name="Kopi Senja", exports=[str(DEMO_DIR / "kopi-senja" / "*.csv")],
                          timezone="Asia/Jakarta", period_start="2026-10-01", period_end="2026-10-31")
    assert report.comparison_start.date() == dt.date(2026, 9, 1)
    assert report.comparison_end.date() == dt.date(2026, 9, 30)
    assert report.period_end.date() == dt.date(2026, 10, 31)


@pytest.mark.parametrize("given, meant", [
    ("asia/jakarta", "Asia/Jakarta"),  # IANA names are case-sensitive
    ("Jakarta", "Asia/Jakarta"),  # the city alone
    ("new york", "America/New_York"),  # the city as people write it
    ("Asia/Jakata", "Asia/Jakarta"),  # a slip
    ("utc", "UTC"),
    ("WIB", "Asia/Jakarta"), ("WITA", "Asia/Makassar"), ("wit", "Asia/Jayapura"),  # Indonesia's abbreviations
    ("Asia/Jakarta2", "Asia/Jakarta"),  # a digit alone makes no offset
    ("GMT+07:00", None), ("+0700", None), ("UTC -3", None),
    ("UTC+7", None),  # an offset: Etc/GMT+7 would be seven hours the other way (UTC-7)
    (420, None),  # +7:00 as YAML reads it
    ("Nowhere/Land", None),
])
def test_the_time_zone_a_refused_name_likely_stands_for(given, meant):
    from helpers.periods import timezone_meant
    assert timezone_meant(given) == meant


def test_the_hint_for_a_refused_time_zone_in_both_languages():
    from helpers.i18n import translator
    from helpers.periods import timezone_hint
    en, id_ = translator("en"), translator("id")
    assert en.message(timezone_hint("jakarta")) == "; probably 'Asia/Jakarta'"
    assert id_.message(timezone_hint("jakarta")) == "; mungkin maksud Anda 'Asia/Jakarta'?"
    assert en.message(timezone_hint("GMT+7")).startswith("; a UTC offset is no time zone")
    assert id_.message(timezone_hint("GMT+7")).startswith("; selisih dari UTC bukan zona waktu")
    assert timezone_hint("Nowhere/Land") == ""  # no safe guess: nothing added


@pytest.mark.parametrize("written, meant", [
    ("2025-18-03", ["2025-03-18"]),  # month and day swapped: 18 is no month
    ("18/03/2025", ["2025-03-18"]), ("03/18/2025", ["2025-03-18"]), ("18.03.2025", ["2025-03-18"]),
    ("03/04/2025", ["2025-04-03", "2025-03-04"]),  # either: day first, then month first
    ("2025-3-8", ["2025-03-08"]), ("20250308", ["2025-03-08"]),
    ("2025-02-30", []), ("31/02/2025", []), ("13/13/2025", []), ("last month", []), ("2025-03-18", [])])
def test_a_date_written_another_way_is_answered_with_the_day_or_days_it_may_mean(written, meant):
    assert periods.date_meant(written) == meant


@pytest.mark.parametrize("written, meant", [
    ("31 March 2025", ["2025-03-31"]), ("March 31, 2025", ["2025-03-31"]), ("31 Mar 2025", ["2025-03-31"]),
    ("31-Mar-2025", ["2025-03-31"]), ("1st March 2025", ["2025-03-01"]), ("Sept 30, 2025", ["2025-09-30"]),
    ("31 Maret 2025", ["2025-03-31"]), ("17 Agu 2025", ["2025-08-17"]),  # Indonesian names too
    ("31 April 2025", []), ("31 Foo 2025", [])])  # no such day, no such month: no guess
def test_a_date_written_with_its_months_name_is_answered_with_the_day(written, meant):
    assert periods.date_meant(written) == meant


@pytest.mark.parametrize("written, first, last", [
    ("2025-03", "2025-03-01", "2025-03-31"), ("2024/2", "2024-02-01", "2024-02-29"),
    ("03/2025", "2025-03-01", "2025-03-31"), ("March 2025", "2025-03-01", "2025-03-31"),
    ("Sep 2025", "2025-09-01", "2025-09-30")])
def test_a_month_written_as_a_period_is_read_as_its_first_and_last_days(written, first, last):
    assert periods.month_meant(written) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("written", ["2025-13", "2025-03-01", "last month", "March"])
def test_a_text_that_names_no_month_is_no_month(written):
    assert periods.month_meant(written) is None
