"""Working days per UK nation, with bank holidays, weekends and the landlord's time zone."""

from __future__ import annotations

from datetime import date

import pytest

from gateway.deadlines import WorkingCalendar
from tests.conftest import utc


@pytest.mark.parametrize("nation, start, days, due", [
    ("england", date(2025, 12, 19), 5, date(2025, 12, 30)),   # Christmas and Boxing Day
    ("england", date(2025, 12, 19), 10, date(2026, 1, 7)),    # and New Year's Day
    ("england", date(2026, 8, 28), 1, date(2026, 9, 1)),      # late summer bank holiday weekend
    ("scotland", date(2026, 8, 28), 1, date(2026, 8, 31)),    # not a holiday in Scotland
    ("scotland", date(2025, 12, 31), 1, date(2026, 1, 5)),    # 1 and 2 January in Scotland
    ("england", date(2025, 12, 31), 1, date(2026, 1, 2)),
    ("northern_ireland", date(2026, 3, 16), 1, date(2026, 3, 18)),  # St Patrick's Day
    ("wales", date(2026, 4, 2), 1, date(2026, 4, 7)),          # Good Friday and Easter Monday
    ("england", date(2026, 12, 23), 5, date(2027, 1, 4)),      # Boxing Day substitute Monday
])
def test_add_working_days(nation, start, days, due):
    assert WorkingCalendar(nation).add_working_days(start, days) == due


def test_weekend_receipt_counts_from_monday():
    assert WorkingCalendar().add_working_days(date(2026, 11, 21), 5) == date(2026, 11, 27)


def test_late_evening_utc_is_next_day_in_british_summer_time():
    calendar = WorkingCalendar()
    # 23:30 UTC on Friday 5 June 2026 is 00:30 on Saturday in London: counted from Saturday
    assert calendar.local_date(utc(2026, 6, 5, 23, 30)) == date(2026, 6, 6)
    assert calendar.add_working_days(utc(2026, 6, 5, 23, 30), 1) == date(2026, 6, 8)


def test_weekend_holiday_entry_is_harmless():
    calendar = WorkingCalendar()
    assert calendar.holiday_name(date(2026, 12, 26)) is not None  # Boxing Day, a Saturday
    assert not calendar.is_working_day(date(2026, 12, 28))  # its weekday substitute
    assert calendar.working_days_between(date(2026, 12, 24), date(2026, 12, 29)) == 1


def test_unknown_nation_is_refused():
    with pytest.raises(ValueError, match="unknown nation"):
        WorkingCalendar("cornwall")
