"""Working days under the Algemene termijnenwet (only the 42nd-week report rolls forward).

Easter is computed (dateutil), never typed in a table, so every year works.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from dateutil.easter import easter


@cache
def holidays(year: int) -> frozenset[date]:
    """Algemene termijnenwet holidays; Goede Vrijdag is not one."""
    easter_sunday = easter(year)
    koningsdag = date(year, 4, 27)
    if koningsdag.weekday() == 6:  # on a Sunday it moves to Saturday 26 April
        koningsdag = date(year, 4, 26)
    return frozenset(
        {
            date(year, 1, 1),  # Nieuwjaarsdag
            easter_sunday + timedelta(days=1),  # tweede Paasdag
            easter_sunday + timedelta(days=39),  # Hemelvaartsdag
            easter_sunday + timedelta(days=50),  # tweede Pinksterdag
            koningsdag,
            date(year, 5, 5),  # Bevrijdingsdag
            date(year, 12, 25),
            date(year, 12, 26),
        }
    )


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in holidays(day.year)


def first_working_day_on_or_after(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day
