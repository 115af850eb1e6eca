"""Working-day arithmetic for the Complaint Handling Code's time limits.

A working day is a weekday that is not a bank holiday in the landlord's UK nation. The
``holidays`` package lists both a bank holiday that falls at a weekend and its weekday
substitute; counting weekdays only makes the weekend entry harmless.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

import holidays

SUBDIVISIONS = {"england": "ENG", "wales": "WLS", "scotland": "SCT", "northern_ireland": "NIR"}


class WorkingCalendar:
    """Working days for one nation, with dates taken in the landlord's own time zone."""

    def __init__(self, nation: str = "england", timezone: str = "Europe/London") -> None:
        if nation not in SUBDIVISIONS:
            raise ValueError(f"unknown nation {nation!r}; expected one of {sorted(SUBDIVISIONS)}")
        self.nation = nation
        self.zone = ZoneInfo(timezone)

    @cached_property
    def _holidays(self) -> holidays.HolidayBase:
        return holidays.country_holidays("GB", subdiv=SUBDIVISIONS[self.nation])

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._holidays

    def local_date(self, moment: datetime) -> date:
        """The calendar date of ``moment`` in the landlord's time zone."""
        return moment.astimezone(self.zone).date()

    def add_working_days(self, start: date | datetime, days: int) -> date:
        """The date ``days`` working days after ``start`` (the start day itself never counts)."""
        day = self.local_date(start) if isinstance(start, datetime) else start
        remaining = days
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``."""
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count

    def holiday_name(self, day: date) -> str | None:
        return self._holidays.get(day)
