"""Dutch dates as users type them: pure functions of (text, today). No clock, no Rasa.

Public API::

    parse_date(text, today, *, allow_future=False) -> DateFound | DateUnclear | NoDate
    extract_periods(text, today) -> PeriodsFound | DateUnclear | NoDate
    format_date_nl(d) -> "maandag 3 maart 2025"
    extract_weeks(text, keyword) -> int | None
    without_task_time(text) -> text  # "wat moet ik vandaag doen?": "vandaag" is no date
    warm_up()  # optional, at service start: compiles the patterns (~0.1 s) ahead of time

A wrong date can cost an employer a year's salary, so anything vague or ambiguous gives a
``DateUnclear`` with a friendly Dutch question instead of a guess. Decisions:

* Numbers are day-month-year ("03-04-2025" is 3 april). Only a four-digit first part is
  read as ISO year-month-day ("2025-04-03"). Two-digit years are 20xx up to ten years ahead,
  else 19xx (and so before 2002).
* A date without a year is the most recent past (or today's) occurrence: "25 december" on
  23-11-2026 is 25-12-2025. If that occurrence is almost a year ago (the day is at most 14
  days after today in the calendar: "24 november" on 23 november) we ask for the year:
  a typo for this year is likelier than a sickness that started 364 days ago.
  With ``allow_future`` the nearest occurrence counts. "jl." forces the past, "a.s." the future.
* A written weekday must match ("maandag 3 maart"); otherwise we ask.
* "vorige maandag" / "volgende maandag" / "afgelopen week maandag" can mean the last one or
  the one in the previous (next) calendar week: we ask when those differ.
  "afgelopen maandag" is the last one before today; a bare "maandag" too, but when today is
  a Monday (or a future date is allowed) we ask.
* Durations: "twee weken geleden", "sinds 10 dagen", "al 3 weken ziek", "een half jaar
  geleden" (months are calendar months). A duration that does not land on a whole day
  ("anderhalve week" = 10,5 days, "anderhalve maand") gives a question naming both days.
  "over twee weken" is only read when ``allow_future`` ("vraag over 104 weken" is a topic).
* Vague: part of a month or year ("begin januari", "eind vorig jaar"), a bare month or year,
  "vorige maand", seasons and holidays ("in de zomer", "kerst"), "een paar weken geleden",
  "lang geleden", "sinds week 42", "sinds de 3e". Approximations ("rond 3 maart", "ongeveer
  twee weken geleden", "3 maart of zo", "voor/na 3 maart") are vague too. Hedges such as
  "ik denk" or "volgens mij" are not: the user still names one day.
* Several dates where one is expected: fine when they are the same day or when exactly one
  is marked as the start ("sinds …", "vanaf …", "… ziek geworden", "ziekgemeld op …");
  otherwise we ask which one ("sinds 3 maart ziek, gesprek op 10 april" → 3 maart).
* Not dates: "week 42", "12 weken", "104 weken", "spoor 2", "70%", "art. 7:629", "3/4".
  "sinds 12-10" (day-month without year) is only read after sinds/vanaf/per/tot.
* Periods: "tot" is read like "tot en met" (the end date as written); "tot nu (toe)" and
  "tot heden" mean still ongoing. A lone date without "sinds"/"van … tot" gets a question.
* Patterns compile on first use (importing stays cheap); ``warm_up()`` does it up front.
* dateparser is only a fallback for unusual notations ("maart 3, 2025", "3-mrt-2025"); it is
  imported on first use (it takes most of a second) and never downloads anything.
"""

from bot.dutch.format import format_date_nl

from .model import (
    DateFound,
    DateParse,
    DateUnclear,
    NoDate,
    Period,
    PeriodsFound,
    PeriodsParse,
    Reason,
)
from .patterns import warm_up
from .periods import extract_periods
from .single import parse_date
from .task_time import without_task_time
from .weeks import extract_weeks

__all__ = [
    "DateFound",
    "DateParse",
    "DateUnclear",
    "NoDate",
    "Period",
    "PeriodsFound",
    "PeriodsParse",
    "Reason",
    "extract_periods",
    "extract_weeks",
    "format_date_nl",
    "parse_date",
    "warm_up",
    "without_task_time",
]
